// List filters (catalogues by type and ranking, the column by category), without reloading.
// Each <select name="x"> keeps the items whose data-x matches; a group (a month of the
// column) disappears when none of its items is left. The choice is kept in the address
// (?type=dinh): a filtered list can be shared, and Back from an entry returns to it.
// Without JavaScript the form stays hidden and everything is listed.
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
    function fromAddress() {
      var params = new URL(location.href).searchParams;
      selects.forEach(function (s) {
        var value = params.get(s.name) || "";
        var known = Array.prototype.some.call(s.options, function (o) { return o.value === value; });
        s.value = known ? value : "";
      });
    }
    function toAddress() {
      var url = new URL(location.href);
      selects.forEach(function (s) {
        if (s.value) url.searchParams.set(s.name, s.value); else url.searchParams.delete(s.name);
      });
      if (url.href !== location.href) history.replaceState(history.state, "", url);
    }
    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var ok = selects.every(function (s) { return !s.value || item.dataset[s.name] === s.value; });
        item.hidden = !ok;
        if (ok) shown++;
      });
      groups.forEach(function (group) { group.hidden = !group.querySelector("li:not([hidden])"); });
      var counted = shown === 1 ? output.dataset.countOne : output.dataset.countOther;
      output.textContent = shown ? counted.replace("{n}", shown) : output.dataset.empty;
    }
    form.addEventListener("change", function () { apply(); toAddress(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    // A page restored from the back/forward cache keeps its selects; one loaded again reads the address.
    window.addEventListener("pageshow", function () { fromAddress(); apply(); });
    fromAddress();
    form.hidden = false;
    apply();
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-hx-filter]"), setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
