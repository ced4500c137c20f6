"""The document kinds, each one module in this package with its template: what the kind is
called, which model of generator/data/kinds/ it is read with, how its page is made, and its one-line
headline for lists. The site stage takes them from ALL; nothing registers itself.

A new kind (see the README, "How it fits together"): its model in a module of
generator/data/kinds/ (the format staff write), a module here that defines KIND, and its template.
"""

from __future__ import annotations

import importlib
import pkgutil

from generator.views.kind import Kind


def _discover() -> dict[str, Kind]:
    found = [importlib.import_module(f"{__name__}.{m.name}").KIND for m in pkgutil.iter_modules(__path__)]
    return {k.name: k for k in sorted(found, key=lambda k: k.order)}


ALL: dict[str, Kind] = _discover()
