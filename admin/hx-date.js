/* The web editor's date field (widget `heritage-date`): typed day/month/year, as dates are
 * written in Vietnam, stored YEAR-MONTH-DAY (2026-05-10) as the schema wants.
 *
 * Decap's datetime widget renders the browser's own <input type=date>, whose order follows the
 * browser's language (mm/dd/yyyy in an English Chromium) and cannot be configured. This one is
 * a text box: "5/3/2026", "05.03.2026" and "05-03-2026" are read as 5 March 2026. A date that
 * is not one (31/02/2026) stays in the box and the save is refused with config.yml's sentence
 * (heritage/editor/fields.py). Loaded after Decap's bundle, before heritage-cms.js.
 */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  if (!CMS || !h || window.top !== window.self) return;

  function pad(n, width) { return String(n).padStart(width, "0"); }

  /** {y, m, d} when the three numbers make a real calendar day, else null. */
  function real(y, m, d) {
    var when = new Date(Date.UTC(y, m - 1, d));
    var ok = y >= 1000 && when.getUTCFullYear() === y && when.getUTCMonth() === m - 1 && when.getUTCDate() === d;
    return ok ? { y: y, m: m, d: d } : null;
  }
  /** The stored value (a YYYY-MM-DD string, or a Date a front-matter parser made) → {y, m, d} or null. */
  function fromStored(value) {
    if (value instanceof Date && !isNaN(value)) return real(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    var m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typeof value === "string" ? value.trim() : "");
    return m ? real(+m[1], +m[2], +m[3]) : null;
  }
  /** What the officer typed, day first → {y, m, d} or null. */
  function fromTyped(text) {
    var m = /^\s*(\d{1,2})\s*[\/.\-]\s*(\d{1,2})\s*[\/.\-]\s*(\d{4})\s*$/.exec(text || "");
    return m ? real(+m[3], +m[2], +m[1]) : null;
  }
  function stored(day) { return pad(day.y, 4) + "-" + pad(day.m, 2) + "-" + pad(day.d, 2); }
  function shown(day) { return pad(day.d, 2) + "/" + pad(day.m, 2) + "/" + pad(day.y, 4); }
  function isEmpty(value) { return value === undefined || value === null || (typeof value === "string" && !value.trim()); }

  var DateControl = window.createClass({
    getInitialState: function () {
      var day = fromStored(this.props.value);
      return { text: day ? shown(day) : isEmpty(this.props.value) ? "" : String(this.props.value) };
    },
    /** A value set from outside (another locale copied in, a reset) replaces the box's text. */
    componentDidUpdate: function (previous) {
      if (previous.value === this.props.value) return;
      var day = fromStored(this.props.value);
      var mine = fromTyped(this.state.text);
      if (day && (!mine || stored(mine) !== stored(day))) this.setState({ text: shown(day) });
      if (isEmpty(this.props.value) && this.state.text && fromTyped(this.state.text)) this.setState({ text: "" });
    },
    isValid: function () {
      var p = this.props;
      if (isEmpty(p.value)) {
        return p.field.get("required") !== false ? { error: { type: "CUSTOM", message: p.field.get("heritage_date_invalid") } } : true;
      }
      return fromStored(p.value) ? true : { error: { type: "CUSTOM", message: p.field.get("heritage_date_invalid") } };
    },
    change: function (text) {
      this.setState({ text: text });
      var day = fromTyped(text);
      // not a date yet: the text itself goes to Decap, so that a save is refused (isValid), never a stale date kept
      this.props.onChange(day ? stored(day) : text.trim() ? text : "");
    },
    render: function () {
      var self = this;
      var p = this.props;
      return h("input", {
        id: p.forID,
        type: "text",
        inputMode: "numeric",
        autoComplete: "off",
        placeholder: p.field.get("heritage_placeholder") || "dd/mm/yyyy",
        className: "hx-date " + (p.classNameWrapper || ""),
        "data-field": p.field.get("name"),
        value: this.state.text,
        onChange: function (e) { self.change(e.target.value); },
        onBlur: function () {
          var day = fromTyped(self.state.text);
          if (day) self.setState({ text: shown(day) }); // 5/3/2026 → 05/03/2026
          if (p.setInactiveStyle) p.setInactiveStyle();
        },
        onFocus: p.setActiveStyle,
      });
    },
  });

  function DatePreview(props) {
    var day = fromStored(props.value);
    return h("time", { dateTime: day ? stored(day) : undefined }, day ? shown(day) : props.value || "");
  }

  CMS.registerWidget("heritage-date", DateControl, DatePreview);
})();
