"""Interface strings the generator writes, and dates, in both languages.

Material translates its own interface (search box, footer); these are the words
our templates add. A test keeps both languages complete.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from heritage.events.words import WORDS as _EVENT_WORDS

STRINGS: dict[str, dict[str, str]] = {
    "sample_badge": {"vi": "Nội dung minh họa", "en": "Sample content"},
    "sample_note": {
        "vi": "Mục này là nội dung minh họa, chưa phải dữ liệu kiểm kê đã được thẩm định.",
        "en": "This entry is illustrative sample content, not yet verified inventory data.",
    },
    "sample_note_post": {
        "vi": "Bài viết này là nội dung minh họa, chưa phải thông tin đã được thẩm định.",
        "en": "This post is illustrative sample content, not yet verified information.",
    },
    "facts": {"vi": "Thông tin chính", "en": "Key facts"},
    "type": {"vi": "Loại hình", "en": "Type"},
    "ranking": {"vi": "Xếp hạng", "en": "Ranking"},
    "priority": {"vi": "Đề xuất bảo vệ", "en": "Proposed protection"},
    "address": {"vi": "Địa chỉ", "en": "Address"},
    "coordinates": {"vi": "Tọa độ", "en": "Coordinates"},
    "open_map": {"vi": "Mở trong ứng dụng bản đồ", "en": "Open in a map app"},
    "festival_date": {"vi": "Thời gian", "en": "When"},
    "lunar": {"vi": "âm lịch", "en": "lunar calendar"},
    "solar": {"vi": "dương lịch", "en": "solar calendar"},
    "leap_month": {"vi": "tháng nhuận", "en": "leap month"},
    "duration": {"vi": "Số ngày", "en": "Duration"},
    "days": {"vi": "{n} ngày", "en": "{n} days"},
    "one_day": {"vi": "1 ngày", "en": "1 day"},
    "every_years": {"vi": "{n} năm một lần, từ năm {since}", "en": "every {n} years, since {since}"},
    "honour_title": {"vi": "Danh hiệu", "en": "Honour title"},
    "ocop": {"vi": "Xếp hạng OCOP", "en": "OCOP rating"},
    "stars": {"vi": "{n} sao", "en": "{n} stars"},
    "consent": {"vi": "Đồng ý công bố", "en": "Consent to publish"},
    "media": {"vi": "Hình ảnh và tư liệu", "en": "Pictures and recordings"},
    "credits": {"vi": "Nguồn ảnh và bản quyền", "en": "Image credits and licences"},
    "credit": {"vi": "Tác giả", "en": "Credit"},
    "download_hd": {"vi": "Tải ảnh chất lượng cao", "en": "Download high resolution"},  # the same word as the media bank's
    "license": {"vi": "Giấy phép", "en": "Licence"},
    "related": {"vi": "Xem thêm", "en": "See also"},
    "sources": {"vi": "Nguồn tham khảo", "en": "Sources"},
    "filter_type": {"vi": "Loại hình", "en": "Type"},
    "filter_ranking": {"vi": "Xếp hạng", "en": "Ranking"},
    "filter_all": {"vi": "Tất cả", "en": "All"},
    "filter_count": {"vi": "mục", "en": "entries"},
    "no_results": {"vi": "Không có mục nào phù hợp.", "en": "No entries match."},
    "sections": {"vi": "Khám phá di sản", "en": "Explore the heritage"},
    "latest_posts": {"vi": "Chuyên mục mới nhất", "en": "Latest from the column"},
    "all_posts": {"vi": "Xem tất cả bài viết", "en": "All posts"},
    "no_posts": {"vi": "Chưa có bài viết.", "en": "No posts yet."},
    "entries_count": {"vi": "{n} mục", "en": "{n} entries"},
    "posted_on": {"vi": "Đăng ngày", "en": "Published"},
    "featured": {"vi": "Trong bài", "en": "Featured"},
    "places": {"vi": "Danh sách địa điểm", "en": "List of places"},
    "festivals": {"vi": "Các lễ hội", "en": "Festivals"},
    "video": {"vi": "Video", "en": "Video"},
    "audio": {"vi": "Âm thanh", "en": "Audio"},
    "translation_stale": {
        "vi": "Bản dịch này có thể chưa cập nhật theo bản gốc tiếng Việt.",
        "en": "This translation may be behind the Vietnamese original, which has changed since.",
    },
    "read_original": {"vi": "Đọc bản gốc tiếng Việt", "en": "Read the Vietnamese original"},
    "close": {"vi": "Đóng", "en": "Close"},
    "previous": {"vi": "Ảnh trước", "en": "Previous photo"},
    "next": {"vi": "Ảnh sau", "en": "Next photo"},
    "photo_viewer": {"vi": "Xem ảnh", "en": "Photo viewer"},
    "play_video": {"vi": "Phát video", "en": "Play video"},
    "youtube_note": {
        "vi": "Video phát từ YouTube (chế độ hạn chế cookie) khi bạn bấm vào.",
        "en": "The video plays from YouTube (privacy-enhanced mode) once you tap it.",
    },
    "download": {"vi": "Tải tệp về", "en": "Download the file"},
    "transcript": {"vi": "Nội dung lời đọc", "en": "Transcript"},
    "lyrics": {"vi": "Lời bài hát", "en": "Lyrics"},
    "recordings": {"vi": "Bản thu", "en": "Recordings"},
    "onsite_title": {"vi": "Tại chỗ", "en": "On the spot"},
    "audio_guide": {"vi": "Nghe thuyết minh", "en": "Audio guide"},
    "listen_post": {"vi": "Nghe bài viết", "en": "Listen to this post"},
    "listen_note": {"vi": "Bản ghi âm đọc toàn văn bài viết dưới đây.", "en": "The recording reads the whole text below."},
    "transcript_file": {"vi": "Lời đọc (tệp văn bản)", "en": "Transcript (text file)"},
    "podcast": {"vi": "Podcast", "en": "Podcast"},
    "pause": {"vi": "Tạm dừng", "en": "Pause"},
    "spoken_subtitled": {"vi": "Lời đọc {spoken}, phụ đề {shown}.", "en": "Spoken in {spoken}, with {shown} subtitles."},
    "spoken_only": {"vi": "Lời đọc {spoken}.", "en": "Spoken in {spoken}."},
    "language_vi": {"vi": "tiếng Việt", "en": "Vietnamese"},
    "language_en": {"vi": "tiếng Anh", "en": "English"},
    "directions": {"vi": "Chỉ đường", "en": "Directions"},
    "map_open": {"vi": "Mở", "en": "Open"},
    "directions_to": {"vi": "Chỉ đường đến {name}", "en": "Directions to {name}"},
    "open_now": {"vi": "Đang mở cửa", "en": "Open now"},
    "closed_now": {"vi": "Đang đóng cửa", "en": "Closed now"},
    "closes_at": {"vi": "đóng lúc {time}", "en": "closes at {time}"},
    "opens_at": {"vi": "mở lúc {time}", "en": "opens at {time}"},
    "opens_day": {"vi": "mở {day} lúc {time}", "en": "opens {day} at {time}"},
    "local_time": {"vi": "giờ Việt Nam", "en": "Việt Nam time"},
    "nearest": {"vi": "Gần nhất", "en": "Nearest"},
    "where": {"vi": "Ở đâu", "en": "Where"},
    "made_at": {"vi": "Làm tại", "en": "Made at"},
    "visit_craft": {"vi": "Đến thăm và mua", "en": "Visit and buy"},
    "where_to_buy": {"vi": "Mua ở đâu", "en": "Where to buy"},
    "meet_artisan": {"vi": "Gặp nghệ nhân", "en": "Meet the artisan"},
    "call": {"vi": "Gọi", "en": "Call"},
    "via_office": {"vi": "qua {office}", "en": "through the {office}"},
    "reading_time": {"vi": "{n} phút đọc", "en": "{n} min read"},
    "category": {"vi": "Thể loại", "en": "Category"},
    "older_post": {"vi": "Bài trước", "en": "Older post"},
    "newer_post": {"vi": "Bài sau", "en": "Newer post"},
    "share": {"vi": "Chia sẻ", "en": "Share"},
    "copy_link": {"vi": "Sao chép liên kết", "en": "Copy link"},
    "copied": {"vi": "Đã sao chép liên kết.", "en": "Link copied."},
    "share_other": {"vi": "Chia sẻ qua ứng dụng khác", "en": "Share with another app"},
    "posts_count": {"vi": "bài viết", "en": "posts"},
    "archive": {"vi": "Bài cũ hơn", "en": "Older posts"},
    "feed": {"vi": "Theo dõi qua RSS", "en": "Follow by RSS"},
    "next_dates": {"vi": "Ngày diễn ra", "en": "Dates"},
    "past": {"vi": "đã qua", "en": "past"},
    "not_in_three_years": {"vi": "Không tổ chức trong ba năm tới", "en": "Not held in the next three years"},
    "moved_leap_missing": {"vi": "(năm nay không có tháng nhuận này: tính theo tháng thường)", "en": "(no such leap month this year: the regular month is used)"},
    "moved_day_30": {"vi": "(tháng thiếu: tổ chức vào ngày cuối tháng)", "en": "(a short month: held on its last day)"},
    "add_calendar": {"vi": "Thêm lịch lễ hội vào điện thoại (.ics)", "en": "Add the festivals to your phone's calendar (.ics)"},
    "add_calendar_help": {
        "vi": "Tệp lịch mở được bằng ứng dụng Lịch trên iPhone và Android, Google Calendar, Outlook; gồm các lễ hội trong ba năm tới, đã đổi sang dương lịch.",
        "en": "Opens in the Calendar app on iPhone and Android, Google Calendar or Outlook; festivals of the next three years, converted to Gregorian dates.",
    },
    "coming_year": {"vi": "Lễ hội trong 12 tháng tới", "en": "Festivals in the coming 12 months"},
    "coming_festivals": {"vi": "Lễ hội sắp tới", "en": "Coming festivals"},
    "full_calendar": {"vi": "Xem lịch lễ hội", "en": "Festival calendar"},
    "no_festivals": {"vi": "Chưa có lễ hội nào trong 12 tháng tới.", "en": "No festival in the coming 12 months."},
    "map_label": {"vi": "Bản đồ các địa điểm di sản", "en": "Map of heritage places"},
    "map_load_tiles": {"vi": "Hiện nền bản đồ OpenStreetMap", "en": "Show the OpenStreetMap background"},
    "map_tiles_note": {
        "vi": "Nền bản đồ tải từ máy chủ OpenStreetMap khi bạn bấm.",
        "en": "The background loads from OpenStreetMap's servers when you tap.",
    },
    "not_on_map": {"vi": "Chưa có tọa độ, nên chưa hiện trên bản đồ", "en": "No coordinates yet, so not on the map"},
    "downloads": {"vi": "Tải dữ liệu", "en": "Downloads"},
    "csv_note": {"vi": "mở được bằng Excel, hiển thị đúng tiếng Việt", "en": "opens in Excel with Vietnamese intact"},
    "datapackage_note": {"vi": "mô tả các tệp trên (kiểu cột, giấy phép) theo chuẩn Data Package, cho cổng dữ liệu", "en": "describes the files above (column types, licence) as a Data Package, for data portals"},
    "geojson_note": {"vi": "các mục có tọa độ, dùng cho phần mềm bản đồ (QGIS…)", "en": "entries with coordinates, for mapping software (QGIS…)"},
    "data_count": {"vi": "{n} mục, mỗi mục một dòng, đủ hai thứ tiếng.", "en": "{n} entries, one row each, in both languages."},
    "data_sample_note": {
        "vi": "Cột sample = true đánh dấu nội dung minh họa, chưa thẩm định.",
        "en": "Rows with sample = true are illustrative, not yet verified.",
    },
    "fields": {"vi": "Các trường dữ liệu", "en": "Fields"},
    "field": {"vi": "Trường", "en": "Field"},
    "meaning": {"vi": "Ý nghĩa", "en": "Meaning"},
    "qr_title": {"vi": "Mã QR", "en": "QR code"},
    "qr_alt": {"vi": "Mã QR dẫn tới trang này", "en": "QR code leading to this page"},
    "qr_text": {
        "vi": "Mã QR cố định của trang này, để in lên biển giới thiệu tại di tích. Tải về:",
        "en": "This page's permanent QR code, for the plaque at the site. Download:",
    },
    "search_label": {"vi": "Tìm di tích, lễ hội, nghệ nhân…", "en": "Search sites, festivals, artisans…"},
    "search_button": {"vi": "Tìm", "en": "Search"},
    "search_page": {"vi": "Tìm kiếm", "en": "Search"},
    "search_hint": {
        "vi": "Gõ có dấu hoặc không dấu đều được, ví dụ: dinh, le hoi, nghe nhan.",
        "en": "With or without Vietnamese accents, e.g. dinh, le hoi, nghe nhan.",
    },
    "search_none": {"vi": "Không tìm thấy kết quả cho", "en": "Nothing found for"},
    "search_count": {"vi": "kết quả", "en": "results"},
    "search_needs_js": {
        "vi": "Tìm kiếm cần bật JavaScript. Bạn vẫn có thể xem danh mục từng chuyên mục ở trình đơn.",
        "en": "Search needs JavaScript. The menu still lists every section's catalogue.",
    },
    "watch_youtube": {"vi": "Xem trên YouTube", "en": "Watch on YouTube"},
    # --- heritage trails and the brochure (issue 19) ---
    "trails": {"vi": "Hành trình di sản", "en": "Heritage trails"},
    "trail_sample_note": {
        "vi": "Hành trình này là nội dung minh họa, chưa phải lộ trình đã được thẩm định.",
        "en": "This trail is illustrative sample content, not yet a verified route.",
    },
    "trail_stops": {"vi": "Các điểm dừng", "en": "Stops"},
    "trail_stop_count": {"vi": "{n} điểm dừng", "en": "{n} stops"},
    "trail_distance": {"vi": "Quãng đường", "en": "Distance"},
    "trail_distance_note": {
        "vi": "đường chim bay giữa các điểm dừng; đi theo đường làng sẽ dài hơn",
        "en": "straight lines between stops; the lanes are somewhat longer",
    },
    "trail_time": {"vi": "Thời gian", "en": "Time"},
    "trail_time_mode": {
        "vi": "{mode}: khoảng {total} ({travel} di chuyển ở {speed} km/giờ, {visit} tham quan)",
        "en": "{mode}: about {total} ({travel} on the move at {speed} km/h, {visit} at the stops)",
    },
    "walking": {"vi": "Đi bộ", "en": "On foot"},
    "cycling": {"vi": "Xe đạp", "en": "By bicycle"},
    "trail_travel": {"vi": "Cách đi", "en": "How to travel"},
    "trail_season": {"vi": "Nên đi", "en": "Best time"},
    "trail_gpx": {"vi": "Tải lộ trình GPX (cho ứng dụng bản đồ)", "en": "Download the GPX route (for map apps)"},
    "trail_map_label": {"vi": "Bản đồ hành trình, các điểm dừng đánh số", "en": "Map of the trail with numbered stops"},
    "trail_from_previous": {"vi": "cách điểm trước {km}", "en": "{km} from the previous stop"},
    "trail_suggested": {"vi": "nên dừng khoảng {minutes} phút", "en": "about {minutes} minutes here"},
    "trail_entry_link": {"vi": "Xem trang {name}", "en": "Read about {name}"},
    "trail_audio": {"vi": "Thuyết minh", "en": "Audio guide"},
    "trail_festivals": {"vi": "Lễ hội trên hành trình trong 12 tháng tới", "en": "Festivals on the trail in the next twelve months"},
    "trail_no_festivals": {"vi": "Không có lễ hội nào trên hành trình trong 12 tháng tới.", "en": "No festival falls on this trail in the next twelve months."},
    "trail_passes": {"vi": "Hành trình đi qua đây", "en": "Trails that pass by"},
    "trails_none": {"vi": "Chưa có hành trình nào.", "en": "No trail yet."},
    "trail_save": {"vi": "Lưu hành trình để dùng ngoại tuyến", "en": "Save this trail for offline use"},
    "trail_saving": {"vi": "Đang lưu… {done}/{total} tệp, {mb} MB", "en": "Saving… {done} of {total} files, {mb} MB"},
    "trail_saved": {"vi": "Đã lưu để dùng ngoại tuyến ({mb} MB): các trang, ảnh, thuyết minh và bản đồ của hành trình mở được khi không có sóng.", "en": "Saved for offline use ({mb} MB): the trail's pages, photos, audio and map open with no signal."},
    "trail_save_failed": {"vi": "Chưa lưu được {missing} tệp; hãy thử lại khi có sóng.", "en": "{missing} files could not be saved; try again with a signal."},
    "trail_route_link": {"vi": "Chỉ đường đi bộ qua mọi điểm dừng (mở ứng dụng bản đồ)", "en": "Walking route through every stop (opens your maps app)"},
    "trail_route_link_cycling": {"vi": "Chỉ đường xe đạp qua mọi điểm dừng (mở ứng dụng bản đồ)", "en": "Cycling route through every stop (opens your maps app)"},
    "trail_next_stop": {"vi": "Điểm tiếp theo", "en": "Next stop"},
    "trail_last_stop": {"vi": "Điểm cuối: về trang hành trình", "en": "Last stop: back to the trail"},
    "trail_stop_of": {"vi": "điểm dừng {n}/{total}", "en": "stop {n} of {total}"},
    "trail_qr_text": {
        "vi": "Mã QR cố định của hành trình, cho biển đặt ở điểm xuất phát. Tải về:",
        "en": "The trail's permanent QR code, for the sign at its start. Download:",
    },
    "brochure_title": {"vi": "Tài liệu giới thiệu song ngữ", "en": "Bilingual brochure"},
    "brochure_text": {
        "vi": "Tài liệu in (PDF, khổ A5, tiếng Việt và tiếng Anh) giới thiệu {place} cho đoàn khách và đối tác:",
        "en": "A printable brochure (PDF, A5, Vietnamese and English) introducing {place} to visiting delegations and partners:",
    },
    # --- festivals into the phone, map, offline (issue 17) ---
    "ics_reminder": {"vi": "Ngày mai: {name}", "en": "Tomorrow: {name}"},
    "add_this_festival": {"vi": "Thêm vào lịch", "en": "Add to calendar"},
    "add_this_festival_help": {
        "vi": "Tải tệp .ics gồm các lần tổ chức sắp tới, có lời nhắc trước một ngày.",
        "en": "Downloads an .ics file of its coming dates, with a reminder the day before.",
    },
    "subscribe_calendar": {"vi": "Đăng ký theo dõi lịch (tự cập nhật)", "en": "Subscribe (updates itself)"},
    "google_calendar": {"vi": "Thêm vào Google Calendar", "en": "Add to Google Calendar"},
    "download_ics": {"vi": "Tải tệp .ics", "en": "Download the .ics file"},
    "subscribe_help": {
        "vi": "Đăng ký: điện thoại tự nhận lễ hội mới và ngày đổi. Tải tệp: chép một lần các lễ hội trong ba năm tới, mỗi lễ hội có lời nhắc trước một ngày.",
        "en": "Subscribe: your phone picks up new festivals and changed dates. Download: a one-off copy of the next three years, each with a reminder the day before.",
    },
    "next_edition": {"vi": "Lần tổ chức tới", "en": "Next edition"},
    "offline_title": {"vi": "Bạn đang ngoại tuyến", "en": "You are offline"},
    "offline_text": {
        "vi": "Trang này chưa được lưu trên điện thoại, nên cần có mạng để mở. Các trang bạn đã xem vẫn mở được:",
        "en": "This page has not been saved on this phone, so it needs a connection. The pages you have opened still work:",
    },
    "offline_saved": {"vi": "Trang đã lưu trên điện thoại này", "en": "Pages saved on this phone"},
    "offline_none": {"vi": "Chưa có trang nào được lưu.", "en": "No page saved yet."},
    "offline_retry": {"vi": "Khi có mạng trở lại, hãy tải lại trang.", "en": "Once you are back online, reload the page."},
    "offline_other_language": {"vi": "Xem bằng tiếng Việt", "en": "Read in English"},
    "map_cluster": {"vi": "{n} địa điểm ở gần nhau: bấm để xem từng nơi", "en": "{n} places close together: tap to see each"},
    "map_far": {"vi": "{name} · {km} km", "en": "{name} · {km} km"},
    "map_far_list": {"vi": "cách trung tâm {place} {km} km", "en": "{km} km from the centre of {place}"},
    "map_tiles_failed": {
        "vi": "Không tải được nền bản đồ (có thể do mất mạng). Các điểm và danh sách bên dưới vẫn dùng được.",
        "en": "The map background could not load (perhaps no connection). The markers and the list below still work.",
    },
    "map_tiles_offline": {
        "vi": "Nền bản đồ OpenStreetMap cần kết nối mạng, mà điện thoại đang ngoại tuyến. Các điểm đánh số và danh sách bên dưới vẫn dùng được.",
        "en": "The OpenStreetMap background needs an internet connection, and this device is offline. The numbered points and the list below still work.",
    },
    "map_show": {"vi": "Xem trên bản đồ", "en": "Show on the map"},
    "driver_show": {"vi": "Đưa tài xế xem", "en": "Show the driver"},
    # The card is read by a Vietnamese driver: Vietnamese on English pages too (lang="vi").
    "driver_ask": {"vi": "Xin đưa tôi đến:", "en": "Xin đưa tôi đến:"},
    "map_zoom_in": {"vi": "Phóng to", "en": "Zoom in"},
    "map_zoom_out": {"vi": "Thu nhỏ", "en": "Zoom out"},
    # --- visitors' site (issue 16): home, chrome, visiting information, breadcrumbs ---
    "home": {"vi": "Trang chủ", "en": "Home"},
    "breadcrumbs": {"vi": "Đường dẫn", "en": "Breadcrumb"},
    "hero_explore": {"vi": "Khám phá di tích", "en": "Explore the sites"},
    "ways_in": {"vi": "Bắt đầu từ đây", "en": "Where to start"},
    "next_festival": {"vi": "Lễ hội sắp tới", "en": "Next festival"},
    "happening_now": {"vi": "Đang diễn ra", "en": "Happening now"},
    "today_word": {"vi": "Hôm nay", "en": "Today"},
    "tomorrow": {"vi": "Ngày mai", "en": "Tomorrow"},
    "in_days": {"vi": "Còn {n} ngày", "en": "In {n} days"},
    "featured_places": {"vi": "Điểm đến tiêu biểu", "en": "Places to visit"},
    "map_teaser": {"vi": "Bản đồ di sản", "en": "Heritage map"},
    "map_teaser_text": {
        "vi": "Đình, chùa, làng nghề trên một bản đồ, kèm chỉ đường bằng ứng dụng bản đồ của bạn.",
        "en": "Communal houses, pagodas and craft villages on one map, with directions in your map app.",
    },
    "open_the_map": {"vi": "Mở bản đồ", "en": "Open the map"},
    "plan_visit": {"vi": "Lên kế hoạch tham quan", "en": "Plan your visit"},
    "getting_there": {"vi": "Đường đến", "en": "Getting there"},
    "getting_there_text": {
        "vi": "Mỗi trang di tích ghi địa chỉ, tọa độ và liên kết chỉ đường bằng OpenStreetMap hoặc Google Maps.",
        "en": "Every site's page gives its address, coordinates and a link for directions in OpenStreetMap or Google Maps.",
    },
    "when_to_come": {"vi": "Nên đến khi nào", "en": "When to come"},
    "when_to_come_text": {
        "vi": "Mùa xuân, sau Tết, là mùa lễ hội làng và hát Quan họ; lịch lễ hội ghi ngày âm lịch và dương lịch.",
        "en": "Spring, after the Lunar New Year, is the season of village festivals and Quan họ singing; the calendar gives lunar and solar dates.",
    },
    "ask_us": {"vi": "Hỏi thông tin", "en": "Ask us"},
    "contact_sample": {"vi": "Thông tin liên hệ minh họa, sẽ được thay bằng thông tin chính thức.", "en": "Illustrative contact details, to be replaced by the official ones."},
    "office": {"vi": "Đơn vị", "en": "Office"},
    "phone": {"vi": "Điện thoại", "en": "Phone"},
    "email": {"vi": "Thư điện tử", "en": "Email"},
    "office_hours": {"vi": "Giờ làm việc", "en": "Office hours"},
    "about": {"vi": "Giới thiệu", "en": "About"},
    "open_data_link": {"vi": "Dữ liệu mở", "en": "Open data"},
    "media_bank_link": {"vi": "Kho ảnh cho báo chí", "en": "Media bank for the press"},
    "press_kit_link": {"vi": "Bộ ảnh báo chí (ZIP: ảnh chất lượng cao và ghi nguồn)", "en": "Press kit (ZIP: high-resolution photos and credits)"},
    "rss": {"vi": "RSS chuyên mục", "en": "Column RSS"},
    "visit_title": {"vi": "Thông tin tham quan", "en": "Visiting"},
    "opening_hours": {"vi": "Giờ mở cửa", "en": "Opening hours"},
    "by_appointment": {"vi": "Theo hẹn trước", "en": "By appointment"},
    "fee": {"vi": "Vé vào cửa", "en": "Entry fee"},
    "free": {"vi": "Miễn phí", "en": "Free"},
    "visit_contact": {"vi": "Liên hệ", "en": "Contact"},
    "etiquette": {"vi": "Trang phục và ứng xử", "en": "Dress and behaviour"},
    "accessibility": {"vi": "Khả năng tiếp cận", "en": "Accessibility"},
    "best_time": {"vi": "Thời điểm nên đến", "en": "Best time to visit"},
    "visit_sample": {"vi": "Thông tin tham quan minh họa, chưa xác minh.", "en": "Illustrative visiting information, not verified."},
    "back_to": {"vi": "Tất cả mục {section}", "en": "All {section}"},
    "related_title": {"vi": "Có thể bạn quan tâm", "en": "You may also like"},
    "read_more": {"vi": "Xem", "en": "See"},
    "photo_credit_short": {"vi": "Ảnh", "en": "Photo"},
    "copyright": {"vi": "© {year} {ward}. Nội dung theo giấy phép CC BY 4.0 trừ khi ghi khác.", "en": "© {year} {ward}. Content under CC BY 4.0 unless stated otherwise."},
    "contact_title": {"vi": "Liên hệ", "en": "Contact"},
    "contact_why": {
        "vi": "Góp ý, đính chính, tư liệu hay ảnh về di sản của {place} xin gửi về địa chỉ trên; muốn tham quan theo hẹn, xin liên hệ trước.",
        "en": "Comments, corrections, documents or photos of the heritage of {place} are welcome at the address above; for visits by appointment, please get in touch first.",
    },
    "made_with": {"vi": "Trang được làm bằng", "en": "Made with"},
    "made_with_text": {"vi": "Phần mềm mã nguồn mở, xin cảm ơn các tác giả:", "en": "Open-source software, with thanks to its authors:"},
    "same_type": {"vi": "Cùng loại hình: {type}", "en": "Same type: {type}"},
    "monthly": {"vi": "Cập nhật hằng tháng", "en": "Updated monthly"},
}

# Counted words: (one, other) per language; Vietnamese nouns do not change with number.
PLURALS: dict[str, dict[str, tuple[str, str]]] = {
    "entries": {"vi": ("{n} mục", "{n} mục"), "en": ("{n} entry", "{n} entries")},
    "results": {"vi": ("{n} kết quả", "{n} kết quả"), "en": ("{n} result", "{n} results")},
    "posts": {"vi": ("{n} bài viết", "{n} bài viết"), "en": ("{n} post", "{n} posts")},
    "places": {"vi": ("{n} địa điểm", "{n} địa điểm"), "en": ("{n} place", "{n} places")},
    "days": {"vi": ("{n} ngày", "{n} ngày"), "en": ("{n} day", "{n} days")},
    "stars": {"vi": ("{n} sao", "{n} sao"), "en": ("{n} star", "{n} stars")},
    "items": {"vi": ("{n} mục", "{n} mục"), "en": ("{n} item", "{n} items")},
}

WEEKDAY_NAMES = {
    "vi": {"mo": "Thứ Hai", "tu": "Thứ Ba", "we": "Thứ Tư", "th": "Thứ Năm", "fr": "Thứ Sáu", "sa": "Thứ Bảy", "su": "Chủ nhật"},
    "en": {"mo": "Monday", "tu": "Tuesday", "we": "Wednesday", "th": "Thursday", "fr": "Friday", "sa": "Saturday", "su": "Sunday"},
}
STRINGS.update(_EVENT_WORDS)  # what's on (heritage/events/words.py)

_WEEK = ("mo", "tu", "we", "th", "fr", "sa", "su")


def count(key: str, n: int, lang: str) -> str:
    """'1 entry' / '3 entries' / '3 mục': the noun agrees with the number."""
    one, other = PLURALS[key][lang]
    return (one if n == 1 else other).format(n=n)


def format_weekdays(days: list[str], lang: str) -> str:
    """['mo'…'fr'] → 'Thứ Hai – Thứ Sáu' / 'Monday – Friday'; all seven → 'every day'."""
    if len(days) == 7:
        return "Hằng ngày" if lang == "vi" else "Every day"
    names = WEEKDAY_NAMES[lang]
    runs: list[list[str]] = []
    for day in sorted(days, key=_WEEK.index):
        if runs and _WEEK.index(day) == _WEEK.index(runs[-1][-1]) + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = [f"{names[r[0]]} – {names[r[-1]]}" if len(r) > 2 else ", ".join(names[d] for d in r) for r in runs]
    return ", ".join(parts)

LUNAR_MONTH_NAMES_VI = {1: "Giêng", 12: "Chạp"}


def t(key: str, lang: str, **values: object) -> str:
    text = STRINGS[key][lang]
    return text.format(**values) if values else text


def format_day(day: dt.date, lang: str) -> str:
    """17/02/2026 on Vietnamese pages, 17 February 2026 on English ones."""
    if lang == "vi":
        return format_date(day, "dd/MM/yyyy", locale="vi")
    return format_date(day, "d MMMM yyyy", locale="en")


def format_month(day: dt.date, lang: str) -> str:
    """'tháng 2 năm 2026' / 'February 2026'."""
    if lang == "vi":
        return f"tháng {day.month} năm {day.year}"
    return format_date(day, "MMMM yyyy", locale="en")


def format_month_heading(day: dt.date, lang: str) -> str:
    """'Tháng 6/2026' / 'June 2026': the column's archive headings."""
    return f"Tháng {day.month}/{day.year}" if lang == "vi" else format_month(day, lang)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def format_recurring(calendar: str, month: int, day: int, leap: bool, lang: str) -> str:
    """A festival's fixed date: 'ngày 13 tháng Giêng (âm lịch)' / '13th day of the 1st lunar month'."""
    if calendar == "lunar":
        if lang == "vi":
            name = LUNAR_MONTH_NAMES_VI.get(month, str(month))
            leap_vi = " nhuận" if leap else ""
            return f"ngày {day} tháng {name}{leap_vi} (âm lịch)"
        leap_en = " leap" if leap else ""
        return f"{_ordinal(day)} day of the {_ordinal(month)}{leap_en} lunar month"
    if lang == "vi":
        return f"ngày {day} tháng {month} (dương lịch)"
    return format_date(dt.date(2024, month, day), "d MMMM", locale="en")
