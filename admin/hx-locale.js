/* Decap's Vietnamese interface, completed. Decap 3.x ships `vi` with about 170 of the 248
 * strings of `en`; the rest (the Markdown toolbar, "Add …", "Writing in …", "Copy Name",
 * the notes pane…) fall back to English in front of a Vietnamese-speaking officer.
 *
 * `CMS.registerLocale` replaces a locale whole, so the shipped `vi` is read back and these
 * strings laid over it. Placeholders (%{locale}, %{item}…) are Decap's and stay as they are.
 * Loaded after Decap's bundle and before heritage-cms.js (which calls CMS.init()): the
 * locale must be registered before Decap starts.
 */
(function () {
  "use strict";
  var CMS = window.CMS;
  if (!CMS || window.top !== window.self) return;

  /** Key (dotted path in Decap's locale) → Vietnamese. */
  var VI = {
    "auth.loginWithAzure": "Đăng nhập bằng Azure",
    "auth.loginWithForgejo": "Đăng nhập bằng Forgejo",
    "collection.collectionTop.newButton": "+ %{collectionLabel}",  // Decap's "＋" (U+FF0B) is a box where no CJK font is installed
    "collection.collectionTop.viewAsList": "Xem dạng danh sách",
    "collection.collectionTop.viewAsGrid": "Xem dạng lưới",
    "collection.collectionTop.groupBy": "Nhóm theo",
    "collection.entries.unpublishedHeader": "Mục chưa công bố",
    "collection.groups.other": "Khác",
    "collection.groups.negateLabel": "Không phải %{label}",
    "editor.editorControl.field.widgetLabel": "Trường %{widgetLabel}",
    "editor.editorControlPane.i18n.writingInLocale": "Đang viết: %{locale}",
    "editor.editorControlPane.i18n.copyFromLocale": "Chép nội dung từ ngôn ngữ khác",
    "editor.editorControlPane.i18n.copyFromLocaleConfirm": "Chép nội dung từ ngôn ngữ %{locale} sang?\nMọi nội dung đang có ở đây sẽ bị thay thế.",
    "editor.editorInterface.toggleI18n": "Bật/tắt song ngữ",
    "editor.editorInterface.togglePreview": "Bật/tắt xem trước",
    "editor.editorInterface.toggleScrollSync": "Cuộn đồng thời",
    "editor.editorInterface.toggleNotes": "Bật/tắt ghi chú",
    "editor.editorNotesPane.title": "Ghi chú",
    "editor.editorNotesPane.emptyState": "Chưa có ghi chú nào. Viết ghi chú đầu tiên ở dưới để trao đổi với người cùng biên tập.",
    "editor.editorNotesPane.addNote": "Thêm ghi chú",
    "editor.editorNotesPane.addPlaceholder": "Viết ghi chú…",
    "editor.editorNotesPane.editPlaceholder": "Sửa ghi chú…",
    "editor.editorNotesPane.save": "Lưu",
    "editor.editorNotesPane.cancel": "Hủy",
    "editor.editorNotesPane.edit": "Sửa",
    "editor.editorNotesPane.delete": "Xóa",
    "editor.editorNotesPane.resolve": "Đánh dấu đã xong",
    "editor.editorNotesPane.unresolve": "Mở lại",
    "editor.editorNotesPane.confirmDelete": "Bạn có chắc muốn xóa ghi chú này?",
    "editor.editorNotesPane.shortcut": "Mẹo: bấm Ctrl+Enter để thêm ghi chú nhanh",
    // Decap's vi says "tải lên" (upload) for taking back what this browser kept of an unsaved form
    "editor.editor.confirmLoadBackup": "Trình duyệt này còn giữ một bản chưa lưu của mục này (lần sửa trước chưa được lưu). Mở lại bản đó để sửa tiếp? Chọn Hủy để bỏ bản đó và xem nội dung đã lưu.",
    "editor.editorToolbar.status": "Trạng thái: %{status}",  // Decap's vi has "Trạng: …", the word cut in half
    "editor.editorToolbar.statusInfoTooltipDraft": "Mục đang là bản nháp. Khi viết xong, hãy chuyển trạng thái sang “Đang duyệt” để gửi duyệt.",
    "editor.editorToolbar.statusInfoTooltipInReview": "Mục đang được duyệt, bạn không cần làm gì thêm. Bạn vẫn có thể sửa tiếp trong lúc chờ duyệt.",
    // Decap shows it whenever the form holds nothing unsaved, a blank new form included:
    // "Changes saved" ("Thay đổi đã được lưu") would claim a save that never happened.
    "editor.editorToolbar.changesSaved": "Không có thay đổi chưa lưu",
    "editor.editorWidgets.markdown.bold": "In đậm",
    "editor.editorWidgets.markdown.italic": "In nghiêng",
    "editor.editorWidgets.markdown.strikethrough": "Gạch ngang",
    "editor.editorWidgets.markdown.code": "Mã",
    "editor.editorWidgets.markdown.link": "Liên kết",
    "editor.editorWidgets.markdown.linkPrompt": "Nhập địa chỉ (URL) của liên kết",
    "editor.editorWidgets.markdown.headings": "Tiêu đề mục",
    "editor.editorWidgets.markdown.quote": "Trích dẫn",
    "editor.editorWidgets.markdown.bulletedList": "Danh sách gạch đầu dòng",
    "editor.editorWidgets.markdown.numberedList": "Danh sách đánh số",
    "editor.editorWidgets.markdown.addComponent": "Chèn thành phần",
    "editor.editorWidgets.markdown.toggleMode.rich": "Chuyển sang chế độ soạn thảo thường",
    "editor.editorWidgets.markdown.toggleMode.markdown": "Chuyển sang chế độ Markdown",
    "editor.editorWidgets.image.chooseMultiple": "Chọn ảnh",
    "editor.editorWidgets.image.chooseUrl": "Chèn từ địa chỉ URL",
    "editor.editorWidgets.image.replaceUrl": "Thay bằng địa chỉ URL",
    "editor.editorWidgets.image.promptUrl": "Nhập địa chỉ (URL) của ảnh",
    "editor.editorWidgets.image.addMore": "Thêm ảnh",
    "editor.editorWidgets.image.removeAll": "Bỏ tất cả ảnh",
    "editor.editorWidgets.file.chooseUrl": "Chèn từ địa chỉ URL",
    "editor.editorWidgets.file.chooseMultiple": "Chọn tệp",
    "editor.editorWidgets.file.replaceUrl": "Thay bằng địa chỉ URL",
    "editor.editorWidgets.file.promptUrl": "Nhập địa chỉ (URL) của tệp",
    "editor.editorWidgets.file.addMore": "Thêm tệp",
    "editor.editorWidgets.file.removeAll": "Bỏ tất cả tệp",
    "editor.editorWidgets.datetime.setToNow": "Đặt %{fieldLabel} là hôm nay",
    "editor.editorWidgets.list.add": "Thêm %{item}",
    "editor.editorWidgets.list.addType": "Thêm %{item}",
    "editor.editorWidgets.object.expand": "Mở ra",
    "editor.editorWidgets.object.collapse": "Thu gọn",
    "mediaLibrary.mediaLibraryCard.copy": "Sao chép",
    "mediaLibrary.mediaLibraryCard.copyUrl": "Sao chép địa chỉ URL",
    "mediaLibrary.mediaLibraryCard.copyPath": "Sao chép đường dẫn",
    "mediaLibrary.mediaLibraryCard.copyName": "Sao chép tên tệp",
    "mediaLibrary.mediaLibraryCard.copied": "Đã sao chép",
    "mediaLibrary.mediaLibraryModal.close": "Đóng",
    "ui.settingsDropdown.account": "Tùy chọn tài khoản",
    "ui.toast.noteAdded": "Đã thêm ghi chú",
    "ui.toast.onFailToAddNote": "Không thêm được ghi chú: %{details}",
    "ui.toast.noteUpdated": "Đã sửa ghi chú",
    "ui.toast.onFailToUpdateNote": "Không sửa được ghi chú: %{details}",
    "ui.toast.noteDeleted": "Đã xóa ghi chú",
    "ui.toast.onFailToDeleteNote": "Không xóa được ghi chú: %{details}",
    "ui.toast.noteResolved": "Ghi chú đã xong",
    "ui.toast.noteReopened": "Đã mở lại ghi chú",
    "ui.toast.onFailToToggleNote": "Không đổi được trạng thái ghi chú: %{details}",
    // the board's cards: day/month/year, as everywhere in Vietnam ('D MMMM' gave "6 December")
    "workflow.workflow.dateFormat": "DD/MM/YYYY",
  };

  /** A deep copy of `base` with each dotted key of `flat` set. */
  function overlay(base, flat) {
    var out = JSON.parse(JSON.stringify(base || {}));
    Object.keys(flat).forEach(function (key) {
      var parts = key.split(".");
      var node = out;
      for (var i = 0; i < parts.length - 1; i++) {
        if (typeof node[parts[i]] !== "object" || node[parts[i]] === null) node[parts[i]] = {};
        node = node[parts[i]];
      }
      node[parts[parts.length - 1]] = flat[key];
    });
    return out;
  }

  CMS.registerLocale("vi", overlay(CMS.getLocale("vi"), VI));
})();
