"""Every page and file of the site, from a loaded dataset. The plugin's one entry point."""
from __future__ import annotations

from pathlib import Path

from . import charts, opendata, overview, pages, scorecard
from .loader import Dataset


class Memo:
    """Document pages made by an earlier build in this process (`mkdocs serve`), reused while
    the objects they were made from are the same. loader.LoadCache hands out the same document
    objects for files that did not change, so a rebuild after one change re-renders only the
    pages of that document's jobcentre and year."""

    def __init__(self):
        self.entries: dict = {}

    def get(self, key, inputs: tuple, make):
        """inputs are compared by identity, strings by value; they are kept, so ids stay unique."""
        fingerprint = tuple(x if isinstance(x, str) else id(x) for x in inputs)
        hit = self.entries.get(key)
        if hit is not None and hit[0] == fingerprint:
            return hit[2]
        value = make()
        self.entries[key] = (fingerprint, inputs, value)
        return value


def document_pages(dataset: Dataset, svg_cache: Path | None = None, memo: Memo | None = None,
                   parts: dict | None = None) -> list[pages.Page]:
    """A page per document with its files. A document's page may use the other documents of its
    jobcentre and year (a plan shows the revision's results) and the registry, nothing else.
    parts, if given, gets each document's open-data rows by its path (for the site-wide files)."""
    memo = memo or Memo()
    registry = dataset.registry.model_dump_json()
    same_year: dict[tuple[str, int], list] = {}
    for doc in dataset.documents:
        same_year.setdefault((doc.jobcentre, doc.year), []).append(doc.model)
    out = []
    for doc in dataset.documents:
        builder = pages.PAGE_BUILDERS.get(doc.kind)
        if builder is None:
            continue

        def make(doc=doc, builder=builder) -> tuple[pages.Page, dict]:
            page = builder(dataset, doc, svg_cache)
            files, doc_parts = opendata.document_files(doc)
            page.assets.update(files)
            for table in doc.model.tables:
                table.release_records()  # made again if a rebuild needs them; ~100 KB a document
            return page, doc_parts

        page, doc_parts = memo.get(doc.path, (registry, *same_year[(doc.jobcentre, doc.year)]), make)
        if parts is not None:
            parts[doc.path] = doc_parts
        out.append(page)
    return out


def all_pages(dataset: Dataset, svg_cache: Path | None = None, memo: Memo | None = None,
              wait_for_svgs: bool = True) -> list[pages.Page]:
    """wait_for_svgs=False: new SVG fallbacks may still be rendering when this returns
    (see charts.render_pending)."""
    charts.use_cache(svg_cache)
    parts: dict = {}
    out = document_pages(dataset, svg_cache, memo, parts)
    out.extend(scorecard.scorecard_pages(dataset, svg_cache))
    out.append(opendata.data_page(dataset, parts))
    out.extend(overview.overview_pages(dataset))
    charts.render_pending(wait=wait_for_svgs)
    return out
