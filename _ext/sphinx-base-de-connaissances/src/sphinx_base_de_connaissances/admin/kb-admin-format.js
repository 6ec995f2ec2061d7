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
 * The reading paths' file has a format of its own below, on the same principle.
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

  // The fields of a YAML mapping indented by ``indent`` spaces (0: the top level), each with
  // its own lines, in order; what comes before the first is a block without a key.
  function blocks(text, indent) {
    var found = [];
    var pattern = new RegExp("^" + " ".repeat(indent) + "([A-Za-z0-9_][\\w-]*):");
    text.split("\n").forEach(function (line, index, lines) {
      if (index === lines.length - 1 && line === "") {
        return;
      }
      var key = pattern.exec(line);
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
      blocks(source.parts.front, 0).forEach(function (block) {
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

  /* The reading paths (data/parcours.yml): a map from each path's key to its title,
   * description and articles, edited as a list (Decap has no widget for a map). The file's
   * comments, every path and every field of a path the writer did not change keep their
   * bytes. */
  var PATH_FIELDS = ["title", "description", "articles"];

  function pathsFromFile(content) {
    var text = content.replace(/\r\n/g, "\n");
    var map = window.jsyaml.load(text, { schema: window.jsyaml.CORE_SCHEMA }) || {};
    var data = {
      parcours: Object.keys(map).map(function (key) {
        var item = { cle: key };
        PATH_FIELDS.forEach(function (name) {
          if (map[key] && name in map[key]) item[name] = map[key][name];
        });
        return item;
      })
    };
    data[SOURCE] = JSON.stringify({ text: text, map: map });
    return data;
  }

  function pathsToFile(data) {
    var source = data[SOURCE] ? JSON.parse(data[SOURCE]) : { text: "", map: {} };
    var kept = {};
    var head = "";
    blocks(source.text, 0).forEach(function (block) {
      if (block.key === null) head += block.text; // the comments above the first path
      else kept[block.key] = block.text;
    });
    return (data.parcours || []).reduce(function (out, item) {
      var value = said(item);
      if (!(item.cle in kept)) return out + dump(item.cle, value); // a path added
      var was = said(source.map[item.cle] || {});
      var text = "";
      var done = {};
      blocks(kept[item.cle], 2).forEach(function (block) {
        var name = block.key;
        if (name === null || !(name in was)) {
          text += block.text; // the path's key line, a comment
          return;
        }
        done[name] = true;
        if (name in value) {
          text += same(value[name], was[name]) ? block.text : indented(name, value[name]);
        }
      });
      PATH_FIELDS.forEach(function (name) {
        if (name in value && !done[name]) text += indented(name, value[name]);
      });
      return out + text;
    }, head);
  }

  function indented(key, value) {
    return dump(key, value).replace(/^(?=.)/gm, "  ");
  }

  function said(path) {
    // A path's fields in the engine's order, the empty ones left out.
    var value = {};
    PATH_FIELDS.forEach(function (name) {
      if (!empty(path[name])) value[name] = path[name];
    });
    return value;
  }

  window.CMS.registerCustomFormat("kb-paths", "yml", {
    fromFile: pathsFromFile,
    toFile: pathsToFile
  });
})();
