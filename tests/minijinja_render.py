"""A real `mkdocs build` in which every fragment heritage renders with Jinja2 is rendered again
with MiniJinja (the Rust engine Zensical uses, through its Python binding), run in a project
folder as `python -m tests.minijinja_render OUT`. One JSON line per fragment goes to OUT/<pid>.jsonl
(the languages are built in forked processes): its template and whether MiniJinja's output is
the same as Jinja2's, differs (with both texts) or fails (with the error).
"""

from __future__ import annotations

import json
import os
import sys
from functools import lru_cache
from pathlib import Path

import minijinja

from heritage import i18n, urls
from heritage.pages import renderer
from heritage.sections import COLUMN, ENTRY_SECTIONS

TEMPLATES = Path(renderer.__file__).parent / "templates"


def _source(name: str) -> str | None:
    path = TEMPLATES / name
    return path.read_text(encoding="utf-8") if path.is_file() else None


@lru_cache(maxsize=1)
def environment() -> minijinja.Environment:
    """The same settings as heritage.pages.renderer.environment(), in MiniJinja."""
    return minijinja.Environment(
        loader=_source,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined_behavior="strict",
        auto_escape_callback=lambda name: name.endswith(".html"),
        filters={"day": i18n.format_day, "month": i18n.format_month},
        globals={"sections": ENTRY_SECTIONS, "column": COLUMN, "urls": urls},
    )


def install(out: Path) -> None:
    jinja_render = renderer.Renderer.render

    def render(self, template: str, **context) -> str:
        html = jinja_render(self, template, **context)
        record = {"template": template, "lang": self.lang}
        try:
            other = renderer._compact(environment().render_template(template, r=self, lang=self.lang, inv=self.inv, **context))
            record.update(result="same" if other == html else "different", jinja=html, minijinja=other)
        except Exception as exc:  # noqa: BLE001 - what MiniJinja refuses is the finding
            record.update(result="error", error=str(exc).splitlines()[0])
        with (out / f"{os.getpid()}.jsonl").open("a", encoding="utf-8") as file:
            file.write(json.dumps(record, ensure_ascii=False) + "\n")
        return html

    renderer.Renderer.render = render


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    install(out)
    from mkdocs.__main__ import cli

    cli(["build", "--strict"], standalone_mode=False)


if __name__ == "__main__":
    main()
