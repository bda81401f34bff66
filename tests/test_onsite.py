"""On the spot and the next step (heritage/pages/onsite.py): subtitles from a transcript, the
directions link, the nearest place, Zalo; and what the sample build's entry pages show."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heritage.content.loader import load_inventory
from heritage.pages import onsite

from .conftest import REPO
from .properties import properties
from .test_build import article, text_of


def _stamps(vtt: str) -> list[tuple[float, float]]:
    def seconds(s: str) -> float:
        h, m, rest = s.split(":")
        return int(h) * 3600 + int(m) * 60 + float(rest)

    return [(seconds(a), seconds(b)) for a, b in re.findall(r"^(\S+) --> (\S+)$", vtt, re.M)]


def test_subtitles_cover_the_recording_in_order_and_pair_sentences():
    heard = "Câu một ngắn. Câu thứ hai dài hơn nhiều, nhiều lắm. Ba."
    shown = "(Spoken in Vietnamese.) One short. The second sentence, much longer. Three."
    vtt = onsite.webvtt(shown, heard, 12.0)
    assert vtt.startswith("WEBVTT\n\n")
    assert "Spoken in" not in vtt  # a note in brackets is not speech
    stamps = _stamps(vtt)
    assert stamps[0][0] == 0 and stamps[-1][1] == 12.0
    assert all(a < b for a, b in stamps) and all(stamps[i][1] == stamps[i + 1][0] for i in range(len(stamps) - 1))
    # three sentences each side: timed by the spoken ones' lengths, so the long one lasts longest
    lengths = [b - a for a, b in stamps]
    assert len(lengths) == 3 and lengths[1] > lengths[0] > lengths[2]
    assert [line for line in vtt.splitlines() if line and not line[0].isdigit() and line != "WEBVTT"] == ["One short.", "The second sentence, much longer.", "Three."]


def test_a_long_sentence_is_cut_at_a_comma():
    long = "When visiting, please keep quiet, dress respectfully, and ask the caretaker before taking photos in the inner sanctuary."
    parts = onsite.cues(long)
    assert len(parts) == 2 and all(len(p) <= onsite.MAX_CUE for p in parts) and " ".join(parts) == long


def test_directions_name_the_place_and_its_coordinates():
    d = onsite.directions("Đình (Tân) An", 21.2216, 106.1742)
    assert d.google == "https://www.google.com/maps/dir/?api=1&destination=21.221600%2C106.174200&travelmode=driving"
    assert d.geo.startswith("geo:21.221600,106.174200?q=21.221600%2C106.174200%28") and d.geo.endswith("%29")
    assert "%C4%90%C3%ACnh%20T%C3%A2n%20An" in d.geo  # the name, its brackets dropped (they delimit the label)


@pytest.mark.parametrize(
    "tel, url",
    [
        ("+84912345678", "https://zalo.me/0912345678"),
        ("+84 98 765 4321", "https://zalo.me/0987654321"),
        ("84351234567", "https://zalo.me/0351234567"),
        ("0561234567", "https://zalo.me/0561234567"),
        ("0701234567", "https://zalo.me/0701234567"),
        ("0812345678", "https://zalo.me/0812345678"),
        ("02220000000", ""),  # a landline (02…): no Zalo account to open
        ("+842220000000", ""),
        ("0412345678", ""),  # 04 is not a mobile prefix
        ("091234567", ""),  # one digit short
        ("113", ""),
    ],
)
def test_zalo_only_for_vietnamese_mobile_numbers_as_dialled_at_home(tel, url):
    assert onsite.zalo_url(tel) == url


def test_nearest_place_and_distance_words():
    inv = load_inventory(REPO)
    here = inv.entries["dinh-tan-an"]
    near = onsite.nearest(inv, here)
    assert near is not None and near.entry.id != "dinh-tan-an" and near.entry.section in ("di-tich", "lang-nghe")
    from heritage.map.basemap import distance_km

    others = [distance_km(here.data.location.lat, here.data.location.lon, e.data.location.lat, e.data.location.lon) for e in inv.entries.values() if e.data.location and e.id != here.id and e.section in ("di-tich", "lang-nghe")]
    assert near.metres == round(min(others) * 1000)
    assert onsite.format_distance(349, "en") == "350 m" and onsite.format_distance(1234, "vi") == "1,2 km" and onsite.format_distance(1234, "en") == "1.2 km"


def test_the_qr_entry_page_in_english(sample_site):
    html = sample_site.html("en/di-tich/dinh-tan-an/")
    body = article(html)
    here = body.split('id="hx-onsite"', 1)[1].split("</section>", 1)[0]
    assert body.index('id="hx-onsite"') < body.index("hx-entry__top")  # with a guide: before the photo
    track = re.search(r'<track kind="subtitles" src="([^"]+)" srclang="en"', here)
    assert track, "the Vietnamese guide plays with English subtitles"
    vtt = (sample_site.root / "site/en/di-tich/dinh-tan-an" / track.group(1)).resolve().read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT") and "tutelary deity" in vtt
    assert "Spoken in Vietnamese, with English subtitles." in text_of(here)
    assert "(Spoken in Vietnamese.)" not in body and "Lyrics" not in body
    assert text_of(body).count("Visiting") == 1 and "will be added" not in body
    assert 'destination=21.221600%2C106.174200' in here and "Open now" in here and "Nearest" in text_of(here)
    facts = body.split('<aside class="hx-facts"', 1)[1].split("</aside>", 1)[0]
    assert "maps/search" not in body and "hx-button" not in facts.split("<dl>", 1)[1].split("</dl>", 1)[0]


def test_the_vietnamese_page_plays_its_own_guide_without_subtitles(sample_site):
    here = article(sample_site.html("di-tich/dinh-tan-an/")).split('id="hx-onsite"', 1)[1].split("</section>", 1)[0]
    assert "<audio" in here and "<track" not in here and "Lời đọc" not in here


def test_festival_facts_keep_the_calendar_button_out_of_the_list(sample_site):
    facts = article(sample_site.html("en/le-hoi/hoi-lim/")).split('<aside class="hx-facts"', 1)[1].split("</aside>", 1)[0]
    listed, after = facts.split("</dl>", 1)
    assert "Add to calendar" not in listed and "Add to calendar" in after
    assert len(re.findall(r"<dt[ >]", listed)) == len(re.findall(r"<dd[ >]", listed))


@pytest.mark.parametrize(
    "path, title, place",
    [
        ("en/san-pham/banh-da-tan-an/", "Where to buy", "Rice cracker making"),
        ("san-pham/ro-tre-tan-an/", "Mua ở đâu", "Nghề đan tre"),
        ("en/nghe-nhan/tran-van-mau/", "Meet the artisan", "Bamboo weaving"),
        ("en/lang-nghe/nghe-dan-tre/", "Visit and buy", None),
    ],
)
def test_crafts_products_artisans_end_with_the_next_step(sample_site, path, title, place):
    body = article(sample_site.html(path))
    section = body.split('class="hx-visit"', 1)[1].split("</section>", 1)[0]
    words = text_of(section)
    assert title in words
    if place:
        assert place in words
    assert re.search(r'href="tel:\+?\d{9,}"', section)
    assert "zalo.me" not in section  # the sample's number is the office's landline: no Zalo


_spot = st.tuples(st.floats(21.0, 21.3), st.floats(105.9, 106.2), st.sampled_from(["di-tich", "lang-nghe", "le-hoi"]), st.booleans())


@properties(200)
@given(spots=st.lists(_spot, min_size=1, max_size=25), pick=st.integers(0, 24), same=st.booleans())
def test_nearest_is_the_closest_place_of_all_and_the_first_of_two_as_close(spots, pick, same):
    """The nearest place found from the places sorted by latitude is the one comparing every
    place would find: the smallest distance, and of two as close the first in the inventory."""
    from types import SimpleNamespace

    from heritage.map.basemap import distance_km

    if same:  # two places at one spot: the tie goes to the first
        spots = [*spots, spots[0]]
    entries = {
        f"e{i}": SimpleNamespace(id=f"e{i}", section=section, data=SimpleNamespace(location=SimpleNamespace(lat=lat, lon=lon) if located else None))
        for i, (lat, lon, section, located) in enumerate(spots)
    }
    inv = SimpleNamespace(entries=entries)
    here = list(entries.values())[pick % len(entries)]
    found = onsite.nearest(inv, here)
    if here.data.location is None:
        assert found is None
        return
    others = [(distance_km(here.data.location.lat, here.data.location.lon, e.data.location.lat, e.data.location.lon), n, e)
              for n, e in enumerate(entries.values()) if e.id != here.id and e.data.location and e.section in onsite.PLACE_SECTIONS]
    if not others:
        assert found is None
        return
    km, _, best = min(others, key=lambda t: (t[0], t[1]))
    assert found is not None and found.entry is best and found.metres == int(round(km * 1000))
