"""The live preview (`mkdocs serve`, behind `make serve` and `make edit`) never stops on a content error.

`mkdocs build` refuses content with errors (exit 1). The preview cannot: a build error
leaves `mkdocs serve` waiting, /admin/ and every page stop answering, and the only message
is in a terminal the person editing never sees. So under `serve` the hooks ask this module
for the content to build with and the problems to show:

- pages are built from the last content that loaded without errors (the current content,
  when nothing has loaded cleanly yet: its broken files are left out, as the loader does);
- the problems (the same text as `make check`) are kept in one `Preview` the page template
  reads (a red banner, `role="alert"`) and written to /admin/problems.json for the editor;
- once the content is fixed, the next rebuild has no problems and no banner.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar
from pathlib import Path

from heritage.checks import run as checks
from heritage.content import translations
from heritage.content.loader import cached_inventory
from heritage.content.settings import effective_site_url
from heritage.media.library import MediaLibrary
from heritage.pages.site import Site, load_site
from heritage.problems import ContentError, Problem, format_problems, problem_block, problems_json
from heritage.sections import LANGUAGES

PROBLEMS_FILE = "admin/problems.json"

HEADING = (
    "Nội dung đang có lỗi: trang xem trước chưa đổi theo phần lỗi. Sửa từng lỗi dưới đây (trong trình biên tập hoặc trong tệp); khi hết lỗi, dòng đỏ này tự mất.",
    "The content has errors: the preview does not show the faulty part yet. Fix each problem below (in the editor or in the file); once all are fixed, this red banner goes away.",
)

UNBUILT = (
    "Phần này của trang xem trước chưa dựng được vì các lỗi nội dung ở trên; sửa chúng là trang hiện lại.",
    "This part of the preview cannot be built because of the content errors above; fixing them brings it back.",
)
T = TypeVar("T")

# Problems found in the pages' Markdown (what `make check` adds), per state of the content.
_MARKDOWN: dict[Path, tuple[object, list[Problem]]] = {}
_MARKDOWN_FILES: dict[Path, dict] = {}  # per root: each page's problems by its size and time
_CHECKED_FILES: dict[Path, dict] = {}  # per root: each file's content checks (heritage.memo)
_LAST_GOOD: dict[Path, Site] = {}


@dataclass
class Preview:
    """What one preview build shows: the Site to build with, and what is wrong with the content."""

    site: Site
    problems: list[Problem] = field(default_factory=list)
    stale: bool = False  # the pages come from the last content without errors

    def add(self, found: list[Problem]) -> None:
        """Problems found while building (a page's rendered HTML): kept once each."""
        self.problems = list(dict.fromkeys([*self.problems, *found]))

    def shielded(self, file: str, fallback: T, work: Callable[[], T]) -> T:
        """`work()`, or `fallback` when it fails while the content has errors: the pages are then
        built from content the checks refused (a trail whose stop was left out…), and a page or
        output that cannot be made must not stop the preview. With no content error, a failure
        is a bug and is raised as it is."""
        try:
            return work()
        except ContentError:
            raise  # the caller lists its problems
        except Exception:  # noqa: BLE001 - only while the banner already lists content errors
            if not any(p.is_error for p in self.problems):
                raise
            self.add([Problem(file, *UNBUILT)])
            return fallback

    def banner(self) -> Banner | None:
        """What the page template prints at the top of every page; None when all is well."""
        if not self.problems:
            return None
        return Banner(HEADING[0], HEADING[1], tuple(format_problem_block(p) for p in self.problems), format_problems(self.problems).splitlines()[-1])

    def as_json(self) -> str:
        """/admin/problems.json: its shape is in the README (make edit)."""
        return problems_json(self.problems, self.stale)

    def write_json(self, site_root: Path) -> None:
        path = Path(site_root) / PROBLEMS_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.as_json() + "\n", encoding="utf-8")


@dataclass(frozen=True)
class Banner:
    """Plain text only: the template escapes every piece (they quote what an editor wrote)."""

    heading_vi: str
    heading_en: str
    items: tuple[str, ...]
    count: str


def format_problem_block(p: Problem) -> str:
    """One problem as `make check` prints it, with its file (and line) first."""
    return problem_block(p)


def _markdown_problems(root: Path, inventory) -> list[Problem]:
    """The pages' own problems (raw HTML, broken links), rendered again only when a file changed."""
    hit = _MARKDOWN.get(root)
    if hit and hit[0] is inventory:
        return hit[1]
    found = [p for p in checks.markdown_problems(root, _MARKDOWN_FILES.setdefault(root, {})) if p.is_error]
    _MARKDOWN[root] = (inventory, found)
    return found


def _current_site(root: Path, configured_url: str) -> Site:
    """The current content with its errors: the loader leaves broken files out, the rest builds."""
    inventory = cached_inventory(root)
    media = MediaLibrary(root, inventory, {lang: inventory.settings.site_name(lang) for lang in LANGUAGES}, _CHECKED_FILES.setdefault(root, {}))
    media.prepare()  # its problems are already among the content's
    pairs = translations.survey(root, _CHECKED_FILES.setdefault(root, {}))
    return Site(root, inventory, effective_site_url(inventory.settings, configured_url), pairs, media)


def load_preview(root: Path, configured_url: str = "") -> Preview:
    """The Site to preview with and every content error; never raises ContentError."""
    root = Path(root).resolve()
    try:
        site = load_site(root, configured_url, _CHECKED_FILES.setdefault(root, {}))
    except ContentError as exc:
        problems = exc.problems
    else:
        _LAST_GOOD[root] = site
        return Preview(site, _markdown_problems(root, site.inventory))
    problems = [*problems, *_markdown_problems(root, cached_inventory(root))]
    last = _LAST_GOOD.get(root)
    if last is not None:
        return Preview(last, list(dict.fromkeys(problems)), stale=True)
    return Preview(_current_site(root, configured_url), list(dict.fromkeys(problems)))
