// Loaded only by pages whose text holds an image (writing/assets.py).
(function () {
  "use strict";

  // An article's images open full size: each becomes a button (its name says so, with the
  // image's text alternative) opening a modal dialog, which keeps the focus inside; Échap, the
  // « Fermer » button or a click outside the image closes it, and the focus goes back to the
  // image. The image is the page’s own file (the one Sphinx links to when it scaled it), at
  // its natural size within the screen.
  function setup() {
    const body = document.querySelector("[data-pagefind-body]");
    if (!body) return;
    // An image Sphinx scaled is a link to its file (« image-reference »): that link opens it;
    // an image in any other link or button is left to it.
    const images = [...body.querySelectorAll("img")].filter((img) => {
      const link = img.closest("a, button");
      return !img.closest("[data-kb-part], .kb-popovers") &&
        (!link || link.classList.contains("image-reference"));
    });
    if (!images.length) return;
    const dialog = document.createElement("dialog");
    dialog.className = "kb-zoom";
    dialog.setAttribute("aria-label", "Image agrandie");
    const figure = document.createElement("figure");
    const full = document.createElement("img");
    const caption = document.createElement("figcaption");
    const close = document.createElement("button");
    close.type = "button";
    close.className = "kb-copy kb-zoom__close";
    close.textContent = "Fermer";
    figure.append(full, caption);
    dialog.append(close, figure);
    document.body.append(dialog);
    let opener = null;
    close.addEventListener("click", () => dialog.close());
    dialog.addEventListener("click", (event) => {
      if (event.target === dialog) dialog.close();
    });
    dialog.addEventListener("close", () => opener && opener.focus());
    dialog.addEventListener("keydown", (event) => {
      if (event.key === "Tab") {  // « Fermer » is its one control: the focus stays on it
        event.preventDefault();
        close.focus();
      }
    });
    images.forEach((img) => {
      const alt = img.getAttribute("alt") || "";
      let button = img.closest("a.image-reference");
      if (button) {  // it opens a dialog: a button to assistive technologies, Space included
        button.setAttribute("role", "button");
        button.addEventListener("keydown", (event) => {
          if (event.key === " ") {
            event.preventDefault();
            button.click();
          }
        });
      } else {
        button = document.createElement("button");
        button.type = "button";
        img.replaceWith(button);
        button.append(img);
      }
      button.classList.add("kb-zoom__open");
      button.setAttribute("aria-label", alt ? `Agrandir l’image\u00a0: ${alt}` : "Agrandir l’image");
      button.setAttribute("aria-haspopup", "dialog");
      button.addEventListener("click", (event) => {
        event.preventDefault();
        opener = button;
        full.src = button.href || img.currentSrc || img.src;
        full.alt = alt;
        const shown = img.closest("figure");
        // The caption's own text, without the « # » of its permanent link.
        const legend = shown &&
          (shown.querySelector("figcaption .caption-text") || shown.querySelector("figcaption"));
        const parts = [legend ? legend.textContent.trim() : "", alt ? `Texte de l’image\u00a0: ${alt}` : ""];
        caption.textContent = parts.filter(Boolean).join(" — ");
        caption.hidden = !caption.textContent;
        dialog.showModal();
        close.focus();
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
