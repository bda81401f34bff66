// The offline page: lists the pages this phone has kept, in the page's language, with
// their titles read from the kept copies. Runs with no signal: it asks only the cache.
(function () {
  "use strict";
  var list = document.getElementById("hx-saved");
  if (!list || !("caches" in window)) return;
  var root = new URL(list.dataset.home, document.baseURI).href.replace(/[^/]*$/, "");
  var siteRoot = list.dataset.prefix ? root.slice(0, root.length - list.dataset.prefix.length) : root;
  var others = (list.dataset.otherPrefixes || "").split(" ").filter(Boolean);
  function inLanguage(path) {
    if (list.dataset.prefix) return path.indexOf(list.dataset.prefix) === 0;
    return !others.some(function (p) { return path.indexOf(p) === 0; });
  }
  function isPage(path) {
    return /(^|\/)$|\.html$/.test(path) && !/(^|\/)(ngoai-tuyen|q)\//.test(path);
  }
  function empty() {
    var li = document.createElement("li");
    li.textContent = list.dataset.empty;
    li.className = "note";
    list.appendChild(li);
  }
  caches.keys().then(function (names) {
    return Promise.all(names.map(function (name) {
      return caches.open(name).then(function (cache) {
        return cache.keys().then(function (requests) {
          return Promise.all(requests.map(function (request) {
            var url = request.url.split(/[?#]/)[0];
            if (url.indexOf(siteRoot) !== 0) return null;
            var path = url.slice(siteRoot.length);
            if (!isPage(path) || !inLanguage(path)) return null;
            return cache.match(request).then(function (response) {
              var type = response && response.headers.get("Content-Type") || "";
              if (!response || type.indexOf("text/html") !== 0) return null;
              return response.text().then(function (html) {
                // A parsed copy, never shown: DOMParser runs no script and loads nothing.
                var name = new DOMParser().parseFromString(html, "text/html").title || path;
                var suffix = " - " + list.dataset.siteName;  // the theme's "Page - Site"
                if (name.length > suffix.length && name.slice(-suffix.length) === suffix) name = name.slice(0, -suffix.length);
                return { url: url, title: name };
              });
            });
          }));
        });
      });
    }));
  }).then(function (groups) {
    var seen = {};
    var pages = [].concat.apply([], groups).filter(function (p) {
      if (!p || seen[p.url]) return false;
      seen[p.url] = true;
      return true;
    });
    pages.sort(function (a, b) { return a.title.localeCompare(b.title, document.documentElement.lang); });
    if (!pages.length) return empty();
    pages.forEach(function (p) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = p.url;
      a.textContent = p.title;
      li.appendChild(a);
      list.appendChild(li);
    });
  }).catch(empty);
})();
