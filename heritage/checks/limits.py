"""Bounds on a page's Markdown: what would make Python-Markdown take minutes or recurse too deep.

Measured with the build's extensions (`checks.run.MARKDOWN_EXTENSIONS`) on one core:
- unclosed or nested brackets: 2,000 unclosed '[' took 11 s, 5,000 nested 50 s (quadratic);
- HTML tags left open ('<b x' with no '>'): 8,000 took 6.6 s, doubling fourfold (quadratic);
- entities ('&amp;'): 40,000 took 5 s, 80,000 17 s (quadratic);
- nesting: lists nested 800 deep ('- - - … a'), HTML blocks with `markdown` 400 deep and indented
  blocks 300 deep end in a RecursionError, in Python-Markdown or in what reads its tree.
Emphasis, code spans, closed tags, tables and headings stay linear. The page's size is bounded
when it is read (`sources.MAX_PAGE_BYTES`). No real page comes near these limits: a story has a
handful of links and tags, and three or four levels of nesting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from heritage.problems import Problem

MAX_UNCLOSED_BRACKETS = 100
MAX_BRACKET_DEPTH = 30
MAX_UNCLOSED_TAGS = 100
MAX_ENTITIES = 5_000
MAX_DEPTH = 20  # lists, block quotes, indented blocks and HTML elements, one inside another

_TAB = 4  # Python-Markdown's indentation step
_ENTITY = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});")
# An HTML tag as Python-Markdown sees one: '<' then a letter or '/'. No nested quantifiers.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
# Elements whose end tag HTML lets authors leave out: not nesting unless Markdown is read inside.
_OPTIONAL_END = frozenset("p li dt dd tr td th thead tbody tfoot colgroup caption option optgroup rp rt".split())


def _tags(body: str):
    """Each tag start with the offsets of the next '>' and the next '<' after it (-1: none).
    The two look-aheads only move forward, so the whole scan stays linear."""
    next_gt = next_lt = 0
    for match in _TAG.finditer(body):
        start = match.end()
        if 0 <= next_gt < start:
            next_gt = body.find(">", start)
        if 0 <= next_lt < start:
            next_lt = body.find("<", start)
        yield match, next_gt, next_lt


@dataclass(frozen=True)
class _Excess:
    """One bound a page goes over: how much, where, and in which words."""

    found: int
    limit: int
    index: int | None  # offset in the body where it is first crossed
    what_vi: str
    what_en: str
    fix_vi: str
    fix_en: str


def _brackets(body: str) -> _Excess | None:
    depth = deepest = 0
    where = None
    for index, char in enumerate(body):
        if char == "[":
            depth += 1
            if depth > deepest:
                deepest = depth
                if depth == MAX_BRACKET_DEPTH + 1:
                    where = index
        elif char == "]" and depth:
            depth -= 1
    unclosed = max(body.count("[") - body.count("]"), body.count("(") - body.count(")"))
    if deepest <= MAX_BRACKET_DEPTH and unclosed <= MAX_UNCLOSED_BRACKETS:
        return None
    over_depth = deepest > MAX_BRACKET_DEPTH
    return _Excess(
        deepest if over_depth else unclosed,
        MAX_BRACKET_DEPTH if over_depth else MAX_UNCLOSED_BRACKETS,
        where if over_depth else None,
        "dấu ngoặc [ ( lồng nhau" if over_depth else "dấu ngoặc [ ( chưa đóng",
        "nested brackets [ (" if over_depth else "unclosed brackets [ (",
        "Đóng các dấu ngoặc, hoặc xóa đoạn ký tự lặp lại này.",
        "Close the brackets, or remove this run of repeated characters.",
    )


def _unclosed_tags(body: str) -> _Excess | None:
    """'<' and a letter with no '>' before the next '<': Python-Markdown re-reads the rest of
    the page for each one."""
    count, where = 0, None
    for match, end, following in _tags(body):
        if end < 0 or (0 <= following < end):
            count += 1
            if count == MAX_UNCLOSED_TAGS + 1:
                where = match.start()
    if count <= MAX_UNCLOSED_TAGS:
        return None
    return _Excess(
        count,
        MAX_UNCLOSED_TAGS,
        where,
        "dấu < mở thẻ HTML hoặc liên kết mà không có dấu > đóng",
        "'<' opening an HTML tag or a link with no closing '>'",
        "Đóng mỗi thẻ bằng dấu >, viết liên kết dạng [chữ](https://…), hoặc viết dấu nhỏ hơn là &lt;.",
        "Close each tag with '>', write links as [text](https://…), or write a less-than sign as &lt;.",
    )


def _entities(body: str) -> _Excess | None:
    count, where = 0, None
    for match in _ENTITY.finditer(body):
        count += 1
        if count == MAX_ENTITIES + 1:
            where = match.start()
    if count <= MAX_ENTITIES:
        return None
    return _Excess(
        count,
        MAX_ENTITIES,
        where,
        "mã ký tự HTML (dạng &amp; hoặc &#123;)",
        "HTML character references (like &amp; or &#123;)",
        "Gõ thẳng ký tự thay cho mã (tiếng Việt gõ trực tiếp được), hoặc xóa đoạn bị dán lặp lại.",
        "Type the characters themselves instead of their codes, or remove the part pasted over and over.",
    )


def _prefix_depth(line: str) -> int:
    """Containers opened at the start of one line: indentation steps, '>' and list markers."""
    depth, i, n, column = 0, 0, len(line), 0
    while i < n:
        char = line[i]
        if char in " \t":
            if not depth:  # indentation before any marker; after one, only a separator
                column += 1 if char == " " else _TAB - column % _TAB
        elif char == ">":
            depth += 1
        elif char in "-*+" and i + 1 < n and line[i + 1] in " \t":
            depth += 1
        elif char.isdigit():
            j = i
            while j < n and j - i < 9 and line[j].isdigit():
                j += 1
            if j < n - 1 and line[j] in ".)" and line[j + 1] in " \t":
                depth += 1
                i = j
            else:
                break
        else:
            break
        i += 1
    return depth + column // _TAB


def _nesting(body: str) -> _Excess | None:
    """The deepest of: containers at the start of a line, and HTML elements open at once."""
    deepest, where = 0, None
    offset = 0
    for line in body.split("\n"):
        depth = _prefix_depth(line)
        if depth > deepest:
            deepest = depth
            if where is None and depth > MAX_DEPTH:
                where = offset
        offset += len(line) + 1
    open_tags = 0
    for match, close, _ in _tags(body):
        name = match.group(2).lower()
        text = body[match.start() : min(close, match.start() + 1000)] if close > 0 else ""  # bounded: stays linear
        if name in _VOID or (close > 0 and body[close - 1] == "/") or (name in _OPTIONAL_END and "markdown" not in text):
            continue  # opens nothing (<br>, <x/>), or may be left open (<p>, <li>)
        open_tags = max(open_tags - 1, 0) if match.group(1) else open_tags + 1
        if open_tags > deepest:
            deepest = open_tags
            if where is None and open_tags > MAX_DEPTH:
                where = match.start()
    if deepest <= MAX_DEPTH:
        return None
    return _Excess(
        deepest,
        MAX_DEPTH,
        where,
        "tầng lồng nhau (danh sách, trích dẫn >, đoạn thụt lề, thẻ HTML)",
        "levels of nesting (lists, > quotes, indented blocks, HTML elements)",
        "Viết phẳng lại: danh sách con tối đa vài tầng, đóng mỗi thẻ HTML đã mở, bỏ thụt lề thừa.",
        "Flatten it: nest lists a few levels at most, close every HTML element you open, remove extra indentation.",
    )


def story_problems(rel: str, body: str, body_line: int) -> list[Problem]:
    """A page built to stall or crash the build, each bound that it crosses as one error;
    `body_line` is the file's line of the body's first line."""
    out = []
    for excess in (_brackets(body), _unclosed_tags(body), _entities(body), _nesting(body)):
        if excess is None:
            continue
        out.append(
            Problem(
                rel,
                f"Trang có quá nhiều {excess.what_vi}: {excess.found}, tối đa {excess.limit}. Tạo trang này sẽ mất hàng phút hoặc bị lỗi.",
                f"The page has too many {excess.what_en}: {excess.found}, at most {excess.limit}. Building it would take minutes or fail.",
                excess.fix_vi,
                excess.fix_en,
                line=body_line + body.count("\n", 0, excess.index) if excess.index is not None else None,
            )
        )
    return out
