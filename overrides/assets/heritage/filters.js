// List filters (catalogues by type and ranking, the column by category), without reloading.
// Each <select name="x"> keeps the items whose data-x matches; a group (a month of the
// column) disappears when none of its items is left. Without JavaScript the form stays
// hidden and everything is listed.
(function () {
  function setup(form) {
    var target = form.parentNode.querySelector(form.dataset.hxTarget || "[data-hx-cards]");
    if (!target) return;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var items = Array.prototype.slice.call(target.querySelectorAll("li")).filter(function (li) {
      return selects.every(function (s) { return s.name in li.dataset; });
    });
    var groups = Array.prototype.slice.call(target.querySelectorAll("[data-hx-group]"));
    var output = form.querySelector("output");
    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var ok = selects.every(function (s) { return !s.value || item.dataset[s.name] === s.value; });
        item.hidden = !ok;
        if (ok) shown++;
      });
      groups.forEach(function (group) { group.hidden = !group.querySelector("li:not([hidden])"); });
      output.textContent = shown ? shown + " " + output.dataset.label : output.dataset.empty;
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-hx-filter]"), setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
