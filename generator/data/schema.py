"""JSON Schemas of the data files, made from the models (generator/data/models.py and kinds/), so that an editor
(VS Code with Red Hat's YAML extension) completes field names and marks errors while staff type.

`jobcenter schema` writes one file per document kind and one for the registry to schemas/ in the
repository (a test keeps them equal to what the models make); the skeletons of `new` name theirs
in their first line (`# yaml-language-server: $schema=../../../schemas/<kind>.json`), and the
site publishes the same files at /schemas/<name>.json. A schema says less than validate does
(no calendar, no cross-field checks, no CSV): validate stays the judge.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from generator import messages
from generator.data.kinds import KINDS
from generator.data.models import Registry

FOLDER = "schemas"  # in the repository and on the site
REGISTRY = "jobcentres"  # the schema of data/jobcentres.yaml


def models() -> dict[str, type[BaseModel]]:
    """Each schema's name (the file name of the data it is for, without .yaml) and its model."""
    return {**KINDS, REGISTRY: Registry}


def _bounds(node):
    """pydantic writes a bound after a BeforeValidator (models.Number, Count) as 'ge'/'le', which
    JSON Schema does not know: made 'minimum'/'maximum', so editors check them."""
    if isinstance(node, dict):
        names = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}
        return {names.get(k, k) if k in names and "type" in node else k: _bounds(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_bounds(v) for v in node]
    return node


def _danish(node: dict, model_name: str) -> None:
    """Each model's description in Danish for staff (messages.SCHEMA_MODELS) in place of its
    docstring, written for engineers; its fields' descriptions come Danish from models.py."""
    if model_name in messages.SCHEMA_MODELS:
        node["description"] = messages.SCHEMA_MODELS[model_name]


def schema(name: str, model: type[BaseModel]) -> dict:
    out = _bounds(model.model_json_schema())
    _danish(out, model.__name__)
    for def_name, definition in out.get("$defs", {}).items():
        _danish(definition, def_name)
    out = {"$schema": "https://json-schema.org/draft/2020-12/schema", **out}
    out["title"] = f"{name}.yaml"
    return out


def texts() -> dict[str, str]:
    """File name -> the schema as JSON text (stable: the same models give the same bytes)."""
    return {
        f"{name}.json": json.dumps(schema(name, model), indent=2, ensure_ascii=False) + "\n" for name, model in models().items()
    }


def write(folder: Path) -> list[Path]:
    """Write every schema to folder (made if needed); returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, text in texts().items():
        path = folder / file_name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
