/* The media library ("Tập tin" tab) under `make edit` in git mode: viewing only.
 *
 * In git mode every change is a draft: one commit on cms/<collection>/<slug>
 * (scripts/cms-local-git.js). A photo picked in an entry's form goes into that entry's draft
 * (Decap keeps it with the entry until the save); the library opened on its own would write the
 * file straight into the officer's work tree, outside any commit and in a folder no entry owns.
 * So there, its upload button is hidden and a bilingual note says where uploads go; the proxy
 * refuses that upload anyway (persistMedia, deleteFile). Opened from an entry's form, the library
 * is left as it is. In fs mode (no workflow) nothing changes.
 */
(function () {
  "use strict";
  var CMS = window.CMS;
  if (!CMS || window.top !== window.self) return;
  var shared = window.HeritageEditor;
  var NOTE = "hx-media-note";

  function gitMode() {
    return shared.local && !!shared.config && shared.config.publish_mode === "editorial_workflow";
  }
  /** The library opened on its own (the header's "Tập tin" button), not from an entry's form. */
  function standalone() { return !/^#\/collections\/[^/]+\/(entries\/|new)/.test(location.hash); }

  function update() {
    var on = gitMode() && standalone();
    if (on) document.documentElement.setAttribute("data-hx-media", "view-only");
    else document.documentElement.removeAttribute("data-hx-media");
    var input = document.querySelector(".ReactModalPortal input[type=file]");
    var existing = document.getElementById(NOTE);
    if (!on || !input) {
      if (existing && !on) existing.remove();
      return;
    }
    input.disabled = true;
    if (existing) return;
    var note = document.createElement("p");
    note.id = NOTE;
    note.className = "hx-media-note";
    note.setAttribute("role", "note");
    note.textContent =
      "Ở đây chỉ xem được ảnh. Muốn thêm ảnh, mở mục (di tích, lễ hội…) rồi bấm nút chọn ảnh trong trường ảnh của nó: ảnh vào bản nháp của mục và được công bố cùng mục. / " +
      "Photos can only be viewed here. To add one, open the item (a relic, a festival…) and use its photo field's button: the photo goes into the item's draft and is published with it.";
    var label = input.closest("label");
    var top = label && label.parentElement && label.parentElement.parentElement;
    (top && top.parentElement ? top.parentElement : input.parentElement).insertBefore(note, top && top.parentElement ? top.nextSibling : null);
  }

  new MutationObserver(update).observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener("hashchange", update);
  shared.onConfig(function () { update(); });
})();
