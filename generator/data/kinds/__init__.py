"""The document kinds: one module per kind, each with MODEL, the pydantic model of the format
staff write for it (its `kind` field's default is the kind's name and the file name it is
stored under). Adding a kind means adding its module here (and its view in
generator/views/kinds/): the modules are found by listing this package, not registered."""

from __future__ import annotations

import importlib
import pkgutil

from generator.data.models import DocumentBase


def _discover() -> dict[str, type[DocumentBase]]:
    found: dict[str, type[DocumentBase]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        model = importlib.import_module(f"{__name__}.{info.name}").MODEL
        found[model.model_fields["kind"].default] = model
    return dict(sorted(found.items()))


# kind -> model, by name: 'beskaeftigelsesplan', 'referat', 'resultatrevision', 'tilbagemelding'
KINDS = _discover()


def kind_of(name: str) -> str | None:
    """The document kind a file name (without .yaml) stands for: 'referat-2013-03-06' -> 'referat'."""
    for kind in KINDS:
        if name == kind or name.startswith(kind + "-"):
            return kind
    return None
