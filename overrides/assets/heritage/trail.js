// A trail's map: the route through its numbered stops, read from the list of stops on the
// page (data-lat, data-lon, data-n). Leaflet is served from this site; the background is
// the site's own tiles (data-basemap) when the build has them, otherwise the OpenStreetMap
// background loads only when the visitor asks, so the page makes no request to another
// host on load. Without JavaScript the numbered list is the trail.
// The offline save: shown where a service worker can keep files; its code (trail-save.js)
// loads on the press only. A trail saved before says so at once, read from the worker's
// record of kept files (sw-kept.json, overrides/sw.js).
(function () {
  "use strict";
  var root = document.currentScript ? document.currentScript.src.replace(/assets\/heritage\/trail\.js.*$/, "") : null;
  function setup(box) {
    if (!window.L) return;
    var stops = Array.prototype.map.call(document.querySelectorAll("[data-hx-trail-stop]"), function (li) {
      return { n: li.dataset.n, name: li.dataset.name, href: li.dataset.href, at: [parseFloat(li.dataset.lat), parseFloat(li.dataset.lon)] };
    });
    if (!stops.length) return;
    var canvas = box.querySelector(".hx-map__canvas");
    canvas.textContent = "";
    var map = L.map(canvas, { scrollWheelZoom: false, attributionControl: true });
    map.attributionControl.setPrefix("");
    var line = L.polyline(stops.map(function (s) { return s.at; }), { color: getComputedStyle(document.documentElement).getPropertyValue("--md-primary-fg-color").trim() || "#8a1c1c", weight: 4, opacity: 0.8, dashArray: "6 8" }).addTo(map);
    stops.forEach(function (s) {
      var icon = L.divIcon({ className: "hx-trail-marker", html: "<span>" + Number(s.n) + "</span>", iconSize: [44, 44], iconAnchor: [22, 22] });
      var popup = document.createElement("a");
      popup.href = s.href;
      popup.textContent = s.n + ". " + s.name;
      L.marker(s.at, { icon: icon, title: s.n + ". " + s.name, alt: s.n + ". " + s.name, keyboard: true }).bindPopup(popup).addTo(map);
    });
    box.dataset.stops = String(stops.length);
    map.fitBounds(line.getBounds().pad(0.2), { maxZoom: 16 });
    var data = box.dataset;
    var status = box.querySelector(".hx-map__status");
    function say(message) {
      if (!status || !message) return;
      status.textContent = message;
      status.hidden = false;
    }
    function tiles(layer) {  // a tile that cannot load says why once: no connection, or no tile
      var failed = false;
      layer.on("tileerror", function () {
        if (!failed) say(navigator.onLine === false ? data.tilesOffline : data.tilesFailed);
        failed = true;
      });
      return layer.addTo(map);
    }
    if (data.basemap) {
      var b = data.basemapBounds.split(",").map(Number);
      tiles(L.tileLayer(data.basemap + "{z}/{x}/{y}.png", {
        bounds: L.latLngBounds([b[0], b[1]], [b[2], b[3]]), attribution: data.attribution,
        minNativeZoom: Number(data.minZoom), maxNativeZoom: Number(data.maxZoom), maxZoom: 18
      }));
      return;
    }
    var optIn = box.querySelector(".hx-map__tiles");
    optIn.hidden = false;
    optIn.querySelector("[data-hx-tiles]").addEventListener("click", function () {
      // Offline, say so at once: tiles kept from an earlier visit may still show.
      if (navigator.onLine === false) say(data.tilesOffline);
      tiles(L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", { maxZoom: 19, attribution: data.attribution }));
      optIn.hidden = true;
    });
  }
  function say(box, key, values) {
    var text = box.dataset[key].replace(/\{(\w+)\}/g, function (_, k) { return values[k]; });
    box.querySelector(".hx-save__status").textContent = text;
  }
  function offerSave(box) {
    if (!root || !("serviceWorker" in navigator) || !("caches" in window)) return;
    box.hidden = false;
    var page = location.href.split("#")[0];
    caches.match(root + "sw-kept.json").then(function (r) { return r && r.json(); }).then(function (index) {
      var mine = index && index.pages.filter(function (p) { return p.page === page && p.trail; })[0];
      if (!mine) return;
      var bytes = mine.urls.reduce(function (sum, u) { return sum + (index.bytes[u] || 0); }, 0);
      box.dataset.state = "saved";
      say(box, "saved", { mb: (bytes / 1e6).toFixed(1) });
    }).catch(function () {});
    box.querySelector("[data-hx-save-button]").addEventListener("click", function () {
      if (window.HeritageTrailSave) return window.HeritageTrailSave(box);
      var script = document.createElement("script");
      script.src = box.dataset.script;
      script.onload = function () { window.HeritageTrailSave(box); };
      document.head.appendChild(script);
    });
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-hx-trail-map]"), setup);
    Array.prototype.forEach.call(document.querySelectorAll("[data-hx-save]"), offerSave);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
