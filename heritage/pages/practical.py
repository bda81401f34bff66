"""The plan-your-trip page (/ke-hoach-tham-quan/): `practical:` of data/site.yml as HTML.

The page's own Markdown says a sentence; everything else comes from the data, so that the
page, the search index and the JSON-LD say the same thing. Its words are here, beside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from heritage import urls
from heritage.content.practical import MODE_LABELS

if TYPE_CHECKING:
    from heritage.pages.renderer import RenderData

WORDS: dict[str, dict[str, str]] = {
    "on_this_page": {"vi": "Trên trang này", "en": "On this page"},
    "getting_there": {"vi": "Đường đến", "en": "Getting there"},
    "travel_time": {"vi": "Thời gian đi", "en": "Travel time"},
    "distance": {"vi": "Quãng đường", "en": "Distance"},
    "parking": {"vi": "Gửi xe", "en": "Parking"},
    "nearby": {"vi": "Ăn uống, mua sắm, nhà vệ sinh gần từng điểm", "en": "Food, shopping and toilets near each place"},
    "eat": {"vi": "Ăn uống", "en": "Eat"},
    "buy": {"vi": "Mua sắm", "en": "Buy"},
    "toilets": {"vi": "Nhà vệ sinh", "en": "Toilets"},
    "accessibility": {"vi": "Lối đi cho người khuyết tật", "en": "Accessibility"},
    "season": {"vi": "Mùa nên đến", "en": "Best season"},
    "calendar_link": {"vi": "Xem lịch lễ hội", "en": "See the festival calendar"},
    "etiquette": {"vi": "Ứng xử ở đình, chùa, nhà thờ họ", "en": "Etiquette at places of worship"},
    "emergency": {"vi": "Số điện thoại khẩn cấp", "en": "Emergency numbers"},
    "ward_office": {"vi": "Hỏi thông tin", "en": "Ask the ward's office"},
    "sources": {"vi": "Nguồn", "en": "Sources"},
    "sample_note": {"vi": "Thông tin minh họa, chưa xác minh tại chỗ: hãy hỏi lại trước khi đi.", "en": "Illustrative, not checked on the spot yet: ask before you go."},
    "map_link": {"vi": "Mở bản đồ di sản", "en": "Open the heritage map"},
    "trails_link": {"vi": "Hành trình di sản", "en": "Heritage trails"},
    "plan_your_trip": {"vi": "Kế hoạch tham quan", "en": "Plan your trip"},
    "plan_rest": {"vi": "gửi xe, ăn uống, nhà vệ sinh, số khẩn cấp", "en": "parking, food, toilets, emergency numbers"},
}


def word(key: str, lang: str) -> str:
    return WORDS[key][lang]


def teaser(practical, lang: str) -> str:
    """What the page tells, in a line: its starting points (the data's words) and its topics."""
    return " · ".join([*(route.origin(lang) for route in practical.getting_there), word("plan_rest", lang)])


def sections(practical) -> list[str]:
    """The page's parts that the data fills, in the page's order (the jump list and headings)."""
    present = {
        "getting_there": bool(practical.getting_there),
        "emergency": practical.emergency is not None,
        "parking": practical.parking is not None,
        "nearby": bool(practical.nearby),
        "toilets": practical.toilets is not None,
        "accessibility": practical.accessibility is not None,
        "season": practical.season is not None,
        "etiquette": bool(practical.etiquette),
    }
    return [key for key, shown in present.items() if shown]


def driver_places(info, entries) -> list[tuple[str, str]]:
    """The driver's card: the ward's meeting place, then each nearby place that has a location,
    with its address, in Vietnamese (what a driver reads), worked out here, not in the template."""
    places = [(info.place("vi"), "")] if info.place else []
    for entry in entries:
        if entry.data.location:
            places.append((entry.name("vi"), entry.data.location.address("vi") if entry.data.location.address else ""))
    return places


def practical(data: "RenderData", lang: str, base: str) -> str:
    """The page's block below its Markdown; nothing when data/site.yml has no `practical:`."""
    from heritage.pages.renderer import Renderer

    info = data.settings.practical
    if info is None:
        return ""
    r = Renderer(data, lang, base)
    nearby = [(near, data.inventory.resolve(near.entry)) for near in info.nearby]
    return r.render(
        "practical.html",
        p=info,
        parts=sections(info),
        nearby=[(near, entry) for near, entry in nearby if entry is not None],
        driver=driver_places(info, [entry for _, entry in nearby if entry is not None]),
        w={key: words[lang] for key, words in WORDS.items()},
        modes={mode: labels[lang] for mode, labels in MODE_LABELS.items()},
        contact=data.settings.contact,
        calendar=r.href(urls.page(lang, urls.CALENDAR)),
        map=r.href(urls.page(lang, urls.MAP)),
        trails=r.href(urls.page(lang, urls.TRAILS)),
    )
