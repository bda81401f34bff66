"""The announcer's script: the month's posts as plain Vietnamese text to read on the loudspeakers.

Loudspeakers in a street carry short sentences best: each line is one sentence of at most
MAX_WORDS words, cut at punctuation (then at commas, then evenly). No Markdown, links or
images are left; dates and a few signs are written as they are said.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import markdown

MAX_WORDS = 20
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


def _split_long(sentence: str) -> list[str]:
    """A sentence of more than MAX_WORDS words: cut at commas, then into even pieces."""
    words = sentence.split()
    if len(words) <= MAX_WORDS:
        return [sentence]
    clauses = [c.strip() for c in re.split(r"(?<=[,;:])\s+", sentence) if c.strip()]
    if len(clauses) > 1:
        out, current = [], ""
        for clause in clauses:
            joined = f"{current} {clause}".strip()
            if current and len(joined.split()) > MAX_WORDS:
                out += _split_long(current)
                current = clause
            else:
                current = joined
        return out + _split_long(current) if current else out
    pieces = -(-len(words) // MAX_WORDS)
    size = -(-len(words) // pieces)
    return [" ".join(words[i : i + size]) for i in range(0, len(words), size)]


def sentences(paragraph: str) -> list[str]:
    """Short lines: a sentence, or a part of a long one cut at a comma (which keeps its comma).
    A sentence's last line ends with its own full stop, or a period where it had none."""
    out = []
    for sentence in re.split(r"(?<=[.!?])\s+", speakable(paragraph)):
        pieces = [p.strip() for p in _split_long(sentence.strip()) if any(c.isalnum() for c in p)]
        if pieces and pieces[-1][-1] not in ".!?":
            pieces[-1] = pieces[-1].rstrip(",;:") + "."
        out += pieces
    return out


def word_count(lines: list[str]) -> int:
    """Vietnamese is written a syllable a word: whitespace counts what is said."""
    return sum(len(line.split()) for line in lines)


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


def month_script(site_name: str, month: dt.date, posts: list[tuple[str, dt.date, str]]) -> str:
    """The whole month's script. `posts`: (title, date, Markdown body), in reading order."""
    opening = [f"Sau đây là chuyên mục số của {site_name}, tháng {month.month} năm {month.year}."]
    closing = ["Chuyên mục số xin tạm dừng tại đây. Cảm ơn bà con đã lắng nghe."]
    blocks = [post_lines(*post) for post in posts]
    total = word_count(opening) + word_count(closing) + sum(word_count(b) for b in blocks)
    head = [
        f"KỊCH BẢN PHÁT THANH — {site_name.upper()} — THÁNG {month.month}/{month.year}",
        f"Thời lượng đọc ước tính: {say_duration(total)} ({total} tiếng, đọc {WORDS_PER_MINUTE} tiếng một phút).",
        "Mỗi dòng là một câu; nghỉ ngắn giữa các câu, nghỉ dài giữa các bài.",
        "",
    ]
    out = head + opening + [""]
    for index, block in enumerate(blocks, 1):
        out.append(f"[Bài {index}/{len(blocks)} — khoảng {say_duration(word_count(block))}]")
        out += block + [""]
    return "\n".join(out + closing) + "\n"
