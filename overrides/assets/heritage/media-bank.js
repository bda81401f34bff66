// The media bank's filters (section, kind, licence) and "show more", without reloading.
// The page's HTML holds the newest items; a filter or "show more" loads the language's index
// of every item (muc.json) once and lists what matches, a page at a time. Without JavaScript
// the form stays hidden and the page lists the newest items and every entry with media.
(function () {
  var PAGE = 24;
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }
  function link(href, text, download) {
    var a = el("a", "", text);
    a.href = href;
    if (download) a.setAttribute("download", "");
    return a;
  }
  function setup(list) {
    var form = document.querySelector("form[data-hx-bank-filter]");
    var more = document.querySelector("[data-hx-bank-more]");
    var shownNote = document.querySelector("[data-hx-bank-shown]");
    var words = JSON.parse(list.dataset.words);
    var base = list.dataset.base || "";
    var total = parseInt(list.dataset.total, 10), first = parseInt(list.dataset.first, 10);
    var selects = form ? Array.prototype.slice.call(form.querySelectorAll("select")) : [];
    var output = form && form.querySelector("output");
    var index = null, loading = null, limit = first;
    function wanted(item) {
      return selects.every(function (s) {
        if (!s.value) return true;
        if (s.name === "licence") return s.value === "open" ? item.open : item.licence === s.value;
        return item[s.name] === s.value;
      });
    }
    function filtered() { return selects.some(function (s) { return s.value; }); }
    function count(n) {
      if (!output) return;
      var text = n === 1 ? output.dataset.countOne : output.dataset.countOther;
      output.textContent = n ? text.replace("{n}", n) : output.dataset.empty;
    }
    function render(item) {
      var li = el("li", "hx-bank__item");
      var thumb;
      if (item.t) {
        thumb = link(base + item.u, "");
        thumb.className = "hx-bank__thumb";
        thumb.tabIndex = -1;
        thumb.setAttribute("aria-hidden", "true");
        var img = el("img");
        img.src = base + item.t.src; img.width = item.t.w; img.height = item.t.h;
        img.alt = ""; img.loading = "lazy"; img.decoding = "async";
        thumb.appendChild(img);
      } else {
        thumb = el("span", "hx-bank__thumb hx-bank__thumb--none", words.kinds[item.k]);
        thumb.setAttribute("aria-hidden", "true");
      }
      li.appendChild(thumb);
      var text = el("div", "hx-bank__text");
      text.appendChild(el("p", "hx-bank__caption", item.c));
      var meta = el("p", "hx-bank__meta", words.kinds[item.k] + " · " + words.credit + ": " + item.cr + " · " + words.licence + ": ");
      if (item.lu) { var lic = link(item.lu, item.ll || item.l); lic.rel = "license noopener noreferrer"; meta.appendChild(lic); }
      else meta.appendChild(document.createTextNode(item.ll || item.l));
      if (item.d) meta.appendChild(document.createTextNode(" · " + item.d));
      text.appendChild(meta);
      var from = el("p", "hx-bank__meta", words.of + ": ");
      from.appendChild(link(base + item.u, item.n));
      text.appendChild(from);
      var credit = el("p", "hx-bank__credit", words.copy_credit + ":");
      (item.cl || []).forEach(function (pair, i) {
        var q = el("q", "", pair[1]);
        if (i > 0) q.lang = pair[0];
        credit.appendChild(document.createTextNode(" "));
        credit.appendChild(q);
      });
      text.appendChild(credit);
      if (item.dl) {
        var get = el("p", "hx-bank__get");
        var file = link(base + item.dl, item.kit ? words.download : words.download_file, true);
        if (item.dn) file.setAttribute("download", item.dn);
        get.appendChild(file);
        if (item.da) { get.appendChild(document.createTextNode(" ")); get.appendChild(el("span", "hx-bank__size", item.da)); }
        text.appendChild(get);
        if (item.kit) { var kit = el("p", "hx-bank__get"); kit.appendChild(link(base + item.kit, words.press_kit, true)); text.appendChild(kit); }
      } else if (!item.o) {
        text.appendChild(el("p", "hx-bank__ask", words.ask.replace("{who}", item.cr) + " " + words.or_ward + "."));
      }
      li.appendChild(text);
      return li;
    }
    function fromIndex() {
      var matches = index.filter(function (i) {
        return wanted({section: i.s, kind: i.k, licence: i.l, open: i.o});
      });
      var fragment = document.createDocumentFragment();
      matches.slice(0, limit).forEach(function (i) { fragment.appendChild(render(i)); });
      list.textContent = "";
      list.appendChild(fragment);
      count(matches.length);
      if (more) more.hidden = matches.length <= limit;
      if (shownNote) shownNote.hidden = true;
    }
    function fromPage() {  // before the index is loaded: the items the page holds
      var n = 0;
      Array.prototype.forEach.call(list.children, function (li) {
        var ok = wanted({section: li.dataset.section, kind: li.dataset.kind, licence: li.dataset.licence, open: li.dataset.open === "yes"});
        li.hidden = !ok;
        if (ok) n++;
      });
      if (!filtered()) n = total;
      count(n);
    }
    function load() {
      if (index) return Promise.resolve();
      if (!loading) {
        loading = fetch(list.dataset.index).then(function (r) { return r.json(); }).then(function (data) { index = data.items; });
      }
      return loading;
    }
    function apply() {
      if (!index && !filtered() && limit <= first) { fromPage(); if (more) more.hidden = total <= first; return; }
      fromPage();
      load().then(fromIndex, function () { /* offline: the page's own items stay listed */ });
    }
    function fromAddress() {
      var params = new URL(location.href).searchParams;
      selects.forEach(function (s) {
        var value = params.get(s.name) || "";
        s.value = Array.prototype.some.call(s.options, function (o) { return o.value === value; }) ? value : "";
      });
    }
    function toAddress() {
      var url = new URL(location.href);
      selects.forEach(function (s) { if (s.value) url.searchParams.set(s.name, s.value); else url.searchParams.delete(s.name); });
      if (url.href !== location.href) history.replaceState(history.state, "", url);
    }
    if (form) {
      form.addEventListener("change", function () { limit = Math.max(first, PAGE); apply(); toAddress(); });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      form.hidden = false;
    }
    if (more) more.addEventListener("click", function () { limit += PAGE; apply(); });
    window.addEventListener("pageshow", function () { fromAddress(); apply(); });
    fromAddress();
    apply();
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("ul[data-hx-bank]"), setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
