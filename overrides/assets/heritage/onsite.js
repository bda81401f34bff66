// On the spot (heritage/pages/templates/_onsite.html): open or closed now in the place's own
// time (Việt Nam, UTC+7 all year, whatever zone the visitor's phone is on); one big play
// button for the audio guide; its subtitles shown under the player (an <audio> element
// draws no captions itself); Directions as a named pin in Android's map app; and, arrived
// from a QR plaque (#tai-cho), the on-site block first.
(function () {
  var OFFSET_MIN = 7 * 60; // Asia/Ho_Chi_Minh: no daylight saving since 1975

  function minutes(hhmm) {
    var p = hhmm.split(":");
    return +p[0] * 60 + +p[1];
  }
  function fill(template, values) {
    return template.replace(/\{(\w)\}/g, function (_, k) { return values[k]; });
  }

  function openNow(box) {
    var rows = JSON.parse(box.getAttribute("data-hx-hours") || "[]");
    if (!rows.length) return;
    var here = new Date(Date.now() + OFFSET_MIN * 60000); // read with getUTC*: the place's clock
    var day = (here.getUTCDay() + 6) % 7; // Monday 0
    var now = here.getUTCHours() * 60 + here.getUTCMinutes();
    var names = JSON.parse(box.getAttribute("data-days") || "[]");
    var text, open = false;
    var today = rows.filter(function (r) { return r[0] === day; }).sort(function (a, b) { return minutes(a[1]) - minutes(b[1]); });
    for (var i = 0; i < today.length; i++) {
      if (minutes(today[i][1]) <= now && now < minutes(today[i][2])) {
        open = true;
        text = box.dataset.open + " · " + fill(box.dataset.closes, { t: today[i][2] });
      }
    }
    if (!open) {
      text = box.dataset.closed;
      var later = today.filter(function (r) { return minutes(r[1]) > now; })[0];
      if (later) text += " · " + fill(box.dataset.opens, { t: later[1] });
      else {
        for (var k = 1; k <= 7; k++) {
          var d = (day + k) % 7;
          var first = rows.filter(function (r) { return r[0] === d; }).sort(function (a, b) { return minutes(a[1]) - minutes(b[1]); })[0];
          if (first) { text += " · " + fill(box.dataset.opensDay, { d: names[d] || "", t: first[1] }); break; }
        }
      }
    }
    box.textContent = text + " (" + box.dataset.zone + ")";
    box.classList.add(open ? "hx-open--yes" : "hx-open--no");
    box.setAttribute("data-state", open ? "open" : "closed");
  }

  function guide(box) {
    var audio = box.querySelector("audio[data-hx-guide]");
    var button = box.querySelector("[data-hx-play]");
    var cue = box.querySelector("[data-hx-cue]");
    if (!audio) return;
    if (button) {
      var label = button.querySelector(".hx-guide__label");
      var icon = button.querySelector(".hx-guide__icon");
      button.addEventListener("click", function () {
        if (audio.paused) audio.play(); else audio.pause();
      });
      audio.addEventListener("play", function () {
        audio.setAttribute("data-started", ""); // its own controls (seek, volume) from now on
        icon.textContent = "❚❚"; label.textContent = button.dataset.pause;
      });
      audio.addEventListener("pause", function () { icon.textContent = "▶"; label.textContent = button.dataset.play; });
    }
    var track = audio.textTracks && audio.textTracks[0];
    if (track && cue) {
      track.mode = "hidden"; // cues fire, nothing is drawn (audio has no picture to draw on)
      track.addEventListener("cuechange", function () {
        var active = track.activeCues && track.activeCues[0];
        cue.textContent = active ? active.text : "";
        cue.hidden = !active;
      });
    }
  }

  function directions(link) {
    // Android opens geo: in the map app with the place's name on the pin; others keep the
    // Google Maps route (the app on iPhone when installed, the web otherwise).
    if (/Android/i.test(navigator.userAgent) && link.dataset.geo) link.href = link.dataset.geo;
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-hx-hours]"), openNow);
    Array.prototype.forEach.call(document.querySelectorAll("[data-hx-onsite]"), guide);
    Array.prototype.forEach.call(document.querySelectorAll("a[data-geo]"), directions);
    var block = document.getElementById("hx-onsite");
    if (block && location.hash === "#tai-cho") {
      var top = document.querySelector(".hx-entry__top");
      if (top && !block.classList.contains("hx-onsite--first")) top.parentNode.insertBefore(block, top);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
