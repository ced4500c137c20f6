"""The site: every page and file, from a loaded dataset through the views. The plugin's one
entry point is `build`.

One cache rule (generator/cache.py) for everything the build makes: an artefact is stored
under a hash of its inputs and of the generator's version (`VERSION`), checked when it is read,
and made again when it is missing or damaged:

- a document's page, its files and its rows of the site-wide open data: under a hash of the
  files of every document in its folder (a plan shows its revision's results, a letter links
  to the revision), its jobcentre's entry in the registry and the build's settings
  (`Context.fingerprint`); kept as a manifest (`pages/<key>.json`) naming its parts, each
  stored under the hash of its content (`blobs/...`);
- a listing or scorecard page: under the keys of the documents it is made from and the
  registry (`derived/`);
- chart SVGs (the chart cache, views/charts.py): under a hash of their spec.

The data page and the site-wide open data (the documents' cached gzip members one after the
other, opendata.SiteWide) are made on every build: they read every document, and compress
nothing. A warm build with no change makes no document page; `mkdocs serve` after one
change makes that folder's pages.
"""

from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from generator import cache, messages, progress
from generator.data import loader, schema
from generator.data.csvdata import display_path
from generator.data.errors import DataError, DataIssue
from generator.data.loader import Dataset, Document
from generator.results import goals as results_goals
from generator.site import listings, opendata, scorecard, sitecheck
from generator.views import kinds, svgrender
from generator.views.page import Context, DocumentPageBuilder, Page, environment

GENERATOR = Path(__file__).resolve().parent.parent
JS_BUNDLE = "assets/javascripts/vega-bundle.js"  # the chart runtime (jc-charts.js loads it beside itself)
LIBRARIES = ("altair", "jinja2", "markdown", "pandas", "pydantic", "vl-convert-python")


def _version() -> str:
    """The generator's version for cache keys: its code, templates and the libraries that shape
    its output. A change to any of them makes every page again."""
    parts: list[str | bytes] = []
    for path in sorted(GENERATOR.rglob("*")):
        if path.suffix in (".py", ".j2") and "__pycache__" not in path.parts:
            parts += [path.relative_to(GENERATOR).as_posix(), path.read_bytes()]
    for lib in LIBRARIES:
        try:
            parts.append(f"{lib}={metadata.version(lib)}")
        except metadata.PackageNotFoundError:
            parts.append(lib)
    return cache.digest(*parts)


VERSION = _version()


@dataclass
class SitePage:
    """A page as the plugin gives it to MkDocs: its body is an entry of the files' store."""

    path: str
    title: str
    meta: dict
    toc: list
    anchors: list[str]
    source: str | None  # the data file it is made from (for edit links), relative to the data folder's parent
    body: str  # key of its HTML in the files' store


@dataclass
class Site:
    """What the site stage gives the plugin: pages, other files (site path -> (store, key)),
    and the warnings to print."""

    store: cache.Store  # where the pages' bodies are
    pages: list[SitePage] = field(default_factory=list)
    files: dict[str, tuple[cache.Store, str]] = field(default_factory=dict)
    late: dict[str, tuple[cache.Store, str]] = field(default_factory=dict)  # SVGs still being rendered
    warnings: list[DataIssue] = field(default_factory=list)  # claims a document's figures do not support
    dataset: Dataset | None = None
    made: int = 0  # document pages made by this build (the others came from the cache)
    recalled: int = 0  # pages of any kind taken from the cache (or serve's memory) instead of made

    def chart_counts(self, charts: cache.Store) -> tuple[int, int]:
        """The site's SVG fallbacks (files of the chart cache): how many, and how many of them are
        being rendered by this build (the others were in the cache)."""
        svgs = [(store, path) for path, (store, _) in {**self.files, **self.late}.items() if path.endswith(".svg")]
        return sum(store is charts for store, _ in svgs), sum(path in self.late for _, path in svgs)

    def body(self, page: SitePage) -> str:
        return _checked(self.store, page.body).decode("utf-8")


class Memory:
    """What a long-running process (`mkdocs serve`) keeps from one build to the next: each kept
    page's manifest and open-data parts, by its key, as the cache gave them or as they were made
    (an unchanged page is then neither made nor read from the cache again), the views'
    templates, compiled once, and which entry each of the site's other files was written from."""

    def __init__(self):
        self.pages: dict[str, tuple[dict, dict[str, opendata.Part]]] = {}
        self.templates = environment()
        self.written: dict[str, str] = {}  # `serve --dirty`: site path -> the entry last written there


def _checked(store: cache.Store, key: str) -> bytes:
    """An entry the build relies on: its checked content, or a CacheError saying it changed."""
    content = store.get(key, touch=False)
    if content is None:
        raise cache.CacheError(messages.text("build.cache_changed", path=store.file(key)))
    return content


class Builder:
    def __init__(self, ctx: Context, dataset: Dataset, store: cache.Store, memory: Memory | None = None):
        self.ctx, self.dataset, self.store, self.memory = ctx, dataset, store, memory
        self.site = Site(store)
        # SVG fallbacks are files of the chart cache; a build without one has them in its pages'
        # files, and a kept page naming a chart cache entry is then not found and made again.
        self.charts = ctx.svgs.store if ctx.svgs else store
        project = dataset.root.resolve().parent
        self.project = project
        self._real_folders: dict[Path, Path] = {}  # a document folder -> its real path

    def _source(self, doc: Document) -> str:
        """The document's file relative to the project (for edit links), its links resolved: the
        folder once for all its documents, the file itself only when it is a link."""
        folder = self._real_folders.get(doc.path.parent)
        if folder is None:
            folder = self._real_folders[doc.path.parent] = doc.path.parent.resolve()
        real = doc.path.resolve() if doc.path.is_symlink() else folder / doc.path.name
        try:
            return real.relative_to(self.project).as_posix()
        except ValueError:
            return doc.path.name

    def _add_page(self, page: Page, source: str | None = None) -> SitePage:
        """A page made now: its body and files stored; returns it as the plugin sees it."""
        body = self.store.put_blob(page.data, ".html")
        out = SitePage(
            path=page.path, title=page.title, meta=page.meta, toc=page.toc, anchors=sorted(page.anchors), source=source, body=body
        )
        self.site.pages.append(out)
        for path, content in page.assets.items():
            self.site.files[path] = self._stored(content, path)
        return out

    def _stored(self, content, path: str) -> tuple[cache.Store, str]:
        if isinstance(content, Path):  # an SVG in the chart cache
            return self.charts, self.charts.key_of(content)
        data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        return self.store, self.store.put_blob(data, Path(path).suffix)

    # ----------------------------------------------------------------- cached pages

    def document(self, doc: Document, key: str) -> dict[str, opendata.Part]:
        """The document's page and files, from the cache when its inputs are unchanged; returns
        its parts of the site-wide open data."""
        recalled = self._recall(key, "pages")
        if recalled is not None:
            return recalled
        with blamed_on(doc):
            page = make_page(self.ctx, self.dataset, doc)
            own_files, parts = opendata.document_files(doc, self.dataset)
        page.assets.update(own_files)
        self.site.made += 1
        stored = {
            name: {"csv": self.store.put_blob(p.csv_gz), "json": self.store.put_blob(p.json_gz), "rows": p.rows}
            for name, p in parts.items()
        }
        self._keep(key, "pages", page, self._source(doc), stored, parts)
        return parts

    def derived(self, path: str, docs: list[Document], make, keys: dict[str, str], registry: str) -> None:
        """A page made from several documents (a listing, the scorecard), kept as a document's
        page is, under its path, the keys of those documents, the registry and the generator's
        version."""
        key = cache.digest(VERSION, self.ctx.fingerprint, path, registry, *(keys[str(d.path)] for d in docs))
        if self._recall(key, "derived") is None:
            self._keep(key, "derived", make(), None, {}, {})

    def _recall(self, key: str, folder: str) -> dict[str, opendata.Part] | None:
        """The page kept under key, added to the site with its files; returns its open-data
        parts (None: not kept, to be made). In `mkdocs serve`, from the memory of the last build
        while its body is still in the cache; else from the cache, checked."""
        remembered = self.memory.pages.get(key) if self.memory is not None else None
        if remembered and not self.store.file(remembered[0]["page"]["body"]).is_file():
            remembered = None  # the cache was deleted since: read or make it again
        manifest = remembered[0] if remembered else self._manifest(f"{folder}/{key}.json")
        if manifest is None:
            return None
        self.site.recalled += 1
        self.site.pages.append(SitePage(**manifest["page"]))
        for path, (store, entry) in manifest["files"].items():
            self.site.files[path] = (self.store if store == "files" else self.charts, entry)
        parts = (
            remembered[1]
            if remembered
            else {
                name: opendata.Part(
                    csv_gz=_checked(self.store, p["csv"]), json_gz=_checked(self.store, p["json"]), rows=p["rows"]
                )
                for name, p in manifest["parts"].items()
            }
        )
        self._remember(key, manifest, parts)
        return parts

    def _keep(self, key: str, folder: str, page: Page, source: str | None, stored: dict, parts: dict) -> None:
        """A page made now: added to the site, and its manifest (body, files, stored open-data
        parts) kept under key."""
        site_page = self._add_page(page, source)
        files = {
            path: ("files" if self.site.files[path][0] is self.store else "charts", self.site.files[path][1])
            for path in page.assets
        }
        manifest = {"page": vars(site_page), "files": files, "parts": stored}
        self.store.put(f"{folder}/{key}.json", json.dumps(manifest, ensure_ascii=False).encode("utf-8"))
        self._remember(key, manifest, parts)

    def _remember(self, key: str, manifest: dict, parts: dict[str, opendata.Part]) -> None:
        if self.memory is not None:
            self.memory.pages[key] = (manifest, parts)

    def _manifest(self, entry: str) -> dict | None:
        """A page's manifest if it and every entry it names are whole (checked, and noted as
        used: see cache.TOUCH_AFTER); else the page is made again (which promises a missing SVG
        again)."""
        raw = self.store.get(entry)
        if raw is None:
            return None
        manifest = json.loads(raw)
        entries = [
            (self.store, manifest["page"]["body"]),
            *((self.store if store == "files" else self.charts, entry) for store, entry in manifest["files"].values()),
            *((self.store, p[k]) for p in manifest["parts"].values() for k in ("csv", "json")),
        ]
        return manifest if all(store.get(entry) is not None for store, entry in entries) else None

    def page_keys(self) -> dict[str, str]:
        """Each document's cache key: its folder's documents, its jobcentre, the settings."""
        folders: dict[tuple[str, int], list[Document]] = {}
        for doc in self.dataset.documents:
            folders.setdefault((doc.jobcentre, doc.year), []).append(doc)
        registry = {j.slug: j.model_dump_json() for j in self.dataset.registry.jobcentres}
        out = {}
        for doc in self.dataset.documents:
            folder = folders[(doc.jobcentre, doc.year)]
            out[str(doc.path)] = cache.digest(
                VERSION,
                self.ctx.fingerprint,
                self._source(doc),
                registry.get(doc.jobcentre, ""),
                *(f"{d.slug}:{d.digest}" for d in folder),
            )
        return out


def context(**settings) -> Context:
    """The views' context for a build, with the document kinds' titles."""
    return Context(kind_titles={k.name: k.title for k in kinds.ALL.values()}, **settings)


def build(ctx: Context, dataset: Dataset, store: cache.Store, memory: Memory | None = None) -> Site:
    """Every page and file of the site. SVG fallbacks not yet in the chart cache are being
    rendered when this returns (ctx.svgs.wait() before they are used). memory: see Memory."""
    b = Builder(ctx, dataset, store, memory)
    keys = b.page_keys()
    site_wide = opendata.SiteWide(opendata.DATA_PAGE)
    scorecards, lists = scorecard.page_makers(ctx, dataset), listings.page_makers(ctx, dataset)
    making = progress.Progress("build.making_pages", len(dataset.documents) + len(scorecards) + 1 + len(lists))
    for doc in dataset.documents:
        site_wide.add(b.document(doc, keys[str(doc.path)]), doc.jobcentre)
        making.step()
    registry = dataset.registry.model_dump_json()
    for path, docs, make in scorecards:
        b.derived(path, docs, make, keys, registry)
        making.step()
    b._add_page(opendata.data_page(ctx, dataset, site_wide))
    making.step()
    for path, docs, make in lists:
        b.derived(path, docs, make, keys, registry)
        making.step()
    recalled = b.site.recalled
    progress.done("build.pages_made", pages=len(b.site.pages), made=len(b.site.pages) - recalled, recalled=recalled)
    if ctx.svgs is not None:
        ctx.svgs.render(wait=False)
        b.site.late = {
            path: entry
            for path, entry in b.site.files.items()
            if entry[0] is ctx.svgs.store and entry[0].file(entry[1]) in ctx.svgs.promised
        }
        for path in b.site.late:
            del b.site.files[path]
    b.site.dataset = dataset
    return b.site


def site(
    ctx: Context,
    data_dir: Path,
    docs_dir: str | Path,
    store: cache.Store,
    load_cache: loader.LoadCache | None = None,
    memory: Memory | None = None,
) -> Site:
    """The site from the data folder: loaded and checked as `validate --docs` checks it (raises
    DataError with every error), then built; the documents' own warnings with it."""
    load_cache = load_cache or loader.LoadCache()
    load_cache.store = store  # loaded documents are kept in the build's cache as well
    dataset = loader.load(data_dir, cache=load_cache)
    progress.done(
        "build.loaded",
        documents=messages.count("yaml.count_documents", len(dataset.documents)),
        cached=load_cache.recalled,
        read=load_cache.read,
    )
    issues = sitecheck.check(dataset, docs_dir)
    if issues:
        raise DataError(issues)
    load_cache.keep()
    out = build(ctx, dataset, store, memory)
    if ctx.svgs is not None:  # the chart runtime, beside the charts
        out.files[JS_BUNDLE] = (ctx.svgs.store, svgrender.vega_bundle(ctx.svgs.store))
    for path, text in listings.moved_pages(dataset).items():
        out.files[path] = (store, store.put_blob(text.encode("utf-8"), ".html"))
    for name, text in schema.texts().items():  # the data files' JSON Schemas, for editors
        out.files[f"{schema.FOLDER}/{name}"] = (store, store.put_blob(text.encode("utf-8"), ".json"))
    # a file (not a page: sitecheck saw those) in docs/ at a generated file's address
    clashes = sorted(set(out.files) & set(sitecheck.docs_paths(docs_dir)))
    if clashes:
        raise DataError(
            [
                DataIssue(
                    display_path(Path(docs_dir)),
                    None,
                    "",
                    messages.text("build.docs_file_clash", paths="\n".join(f"  docs/{p}" for p in clashes)),
                )
            ]
        )
    out.warnings = [*dataset.warnings, *results_goals.claim_warnings(dataset)]
    return out


def make_page(ctx: Context, dataset: Dataset, doc: Document) -> Page:
    """The document's page as its kind's view makes it (views/kinds/)."""
    return kinds.ALL[doc.kind].page(DocumentPageBuilder(ctx, dataset, doc))


def document_pages(dataset: Dataset, ctx: Context | None = None) -> list[Page]:
    """Each document's page with its figures' files, in memory (for tests and tools)."""
    ctx = ctx or context()
    out = []
    for doc in dataset.documents:
        with blamed_on(doc):
            out.append(make_page(ctx, dataset, doc))
    return out


@contextlib.contextmanager
def blamed_on(doc: Document):
    """An unexpected error while making a document's page becomes a message naming the document's
    file (a DataError), so that the build stops with a message, not a traceback."""
    try:
        yield
    except (DataError, cache.CacheError):
        raise
    except Exception as e:  # noqa: BLE001 - reported with the file that brought it out
        logging.getLogger("mkdocs.plugins.jobcentres").debug("while making %s", doc.path, exc_info=True)
        error = f"{type(e).__name__}: {e}"
        raise DataError([DataIssue(display_path(doc.path), None, "", messages.text("build.page_failed", error=error))]) from None
