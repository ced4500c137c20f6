"""Every page and file of the site, from a loaded dataset. The plugin's one entry point."""
from __future__ import annotations

from pathlib import Path

from . import charts, opendata, overview, pages, scorecard
from .loader import Dataset


def all_pages(dataset: Dataset, svg_cache: Path | None = None) -> list[pages.Page]:
    out = pages.build_pages(dataset, svg_cache)
    by_folder = {p.folder: p for p in out}
    for doc in dataset.documents:
        page = by_folder.get(pages.doc_folder(doc))
        if page is not None:
            page.assets.update(opendata.document_files(dataset, doc))
    out.append(scorecard.scorecard_page(dataset, svg_cache))
    out.append(opendata.data_page(dataset))
    out.extend(overview.overview_pages(dataset))
    charts.render_pending()
    return out
