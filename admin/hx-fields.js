/* The web editor's refusals in `make check`'s words, before anything is saved:
 *
 *  - `heritage-string`: a one-line text; empty (when required), not of its patterns (a web
 *    address: the whole rule of heritage/content/addresses.py) or over its limit, it says the
 *    sentence `make check` says, with the value and the length typed.
 *  - `heritage-number`: a number typed as text: a comma as the decimal point, not a number, or
 *    out of its range (a latitude outside Viet Nam: lat and lon swapped?) in `make check`'s words.
 *  - the length of a bilingual text (hx-bilingual.js's widget) is said in characters.
 *  - `heritage-either`: a text the schema takes as one string or as {vi, en} (a photo's credit,
 *    often a person's name): one box, or two with "different in each language"; it reads and
 *    writes both shapes (Decap's string widget showed a map as `Map { "vi": … }` and saved that).
 *  - `heritage-id`: a new entry's id, refused when another section, a trail, an alias or the
 *    site itself already uses it (the list is written at build time beside config.yml); an
 *    existing entry keeps its id. A save is also refused (preSave) when the id is taken,
 *    where Decap would silently save `<id>-1`.
 *  - a save refused on a field brings the first refused field on screen.
 *  - a new entry is saved without the boolean boxes left at their default (nor blocks left empty).
 *  - rules across an item's fields (`heritage_rules`, heritage/editor/refusals.py: a photo needs
 *    its description `alt`, a lunar day is at most 30, a stop is not repeated…): the save is
 *    refused with the rule's sentence.
 *
 * Every sentence comes from config.yml (heritage/editor/), which takes them from
 * heritage/content/messages.py. Loaded after Decap's bundle and hx-config.js, before heritage-cms.js.
 */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  if (!CMS || !h || window.top !== window.self) return;
  var LANGS = window.HeritageEditor.LANGS; // hx-config.js
  var LANG_NAMES = window.HeritageEditor.LANG_NAMES;
  var shared = window.HeritageEditor; // hx-config.js: Decap's configuration, captured once

  function isMap(v) { return v && typeof v.keySeq === "function" && typeof v.push !== "function"; }
  function isList(v) { return v && typeof v.toJS === "function" && typeof v.push === "function"; }
  function filled(v) {
    if (isMap(v)) return LANGS.every(function (l) { return filled(v.get(l)); });
    return typeof v === "string" ? v.trim() !== "" : v !== undefined && v !== null;
  }
  function refuse(message) { return { error: { type: "CUSTOM", message: message } }; }
  /** A template's `{name}` places filled with `values` (others left as they are). */
  function fill(template, values) {
    return String(template || "").replace(/\{([a-z_]+)\}/g, function (all, key) { return key in values ? String(values[key]) : all; });
  }
  /** A value as `make check` quotes it (addresses.visible): an invisible character as U+XXXX. */
  function visible(text) {
    return Array.from(String(text).replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/gu, function (c) {
      return c === " " ? c : "U+" + c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
    })).slice(0, 200).join("");
  }
  function length(text) { return Array.from(String(text).trim().normalize("NFC")).length; }
  /** A text over `heritage_max_length`, in `make check`'s words with its length; or null. */
  function tooLong(field, text) {
    var limit = field.get("heritage_max_length");
    return limit && typeof text === "string" && length(text) > limit ? fill(field.get("heritage_too_long"), { length: length(text) }) : null;
  }

  // hx-bilingual.js registers the bilingual widget after this file: a text over its limit is
  // refused with its length in characters (its own check says only the limit).
  // A widget that says its own "required" sentence (make check's: "Thiếu trường bắt buộc
  // `credit`.") turns off Decap's generic one ("Tác giả / Credit bắt buộc nhập."): one sentence,
  // not two. Decap runs that check in the control's parent (its Widget), which React's tree
  // gives: the control is the element that Widget renders.
  function ownsPresence(field) {
    return !!(field && (field.get("heritage_required_one") || field.get("heritage_required_vi") || field.get("heritage_required_en") || field.get("heritage_needed")));
  }
  function ownPresence(Control) {
    return class extends Control {
      componentDidMount() {
        if (super.componentDidMount) super.componentDidMount();
        if (!ownsPresence(this.props.field)) return;
        var parent = this._reactInternals && this._reactInternals.return && this._reactInternals.return.stateNode;
        if (parent && typeof parent.validatePresence === "function") parent.validatePresence = function () { return { error: false }; };
      }
    };
  }

  /** The item (an object in a list) a control is a field of, and that list's items: the nearest
   * object widget above it in React's tree, then the list holding that object (Decap gives a
   * field no other way to read its siblings). */
  function placeOf(control) {
    var item = null;
    for (var fiber = control._reactInternals; fiber; fiber = fiber.return) {
      var node = fiber.stateNode, value = node && node !== control && node.props ? node.props.value : undefined;
      if (!item) {
        if (node && node !== control && typeof node.controlFor === "function" && isMap(value)) item = value;
      } else if (isList(value) && value.includes(item)) {
        return { item: item, items: value.toArray() };
      }
    }
    return item ? { item: item, items: [item] } : null;
  }
  /** Rules across an item's fields that are refused on this field (`heritage_item_rules`,
   * refusals.on_field: a closing time not after the opening time, a repeated stop): the field is
   * marked red and brought on screen with the rule's sentence, as a photo's description is. */
  function acrossItem(Control) {
    return class extends Control {
      constructor(props, context, updater) {
        super(props, context, updater);
        var own = this.isValid;
        this.isValid = function () {
          var rules = this.props.field && this.props.field.get("heritage_item_rules");
          var place = rules && placeOf(this);
          if (place) {
            var problems = rules.toJS().map(function (rule) {
              var broken = brokenRule(rule, place.item, place.items);
              return broken ? fill(rule.message, broken) : null;
            }).filter(Boolean);
            if (problems.length) return refuse(problems.join(" "));
          }
          return own ? own.apply(this, arguments) : true;
        }.bind(this);
      }
    };
  }

  var registerWidget = CMS.registerWidget;
  CMS.registerWidget = function (name, control) {
    var args = Array.prototype.slice.call(arguments);
    if (/^heritage-/.test(name) && typeof control === "function") args[1] = control = ownPresence(control);
    if ((/^heritage-/.test(name) || name === "select") && typeof control === "function") args[1] = control = acrossItem(control);
    if (name === "heritage-bilingual" && typeof control === "function") {
      args[1] = class extends control {
        constructor(props, context, updater) {
          super(props, context, updater);
          var own = this.isValid;
          this.isValid = function () {
            var field = this.props.field, value = this.props.value, errors = [];
            LANGS.forEach(function (lang) {
              var problem = tooLong(field, isMap(value) ? value.get(lang) || "" : "");
              if (problem) errors.push(problem + " (" + lang + ")");
            });
            return errors.length ? refuse(errors.join(" ")) : own.call(this);
          }.bind(this);
        }
      };
    }
    return registerWidget.apply(CMS, args);
  };

  // --- a required one-line text --------------------------------------------------------------

  var DecapString = CMS.getWidget("string").control;
  /** Decap's one-line box puts the caret back where the last keystroke left it after every
   * render, even one that changed nothing: a render between selecting the text and typing
   * (the focus style, a refusal shown; a box entered with Tab, which selects its text) collapsed
   * the selection, and the next address typed was appended to the refused one. The caret is
   * kept only when the value changed (Decap's case: a box nested in another widget). */
  class StringControl extends DecapString {
    componentDidUpdate(previous) {
      if (previous.value !== this.props.value && super.componentDidUpdate) super.componentDidUpdate(previous);
    }
  }
  class RequiredString extends StringControl {
    isValid() {
      var field = this.props.field, value = this.props.value;
      if (!filled(value)) {
        return field.get("required") !== false && field.get("heritage_required_one") ? refuse(field.get("heritage_required_one")) : true;
      }
      var text = String(value).trim();
      // [regex, sentence, flags]: a web address's is its whole rule (flag "u"), then any other
      // the schema checks after it (an https:// sign-in address), in make check's order
      var patterns = field.get("heritage_patterns") ? field.get("heritage_patterns").toArray() : [field.get("heritage_pattern")].filter(Boolean);
      for (var i = 0; i < patterns.length; i++) {
        var pattern = patterns[i];
        if (!new RegExp(pattern.get(0), pattern.get(2) || "").test(text)) return refuse(fill(pattern.get(1), { value: visible(text) }));
      }
      var long = tooLong(field, text);
      return long ? refuse(long) : true;
    }
  }
  // Decap's own select (a trail's stop): refused on the field when it repeats an earlier stop
  var select = CMS.getWidget("select");
  CMS.registerWidget("select", select.control, select.preview, select.schema);

  CMS.registerWidget("heritage-string", RequiredString, CMS.getWidget("string").preview);

  // --- a number, typed as text ----------------------------------------------------------------

  /** A number as `make check` prints it: a float field's whole number as 250.0 (Python's float). */
  function shown(field, n) { return field.get("value_type") === "float" && Number.isInteger(n) ? n.toFixed(1) : String(n); }
  /** What a box's text is stored as: a number when it is one (a YAML number in the file),
   * anything else as the text, so that the save is refused (isValid); "" when empty. */
  function parsed(text, whole) {
    var pattern = whole ? /^\s*-?\d+\s*$/ : /^\s*-?(\d+\.?\d*|\.\d+)\s*$/;
    return text.trim() === "" ? "" : pattern.test(text) && !/\.$/.test(text.trim()) ? Number(text) : text;
  }
  /** The box keeps the text as typed (its state) while it stands for the stored value: a number
   * rendered back on every keystroke ate a zero typed after the point ("21.20" → 21.2, so
   * 21.2203 came out 21.223). A value changed elsewhere (a reset, another entry) is shown as it is. */
  var NumberControl = window.createClass({
    getInitialState: function () { return { text: null }; },
    isValid: function () {
      var field = this.props.field, value = this.props.value;
      if (value === undefined || value === null || value === "") return true; // Decap's own `required`
      if (typeof value === "string") {
        var text = value.trim();
        if (/^-?\d+,\d+$/.test(text)) return refuse(fill(field.get("heritage_comma"), { value: text, fixed: text.replace(",", ".") }));
        return refuse(fill(field.get("heritage_nan"), { value: text }));
      }
      if (field.get("heritage_below") && value < field.get("min")) return refuse(fill(field.get("heritage_below"), { value: shown(field, value) }));
      if (field.get("heritage_above") && value > field.get("max")) return refuse(fill(field.get("heritage_above"), { value: shown(field, value) }));
      return true;
    },
    render: function () {
      var self = this, p = this.props, field = p.field;
      var whole = field.get("heritage_whole");
      var stored = p.value === undefined || p.value === null ? "" : p.value;
      var typed = this.state.text;
      var text = typed !== null && parsed(typed, whole) === stored ? typed : String(stored);
      return h("input", {
        id: p.forID, type: "text", inputMode: whole ? "numeric" : "decimal", "data-number": field.get("name"),
        className: p.classNameWrapper, value: text,
        onChange: function (e) {
          var typedNow = e.target.value;
          self.setState({ text: typedNow });
          p.onChange(parsed(typedNow, whole));
        },
        onFocus: p.setActiveStyle, onBlur: p.setInactiveStyle,
      });
    },
  });
  CMS.registerWidget("heritage-number", NumberControl, CMS.getWidget("number").preview);

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
        if (limit && tooLong(field, text)) errors.push(tooLong(field, text));
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
  function on(v) { return v === true || (isMap(v) ? LANGS.some(function (l) { return filled(v.get(l)); }) : v !== false && filled(v)); }
  function holds(rule, item) {
    return Object.keys(rule.if || {}).every(function (k) { return item.get(k) === rule.if[k]; });
  }
  function minutes(t) { var m = /^(\d{1,2}):(\d\d)$/.exec(String(t || "").trim()); return m ? Number(m[1]) * 60 + Number(m[2]) : null; }
  function hhmm(t) { var n = minutes(t); return n === null ? t : String(Math.floor(n / 60)).padStart(2, "0") + ":" + String(n % 60).padStart(2, "0"); }
  /** The values a broken rule's sentence names, or null when `item` keeps the rule (refusals.py's kinds). */
  function brokenRule(rule, item, items) {
    var values = item.toJS();
    if (rule.kind === "need") return filled(item.get(rule.when)) && !filled(item.get(rule.need)) ? values : null;
    if (rule.kind === "one") {
      var found = rule.fields.filter(function (k) { return filled(item.get(k)); });
      return found.length === 1 ? null : Object.assign(values, { found_vi: found.join(", ") || "không có", found_en: found.join(", ") || "none" });
    }
    if (rule.kind === "together") return rule.fields.filter(function (k) { return filled(item.get(k)); }).length % rule.fields.length ? values : null;
    if (rule.kind === "apart") return rule.fields.every(function (k) { return on(item.get(k)); }) ? values : null;
    if (!holds(rule, item)) return null;
    if (rule.kind === "most") return Number(item.get(rule.field)) > rule.most ? values : null;
    if (rule.kind === "not") return item.get(rule.field) === true ? values : null;
    if (rule.kind === "date") {
      var day = Number(item.get("day")), month = Number(item.get("month"));
      var date = new Date(Date.UTC(2024, month - 1, day)); // 2024 is a leap year: 29/2 is allowed
      return day && month && date.getUTCMonth() !== month - 1 ? values : null;
    }
    if (rule.kind === "order") {
      var first = minutes(item.get(rule.first)), then = minutes(item.get(rule.then));
      return first !== null && then !== null && then <= first ? Object.assign(values, { opens: hhmm(item.get(rule.first)), closes: hhmm(item.get(rule.then)) }) : null;
    }
    if (rule.kind === "distinct") {
      var index = items.indexOf(item), earlier = items.slice(0, index).map(function (i) { return isMap(i) ? i.get(rule.field) : null; });
      var at = earlier.indexOf(item.get(rule.field));
      return filled(item.get(rule.field)) && at >= 0 ? Object.assign(values, { value: item.get(rule.field), index: index + 1, first: at + 1 }) : null;
    }
    return null;
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
          var broken = brokenRule(rule, item, items);
          if (broken) out.push(fill(rule.message, broken));
        });
        if (field.fields) ruleProblems(field.fields, item, out);
      });
    });
    return out;
  }

  // hx-save.js (the refusals at save) uses these: one rule book for the field and the save
  shared.refusals = { isMap: isMap, collectionOf: collectionOf, ruleProblems: ruleProblems, loadIds: loadIds, idProblem: idProblem, saved: saved };
})();
