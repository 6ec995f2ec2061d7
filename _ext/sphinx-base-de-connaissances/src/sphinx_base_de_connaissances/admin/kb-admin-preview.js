/* The article's preview as the site shows it. Decap renders the body's Markdown; MyST's own
 * syntax is text to it. A copy of what it renders is shown instead, with MyST's blocks as the
 * site writes them in HTML, so that the site's stylesheet applies: figures (« :::{figure} »),
 * glossary terms and cross-references (« {term}`…` »), tables (the site's « table » class).
 * Decap's own rendering stays hidden and untouched (React owns it); only the copy is changed.
 */
(function () {
  "use strict";

  var ROLES = /\{(term|doc|ref|numref|abbr|download)\}$/;
  var FIGURE = /^:::\{figure\}[ \t]*(\S*)/;

  function shown(text) {
    // « texte <cible> » shows « texte »; a bare target shows itself.
    var found = /^([\s\S]*?)\s*<[^<>]*>$/.exec(text);
    return found && found[1] ? found[1] : text;
  }

  function roles(root) {
    var doc = root.ownerDocument;
    Array.prototype.forEach.call(root.querySelectorAll("code"), function (code) {
      var before = code.previousSibling;
      if (!before || before.nodeType !== 3) return;
      var found = ROLES.exec(before.nodeValue);
      if (!found) return;
      before.nodeValue = before.nodeValue.slice(0, found.index);
      var link = doc.createElement("a");
      link.className = "reference internal";
      var span = doc.createElement("span");
      span.className = "xref std std-" + found[1];
      span.textContent = shown(code.textContent);
      link.appendChild(span);
      code.replaceWith(link);
    });
  }

  function tables(root) {
    Array.prototype.forEach.call(root.querySelectorAll("table"), function (table) {
      table.classList.add("table");
    });
  }

  function source(path, getAsset) {
    // An image of the media folder as the editing space holds it (just uploaded, or read from
    // the repository); any other from the site, whatever path the site is published under.
    var fromRoot = path.replace(/^(\.\.\/|\/)+/, "");
    var name = path.slice(path.lastIndexOf("/") + 1);
    if (getAsset && fromRoot === window.kbAdmin.media + "/" + name) {
      return String(getAsset(name));
    }
    return new URL(fromRoot, new URL("../", location.href)).href;
  }

  function figures(root, getAsset) {
    var doc = root.ownerDocument;
    Array.prototype.forEach.call(root.querySelectorAll("p"), function (start) {
      var head = FIGURE.exec(start.textContent);
      if (!head || !root.contains(start)) return;
      var parts = [start];
      var next = start.nextElementSibling;
      while (!/(^|\n):::\s*$/.test(parts[parts.length - 1].textContent) && next) {
        parts.push(next);
        next = next.nextElementSibling;
      }
      var lines = parts
        .map(function (part) { return part.textContent; })
        .join("\n\n")
        .split("\n")
        .slice(1);
      var options = {};
      while (lines.length && /^:\w+:/.test(lines[0])) {
        var option = /^:(\w+):\s*(.*)$/.exec(lines.shift());
        options[option[1]] = option[2];
      }
      var caption = lines.join("\n").replace(/\n?:::\s*$/, "").trim();
      var figure = doc.createElement("figure");
      figure.className = "align-default";
      var image = doc.createElement("img");
      image.src = source(head[1], getAsset);
      image.alt = options.alt || "";
      figure.appendChild(image);
      if (caption) {
        var figcaption = doc.createElement("figcaption");
        caption.split(/\n\s*\n/).forEach(function (text) {
          var paragraph = doc.createElement("p");
          var span = doc.createElement("span");
          span.className = "caption-text";
          span.textContent = text.trim();
          paragraph.appendChild(span);
          figcaption.appendChild(paragraph);
        });
        figure.appendChild(figcaption);
      }
      start.replaceWith(figure);
      parts.slice(1).forEach(function (part) { part.remove(); });
    });
  }

  var Preview = window.createClass({
    componentDidMount: function () {
      this.copy();
    },
    componentDidUpdate: function () {
      this.copy();
    },
    componentWillUnmount: function () {
      if (this.observer) this.observer.disconnect();
    },
    copy: function () {
      var from = this.rendered;
      var to = this.shown;
      if (!from || !to) return;
      if (!this.observer) {
        // Decap renders the body after the template, and again as the writer types.
        this.observer = new MutationObserver(this.copy.bind(this));
        this.observer.observe(from, { childList: true, subtree: true, characterData: true });
      }
      var copy = from.cloneNode(true);
      figures(copy, this.props.getAsset);
      roles(copy);
      tables(copy);
      to.replaceChildren.apply(to, Array.prototype.slice.call(copy.childNodes));
    },
    render: function () {
      var self = this;
      var h = window.h;
      return h(
        "article",
        { className: "bd-article kb-preview", style: { padding: "0 1.5rem" } },
        h("h1", {}, this.props.entry.getIn(["data", "title"])),
        h(
          "div",
          { hidden: true, ref: function (node) { self.rendered = node; } },
          this.props.widgetFor("body")
        ),
        h("div", { className: "kb-preview-body", ref: function (node) { self.shown = node; } })
      );
    }
  });

  window.CMS.registerPreviewTemplate("articles", Preview);
})();
