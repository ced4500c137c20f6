"""The theme's templates as MkDocs renders them: without their blank lines and indentation,
which every page repeated (a tenth of a page's navigation), the same to a browser; and the
navigation and table of contents drawn in Python (site_plugins/navigation.py)."""

from __future__ import annotations

import re

import jinja2
import jinja2.ext
from mkdocs.exceptions import PluginError

from site_plugins import navigation

_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


class _Unindented(jinja2.ext.Extension):
    """Templates (Material's and overrides/) read without the indentation of their lines. The
    theme has no <pre> or <textarea>, and a run of white space with a line break in it shows as
    one space either way. The pages' content comes in as values and keeps its own."""

    def preprocess(self, source, name, filename=None):
        return _INDENT.sub("", source)


def install(env: jinja2.Environment, config) -> jinja2.Environment:
    unsupported = navigation.check_features(config.theme["features"])
    if unsupported:
        raise PluginError(
            f"mkdocs.yml: theme.features {', '.join(unsupported)}: site_plugins/navigation.py draws the navigation "
            "and does not support these features; remove them or teach it the markup Material uses for them"
        )
    env.trim_blocks = env.lstrip_blocks = True
    env.add_extension(_Unindented)
    env.globals.update(jc_nav_item=navigation.nav_item, jc_toc=navigation.toc)
    return env
