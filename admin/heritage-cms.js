/* Di sản Tân An — the project's side of the web editor (Decap CMS, /admin/).
 *
 * Decap models one entry as one file. An entry of this site is three files
 * (data/<section>/<id>.yml and its stories docs/vi/<section>/<id>.md, docs/en/…), so is a
 * trail (data/trails/<id>.yml and docs/<lang>/hanh-trinh/<id>.md), and a column post is two
 * (docs/vi/chuyen-muc/<slug>.md, docs/en/…). Rather than change the
 * content layout (the contract keeps it), this script wraps Decap's own storage backends
 * (GitHub, and the local proxy of `make edit`) so that one form reads and writes all of an
 * entry's files in one commit, hence one pull request:
 *
 *  - entries and trails (every collection whose config has `heritage.stories`): the form
 *    shows the YAML's fields plus `id` and the two pages; on reading, the id (the file's name)
 *    and both pages (without their front matter) are added to what Decap sees; on saving,
 *    they are taken out again and the pages written to `heritage.stories[lang]` + <id>.md,
 *    each keeping the front matter it had.
 *  - column: Decap's i18n ("multiple_folders") keeps a post as docs/chuyen-muc/<lang>/<slug>.md;
 *    every path is mapped to and from the site's docs/<lang>/chuyen-muc/<slug>.md.
 *  - translation freshness (posts, stories, trails' pages): when a save changes the English
 *    text together with the Vietnamese, the English page records the Vietnamese revision it translates
 *    (`translated_from`, as `python -m heritage translations --stamp`); when only the
 *    Vietnamese changes, the old revision stays and `make check` marks the English stale.
 *
 * Everything it writes goes through `make check` in the pull request, like any other change.
 */
(function () {
  "use strict";
  // Inside a frame (another site laying its page over the form to steer the officer's clicks,
  // where the host sends no frame-ancestors header, as GitHub Pages): the editor never starts.
  if (window.top !== window.self) {
    document.addEventListener("DOMContentLoaded", function () {
      var note = document.createElement("p");
      note.id = "hx-framed";
      note.setAttribute("role", "alert");
      note.textContent = "Trình biên tập không chạy trong khung của trang khác: hãy mở trực tiếp địa chỉ /admin/ của trang. / " +
        "The editor does not run inside another page's frame: open the site's /admin/ address directly.";
      document.body.appendChild(note);
    });
    return;
  }
  var CMS = window.CMS;
  var h = window.h;
  var LANGS = ["vi", "en"];
  var config = null; // the collections, read once from config.yml by the wrapped backend

  // --- paths ----------------------------------------------------------------------------

  /** Collections of a YAML file plus its two pages: the sections' entries and the trails. */
  function entryCollections() {
    return (config.collections || []).filter(function (c) { return c.heritage && c.heritage.stories; });
  }
  function columnCollection() {
    return (config.collections || []).filter(function (c) { return c.heritage && c.heritage.kind === "column"; })[0];
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

  // --- stories stashed between preSave and the backend's persistEntry ----------------------

  var pendingStories = {}; // collection name → {vi, en}

  // --- search without diacritics ------------------------------------------------------------------
  // Decap's search is fuzzy over the summary's fields, accents included: "chua" missed "Chùa…".
  // Listed entries carry SEARCH_FIELD, their names and id folded ("Đình" → "dinh"); the summary
  // names it (collections.py) and prints nothing of it. It is never saved: the form's own read
  // (getEntry) does not add it, preSave and persistEntry take it out.
  var SEARCH_FIELD = "hx_search";
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  function searchLine(YAML, raw, id) {
    var data = null;
    try { data = YAML.parse(raw || ""); } catch (e) { /* a broken file is listed as it is; make check names it */ }
    var name = data && data.name;
    var words = [id].concat(name && typeof name === "object" ? [name.vi, name.en] : [name]).filter(Boolean);
    return SEARCH_FIELD + ": " + JSON.stringify(fold(words.join(" "))) + "\n";
  }

  function isList(v) { return v && typeof v.push === "function" && typeof v.toJS === "function"; }
  function isMap(v) { return v && typeof v.keySeq === "function" && !isList(v); }
  /** Empty optional fields are left out, as in a hand-written file (`make check` reads "" as
   * empty, not absent); text is stored in Unicode NFC like every file of the project. */
  function clean(value) {
    if (isList(value)) return value.map(clean).filter(function (v) { return v !== undefined; });
    if (isMap(value)) {
      var out = value.map(clean).filter(function (v) { return v !== undefined; });
      return out.size ? out : undefined;
    }
    if (value === null || value === undefined || (typeof value === "string" && !value.trim())) return undefined;
    return typeof value === "string" ? value.normalize("NFC") : value;
  }

  CMS.registerEventListener({
    name: "preSave",
    handler: function (args) {
      var entry = args.entry;
      var name = entry.get("collection");
      var isEntry = config && entryCollections().some(function (c) { return c.name === name; });
      var data = entry.get("data").delete(SEARCH_FIELD);
      if (isEntry) {
        pendingStories[name] = { vi: (data.get("story_vi") || "").normalize("NFC"), en: (data.get("story_en") || "").normalize("NFC") };
        data = data.delete("story_vi").delete("story_en");
      }
      return clean(data) || data.clear();
    },
  });

  // --- keeping each file's layout on save (heritage-yaml.js, with npm `yaml` v2 served from yaml/) ---

  var roundTripModules = null;
  /** Loaded once, from this site (the admin policy allows only 'self'); started at once so a save
   * never waits. A save without them is refused: writing Decap's own text would drop comments. */
  function roundTrip() {
    if (!roundTripModules) {
      roundTripModules = Promise.all([import("./yaml/index.js"), import("./heritage-yaml.js")]).then(function (m) {
        return { YAML: m[0], merge: m[1] };
      });
      roundTripModules.catch(function () { roundTripModules = null; });
    }
    return roundTripModules.catch(function (e) {
      throw new Error("Không tải được phần giữ nguyên bố cục tệp (/admin/yaml/): tải lại trang rồi lưu lại. / " +
        "The part that keeps the files' layout (/admin/yaml/) did not load: reload the page and save again. (" + e + ")");
    });
  }
  roundTrip().catch(function () {}); // load it before the first save

  // --- the backend wrapper ---------------------------------------------------------------------

  function wrap(inner) {
    var diffIds = {}; // path → blob id of the open pull request's files (editorial workflow)

    async function readOrEmpty(path) {
      try {
        var found = await inner.getEntry(path);
        return found && typeof found.data === "string" ? found.data : "";
      } catch (e) { return ""; }
    }
    /** One save reads each file once (the proxy's git mode serialises every request). */
    function readOnce() {
      var texts = {};
      return function (path) { return texts[path] || (texts[path] = readOrEmpty(path)); };
    }
    /** Both pages as the form shows them: the text only (the front matter stays in the file). */
    async function readStories(entry, read) {
      var stories = {};
      for (var i = 0; i < LANGS.length; i++) stories[LANGS[i]] = body(await read(storyPath(entry, LANGS[i]))).replace(/^\s*\n/, "");
      return stories;
    }
    async function listed(files) {
      var YAML = null;
      try { YAML = (await roundTrip()).YAML; } catch (e) { /* listed without the search helper */ }
      return files.filter(function (f) { return !(isColumnIndex(f.file.path)); }).map(function (f) {
        var path = toVirtual(f.file.path);
        var entry = entryOf(path);
        var data = f.data;
        if (entry) data = withExtras(f.data, entry.id) + (YAML && typeof f.data === "string" ? searchLine(YAML, f.data, entry.id) : "");
        return Object.assign({}, f, { file: Object.assign({}, f.file, { path: path }), data: data });
      });
    }

    var overrides = {
      entriesByFolder: async function (folder, extension, depth) {
        var column = columnCollection();
        if (column && folder === column.folder) {
          var all = [];
          for (var i = 0; i < LANGS.length; i++) all = all.concat(await inner.entriesByFolder(column.heritage.real[LANGS[i]], extension, 1));
          return listed(all);
        }
        return listed(await inner.entriesByFolder(folder, extension, depth));
      },
      allEntriesByFolder: async function (folder, extension, depth, pathRegex) {
        var column = columnCollection();
        if (column && folder === column.folder) return overrides.entriesByFolder(folder, extension, depth);
        return listed(await inner.allEntriesByFolder(folder, extension, depth, pathRegex));
      },
      entriesByFiles: async function (files) {
        var real = files.map(function (f) { return Object.assign({}, f, { path: toReal(f.path) }); });
        return listed(await inner.entriesByFiles(real));
      },
      getEntry: async function (path) {
        var found = await inner.getEntry(toReal(path));
        var entry = entryOf(path);
        var out = Object.assign({}, found, { file: Object.assign({}, found.file, { path: path }) });
        if (entry && typeof found.data === "string") out.data = withExtras(found.data, entry.id, await readStories(entry, readOrEmpty));
        return out;
      },
      persistEntry: async function (entry, options) {
        var files = (entry.dataFiles || [entry]).map(function (f) { return Object.assign({}, f); });
        var extra = [];
        var read = readOnce();
        for (var i = 0; i < files.length; i++) {
          var f = files[i];
          var own = entryOf(f.path);
          if (own) {
            if (f.newPath && f.newPath !== f.path) {
              throw new Error("Không đổi được mã (id) của mục đã có: biển QR và địa chỉ trang dùng mã này. Tạo mục mới và ghi mã cũ vào `aliases`. / The id of an existing entry cannot change: QR plaques and the page's address use it. Create a new entry and list the old id in `aliases`.");
            }
            f.raw = withoutId(f.raw).replace(new RegExp("^" + SEARCH_FIELD + ":.*\\r?\\n", "m"), "");
            var stories = pendingStories[own.collection.name] || { vi: "", en: "" };
            delete pendingStories[own.collection.name];
            for (var l = 0; l < LANGS.length; l++) {
              var lang = LANGS[l];
              // a page must exist in both languages (make check); an empty story is one blank line
              var text = stories[lang].trim() ? stories[lang].replace(/\s*$/, "\n") : "\n";
              var front = frontMatter(await read(storyPath(own, lang))); // e.g. translated_from
              extra.push({ path: storyPath(own, lang), slug: f.slug, raw: front ? front + "\n" + text : text });
            }
          } else {
            f.path = toReal(f.path);
            if (f.newPath) f.newPath = toReal(f.newPath);
          }
        }
        var dataFiles = files.concat(extra);
        await keepLayout(dataFiles, read); // first: the stamp hashes the Vietnamese page as it will be written
        await stampTranslation(dataFiles, read);
        var payload = Object.assign({}, entry, { dataFiles: dataFiles });
        delete payload.raw; delete payload.path;
        return inner.persistEntry(payload, options);
      },
      deleteFiles: async function (paths, message) {
        var real = [];
        paths.forEach(function (p) {
          real.push(toReal(p));
          var entry = entryOf(p);
          if (entry) LANGS.forEach(function (lang) { real.push(storyPath(entry, lang)); });
        });
        return inner.deleteFiles(real, message);
      },
      unpublishedEntry: async function (args) {
        var found = await inner.unpublishedEntry(args);
        if (found && found.diffs) {
          found.diffs = found.diffs.map(function (d) {
            diffIds[d.path] = d.id;
            return Object.assign({}, d, { path: toVirtual(d.path) });
          });
        }
        return found;
      },
      unpublishedEntryDataFile: async function (collection, slug, path, id) {
        var data = await inner.unpublishedEntryDataFile(collection, slug, toReal(path), id);
        var entry = entryOf(path);
        if (!entry) return data;
        var stories = await readStories(entry, async function (p) {
          try { return await inner.unpublishedEntryDataFile(collection, slug, p, diffIds[p]); } catch (e) { return readOrEmpty(p); }
        });
        return withExtras(data, entry.id, stories);
      },
    };

    /** Every YAML file and front matter is merged into the file's current text (heritage-yaml.js):
     * a save rewrites only the lines whose values changed, comments and layout stay. */
    async function keepLayout(files, read) {
      var tools = await roundTrip();
      for (var i = 0; i < files.length; i++) {
        var f = files[i];
        if (typeof f.raw !== "string" || !/\.(ya?ml|md)$/.test(f.path)) continue;
        f.raw = tools.merge.mergeFile(tools.YAML, f.path, await read(f.path), f.raw);
      }
    }

    /** The English page records the Vietnamese revision it translates, when both changed.
     * Twins are docs/vi/<path> and docs/en/<path> saved together (a post, an entry's or a trail's pages). */
    async function stampTranslation(files, read) {
      var twins = {};
      files.forEach(function (f) {
        var m = /^docs\/([a-z]+)\/(.+)$/.exec(f.path);
        if (m && LANGS.indexOf(m[1]) >= 0) (twins[m[2]] = twins[m[2]] || {})[m[1]] = f;
      });
      for (var rest in twins) {
        var byLang = twins[rest];
        if (!byLang.vi || !byLang.en || !body(byLang.en.raw).trim()) continue; // nothing translated yet
        var before = await read(byLang.en.path);
        var beforeVi = await read(byLang.vi.path);
        var englishChanged = !before || body(before).trim() !== body(byLang.en.raw).trim() || frontField(before, "title") !== frontField(byLang.en.raw, "title");
        var recorded = frontField(before, "translated_from");
        if (englishChanged || !beforeVi) {
          byLang.en.raw = setFrontField(byLang.en.raw, "translated_from", await revision(byLang.vi.raw));
        } else if (recorded) {
          byLang.en.raw = setFrontField(byLang.en.raw, "translated_from", recorded);
        }
      }
    }

    return new Proxy(inner, {
      get: function (target, prop) {
        // the proxy of `make edit` has no allEntriesByFolder: Decap then lists page by page (entriesByFolder)
        if (prop === "allEntriesByFolder" && typeof target.allEntriesByFolder !== "function") return undefined;
        if (Object.prototype.hasOwnProperty.call(overrides, prop)) return overrides[prop];
        var value = target[prop];
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }

  ["github", "proxy"].forEach(function (name) {
    var registered = CMS.getBackend(name);
    if (!registered) return;
    var init = registered.init;
    registered.init = function (cmsConfig, options) {
      config = cmsConfig && typeof cmsConfig.toJS === "function" ? cmsConfig.toJS() : cmsConfig;
      return wrap(init(cmsConfig, options));
    };
  });

  // --- bilingual text: Vietnamese and English side by side, refused with the words of `make check` ---

  var LANG_NAMES = { vi: "Tiếng Việt / Vietnamese", en: "Tiếng Anh / English" };

  function bilingualErrors(field, value) {
    var errors = [];
    var limit = field.get("heritage_max_length");
    LANGS.forEach(function (lang) {
      var text = ((value && value.get && value.get(lang)) || "").trim();
      var missing = field.get("heritage_required_" + lang);
      if (!text && missing) errors.push(missing);
      if (limit && Array.from(text.normalize("NFC")).length > limit) errors.push(field.get("heritage_too_long") + " (" + lang + ")");
    });
    return errors;
  }

  var BilingualControl = window.createClass({
    isValid: function () {
      var errors = bilingualErrors(this.props.field, this.props.value);
      return errors.length ? { error: { type: "CUSTOM", message: errors.join(" ") } } : true;
    },
    render: function () {
      var p = this.props;
      var value = p.value && p.value.set ? p.value : p.field.clear(); // an empty Immutable Map
      var multiline = p.field.get("multiline");
      return h("div", { className: "hx-bilingual " + (p.classNameWrapper || ""), "data-field": p.field.get("name") },
        LANGS.map(function (lang) {
          var id = lang === LANGS[0] ? p.forID : p.forID + "-" + lang;
          return h("div", { key: lang, className: "hx-bilingual__lang" },
            h("label", { htmlFor: id, className: "hx-bilingual__label" }, LANG_NAMES[lang]),
            h(multiline ? "textarea" : "input", {
              id: id,
              lang: lang,
              "data-lang": lang,
              className: "hx-bilingual__input",
              value: value.get(lang) || "",
              rows: multiline ? 4 : undefined,
              type: multiline ? undefined : "text",
              onChange: function (e) { p.onChange(value.set(lang, e.target.value)); },
              onFocus: p.setActiveStyle,
              onBlur: p.setInactiveStyle,
            }));
        }));
    },
  });
  var BilingualPreview = function (props) { return h("span", {}, (props.value && props.value.get && props.value.get("vi")) || ""); };
  CMS.registerWidget("heritage-bilingual", BilingualControl, BilingualPreview);

  // --- previews that look like the page ----------------------------------------------------------

  CMS.registerPreviewStyle("../assets/heritage/heritage.css");
  CMS.registerPreviewStyle("preview.css");

  function optionLabel(fields, name, value, lang) {
    var field = fields.find(function (f) { return f.get("name") === name; });
    if (!field || !value) return value || "";
    var option = (field.get("options") || []).find(function (o) { return o.get("value") === value; });
    if (!option) return value;
    var parts = option.get("label").split(" / ");
    return lang === "en" ? parts[1] || parts[0] : parts[0];
  }

  function EntryPreview(props) {
    var data = props.entry.get("data");
    var fields = props.fields;
    var lang = "vi";
    function text(path) { var v = data.getIn(path.concat([lang])); return v || ""; }
    var facts = [];
    function fact(label, value) { if (value) facts.push(h("dt", { key: label + "t" }, label), h("dd", { key: label + "d" }, value)); }
    fact("Loại hình", optionLabel(fields, "type", data.get("type"), lang));
    fact("Xếp hạng", optionLabel(fields, "ranking", data.get("ranking"), lang));
    fact("Địa chỉ", text(["location", "address"]));
    var lat = data.getIn(["location", "lat"]), lon = data.getIn(["location", "lon"]);
    if (lat && lon) fact("Tọa độ", lat + ", " + lon);
    var when = data.get("when");
    if (when && when.get("month")) fact("Thời gian", "Ngày " + when.get("day") + " tháng " + when.get("month") + (when.get("calendar") === "lunar" ? " (âm lịch)" : ""));
    var photos = (data.get("media") || []).filter(function (m) { return m && m.get("image"); }).map(function (m, i) {
      var asset = props.getAsset(m.get("image"), fields.find(function (f) { return f.get("name") === "media"; }));
      return h("figure", { key: i },
        h("img", { src: asset ? asset.toString() : "", alt: m.getIn(["alt", lang]) || "" }),
        h("figcaption", {}, m.getIn(["caption", lang]) || "", " ", h("span", { className: "hx-credit" }, (lang === "en" ? "Photo: " : "Ảnh: ") + (m.get("credit") && m.get("credit").get ? m.getIn(["credit", lang]) : m.get("credit") || ""))));
    });
    return h("div", { className: "md-typeset hx-cms-preview" },
      data.get("sample") ? h("p", { className: "hx-badge" }, "Nội dung minh họa / Illustrative content") : null,
      h("h1", {}, text(["name"])),
      h("p", { className: "hx-summary" }, text(["summary"])),
      facts.length ? h("div", { className: "hx-facts" }, h("p", { className: "hx-facts__title" }, "Thông tin chính"), h("dl", {}, facts)) : null,
      photos.size || photos.length ? h("div", { className: "hx-gallery" }, photos) : null,
      props.widgetFor("story_vi"),
      h("hr", {}),
      h("h2", { lang: "en" }, (data.getIn(["name", "en"]) || "") + " (English)"),
      h("div", { lang: "en" }, props.widgetFor("story_en")));
  }

  function PostPreview(props) {
    var data = props.entry.get("data");
    return h("div", { className: "md-typeset hx-cms-preview" },
      h("h1", {}, data.get("title") || ""),
      h("p", { className: "hx-summary" }, data.get("summary") || ""),
      h("p", {}, h("time", {}, data.get("date") || "")),
      props.widgetFor("body"));
  }

  /** A trail as its page lists it: name, summary, how and when, the numbered stops. */
  function TrailPreview(props) {
    var data = props.entry.get("data");
    var fields = props.fields;
    var stopsField = fields.find(function (f) { return f.get("name") === "stops"; });
    var entryField = stopsField && stopsField.get("fields").find(function (f) { return f.get("name") === "entry"; });
    function entryName(id) {
      var option = entryField && (entryField.get("options") || []).find(function (o) { return o.get("value") === id; });
      return option ? option.get("label").split(" / ")[0] : id || "";
    }
    var travel = (data.get("travel") || []).map(function (mode) { return optionLabel(fields, "travel", mode, "vi"); });
    var stops = (data.get("stops") || []).map(function (stop, i) {
      return h("li", { key: i },
        h("strong", {}, entryName(stop.get("entry"))),
        stop.get("minutes") ? " — " + stop.get("minutes") + " phút" : "",
        stop.getIn(["note", "vi"]) ? h("p", {}, stop.getIn(["note", "vi"])) : null);
    });
    return h("div", { className: "md-typeset hx-cms-preview" },
      data.get("sample") ? h("p", { className: "hx-badge" }, "Nội dung minh họa / Illustrative content") : null,
      h("h1", {}, data.getIn(["name", "vi"]) || ""),
      h("p", { className: "hx-summary" }, data.getIn(["summary", "vi"]) || ""),
      h("div", { className: "hx-facts" }, h("dl", {},
        h("dt", {}, "Cách đi"), h("dd", {}, (travel.toJS ? travel.toJS() : travel).join(", ")),
        h("dt", {}, "Nên đi"), h("dd", {}, data.getIn(["season", "vi"]) || ""))),
      h("ol", {}, stops),
      props.widgetFor("story_vi"),
      h("hr", {}),
      h("h2", { lang: "en" }, (data.getIn(["name", "en"]) || "") + " (English)"),
      h("div", { lang: "en" }, props.widgetFor("story_en")));
  }

  var english = /[?&]lang=en\b/.test(location.search); // /admin/?lang=en: the interface in English
  var configFile = english ? "config-en.yml" : "config.yml";
  var link = document.createElement("link");
  link.rel = "cms-config-url";
  link.type = "text/yaml";
  link.href = configFile;
  document.head.appendChild(link);
  var ready = fetch(configFile).then(function (r) { return r.text(); }).then(function (text) {
    // Section names come from config.yml, which the build generates: no list to keep here.
    (text.match(/^- name: ([a-z-]+)$/gm) || []).forEach(function (line) {
      var name = line.slice(8);
      CMS.registerPreviewTemplate(name, name === "chuyen-muc" ? PostPreview : name === "hanh-trinh" ? TrailPreview : EntryPreview);
    });
  });
  ready.finally(function () { CMS.init(); });
})();
