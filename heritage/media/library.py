"""Every media file a site needs, prepared once per content state and published after the build."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from heritage import memo, urls
from heritage.column import audio as column_audio
from heritage.content.inventory import Inventory
from heritage.content.sources import media_path_error
from heritage.problems import Problem
from heritage.sections import COLUMN, ENTRY_SECTIONS, LANGUAGES

from .artwork import og_images, og_path, youtube_poster
from .audio_video import MediaError, PublishedMedia, prepare
from .cache import MediaCache, link_or_copy
from .images import WebImage, pool_context, publish, web_images


@dataclass(frozen=True)
class SocialCard:
    """Inputs of one social preview image."""

    title: str
    kicker: str
    site_name: str
    photo: Path | None
    alt: str  # what the card shows, for og:image:alt: the photo's own alt text, else its words


def _draw(photo: Path | None, cards: list[tuple[str, str, str, Path]]) -> None:
    """Worker: draw the cards that share one photo (separate process)."""
    og_images(photo, cards)


class MediaLibrary:
    def __init__(self, root: Path, inventory: Inventory, site_names: dict[str, str], memo: dict | None = None):
        self.root = root
        self.memo = memo  # the live preview's results per file (heritage.memo), kept across rebuilds
        self.inventory = inventory
        self.site_names = site_names
        self.cache = MediaCache.of_project(root)
        self.images: dict[str, WebImage] = {}
        self.av: dict[str, PublishedMedia] = {}
        self.posters: dict[tuple[str, str], WebImage] = {}
        self.social: dict[tuple[str, str], str] = {}  # (lang, page key) → site path of its card
        self._social_files: dict[str, Path] = {}
        self.social_alt: dict[tuple[str, str], str] = {}  # (lang, page key) → its card's alt text

    def original(self, source: str) -> Path:
        return self.root / urls.MEDIA_SOURCE / source

    # --- preparing -------------------------------------------------------------------

    def sources(self) -> list[str]:
        """Every original the site would publish, as '<id>/<path>' under data/media/."""
        keys = [urls.media_key(e.id, i.path) for e in self.inventory.entries.values() for i in e.data.media if i.kind != "youtube"]
        keys += [p.meta.cover for posts in self.inventory.posts.values() for p in posts if p.meta.cover]
        keys += column_audio.keys(self.inventory)
        return list(dict.fromkeys(keys))

    def prepare(self) -> list[Problem]:
        # Checked again here, where files are read to be published: never through a link,
        # never outside data/media/<id>/, whatever the checks before said.
        unsafe = [(key, media_path_error(self.root, key)) for key in self.sources()]
        problems = [Problem(f"{urls.MEDIA_SOURCE}/{key}", *error) for key, error in unsafe if error is not None]
        if problems:
            return problems
        problems = self._images()
        problems += self._audio_video()
        self._youtube_posters()
        self._social_cards()
        self.cache.save()
        return problems

    def _images(self) -> list[Problem]:
        sources: dict[str, None] = {}
        for entry in self.inventory.entries.values():
            for item in entry.data.media:
                if item.kind == "image":
                    sources[urls.media_key(entry.id, item.path)] = None
        for posts in self.inventory.posts.values():
            for post in posts:
                if post.meta.cover:
                    sources[post.meta.cover] = None
        self.images, problems = web_images([(self.original(s), s) for s in sources], self.cache)
        return problems

    def _audio_video(self) -> list[Problem]:
        problems = []
        for entry in self.inventory.entries.values():
            for item in entry.data.media:
                if item.kind in ("audio", "video"):
                    source = urls.media_key(entry.id, item.path)
                    try:
                        self.av[source] = prepare(self.original(source), source, item.kind, self.cache)
                    except MediaError as exc:
                        problems.append(exc.problem)
        for source in column_audio.keys(self.inventory):  # the column read aloud
            try:
                self.av[source] = prepare(self.original(source), source, "audio", self.cache)
            except MediaError as exc:
                problems.append(exc.problem)
        return problems

    def _youtube_posters(self) -> None:
        for entry in self.inventory.entries.values():
            for item in entry.data.media:
                if item.kind == "youtube":
                    for lang in LANGUAGES:
                        self.posters[(item.youtube, lang)] = youtube_poster(item.caption(lang), self.cache)

    def _photo_alts(self, lang: str) -> dict[str, str]:
        """Media key of every photo → its alt text in `lang` (a post's cover is an entry's photo)."""
        return {urls.media_key(e.id, i.path): i.alt(lang) for e in self.inventory.entries.values() for i in e.data.media if i.kind == "image" and i.alt is not None}

    def _cards(self) -> dict[tuple[str, str], SocialCard]:
        cards: dict[tuple[str, str], SocialCard] = {}
        for lang in LANGUAGES:
            site_name = self.site_names[lang]
            alts = self._photo_alts(lang)
            cards[(lang, "")] = SocialCard(site_name, "", site_name, None, site_name)
            for entry in self.inventory.entries.values():
                usable = [s for s in (urls.media_key(entry.id, i.path) for i in entry.data.media if i.kind == "image") if s in self.images]
                photo = self.original(usable[0]) if usable else None
                kicker = ENTRY_SECTIONS[entry.section].label(lang)
                alt = alts.get(usable[0]) if usable else None
                cards[(lang, entry.id)] = SocialCard(entry.name(lang), kicker, site_name, photo, alt or f"{entry.name(lang)} — {site_name}")
            for post in self.inventory.posts.get(lang, []):
                photo = self.original(post.meta.cover) if post.meta.cover in self.images else None
                kicker = COLUMN.label(lang)
                alt = alts.get(post.meta.cover) if photo is not None else None
                cards[(lang, f"post:{post.slug}")] = SocialCard(post.meta.title, kicker, site_name, photo, alt or f"{post.meta.title} — {site_name}")
        return cards

    def _og_target(self, key: tuple[str, str], c: SocialCard) -> Path:
        """Where a page's card is cached; in the preview, found again while its words and photo are the same."""
        return memo.per_file(self.memo, ("og", key), [c.photo] if c.photo else [], lambda: og_path(c.title, c.kicker, c.site_name, c.photo, self.cache), depends=(c.title, c.kicker, c.site_name, c.photo))

    def _social_cards(self) -> None:
        cards = self._cards()
        targets = {key: self._og_target(key, c) for key, c in cards.items()}
        by_photo: dict[Path | None, list[tuple[str, str, str, Path]]] = {}
        for key, target in targets.items():
            if not target.exists():
                card = cards[key]
                by_photo.setdefault(card.photo, []).append((card.title, card.kicker, card.site_name, target))
        # Pages without a photo share the red background: split them so that both cores get some.
        jobs = [(photo, todo[i : i + 8]) for photo, todo in by_photo.items() for i in range(0, len(todo), 8)]
        # A card is ~50 ms, its photo's background ~50 ms more: worth both cores beyond a handful.
        if len(jobs) > 4 and (os.cpu_count() or 1) > 1:
            with ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=pool_context()) as pool:
                list(pool.map(_draw, *zip(*jobs), chunksize=4))
        else:
            for photo, todo in jobs:
                _draw(photo, todo)
        self.social = {key: f"media/og/{target.name}" for key, target in targets.items()}
        self.social_alt = {key: card.alt for key, card in cards.items()}
        self._social_files = {f"media/og/{t.name}": t for t in targets.values()}

    # --- publishing ------------------------------------------------------------------

    def publish(self, site_dir: Path) -> None:
        for image in [*self.images.values(), *self.posters.values()]:
            publish(image, self.cache, site_dir)
        entry_media = {urls.media_key(e.id, i.path) for e in self.inventory.entries.values() for i in e.data.media}
        for source, media in self.av.items():
            if media.poster is not None:
                publish(media.poster, self.cache, site_dir)
            # A post's recording is published as its -16 LUFS MP3 episode (column/podcast.py),
            # the only copy its page and the feed link: its original (often a large WAV) stays out.
            if source in entry_media:
                link_or_copy(media.cache_file(self.cache), site_dir / media.url)
        self.publish_cards(site_dir)

    def publish_cards(self, site_dir: Path, missing_only: bool = False) -> None:
        """The share-preview cards; `missing_only` (the live preview, no media changed): those
        not yet in the site, as a renamed entry's new card."""
        for url, path in self._social_files.items():
            if not (missing_only and (site_dir / url).exists()):
                link_or_copy(path, site_dir / url)
