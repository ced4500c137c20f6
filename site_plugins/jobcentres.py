"""MkDocs plugin: maps what the site stage (generator/site/build.py) returns onto MkDocs' events.
on_config checks data/ and builds pages and files into the cache; on_files adds them (docs/ is
never written to) and the navigation; on_post_build indexes the site for search and, for `mkdocs
build`, swaps the new site in: a failed build leaves the published site as it was."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.toc import get_toc

from generator import cache, messages, progress
from generator.data import loader
from generator.data.errors import DataError
from generator.site import build, listings, publish
from site_plugins import files, logs, search, theme
from site_plugins.logs import data_log, log


class PluginConfig(Config):
    data_dir = c.Type(str, default="data")
    cache_dir = c.Type(str, default=".cache/charts")
    files_dir = c.Type(str, default=".cache/files")


class JobcentrePlugin(BasePlugin[PluginConfig]):
    supports_multiple_instances = False

    def __init__(self):
        # kept between serve's builds
        self.load_cache, self.memory, self.searching = loader.LoadCache(), build.Memory(), search.Background()
        self.in_place = self.serving = self.dirty = False  # `mkdocs build` until on_startup says otherwise
        self.icons = theme.Sprite()

    def on_startup(self, *, command, dirty):  # MkDocs keeps a plugin with on_startup between serve's builds
        self.in_place = command == "serve" or dirty  # else: a new folder, swapped in at the end
        self.dirty = dirty
        self.serving = command == "serve"

    def on_config(self, config):
        self.config_, self.staging = config, None if self.in_place else publish.staged(config)
        project = Path(config.config_file_path).parent
        self.data_dir = (project / self.config.data_dir).resolve()
        self.store = cache.Store((project / self.config.files_dir).resolve())
        self.ctx = build.context(
            svg_cache=(project / self.config.cache_dir).resolve(),
            directory_urls=config.use_directory_urls,
            markdown_extensions=config.markdown_extensions,
            markdown_configs=config.mdx_configs,
            env=self.memory.templates,
        )
        self.store.sweep()
        self.ctx.svgs.store.sweep()
        memory = self.memory if self.in_place else None  # serve keeps pages between builds
        try:
            self.site = build.site(self.ctx, self.data_dir, config.docs_dir, self.store, self.load_cache, memory)
        except (DataError, cache.CacheError) as e:
            raise PluginError(e.report() if isinstance(e, DataError) else str(e)) from None
        for w in self.site.warnings:
            data_log.warning(str(w))
        self.pages = {p.path: p for p in self.site.pages}
        return config

    def on_files(self, docs, config):
        for page in self.site.pages:  # the other files are written after the build (on_post_build)
            docs.append(files.CachedFile.of(config, page.path, self.site.store, page.body))
        if config.nav is None:
            config.nav = listings.navigation(
                self.site.dataset, [f.src_uri for f in docs.documentation_pages() if f.generated_by is None]
            )
        # MkDocs and Material render and write every page after this: at national scale a long
        # stage of their own, said as it goes like the generator's
        self.writing = progress.Progress("build.writing_pages", len(docs.documentation_pages()))
        return docs

    def on_env(self, env, config, files):
        return theme.install(env, config, self.icons)

    def on_page_read_source(self, page, config):
        return "" if page.file.src_uri in self.pages else None

    def on_page_markdown(self, markdown, page, config, files):
        """A generated page: its metadata (its body comes in on_page_content). A hand-written
        page: its marker lines (`<!-- jc:nyeste -->`) become the generated lists."""
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            page.meta.update(generated.meta)
            return ""
        try:
            return listings.fill(markdown, self.ctx, self.site.dataset, page.file.src_uri)
        except ValueError as e:
            raise PluginError(str(e)) from None

    def on_page_content(self, html, page, config, files):
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return html
        page.toc, page.present_anchor_ids = get_toc(generated.toc), set(generated.anchors)
        try:
            return self.site.body(generated)
        except cache.CacheError as e:
            raise PluginError(str(e)) from None

    def on_post_page(self, output, page, config):
        self.writing.step()
        return output

    def on_page_context(self, context, page, config, nav):
        """A generated page's edit link: MkDocs' edit_uri with its data file in place of docs/."""
        generated = self.pages.get(page.file.src_uri)
        if generated is not None and config.repo_url and config.edit_uri:
            page.edit_url = files.edit_url(config, generated.source)
        return context

    @event_priority(-100)  # last: after every other plugin has written into the new site
    def on_post_build(self, config):
        try:
            self.ctx.svgs.wait()
            charts, rendered = self.site.chart_counts(self.ctx.svgs.store)
            progress.done("build.charts_made", charts=charts, cached=charts - rendered, rendered=rendered)
            files.write_all(config.site_dir, {**self.site.files, **self.site.late}, self.memory.written if self.dirty else None)
            if self.serving:  # while the preview serves the last bundle
                self.searching.index(config.site_dir, self.store)
            else:
                search.index_site(config.site_dir, self.store)  # from the site as written
        except (cache.CacheError, search.SearchIndexError) as e:
            raise PluginError(str(e)) from None
        # with warnings, `--strict` stops the build right after this event: on_build_error drops the new site
        if not logs.strict_counted():
            publish.finish(self.staging, config, failed=False)
            self.staging = None

    def on_build_error(self, error):
        self.memory = build.Memory()  # a page it holds may name a damaged entry
        try:
            self.ctx.svgs.wait()  # what was rendered stays in the cache for the next build
        except Exception:  # noqa: BLE001 - the build's own error is the one to report
            pass
        if getattr(self, "staging", None) is not None:
            publish.finish(self.staging, self.config_, failed=True)
            log.info(messages.text("build.site_kept", site=self.staging.site))
            self.staging = None

    def on_serve(self, server, config, builder):
        server.watch(str(self.data_dir))
        return server
