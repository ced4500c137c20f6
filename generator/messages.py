"""Every message the data tools show to staff, in one place: validate, the build, new and import.

Each message has a key and a text with {named} slots; code says `messages.text("csv.not_utf8",
byte="0x96")`. The texts are English for now; the staff's Danish wording (a separate issue)
changes this file only. Keep the areas apart: each has its own dict below.
"""
from __future__ import annotations

# --------------------------------------------------------------------------- YAML files and models
YAML: dict[str, str] = {
}

# --------------------------------------------------------------------------- CSV files (tables, series)
CSV: dict[str, str] = {
}

# --------------------------------------------------------------------------- import of exports
IMPORT: dict[str, str] = {
}

# --------------------------------------------------------------------------- the site build and the cache
BUILD: dict[str, str] = {
    "cache_unwritable": "{path}: the build cannot write its cache ({reason}); make .cache/ writable, or delete it "
                        "(it is made again); the published site was kept as it was",
    "cache_changed": "{path}: this cache entry changed while the build used it (another program writing in "
                     ".cache/?); build again; the published site was kept as it was",
    "cache_damaged": "{path}: this cache entry was damaged (cut short, changed, copied from another entry, or not "
                     "a file); it is made again",
    "slug_is_site_folder": "the slug {slug!r} is the name of a folder the site itself writes ({folders}); "
                           "choose another slug",
    "slug_is_docs_name": "the slug {slug!r} is also the name of a page or folder of the hand-written pages "
                         "({docs}); rename one of them",
    "docs_at_generated": "{docs} has the address {url} of the page made from this file; rename or move {docs} "
                         "(the generator never replaces what you wrote)",
    "docs_in_site_folder": "the address {url} is a page the site makes itself; rename or move this file",
    "generated_twice": "the page {url} is made from this file and also from {other}; give one of them another name",
    "page_failed": "the page made from this file could not be made ({error}); this is a fault of the "
                   "generator that this file's content brings out: please report it with the file",
    "build_failed": "the site could not be made ({error}); this is a fault of the generator: please report it "
                    "(`mkdocs build -v` shows where it happened)",
    "site_kept": "the build failed; the published site in {site} was kept as it was",
}

MESSAGES: dict[str, str] = {}
for _area, _texts in (("yaml", YAML), ("csv", CSV), ("import", IMPORT), ("build", BUILD)):
    MESSAGES.update({f"{_area}.{key}": value for key, value in _texts.items()})


def text(key: str, **slots: object) -> str:
    """The message `key` ("csv.not_utf8") with its slots filled in."""
    return MESSAGES[key].format(**slots)
