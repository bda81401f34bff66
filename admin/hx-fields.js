/* The web editor's refusals in `make check`'s words, before anything is saved:
 *
 *  - `heritage-string`: a required one-line text; empty, it says the sentence `make check` says.
 *  - `heritage-either`: a text the schema takes as one string or as {vi, en} (a photo's credit,
 *    often a person's name): one box, or two with "different in each language"; it reads and
 *    writes both shapes (Decap's string widget showed a map as `Map { "vi": … }` and saved that).
 *  - `heritage-id`: a new entry's id, refused when another section, a trail, an alias or the
 *    site itself already uses it (the list is written at build time beside config.yml); an
 *    existing entry keeps its id. A save is also refused (preSave) when the id is taken,
 *    where Decap would silently save `<id>-1`.
 *  - rules across an item's fields (`heritage_rules`: a photo needs its description `alt`,
 *    audio and video a caption): the save is refused with the rule's sentence.
 *
 * Every sentence comes from config.yml (heritage/editor/), which takes them from
 * heritage/content/messages.py. Loaded after Decap's bundle and hx-config.js, before heritage-cms.js.
 */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  if (!CMS || !h || window.top !== window.self) return;
  var LANGS = ["vi", "en"];
  var LANG_NAMES = { vi: "Tiếng Việt / Vietnamese", en: "Tiếng Anh / English" };
  var shared = window.HeritageEditor; // hx-config.js: Decap's configuration, captured once

  function isMap(v) { return v && typeof v.keySeq === "function" && typeof v.push !== "function"; }
  function isList(v) { return v && typeof v.toJS === "function" && typeof v.push === "function"; }
  function filled(v) {
    if (isMap(v)) return LANGS.every(function (l) { return filled(v.get(l)); });
    return typeof v === "string" ? v.trim() !== "" : v !== undefined && v !== null;
  }
  function refuse(message) { return { error: { type: "CUSTOM", message: message } }; }

  // --- a required one-line text --------------------------------------------------------------

  var StringControl = CMS.getWidget("string").control;
  class RequiredString extends StringControl {
    isValid() {
      var field = this.props.field;
      if (field.get("required") !== false && field.get("heritage_required_one") && !filled(this.props.value)) {
        return refuse(field.get("heritage_required_one"));
      }
      return true;
    }
  }
  CMS.registerWidget("heritage-string", RequiredString, CMS.getWidget("string").preview);

  // --- one text for both languages, or one per language ------------------------------------------

  var EitherControl = window.createClass({
    isValid: function () {
      var p = this.props, field = p.field, value = p.value, errors = [];
      var limit = field.get("heritage_max_length");
      var required = field.get("required") !== false;
      if (isMap(value)) {
        LANGS.forEach(function (lang) {
          if (required && !filled(value.get(lang))) errors.push(field.get("heritage_required_" + lang));
        });
      } else {
        var text = typeof value === "string" ? value : "";
        if (required && !text.trim()) errors.push(field.get("heritage_required_one"));
        if (limit && Array.from(text.trim().normalize("NFC")).length > limit) errors.push(field.get("heritage_too_long"));
      }
      errors = errors.filter(Boolean);
      return errors.length ? refuse(errors.join(" ")) : true;
    },
    render: function () {
      var p = this.props;
      var value = p.value;
      var two = isMap(value);
      var empty = p.field.clear(); // an empty Immutable Map
      var toggle = h("label", { className: "hx-either__toggle", htmlFor: "hx-two-" + p.forID },
        h("input", {
          type: "checkbox", id: "hx-two-" + p.forID, "data-either": "toggle", checked: two,
          onChange: function (e) {
            if (e.target.checked) {
              var one = typeof value === "string" ? value : "";
              p.onChange(empty.set("vi", one).set("en", one));
            } else {
              p.onChange(two ? value.get("vi") || value.get("en") || "" : value || "");
            }
          },
        }), " ", p.field.get("heritage_toggle"));
      var inputs = two
        ? LANGS.map(function (lang, i) {
            var id = i === 0 ? p.forID : p.forID + "-" + lang;
            return h("div", { key: lang, className: "hx-bilingual__lang" },
              h("label", { htmlFor: id, className: "hx-bilingual__label" }, LANG_NAMES[lang]),
              h("input", {
                id: id, lang: lang, "data-lang": lang, type: "text", className: "hx-bilingual__input",
                value: value.get(lang) || "",
                onChange: function (e) { p.onChange(value.set(lang, e.target.value)); },
                onFocus: p.setActiveStyle, onBlur: p.setInactiveStyle,
              }));
          })
        : [h("input", {
            key: "one", id: p.forID, type: "text", "data-lang": "both", className: "hx-bilingual__input",
            value: typeof value === "string" ? value : "",
            onChange: function (e) { p.onChange(e.target.value); },
            onFocus: p.setActiveStyle, onBlur: p.setInactiveStyle,
          })];
      return h("div", { className: "hx-bilingual hx-either " + (p.classNameWrapper || ""), "data-field": p.field.get("name") }, inputs.concat([toggle]));
    },
  });
  function EitherPreview(props) {
    var v = props.value;
    return h("span", {}, isMap(v) ? v.get("vi") || "" : v || "");
  }
  CMS.registerWidget("heritage-either", EitherControl, EitherPreview);

  // --- ids: never one already in use ---------------------------------------------------------------

  var known = { taken: {}, reserved: [] };
  var saved = {}; // ids saved during this visit (the list was written before them)
  var loading = {};
  function loadIds(file) {
    if (!loading[file]) {
      loading[file] = fetch(file, { cache: "no-store" }).then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
        if (data) known = data;
        return known;
      }, function () { return known; });
    }
    return loading[file];
  }
  /** The refusal for a new id, or null. */
  function idProblem(field, id) {
    if (!id) return null;
    var where = saved[id] || (known.taken || {})[id];
    var words = null;
    if (where) words = field.get("heritage_taken").split("{where}").join(where);
    else if ((known.reserved || []).indexOf(id) >= 0) words = field.get("heritage_reserved");
    return words ? words.split("{id}").join(id) : null;
  }

  class IdControl extends StringControl {
    componentDidMount() {
      if (super.componentDidMount) super.componentDidMount();
      var self = this;
      loadIds(this.props.field.get("heritage_ids")).then(function () { if (self.props.value) self.props.validate && self.props.validate(); });
    }
    isValid() {
      var entry = this.props.getEntry ? this.props.getEntry() : this.props.entry;
      if (!entry || !entry.get("newRecord")) return true; // an existing entry keeps its id
      var problem = idProblem(this.props.field, this.props.value);
      return problem ? refuse(problem) : true;
    }
  }
  CMS.registerWidget("heritage-id", IdControl, CMS.getWidget("string").preview);

  // --- refusals when saving ----------------------------------------------------------------------------

  function collectionOf(name) {
    return ((shared.config && shared.config.collections) || []).filter(function (c) { return c.name === name; })[0];
  }
  /** Rules across an item's fields, anywhere in the data (lists of objects with `heritage_rules`). */
  function ruleProblems(fields, data, out) {
    (fields || []).forEach(function (field) {
      var value = data && data.get ? data.get(field.name) : undefined;
      if (!value) return;
      var items = isList(value) ? value.toArray() : [value];
      items.forEach(function (item) {
        if (!isMap(item)) return;
        (field.heritage_rules || []).forEach(function (rule) {
          if (filled(item.get(rule.when)) && !filled(item.get(rule.need))) out.push(rule.message);
        });
        if (field.fields) ruleProblems(field.fields, item, out);
      });
    });
    return out;
  }

  CMS.registerEventListener({
    name: "preSave",
    handler: async function (args) {
      var entry = args.entry;
      var collection = collectionOf(entry.get("collection"));
      if (!collection || !collection.fields) return undefined;
      var data = entry.get("data");
      var problems = ruleProblems(collection.fields, data, []);
      var idField = collection.fields.filter(function (f) { return f.widget === "heritage-id"; })[0];
      if (idField && entry.get("newRecord")) {
        await loadIds(idField.heritage_ids);
        var problem = idProblem({ get: function (k) { return idField[k]; } }, data.get(idField.name));
        if (problem) problems.unshift(problem);
      }
      var unique = problems.filter(function (m, i) { return problems.indexOf(m) === i; });
      if (unique.length) throw new Error(unique.join(" "));
      return undefined;
    },
  });

  CMS.registerEventListener({
    name: "postSave",
    handler: function (args) {
      var entry = args.entry;
      var collection = collectionOf(entry.get("collection"));
      var slug = entry.get("slug") || entry.getIn(["data", "id"]);
      if (collection && slug && collection.folder) saved[slug] = collection.folder + "/" + slug + "." + (collection.extension || "yml");
      return undefined;
    },
  });
})();
