// Light or dark before the first paint, as the reader last chose (the theme's own logic),
// from a file rather than inline: the Content Security Policy allows no inline script.
document.documentElement.dataset.mode = localStorage.getItem("mode") || "";
document.documentElement.dataset.theme = localStorage.getItem("theme") || "";
