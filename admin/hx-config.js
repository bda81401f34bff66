/* The one capture of Decap's configuration and storage backend, for every script of /admin/.
 *
 * Decap hands its configuration to the storage backend's `init` (GitHub on the site, the local
 * proxy under `make edit`) and to no one else. This script, loaded right after Decap's bundle,
 * wraps both backends' `init` once and shares on window.HeritageEditor:
 *  - config: the configuration as plain JS (collections, backend.repo, publish_mode…);
 *  - local: true under `make edit` (the proxy), false on the site (GitHub);
 *  - backend: the backend as Decap made it (hx-desk.js saves through it);
 *  - wrapBackend(fn): fn(backend) returns the backend Decap then uses (hx-storage.js: an
 *    entry's three files in one commit), applied in the order scripts ask;
 *  - onConfig(fn): fn(config) once the configuration is known (at once if it already is).
 */
(function () {
  "use strict";
  var shared = (window.HeritageEditor = window.HeritageEditor || {});
  var wrappers = [];
  var listeners = [];
  shared.config = null;
  shared.backend = null;
  shared.local = false;
  // the site's languages, the main one first, and how a form names them: one list for every hx-*.js
  shared.LANGS = ["vi", "en"];
  shared.LANG_NAMES = { vi: "Tiếng Việt / Vietnamese", en: "Tiếng Anh / English" };
  shared.wrapBackend = function (fn) { wrappers.push(fn); };
  shared.onConfig = function (fn) {
    if (shared.config) fn(shared.config);
    else listeners.push(fn);
  };

  var CMS = window.CMS;
  if (!CMS || window.top !== window.self) return; // framed: heritage-cms.js never starts Decap
  ["github", "proxy"].forEach(function (name) {
    var registered = CMS.getBackend(name);
    if (!registered) return;
    var init = registered.init;
    registered.init = function (cmsConfig, options) {
      shared.config = cmsConfig && typeof cmsConfig.toJS === "function" ? cmsConfig.toJS() : cmsConfig;
      shared.local = name === "proxy";
      shared.backend = init(cmsConfig, options);
      var wrapped = wrappers.reduce(function (backend, fn) { return fn(backend); }, shared.backend);
      listeners.splice(0).forEach(function (fn) { fn(shared.config); });
      return wrapped;
    };
  });
})();
