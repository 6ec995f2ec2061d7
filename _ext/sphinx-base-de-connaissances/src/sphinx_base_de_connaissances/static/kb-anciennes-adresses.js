// The home page answers the old addresses that were queries (WordPress's /?p=42): a map
// written by the build (_static/kb-anciennes-adresses.json) names the article to go to.
// Without a query, or over file://, it does nothing.
(() => {
  const query = window.location.search.slice(1);
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,30}=[A-Za-z0-9_.-]{1,60}$/.test(query)) return;
  const script = document.currentScript || document.querySelector("script[src*='kb-anciennes-adresses']");
  const map = new URL("kb-anciennes-adresses.json", script ? script.src : window.location.href);
  fetch(map, { credentials: "same-origin" })
    .then((response) => (response.ok ? response.json() : {}))
    .then((addresses) => {
      const target = Object.prototype.hasOwnProperty.call(addresses, query) ? addresses[query] : "";
      if (typeof target !== "string" || !target) return;
      const url = new URL(target, window.location.href);
      if (url.origin === window.location.origin || url.protocol === "https:" || url.protocol === "http:") {
        window.location.replace(url.href);
      }
    })
    .catch(() => {});
})();
