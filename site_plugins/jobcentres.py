"""MkDocs plugin: maps what the site stage (generator/site/build.py) returns onto MkDocs' events.

on_config loads and checks data/ (as `validate` does) and builds the site's pages and files
into the cache; on_files adds them (File.generated: docs/ is never written to) and the
navigation; generated pages reach MkDocs as HTML (their Markdown is empty); on_post_build
indexes the site for search and, for `mkdocs build`, swaps the new site in: a failed build
leaves the published site as it was (generator/site/publish.py).
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc
from mkdocs.utils import CountHandler

from generator import messages
from generator.data import loader
from generator.data.errors import DataError
from generator.results import goals
from generator import cache
from generator.site import build, listings, publish, sitecheck
from generator.views import svgrender
from site_plugins import search

ASSETS = Path(__file__).parent / "assets"
OWN_ASSETS = {"assets/javascripts/jc-charts.js": "jc-charts.js", "assets/javascripts/jc-tables.js": "jc-tables.js",
              "assets/javascripts/jc-search.js": "jc-search.js", "assets/stylesheets/jc.css": "jc.css"}
JS_BUNDLE = "assets/javascripts/vega-bundle.js"
log = logging.getLogger("mkdocs.plugins.jobcentres")  # counted by `mkdocs build --strict`
# A document's claims that its own figures do not support are facts about the source, not faults
# of the build: printed on every build, not counted by --strict.
data_log = logging.getLogger("jobcentres.data")


def _printed(logger: logging.Logger, label: str, propagate: bool) -> None:
    """Warnings of a logger outside "mkdocs" printed as MkDocs prints its own."""
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter(f"WARNING -  {label}: %(message)s"))
        logger.addHandler(handler)
        logger.propagate = propagate


_printed(data_log, "data", propagate=False)
_printed(cache.log, "cache", propagate=True)  # also to the caller's handlers (the test corpus reads them)


class PluginConfig(Config):
    data_dir = c.Type(str, default="data")
    cache_dir = c.Type(str, default=".cache/charts")
    files_dir = c.Type(str, default=".cache/files")


class CachedFile(File):
    """A generated page or file whose content is an entry of a cache.Store, copied into the site
    only after its checksum is checked; `serve --dirty` compares the entry's time with the built file's."""

    @classmethod
    def of(cls, config, path: str, store: cache.Store, key: str) -> "CachedFile":
        f = cls.generated(config, path, abs_src_path=str(store.file(key)))
        f.store, f.key = store, key
        return f

    def copy_file(self, dirty: bool = False) -> None:
        if not dirty or self.is_modified():
            _copy_out(self.store, self.key, self.abs_dest_path)


def _copy_out(store: cache.Store, key: str, dest: str) -> None:
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    try:
        store.copy_out(key, dest)
    except cache.CacheError as e:
        raise PluginError(str(e)) from None


class JobcentrePlugin(BasePlugin[PluginConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.load_cache = loader.LoadCache()  # kept between the builds of `mkdocs serve`

    def on_startup(self, *, command, dirty):
        """Defined so that MkDocs keeps this plugin between serve's builds. `mkdocs serve` and
        `--dirty` build in place; `mkdocs build` into a new folder swapped in at the end."""
        self.in_place = command == "serve" or dirty

    def on_config(self, config):
        self.config_, self.staging = config, None
        if not getattr(self, "in_place", False):
            self.staging = publish.Staging(config.site_dir)
            config.site_dir = str(self.staging.partial)
        project = Path(config.config_file_path).parent
        self.data_dir = (project / self.config.data_dir).resolve()
        self.store = cache.Store((project / self.config.files_dir).resolve())
        self.ctx = build.context(svg_cache=(project / self.config.cache_dir).resolve(),
                                 directory_urls=config.use_directory_urls,
                                 markdown_extensions=config.markdown_extensions, markdown_configs=config.mdx_configs)
        for store in (self.store, self.ctx.svgs.store):
            store.sweep()
        try:
            self.dataset = loader.load(self.data_dir, cache=self.load_cache)
            issues = sitecheck.check(self.dataset, config.docs_dir)
            if issues:
                raise DataError(issues)
            for w in [*self.dataset.warnings, *goals.claim_warnings(self.dataset)]:
                data_log.warning(str(w))
            self.site = build.build(self.ctx, self.dataset, self.store)
        except DataError as e:
            raise PluginError(e.report()) from None
        except cache.CacheError as e:
            raise PluginError(str(e)) from None
        self.pages = {p.path: p for p in self.site.pages}
        config.extra_javascript += [p for p in (JS_BUNDLE, *OWN_ASSETS) if p.endswith(".js") and p not in config.extra_javascript]
        config.extra_css += [p for p in OWN_ASSETS if p.endswith(".css") and p not in config.extra_css]
        return config

    def on_files(self, files, config):
        svgs = self.ctx.svgs
        self.late = {path: key for path, (store, key) in self.site.files.items()
                     if store is svgs.store and svgs.store.file(key) in svgs.promised}
        generated = [CachedFile.of(config, p.path, self.store, p.body) for p in self.site.pages]
        generated += [CachedFile.of(config, path, store, key) for path, (store, key) in self.site.files.items()
                      if path not in self.late]
        generated.append(CachedFile.of(config, JS_BUNDLE, svgs.store, svgrender.vega_bundle(svgs.store)))
        generated += [File.generated(config, dest, abs_src_path=str(ASSETS / name)) for dest, name in OWN_ASSETS.items()]
        clashes = [f.src_uri for f in generated if files.get_file_from_path(f.src_uri) is not None]
        if clashes:  # a file (not a page: sitecheck saw those) in docs/ at a generated file's address
            raise PluginError(messages.text("build.docs_file_clash", paths="\n".join(f"  docs/{p}" for p in clashes)))
        for f in generated:
            files.append(f)
        if config.nav is None:
            config.nav = listings.navigation(self.dataset, [f.src_uri for f in files.documentation_pages()
                                                            if f.generated_by is None])
        return files

    def on_env(self, env, config, files):
        """The theme's templates with Jinja's whitespace control: without the blank lines and
        indentation they leave, a page is the same to a browser and much smaller (the navigation
        of a national site is on every page)."""
        env.trim_blocks = env.lstrip_blocks = True
        return env

    def on_page_read_source(self, page, config):
        return "" if page.file.src_uri in self.pages else None

    def on_page_markdown(self, markdown, page, config, files):
        """A generated page: its metadata (its body comes in on_page_content). A hand-written
        page: its marker lines (`<!-- jc:nyeste -->`) replaced by the generated lists."""
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            page.meta.update(generated.meta)
            return ""
        if "<!-- jc:" not in markdown:
            return markdown
        lists = listings.snippets(self.ctx, self.dataset, page.file.src_uri)
        lines = markdown.split("\n")
        for i, line in enumerate(lines):
            marker = line.strip()
            if marker.startswith("<!-- jc:") and marker.endswith("-->"):
                if " ".join(marker.split()) not in lists:
                    raise PluginError(messages.text("build.unknown_list", page=f"docs/{page.file.src_uri}",
                                                    marker=marker, known=", ".join(lists)))
                lines[i] = lists[" ".join(marker.split())]
        return "\n".join(lines)

    def on_page_content(self, html, page, config, files):
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return html
        page.toc = get_toc(generated.toc)
        page.present_anchor_ids = set(generated.anchors)
        body = self.store.get(generated.body, touch=False)
        if body is None:
            raise PluginError(messages.text("build.cache_changed", path=self.store.file(generated.body)))
        return body.decode("utf-8")

    def on_page_context(self, context, page, config, nav):
        """Edit links of generated pages point at their data file: MkDocs' edit_uri, with the
        data file's path in place of docs/."""
        generated = self.pages.get(page.file.src_uri)
        if generated is not None and config.repo_url and config.edit_uri:
            base = config.edit_uri.rstrip("/").removesuffix(Path(config.docs_dir).name).rstrip("/")
            page.edit_url = f"{config.repo_url.rstrip('/')}/{base}/{generated.source}" if generated.source else None
        return context

    @event_priority(-100)  # last: after every other plugin has written into the new site
    def on_post_build(self, config):
        try:
            self.ctx.svgs.wait()
            for path, key in self.late.items():
                _copy_out(self.ctx.svgs.store, key, os.path.join(config.site_dir, path))
            search.index_site(config.site_dir)  # from the site as written
        except (cache.CacheError, search.SearchIndexError) as e:
            raise PluginError(str(e)) from None
        if self.staging is None:
            return
        if any(h.get_counts() for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler)):
            return  # `--strict` stops the build right after this event: on_build_error drops the new site
        self.staging.commit()
        config.site_dir = str(self.staging.site)  # where gh-deploy and the caller look for it
        self.staging = None

    def on_build_error(self, error):
        if getattr(self, "ctx", None) is not None and self.ctx.svgs is not None:
            try:
                self.ctx.svgs.wait()  # what was rendered stays in the cache for the next build
            except Exception:  # noqa: BLE001 - the build's own error is the one to report
                pass
        if getattr(self, "staging", None) is not None:
            self.staging.abort()
            self.config_.site_dir = str(self.staging.site)
            log.info(messages.text("build.site_kept", site=self.staging.site))
            self.staging = None

    def on_serve(self, server, config, builder):
        server.watch(str(self.data_dir))
        return server
