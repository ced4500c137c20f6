"""Where the build's messages go. The plugin's own log is counted by `mkdocs build --strict`;
facts about the sources (a claim its figures do not support) and damaged cache entries (made
again) are printed on every build but not counted: loggers outside "mkdocs"."""

from __future__ import annotations

import logging

from mkdocs.utils import CountHandler

from generator import cache

log = logging.getLogger("mkdocs.plugins.jobcentres")
data_log = logging.getLogger("jobcentres.data")

for _logger, _label in ((data_log, "data"), (cache.log, "cache")):
    if not _logger.handlers:
        _handler = logging.StreamHandler()
        _handler.setFormatter(logging.Formatter(f"WARNING -  {_label}: %(message)s"))
        _logger.addHandler(_handler)
        _logger.propagate = _logger is cache.log  # the test corpus reads cache warnings from its handlers


def strict_counted() -> bool:
    """Whether MkDocs counted a warning or error so far: with one, `--strict` stops the build."""
    return any(h.get_counts() for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler))
