"""The web editor at /admin/ (Decap CMS): its configuration, generated from the schema, and its page.

One module per concern: `words` (labels, hints, refusals), `fields` (types to widgets),
`collections` (the form's collections and config.yml), `page` (/admin/ in the built site).

Why generated: the form and `make check` must never disagree. Every field of every
section comes from `content.schema` (names, required or not, number ranges, length
limits, id patterns), every choice from `data/vocabulary.yml` (values and both labels),
every section from `sections.py`, and the words of the form's refusals from
`content.messages` (the same sentences `make check` prints). `tests/test_cms.py` walks
the schema again and fails when the two drift.

Trails (data/trails/<id>.yml and their two pages) are a collection like a section's: their
stops pick an entry from a list written here at build time from the inventory (only entries
with coordinates, the ones `make check` accepts as stops).

The editor's own behaviour (one form writing three files, the column's two languages
side by side, the English page's `translated_from`, the preview) is in `admin/` (one script
per concern, `admin/heritage-cms.js` says which; `page.INDEX` loads them, hx-config.js first);
the Decap bundle is copied from `node_modules/decap-cms/dist/` (npm), never from a CDN.
"""
