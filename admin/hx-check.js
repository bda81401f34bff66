/* The "Kiểm tra / Check" panel of the web editor: `make check`'s problems for the open entry,
 * trail or post, read from /admin/problems.json (written by every preview build of `make edit`),
 * each with a button that brings the named field into view and focuses it.
 *
 * After a save the panel polls problems.json until the preview has rebuilt (its text changes)
 * and opens by itself when the item's files then have errors: the save is not refused in the
 * browser (that would need `make check` there), the officer sees what to fix at once.
 * Under `make edit` in git mode an unpublished draft lives on its branch, not in the work tree:
 * its problems are its own commit's check, asked of the local proxy
 * (GET /draft/check/<collection>/<slug>, scripts/cms-draft-preview.js); "đang kiểm tra…" while
 * it runs. An item without a draft reads problems.json as above; so does a draft once published
 * (the panel reads problems.json again, until the preview has rebuilt from the published files).
 * On the public site (GitHub backend) there is no problems.json: the panel says that the pull
 * request's check lists them, with a link to the repository's pull requests.
 *
 * Also shares its element helper `el` with the desk (hx-desk.js), on window.HeritageEditor.
 */
(function () {
  "use strict";
  var CMS = window.CMS;
  if (!CMS || window.top !== window.self) return;
  var LANGS = window.HeritageEditor.LANGS; // hx-config.js
  var shared = window.HeritageEditor; // hx-config.js: Decap's configuration and backend, captured once

  shared.onConfig(function () { setTimeout(route); }); // an address opened directly: the button shows once the collections are known

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  shared.el = el;

  /** The open form's collection and slug, from Decap's address (#/collections/<name>/entries/<slug>). */
  function openItem() {
    var m = /^#\/collections\/([^/]+)\/(entries\/(.+)|new)/.exec(location.hash);
    if (!m) return null;
    var collection = ((shared.config && shared.config.collections) || []).filter(function (c) { return c.name === m[1]; })[0];
    return collection ? { collection: collection, slug: m[3] ? decodeURIComponent(m[3]) : null } : null;
  }

  /** The repository files an item is made of (heritage-cms.js writes them together). */
  function itemFiles(item) {
    if (!item || !item.slug) return [];
    var h = item.collection.heritage || {};
    if (h.real) return LANGS.map(function (l) { return h.real[l].replace(/\/$/, "") + "/" + item.slug + ".md"; });
    var files = [item.collection.folder + "/" + item.slug + "." + (item.collection.extension || "yml")];
    if (h.stories) LANGS.forEach(function (l) { files.push(h.stories[l] + item.slug + ".md"); });
    return files;
  }

  // --- the field a problem names ----------------------------------------------------------

  function outermost(nodes) {
    return nodes.filter(function (n) { return !nodes.some(function (o) { return o !== n && o.contains(n); }); });
  }
  var ENTRY = "input:not([type=hidden]), textarea, select, [contenteditable=true]"; // where text is typed
  var FOCUSABLE = ENTRY + ", button";
  function candidates(name) {
    var safe = name.replace(/[^A-Za-z0-9_-]/g, "");
    var found = outermost(Array.prototype.slice.call(document.querySelectorAll('[data-field="' + safe + '"], [id^="' + safe + '-field-"]')));
    if (found.length) return found;
    // Decap's markdown widget (a story) gives its id to no element, in either mode (rich text or
    // Markdown): its label's `for` names it; the editor is the typing box of the label's field
    // (not the first button of its toolbar).
    return Array.prototype.slice.call(document.querySelectorAll('label[for^="' + safe + '-field-"]')).map(function (label) {
      for (var box = label.parentElement; box; box = box.parentElement) {
        var entry = box.querySelector(ENTRY);
        if (entry) return entry;
      }
      return label;
    });
  }

  /** The form element for `problem` ("media[0].alt", "name.en"…; a line of an entry's or a
   * trail's page, whatever field it names: that language's story, the page's body in the form). */
  function fieldElement(problem) {
    var page = /^docs\/([a-z]+)\//.exec(problem.file);
    var story = page && LANGS.indexOf(page[1]) >= 0 && !/chuyen-muc/.test(problem.file);
    var path = story ? "story_" + page[1] : problem.field || "";
    if (!path) return null;
    var parts = path.replace(/\[(\d+)\]/g, ".#$1").split(".");
    var lang = LANGS.indexOf(parts[parts.length - 1]) >= 0 ? parts.pop() : null;
    var names = parts.filter(function (p) { return p[0] !== "#"; });
    var index = null;
    parts.forEach(function (p) { if (p[0] === "#") index = Number(p.slice(1)); });
    var found = null;
    var leaf = candidates(names[names.length - 1]);
    if (page && leaf.length > 1 && LANGS.indexOf(page[1]) >= 0) found = leaf[LANGS.indexOf(page[1])] || null; // a post's two columns
    else if (leaf.length) found = leaf[index !== null && index < leaf.length ? index : 0];
    if (!found) found = candidates(names[0])[0] || null; // a folded list: its heading at least
    if (!found) return null;
    if (lang) found = found.querySelector('[data-lang="' + lang + '"]') || found;
    return found.matches(FOCUSABLE) ? found : found.querySelector(FOCUSABLE) || found;
  }
  /** `translated_from` is no box of the form: the desk stamps it ("Đã dịch xong"). */
  function stampedOnDesk(problem) {
    return problem.field === "translated_from" || STAMP.test(problem.fix_en || "");
  }
  function goTo(problem) {
    if (stampedOnDesk(problem)) {
      var desk = document.getElementById("hx-desk-open");
      if (desk) { desk.click(); return true; }
    }
    var target = fieldElement(problem);
    if (!target) return false;
    target.scrollIntoView({ block: "center" });
    if (!target.matches(FOCUSABLE)) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    return true;
  }

  // --- problems.json ---------------------------------------------------------------------

  var last = { text: null, data: null, missing: false };
  var github = null; // on the site: the pull request's check for the open item (hx-github-check.js)
  var refresh = null;
  /** On the site (GitHub backend) the problems are the pull request's check's annotations. */
  function githubMode() {
    var backend = shared.config && shared.config.backend;
    return !shared.local && !!backend && backend.name === "github" && typeof shared.githubCheck === "function";
  }
  async function loadGithub() {
    clearTimeout(refresh);
    var item = openItem();
    var files = itemFiles(item);
    var key = location.hash;
    if (!files.length) { github = { key: key, state: "unsaved", problems: [], others: 0 }; return; }
    if (!github || github.key !== key) github = { key: key, state: "loading", problems: [], others: 0 };
    render();
    var result = await shared.githubCheck({ collection: item.collection.name, slug: item.slug }, files);
    if (location.hash !== key) return;
    github = Object.assign(result, { key: key });
    // a check still running: read it again while the panel is open
    if (github.state === "running") refresh = setTimeout(function () { if (!panel.hidden) load().then(render); }, 15000);
  }
  function gitDrafts() {
    var config = shared.config || {};
    return shared.local && config.publish_mode === "editorial_workflow" && !!(config.backend && config.backend.proxy_url);
  }
  /** `make edit` in git mode: the local proxy, whose drafts have their own check. */
  function draftCheckUrl(item) {
    if (!gitDrafts() || !item || !item.slug) return null;
    return shared.config.backend.proxy_url.replace(/\/api\/v1\/?$/, "") + "/draft/check/" + encodeURIComponent(item.collection.name) + "/" + encodeURIComponent(item.slug);
  }
  /** The open item's draft's problems; false when it has no draft (then problems.json says). */
  async function loadDraft(url) {
    clearTimeout(refresh);
    var response = await fetch(url, { cache: "no-store" });
    if (response.status === 404) return false;
    var json = await response.json();
    if (json.state === "checking") {
      last = { text: null, data: null, missing: false, draft: json.commit, checking: true };
      refresh = setTimeout(function () { if (!panel.hidden) load().then(render); }, 1000);
      return true;
    }
    last = { text: JSON.stringify(json), data: json, missing: false, draft: json.commit, checking: false };
    return true;
  }
  async function load() {
    if (githubMode()) { await loadGithub(); return last; }
    var url = draftCheckUrl(openItem());
    if (url) {
      try { if (await loadDraft(url)) return last; } catch (e) { /* the proxy is gone: problems.json below */ }
    }
    try {
      var response = await fetch("problems.json", { cache: "no-store" });
      if (!response.ok) { last.missing = true; return last; }
      var text = await response.text();
      last = { text: text, data: JSON.parse(text), missing: false, draft: null, checking: false };
    } catch (e) { last.missing = true; }
    return last;
  }
  /** After a save: poll until the preview has rebuilt (the file's text changes), up to a minute. */
  async function afterSave() {
    if (githubMode()) { await loadGithub(); render(); return; }
    var before = last.text;
    var beforeDraft = last.draft;
    var drafts = gitDrafts();
    var deadline = Date.now() + (drafts ? 180000 : 60000);
    while (Date.now() < deadline) {
      await new Promise(function (r) { setTimeout(r, 700); });
      if (!panel.hidden) render(); // "checking…" while the new commit is checked
      await load();
      // a draft: its new commit's check is done; else the preview has rebuilt problems.json
      if (drafts ? last.draft && last.draft !== beforeDraft && !last.checking : last.missing || last.text !== before) break;
    }
    render();
    var mine = ownProblems();
    if (mine.some(function (p) { return p.severity === "error"; })) open(true);
  }
  /** Publishing (git mode) ends the draft: its branch is gone, its commit is the work tree's.
   * The panel then says what problems.json says, polling until the preview has rebuilt from the
   * published files (the text changes from what it was before publishing), up to a minute. */
  var beforePublishing = null;
  async function beforePublish() {
    beforePublishing = null;
    var read = fetch("problems.json", { cache: "no-store" }).then(function (r) { return r.ok ? r.text() : null; });
    // Decap waits for this handler before it publishes: never hold it up for long
    beforePublishing = await Promise.race([read, new Promise(function (r) { setTimeout(r, 2000); })]).catch(function () { return null; });
  }
  async function afterPublish() {
    var before = beforePublishing;
    var deadline = Date.now() + 60000;
    for (;;) {
      await load();
      render();
      var rebuilt = !last.draft && !last.checking && (last.missing || (before !== null && last.text !== before));
      if (rebuilt || Date.now() > deadline) break;
      await new Promise(function (r) { setTimeout(r, 700); });
    }
    if (ownProblems().some(function (p) { return p.severity === "error"; })) open(true);
  }
  function ownProblems() {
    var files = itemFiles(openItem());
    return last.data ? last.data.problems.filter(function (p) { return files.indexOf(p.file) >= 0; }) : [];
  }

  // --- the panel -------------------------------------------------------------------------

  var button, panel, body;
  function build() {
    button = el("button", { type: "button", id: "hx-check-toggle", class: "hx-corner-button", "aria-expanded": "false", "aria-controls": "hx-check", onclick: function () { open(panel.hidden); } },
      [el("span", { text: "Kiểm tra / Check" })]);
    body = el("div", { class: "hx-check__body" });
    panel = el("section", { id: "hx-check", class: "hx-side-panel", role: "region", "aria-labelledby": "hx-check-title", hidden: "" }, [
      el("h2", { id: "hx-check-title", text: "Kiểm tra / Check" }),
      el("button", { type: "button", class: "hx-side-panel__close", "aria-label": "Đóng / Close", text: "×", onclick: function () { open(false); button.focus(); } }),
      body,
    ]);
    document.body.appendChild(button);
    document.body.appendChild(panel);
  }
  function open(show) {
    panel.hidden = !show;
    button.setAttribute("aria-expanded", String(!!show));
    if (show) load().then(render);
  }

  // make check tells a file's editor to run the stamping command; in the form the desk does it.
  var STAMP = /python -m heritage translations --stamp/;
  var DESK_FIX = {
    vi: "Cập nhật bản dịch nếu cần, rồi mở Dịch và chuyên mục, bấm Đã dịch xong.",
    en: "Update the translation if needed, then open Translations and column and press Translation done.",
  };
  function fix(p, lang) {
    var words = p["fix_" + lang] || "";
    return STAMP.test(words) ? DESK_FIX[lang] : words;
  }

  function problemItem(p) {
    var where = p.file + (p.line ? " (dòng/line " + p.line + ")" : "") + (p.field ? " [" + p.field + "]" : "");
    var severity = p.severity === "error" ? "Lỗi / Error" : "Lưu ý / Warning";
    var li = el("li", { class: "hx-check__problem hx-check__problem--" + p.severity }, [
      el("p", { class: "hx-check__where" }, [el("strong", { text: severity + " — " }), el("code", { text: where })]),
      el("p", { lang: "vi", text: p.vi + " " + fix(p, "vi") }),
      el("p", { lang: "en", text: p.en + " " + fix(p, "en") }),
    ]);
    if (p.field || /^docs\//.test(p.file)) {
      var desk = stampedOnDesk(p);
      li.appendChild(el("button", { type: "button", class: "hx-check__goto", text: desk ? "Mở Dịch và chuyên mục / Open Translations and column" : "Đến trường / Go to field", onclick: function (e) {
        if (!goTo(p)) e.target.textContent = "Không thấy trường trong biểu mẫu / The field is not in the form";
      } }));
    }
    return li;
  }

  var GITHUB_STATES = {
    unavailable: "Khi lưu, bước kiểm tra (make check) của yêu cầu gộp (pull request) liệt kê các lỗi của nội dung. / When you save, the pull request's check (make check) lists the content's problems.",
    unsaved: "Mục chưa lưu: chưa có tệp. / Not saved yet: no files.",
    loading: "Đang tải kết quả kiểm tra từ GitHub… / Loading the check's results from GitHub…",
    none: "Mục này chưa có yêu cầu gộp (pull request): chưa lưu thay đổi nào, hoặc đã xuất bản. Khi lưu, yêu cầu gộp được tạo và kiểm tra. / This item has no pull request: nothing saved yet, or already published. Saving creates one, and it is checked.",
    running: "Bước kiểm tra của yêu cầu gộp đang chạy (vài phút); bảng này tự tải lại. / The pull request's check is still running (a few minutes); this panel reloads by itself.",
    passed: "Bước kiểm tra đã qua: không có lỗi ở mục này. / The check passed: no problems in this item.",
    failed: "Bước kiểm tra không qua, nhưng không phải vì tệp của mục này: xem yêu cầu gộp. / The check failed, but not because of this item's files: see the pull request.",
    error: "Không tải được kết quả kiểm tra từ GitHub: thử lại sau, hoặc xem yêu cầu gộp. / The check's results could not be loaded from GitHub: try again later, or see the pull request.",
  };
  function renderGithub() {
    var state = github ? github.state : "loading";
    var repo = shared.config.backend.repo;
    var mine = github ? github.problems : [];
    var files = itemFiles(openItem());
    if (files.length) body.appendChild(el("p", { class: "hx-check__files", text: "Tệp / Files: " + files.join(", ") }));
    var quiet = (state === "passed" || state === "failed") && mine.length; // the list says it
    if (!quiet) body.appendChild(el("p", { class: "hx-check__state", "data-state": state, role: "status", text: GITHUB_STATES[state] + (github && github.detail ? " (" + github.detail + ")" : "") }));
    else body.appendChild(el("p", { class: "hx-check__state", "data-state": state, role: "status", text: state === "passed" ? "Bước kiểm tra đã qua, với các lưu ý sau. / The check passed, with these warnings." : "Bước kiểm tra không qua: sửa các lỗi sau rồi lưu lại. / The check failed: fix these problems and save again." }));
    if (mine.length) body.appendChild(el("ul", { class: "hx-check__list" }, mine.map(problemItem)));
    if (github && github.others) body.appendChild(el("p", { class: "hx-check__others", text: github.others + " vấn đề ở tệp khác, xem ở yêu cầu gộp. / " + github.others + " problem(s) in other files, listed on the pull request." }));
    var url = github && github.url ? github.url : repo ? "https://github.com/" + repo + "/pulls" : null;
    if (url) body.appendChild(el("a", { href: url, target: "_blank", rel: "noopener", text: github && github.url ? "Mở yêu cầu gộp / Open the pull request" : "Các yêu cầu gộp / Pull requests" }));
  }

  function render() {
    if (!body) return;
    body.textContent = "";
    if (githubMode()) { renderGithub(); return; }
    var item = openItem();
    if (last.missing) {
      var repo = shared.config && shared.config.backend && shared.config.backend.repo;
      body.appendChild(el("p", { text: "Khi lưu, bước kiểm tra (make check) của yêu cầu gộp (pull request) liệt kê các lỗi của nội dung. / When you save, the pull request's check (make check) lists the content's problems." }));
      if (repo) body.appendChild(el("a", { href: "https://github.com/" + repo + "/pulls", target: "_blank", rel: "noopener", text: "Các yêu cầu gộp / Pull requests" }));
      return;
    }
    if (last.checking) {
      body.appendChild(el("p", { class: "hx-check__state", "data-state": "checking", role: "status", text: "Đang kiểm tra bản nháp… / Checking the draft…" }));
      return;
    }
    if (!last.data) { body.appendChild(el("p", { text: "Đang tải… / Loading…" })); return; }
    if (last.draft) body.appendChild(el("p", { class: "hx-check__draft", text: "Bản nháp chưa công bố: đây là kết quả kiểm tra của chính bản nháp. / Unpublished draft: these are the draft's own check's results." }));
    if (last.data.unavailable) {
      body.appendChild(el("p", { class: "hx-check__state", "data-state": "error", role: "status", text: "Không kiểm tra được bản nháp: chạy `make check` để xem lý do. / The draft could not be checked: run `make check` to see why." }));
      return;
    }
    var files = itemFiles(item);
    var mine = ownProblems();
    var others = last.data.problems.filter(function (p) { return files.indexOf(p.file) < 0; });
    if (last.data.stale) body.appendChild(el("p", { class: "hx-check__stale", text: "Trang xem trước đang hiện nội dung cũ cho đến khi hết lỗi. / The preview shows the last content without errors until these are fixed." }));
    body.appendChild(el("p", { class: "hx-check__files", text: files.length ? "Tệp / Files: " + files.join(", ") : "Mục chưa lưu: chưa có tệp. / Not saved yet: no files." }));
    if (files.length && !mine.length) body.appendChild(el("p", { class: "hx-check__none", text: "Không có lỗi nào ở mục này. / No problems in this item." }));
    if (mine.length) body.appendChild(el("ul", { class: "hx-check__list" }, mine.map(problemItem)));
    if (others.length) {
      var list = el("ul", { class: "hx-check__list", id: "hx-check-others", hidden: "" }, others.map(problemItem));
      body.appendChild(el("p", {}, [
        el("span", { text: others.length + " vấn đề ở tệp khác / " + others.length + " problem(s) in other files. " }),
        el("button", { type: "button", "aria-controls": "hx-check-others", "aria-expanded": "false", text: "Xem danh sách / Show the list", onclick: function (e) {
          list.hidden = !list.hidden;
          e.target.setAttribute("aria-expanded", String(!list.hidden));
        } }),
      ]));
      body.appendChild(list);
    }
  }

  /** The button shows on an item's form only. */
  function route() {
    if (!button) return;
    var onForm = !!openItem();
    button.hidden = !onForm;
    if (!onForm) open(false);
    else if (!panel.hidden) load().then(render);
  }

  CMS.registerEventListener({ name: "postSave", handler: function () { afterSave(); return undefined; } });
  CMS.registerEventListener({ name: "prePublish", handler: function () { return beforePublish().then(function () { return undefined; }); } });
  CMS.registerEventListener({ name: "postPublish", handler: function () { afterPublish(); return undefined; } });
  document.addEventListener("DOMContentLoaded", function () {
    build();
    route();
    window.addEventListener("hashchange", route);
  });
})();
