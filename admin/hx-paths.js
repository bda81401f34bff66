/* Where an item's files are, and their raw text: shared by the storage wrapper (hx-storage.js).
 *
 * An entry (or a trail) is data/<section>/<id>.yml plus its two pages, `heritage.stories[lang]`
 * + <id>.md; a column post is docs/<lang>/chuyen-muc/<slug>.md, which Decap's i18n sees as
 * docs/chuyen-muc/<lang>/<slug>.md (`toVirtual`/`toReal`). Read from the collections of
 * config.yml (hx-config.js) at each call: nothing here knows a section's name.
 */
(function () {
  "use strict";
  var CMS = window.CMS;
  if (!CMS || window.top !== window.self) return;
  var shared = window.HeritageEditor; // hx-config.js: Decap's configuration, captured once
  var LANGS = window.HeritageEditor.LANGS; // hx-config.js
  function collections() { return (shared.config && shared.config.collections) || []; }


  /** Collections of a YAML file plus its two pages: the sections' entries and the trails. */
  function entryCollections() {
    return collections().filter(function (c) { return c.heritage && c.heritage.stories; });
  }
  function columnCollection() {
    return collections().filter(function (c) { return c.heritage && c.heritage.kind === "column"; })[0];
  }
  /** data/<section>/<id>.yml → {collection, id}, or null. */
  function entryOf(path) {
    var found = null;
    entryCollections().forEach(function (c) {
      var prefix = c.folder + "/";
      if (path.indexOf(prefix) === 0 && /\.yml$/.test(path) && path.slice(prefix.length).indexOf("/") < 0) {
        found = { collection: c, id: path.slice(prefix.length, -4) };
      }
    });
    return found;
  }
  function storyPath(entry, lang) {
    return entry.collection.heritage.stories[lang] + entry.id + ".md";
  }
  /** Decap's docs/chuyen-muc/<lang>/<slug>.md → the site's docs/<lang>/chuyen-muc/<slug>.md. */
  function toReal(path) {
    var column = columnCollection();
    if (!column) return path;
    var prefix = column.folder + "/";
    if (path.indexOf(prefix) !== 0) return path;
    var rest = path.slice(prefix.length).split("/");
    var lang = rest.shift();
    return column.heritage.real[lang] ? column.heritage.real[lang] + "/" + rest.join("/") : path;
  }
  function toVirtual(path) {
    var column = columnCollection();
    if (!column) return path;
    var out = path;
    LANGS.forEach(function (lang) {
      var real = column.heritage.real[lang] + "/";
      if (path.indexOf(real) === 0) out = column.folder + "/" + lang + "/" + path.slice(real.length);
    });
    return out;
  }
  function isColumnIndex(path) { return /\/index\.md$/.test(path); }

  // --- raw text ---------------------------------------------------------------------------

  /** YAML double-quoted scalars accept JSON strings: the safe way to add a value to a file. */
  function withExtras(raw, id, stories) {
    var text = raw || "";
    if (text && !/\n$/.test(text)) text += "\n";
    var out = "id: " + JSON.stringify(id) + "\n" + text;
    if (stories) {
      LANGS.forEach(function (lang) { out += "story_" + lang + ": " + JSON.stringify(stories[lang] || "") + "\n"; });
    }
    return out;
  }
  function withoutId(raw) { return raw.replace(/^id:.*\r?\n/m, ""); }

  /** The revision `make check` compares: 12 hex digits of SHA-256 of the NFC text, trimmed,
   * each line without trailing spaces (heritage/content/translations.py revision()). */
  async function revision(text) {
    var normalised = text.normalize("NFC").replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").trim()
      .split("\n").map(function (l) { return l.replace(/\s+$/, ""); }).join("\n");
    var digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(normalised));
    return Array.from(new Uint8Array(digest)).map(function (b) { return b.toString(16).padStart(2, "0"); }).join("").slice(0, 12);
  }
  function setFrontField(raw, name, value) {
    var match = /^---\r?\n([\s\S]*?\n)?---\r?\n/.exec(raw);
    var line = name + ": " + value;
    if (!match) return "---\n" + line + "\n---\n\n" + raw;
    var front = match[1] || "";
    var re = new RegExp("^" + name + ":.*$", "m");
    front = re.test(front) ? front.replace(re, line) : front + line + "\n";
    return "---\n" + front + "---\n" + raw.slice(match[0].length);
  }
  var FRONT = /^---\r?\n[\s\S]*?\n---\r?\n/;
  function body(raw) { return (raw || "").replace(FRONT, ""); }
  function frontMatter(raw) { var m = FRONT.exec(raw || ""); return m ? m[0] : ""; }
  function frontField(raw, name) {
    var m = new RegExp("^" + name + ":\\s*(\\S+)", "m").exec((/^---\r?\n([\s\S]*?)\n---/.exec(raw || "") || ["", ""])[1]);
    return m ? m[1] : null;
  }

  shared.files = {
    LANGS: LANGS, entryCollections: entryCollections, columnCollection: columnCollection, entryOf: entryOf,
    storyPath: storyPath, toReal: toReal, toVirtual: toVirtual, isColumnIndex: isColumnIndex,
    withExtras: withExtras, withoutId: withoutId, revision: revision, setFrontField: setFrontField,
    body: body, frontMatter: frontMatter, frontField: frontField,
  };
})();
