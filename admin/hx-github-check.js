/* The Check panel on the site (Decap's GitHub backend, editorial workflow): the pull request's
 * own check, read back from GitHub for the open item.
 *
 * Each save of an item is a branch cms/<collection>/<slug> and a pull request, whose workflow
 * (.github/workflows/pull-request.yml) runs `make check` with CHECK_FORMAT=github: every problem
 * becomes an annotation of the check run (file, line, the field as its title, the Vietnamese
 * sentence then the English one). This reads, with the token Decap keeps for the signed-in user
 * (localStorage `decap-cms-user`, decap-cms-core's LocalStorageAuthStore):
 *   the open pull request of that branch → its head commit's check runs → their annotations,
 * and keeps those of the item's files, as problems like problems.json's (hx-check.js shows them).
 *
 * The token goes to https://api.github.com only: the address is written here, never taken from
 * config.yml's api_root (a GitHub Enterprise root gets no token: the panel says it cannot read).
 */
(function () {
  "use strict";
  if (!window.CMS || window.top !== window.self) return;
  var shared = window.HeritageEditor;
  var API = "https://api.github.com";
  var PAGE = 100;
  // `make check`'s titles when a problem names no field (heritage/problems.py _LABEL)
  var LABELS = ["LỖI / ERROR", "CẢNH BÁO / WARNING"];

  function token() {
    try {
      var user = JSON.parse(window.localStorage.getItem("decap-cms-user") || "null");
      return user && typeof user.token === "string" && user.token ? user.token : null;
    } catch (e) { return null; }
  }

  /** GET API + path as JSON; the token in the Authorization header, to api.github.com only. */
  async function get(path, auth) {
    var url = new URL(API + path);
    if (url.origin !== API) throw new Error("not GitHub's API: " + url.origin);
    var response = await fetch(url.href, {
      headers: { Authorization: "token " + auth, Accept: "application/vnd.github+json" },
      cache: "no-store",
      credentials: "omit",
      referrerPolicy: "no-referrer",
    });
    if (!response.ok) throw new Error("GitHub " + response.status + " " + url.pathname);
    return response.json();
  }

  /** The problem hx-check.js shows, from an annotation (message: Vietnamese line, English line). */
  function problemOf(a) {
    var lines = String(a.message || "").split("\n");
    var vi = lines[0] || "";
    var en = lines.slice(1).join(" ") || vi;
    return {
      file: a.path,
      line: a.start_line || null,
      field: a.title && LABELS.indexOf(a.title) < 0 ? a.title : null,
      severity: a.annotation_level === "failure" ? "error" : "warning",
      vi: vi, en: en, fix_vi: "", fix_en: "",
    };
  }

  /**
   * The pull request's check for `item` (collection name and slug) and its `files`:
   * {state, problems, others, url}; state is one of
   *   "unavailable" (not GitHub, or signed out), "none" (no pull request yet: not saved, or
   *   published), "running" (a check run not finished, or none started yet), "passed", "failed",
   *   "error" (GitHub did not answer; `detail` says what).
   */
  async function read(item, files) {
    var config = shared.config || {};
    var backend = config.backend || {};
    var auth = token();
    if (backend.name !== "github" || !backend.repo || (backend.api_root && backend.api_root.replace(/\/$/, "") !== API) || !auth) {
      return { state: "unavailable", problems: [], others: 0 };
    }
    var repo = backend.repo.split("/").map(encodeURIComponent).join("/");
    var owner = backend.repo.split("/")[0];
    var branch = "cms/" + item.collection + "/" + item.slug;
    try {
      var pulls = await get("/repos/" + repo + "/pulls?state=open&per_page=" + PAGE + "&head=" + encodeURIComponent(owner + ":" + branch), auth);
      var pull = pulls.filter(function (p) { return p.head && p.head.ref === branch; })[0];
      if (!pull) return { state: "none", problems: [], others: 0 };
      var runs = (await get("/repos/" + repo + "/commits/" + encodeURIComponent(pull.head.sha) + "/check-runs?per_page=" + PAGE, auth)).check_runs || [];
      var result = { state: "passed", problems: [], others: 0, url: pull.html_url };
      if (!runs.length || runs.some(function (r) { return r.status !== "completed"; })) result.state = "running";
      else if (runs.some(function (r) { return ["failure", "timed_out", "cancelled", "action_required"].indexOf(r.conclusion) >= 0; })) result.state = "failed";
      for (var i = 0; i < runs.length; i++) {
        if (!runs[i].output || !runs[i].output.annotations_count) continue;
        var notes = await get("/repos/" + repo + "/check-runs/" + runs[i].id + "/annotations?per_page=" + PAGE, auth);
        notes.forEach(function (a) {
          if (files.indexOf(a.path) >= 0) result.problems.push(problemOf(a));
          else if (a.path && a.path !== ".github") result.others += 1;
        });
      }
      return result;
    } catch (e) {
      return { state: "error", problems: [], others: 0, detail: String(e && e.message || e) };
    }
  }

  shared.githubCheck = read;
})();
