// Catalogue filters: narrow the cards by type and ranking without reloading.
// Without JavaScript the form stays hidden and every card is listed.
(function () {
  function setup(form) {
    var list = form.parentNode.querySelector("[data-hx-cards]");
    if (!list) return;
    var cards = Array.prototype.slice.call(list.children);
    var output = form.querySelector("output");
    function apply() {
      var type = form.elements.type ? form.elements.type.value : "";
      var ranking = form.elements.ranking ? form.elements.ranking.value : "";
      var shown = 0;
      cards.forEach(function (card) {
        var ok = (!type || card.dataset.type === type) && (!ranking || card.dataset.ranking === ranking);
        card.hidden = !ok;
        if (ok) shown++;
      });
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
