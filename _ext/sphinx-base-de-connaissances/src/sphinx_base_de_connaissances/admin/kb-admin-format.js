/* The editing space's article format: what a writer did not change stays byte for byte.
 *
 * Decap CMS writes a file back from its values, in its own YAML style (quotes dropped, long
 * lines folded, lists in block form) and without the blank line after the front matter. This
 * format reads an article with js-yaml (core schema: dates stay the text they are) and keeps
 * the text it read; on saving, each front-matter field whose value did not change keeps its
 * lines as they were, a changed one is written alone, a new one is added only when it says
 * something (not empty, not its default), and an unchanged body keeps its bytes.
 *
 * window.kbAdmin.defaults: the value each boolean field means when absent (from the build).
 */
(function () {
  "use strict";

  var SOURCE = "__kb_source"; // the text read, carried with the entry's values
  var OPEN = "---\n";
  var CLOSE = /\n---[ \t]*(\n|$)/;

  function split(content) {
    var text = content.replace(/\r\n/g, "\n");
    if (text.indexOf(OPEN) !== 0) {
      return { front: "", body: text, separator: "" };
    }
    var rest = text.slice(OPEN.length);
    var end = rest.search(CLOSE);
    if (end < 0) {
      return { front: "", body: text, separator: "" };
    }
    var closing = rest.slice(end).match(CLOSE)[0];
    var after = rest.slice(end + closing.length);
    var separator = after.match(/^\n*/)[0];
    return { front: rest.slice(0, end + 1), body: after.slice(separator.length), separator: separator };
  }

  // The front matter's top-level fields, each with its own lines, in order.
  function blocks(front) {
    var found = [];
    front.split("\n").forEach(function (line, index, lines) {
      if (index === lines.length - 1 && line === "") {
        return;
      }
      var key = /^([A-Za-z_][\w-]*):/.exec(line);
      if (key || !found.length) {
        found.push({ key: key ? key[1] : null, text: line + "\n" });
      } else {
        found[found.length - 1].text += line + "\n";
      }
    });
    return found;
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function empty(value) {
    return (
      value === undefined ||
      value === null ||
      value === "" ||
      (Array.isArray(value) && value.length === 0)
    );
  }

  function dump(key, value) {
    var field = {};
    field[key] = value;
    return window.jsyaml.dump(field, { schema: window.jsyaml.CORE_SCHEMA, lineWidth: -1 });
  }

  function fromFile(content) {
    var parts = split(content);
    var values = parts.front
      ? window.jsyaml.load(parts.front, { schema: window.jsyaml.CORE_SCHEMA }) || {}
      : {};
    var data = Object.assign({}, values, { body: parts.body });
    data[SOURCE] = JSON.stringify({ parts: parts, values: values });
    return data;
  }

  function toFile(data) {
    var defaults = (window.kbAdmin && window.kbAdmin.defaults) || {};
    var source = data[SOURCE] ? JSON.parse(data[SOURCE]) : null;
    var fields = Object.assign({}, data);
    var body = fields.body === undefined ? "" : String(fields.body);
    delete fields.body;
    delete fields[SOURCE];
    var front = "";
    var done = {};
    if (source) {
      blocks(source.parts.front).forEach(function (block) {
        var key = block.key;
        if (key === null || !(key in source.values)) {
          front += block.text; // a comment or what js-yaml read under another key
          return;
        }
        done[key] = true;
        if (!(key in fields) || empty(fields[key])) {
          return; // emptied by the writer: the field goes
        }
        front += same(fields[key], source.values[key]) ? block.text : dump(key, fields[key]);
      });
    }
    Object.keys(fields).forEach(function (key) {
      var value = fields[key];
      if (done[key] || empty(value) || (key in defaults && value === defaults[key])) {
        return;
      }
      front += dump(key, value);
    });
    var unchanged = source && body === source.parts.body;
    var separator = source ? source.parts.separator : "\n";
    return OPEN + front + "---\n" + separator + (unchanged ? source.parts.body : body);
  }

  window.CMS.registerCustomFormat("kb-frontmatter", "md", { fromFile: fromFile, toFile: toFile });
})();
