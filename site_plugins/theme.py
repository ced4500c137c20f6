"""The theme's templates as MkDocs renders them: without their blank lines and indentation,
which every page repeated (a tenth of a page's navigation), the same to a browser; their icons
from one file instead of in every page; and the navigation and table of contents drawn in Python
(site_plugins/navigation.py)."""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

import jinja2
import jinja2.ext
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

from site_plugins import navigation

_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


# `{% include ".icons/" ~ icon ~ ".svg" %}` and `{% include ".icons/material/magnify.svg" %}`
_ICON = re.compile(r'\{%-?\s*include\s+(?:"\.icons/"\s*~\s*(.+?)\s*~\s*"\.svg"|"\.icons/([^"]+)\.svg")\s*-?%\}')
_SVG = re.compile(r"<svg\b[^>]*?\bviewBox=\"([^\"]+)\"[^>]*>(.*)</svg>", re.S)
SPRITE = "assets/images/jc-icons.svg"


class _Unindented(jinja2.ext.Extension):
    """Templates (Material's and overrides/) read without the indentation of their lines (the
    theme has no <pre> or <textarea>, and a run of white space with a line break in it shows as
    one space either way; the pages' content comes in as values and keeps its own), and with
    their icons drawn by jc_icon (Sprite)."""

    def preprocess(self, source, name, filename=None):
        source = _ICON.sub(lambda m: "{{ jc_icon(%s) }}" % (m.group(1) or repr(m.group(2))), source)
        return _INDENT.sub("", source)


class Sprite:
    """Material's icons, which it draws inline in every page (the logo and the code host's mark
    twice, the palette's, the menu's, the search's, the way up): each a <use> of its symbol in one
    file beside the theme's images (SPRITE), which a browser fetches once. The same picture:
    an icon takes its colour and size from its <svg> as before. The file holds every icon used so
    far (serve keeps the Sprite: a page it does not render again still finds its icons) and is
    written while the pages are, at the first icon of a build and when one is added."""

    def __init__(self):
        self.symbols: dict[str, tuple[str, str, str]] = {}  # name: (id, viewBox, inner markup)

    def start(self, env: jinja2.Environment, site_dir: str) -> None:
        """A build's theme: its templates (where the icons are) and the folder it writes."""
        self.env, self.site_dir, self.written = env, site_dir, False

    @jinja2.pass_context
    def __call__(self, context, name: str) -> Markup:
        if name not in self.symbols:
            assert self.env.loader is not None  # MkDocs' theme environment has one
            found = _SVG.search(self.env.loader.get_source(self.env, f".icons/{name}.svg")[0])
            if found is None:
                raise PluginError(f"{name}.svg: an icon without a viewBox cannot be drawn from {SPRITE}")
            self.symbols[name] = (re.sub(r"[^a-z0-9-]", "-", name.lower()), found.group(1), found.group(2))
            self.written = False
        if not self.written:
            self.write()
            self.written = True
        ident, box, _ = self.symbols[name]
        # From the site's own path, not relative to the page: Material's instant navigation moves
        # the header and navigation into a page at another address. xlink:href, not href, which
        # Material's script would try to set (an SVG <use> element's href cannot be set).
        site = context["config"].site_url
        href = f"{(urlsplit(site).path if site else context['base_url']).rstrip('/')}/{SPRITE}#{ident}"
        return Markup(f'<svg viewBox="{box}"><use xlink:href="{escape(href)}"/></svg>')

    def write(self) -> None:
        path = os.path.join(self.site_dir, SPRITE)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        body = "".join(f'<symbol id="{i}" viewBox="{box}">{inner}</symbol>' for i, box, inner in sorted(self.symbols.values()))
        with open(path, "w", encoding="utf-8") as f:
            f.write(f'<svg xmlns="http://www.w3.org/2000/svg">{body}</svg>\n')


def install(env: jinja2.Environment, config, icons: Sprite) -> jinja2.Environment:
    unsupported = navigation.check_features(config.theme["features"])
    if unsupported:
        raise PluginError(
            f"mkdocs.yml: theme.features {', '.join(unsupported)}: site_plugins/navigation.py draws the navigation "
            "and does not support these features; remove them or teach it the markup Material uses for them"
        )
    env.trim_blocks = env.lstrip_blocks = True
    env.add_extension(_Unindented)
    env.globals.update(jc_nav_item=navigation.nav_item, jc_toc=navigation.toc, jc_icon=icons)
    icons.start(env, config.site_dir)
    return env
