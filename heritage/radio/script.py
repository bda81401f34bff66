"""The announcer's script: the month's posts as plain Vietnamese text to read on the loudspeakers.

Loudspeakers in a street carry short sentences best: each line is one sentence, or a part of
a long one, of at most MAX_SYLLABLES syllables, cut only at punctuation or before a word that
opens a phrase (OPENERS), never inside a word. No Markdown, links or images are left; dates
and a few signs are written as they are said.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown

WORDS_PER_MINUTE = 140  # a clear public-address pace (130–150 syllables a minute)
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "br", "dd", "dt", "figcaption", "pre"}
SKIPPED = {"img", "script", "style", "code", "table", "figure", "audio", "video", "iframe"}


class _Text(HTMLParser):
    """Visible text of rendered Markdown, one block a line (the stdlib parser: no markup survives)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SKIPPED and tag != "img":
            self.skip += 1
        if tag in BLOCKS:
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED and tag != "img" and self.skip:
            self.skip -= 1
        if tag in BLOCKS:
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.lines[-1] += data


def plain_text(body: str) -> list[str]:
    """Markdown → its paragraphs as plain text (headings, list items and paragraphs alike)."""
    parser = _Text()
    parser.feed(markdown.markdown(body, extensions=["attr_list", "tables", "md_in_html"]))
    parser.close()
    return [line for line in (" ".join(raw.split()) for raw in parser.lines) if line]


_DMY = re.compile(r"(?:\bngày\s+)?\b(\d{1,2})/(\d{1,2})/(\d{4})\b", re.I)
_ISO = re.compile(r"(?:\bngày\s+)?\b(\d{4})-(\d{2})-(\d{2})\b", re.I)
_MY = re.compile(r"(?:\btháng\s+)?\b(\d{1,2})/(\d{4})\b", re.I)


def say_date(day: dt.date) -> str:
    return f"ngày {day.day} tháng {day.month} năm {day.year}"


def speakable(text: str) -> str:
    """Dates and signs as an announcer says them: 12/3/2026 → ngày 12 tháng 3 năm 2026."""
    text = _ISO.sub(lambda m: f"ngày {int(m[3])} tháng {int(m[2])} năm {m[1]}", text)
    text = _DMY.sub(lambda m: f"ngày {int(m[1])} tháng {int(m[2])} năm {m[3]}", text)
    text = _MY.sub(lambda m: f"tháng {int(m[1])} năm {m[2]}", text)
    text = re.sub(r"(\d)\s*%", r"\1 phần trăm", text)
    text = re.sub(r"(\d)\s*km\b", r"\1 ki-lô-mét", text)
    text = re.sub(r"(\d)\s*[–-]\s*(\d)", r"\1 đến \2", text)
    text = text.replace("&", " và ").replace("…", ".").replace("*", "").replace("_", " ")
    return " ".join(text.split())


# Where a long sentence may be cut, besides punctuation: before a word that opens a phrase.
# Vietnamese writes a word of two syllables as two space-separated syllables ("duy trì",
# "nghệ nhân"), so counting tokens and cutting evenly splits words; no segmentation without a
# dictionary is perfect, so only these few function words are break points: conjunctions and
# prepositions that begin a clause or a phrase and are rarely the second syllable of a word.
# PAIRED lists the words that, before one of them, make a single word or conjunction with it
# ("sau khi", "đối với", "bởi vì"): the cut then goes before the pair instead.
OPENER_ORDER = ("và", "hoặc", "nhưng", "để", "nhằm", "khi", "vì", "nếu", "với", "của")  # as the header lists them
OPENERS = frozenset(OPENER_ORDER)
PAIRED = {
    "khi": {"sau", "trong", "trước", "đôi", "có", "mỗi", "những", "lúc"},
    "vì": {"bởi", "tại", "là", "thay"},
    "với": {"đối", "cùng", "so"},
    "để": {"dùng", "nhằm"},
    "của": {"thuộc"},
    "và": set(),
}
MAX_SYLLABLES = 28  # a line a speaker says on one breath at a loudspeaker's pace
SHORT = 3  # a line of this many syllables or fewer is a fragment ("Hình ảnh,"): never alone
_CLAUSE_END = re.compile(r"(?<=[,;:])\s+|\s+(?=[—–(])|(?<=[—–])\s+")


def syllables(text: str) -> int:
    """Vietnamese is written a syllable a token: tokens with a letter or digit are what is said."""
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))


def _bare(token: str) -> str:
    return token.strip("\"“”‘’'()[]").lower()


def _opener_cuts(clause: str) -> list[str]:
    """A clause cut before each phrase-opening word (or before its pair: "sau khi", "đối với")."""
    tokens = clause.split()
    starts = [0]
    for i in range(2, len(tokens)):
        word, before = _bare(tokens[i]), _bare(tokens[i - 1])
        if word not in OPENERS:
            continue
        cut = i - 1 if before in PAIRED.get(word, set()) else i
        if cut > starts[-1] + 1:
            starts.append(cut)
    return [" ".join(tokens[a:b]) for a, b in zip(starts, [*starts[1:], len(tokens)])]


def _pieces(sentence: str) -> list[tuple[str, bool]]:
    """The sentence's smallest pieces, each with whether it ends at punctuation."""
    out: list[tuple[str, bool]] = []
    for clause in (c for c in _CLAUSE_END.split(sentence) if c.strip()):
        cuts = _opener_cuts(clause) if syllables(clause) > MAX_SYLLABLES else [clause]
        out += [(cut, i == len(cuts) - 1) for i, cut in enumerate(cuts)]
    return out


def _split_long(sentence: str) -> list[str]:
    """A sentence as lines of at most MAX_SYLLABLES: the fewest lines, cut at punctuation rather
    than before a phrase-opening word, and no fragment of SHORT syllables on its own. A clause
    with no place to cut stays whole, however long: a long line is better than a split word."""
    if syllables(sentence) <= MAX_SYLLABLES:
        return [sentence]
    pieces = _pieces(sentence)
    count = [syllables(p) for p, _ in pieces]
    # best[i]: (cost, lines) of the first i pieces; a small dynamic programme over the cut points
    best: list[tuple[float, list[str]]] = [(0.0, [])] + [(float("inf"), [])] * len(pieces)
    for end in range(1, len(pieces) + 1):
        for start in range(end):
            size = sum(count[start:end])
            over = size > MAX_SYLLABLES and end - start > 1
            if over and size - max(count[start:end]) > SHORT:
                continue  # too long: only a piece with no cut inside, and fragments joined to it, may be
            cost = best[start][0] + 10 + (0 if pieces[end - 1][1] or end == len(pieces) else 3)
            cost += (100 if size <= SHORT else 0) + (50 if over else 0)
            cost += ((MAX_SYLLABLES - min(size, MAX_SYLLABLES)) / MAX_SYLLABLES) ** 2
            if cost < best[end][0]:
                best[end] = (cost, [*best[start][1], " ".join(p for p, _ in pieces[start:end])])
    return best[-1][1]


def sentences(paragraph: str) -> list[str]:
    """Short lines: a sentence, or a part of a long one (see _split_long), which keeps its comma.
    A sentence's last line ends with its own full stop, or a period where it had none."""
    out = []
    for sentence in re.split(r"(?<=[.!?])\s+", speakable(paragraph)):
        pieces = [p.strip() for p in _split_long(sentence.strip()) if p.strip()]
        if not any(any(c.isalnum() for c in p) for p in pieces):
            continue
        if pieces[-1][-1] not in ".!?":
            pieces[-1] = pieces[-1].rstrip(",;:") + "."
        out += pieces
    return out


def word_count(lines: list[str]) -> int:
    """Syllables said (Vietnamese is written a syllable a token)."""
    return sum(syllables(line) for line in lines)


def say_duration(words: int) -> str:
    seconds = round(words * 60 / WORDS_PER_MINUTE)
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} phút {rest} giây" if minutes else f"{rest} giây"


def post_lines(title: str, day: dt.date, body: str) -> list[str]:
    """One post as the announcer reads it: its title, its date, then its text."""
    lines = sentences(title)
    lines.append(f"Bài đăng {say_date(day)}.")
    for paragraph in plain_text(body):
        lines += sentences(paragraph)
    return lines


ENGLISH_WORDS_PER_MINUTE = 150  # a clear English announcer's pace


def read_aloud_seconds(title: str, body: str, lang: str) -> float:
    """How long a post's title and text take to read aloud in `lang` (an estimate)."""
    said = word_count(sentences(title)) + sum(word_count(sentences(p)) for p in plain_text(body))
    return said * 60 / (WORDS_PER_MINUTE if lang == "vi" else ENGLISH_WORDS_PER_MINUTE)


def say_length(seconds: float) -> str:
    """A recording's length as the script states it: always minutes and seconds."""
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} phút {rest} giây"


@dataclass(frozen=True)
class ScriptPost:
    title: str
    day: dt.date
    body: str  # Markdown
    recording: tuple[str, float] | None = None  # (broadcast file's name, seconds) when it has one


def _rule() -> str:
    """The header's line on how lines are cut: what _split_long does, in words."""
    openers = ", ".join(f"“{w}”" for w in OPENER_ORDER)
    return (
        f"Mỗi dòng là một câu; câu dài hơn {MAX_SYLLABLES} tiếng được ngắt sau dấu phẩy, chấm phẩy, hai chấm, "
        f"trước hoặc sau gạch ngang, trước dấu mở ngoặc, hoặc trước một từ nối ({openers}), không ngắt ở chỗ khác "
        "(đoạn không có chỗ ngắt thì để nguyên); nghỉ ngắn cuối mỗi dòng, nghỉ dài giữa các bài."
    )


def month_script(site_name: str, month: dt.date, posts: list[ScriptPost]) -> str:
    """The whole month's script, posts in reading order. A post with a recording says which file
    to play and how long it lasts; its text follows, to read if the file cannot be played."""
    opening = [f"Sau đây là chuyên mục số của {site_name}, tháng {month.month} năm {month.year}."]
    closing = ["Chuyên mục số xin tạm dừng tại đây. Cảm ơn bà con đã lắng nghe."]
    blocks = [post_lines(p.title, p.day, p.body) for p in posts]
    total = word_count(opening) + word_count(closing) + sum(word_count(b) for b in blocks)
    head = [
        f"KỊCH BẢN PHÁT THANH — {site_name.upper()} — THÁNG {month.month}/{month.year}",
        f"Thời lượng đọc ước tính: {say_duration(total)} ({total} tiếng, đọc {WORDS_PER_MINUTE} tiếng một phút).",
        _rule(),
        "",
    ]
    out = head + opening + [""]
    for index, (post, block) in enumerate(zip(posts, blocks), 1):
        reading = say_duration(word_count(block))
        if post.recording is not None:
            name, seconds = post.recording
            out.append(
                f"[Bài {index}/{len(blocks)} — Bài này có bản ghi âm (thời lượng {say_length(seconds)}): phát tệp {name}. "
                f"Nếu không phát được, đọc bài dưới đây (khoảng {reading}).]"
            )
        else:
            out.append(f"[Bài {index}/{len(blocks)} — khoảng {reading}]")
        out += block + [""]
    return "\n".join(out + closing) + "\n"
