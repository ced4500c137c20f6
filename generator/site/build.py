"""Every page and file of the site, from a loaded dataset. The plugin's one entry point."""
from __future__ import annotations

import contextlib
import logging
import os
import pickle
import signal
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from generator.site import cache

from generator.views import charts

from generator import messages

from generator.site import opendata

from generator.site import listings as overview

from generator.views import page as pages

from generator.site import scorecard
from generator.data.csvdata import display_path
from generator.data.errors import DataError, DataIssue
from generator.data.loader import Dataset


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


def write_if_changed(files_dir: Path, path: str, data: bytes) -> Path:
    """Write data as the entry `path` (a site path) of the generated files' cache (see
    generator/site/cache.py) unless it holds them already: an unchanged entry keeps its time, so that
    `mkdocs serve --dirty` sees it unchanged. Returns the entry's file."""
    return cache.Store(files_dir).put_if_changed(path, data)


def spill(page: pages.Page, files_dir: Path) -> None:
    """Write the page's files (CSV, open data) to files_dir, where the plugin copies them from,
    and keep only their entries' paths: at national scale they were ~200 MB held until the
    build ended."""
    for path, content in page.assets.items():
        if not isinstance(content, Path):
            data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
            page.assets[path] = write_if_changed(files_dir, path, data)


def document_pages(dataset: Dataset, svg_cache: Path | None = None, memo: Memo | None = None,
                   site_wide: opendata.SiteWide | None = None, files_dir: Path | None = None,
                   processes: int | None = None, meanwhile=None) -> list[pages.Page]:
    """A page per document with its files. A document's page may use the other documents of its
    jobcentre and year (a plan shows the revision's results) and the registry, nothing else.
    site_wide, if given, gets each document's open-data rows (for the site-wide files);
    files_dir, if given, gets the pages' files (see spill).

    processes: 2 makes the later pages in a forked process (see Forked); None does so in a
    one-off build (no memo) of a large site on a machine with two cores or more. meanwhile, if
    given, is called once the pages of this process are made (while the child may still work)."""
    registry = dataset.registry.model_dump_json()
    same_year: dict[tuple[str, int], list] = {}
    for doc in dataset.documents:
        same_year.setdefault((doc.jobcentre, doc.year), []).append(doc.model)
    work = [(doc, builder) for doc in dataset.documents if (builder := pages.PAGE_BUILDERS.get(doc.kind))]

    def make(doc, builder) -> tuple[pages.Page, dict]:
        with blamed_on(doc):
            return _make(doc, builder)

    def _make(doc, builder) -> tuple[pages.Page, dict]:
        page = builder(dataset, doc, svg_cache)
        files, doc_parts = opendata.document_files(doc)
        page.assets.update(files)
        for table in doc.model.tables:
            table.release_records()  # made again if a rebuild needs them; ~100 KB a document
        if files_dir is not None:
            spill(page, files_dir)
        return page, doc_parts

    def made(doc, builder) -> tuple[pages.Page, dict]:
        if memo is None:
            return make(doc, builder)
        return memo.get(doc.path, (registry, *same_year[(doc.jobcentre, doc.year)]), lambda: make(doc, builder))

    if processes is None:
        processes = 2 if memo is None and svg_cache is not None and len(work) >= FORK_FROM and _can_fork() else 1
    child = None
    if processes > 1:
        # the parent's share comes first (the site-wide files keep the dataset's order); it also
        # adds every page's rows to the site-wide files, reads the child's results and does
        # what comes meanwhile (the overview pages): ~40 % of the pages keeps both busy
        mine = len(work) * (4 if meanwhile else 5) // 10
        child = Forked(work[mine:], lambda item: make(*item))
        work = work[:mine]
    out = []

    def take(results) -> None:
        for page, doc_parts in results:
            if site_wide is not None:
                site_wide.add(doc_parts)
            out.append(page)

    try:
        take(made(*item) for item in work)
        if meanwhile is not None:
            meanwhile()
        if child is not None:
            take(child)
    except BaseException:
        if child is not None:
            child.kill()
        raise
    return out


@contextlib.contextmanager
def blamed_on(doc):
    """An unexpected error while making a document's page becomes a message naming the document's
    file (a DataError), so that the build stops with a message, not a traceback."""
    try:
        yield
    except (DataError, cache.CacheError):
        raise
    except Exception as e:  # noqa: BLE001 - reported with the file that brought it out
        logging.getLogger("mkdocs.plugins.jobcentres").debug("while making %s", doc.path, exc_info=True)
        error = f"{type(e).__name__}: {e}"
        raise DataError([DataIssue(display_path(doc.path), None, "",
                                   messages.text("build.page_failed", error=error))]) from None


FORK_FROM = 100  # documents; below, a build takes a few seconds and a second process gains little


def _can_fork() -> bool:
    """Linux only: macOS' system libraries are not safe in a forked child (Python's own
    multiprocessing spawns there), Windows has no fork."""
    return sys.platform == "linux" and (os.cpu_count() or 1) >= 2


class Forked:
    """make(item) for each item in a forked process while the caller goes on; iterating gives
    the results in order, waiting for the child when first read.

    A warm national build spent ~50 s making document pages on one core of two while the other
    waited. The child shares the loaded dataset with the parent (fork: nothing is copied or
    loaded twice) and writes each result to a temporary file as it comes (pickled; the parts of
    the site-wide files as bytes), then the SVGs it promised (charts.svg_file) and what it
    logged; the parent reads them back one at a time. An error in the child is raised in the
    parent as it was raised (a DataError keeps its messages). Only for builds that render no SVG
    in this process (a chart cache is given): vl-convert's runtime does not survive a fork."""

    def __init__(self, items: list, make):
        self.out = tempfile.TemporaryFile(prefix="jc-pages-")
        pending_before = set(charts._pending)
        self.pid = os.fork()
        if self.pid == 0:
            self._child(items, make, pending_before)  # never returns

    def _child(self, items, make, pending_before) -> None:
        code, out = 1, self.out
        try:
            records: list = []
            logging.Logger.callHandlers = lambda logger, record: records.append(_plain_record(record))
            for item in items:
                page, doc_parts = make(item)
                parts = {n: opendata.Part(bytes(p.csv), p.json, p.rows) for n, p in doc_parts.items()}
                pickle.dump(("page", (page, parts)), out, protocol=pickle.HIGHEST_PROTOCOL)
            promised = {p: s for p, s in charts._pending.items() if p not in pending_before}
            pickle.dump(("end", (promised, records)), out, protocol=pickle.HIGHEST_PROTOCOL)
            code = 0
        except BaseException as error:  # noqa: BLE001 - everything goes to the parent
            try:
                pickle.loads(pickle.dumps(error))
            except Exception:  # noqa: BLE001
                error = RuntimeError(f"{type(error).__name__}: {error}")
            pickle.dump(("error", error), out, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            out.flush()
            os._exit(code)

    def __iter__(self) -> Iterator:
        with self.out:
            _, status = os.waitpid(self.pid, 0)
            self.pid = None
            self.out.seek(0)
            while True:
                try:
                    kind, value = pickle.load(self.out)
                except EOFError:
                    raise RuntimeError(f"the process making pages stopped (wait status {status})") from None
                if kind == "page":
                    yield value
                elif kind == "error":
                    raise value
                else:
                    promised, records = value
                    charts._pending.update(promised)
                    for record in records:
                        logging.getLogger(record.name).handle(record)
                    return

    def kill(self) -> None:
        if self.pid is not None:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.pid = None
        self.out.close()


def _plain_record(record: logging.LogRecord) -> logging.LogRecord:
    """A log record that pickles: its message formatted, no arguments or traceback objects."""
    record.msg, record.args = record.getMessage(), None
    if record.exc_info:
        record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.exc_info = None
    return record


def all_pages(dataset: Dataset, svg_cache: Path | None = None, memo: Memo | None = None,
              wait_for_svgs: bool = True, files_dir: Path | None = None) -> list[pages.Page]:
    """wait_for_svgs=False: new SVG fallbacks may still be rendering when this returns
    (see charts.render_pending). files_dir: where the pages' files are written (see spill);
    without it they are held in memory."""
    charts.use_cache(svg_cache)
    site_wide = opendata.SiteWide(opendata.DATA_PAGE)
    listings: dict[str, list[pages.Page]] = {}

    def make_listings() -> None:  # they need no document page: made while a second process makes some
        listings["scorecard"] = scorecard.scorecard_pages(dataset, svg_cache)
        listings["overview"] = overview.overview_pages(dataset)

    out = document_pages(dataset, svg_cache, memo, site_wide, files_dir, meanwhile=make_listings)
    rest = [*listings["scorecard"], opendata.data_page(dataset, site_wide), *listings["overview"]]
    if files_dir is not None:
        for page in rest:
            spill(page, files_dir)
    charts.render_pending(wait=wait_for_svgs)
    return out + rest
