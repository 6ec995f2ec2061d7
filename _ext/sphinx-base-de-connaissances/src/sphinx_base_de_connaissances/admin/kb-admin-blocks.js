/* The base's boxed notes (MyST admonitions, « :::{note} … ::: ») in the article's preview, as
 * the site shows them: their classes, their French title, the site's own stylesheet. Written
 * as an editor component, the form in which Decap CMS previews a block of its own syntax; in
 * Markdown mode (the only one the base uses: it keeps the text as written) Decap offers no
 * menu to insert one, so the writer types it, as the body's hint shows.
 */
(function () {
  "use strict";

  var KINDS = {
    note: "Remarque",
    tip: "Astuce",
    hint: "Indice",
    important: "Important",
    warning: "Avertissement",
    caution: "Prudence",
    attention: "Attention",
    danger: "Danger",
    error: "Erreur",
    seealso: "Voir aussi"
  };
  var NAMES = Object.keys(KINDS).join("|");

  function escaped(text) {
    return String(text)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
  }

  function paragraphs(text) {
    return String(text || "")
      .split(/\n\s*\n/)
      .filter(function (part) { return part.trim(); })
      .map(function (part) { return "<p>" + escaped(part.trim()) + "</p>"; })
      .join("");
  }

  window.CMS.registerEditorComponent({
    id: "kb-admonition",
    label: "Encadré",
    fields: [
      {
        name: "kind",
        label: "Sorte",
        widget: "select",
        default: "note",
        options: Object.keys(KINDS).map(function (kind) {
          return { label: KINDS[kind], value: kind };
        })
      },
      { name: "text", label: "Texte", widget: "text" }
    ],
    pattern: new RegExp("^:::\\{(" + NAMES + ")\\}[ \\t]*\\n([\\s\\S]*?)\\n:::[ \\t]*$"),
    fromBlock: function (match) {
      return { kind: match[1], text: match[2] };
    },
    toBlock: function (data) {
      return ":::{" + (data.kind || "note") + "}\n" + (data.text || "") + "\n:::";
    },
    toPreview: function (data) {
      var kind = KINDS[data.kind] ? data.kind : "note";
      return (
        '<div class="admonition ' + kind + '"><p class="admonition-title">' + KINDS[kind] +
        "</p>" + paragraphs(data.text) + "</div>"
      );
    }
  });
})();
