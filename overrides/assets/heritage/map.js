// The heritage map: markers from a GeoJSON file (data-geojson: the open data's, or a
// trail's), coloured by section, each opening its own entry. Leaflet and
// Leaflet.markercluster are served from this site. The background is the site's own
// tiles (data-basemap) when the build had an OpenStreetMap extract; otherwise the
// OpenStreetMap background loads only when the visitor asks for it, so opening the page
// makes no request to another host. Nearby markers cluster and spread out on tap; the
// first view fits the ward's own places (those within data-near-km of their median), and
// places farther away sit at the map's edge with their distance. Without JavaScript the
// list below is the map (heritage.css hides the box).
// The work is done in steps, each its own task (the markers, the view, the clusters, the
// far labels, the list's buttons), so no step holds the phone's main thread for long;
// data-markers is set on the box when the last step is done.
(function () {
  "use strict";
  var ARROWS = "→↘↓↙←↖↑↗";

  function el(tag, cls, content) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (content) node.textContent = content;
    return node;
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }
  function median(values) {
    var sorted = values.slice().sort(function (a, b) { return a - b; });
    var mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
  function step(fn) {  // the next piece of work, in a task of its own
    return function (value) {
      return new Promise(function (done) { setTimeout(done); }).then(function () { return fn(value); });
    };
  }
  function km(a, b) {  // haversine, as heritage/map/basemap.py
    var rad = Math.PI / 180;
    var dLat = (b.lat - a.lat) * rad, dLon = (b.lng - a.lng) * rad;
    var h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371 * Math.asin(Math.sqrt(h));
  }

  function setup(box) {
    if (!window.L || !L.markerClusterGroup) return;
    var data = box.dataset;
    var lang = data.lang;
    var legend = {};
    [].forEach.call(box.querySelectorAll(".hx-legend [data-section]"), function (li) {
      legend[li.dataset.section] = { color: li.dataset.color, label: li.dataset.label };
    });
    var status = box.querySelector(".hx-map__status");
    function say(message) {
      status.textContent = message;
      status.hidden = false;
    }
    var map = L.map(box.querySelector(".hx-map__canvas"), { scrollWheelZoom: false, zoomControl: false, maxZoom: 18 });
    L.control.zoom({ zoomInTitle: data.labelZoomIn, zoomOutTitle: data.labelZoomOut }).addTo(map);
    map.attributionControl.setPrefix("");
    var credit = el("a", "", data.attribution);
    credit.href = data.attributionUrl;
    var attribution = credit.outerHTML;

    function tiles(url, options) {
      var failed = false;
      var layer = L.tileLayer(url, L.extend({ attribution: attribution }, options));
      layer.on("tileerror", function () {
        if (!failed) say(navigator.onLine === false ? data.tilesOffline : data.tilesFailed);
        failed = true;
      });
      return layer.addTo(map);
    }
    if (data.basemap) {
      var b = data.basemapBounds.split(",").map(Number);
      tiles(data.basemap + "{z}/{x}/{y}.png", {
        bounds: L.latLngBounds([b[0], b[1]], [b[2], b[3]]),
        minNativeZoom: Number(data.minZoom), maxNativeZoom: Number(data.maxZoom), maxZoom: 18
      });
    } else {
      var optIn = box.querySelector("[data-hx-tiles]");
      if (optIn) optIn.addEventListener("click", function () {
        if (navigator.onLine === false) say(data.tilesOffline);  // at once: tiles kept before may still show
        tiles("https://tile.openstreetmap.org/{z}/{x}/{y}.png", { maxZoom: 18 });
        optIn.closest(".hx-map__tiles").hidden = true;
      });
    }

    var clusters = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      spiderfyOnMaxZoom: true,
      spiderfyDistanceMultiplier: 2,  // 44-px targets stay apart when spread out
      iconCreateFunction: function (cluster) {
        var n = cluster.getChildCount();
        var content = el("span");
        content.appendChild(el("span", "", String(n))).setAttribute("aria-hidden", "true");
        content.appendChild(el("span", "hx-visually-hidden", fill(data.labelCluster, { n: n })));
        return L.divIcon({ className: "hx-cluster", html: content, iconSize: [44, 44] });
      }
    });
    var markers = {};

    function listItem(id) {
      return document.getElementById("hx-place-" + id);
    }

    var features, all, middle, far;
    var popupWidth = box.clientWidth - 64;
    fetch(data.geojson).then(function (r) { return r.json(); }).then(step(function (geo) {
      features = geo.features.filter(function (f) { return f.geometry && f.geometry.type === "Point"; });
      features.forEach(function (feature) {
        var p = feature.properties;
        var c = feature.geometry.coordinates;
        var name = p["name_" + lang];
        var label = el("span");
        label.appendChild(el("span", "hx-marker__dot")).style.background = (legend[p.section] || {}).color || "#444";
        label.appendChild(el("span", "hx-visually-hidden", name));
        var marker = L.marker([c[1], c[0]], {
          icon: L.divIcon({ className: "hx-marker", html: label, iconSize: [44, 44] }),
          title: name, keyboard: true, riseOnHover: true
        });
        var popup = null;
        function buildPopup() {  // on the first open, not with the map
          if (popup) return popup;
          popup = el("div", "hx-popup");
          var page = data.base + (lang === "vi" ? "" : lang + "/") + p.section + "/" + p.id + "/";
          var item = listItem(p.id);  // the list below carries the photo and the route (places.html)
          var thumb = item && item.getAttribute("data-thumb");
          if (thumb) {
            var img = el("img", "hx-popup__img");
            img.alt = ""; img.width = 240; img.height = 160; img.loading = "lazy";
            img.setAttribute("data-src", thumb);  // fetched when the popup opens, not with the map
            popup.appendChild(img);
          }
          var link = el("a", "", name);
          link.href = page;
          popup.appendChild(el("strong")).appendChild(link);
          popup.appendChild(el("div", "", [p["type_" + lang], (legend[p.section] || {}).label].filter(Boolean).join(" · ")));
          if (data.labelOpen) {  // the map page's popups: Open and Directions (a trail's map has its own list)
            var actions = popup.appendChild(el("div", "hx-popup__actions"));
            actions.appendChild(el("a", "hx-popup__button", data.labelOpen)).href = page;
            var route = item && item.querySelector("a[data-geo]");
            if (route) {
              var go = actions.appendChild(el("a", "hx-popup__button", data.labelDirections));
              go.href = route.href; go.rel = "noopener noreferrer";
            }
          }
          return popup;
        }
        // Never cut off on a phone: as wide as the map allows, panned into view with a margin.
        marker.bindPopup(buildPopup, { maxWidth: Math.min(260, popupWidth), minWidth: Math.min(200, popupWidth), autoPanPadding: [16, 16], keepInView: true });
        marker.on("popupopen", function () {
          var pic = buildPopup().querySelector("img[data-src]");
          if (pic) { pic.src = pic.getAttribute("data-src"); pic.removeAttribute("data-src"); }
          var li = listItem(p.id);
          if (li) li.classList.add("hx-places--active");
        });
        marker.on("popupclose", function () {
          var li = listItem(p.id);
          if (li) li.classList.remove("hx-places--active");
        });
        marker.hxId = p.id;
        marker.hxName = name;
        markers[p.id] = marker;
        clusters.addLayer(marker);
      });
    })).then(step(function () {  // the first view, then the markers on it
      all = Object.keys(markers).map(function (id) { return markers[id]; });
      if (!all.length) { map.setView([21.19, 106.08], 12); return; }
      middle = L.latLng(median(all.map(function (m) { return m.getLatLng().lat; })), median(all.map(function (m) { return m.getLatLng().lng; })));
      var nearKm = Number(data.nearKm) || 5;
      var near = all.filter(function (m) { return km(middle, m.getLatLng()) <= nearKm; });
      far = all.filter(function (m) { return near.indexOf(m) < 0; });
      var view = L.latLngBounds(near.map(function (m) { return m.getLatLng(); }));
      map.fitBounds(view, { paddingTopLeft: [28, far.length ? 64 : 28], paddingBottomRight: [28, far.length ? 84 : 28], maxZoom: 16 });
      box.dataset.far = String(far.length);
    })).then(step(function () {
      clusters.addTo(map);
    })).then(step(function () {
      if (!all.length) return;

      // Far-away places: a label at the map's edge, in their direction, with the distance.
      var edges = far.map(function (marker) {
        var distance = Math.round(km(middle, marker.getLatLng()));
        var text = el("span", "hx-edge__text", fill(data.labelFar, { name: marker.hxName, km: distance }));
        var arrow = el("span", "hx-edge__arrow");
        arrow.setAttribute("aria-hidden", "true");
        var content = el("span");
        content.appendChild(arrow);
        content.appendChild(text);
        var edge = L.marker(middle, {
          icon: L.divIcon({ className: "hx-edge", html: content, iconSize: null }),
          keyboard: true, title: text.textContent, zIndexOffset: 1000
        }).addTo(map);
        edge.on("click", function () {
          clusters.zoomToShowLayer(marker, function () { marker.openPopup(); });
        });
        edge.getElement().setAttribute("data-far", marker.hxId);
        return { edge: edge, marker: marker };
      });
      var credits = box.querySelector(".leaflet-control-attribution");
      var bottom = credits ? credits.offsetHeight : 0;
      function placeEdges() {
        var size = map.getSize();
        var c = size.divideBy(2);
        edges.forEach(function (item) {
          var p = map.latLngToContainerPoint(item.marker.getLatLng());
          var inside = p.x >= 0 && p.y >= 0 && p.x <= size.x && p.y <= size.y;
          var node = item.edge.getElement();
          node.hidden = inside;
          if (inside) return;
          // Centred on its point (as Leaflet anchors icons, by margins), all of it inside the map.
          var w = node.offsetWidth, h = node.offsetHeight;
          node.style.marginLeft = -w / 2 + "px";
          node.style.marginTop = -h / 2 + "px";
          var halfW = Math.min(w / 2 + 6, c.x), halfH = Math.min(h / 2 + 6, c.y);
          // Against the top or bottom edge (above the attribution), where the first view leaves
          // a free band (fitBounds' padding): a wide label against a side would cover markers.
          var d = p.subtract(c);
          var y = d.y < 0 ? halfH : size.y - halfH - bottom;
          var x = c.x + d.x * (Math.abs(y - c.y) / Math.max(Math.abs(d.y), 1e-9));
          x = Math.max(halfW, Math.min(size.x - halfW, x));
          item.edge.setLatLng(map.containerPointToLatLng(L.point(x, y)));
          var octant = Math.round(Math.atan2(d.y, d.x) / (Math.PI / 4));
          node.querySelector(".hx-edge__arrow").textContent = ARROWS[(octant + 8) % 8];
        });
      }
      map.on("move zoom resize", placeEdges);
      placeEdges();

    })).then(step(function () {
      // The list below stays in step: "show on the map" opens the place's popup.
      [].forEach.call(document.querySelectorAll("[data-hx-show]"), function (button) {
        var marker = markers[button.dataset.hxShow];
        if (!marker) return;
        button.hidden = false;
        button.addEventListener("click", function () {
          box.scrollIntoView({ block: "start" });
          clusters.zoomToShowLayer(marker, function () { marker.openPopup(); });
        });
      });
      box.dataset.markers = String(features.length);  // the map is ready
    })).catch(function () { say(data.tilesFailed); });
  }

  function init() {  // in a task of its own, not in Material's DOMContentLoaded one
    setTimeout(function () {
      [].forEach.call(document.querySelectorAll("[data-hx-map]"), setup);
    }, 0);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
