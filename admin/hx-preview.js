/* Previews that look like the page: an entry, a trail, a column post (their styles are the
 * site's own heritage.css and preview.css). heritage-cms.js registers one per collection of
 * config.yml, from shared.previews, before it starts Decap.
 */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  if (!CMS || !h || window.top !== window.self) return;
  var shared = window.HeritageEditor;

  CMS.registerPreviewStyle("../assets/heritage/heritage.css");
  CMS.registerPreviewStyle("../assets/heritage/colors.css"); // the ward's colours (data/site.yml colors:)
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

  /** The preview of a collection: the column's, the trails', every section's entry. */
  shared.previews = { "chuyen-muc": PostPreview, "hanh-trinh": TrailPreview, entry: EntryPreview };
})();
