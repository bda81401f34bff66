// Search in the page's language, with or without Vietnamese diacritics.
// The index (search/<lang>.json) is written by heritage/outputs/search.py; both it and the
// query are folded here ("Đình Tân An" → "dinh tan an"). Every word typed must match
// the start of a word in the page; names weigh most, and entries outrank column posts
// for their own names.
(function () {
  "use strict";
  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  function words(text) { return fold(text).split(/[^a-z0-9]+/).filter(Boolean); }
  var WEIGHTS = { t: 10, s: 6, x: 4, h: 3, b: 1 };
  var KIND = { e: 1.5, p: 1.0, g: 0.8 };

  function prepare(doc) {
    var prepared = { doc: doc, phrase: " " + words(doc.t).join(" ") + " ", section: words(doc.c).join(" "), fields: {} };
    Object.keys(WEIGHTS).forEach(function (key) { prepared.fields[key] = words(doc[key]); });
    return prepared;
  }
  function score(item, tokens, phrase) {
    var total = 0;
    for (var i = 0; i < tokens.length; i++) {
      var best = 0;
      for (var key in WEIGHTS) {
        var list = item.fields[key];
        for (var j = 0; j < list.length; j++) {
          if (list[j] === tokens[i]) { best = Math.max(best, WEIGHTS[key] * 1.2); break; }
          if (list[j].indexOf(tokens[i]) === 0) { best = Math.max(best, WEIGHTS[key]); }
        }
      }
      if (!best) return 0;  // every word must be found
      total += best;
    }
    // typing a section's name ("quan ho", "quan ho songs") lists that section's entries first
    if (item.section && (item.section === phrase || item.section.indexOf(phrase + " ") === 0)) total += 150;
    if (item.phrase.indexOf(" " + phrase + " ") >= 0) total += 100;  // the whole name
    else if (item.phrase.indexOf(" " + phrase) >= 0) total += 40;
    return total * KIND[item.doc.k];
  }

  function setup(form) {
    var input = form.querySelector("input[name=q]");
    var status = document.querySelector(".hx-search__status");
    var list = document.querySelector("[data-hx-results]");
    var base = form.dataset.index.replace(/search\/[a-z]+\.json$/, "");
    var items = null;
    function show(query) {
      var tokens = words(query);
      list.textContent = "";
      if (!tokens.length) { status.textContent = ""; return; }
      var phrase = tokens.join(" ");
      var found = items.map(function (item) { return { item: item, score: score(item, tokens, phrase) }; })
        .filter(function (r) { return r.score > 0; })
        .sort(function (a, b) { return b.score - a.score || a.item.doc.t.localeCompare(b.item.doc.t, "vi"); })
        .slice(0, 30);
      status.textContent = found.length ? found.length + " " + form.dataset.count : form.dataset.none + " “" + query + "”.";
      found.forEach(function (r) {
        var doc = r.item.doc;
        var li = document.createElement("li");
        var link = document.createElement("a");
        link.href = base + doc.u;
        link.textContent = doc.t;
        var title = document.createElement("h2");
        title.className = "hx-results__title";
        title.appendChild(link);
        li.appendChild(title);
        if (doc.s) {
          var meta = document.createElement("p");
          meta.className = "hx-results__meta";
          meta.textContent = doc.s;
          li.appendChild(meta);
        }
        var text = document.createElement("p");
        text.textContent = doc.x || doc.b;
        li.appendChild(text);
        list.appendChild(li);
      });
    }
    function run() {
      if (!items) return;
      var url = new URL(location.href);
      if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
      history.replaceState(null, "", url);
      show(input.value);
    }
    var timer = null;
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    input.value = new URL(location.href).searchParams.get("q") || "";
    fetch(form.dataset.index).then(function (r) { return r.json(); }).then(function (data) {
      items = data.docs.map(prepare);
      form.dataset.ready = "true";
      if (input.value) show(input.value);
    });
    input.focus();
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-hx-search]"), setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
