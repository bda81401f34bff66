// "Save this trail for offline use" (loaded by trail.js on the press, never before): lists
// what walking the trail with no signal needs, and asks the service worker to keep it in
// its bounded "kept" cache (overrides/sw.js), with a progress bar and the size in MB.
// What is kept: the trail page and its GPX; every stop's page in this language, with its
// photos at the sizes this screen picks from their srcset (and those a phone picks, when
// saved on a wider screen), its audio guide and subtitles, its scripts and styles; and the
// site's own map tiles along the trail at every zoom it has.
(function () {
  "use strict";
  var PHONE = { width: 360, dpr: 2 };
  var MAX_TILES = 400;  // a ward's trail needs far fewer; a trail across a province would not fit

  function absolute(url, base) { return new URL(url, base).href.split("#")[0]; }

  // The width a `sizes` attribute gives an image on a screen this wide (CSS px).
  function slot(sizes, width) {
    var parts = (sizes || "100vw").split(",");
    for (var i = 0; i < parts.length; i++) {
      var m = parts[i].trim().match(/^(?:\((min|max)-width:\s*([\d.]+)(em|rem|px)\)\s+)?([\d.]+)(px|vw|rem|em)$/);
      if (!m) continue;
      var bound = m[2] ? Number(m[2]) * (m[3] === "px" ? 1 : 16) : null;
      if (bound !== null && (m[1] === "min" ? width < bound : width > bound)) continue;
      var n = Number(m[4]);
      return m[5] === "px" ? n : m[5] === "vw" ? n * width / 100 : n * 16;
    }
    return width;
  }

  // The candidate a browser takes from a srcset: the narrowest at least as wide as needed.
  function pick(srcset, sizes, screen, base) {
    var candidates = srcset.split(",").map(function (c) {
      var bits = c.trim().split(/\s+/);
      return { url: bits[0], w: parseInt(bits[1], 10) || 0 };
    }).sort(function (a, b) { return a.w - b.w; });
    var need = slot(sizes, screen.width) * screen.dpr;
    var best = candidates.filter(function (c) { return c.w >= need; })[0] || candidates[candidates.length - 1];
    return best && absolute(best.url, base);
  }

  // The first image format of a <picture> this browser decodes, tried on a real file.
  function formatOf(img, base) {
    var picture = img.parentElement && img.parentElement.tagName === "PICTURE" ? img.parentElement : null;
    var types = picture ? Array.prototype.map.call(picture.querySelectorAll("source[type]"), function (s) { return s; }) : [];
    function attempt(i) {
      if (i >= types.length) return Promise.resolve(null);
      var smallest = types[i].getAttribute("srcset").split(",")[0].trim().split(/\s+/)[0];
      var probe = new Image();
      probe.src = absolute(smallest, base);
      return probe.decode().then(function () { return types[i].type; }, function () { return attempt(i + 1); });
    }
    return attempt(0);
  }

  function photos(doc, base, format) {
    var screens = [{ width: window.innerWidth, dpr: window.devicePixelRatio || 1 }];
    if (window.innerWidth > 480) screens.push(PHONE);
    var urls = [];
    Array.prototype.forEach.call(doc.querySelectorAll(".md-content img"), function (img) {
      var picture = img.parentElement && img.parentElement.tagName === "PICTURE" ? img.parentElement : null;
      var source = picture && format ? picture.querySelector('source[type="' + format + '"]') : null;
      var srcset = source ? source.getAttribute("srcset") : img.getAttribute("srcset");
      var sizes = (source || img).getAttribute("sizes");
      screens.forEach(function (screen) {
        urls.push(srcset ? pick(srcset, sizes, screen, base) : absolute(img.getAttribute("src"), base));
      });
    });
    return urls;
  }

  function files(doc, base) {
    var selector = ".hx-player audio source[src], .hx-player audio[src], .hx-player track[src], .hx-player video[poster], script[src], link[rel=stylesheet][href]";
    return Array.prototype.map.call(doc.querySelectorAll(selector), function (el) {
      return absolute(el.getAttribute("src") || el.getAttribute("poster") || el.getAttribute("href"), base);
    });
  }

  // Tile numbers (x, y) of a point at a zoom: the Web Mercator grid Leaflet and basemap.py use.
  function tileOf(lat, lon, z) {
    var n = Math.pow(2, z), phi = lat * Math.PI / 180;
    return [Math.floor((lon + 180) / 360 * n), Math.floor((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 * n)];
  }

  // The site's tiles around the stops (a fifth of the span and 300 m beyond them), clipped to
  // the area the basemap covers; deepest zooms given up first past MAX_TILES.
  function tiles(box, stops) {
    var d = box && box.dataset;
    if (!d || !d.basemap) return [];
    var lats = stops.map(function (s) { return s.lat; }), lons = stops.map(function (s) { return s.lon; });
    var padLat = Math.max((Math.max.apply(null, lats) - Math.min.apply(null, lats)) * 0.2, 0.003);
    var padLon = Math.max((Math.max.apply(null, lons) - Math.min.apply(null, lons)) * 0.2, 0.003);
    var b = d.basemapBounds.split(",").map(Number);
    var south = Math.max(b[0], Math.min.apply(null, lats) - padLat), west = Math.max(b[1], Math.min.apply(null, lons) - padLon);
    var north = Math.min(b[2], Math.max.apply(null, lats) + padLat), east = Math.min(b[3], Math.max.apply(null, lons) + padLon);
    var urls = [];
    for (var z = Number(d.minZoom); z <= Number(d.maxZoom); z++) {
      var a = tileOf(north, west, z), c = tileOf(south, east, z), level = [];
      for (var x = a[0]; x <= c[0]; x++) for (var y = a[1]; y <= c[1]; y++) level.push(absolute(d.basemap + z + "/" + x + "/" + y + ".png", location.href));
      if (urls.length + level.length > MAX_TILES) break;
      urls = urls.concat(level);
    }
    return urls;
  }

  window.HeritageTrailSave = function (box) {
    var button = box.querySelector("[data-hx-save-button]");
    var bar = box.querySelector(".hx-save__progress");
    var status = box.querySelector(".hx-save__status");
    function say(key, values) {
      status.textContent = box.dataset[key].replace(/\{(\w+)\}/g, function (_, k) { return values[k]; });
    }
    var page = location.href.split("#")[0];
    var stops = Array.prototype.map.call(document.querySelectorAll("[data-hx-trail-stop]"), function (li) {
      return { href: absolute(li.dataset.href, page), lat: Number(li.dataset.lat), lon: Number(li.dataset.lon) };
    });
    button.disabled = true;
    box.dataset.state = "saving";
    bar.hidden = false;
    bar.removeAttribute("value");  // indeterminate while the stops' pages are read
    var first = document.querySelector(".md-content picture img");
    var format = first ? formatOf(first, page) : Promise.resolve(null);
    var pages = stops.map(function (s) { return s.href; });
    format.then(function (type) {
      return Promise.all(pages.map(function (href) {
        return fetch(href).then(function (r) { return r.text(); }).then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          return photos(doc, href, type).concat(files(doc, href));
        }).catch(function () { return []; });
      })).then(function (lists) {
        var own = photos(document, page, type).concat(files(document, page), [absolute(box.dataset.gpx, page)]);
        return [].concat.apply(pages.concat(own), lists).concat(tiles(document.querySelector("[data-hx-trail-map]"), stops));
      });
    }).then(function (urls) {
      return navigator.serviceWorker.ready.then(function (registration) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          var m = event.data, mb = (m.bytes / 1e6).toFixed(1);
          bar.max = m.total;
          bar.value = m.done;
          if (!m.finished) return say("saving", { done: m.done, total: m.total, mb: mb });
          button.disabled = false;
          bar.hidden = true;
          box.dataset.state = m.missing ? "partial" : "saved";
          say("saved", { mb: mb });
          if (m.missing) status.textContent += " " + box.dataset.failed.replace("{missing}", m.missing);
        };
        registration.active.postMessage({ type: "keep", page: page, urls: urls, pages: pages, trail: true }, [channel.port2]);
      });
    }).catch(function () {
      button.disabled = false;
      bar.hidden = true;
      box.dataset.state = "";
      status.textContent = box.dataset.failed.replace("{missing}", "");
    });
  };
})();
