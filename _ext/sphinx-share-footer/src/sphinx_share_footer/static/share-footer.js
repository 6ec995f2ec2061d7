/* Share footer: progressive enhancements of plain links. No request leaves the page. */
(() => {
  "use strict";
  const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
  const STORAGE_KEY = "share-footer-mastodon-instance";

  function status(footer, message) {
    const region = footer.querySelector("[data-share-status]");
    if (region) region.textContent = message;
  }

  function copyFallback(text) {
    const field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    let done = false;
    try { done = document.execCommand("copy"); } catch (error) { done = false; }
    field.remove();
    return done;
  }

  function setupCopy(footer, url) {
    const button = footer.querySelector("[data-share-copy]");
    if (!button) return;
    button.closest("[data-share-needs]").hidden = false;
    button.addEventListener("click", async () => {
      let done = false;
      if (navigator.clipboard && window.isSecureContext) {
        try { await navigator.clipboard.writeText(url); done = true; } catch (error) { done = false; }
      }
      if (!done) done = copyFallback(url);
      status(footer, done ? button.dataset.done : button.dataset.failed);
    });
  }

  function setupNative(footer, data) {
    const button = footer.querySelector("[data-share-native]");
    if (!button || typeof navigator.share !== "function") return;
    button.closest("[data-share-needs]").hidden = false;
    button.addEventListener("click", () => {
      navigator.share(data).catch(() => { /* dismissed by the reader */ });
    });
  }

  function mastodonUrl(host, data) {
    const text = `${data.title}\n${data.url}`;
    return `https://${host}/share?text=${encodeURIComponent(text)}`;
  }

  function setupMastodon(footer, data) {
    const form = footer.querySelector("[data-share-mastodon]");
    if (!form) return;
    form.hidden = false;
    const input = form.querySelector("input");
    const output = form.querySelector("output");
    try { input.value = localStorage.getItem(STORAGE_KEY) || ""; } catch (error) { /* private mode */ }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      // Accepts "piaille.fr", "https://piaille.fr/@moi" and "@moi@piaille.fr".
      const host = input.value.trim().replace(/^https?:\/\//i, "").replace(/\/.*$/, "").split("@").pop();
      if (!HOST.test(host)) {
        output.textContent = form.dataset.invalid;
        input.setAttribute("aria-invalid", "true");
        input.focus();
        return;
      }
      input.removeAttribute("aria-invalid");
      output.textContent = "";
      try { localStorage.setItem(STORAGE_KEY, host); } catch (error) { /* private mode */ }
      window.open(mastodonUrl(host, data), "_blank", "noopener,noreferrer");
    });
  }

  function setup(footer) {
    const data = { url: footer.dataset.url, title: footer.dataset.title };
    if (footer.dataset.text) data.text = footer.dataset.text;
    setupCopy(footer, data.url);
    setupNative(footer, data);
    setupMastodon(footer, data);
  }

  const start = () => document.querySelectorAll("[data-share-footer]").forEach(setup);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
