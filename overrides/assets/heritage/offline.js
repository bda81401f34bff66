// Registers the service worker (sw.js at the site's root) for offline visits, and asks it
// to keep what an entry page needs with no signal: its photos and its audio guide (they
// load lazily or only on play, so opening the page alone would not keep them).
(function () {
  if (!("serviceWorker" in navigator) || !document.currentScript) return;
  var root = document.currentScript.src.replace(/assets\/heritage\/offline\.js.*$/, "");
  function entryFiles() {
    var entry = document.querySelector(".hx-entry");
    if (!entry) return [];
    var urls = [];
    // The entry's own photos (not the related entries' cards): the size shown, or the
    // JPEG fallback for a photo not loaded yet; the worker serves any kept size offline.
    Array.prototype.forEach.call(document.querySelectorAll(".hx-hero img, .hx-gallery img"), function (img) {
      if (img.currentSrc || img.src) urls.push(img.currentSrc || img.src);
    });
    Array.prototype.forEach.call(document.querySelectorAll(".hx-player audio source, .hx-player video[poster]"), function (el) {
      urls.push(el.src || el.poster);
    });
    return urls;
  }
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(root + "sw.js", { scope: root }).catch(function () {});
    var files = entryFiles();
    if (!files.length) return;
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage({ type: "keep", urls: files });
    });
  });
})();
