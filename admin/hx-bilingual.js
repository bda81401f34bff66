/* The `heritage-bilingual` widget: a text in Vietnamese and English side by side, refused
 * with the words of `make check` (config.yml's heritage_required_vi/en, heritage_too_long).
 *
 * `heritage_needed` ({when: [fields], message}): optional in general (a media item may be a
 * photo, an audio or a video), required once a `when` field of the same item is filled (a
 * photo's description): the label then loses Decap's "(không bắt buộc)" and an empty text is
 * refused on this field, in the rule's sentence, so that Decap marks it red and scrolls to it
 * rather than refusing the save in a toast that names no field.
 */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  if (!CMS || !h || window.top !== window.self) return;
  var LANGS = window.HeritageEditor.LANGS; // hx-config.js
  var LANG_NAMES = window.HeritageEditor.LANG_NAMES;

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

  function filled(v) {
    if (v && typeof v.get === "function" && typeof v.push !== "function") return LANGS.some(function (l) { return filled(v.get(l)); });
    return typeof v === "string" ? v.trim() !== "" : v !== undefined && v !== null && v !== false;
  }

  /** The item (Decap's object value) this control is a field of: the nearest object widget above
   * it in React's tree (Decap gives a field no other way to read its siblings). */
  function itemOf(control) {
    for (var fiber = control._reactInternals; fiber; fiber = fiber.return) {
      var node = fiber.stateNode;
      if (node && node !== control && typeof node.controlFor === "function") return node.props.value;
    }
    return null;
  }

  /** Whether a `heritage_needed` field is required now (its item has a `when` field filled). */
  function isNeeded(control) {
    var needed = control.props.field.get("heritage_needed");
    if (!needed) return false;
    var item = itemOf(control);
    return !!(item && item.get && needed.get("when").some(function (name) { return filled(item.get(name)); }));
  }

  /** Decap's "(không bắt buộc)" after the label, hidden while the field is needed. */
  function markRequired(control) {
    if (!control.props.field.get("heritage_needed")) return;
    var label = document.querySelector('label[for="' + control.props.forID + '"]:not(.hx-bilingual__label)');
    var optional = label && label.querySelector("span");
    if (optional) optional.hidden = isNeeded(control);
  }

  var BilingualControl = window.createClass({
    isValid: function () {
      var value = this.props.value;
      var complete = value && value.get && LANGS.every(function (l) { return ((value.get(l) || "") + "").trim(); });
      if (isNeeded(this) && !complete) return { error: { type: "CUSTOM", message: this.props.field.getIn(["heritage_needed", "message"]) } };
      var errors = bilingualErrors(this.props.field, this.props.value);
      return errors.length ? { error: { type: "CUSTOM", message: errors.join(" ") } } : true;
    },
    // Decap re-renders a field only when its own value changes: a needed one follows its item
    shouldComponentUpdate: function (next) {
      return !!next.field.get("heritage_needed") || next.value !== this.props.value || next.classNameWrapper !== this.props.classNameWrapper;
    },
    componentDidMount: function () { markRequired(this); },
    componentDidUpdate: function () { markRequired(this); },
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
})();
