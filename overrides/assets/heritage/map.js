// The heritage map: markers from the open-data GeoJSON, coloured by section, with
// popups in the page's language. Leaflet is served from this site. The OpenStreetMap
// background is fetched only when the visitor asks for it, so opening the page makes
// no request to another host. Without JavaScript the list below the map is the map.
(function () {
  "use strict";
  function text(tag, content, cls) {
    var el = document.createElement(tag);
    el.textContent = content;
    if (cls) el.className = cls;
    return el;
  }
  function setup(box) {
    if (!window.L) return;
    var lang = box.dataset.lang;
    var legend = {};
    Array.prototype.forEach.call(document.querySelectorAll(".hx-legend [data-section]"), function (li) {
      legend[li.dataset.section] = { color: li.dataset.color, label: li.dataset.label };
    });
    var canvas = box.querySelector(".hx-map__canvas");
    canvas.textContent = "";  // the space was reserved: no layout shift
    box.querySelector(".hx-map__tiles").hidden = false;
    var map = L.map(canvas, { scrollWheelZoom: false, attributionControl: true });
    map.attributionControl.setPrefix("");
    fetch(box.dataset.geojson).then(function (r) { return r.json(); }).then(function (data) {
      var layer = L.geoJSON(data, {
        pointToLayer: function (feature, latlng) {
          var style = legend[feature.properties.section] || { color: "#444" };
          return L.circleMarker(latlng, { radius: 9, color: "#fff", weight: 2, fillColor: style.color, fillOpacity: 0.95 });
        },
        onEachFeature: function (feature, marker) {
          var p = feature.properties;
          var popup = document.createElement("div");
          var link = text("a", p["name_" + lang]);
          link.href = box.dataset.base + (lang === "vi" ? "" : lang + "/") + p.section + "/" + p.id + "/";
          popup.appendChild(text("strong", "")).appendChild(link);
          popup.appendChild(text("div", p["type_" + lang] + " · " + ((legend[p.section] || {}).label || "")));
          marker.bindPopup(popup);
          marker.feature = feature;
        }
      }).addTo(map);
      box.dataset.markers = String(layer.getLayers().length);
      if (layer.getLayers().length) map.fitBounds(layer.getBounds().pad(0.25), { maxZoom: 15 });
      else map.setView([21.19, 106.08], 12);
    });
    box.querySelector("[data-hx-tiles]").addEventListener("click", function (event) {
      L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
        maxZoom: 19,
        attribution: box.dataset.attribution
      }).addTo(map);
      event.target.closest(".hx-map__tiles").hidden = true;
    });
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-hx-map]"), setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
