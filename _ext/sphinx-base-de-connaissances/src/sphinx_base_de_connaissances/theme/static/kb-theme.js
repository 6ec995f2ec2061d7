// The engine's small behaviours for sphinx-book-theme, in one file (one request).

// Dropdowns (theme switcher, source buttons) without Bootstrap's JavaScript, which pages no
// longer load: a `[data-bs-toggle="dropdown"]` button opens the `.dropdown-menu` beside it.
// Escape or a click elsewhere closes it; arrow keys move between its items.
(() => {
  const menuOf = (button) => button.parentElement.querySelector(":scope > .dropdown-menu");
  const items = (menu) => [...menu.querySelectorAll("a, button")];

  const close = (button, focus = false) => {
    const menu = menuOf(button);
    if (!menu || !menu.classList.contains("show")) return;
    menu.classList.remove("show");
    button.classList.remove("show");
    button.setAttribute("aria-expanded", "false");
    if (focus) button.focus();
  };
  const open = (button) => {
    const menu = menuOf(button);
    if (!menu) return;
    for (const other of document.querySelectorAll('[data-bs-toggle="dropdown"]')) {
      if (other !== button) close(other);
    }
    menu.setAttribute("data-bs-popper", "static"); // Bootstrap's CSS places it below
    menu.classList.add("show");
    button.classList.add("show");
    button.setAttribute("aria-expanded", "true");
  };

  document.addEventListener("DOMContentLoaded", () => {
    if (window.bootstrap) return; // the theme's stock assets (KB_ASSETS=stock) handle them
    for (const button of document.querySelectorAll('[data-bs-toggle="dropdown"]')) {
      const menu = menuOf(button);
      if (!menu) continue;
      button.setAttribute("aria-expanded", "false");
      button.addEventListener("click", (event) => {
        event.preventDefault();
        menu.classList.contains("show") ? close(button) : open(button);
      });
      button.parentElement.addEventListener("keydown", (event) => {
        const list = items(menu);
        const at = list.indexOf(document.activeElement);
        if (event.key === "Escape") {
          close(button, true);
        } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
          event.preventDefault();
          if (!menu.classList.contains("show")) open(button);
          const step = event.key === "ArrowDown" ? 1 : -1;
          list[(at + step + list.length) % list.length]?.focus();
        }
      });
      // A choice closes the menu; listened to while capturing, since the theme's own handler
      // on the item stops the click there.
      menu.addEventListener("click", () => close(button), true);
    }
    document.addEventListener("click", (event) => {
      for (const button of document.querySelectorAll('[data-bs-toggle="dropdown"]')) {
        if (!button.parentElement.contains(event.target)) close(button);
      }
    }, true);
  });
})();

// On phones the book theme shows its own "navigation" button, but pydata-sphinx-theme opens the
// sidebar from the first `.primary-toggle` of the page only (the header's, hidden here). Clicks
// on the others are handed to that one, so the navigation opens as the theme intends.
document.addEventListener("DOMContentLoaded", () => {
  const [bound, ...others] = document.querySelectorAll(".primary-toggle");
  for (const button of others) {
    button.addEventListener("click", (event) => {
      event.preventDefault();
      event.stopPropagation();
      bound.click();
    });
  }
});
