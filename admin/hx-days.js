/* The web editor's weekday picker (widget `heritage-days`), for a field the schema types as
 * "a list of weekdays, or one word for every day" (opening hours' `days: [mo, tu] | daily`).
 * Decap's list widget would read `daily` as a list and stop the whole form (`"daily".map`).
 *
 * Seven boxes and "every day": reads either shape; writes the word when every day is meant
 * (also when all seven are ticked), else the days in the schema's order. The choices, their
 * labels and the refusal of an empty choice come from config.yml (heritage/editor/fields.py).
 * Loaded after Decap's bundle and before heritage-cms.js (which starts Decap).
 */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  if (!CMS || !h || window.top !== window.self) return;

  function isList(v) { return v && typeof v.toJS === "function" && typeof v.push === "function"; }

  /** The days ticked, as plain values in the schema's order ("every day" ticks them all). */
  function ticked(field, value) {
    var days = field.get("heritage_days").map(function (o) { return o.get("value"); }).toJS();
    var every = field.getIn(["heritage_every", "value"]);
    if (value === every) return days.slice();
    var chosen = isList(value) ? value.toJS() : Array.isArray(value) ? value : [];
    return days.filter(function (d) { return chosen.indexOf(d) >= 0; });
  }

  var DaysControl = window.createClass({
    isValid: function () {
      var p = this.props;
      var empty = p.value !== p.field.getIn(["heritage_every", "value"]) && ticked(p.field, p.value).length === 0;
      if (empty && p.field.get("required") !== false) {
        return { error: { type: "CUSTOM", message: p.field.get("heritage_required_one") } };
      }
      return true;
    },
    /** Writes the word for every day, else an Immutable List in the schema's order. */
    write: function (days) {
      var p = this.props;
      var options = p.field.get("heritage_days");
      if (days.length === options.size) return p.onChange(p.field.getIn(["heritage_every", "value"]));
      p.onChange(options.map(function (o) { return o.get("value"); }).filter(function (d) { return days.indexOf(d) >= 0; }));
    },
    render: function () {
      var self = this;
      var p = this.props;
      var every = p.field.getIn(["heritage_every", "value"]);
      var isEvery = p.value === every;
      var days = ticked(p.field, p.value);
      function box(value, text, checked, onChange, id) {
        return h("label", { key: value, className: "hx-days__day", htmlFor: id },
          h("input", { type: "checkbox", id: id, "data-day": value, checked: checked, onChange: onChange, onFocus: p.setActiveStyle, onBlur: p.setInactiveStyle }),
          " ", text);
      }
      var boxes = p.field.get("heritage_days").map(function (o) {
        var value = o.get("value");
        return box(value, o.get("label"), days.indexOf(value) >= 0, function (e) {
          var next = days.filter(function (d) { return d !== value; });
          if (e.target.checked) next.push(value);
          self.write(next);
        }, p.forID + "-" + value);
      }).toJS();
      var all = box(every, p.field.getIn(["heritage_every", "label"]), isEvery, function (e) {
        if (e.target.checked) p.onChange(every);
        else self.write([]);
      }, p.forID);
      return h("fieldset", { className: "hx-days " + (p.classNameWrapper || ""), "data-field": p.field.get("name") },
        h("div", { className: "hx-days__every" }, all),
        h("div", { className: "hx-days__week" }, boxes));
    },
  });

  function DaysPreview(props) {
    var v = props.value;
    return h("span", {}, isList(v) ? v.toJS().join(", ") : v || "");
  }

  CMS.registerWidget("heritage-days", DaysControl, DaysPreview);
})();
