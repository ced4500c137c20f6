"""The site's search: a Pagefind index of the built site, in Danish.

`index_site(site_dir)` runs Pagefind (the binary from the `pagefind[bin]` package, through its
Python API) over the HTML files MkDocs wrote and puts the search bundle (library, index,
fragments, the search UI) in `site_dir/pagefind/`. The plugin calls it from on_post_build, so
`mkdocs build` and every `mkdocs serve` rebuild index the site they wrote.

What is indexed is decided in the HTML:
- only pages whose <article> carries `data-pagefind-body` (overrides/main.html sets it unless the
  page's front matter says `search: {exclude: true}`, as the staff guide's does): the header,
  navigation, table of contents and footer are never indexed;
- inside them, `data-pagefind-ignore` leaves out data tables and the numbers behind charts (the
  templates set it), and EXCLUDE below the chart specs and Material's page actions;
- the templates add the filters (jobcentre, year, document kind), the meta shown in results
  (a revision's overview line, a goal's result sentence) and weights.
"""
from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from generator import messages

FOLDER = "pagefind"
LANGUAGE = "da"
# Elements left out of the text of an indexed page, besides those marked data-pagefind-ignore:
# a chart's live view and SVG fallback (their text is the chart's labels; the figure's caption
# and text alternative are indexed), tables' column headers (run together without their rows),
# Material's edit button, and heading permalinks (¶).
EXCLUDE = [".jc-chart", "thead", ".md-content__button", ".headerlink"]


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


def index_site(site_dir: str | Path) -> int:
    """Index the HTML pages in site_dir and write the search bundle to site_dir/pagefind/
    (replacing the one an earlier build left). Returns the number of pages in the index."""
    site = Path(site_dir).resolve()
    out = site / FOLDER
    shutil.rmtree(out, ignore_errors=True)  # an earlier build's bundle: never indexed, never kept
    try:
        asyncio.run(_index(site, out))
        entry = json.loads((out / "pagefind-entry.json").read_text(encoding="utf-8"))
    except Exception as e:  # the binary's own message says what went wrong
        raise SearchIndexError(messages.text("search.failed", site=site, error=e)) from None
    return sum(language["page_count"] for language in entry["languages"].values())


async def _index(site: Path, out: Path) -> None:
    config = IndexConfig(force_language=LANGUAGE, exclude_selectors=EXCLUDE, output_path=str(out))
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(site))
