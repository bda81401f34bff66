/* The `heritage-bilingual` widget: a text in Vietnamese and English side by side, refused
 * with the words of `make check` (config.yml's heritage_required_vi/en, heritage_too_long).
 */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  if (!CMS || !h || window.top !== window.self) return;
  var LANGS = ["vi", "en"];
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
})();
