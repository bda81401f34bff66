// Registers the service worker (sw.js at the site's root) for offline visits.
(function () {
  if (!("serviceWorker" in navigator) || !document.currentScript) return;
  var root = document.currentScript.src.replace(/assets\/heritage\/offline\.js.*$/, "");
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(root + "sw.js", { scope: root }).catch(function () {});
  });
})();
