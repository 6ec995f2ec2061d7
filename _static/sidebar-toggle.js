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
