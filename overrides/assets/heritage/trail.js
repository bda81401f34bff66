// A trail's map: the route through its numbered stops, read from the list of stops on the
// page (data-lat, data-lon, data-n). Leaflet is served from this site; the OpenStreetMap
// background loads only when the visitor asks, so the page makes no request to another
// host on load. Without JavaScript the numbered list is the trail.
(function () {
  "use strict";
  function setup(box) {
    if (!window.L) return;
    var stops = Array.prototype.map.call(document.querySelectorAll("[data-hx-trail-stop]"), function (li) {
      return { n: li.dataset.n, name: li.dataset.name, href: li.dataset.href, at: [parseFloat(li.dataset.lat), parseFloat(li.dataset.lon)] };
    });
    if (!stops.length) return;
    var canvas = box.querySelector(".hx-map__canvas");
    canvas.textContent = "";
    box.querySelector(".hx-map__tiles").hidden = false;
    var map = L.map(canvas, { scrollWheelZoom: false, attributionControl: true });
    map.attributionControl.setPrefix("");
    var line = L.polyline(stops.map(function (s) { return s.at; }), { color: "#8a1c1c", weight: 4, opacity: 0.8, dashArray: "6 8" }).addTo(map);
    stops.forEach(function (s) {
      var icon = L.divIcon({ className: "hx-trail-marker", html: "<span>" + Number(s.n) + "</span>", iconSize: [30, 30], iconAnchor: [15, 15] });
      var popup = document.createElement("a");
      popup.href = s.href;
      popup.textContent = s.n + ". " + s.name;
      L.marker(s.at, { icon: icon, title: s.n + ". " + s.name, alt: s.n + ". " + s.name, keyboard: true }).bindPopup(popup).addTo(map);
    });
    box.dataset.stops = String(stops.length);
    map.fitBounds(line.getBounds().pad(0.2), { maxZoom: 16 });
    box.querySelector("[data-hx-tiles]").addEventListener("click", function (event) {
      L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", { maxZoom: 19, attribution: box.dataset.attribution }).addTo(map);
      event.target.closest(".hx-map__tiles").hidden = true;
    });
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-hx-trail-map]"), setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
