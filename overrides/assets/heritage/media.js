// Photo viewer and YouTube facade.
// Written here rather than GLightbox (about 60 KB with its CSS): the native <dialog>
// already gives a modal with focus containment, Escape to close and the dialog role
// for screen readers, so the rest is ~100 lines. Without JavaScript, a photo link
// opens the large image and a video link opens YouTube.
(function () {
  "use strict";

  // One viewer per page: the hero photo and the gallery form a single sequence.
  function viewer(gallery) {
    var links = Array.prototype.slice.call(document.querySelectorAll("a[data-hx-lightbox]"));
    if (!links.length) return;
    var dialog = document.createElement("dialog");
    dialog.className = "hx-lightbox";
    dialog.setAttribute("aria-label", gallery.dataset.labelDialog);
    dialog.innerHTML =
      '<figure class="hx-lightbox__figure"><img alt=""><figcaption aria-live="polite"></figcaption></figure>' +
      '<button type="button" class="hx-lightbox__prev"></button>' +
      '<button type="button" class="hx-lightbox__next"></button>' +
      '<button type="button" class="hx-lightbox__close"></button>';
    var img = dialog.querySelector("img");
    var caption = dialog.querySelector("figcaption");
    var buttons = {
      prev: dialog.querySelector(".hx-lightbox__prev"),
      next: dialog.querySelector(".hx-lightbox__next"),
      close: dialog.querySelector(".hx-lightbox__close")
    };
    buttons.prev.setAttribute("aria-label", gallery.dataset.labelPrevious);
    buttons.next.setAttribute("aria-label", gallery.dataset.labelNext);
    buttons.close.setAttribute("aria-label", gallery.dataset.labelClose);
    buttons.prev.innerHTML = '<span aria-hidden="true">‹</span>';
    buttons.next.innerHTML = '<span aria-hidden="true">›</span>';
    buttons.close.innerHTML = '<span aria-hidden="true">×</span>';
    if (links.length < 2) { buttons.prev.hidden = true; buttons.next.hidden = true; }
    document.body.appendChild(dialog);
    var index = 0, opener = null;

    function show(i) {
      index = (i + links.length) % links.length;
      var link = links[index];
      var thumb = link.querySelector("img");
      img.src = link.href;
      img.alt = thumb ? thumb.alt : "";
      img.width = +link.dataset.width || 0;
      img.height = +link.dataset.height || 0;
      var fig = link.closest("figure");
      var source = fig && fig.querySelector("figcaption");
      var text = "", credit = "", download = null, about = null;
      Array.prototype.forEach.call(source ? source.childNodes : [], function (node) {
        var cls = node.nodeType === 1 ? node.classList : null;
        if (cls && cls.contains("hx-credit")) credit = node.textContent.trim();
        else if (cls && cls.contains("hx-download")) download = node;
        else if (cls && cls.contains("hx-download__about")) about = node;
        else text += node.textContent;
      });
      text = text.trim() || (source ? "" : img.alt);
      // The caption, then the credit after a separator, then the open photo's full-size download.
      caption.textContent = [text, credit].filter(Boolean).join(" — ") + (links.length > 1 ? " (" + (index + 1) + "/" + links.length + ")" : "");
      if (download) {
        caption.appendChild(document.createTextNode(" · "));
        caption.appendChild(download.cloneNode(true));
        if (about) { caption.appendChild(document.createTextNode(" ")); caption.appendChild(about.cloneNode(true)); }
      }
    }
    function open(i, from) {
      opener = from;
      show(i);
      dialog.showModal();
      buttons.close.focus();
    }
    function close() { dialog.close(); }

    links.forEach(function (link, i) {
      link.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        open(i, link);
      });
    });
    buttons.prev.addEventListener("click", function () { show(index - 1); });
    buttons.next.addEventListener("click", function () { show(index + 1); });
    buttons.close.addEventListener("click", close);
    dialog.addEventListener("close", function () { if (opener) opener.focus(); });
    dialog.addEventListener("click", function (event) { if (event.target === dialog) close(); });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") { show(index - 1); event.preventDefault(); }
      if (event.key === "ArrowRight") { show(index + 1); event.preventDefault(); }
    });
    var startX = null;
    dialog.addEventListener("pointerdown", function (event) { startX = event.clientX; });
    dialog.addEventListener("pointerup", function (event) {
      if (startX === null) return;
      var dx = event.clientX - startX;
      startX = null;
      if (Math.abs(dx) > 50) show(index + (dx < 0 ? 1 : -1));
    });
  }

  function youtube(link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var frame = document.createElement("iframe");
      // youtube-nocookie: YouTube's privacy-enhanced mode; nothing loads before this tap.
      frame.src = "https://www.youtube-nocookie.com/embed/" + encodeURIComponent(link.dataset.hxYoutube) + "?autoplay=1&rel=0";
      frame.title = link.dataset.title || "YouTube";
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.allowFullscreen = true;
      frame.className = "hx-youtube__frame";
      link.replaceWith(frame);
      frame.focus();
    });
  }

  function init() {
    var labels = document.querySelector("[data-hx-gallery]");
    if (labels) viewer(labels);
    Array.prototype.forEach.call(document.querySelectorAll("a[data-hx-youtube]"), youtube);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
