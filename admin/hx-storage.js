/* One form, all of an item's files, one commit: the wrapper around Decap's storage backend
 * (GitHub, and the local proxy of `make edit`), given to hx-config.js's wrapBackend. What it
 * does, and why, is told at the top of heritage-cms.js; where the files are, in hx-paths.js.
 */
(function () {
  "use strict";
  var CMS = window.CMS;
  if (!CMS || window.top !== window.self) return;
  var shared = window.HeritageEditor; // hx-config.js: Decap's configuration, captured once
  var files = shared.files;
  var LANGS = files.LANGS;
  var entryCollections = files.entryCollections;
  var columnCollection = files.columnCollection;
  var entryOf = files.entryOf;
  var storyPath = files.storyPath;
  var toReal = files.toReal;
  var toVirtual = files.toVirtual;
  var isColumnIndex = files.isColumnIndex;
  var withExtras = files.withExtras;
  var withoutId = files.withoutId;
  var revision = files.revision;
  var setFrontField = files.setFrontField;
  var body = files.body;
  var frontMatter = files.frontMatter;
  var frontField = files.frontField;

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
      var isEntry = shared.config && entryCollections().some(function (c) { return c.name === name; });
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
    /** data/<section>/<slug>.yml of an entry collection's item, or null. */
    function entryPathOf(collection, slug) {
      var c = entryCollections().filter(function (x) { return x.name === collection; })[0];
      return c && slug ? c.folder + "/" + slug + ".yml" : null;
    }
    /** Reads a save starts from: the item's draft when it has one (its stories and front matter,
     * e.g. a desk's stamp, are the draft's), else the site's files. */
    async function readerFor(collection, slug, useWorkflow) {
      var drafts = [];
      if (useWorkflow && typeof inner.unpublishedEntries === "function") {
        try { drafts = (await inner.unpublishedEntries()) || []; } catch (e) { drafts = []; }
      }
      if (drafts.indexOf(collection + "/" + slug) < 0) return readOnce();
      var texts = {};
      return function (path) {
        return texts[path] || (texts[path] = inner.unpublishedEntryDataFile(collection, slug, path, null)
          .then(function (data) { return typeof data === "string" ? data : ""; }, function () { return ""; }));
      };
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
        var first = files[0] || {};
        var read = await readerFor(options && options.collectionName, first.slug, options && options.useWorkflow);
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
        var written = dataFiles.map(function (f) { return f.path; });
        // the form's text wins: no attached file may overwrite a file of the save
        var assets = (entry.assets || []).filter(function (a) { return written.indexOf(toReal(a.path || "")) < 0; });
        var payload = Object.assign({}, entry, { dataFiles: dataFiles, assets: assets });
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
        // `make edit`'s proxy answers 404 for an entry with no draft, which Decap reads as "not
        // in the workflow" but the browser logs as a failed request on every published entry
        // opened: the drafts' list is asked first, and Decap gets its own error without a 404.
        if (typeof inner.proxyUrl === "string" && args && args.collection && args.slug && !args.id) {
          var drafts = await inner.unpublishedEntries();
          if ((drafts || []).indexOf(args.collection + "/" + args.slug) < 0) {
            var none = new Error("content is not under editorial workflow");
            none.name = "EDITORIAL_WORKFLOW_ERROR"; // decap-cms-lib-util's EditorialWorkflowError
            none.notUnderEditorialWorkflow = true;
            throw none;
          }
        }
        var found = await inner.unpublishedEntry(args);
        if (found && found.diffs) {
          var yml = entryPathOf(found.collection, found.slug);
          var pages = yml ? LANGS.map(function (lang) { return storyPath(entryOf(yml), lang); }) : [];
          pages.forEach(function (p) { delete diffIds[p]; }); // an earlier draft's ids are not this one's
          found.diffs = found.diffs.map(function (d) {
            diffIds[d.path] = d.id;
            return Object.assign({}, d, { path: toVirtual(d.path) });
          // an entry's pages are fields of its form, never media: Decap read them as the draft's
          // "media files" and sent them back with the next save, over the story just typed
          }).filter(function (d) { return pages.indexOf(d.path) < 0; });
          // a draft changing only the pages: Decap would read the entry from the site (getEntry),
          // its stories too; its YAML file is listed so that it is read from the draft
          if (yml && !found.diffs.some(function (d) { return d.path === yml; })) {
            found.diffs.push({ path: yml, id: null, newFile: false, status: "modified", binary: false });
          }
        }
        return found;
      },
      unpublishedEntryDataFile: async function (collection, slug, path, id) {
        var data = await inner.unpublishedEntryDataFile(collection, slug, toReal(path), id);
        var entry = entryOf(path);
        if (!entry) return data;
        // a page the draft changed is read from the draft; one it left as it was, from the site
        // (asking the draft for it was a refused request on every load)
        var stories = await readStories(entry, async function (p) {
          if (!diffIds[p]) return readOrEmpty(p);
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

  shared.wrapBackend(wrap);
})();
