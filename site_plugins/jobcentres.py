"""MkDocs plugin: loads data/, adds the generated pages and their files, serves the chart runtime.

Nothing is lost when a build fails: `mkdocs build` (and gh-deploy) write the new site into a
folder beside site/ (generator/publish.py), which replaces site/ only at the end of a build that
succeeded; bad data, a page in docs/ at a generated page's address, an error anywhere or a
kill leave the published site as it was. (`mkdocs serve` builds into its own folder, and
`--dirty` builds in place: it keeps the files of the last build.) Data and the site's plan are
checked in on_config, before anything is written (generator/sitecheck.py, as `validate` does).
Generated pages exist only in the build (File.generated); docs/ is never written to. Their
content comes from the cache (generator/cache.py), checked and copied: the site shares no file
with .cache/.

Hand-written pages include generated lists with a marker line, fx `<!-- jc:jobcentre -->` or
`<!-- jc:nyeste -->` (see generator/overview.py SNIPPETS). Unless mkdocs.yml sets `nav`, the
plugin sets it: front page, Jobcentre (jobcentre -> year -> document), År, other pages.
"""
from __future__ import annotations

import logging
import os
import posixpath
import re
import sys
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import CountHandler

from generator import (cache, charts, compute, loader, messages, overview, pages, publish, schema, site, sitecheck,
                       svgrender)
from generator.errors import DataError
from site_plugins import search

ASSETS = Path(__file__).parent / "assets"
JS_BUNDLE = "assets/javascripts/vega-bundle.js"
SNIPPET_MARKER = re.compile(r"^<!--\s*jc:([\w-]+)\s*-->[ \t]*$", re.MULTILINE)
STASHED = re.compile(r"<!-- jc-html (\d+) -->")
# Blocks of HTML with nothing but line breaks between them are hidden as one (Markdown still
# spends ~50 us on each placeholder; a revision page has ~90 blocks in ~20 runs).
HTML_RUN = re.compile(rf"{pages.HTML_BLOCK.pattern}(?:\n+{pages.HTML_BLOCK.pattern})*", re.M)
PAGE_LINK = re.compile(r'href="([^":?#]+\.md)(#[^"]*)?"')  # in a hidden block, see _page_links
ANCHOR = re.compile(r'\sid="([^"]+)"')
PRE = re.compile(r"(<pre[\s>].*?</pre>|<textarea[\s>].*?</textarea>)", re.S)
BLANK_LINES = re.compile(r"[ \t]*\n\s*")
OWN_ASSETS = {
    "assets/javascripts/jc-charts.js": "jc-charts.js",
    "assets/javascripts/jc-tables.js": "jc-tables.js",
    "assets/javascripts/jc-search.js": "jc-search.js",
    "assets/stylesheets/jc.css": "jc.css",
}

# Data warnings (a document's claim that its own figures do not support) are facts about the
# source, not faults in the build, so they go to their own logger: `mkdocs build --strict`
# does not count them, but they are printed on every build.
log = logging.getLogger("mkdocs.plugins.jobcentres")  # counted by `mkdocs build --strict`


def _printed(name: str, label: str, propagate: bool) -> logging.Logger:
    """A logger outside "mkdocs" (not counted by --strict) whose warnings are printed as MkDocs prints its own."""
    logger = logging.getLogger(name)
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(f"WARNING -  {label}: %(message)s"))
        logger.addHandler(handler)
        logger.propagate = propagate
    return logger


data_log = _printed("jobcentres.data", "data", propagate=False)
_printed(cache.log.name, "cache", propagate=True)  # also to the caller's handlers (the test corpus reads them)


class PluginConfig(Config):
    data_dir = c.Type(str, default="data")
    cache_dir = c.Type(str, default=".cache/charts")
    # The generated pages and files (CSV, open data) are written here and copied into the site,
    # instead of being held in memory through the build.
    files_dir = c.Type(str, default=".cache/files")


def _vega_bundle(store: cache.Store) -> str:
    """vega, vega-lite and vega-embed in one file, an entry of the chart cache keyed by
    vl-convert's version (making it was most of a build at seed scale); returns its key."""
    import vl_convert as vlc  # its version; its JavaScript runtime only starts when the bundle is made

    key = f"vega-bundle-{getattr(vlc, '__version__', 'x')}.js"
    if store.get(key) is None:
        store.put(key, svgrender.vl_convert().javascript_bundle().encode("utf-8"))
    return key


def _page_links(html: str, page, files: Files) -> str:
    """A link to a page in a block of HTML hidden from Markdown is written as in Markdown
    (href="../resultatrevision/index.md#maal-1"); it gets the page's address here, as MkDocs
    gives a Markdown link, and the same warning if there is no such page."""
    if ".md" not in html:
        return html

    def url(m: re.Match) -> str:
        target_uri = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), m.group(1)))
        target = files.get_file_from_path(target_uri)
        if target is None:
            log.warning(f"Doc file '{page.file.src_uri}' contains a link '{m.group(1)}', "
                        f"but the target '{target_uri}' is not found among documentation files.")
            return m.group(0)
        return f'href="{target.url_relative_to(page.file)}{m.group(2) or ""}"'

    return PAGE_LINK.sub(url, html)


def copy_out(store: cache.Store, key: str, dest: str | Path) -> None:
    """Copy a cache entry's checked content to dest in the site (see cache.Store.copy_out)."""
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    try:
        store.copy_out(key, dest)
    except cache.CacheError as e:
        raise PluginError(str(e)) from None


class CachedFile(File):
    """A generated page or file whose content is an entry of the cache (.cache/files or the chart
    cache): MkDocs reads it, and it is copied into the site, only after its checksum is checked.
    `serve --dirty` compares the entry's time with the built file's."""

    store: cache.Store
    key: str

    @classmethod
    def of(cls, config, path: str, store: cache.Store, key: str) -> "CachedFile":
        f = cls.generated(config, path, abs_src_path=str(store.file(key)))
        f.store, f.key = store, key
        return f

    @property
    def content_bytes(self) -> bytes:
        if self._content is not None:
            return File.content_bytes.fget(self)
        content = self.store.get(self.key, touch=False)
        if content is None:
            raise PluginError(messages.text("build.cache_changed", path=self.abs_src_path))
        return content

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        File.content_bytes.fset(self, value)

    @property
    def content_string(self) -> str:
        return self.content_bytes.decode("utf-8-sig")

    @content_string.setter
    def content_string(self, value: str) -> None:
        File.content_string.fset(self, value)

    def copy_file(self, dirty: bool = False) -> None:
        if self._content is not None:  # content set in memory: MkDocs writes it
            return super().copy_file(dirty)
        if dirty and not self.is_modified():
            return
        copy_out(self.store, self.key, self.abs_dest_path)


class JobcentrePlugin(BasePlugin[PluginConfig]):
    supports_multiple_instances = False

    def __init__(self):
        # Kept between the builds of `mkdocs serve` (MkDocs keeps a plugin that has on_startup).
        self.load_cache = loader.LoadCache()
        self.memo = site.Memo()

    def on_startup(self, *, command, dirty):
        """Defined so that MkDocs keeps this plugin, and its caches, from one serve build to the next.
        A one-off build keeps no pages for a next time: at national scale the memo held every
        document's open-data rows (~250 MB) until the end of the build. `mkdocs serve` builds
        into a folder of its own, `--dirty` into the last build's files: both in place."""
        self.in_place = command == "serve" or dirty
        if command != "serve":
            self.memo = None

    def on_config(self, config):
        self.mkdocs_config, self.staging = config, None
        if not getattr(self, "in_place", False):
            self.staging = publish.Staging(config.site_dir)
            config.site_dir = str(self.staging.partial)
        project = Path(config.config_file_path).parent
        self.data_dir = (project / self.config.data_dir).resolve()
        self.svg_store = cache.Store((project / self.config.cache_dir).resolve())
        self.files = cache.Store((project / self.config.files_dir).resolve())
        for store in (self.svg_store, self.files):
            store.sweep()
        try:
            dataset = loader.load(self.data_dir, cache=self.load_cache)
            issues = sitecheck.check(dataset, config.docs_dir)
            if issues:
                raise DataError(issues)
        except DataError as e:
            raise PluginError(e.report()) from None
        for w in [*dataset.warnings, *compute.claim_warnings(dataset)]:
            data_log.warning(str(w))
        self.dataset = dataset
        self._stash: dict[str, list[str]] = {}
        # New SVG fallbacks render in other processes while MkDocs renders the pages; they are
        # copied into the site when the build is done (on_post_build).
        if self.memo is not None and not self.files.root.is_dir():
            self.memo = site.Memo()  # the files of the pages it holds were deleted: make them again
        try:
            self.pages = site.all_pages(dataset, svg_cache=self.svg_store.root, memo=self.memo, wait_for_svgs=False,
                                        files_dir=self.files.root)
        except DataError as e:
            raise PluginError(e.report()) from None
        except cache.CacheError as e:
            raise PluginError(str(e)) from None
        except Exception as e:  # noqa: BLE001 - a listing page failed: a message, the traceback with -v
            log.debug("while making the site's pages", exc_info=True)
            raise PluginError(messages.text("build.build_failed", error=f"{type(e).__name__}: {e}")) from None
        self.set_nav = config.nav is None
        self.sources = {
            p.path: os.path.relpath(p.source, project).replace(os.sep, "/") for p in self.pages if p.source
        }
        for path in (JS_BUNDLE, *(p for p in OWN_ASSETS if p.endswith(".js"))):
            if path not in config.extra_javascript:
                config.extra_javascript.append(path)
        if "assets/stylesheets/jc.css" not in config.extra_css:
            config.extra_css.append("assets/stylesheets/jc.css")
        return config

    def on_files(self, files: Files, config) -> Files:
        hand_written = [f.src_uri for f in files.documentation_pages()]
        generated: list[File] = []
        self.late: dict[str, Path] = {}  # site path -> SVG in the cache, still being rendered

        def add(path: str, source: Path) -> None:
            """A generated page or file, read or copied from its entry in the files' cache or the
            chart cache. Entries are written only when their content changes, so `mkdocs serve
            --dirty` renders only the pages whose content changed (MkDocs compares the entry's
            time with the built file's). An SVG whose entry is not (yet) whole is being
            rendered: copied when it is (on_post_build)."""
            store = self.files if self.files.key_of(source) is not None else self.svg_store
            key = store.key_of(source)
            if store is self.files or store.get(key, report=False) is not None:
                generated.append(CachedFile.of(config, path, store, key))
            else:
                self.late[path] = source

        try:
            for page in self.pages:
                # MkDocs reads the page's Markdown from the files' cache: nothing holds ~260 MB of
                # national Markdown through the build. A page that `mkdocs serve` reuses from its memo
                # was written by an earlier build and has no Markdown left (data None).
                if page.data is not None:
                    site.write_if_changed(self.files.root, page.path, page.data)
                    page.data = None
                add(page.path, self.files.file(page.path))
                for path, content in page.assets.items():
                    add(path, content)
            add(JS_BUNDLE, self.svg_store.file(_vega_bundle(self.svg_store)))
        except cache.CacheError as e:
            raise PluginError(str(e)) from None
        for dest, name in OWN_ASSETS.items():
            generated.append(File.generated(config, dest, abs_src_path=str(ASSETS / name)))  # in the repository
        for name, text in schema.texts().items():  # the data files' JSON Schemas, for editors
            generated.append(File.generated(config, f"{schema.FOLDER}/{name}", content=text))
        clashes = [f.src_uri for f in generated if files.get_file_from_path(f.src_uri) is not None]
        seen: set[str] = set()
        twice = sorted({f.src_uri for f in generated if f.src_uri in seen or seen.add(f.src_uri)})
        # a backstop for what the site plan (sitecheck) does not see: a file, not a page, in docs/
        # at the address of a generated file (fx docs/data/tal.csv.gz)
        if twice:
            raise PluginError(messages.text("build.files_twice", folder=overview.YEARS_FOLDER,
                                            paths="\n".join(f"  {p}" for p in twice)))
        if clashes:
            raise PluginError(messages.text("build.docs_file_clash", paths="\n".join(f"  docs/{p}" for p in clashes)))
        for f in generated:
            files.append(f)
        if self.set_nav:
            config.nav = overview.navigation(self.dataset, hand_written)
        return files

    def on_page_context(self, context, page, config, nav):
        """Edit links of generated pages point at the data file they come from."""
        source = self.sources.get(page.file.src_uri)
        if page.file.generated_by and config.repo_url:
            page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{source}" if source else None
        return context

    def on_page_markdown(self, markdown: str, page, config, files):
        """Fill the marker lines of a hand-written page with generated lists. On a generated
        page, hide the blocks of pure HTML from Markdown (on_post_page puts them back):
        the page comes out the same, 3-4 times faster."""
        if page.file.generated_by:
            blocks = self._stash.setdefault(page.file.src_uri, [])
            blocks.clear()

            def stash(m: re.Match) -> str:
                blocks.append(_page_links(m.group(0), page, files))
                return f"<!-- jc-html {len(blocks) - 1} -->"

            return HTML_RUN.sub(stash, markdown)
        folder = posixpath.dirname(page.file.src_uri)

        def fill(m: re.Match) -> str:
            text = overview.snippet(m.group(1), self.dataset, folder)
            if text is None:
                raise PluginError(f"docs/{page.file.src_uri}: unknown list {m.group(0).strip()}; "
                                  f"known: {', '.join(f'<!-- jc:{n} -->' for n in overview.SNIPPETS)}")
            return text

        return SNIPPET_MARKER.sub(fill, markdown)

    def _unstash(self, html: str, page) -> str:
        blocks = self._stash.pop(page.file.src_uri, None)
        return STASHED.sub(lambda m: blocks[int(m.group(1))], html) if blocks else html

    def on_page_content(self, html: str, page, config, files):
        """The ids in HTML blocks hidden from Markdown count as the page's anchors (MkDocs checks
        links to them); the blocks themselves go back in on_post_page."""
        blocks = self._stash.get(page.file.src_uri)
        if blocks and page.present_anchor_ids is not None:
            page.present_anchor_ids |= set(ANCHOR.findall("".join(blocks)))
        return html

    def on_post_page(self, output: str, page, config):
        """Put back the HTML blocks hidden from Markdown (on_page_markdown): only now, so MkDocs,
        which holds every page's HTML until the end of the build, holds less. Squeeze the blank
        lines and indentation the theme's templates leave (outside <pre>): a browser shows the
        page the same, and with the navigation of 98 jobcentres it was half of every page's bytes
        (77 KB -> 38 KB for a short page)."""
        parts = PRE.split(self._unstash(output, page))
        if page.file.generated_by:
            page.content = None  # written: nothing reads it again
        return "".join(p if i % 2 else BLANK_LINES.sub("\n", p) for i, p in enumerate(parts))

    @event_priority(-100)  # last: after every other plugin has written into the new site
    def on_post_build(self, config):
        try:
            charts.wait_rendered()
        except cache.CacheError as e:
            raise PluginError(str(e)) from None
        for path, cached in self.late.items():
            copy_out(self.svg_store, self.svg_store.key_of(cached), Path(config.site_dir) / path)
        try:  # the search index, made from the site as written (site_plugins/search.py)
            search.index_site(config.site_dir)
        except search.SearchIndexError as e:
            raise PluginError(str(e)) from None
        if self.staging is None:
            return
        if any(h.get_counts() for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler)):
            return  # `--strict` stops the build right after this event: on_build_error drops the new site
        self.staging.commit()
        config.site_dir = str(self.staging.site)  # where gh-deploy and the caller look for it
        self.staging = None

    def on_build_error(self, error):
        try:
            charts.wait_rendered()  # what was rendered stays in the cache for the next build
        except Exception:  # noqa: BLE001 - the build's own error is the one to report
            pass
        if self.memo is not None:
            self.memo = site.Memo()  # a page it holds may have a damaged entry: make them all again
        if getattr(self, "staging", None) is not None:
            self.staging.abort()
            self.mkdocs_config.site_dir = str(self.staging.site)
            log.info(messages.text("build.site_kept", site=self.staging.site))
            self.staging = None

    def on_serve(self, server, config, builder):
        server.watch(str(self.data_dir))
        return server
