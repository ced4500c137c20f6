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
}

# --------------------------------------------------------------------------- the search index (site_plugins/search.py)
SEARCH: dict[str, str] = {
    "failed": "{site}: the search index (Pagefind) could not be written: {error}",
}

MESSAGES: dict[str, str] = {}
for _area, _texts in (("yaml", YAML), ("csv", CSV), ("import", IMPORT), ("build", BUILD), ("search", SEARCH)):
    MESSAGES.update({f"{_area}.{key}": value for key, value in _texts.items()})


def text(key: str, **slots: object) -> str:
    """The message `key` ("csv.not_utf8") with its slots filled in."""
    return MESSAGES[key].format(**slots)
