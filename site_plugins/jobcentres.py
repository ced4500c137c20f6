"""MkDocs plugin: loads data/, adds the generated pages and their files, serves the chart runtime.

Everything happens in on_config, before MkDocs cleans or writes site/: bad data stops the build
with every error listed, and nothing half-built is left behind. Generated pages exist only in
the build (File.generated); docs/ is never written to, and a hand-written page at the same
address stops the build instead of being replaced.

Hand-written pages include generated lists with a marker line, fx `<!-- jc:jobcentre -->` or
`<!-- jc:nyeste -->` (see generator/overview.py SNIPPETS). Unless mkdocs.yml sets `nav`, the
plugin sets it: front page, Jobcentre (jobcentre -> year -> document), År, other pages.
"""
from __future__ import annotations

import functools
import html
import os
import logging
import posixpath
import re
import shutil
import sys
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator import charts, compute, loader, overview, pages, site, svgrender
from generator.errors import DataError

ASSETS = Path(__file__).parent / "assets"
JS_BUNDLE = "assets/javascripts/vega-bundle.js"
SNIPPET_MARKER = re.compile(r"^<!--\s*jc:([\w-]+)\s*-->[ \t]*$", re.MULTILINE)
STASHED = re.compile(r"<!-- jc-html (\d+) -->")
# Blocks of HTML with nothing but line breaks between them are hidden as one (Markdown still
# spends ~50 us on each placeholder; a revision page has ~90 blocks in ~20 runs).
HTML_RUN = re.compile(rf"{pages.HTML_BLOCK.pattern}(?:\n+{pages.HTML_BLOCK.pattern})*", re.M)
PAGE_LINK = re.compile(r'href="([^":?#]+\.md)(#[^"]*)?"')  # in a hidden block, see _page_links
PRE = re.compile(r"(<pre[\s>].*?</pre>|<textarea[\s>].*?</textarea>)", re.S)
BLANK_LINES = re.compile(r"[ \t]*\n\s*")
OWN_ASSETS = {
    "assets/javascripts/jc-charts.js": "jc-charts.js",
    "assets/javascripts/jc-tables.js": "jc-tables.js",
    "assets/stylesheets/jc.css": "jc.css",
}

# Data warnings (a document's claim that its own figures do not support) are facts about the
# source, not faults in the build, so they go to their own logger: `mkdocs build --strict`
# does not count them, but they are printed on every build.
log = logging.getLogger("mkdocs.plugins.jobcentres")  # counted by `mkdocs build --strict`
data_log = logging.getLogger("jobcentres.data")
if not data_log.handlers:
    _h = logging.StreamHandler(sys.stderr)
    _h.setFormatter(logging.Formatter("WARNING -  data: %(message)s"))
    data_log.addHandler(_h)
    data_log.propagate = False


class PluginConfig(Config):
    data_dir = c.Type(str, default="data")
    cache_dir = c.Type(str, default=".cache/charts")
    # The generated files (CSV, open data) are written here and copied into the site by MkDocs,
    # instead of being held in memory through the build.
    files_dir = c.Type(str, default=".cache/files")


@functools.cache
def _vega_bundle(cache: Path) -> Path:
    """vega, vega-lite and vega-embed in one file, kept beside the chart cache: vl-convert takes
    ~1.5 s to make it, which was most of a build at seed scale."""
    import vl_convert as vlc  # its version; its JavaScript runtime only starts when the bundle is made

    path = cache / f"vega-bundle-{getattr(vlc, '__version__', 'x')}.js"
    if not path.is_file():
        svgrender.write(path, svgrender.vl_convert().javascript_bundle())
    return path


def _search_html(text: str, markup: bool = False) -> str:
    """Text for Material's search index, which shows an entry's title and text as HTML: escaped
    as Material escapes what it indexes itself. markup: the text is HTML already (a page title
    from the front matter, a heading of the table of contents) and is read as such first."""
    return html.escape(html.unescape(text) if markup else text, quote=False)


def search_entries(page, texts: dict[str, str]) -> list[dict]:
    """Entries for Material's search index: the page, then each heading with its text, if any.
    Made without parsing the page's HTML, which cost Material ~10 ms a document page.
    Every title and text is escaped (_search_html): they hold text from data/."""
    entries = [{"location": page.url, "title": _search_html(page.meta.get("title") or page.title, markup=True),
                "text": _search_html(texts.get("", ""))}]

    def walk(items):
        for item in items:
            if item.level > 1:
                entries.append({"location": page.url + item.url, "title": _search_html(item.title, markup=True),
                                "text": _search_html(texts.get(item.id, ""))})
            walk(item.children)

    walk(page.toc)
    return entries


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


def link_or_copy(source: str | Path, dest: str | Path) -> None:
    """Put source at dest as a hard link, or as a copy where the two are on different file
    systems (or links are not allowed). A new file costs ~0.4 ms on this machine, a link
    ~0.015 ms: at national scale ~49,000 files, ~29 s of a warm build. Only for sources in the cache,
    which are always replaced (written beside and renamed), never written in place, so a site
    file can't change under its link. GitHub Pages' upload (tar --hard-dereference) and
    `mkdocs gh-deploy` publish the content."""
    try:
        os.unlink(dest)
    except FileNotFoundError:
        pass
    try:
        os.link(source, dest)
    except OSError:
        shutil.copyfile(source, dest)


class CachedFile(File):
    """A generated file whose source is in the cache (.cache/files or the chart cache): linked
    into the site instead of copied (link_or_copy). `serve --dirty` still compares times: a
    link has its source's."""

    def copy_file(self, dirty: bool = False) -> None:
        if self.abs_src_path is None:  # content set in memory: MkDocs writes it
            return super().copy_file(dirty)
        if dirty and not self.is_modified():
            return
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        link_or_copy(self.abs_src_path, self.abs_dest_path)


class JobcentrePlugin(BasePlugin[PluginConfig]):
    supports_multiple_instances = False

    def __init__(self):
        # Kept between the builds of `mkdocs serve` (MkDocs keeps a plugin that has on_startup).
        self.load_cache = loader.LoadCache()
        self.memo = site.Memo()

    def on_startup(self, *, command, dirty):
        """Defined so that MkDocs keeps this plugin, and its caches, from one serve build to the next.
        A one-off build keeps no pages for a next time: at national scale the memo held every
        document's open-data rows (~250 MB) until the end of the build."""
        if command != "serve":
            self.memo = None

    def on_config(self, config):
        project = Path(config.config_file_path).parent
        self.data_dir = (project / self.config.data_dir).resolve()
        cache = self.cache = (project / self.config.cache_dir).resolve()
        try:
            dataset = loader.load(self.data_dir, cache=self.load_cache)
        except DataError as e:
            raise PluginError(e.report()) from None
        for w in [*dataset.warnings, *compute.claim_warnings(dataset)]:
            data_log.warning(str(w))
        self.dataset = dataset
        self._stash: dict[str, list[str]] = {}
        # New SVG fallbacks render in other processes while MkDocs renders the pages; they are
        # copied into the site when the build is done (on_post_build).
        self.files_dir = (project / self.config.files_dir).resolve()
        if self.memo is not None and not self.files_dir.is_dir():
            self.memo = site.Memo()  # the files of the pages it holds were deleted: make them again
        self.pages = site.all_pages(dataset, svg_cache=cache, memo=self.memo, wait_for_svgs=False,
                                    files_dir=self.files_dir)
        self.set_nav = config.nav is None
        self.sources = {
            p.path: os.path.relpath(p.source, project).replace(os.sep, "/") for p in self.pages if p.source
        }
        self.search_texts = {p.path: p.search for p in self.pages if p.search is not None}
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

        def add(path: str, source: Path, cls: type[File] = CachedFile) -> None:
            """A generated page or file, read or copied by MkDocs from source (in the files folder
            or the chart cache). Sources are written only when their content changes, so
            `mkdocs serve --dirty` renders only the pages whose content changed (MkDocs compares
            the source's time with the built file's)."""
            if source.is_file():
                generated.append(cls.generated(config, path, abs_src_path=str(source)))
            else:
                self.late[path] = source

        for page in self.pages:
            # MkDocs reads the page's Markdown from the files folder: nothing holds ~260 MB of
            # national Markdown through the build. A page that `mkdocs serve` reuses from its memo
            # was written by an earlier build and has no Markdown left (data None).
            if page.data is not None:
                site.write_if_changed(self.files_dir / page.path, page.data)
                page.data = None
            add(page.path, self.files_dir / page.path)
            for path, content in page.assets.items():
                add(path, content)
        add(JS_BUNDLE, _vega_bundle(self.cache))
        for dest, name in OWN_ASSETS.items():
            add(dest, ASSETS / name, File)  # in the repository: copied
        clashes = [f.src_uri for f in generated if files.get_file_from_path(f.src_uri) is not None]
        seen: set[str] = set()
        twice = sorted({f.src_uri for f in generated if f.src_uri in seen or seen.add(f.src_uri)})
        if twice:
            raise PluginError("Two generated pages or files have the same address (a jobcentre slug that is "
                              f"also a folder name, such as '{overview.YEARS_FOLDER}'?):\n" + "\n".join(f"  {p}" for p in twice))
        if clashes:
            raise PluginError(
                "These files in docs/ have the address of a generated page or file; rename or move them "
                "(the generator never replaces what you wrote):\n" + "\n".join(f"  docs/{p}" for p in clashes)
            )
        for f in generated:
            files.append(f)
        if self.set_nav:
            config.nav = overview.navigation(self.dataset, hand_written)
        return files

    def on_page_context(self, context, page, config, nav):
        """Edit links of generated pages point at the data file they come from. A document page
        goes into the search index as its headings and the texts the generator chose."""
        source = self.sources.get(page.file.src_uri)
        if page.file.generated_by and config.repo_url:
            page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{source}" if source else None
        texts = self.search_texts.get(page.file.src_uri)
        index = getattr(config.plugins.get("material/search"), "search_index", None)
        if texts is not None and index is not None:
            index.entries.extend(search_entries(page, texts))
        return context

    def on_page_markdown(self, markdown: str, page, config, files):
        """Fill the marker lines of a hand-written page with generated lists. On a generated
        page, hide the blocks of pure HTML from Markdown (on_page_content puts them back):
        the page comes out the same, 3-4 times faster."""
        if page.file.generated_by:
            if page.file.src_uri in self.search_texts:  # indexed by on_page_context instead
                page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
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

    # Material's search is a role="dialog" without a name (axe: aria-dialog-name, serious);
    # name it on every page, the 404 page included.
    _SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'

    def _name_search_dialog(self, html: str, config) -> str:
        label = "Søg" if config.theme.get("language") == "da" else "Search"
        return html.replace(self._SEARCH_DIALOG, self._SEARCH_DIALOG[:-1] + f' aria-label="{label}">', 1)

    def on_post_template(self, output: str, template_name: str, config) -> str:
        return self._name_search_dialog(output, config)

    def _unstash(self, html: str, page) -> str:
        blocks = self._stash.pop(page.file.src_uri, None)
        return STASHED.sub(lambda m: blocks[int(m.group(1))], html) if blocks else html

    def on_page_content(self, html: str, page, config, files):
        """Put the hidden HTML blocks back, except on pages the theme's search does not parse
        (document pages, see on_page_context): those get them only when written (on_post_page),
        so MkDocs, which holds every page's HTML until the end of the build, holds less."""
        return html if page.file.src_uri in self.search_texts else self._unstash(html, page)

    def on_post_page(self, output: str, page, config):
        """Squeeze the blank lines and indentation the theme's templates leave (outside <pre>):
        a browser shows the page the same, and with the navigation of 98 jobcentres it was half
        of every page's bytes (77 KB -> 38 KB for a short page)."""
        parts = PRE.split(self._unstash(self._name_search_dialog(output, config), page))
        if page.file.generated_by:
            page.content = None  # written: nothing reads it again
        return "".join(p if i % 2 else BLANK_LINES.sub("\n", p) for i, p in enumerate(parts))

    def on_post_build(self, config):
        charts.wait_rendered()
        for path, cached in self.late.items():
            dest = Path(config.site_dir) / path
            dest.parent.mkdir(parents=True, exist_ok=True)
            link_or_copy(cached, dest)

    def on_build_error(self, error):
        charts.wait_rendered()  # what was rendered stays in the cache for the next build

    def on_serve(self, server, config, builder):
        server.watch(str(self.data_dir))
        return server
