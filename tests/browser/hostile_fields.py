"""A copy of the seed project with a script payload in every text field the models define.

The fields are found by walking the pydantic models in generator/data/models.py and generator/data/kinds/ (model_fields,
recursively through nested models, lists and unions), so a text field added later gets a payload
without a change here. Every field gets its own payload number and search word: a payload that
runs reports its number through alert() (seen by a dialog listener) and sets window.__pwned.

What is not free text is left alone, and said so: fields whose values are constrained (a slug
pattern, digits) and the identifiers that other fields or files refer to (IDENTIFIERS). A text
field that the seed data do not use gets a value where the model accepts one.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal, Union

import yaml
from pydantic import BaseModel, ValidationError

from generator.data import kinds, models

# Identifiers and references, not text shown to readers: (model, field) -> what it names.
IDENTIFIERS = {
    ("Table", "file"): "the CSV file",
    ("Column", "key"): "a CSV header, referred to by charts",
    ("ChartSpec", "x"): "a column key",
    ("ChartSpec", "y"): "column keys",
    ("ChartSpec", "series"): "a column key",
    ("ChartSpec", "facet"): "a column key",
    ("Table", "emphasis_column"): "a column key",
    ("Wide", "column"): "a column key",
    ("Wide", "value"): "a column key",
    ("Section", "tables"): "table ids",
    ("Goal", "charts"): "table ids",
    ("Goal", "plan_goal"): "a plan goal id",
    ("FocusArea", "minister_goals"): "minister goal ids",
    ("FollowUp", "tables"): "table ids",
}
# Fields whose values must repeat another field's value: they get that field's payload.
SAME_AS = {("Minutes", "absent"): ("Member", "name"), ("Decision", "absent"): ("Member", "name")}
CSV_TEXT_CELL = ("CSV", "text cell")
MARKER = "zqhostile"  # in every payload: one search finds them all


def word(n: int) -> str:
    """The payload's own search word: letters only ('pwnbx'), which no stemmer shortens."""
    letters = ""
    n += 26
    while n:
        n, r = divmod(n, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[r] + letters
    return f"pwn{letters}x"


def code(n: int) -> str:
    return f"window.__pwned={n};alert({n})"


def payload(n: int, markdown: bool = True) -> str:
    """Text that runs code(n) if any part of it reaches a page, a search result or a link as
    markup: HTML elements and attributes, a javascript: link, attr_list's {: on...= }, and a
    Markdown reference link to javascript: (its definition on a line of its own)."""
    w, c = word(n), code(n)
    text = (
        f'{w} {MARKER} <img src=x onerror="{c}"> <svg onload="{c}"></svg> "><script>{c}</script> '
        f'\'><img src=x onerror={c}> [klik {w}](javascript:{c}) [se {w}][r{w}] {{: onclick="{c}" }}'
    )
    return text + (f"\n\n[r{w}]: javascript:{c}" if markdown else "")


def url_payload(n: int) -> str:
    return f'javascript:{code(n)}// {word(n)} {MARKER} <img src=x onerror="{code(n)}">'


# --------------------------------------------------------------------------- the models' fields


@dataclass
class Kind:
    """What a field holds: text, a list of texts, nested models, or something else."""

    text: bool = False  # str (or a list of str)
    many: bool = False  # a list
    constrained: bool = False  # a pattern or a validator decides what the text may be
    models: list[type[BaseModel]] = field(default_factory=list)


def _constrained(metadata) -> bool:
    return any(
        getattr(m, "pattern", None) or type(m).__name__.endswith("Validator") or _constrained(getattr(m, "metadata", None) or ())
        for m in metadata
    )


def kind_of(annotation, metadata=()) -> Kind:
    out = Kind(constrained=_constrained(metadata))
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        inner = kind_of(annotation.__origin__, annotation.__metadata__)
        inner.constrained |= out.constrained
        return inner
    if origin in (Union, types.UnionType):
        for arg in typing.get_args(annotation):
            k = kind_of(arg)
            out.text |= k.text
            out.many |= k.many
            out.constrained |= k.constrained and k.text
            out.models += k.models
        return out
    if origin is list:
        k = kind_of(typing.get_args(annotation)[0])
        k.many = True
        return k
    if origin is Literal:
        return out
    if annotation is str:
        out.text = True
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        out.models.append(annotation)
    return out


def text_fields(root: type[BaseModel]) -> dict[tuple[str, str], Kind]:
    """Every (model, field) of free text reachable from root."""
    found: dict[tuple[str, str], Kind] = {}
    seen: set[type] = set()

    def walk(model):
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():
            k = kind_of(info.annotation, info.metadata)
            if k.text and not k.constrained and (model.__name__, name) not in IDENTIFIERS:
                found[(model.__name__, name)] = k
            for m in k.models:
                walk(m)

    walk(root)
    return found


def all_text_fields() -> dict[tuple[str, str], Kind]:
    out = text_fields(models.Registry)
    for model in kinds.KINDS.values():
        out.update(text_fields(model))
    return out


# --------------------------------------------------------------------------- injecting


class Injector:
    """Gives every text field its payload (and counts the values it gave one, per field)."""

    # Fields that hold an address: their payload is a javascript: address.
    ADDRESSES = ("url", "website", "email")

    def __init__(self):
        self.fields = all_text_fields()
        self.numbers = {key: i for i, key in enumerate(sorted(self.fields) + [CSV_TEXT_CELL])}
        self.covered: dict[tuple[str, str], int] = {}  # field -> values given a payload
        self._document: tuple[type[BaseModel], dict] | None = None  # the file being filled

    def value(self, key, old: str | None, markdown: bool = True) -> str:
        n = self.numbers[SAME_AS.get(key, key)]
        self.covered[key] = self.covered.get(key, 0) + 1
        if key[1] in self.ADDRESSES:
            return url_payload(n)
        return f"{old} {payload(n, markdown)}" if old else payload(n, markdown)

    def document(self, data: dict, model: type[BaseModel]) -> None:
        """Put payloads into a file's data (read from YAML, validated by model), in place."""
        self._document = (model, data)
        try:
            self._inject(data, model)
        finally:
            self._document = None

    def _accepted(self) -> bool:
        """Whether the file's model still accepts the file's data."""
        assert self._document is not None  # asked only while document() fills a file
        model, data = self._document
        try:
            model.model_validate(data)
            return True
        except ValidationError:
            return False

    def _inject(self, data: dict, model: type[BaseModel]) -> None:
        for name, info in model.model_fields.items():
            key = (model.__name__, name)
            k = kind_of(info.annotation, info.metadata)
            present = data.get(name) not in (None, [], "")
            if key in SAME_AS:
                if present:
                    data[name] = [self.value(key, v) for v in data[name]]
            elif key in self.fields and present:
                data[name] = [self.value(key, v) for v in data[name]] if k.many else self.value(key, data[name])
            elif key in self.fields:  # left out by the seed: kept where the model accepts it
                data[name] = [self.value(key, None)] if k.many else self.value(key, None)
                if not self._accepted():
                    del data[name]
                    self.covered[key] -= 1
            else:
                for m in k.models:
                    items = data.get(name) if k.many else [data.get(name)]
                    for item in items or []:
                        if isinstance(item, dict) and _fits(m, item):
                            self._inject(item, m)
                    if not items or items == [None]:
                        self._fill(data, name, k.many, m)

    def _fill(self, data: dict, name: str, many: bool, model: type[BaseModel]) -> None:
        """A nested model the seed left out, when it has text fields no payload reached yet:
        the smallest value the model accepts, with payloads."""
        if not any(self.fields.get(key) and not self.covered.get(key) for key in text_fields(model)):
            return
        item = minimal(model)
        if item is None:
            return
        before = dict(self.covered)
        data[name] = [item] if many else item
        self._inject(item, model)
        if not self._accepted():
            del data[name]
            self.covered = before

    def csv(self, text: str, text_columns: set[str]) -> str:
        rows = list(csv.reader(io.StringIO(text)))
        header = rows[0]
        cols = [i for i, h in enumerate(header) if h in text_columns]
        for row in rows[1:]:
            for i in cols:
                if i < len(row) and row[i].strip():
                    row[i] = self.value(CSV_TEXT_CELL, row[i], markdown=False)
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        return out.getvalue()


def minimal(model: type[BaseModel]) -> dict | None:
    """The required fields of model with the simplest values of their types (None when a
    required field is of a type this does not know)."""
    simple = {str: "x", float: 1.0, int: 1, bool: False, dt.date: "2013-12-01"}  # a day: a month field takes it too
    out = {}
    for name, info in model.model_fields.items():
        if not info.is_required():
            continue
        ann = info.annotation
        if typing.get_origin(ann) is Annotated:
            ann = typing.get_args(ann)[0]
        if ann in simple:
            out[name] = simple[ann]
        elif typing.get_origin(ann) is Literal:
            out[name] = typing.get_args(ann)[0]
        elif isinstance(ann, type) and issubclass(ann, BaseModel) and minimal(ann) is not None:
            out[name] = minimal(ann)
        else:
            return None
    return out


def _fits(model: type[BaseModel], item: dict) -> bool:
    """Whether a dict in a union field is this model (StartEnd and Range differ by their fields)."""
    return set(item) <= set(model.model_fields)


def make_hostile_project(dest: Path) -> Injector:
    """Payloads into every text field of the copy of the project at dest (copy_project), in
    the registry, every document and the text cells of their CSV files."""
    inj = Injector()
    data = dest / "data"
    reg_path = data / "jobcentres.yaml"
    registry = yaml.safe_load(reg_path.read_text(encoding="utf-8"))
    inj.document(registry, models.Registry)
    reg_path.write_text(yaml.safe_dump(registry, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for path in sorted(data.glob("*/*/*.yaml")):
        kind = kinds.kind_of(path.stem)
        assert kind is not None  # the seed's documents are named by their kind
        model = kinds.KINDS[kind]
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for table in doc.get("tables", []):
            text_cols = {c["key"] for c in table.get("columns", []) if c.get("type") == "text"}
            csv_path = path.parent / table["file"]
            if text_cols:
                csv_path.write_text(inj.csv(csv_path.read_text(encoding="utf-8-sig"), text_cols), encoding="utf-8")
        inj.document(doc, model)
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return inj


def uncovered(inj: Injector) -> list[tuple[str, str]]:
    return sorted(k for k in [*inj.fields, CSV_TEXT_CELL] if not inj.covered.get(k))
