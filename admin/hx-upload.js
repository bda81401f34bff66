/* Photos arrive clean: a picked photo is re-drawn in the browser before Decap sees it.
 *
 * The repository is public and keeps every original, so a phone's photo must not carry where
 * it was taken (GPS: an officer's home, a private shrine) nor the camera. Decap has no upload
 * hook; its media library reads `event.target.files` on the file input's `change`
 * (MediaLibrary.js handlePersist). We catch that `change` first (capture phase on window, so
 * before React's listener on its root), stop it, re-draw the file through a canvas, put the
 * new file in `input.files` with a DataTransfer and send `change` again.
 *
 *  - JPEG, WebP, HEIC/HEIF -> JPEG at quality 0.9: the canvas writes no EXIF, XMP, GPS or
 *    comment; createImageBitmap turns the photo upright first (imageOrientation 'from-image').
 *  - PNG -> PNG through the same canvas (a logo keeps its transparency, loses its text chunks).
 *  - the long side is brought down to 4000 px, never up.
 *  - the name: the entry's id (a post's: its title, as Decap names the post) and a number
 *    (`<id>-2.jpg`) when the form knows it, else a lowercase ASCII slug of the original name.
 *  - HEIC (iPhones): converted by heic2any (npm, MIT), loaded from /admin/heic2any/ only when
 *    a HEIC is picked. Anything else (audio, video, GIF, SVG) passes untouched.
 * A photo that cannot be cleaned is refused (never uploaded as it was), with a bilingual alert.
 *
 * When the photo was picked for an entry's media item, a small dialog then asks its
 * description in both languages, its credit and its licence, and fills the item's empty
 * fields with them ("Để sau / Later" leaves them to the form, which refuses a save without them).
 */
(function () {
  "use strict";
  if (window.top !== window.self) return;
  var MAX_SIDE = 4000;
  var QUALITY = 0.9;
  var HEIC = /\.(heic|heif)$/i;
  var HEIC_TYPES = ["image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence"];
  var TO_JPEG = ["image/jpeg", "image/pjpeg", "image/webp"];
  var here = document.currentScript ? document.currentScript.src : location.href;
  var HEIC_LIBRARY = new URL("heic2any/heic2any.min.js", here).href;
  var ours = new WeakSet(); // the change events we send again, which Decap must see
  var used = {}; // numbers given this session, per entry id (the library may not list them yet)
  var heicLoading = null;

  function isHeic(file) { return HEIC_TYPES.indexOf((file.type || "").toLowerCase()) >= 0 || HEIC.test(file.name); }
  function kind(file) {
    var type = (file.type || "").toLowerCase();
    if (isHeic(file) || TO_JPEG.indexOf(type) >= 0 || /\.(jpe?g|webp)$/i.test(file.name) && !type) return "jpeg";
    if (type === "image/png" || /\.png$/i.test(file.name) && !type) return "png";
    return null;
  }

  /** Lowercase ASCII letters, digits and hyphens: Vietnamese marks dropped, đ made d. */
  function slug(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);
  }

  /** Whether `name` is the column's collection (config.yml's `heritage.kind`): a post has no
   * id box; its file is named after its title (Decap's `{{slug}}`). */
  function isColumn(name) {
    var config = window.HeritageEditor && window.HeritageEditor.config;
    return ((config && config.collections) || []).some(function (c) { return c.name === name && c.heritage && c.heritage.kind === "column"; });
  }

  /** The entry's id: the id box of a new entry, the title of a new post, or the address of an
   * existing one. The settings (one file, no id) give none. */
  function entryId() {
    var box = document.querySelector("input[id^=id-field]");
    var value = box && box.value ? slug(box.value) : "";
    if (value) return value;
    var match = /#\/collections\/([^/]+)\/(?:entries\/([^/?#]+)|new)/.exec(location.hash);
    if (match && match[2] && match[1] !== "cai-dat") return slug(decodeURIComponent(match[2]));
    if (match && isColumn(match[1])) {
      var title = document.querySelector("input[id^=title-field]");
      return title && title.value ? slug(title.value) : "";
    }
    return "";
  }

  /** The next free number for `<id>-N`: past every name the media library shows and every
   * number given in this session. */
  function nextName(id, extension) {
    var highest = used[id] || 0;
    var pattern = new RegExp("^" + id + "-(\\d+)\\.[a-z0-9]+$", "i");
    document.querySelectorAll("[class*=CardText]").forEach(function (card) {
      var found = pattern.exec((card.textContent || "").trim());
      if (found) highest = Math.max(highest, parseInt(found[1], 10));
    });
    used[id] = highest + 1;
    return id + "-" + used[id] + extension;
  }

  function fileName(file, extension) {
    var id = entryId();
    if (id) return nextName(id, extension);
    return (slug(file.name.replace(/\.[^.]*$/, "")) || "anh") + extension;
  }

  function loadHeic() {
    if (window.heic2any) return Promise.resolve(window.heic2any);
    if (!heicLoading) {
      heicLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = HEIC_LIBRARY;
        script.onload = function () { window.heic2any ? resolve(window.heic2any) : reject(new Error("heic2any missing")); };
        script.onerror = function () { heicLoading = null; reject(new Error("cannot load " + HEIC_LIBRARY)); };
        document.head.appendChild(script);
      });
    }
    return heicLoading;
  }

  async function decodable(file) {
    if (!isHeic(file)) return file;
    var convert = await loadHeic();
    var out = await convert({ blob: file, toType: "image/jpeg", quality: QUALITY });
    return Array.isArray(out) ? out[0] : out; // a HEIC sequence: its first picture
  }

  /** The photo re-drawn: upright, long side at most MAX_SIDE, no metadata. */
  async function clean(file, target) {
    var source = await decodable(file);
    var bitmap = await createImageBitmap(source, { imageOrientation: "from-image" });
    var scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    var width = Math.max(1, Math.round(bitmap.width * scale));
    var height = Math.max(1, Math.round(bitmap.height * scale));
    var canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    var context = canvas.getContext("2d");
    if (target === "jpeg") { context.fillStyle = "#fff"; context.fillRect(0, 0, width, height); } // no black behind transparency
    context.imageSmoothingQuality = "high";
    context.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    var type = "image/" + target;
    var blob = await new Promise(function (resolve) { canvas.toBlob(resolve, type, QUALITY); });
    canvas.width = canvas.height = 0; // a 4000 px canvas is 64 MB: give it back now
    if (!blob) throw new Error("canvas gave no " + type);
    return new File([blob], fileName(file, target === "jpeg" ? ".jpg" : ".png"), { type: type, lastModified: Date.now() });
  }

  function busy(on) {
    if (on) document.documentElement.setAttribute("data-hx-upload", "busy");
    else document.documentElement.removeAttribute("data-hx-upload");
  }

  // --- the photo's description, credit and licence, asked once it is picked ----------------------

  var item = null; // the media item whose "choose a photo" button opened the library
  var LICENCES = ["CC BY 4.0", "CC BY-SA 4.0", "CC0-1.0"];

  /** The list item holding this button's photo and its alt/credit/license fields, if any. */
  function mediaItem(node) {
    for (var el = node; el && el !== document.body; el = el.parentElement) {
      var licences = el.querySelectorAll("[id^=license-field]");
      if (licences.length > 1) return null;
      if (licences.length === 1 && el.querySelector("[data-field=alt]")) return el;
    }
    return null;
  }

  window.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target || target.closest(".ReactModalPortal, dialog")) return; // inside the library: keep the item
    item = target.closest("button") ? mediaItem(target) : item;
  }, true);

  /** Sets a React-controlled box (input or textarea) as typing would (only an empty one: never overwrite). */
  function put(input, value) {
    if (!input || !value || input.value.trim()) return;
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), "value").set.call(input, value); // input or textarea
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }

  /** Picks an option of Decap's select (react-select: its input carries the field's id) as
   *  typing the licence's name and Enter would; never over an option already chosen. */
  function choose(input, value) {
    if (!input || !value) return;
    var control = input.closest("[class*=-control]");
    if (control && control.querySelector("[class*=singleValue]")) return;
    input.focus();
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true })); // react-select opens its menu, filtered
    setTimeout(function () { // once the menu has rendered with the first match focused
      input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", keyCode: 13, bubbles: true }));
    }, 50);
  }

  function box(form, name, label, list) {
    var wrap = document.createElement("label");
    wrap.className = "hx-photo-text__row";
    wrap.append(label);
    var input = document.createElement("input");
    input.type = "text";
    input.name = name;
    if (list) input.setAttribute("list", list);
    wrap.append(input);
    form.append(wrap);
    return input;
  }

  function askText(target) {
    var dialog = document.createElement("dialog");
    dialog.className = "hx-photo-text";
    dialog.setAttribute("data-hx-photo-text", "");
    dialog.setAttribute("aria-labelledby", "hx-photo-text-title");
    var form = document.createElement("form");
    form.addEventListener("submit", function (event) { event.preventDefault(); dialog.close("fill"); }); // Enter in a box
    var title = document.createElement("h2");
    title.id = "hx-photo-text-title";
    title.textContent = "Thông tin ảnh / About this photo";
    form.append(title);
    var altVi = box(form, "alt-vi", "Mô tả ảnh, tiếng Việt / Description, Vietnamese");
    var altEn = box(form, "alt-en", "Mô tả ảnh, tiếng Anh / Description, English");
    var credit = box(form, "credit", "Tác giả ảnh / Credit");
    var licence = box(form, "license", "Giấy phép / Licence", "hx-licences");
    var list = document.createElement("datalist");
    list.id = "hx-licences";
    LICENCES.forEach(function (name) { var option = document.createElement("option"); option.value = name; list.append(option); });
    form.append(list);
    var buttons = document.createElement("p");
    buttons.className = "hx-photo-text__buttons";
    [["fill", "Điền vào biểu mẫu / Fill in the form"], ["later", "Để sau / Later"]].forEach(function (pair) {
      var button = document.createElement("button");
      button.type = "button"; // not a dialog form's submit: the policy's form-action may stop it
      button.textContent = pair[1];
      button.addEventListener("click", function () { dialog.close(pair[0]); });
      buttons.append(button);
    });
    form.append(buttons);
    dialog.append(form);
    dialog.addEventListener("close", function () {
      if (dialog.returnValue === "fill") {
        put(target.querySelector("[data-field=alt] [data-lang=vi]"), altVi.value.trim());
        put(target.querySelector("[data-field=alt] [data-lang=en]"), altEn.value.trim());
        var one = target.querySelector("[data-field=credit] [data-lang=both]");
        if (one) put(one, credit.value.trim());
        else ["vi", "en"].forEach(function (lang) { put(target.querySelector("[data-field=credit] [data-lang=" + lang + "]"), credit.value.trim()); });
        choose(target.querySelector("[id^=license-field]"), licence.value.trim());
      }
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
  }

  window.addEventListener("change", function (event) {
    var input = event.target;
    if (ours.has(event) || !(input instanceof HTMLInputElement) || input.type !== "file" || !input.files || !input.files.length) return;
    var files = Array.prototype.slice.call(input.files);
    if (!files.some(kind)) return; // audio, video, documents: as they are
    event.stopImmediatePropagation();
    event.preventDefault();
    busy(true);
    Promise.all(files.map(function (file) { var target = kind(file); return target ? clean(file, target) : file; }))
      .then(function (cleaned) {
        var transfer = new DataTransfer();
        cleaned.forEach(function (file) { transfer.items.add(file); });
        input.files = transfer.files;
        var again = new Event("change", { bubbles: true });
        ours.add(again);
        busy(false);
        input.dispatchEvent(again);
        var forItem = item && document.body.contains(item) ? item : null;
        if (forItem && cleaned.some(function (file) { return /^image\//.test(file.type); })) askText(forItem);
      })
      .catch(function (error) {
        busy(false);
        input.value = "";
        console.error(error);
        window.alert(
          "Không đọc được ảnh này để xóa vị trí (GPS) và thông tin máy ảnh trước khi tải lên; ảnh chưa được tải lên. Hãy lưu ảnh thành JPEG rồi chọn lại.\n\n" +
          "This photo could not be read to remove its location (GPS) and camera data before upload; it was not uploaded. Save it as JPEG and pick it again."
        );
      });
  }, true);
})();
