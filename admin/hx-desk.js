/* "Dịch và chuyên mục / Translations and column": a page over the editor, opened from a button
 * in its corner (Decap 3.19 has no way to add a page of one's own: no registerAdditionalLink).
 *
 * It shows /admin/desk.json (heritage/editor/desk.py, written with every build):
 *  - English pages behind their Vietnamese twin, the Vietnamese change since the revision the
 *    English translates beside the English text, and "Translation done", which writes that one
 *    file with its `translated_from` line set to the revision `translations --stamp` would
 *    write (the rest of the file untouched), through the storage backend's persistEntry: with
 *    the editorial workflow (GitHub; `make edit` in git mode) a draft of the page's item, or
 *    added to its draft, published from the board like any save; in fs mode a direct write;
 *  - the column's months from launch to this month, and the days left in this one.
 */
(function () {
  "use strict";
  if (!window.CMS || window.top !== window.self) return;
  var shared = window.HeritageEditor;
  var el = shared.el;

  /** The English page's text with `translated_from: <revision>` (that line only: replaced, or
   * added at the end of the front matter, or a front matter made for it). */
  function stamped(raw, revision) {
    var nl = raw.indexOf("\r\n") >= 0 ? "\r\n" : "\n";
    var line = "translated_from: " + revision;
    var m = /^(\ufeff?---[ \t]*\r?\n)([\s\S]*?\r?\n)?(---[ \t]*(\r?\n|$))/.exec(raw);
    if (!m) return "---" + nl + line + nl + "---" + nl + nl + raw;
    var front = m[2] || "";
    front = /^translated_from:.*$/m.test(front) ? front.replace(/^translated_from:.*$/m, line) : front + line + nl;
    return m[1] + front + raw.slice(m[1].length + (m[2] || "").length);
  }
  shared.stamped = stamped;

  /** The collection and slug of the item an English page belongs to (an entry's or a trail's
   * story, a column post), from config.yml's collections; null for a page no form edits. */
  function owner(en) {
    var found = null;
    ((shared.config && shared.config.collections) || []).forEach(function (c) {
      var h = c.heritage || {};
      var prefix = h.stories ? h.stories.en : h.real ? h.real.en.replace(/\/?$/, "/") : null;
      if (prefix && en.indexOf(prefix) === 0 && /^[^/]+\.md$/.test(en.slice(prefix.length))) found = { collection: c.name, slug: en.slice(prefix.length, -3) };
    });
    return found;
  }
  /** Drafts go through the editorial workflow (GitHub, and `make edit` in git mode: Decap turns
   * publish_mode to "simple" when the local proxy has no workflow, i.e. in fs mode). */
  function workflow() { return !!shared.config && shared.config.publish_mode === "editorial_workflow"; }
  shared.deskWorkflow = workflow;

  async function stamp(item) {
    var backend = shared.backend;
    if (!backend) throw new Error("Chưa đăng nhập. / Not logged in.");
    var useWorkflow = workflow();
    var own = owner(item.en) || { collection: (/^docs\/[a-z]+\/(.+)\/[^/]+\.md$/.exec(item.en) || [null, "trang"])[1], slug: item.en.replace(/^.*\/|\.md$/g, "") };
    if (useWorkflow && !owner(item.en)) {
      throw new Error("Trang này không có biểu mẫu trong trình biên tập nên không làm được bản nháp: ghi bằng `python -m heritage translations --stamp " + item.en + "` rồi commit. / " +
        "No form of the editor edits this page, so it cannot become a draft: stamp it with `python -m heritage translations --stamp " + item.en + "`, then commit.");
    }
    var raw = "";
    if (useWorkflow) {
      // the item's draft, when it has one: the stamp is added to it, on its text
      try { raw = await backend.unpublishedEntryDataFile(own.collection, own.slug, item.en, own.collection + "/" + own.slug); } catch (e) { raw = ""; }
    }
    if (typeof raw !== "string" || !raw) {
      var found = await backend.getEntry(item.en);
      raw = found && typeof found.data === "string" ? found.data : "";
    }
    if (!raw) throw new Error("Không đọc được " + item.en + ". / Could not read " + item.en + ".");
    await backend.persistEntry(
      { dataFiles: [{ path: item.en, slug: own.slug, raw: stamped(raw, item.revision) }], assets: [] },
      {
        newEntry: false,
        collectionName: own.collection,
        commitMessage: "Đã dịch xong / Translation done: " + item.en + " (translated_from " + item.revision + ")",
        useWorkflow: useWorkflow,
        unpublished: false,
        status: "pending_review",
      }
    );
    return useWorkflow;
  }

  var STATUS = { stale: "Bản dịch cũ / Stale", unstamped: "Chưa ghi phiên bản / Not stamped" };

  function translationItem(item) {
    var note = el("p", { role: "status", class: "hx-desk__note" });
    var done = el("button", { type: "button", class: "hx-desk__done", text: "Đã dịch xong / Translation done", onclick: async function () {
      done.disabled = true;
      note.textContent = "Đang lưu… / Saving…";
      try {
        var drafted = await stamp(item);
        note.textContent = "Đã ghi translated_from: " + item.revision + ". / Stamped translated_from: " + item.revision + "." + (drafted
          ? " Đây là một bản nháp: xem và công bố nó ở thẻ Quy trình biên tập. / It is a draft: review and publish it on the Workflow board."
          : "");
      } catch (e) {
        done.disabled = false;
        note.textContent = "Không lưu được / Could not save: " + (e && e.message ? e.message : e);
      }
    } });
    var diff = el("pre", { class: "hx-desk__diff", lang: "vi" });
    String(item.diff).split("\n").forEach(function (line) {
      var kind = item.change === "diff" && /^[+-]/.test(line) && !/^(\+\+\+|---)/.test(line) ? (line[0] === "+" ? "add" : "del") : "same";
      diff.appendChild(el("span", { class: "hx-desk__line hx-desk__line--" + kind, text: line + "\n" }));
    });
    return el("li", { class: "hx-desk__page", "data-page": item.en }, [
      el("h3", { text: item.en }),
      el("p", { text: (STATUS[item.status] || item.status) + (item.recorded ? " — " + item.recorded + " → " + item.revision : " — " + item.revision) }),
      el("div", { class: "hx-desk__pair" }, [
        el("div", {}, [
          el("h4", { text: item.change === "diff" ? "Tiếng Việt đã đổi / The Vietnamese change" : "Tiếng Việt hiện nay (không có lịch sử git) / The Vietnamese now (no git history)" }),
          diff,
        ]),
        el("div", {}, [el("h4", { text: "Tiếng Anh / The English (" + item.en + ")" }), el("pre", { class: "hx-desk__english", lang: "en", text: item.english || "" })]),
      ]),
      done,
      note,
    ]);
  }

  function monthRow(row, daysLeft) {
    var state;
    if (row.posts.length) state = "Có bài / Has its post";
    else if (row.excused) state = "Được miễn / Excused";
    else if (row.current) state = "Chưa có bài: còn " + daysLeft + " ngày / No post yet: " + daysLeft + " day(s) left";
    else state = "Thiếu bài / No post";
    var posts = row.posts.join(", ") + (row.one_language.length ? (row.posts.length ? "; " : "") + "một thứ tiếng / one language only: " + row.one_language.join(", ") : "");
    return el("tr", { "data-month": row.month, class: row.posts.length || row.excused ? "hx-desk__ok" : "hx-desk__missing" }, [
      el("th", { scope: "row", text: row.month + (row.current ? " (tháng này / this month)" : "") }),
      el("td", { text: state }),
      el("td", { text: posts }),
    ]);
  }

  var dialog, content, opener;
  async function show() {
    content.textContent = "Đang tải… / Loading…";
    dialog.hidden = false;
    dialog.querySelector("h1").focus();
    var data;
    try {
      var response = await fetch("desk.json", { cache: "no-store" });
      data = await response.json();
    } catch (e) {
      content.textContent = "Không tải được desk.json. / Could not load desk.json.";
      return;
    }
    content.textContent = "";
    var pages = data.translations;
    content.appendChild(el("h2", { text: "Bản dịch cần cập nhật / Translations behind their Vietnamese" }));
    content.appendChild(pages.length ? el("ul", { class: "hx-desk__pages" }, pages.map(translationItem)) : el("p", { text: "Mọi trang tiếng Anh đều theo kịp bản tiếng Việt. / Every English page is up to date." }));
    var column = data.column;
    content.appendChild(el("h2", { text: "Chuyên mục hằng tháng / The monthly column" }));
    content.appendChild(el("p", { class: "hx-desk__days", text: "Tháng này còn " + column.days_left + " ngày. / " + column.days_left + " day(s) left this month." }));
    content.appendChild(el("table", { class: "hx-desk__months" }, [
      el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "Tháng / Month" }), el("th", { scope: "col", text: "Tình trạng / State" }), el("th", { scope: "col", text: "Bài (cả hai thứ tiếng) / Posts (both languages)" })])]),
      el("tbody", {}, column.months.slice().reverse().map(function (row) { return monthRow(row, column.days_left); })),
    ]));
  }
  function hide() {
    dialog.hidden = true;
    if (opener) opener.focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    opener = el("button", { type: "button", id: "hx-desk-open", class: "hx-corner-button hx-corner-button--left", text: "Dịch và chuyên mục / Translations and column", onclick: show });
    content = el("div", { class: "hx-desk__content" });
    dialog = el("section", { id: "hx-desk", class: "hx-desk", role: "region", "aria-labelledby": "hx-desk-title", hidden: "" }, [
      el("h1", { id: "hx-desk-title", tabindex: "-1", text: "Dịch và chuyên mục / Translations and column" }),
      el("button", { type: "button", class: "hx-side-panel__close", "aria-label": "Đóng / Close", text: "×", onclick: hide }),
      content,
    ]);
    dialog.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
    document.body.appendChild(opener);
    document.body.appendChild(dialog);
  });
})();
