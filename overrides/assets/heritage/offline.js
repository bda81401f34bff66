// Registers the service worker (sw.js at the site's root) for offline visits, and asks it
// to keep what an entry page needs with no signal: its photos and its audio guide (they
// load lazily or only on play, so opening the page alone would not keep them), the page
// itself and the plaque's QR landing that opened it. The worker keeps these apart from
// what browsing caches, so that other pages opened later do not push them out.
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
    Array.prototype.forEach.call(document.querySelectorAll(".hx-player audio source, .hx-player video[poster], .hx-guide audio source, .hx-guide track"), function (el) {
      urls.push(el.src || el.poster);
    });
    // The plaque's landing (/q/<id>/, a permanent address) forwarded here: keep it too.
    if (document.referrer.indexOf(root + "q/") === 0) urls.push(document.referrer);
    return urls;
  }
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(root + "sw.js", { scope: root }).catch(function () {});
    var files = entryFiles();
    if (!files.length) return;
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage({ type: "keep", page: location.href.split("#")[0], urls: files });
    });
  });
})();
