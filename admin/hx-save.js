/* The refusals at save, and what a save leaves out (split from hx-fields.js, whose rules they use).
 *  - preSave: the rules across fields and a new item's id checked once more (a field off screen
 *    is refused too), and a new item's data without the boxes nobody touched;
 *  - a refused save brings its first refused field on screen, shows one toast per refusal, and
 *    logs a real Error (Decap rejected with nothing in it);
 *  - postSave: the ids saved during this visit are taken.
 * Loaded after hx-fields.js (window.HeritageEditor.refusals).
 */
(function () {
  "use strict";
  var CMS = window.CMS;
  if (!CMS || window.top !== window.self) return;
  var shared = window.HeritageEditor;
  if (!shared || !shared.refusals) return;
  var r = shared.refusals;
  var isMap = r.isMap, collectionOf = r.collectionOf, ruleProblems = r.ruleProblems, loadIds = r.loadIds, idProblem = r.idProblem, saved = r.saved;

  /** A new entry's data without what nobody filled: Decap gives every boolean box its default
   * (`sample: false`, `visit: {by_appointment: false, free: false}`); the schema's default is
   * the same, so such a value is dropped, and a block left empty by that goes too. */
  function untouched(fields, data) {
    (fields || []).forEach(function (field) {
      if (!isMap(data) || !data.has(field.name)) return;
      var value = data.get(field.name);
      if (field.widget === "boolean" && value === (field["default"] === true)) data = data.delete(field.name);
      else if (field.widget === "object" && isMap(value)) {
        var inner = untouched(field.fields, value);
        data = inner.size ? (inner === value ? data : data.set(field.name, inner)) : data.delete(field.name);
      }
    });
    return data;
  }

  CMS.registerEventListener({
    name: "preSave",
    handler: async function (args) {
      var entry = args.entry;
      var collection = collectionOf(entry.get("collection"));
      if (!collection || !collection.fields) return undefined;
      var data = entry.get("data");
      var problems = ruleProblems(collection.fields, data, []);
      var idField = collection.fields.filter(function (f) { return f.widget === "heritage-id"; })[0];
      if (idField && entry.get("newRecord")) {
        await loadIds(idField.heritage_ids);
        var problem = idProblem({ get: function (k) { return idField[k]; } }, data.get(idField.name));
        if (problem) problems.unshift(problem);
      }
      var unique = problems.filter(function (m, i) { return problems.indexOf(m) === i; });
      if (unique.length) throw new Error(unique.join(" "));
      if (!entry.get("newRecord")) return undefined; // an existing file keeps what it says (heritage-yaml.js)
      var kept = untouched(collection.fields, data);
      return kept === data ? undefined : kept;
    },
  });

  // --- a refused save shows its first refusal -----------------------------------------------------

  // Decap marks each refused field red but leaves the form where it was: a refusal below the
  // screen (a photo's description in the fifth media item) went unseen. After a click on the
  // toolbar (save, publish), the first field refused is brought to the middle of the screen.
  var asked = 0;
  window.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (target && target.closest('[class*="-ToolbarContainer"], [role=menuitem]')) asked = Date.now();
  }, true);
  new MutationObserver(function () {
    if (!asked || Date.now() - asked > 3000) return;
    var first = document.querySelector('[class*="-ControlErrorsList"] li');
    if (!first) return;
    asked = 0;
    var label = first.closest("ul").previousElementSibling || first;
    label.scrollIntoView({ block: "center" });
  }).observe(document.documentElement, { childList: true, subtree: true });

  // A refused save rejects a promise nobody handles: Decap's with nothing (fields refused) or
  // with its failure action (preSave refused), which the console showed as a bare "undefined".
  // It is logged as an Error carrying the refusal's words.
  window.addEventListener("unhandledrejection", function (event) {
    var reason = event.reason;
    var failed = reason && reason.error === "Failed to persist entry";
    if (reason !== undefined && !failed) return;
    event.preventDefault();
    if (failed) { console.error(new Error(String((reason.payload && reason.payload.error) || reason.error))); return; }
    setTimeout(function () {
      var words = Array.from(document.querySelectorAll('[class*="-ControlErrorsList"] li')).map(function (li) { return li.textContent; });
      console.error(new Error(words.join(" ") || "refused"));
    }, 0);
  });

  // Each refused save adds a toast: saved four times, four identical toasts stacked. The newest
  // of identical ones stays; the older are closed.
  new MutationObserver(function () {
    var seen = {};
    var toasts = document.querySelectorAll(".Toastify__toast");
    for (var i = toasts.length - 1; i >= 0; i--) {
      var toast = toasts[i], key = toast.textContent;
      if (!seen[key]) { seen[key] = true; continue; }
      if (toast.dataset.hxRepeat) continue;
      toast.dataset.hxRepeat = "1";
      var close = toast.querySelector(".Toastify__close-button");
      if (close) close.click();
      else toast.hidden = true;
    }
  }).observe(document.documentElement, { childList: true, subtree: true });

  CMS.registerEventListener({
    name: "postSave",
    handler: function (args) {
      var entry = args.entry;
      var collection = collectionOf(entry.get("collection"));
      var slug = entry.get("slug") || entry.getIn(["data", "id"]);
      if (collection && slug && collection.folder) saved[slug] = collection.folder + "/" + slug + "." + (collection.extension || "yml");
      return undefined;
    },
  });
})();
