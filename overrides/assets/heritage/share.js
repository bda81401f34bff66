// Share actions without any third-party script: Facebook and Zalo are plain links to
// their public share pages; "copy link" copies the canonical URL; the phone's own share
// sheet (Web Share API) is offered where the browser has it.
(function () {
  function setup(box) {
    var status = box.querySelector(".hx-share__status");
    var copy = box.querySelector("[data-hx-copy]");
    var native = box.querySelector("[data-hx-native-share]");
    if (copy && navigator.clipboard && window.isSecureContext) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(box.dataset.url).then(function () {
          status.textContent = box.dataset.copied;
        });
      });
    }
    if (native && navigator.share) {
      native.hidden = false;
      native.addEventListener("click", function () {
        navigator.share({ title: box.dataset.title, url: box.dataset.url }).catch(function () {});
      });
    }
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-hx-share]"), setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
