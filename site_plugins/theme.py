"""The theme's templates as MkDocs renders them: without their blank lines and indentation,
which every page repeated (a tenth of a page's navigation); the same to a browser."""

from __future__ import annotations

import re

import jinja2
import jinja2.ext

_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


class _Unindented(jinja2.ext.Extension):
    """Templates (Material's and overrides/) read without the indentation of their lines. The
    theme has no <pre> or <textarea>, and a run of white space with a line break in it shows as
    one space either way. The pages' content comes in as values and keeps its own."""

    def preprocess(self, source, name, filename=None):
        return _INDENT.sub("", source)


def compact(env: jinja2.Environment) -> jinja2.Environment:
    env.trim_blocks = env.lstrip_blocks = True
    env.add_extension(_Unindented)
    return env
