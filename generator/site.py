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


def write_if_changed(target: Path, data: bytes) -> Path:
    """Write data to target unless it holds them already: an unchanged file keeps its time, so
    that `mkdocs serve --dirty` sees it unchanged."""
    try:
        same = target.stat().st_size == len(data) and target.read_bytes() == data
    except OSError:
        same = False
    if not same:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
    return target


def spill(page: pages.Page, files_dir: Path) -> None:
    """Write the page's files (CSV, open data) to files_dir, where MkDocs copies them from, and
    keep only their paths: at national scale they were ~200 MB held until the build ended."""
    for path, content in page.assets.items():
        if not isinstance(content, Path):
            data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
            page.assets[path] = write_if_changed(files_dir / path, data)


def document_pages(dataset: Dataset, svg_cache: Path | None = None, memo: Memo | None = None,
                   site_wide: opendata.SiteWide | None = None, files_dir: Path | None = None) -> list[pages.Page]:
    """A page per document with its files. A document's page may use the other documents of its
    jobcentre and year (a plan shows the revision's results) and the registry, nothing else.
    site_wide, if given, gets each document's open-data rows (for the site-wide files);
    files_dir, if given, gets the pages' files (see spill)."""
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

        if memo is None:
            page, doc_parts = make()
        else:
            page, doc_parts = memo.get(doc.path, (registry, *same_year[(doc.jobcentre, doc.year)]), make)
        if site_wide is not None:
            site_wide.add(doc_parts)
        if files_dir is not None:
            spill(page, files_dir)
        out.append(page)
    return out


def all_pages(dataset: Dataset, svg_cache: Path | None = None, memo: Memo | None = None,
              wait_for_svgs: bool = True, files_dir: Path | None = None) -> list[pages.Page]:
    """wait_for_svgs=False: new SVG fallbacks may still be rendering when this returns
    (see charts.render_pending). files_dir: where the pages' files are written (see spill);
    without it they are held in memory."""
    charts.use_cache(svg_cache)
    site_wide = opendata.SiteWide(opendata.DATA_PAGE)
    out = document_pages(dataset, svg_cache, memo, site_wide, files_dir)
    rest = [*scorecard.scorecard_pages(dataset, svg_cache), opendata.data_page(dataset, site_wide),
            *overview.overview_pages(dataset)]
    if files_dir is not None:
        for page in rest:
            spill(page, files_dir)
    charts.render_pending(wait=wait_for_svgs)
    return out + rest
