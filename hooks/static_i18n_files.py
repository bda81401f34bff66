"""MkDocs adapter for static-i18n under `mkdocs serve --dirty` (make serve, make edit).

Not a hook file of mkdocs.yml: heritage_hooks.py calls `keep_files()` when the live preview
builds only what a change reaches. It knows static-i18n's internals, so it lives beside the
other adapters, never in the MkDocs-free package.
"""

from __future__ import annotations


def keep_files() -> None:
    """Under `serve --dirty`: static-i18n (1.3) makes a new File of each of the 2,000 files, per
    language and per build, from nothing but the file's paths and the configuration (1 s of a
    refresh at 1,000 entries). The same inputs give a copy of the File it made last time, with
    its own alternates (static-i18n fills them in); any other version of it is left alone. Its
    test of each file's folder (a pure function of two paths) is kept too."""
    from functools import lru_cache

    from mkdocs_static_i18n import folder, reconfigure

    made = getattr(folder.create_i18n_file, "heritage_made", None)
    if made is not None or not callable(getattr(folder, "create_i18n_file", None)):
        return
    create, made = folder.create_i18n_file, {}

    def create_kept(file, current_language, default_language, all_languages, config):
        key = (file.src_path, file.dest_path, file.dest_uri, file.inclusion, file.abs_src_path, current_language, default_language,
               tuple(all_languages), config.docs_dir, config.site_dir, config.use_directory_urls)
        if key not in made:
            made[key] = create(file, current_language, default_language, all_languages, config)
        first = made[key]
        kept = object.__new__(type(first))  # copy.copy, without its generic protocol
        kept.__dict__.update(first.__dict__)
        kept.alternates = {current_language: kept}
        return kept

    create_kept.heritage_made = made
    folder.create_i18n_file = create_kept
    # Whether each file is under docs/: a question of two strings, asked per file and per build.
    reconfigure.is_relative_to = lru_cache(maxsize=None)(reconfigure.is_relative_to)
