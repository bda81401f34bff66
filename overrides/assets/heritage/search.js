// Search in the page's language, with or without Vietnamese diacritics.
// The index (search/<lang>.json) is written by heritage/outputs/search.py; both it and the
// query are folded here ("Đình Làng Đông" → "dinh lang dong"). Every word typed must match
// the start of a word in the page; names weigh most, and entries outrank column posts
// for their own names.
(function () {
  "use strict";
  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  function words(text) { return fold(text).split(/[^a-z0-9]+/).filter(Boolean); }
  // The words as written, lower case: a query typed with diacritics ("Đình") ranks exact
  // matches (đình) above folded ones (định, dinh).
  function rawWords(text) { return (text || "").normalize("NFC").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean); }
  var FOLDED_ONLY = 0.4;
  var WEIGHTS = { t: 10, s: 6, x: 4, h: 3, b: 1 };
  var KIND = { e: 1.5, p: 1.0, g: 0.8 };

  function prepare(doc) {
    var prepared = { doc: doc, phrase: " " + words(doc.t).join(" ") + " ", rawPhrase: " " + rawWords(doc.t).join(" ") + " ", section: words(doc.c).join(" "), fields: {}, raw: {} };
    Object.keys(WEIGHTS).forEach(function (key) { prepared.fields[key] = words(doc[key]); prepared.raw[key] = rawWords(doc[key]); });
    return prepared;
  }
  function best(fields, token) {
    var found = 0;
    for (var key in WEIGHTS) {
      var list = fields[key];
      for (var j = 0; j < list.length; j++) {
        if (list[j] === token) { found = Math.max(found, WEIGHTS[key] * 1.2); break; }
        if (list[j].indexOf(token) === 0) { found = Math.max(found, WEIGHTS[key]); }
      }
    }
    return found;
  }
  function phraseBonus(itemPhrase, phrase) {
    if (itemPhrase.indexOf(" " + phrase + " ") >= 0) return 100;  // the whole name
    if (itemPhrase.indexOf(" " + phrase) >= 0) return 40;
    return 0;
  }
  // `raw`: the query's words as typed, or null when typed without diacritics.
  function score(item, tokens, phrase, raw) {
    var total = 0;
    for (var i = 0; i < tokens.length; i++) {
      var folded = best(item.fields, tokens[i]);
      if (!folded) return 0;  // every word must be found
      var marked = raw && raw[i] !== tokens[i];
      total += marked ? Math.max(best(item.raw, raw[i]), folded * FOLDED_ONLY) : folded;
    }
    // typing a section's name ("quan ho", "quan ho songs") lists that section's entries first
    if (item.section && (item.section === phrase || item.section.indexOf(phrase + " ") === 0)) total += 150;
    var bonus = phraseBonus(item.phrase, phrase);
    if (raw && bonus) bonus = Math.max(phraseBonus(item.rawPhrase, raw.join(" ")), bonus * FOLDED_ONLY);
    total += bonus;
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
      var raw = rawWords(query);
      if (raw.length !== tokens.length || raw.join(" ") === phrase) raw = null;
      var found = items.map(function (item) { return { item: item, score: score(item, tokens, phrase, raw) }; })
        .filter(function (r) { return r.score > 0; })
        .sort(function (a, b) { return b.score - a.score || a.item.doc.t.localeCompare(b.item.doc.t, "vi"); })
        .slice(0, 30);
      var counted = found.length === 1 ? form.dataset.countOne : form.dataset.countOther;
      status.textContent = found.length ? counted.replace("{n}", found.length) : form.dataset.none + " “" + query + "”.";
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
      var docs = data.docs, ready = [], next = 0;
      (function some() {  // 8 ms of entries a task, so that preparing the index blocks nothing
        var until = performance.now() + 8;  // (a fixed count a task waited 4 ms a task at province scale)
        while (next < docs.length && (next % 8 || performance.now() < until)) ready.push(prepare(docs[next++]));
        if (next < docs.length) return setTimeout(some);
        items = ready;
        form.dataset.ready = "true";
        if (input.value) show(input.value);
      })();
    });
    input.focus();
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-hx-search]"), setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
