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
import os
import logging
import posixpath
import re
import sys
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator import compute, loader, overview, site
from generator.errors import DataError

ASSETS = Path(__file__).parent / "assets"
JS_BUNDLE = "assets/javascripts/vega-bundle.js"
SNIPPET_MARKER = re.compile(r"^<!--\s*jc:([\w-]+)\s*-->[ \t]*$", re.MULTILINE)
OWN_ASSETS = {
    "assets/javascripts/jc-charts.js": "jc-charts.js",
    "assets/javascripts/jc-tables.js": "jc-tables.js",
    "assets/stylesheets/jc.css": "jc.css",
}

# Data warnings (a document's claim that its own figures do not support) are facts about the
# source, not faults in the build, so they go to their own logger: `mkdocs build --strict`
# does not count them, but they are printed on every build.
data_log = logging.getLogger("jobcentres.data")
if not data_log.handlers:
    _h = logging.StreamHandler(sys.stderr)
    _h.setFormatter(logging.Formatter("WARNING -  data: %(message)s"))
    data_log.addHandler(_h)
    data_log.propagate = False


class PluginConfig(Config):
    data_dir = c.Type(str, default="data")
    cache_dir = c.Type(str, default=".cache/charts")


@functools.cache
def _vega_bundle() -> str:
    import vl_convert as vlc

    return vlc.javascript_bundle()


class JobcentrePlugin(BasePlugin[PluginConfig]):
    supports_multiple_instances = False

    def on_config(self, config):
        project = Path(config.config_file_path).parent
        self.data_dir = (project / self.config.data_dir).resolve()
        cache = (project / self.config.cache_dir).resolve()
        try:
            dataset = loader.load(self.data_dir)
        except DataError as e:
            raise PluginError(e.report()) from None
        for w in [*dataset.warnings, *compute.claim_warnings(dataset)]:
            data_log.warning(str(w))
        self.dataset = dataset
        self.pages = site.all_pages(dataset, svg_cache=cache)
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
        for page in self.pages:
            generated.append(File.generated(config, page.path, content=page.content))
            for path, content in page.assets.items():
                generated.append(File.generated(config, path, content=content))
        generated.append(File.generated(config, JS_BUNDLE, content=_vega_bundle()))
        for dest, name in OWN_ASSETS.items():
            generated.append(File.generated(config, dest, abs_src_path=str(ASSETS / name)))
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
        """Edit links of generated pages point at the data file they come from."""
        source = self.sources.get(page.file.src_uri)
        if page.file.generated_by and config.repo_url:
            page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{source}" if source else None
        return context

    def on_page_markdown(self, markdown: str, page, config, files):
        """Fill the marker lines of a hand-written page with generated lists."""
        if page.file.generated_by:
            return markdown
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

    def on_post_page(self, output: str, page, config) -> str:
        return self._name_search_dialog(output, config)

    def on_post_template(self, output: str, template_name: str, config) -> str:
        return self._name_search_dialog(output, config)

    def on_serve(self, server, config, builder):
        server.watch(str(self.data_dir))
        return server
