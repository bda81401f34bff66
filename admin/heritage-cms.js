/* The heritage site — the project's side of the web editor (Decap CMS, /admin/).
 *
 * Decap models one entry as one file. An entry of this site is three files
 * (data/<section>/<id>.yml and its stories docs/vi/<section>/<id>.md, docs/en/…), so is a
 * trail (data/trails/<id>.yml and docs/<lang>/hanh-trinh/<id>.md), and a column post is two
 * (docs/vi/chuyen-muc/<slug>.md, docs/en/…). Rather than change the
 * content layout (the contract keeps it), hx-storage.js wraps Decap's own storage backends
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
 *
 * The scripts of /admin/, in the order the page loads them (heritage/editor/page.py):
 * hx-config.js captures Decap's configuration once for all; hx-locale, hx-date, hx-days,
 * hx-fields, hx-bilingual and hx-upload add widgets and words; hx-check and hx-github-check
 * the Check panel; hx-desk the translations desk; hx-paths and hx-storage the wrapper above;
 * hx-preview the previews. This one, last, refuses to start inside a frame, registers the
 * previews and starts Decap (CMS_MANUAL_INIT, manual-init.js).
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
  var previews = window.HeritageEditor.previews; // hx-preview.js

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
      CMS.registerPreviewTemplate(name, previews[name] || previews.entry);
    });
  });
  ready.finally(function () { CMS.init(); });
})();
