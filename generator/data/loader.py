"""Load data/ into validated models. Every problem is collected with file, line and field.

Layout:
    data/jobcentres.yaml                      the registry
    data/<jobcentre>/<year>/<kind>.yaml       one document (kind from the file name)
    data/<jobcentre>/<year>/**/*.csv          its tables and series, named by the YAML
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator import cache as cache_store
from generator import messages, progress
from generator.data.csvdata import _read_text, display_path, load_table, table_path
from generator.data.errors import DataError, DataIssue, IssueLog
from generator.data.kinds import KINDS, kind_of
from generator.data.kinds.plan import Plan
from generator.data.kinds.revision import Revision, placed_goals
from generator.data.models import (
    FACT_REF,
    PLACEHOLDER,
    YEAR_RANGE,
    DocumentBase,
    Registry,
    Strict,
    Table,
    field_path,
    unique_ids,
    unknown_refs,
)

REGISTRY_FILE = "jobcentres.yaml"
MAX_YAML_BYTES = 2 * 1024 * 1024  # a larger YAML file is refused (docs/forfatter.md says so)
REF = re.compile(r"\{ref:([a-z0-9-]+)\}")
M = TypeVar("M", bound=DocumentBase)


@dataclass
class Document:
    """A loaded document: its model plus where it came from."""

    model: DocumentBase
    path: Path
    kind: str
    slug: str  # file stem, unique within the jobcentre and year (fx 'referat-2013-03-06')
    # (place in the file, target) of each link its texts make to a page of the site, fx
    # (('goals', 1, 'explanation'), '../../2020/beskaeftigelsesplan/index.md'): checked against
    # the site's pages by sitecheck
    page_links: list[tuple[tuple, str]] = field(default_factory=list)
    digest: str = ""  # of the files it was read from (see _files_digest)

    @property
    def jobcentre(self) -> str:
        return self.model.jobcentre

    @property
    def year(self) -> int:
        return self.model.year

    def table(self, table_id: str) -> Table:
        return next(t for t in self.model.tables if t.id == table_id)

    def model_as(self, model: type[M]) -> M:
        """The model as its kind's class (generator.data.kinds.KINDS), for code that handles one kind; a
        TypeError if the document is of another kind."""
        if not isinstance(self.model, model):
            raise TypeError(f"{self.path} is a {self.kind}, not a {model.__name__}")
        return self.model


@dataclass
class Dataset:
    root: Path
    registry: Registry
    documents: list[Document]
    warnings: list[DataIssue] = field(default_factory=list)
    _folders: dict | None = field(default=None, init=False, repr=False, compare=False)
    _by_jobcentre: dict | None = field(default=None, init=False, repr=False, compare=False)

    @functools.cached_property
    def jobcentres(self):
        return {j.slug: j for j in self.registry.jobcentres}

    def documents_of(self, jobcentre: str) -> list[Document]:
        """The jobcentre's documents, in the dataset's order. Indexed on first use, as in_folder."""
        if self._by_jobcentre is None:
            self._by_jobcentre = {}
            for d in self.documents:
                self._by_jobcentre.setdefault(d.jobcentre, []).append(d)
        return list(self._by_jobcentre.get(jobcentre, []))

    def in_folder(self, jobcentre: str, year: int) -> list[Document]:
        """The documents of one jobcentre and year. Indexed on first use: pages ask for every
        document's neighbours, and a scan of all documents each time was quadratic at scale."""
        if self._folders is None:
            self._folders = {}
            for d in self.documents:
                self._folders.setdefault((d.jobcentre, d.year), []).append(d)
        return self._folders.get((jobcentre, year), [])

    def find(self, jobcentre: str, year: int, slug: str) -> Document | None:
        return next((d for d in self.in_folder(jobcentre, year) if d.slug == slug), None)

    def referring_to(self, doc: Document) -> list[Document]:
        """Documents in the same folder that answer or refer to doc (a letter to its revision)."""
        return [d for d in self.in_folder(doc.jobcentre, doc.year) if doc.slug in d.model.references()]


# --------------------------------------------------------------------------- YAML with lines


def _line_map(
    node: yaml.Node, path: tuple = (), out: dict | None = None, duplicates: list | None = None, seen: set | None = None
) -> dict[tuple, int]:
    """Map each path in a composed YAML tree to its 1-based line. A key that a mapping has twice
    is added to duplicates as (path, line of the second). A node reached twice (an alias) is
    walked once, so an alias bomb cannot grow the walk."""
    out = {} if out is None else out
    seen = set() if seen is None else seen
    if id(node) in seen:
        return out
    seen.add(id(node))
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        keys: set = set()
        for key, value in node.value:
            sub = path + (key.value,)
            if duplicates is not None and isinstance(key, yaml.ScalarNode):
                if (key.tag, key.value) in keys:
                    duplicates.append((sub, key.start_mark.line + 1))
                keys.add((key.tag, key.value))
            out[sub] = key.start_mark.line + 1
            _line_map(value, sub, out, duplicates, seen)
            out[sub] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _line_map(item, path + (i,), out, duplicates, seen)
    return out


class LineMap:
    """Where each field of a YAML file is: (key, index, ...) -> 1-based line. Made only when a
    message needs a line: the map has an entry per YAML node, and at national scale keeping one
    for every loaded file cost much of the load's time and memory. Made from the file as it is
    when first asked (a file changed in between gives the new file's lines)."""

    def __init__(self, path: Path, text: str | None = None):
        self.path = path
        self._text = text  # only until the map is made
        self._map: dict[tuple, int] | None = None
        self._duplicates: list[tuple[tuple, int]] = []

    def _lines(self) -> dict[tuple, int]:
        if self._map is None:
            text = self._text
            if text is None:
                try:
                    text = self.path.read_bytes().decode("utf-8-sig")
                except (OSError, UnicodeDecodeError):
                    text = ""
            try:
                node = yaml.compose(text, Loader=_Loader)
            except (yaml.YAMLError, RecursionError):
                node = None
            self._map = _line_map(node, duplicates=self._duplicates) if node is not None else {}
            self._text = None
        return self._map

    def duplicates(self) -> list[tuple[tuple, int]]:
        """Each key that a mapping has more than once, as (path, line of the repeat)."""
        self._lines()
        return self._duplicates

    def get(self, key: tuple, default=None):
        return self._lines().get(key, default)

    def __contains__(self, key: tuple) -> bool:
        return key in self._lines()

    def __getitem__(self, key: tuple) -> int:
        return self._lines()[key]


if TYPE_CHECKING:  # libyaml's loader has the pure-Python one's interface
    _Loader: TypeAlias = yaml.SafeLoader
else:
    _Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _AliasFound(yaml.YAMLError):
    """A node was reached a second time while building the data: the file uses an alias."""


class _StrictLoader(_Loader):
    """libyaml's safe loader (when PyYAML has it: much faster) that notes duplicate keys, stops
    at the first alias (an alias bomb is never expanded) and reads dates as text: the models
    parse them, so an impossible date (2013-02-30) is an error on its field instead of an
    exception that hides every other error."""

    def __init__(self, stream):
        super().__init__(stream)
        self.has_duplicate_keys = False

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _AliasFound()  # only an alias makes two places share one node
        return super().construct_object(node, deep)

    def construct_mapping(self, node, deep=False):
        keys = [(k.tag, k.value) for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
        if len(keys) != len(set(keys)):
            self.has_duplicate_keys = True
        return super().construct_mapping(node, deep)


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


# "&name" where YAML could read it as an anchor (after a space, a line start or a bracket);
# "Hovedstaden & Sjælland" is not one. Only such files are scanned for anchors (the scan costs
# about half a load); aliases are caught while loading (_StrictLoader).
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s\[\]{},]", re.MULTILINE)


def _first_alias(text: str) -> tuple[int | None, tuple, str] | None:
    """The first YAML anchor (&name) or alias (*name) in text, as (line, path, what), found from
    the parser's events without building anything (an alias bomb is a few lines of events)."""
    stack: list[list] = []  # open collections: [path, is_mapping, next_is_key, key or index]

    def place() -> tuple:
        if not stack:
            return ()
        path, is_map, _, at = stack[-1]
        return path + (at,) if at is not None else path

    def done() -> None:  # a node ended: the parent moves to its next key or item
        if stack:
            top = stack[-1]
            if top[1]:
                top[2] = not top[2]
            else:
                top[3] += 1

    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.NodeEvent) and stack and stack[-1][1] and stack[-1][2]:
            if isinstance(event, yaml.ScalarEvent):  # a key: the next node is its value
                stack[-1][3] = event.value
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1, place(), f"alias *{event.anchor}"
        if isinstance(event, yaml.NodeEvent) and event.anchor:
            return event.start_mark.line + 1, place(), f"anchor &{event.anchor}"
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            is_map = isinstance(event, yaml.MappingStartEvent)
            stack.append([place(), is_map, True, None if is_map else 0])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
            done()
        elif isinstance(event, yaml.ScalarEvent):
            done()
    return None


# PyYAML's (and libyaml's) words for a syntax error -> the message that says it for staff.
# The first whose words are in the error's problem or context wins.
_SYNTAX_WORDS = [
    ("could not determine a constructor", "syntax_tag"),
    ("found unhashable key", "syntax_unhashable_key"),
    ("exceeded maximum nesting depth", "syntax_too_deep"),
    ("found undefined alias", "syntax_undefined_alias"),
    ("expected a single document", "syntax_two_documents"),
    ("mapping values are not allowed", "syntax_colon"),
    ("while scanning a quoted scalar", "syntax_quote"),
    ("while parsing a flow sequence", "syntax_flow_list"),
    ("while parsing a flow mapping", "syntax_flow_mapping"),
    ("could not find expected ':'", "syntax_no_colon"),
    ("while scanning a simple key", "syntax_no_colon"),
    ("cannot start any token", "syntax_start_char"),
    ("did not find expected", "syntax_indent"),
    ("expected <block end>", "syntax_indent"),
]
# key: value, where the value is text written without quotes: "  - title: Mål 2: Flere i job"
# key: "text" more text (a quoted text that goes on after its closing quote)
_AFTER_QUOTE = re.compile(r"""^\s*(?:-\s+)?[\w.-]+:\s+(["'])(?:(?!\1).)*\1\s*[^\s#]""")
_PLAIN_VALUE = re.compile(r"^(\s*(?:-\s+)?[\w.-]+:\s+)([^'\"\s[{].*?)\s*$")


def _syntax_words(problem: str, line_text: str, column: int | None) -> str:
    """The syntax error said for staff, with the fix where the line shows it."""
    if "\t" in line_text[: len(line_text) - len(line_text.lstrip())] or (
        "cannot start any token" in problem and column is not None and line_text[column : column + 1] == "\t"
    ):
        return messages.text("yaml.syntax_tab")
    key = next((k for words, k in _SYNTAX_WORDS if words in problem), None)
    if key == "syntax_colon":
        m = _PLAIN_VALUE.match(line_text)
        if m is None:
            return messages.text("yaml.syntax_colon_plain")
        value = m.group(2).replace("\\", "\\\\").replace('"', '\\"')
        return messages.text("yaml.syntax_colon", fix=f'{m.group(1).strip()} "{value}"')
    if key == "syntax_start_char":
        char = line_text[column : column + 1] if column is not None else ""
        return messages.text("yaml.syntax_start_char", char=repr(char) if char.strip() else "")
    if key == "syntax_indent" and _AFTER_QUOTE.search(line_text):
        return messages.text("yaml.syntax_after_quote")
    return messages.text(f"yaml.{key}") if key else messages.text("yaml.syntax_other", raw=problem)


def _syntax_error(path: Path, text: str, e: yaml.YAMLError, log: IssueLog) -> None:
    """One line: the problem in the author's terms and, where known, the line it is on."""
    if isinstance(e, yaml.reader.ReaderError):  # a character YAML does not allow
        at = text[: e.position].count("\n") + 1
        code = e.character if isinstance(e.character, int) else ord(e.character)
        log.error(display_path(path), at, "", messages.text("yaml.bad_character", code=f"#x{code:04x}"))
        return
    context = getattr(e, "context", None)
    mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
    if context == "while scanning a quoted scalar" and getattr(e, "context_mark", None):
        mark = e.context_mark  # where the quote was opened, not the end of the file
    line = mark.line + 1 if mark else None
    problem = getattr(e, "problem", None) or str(e)
    problem = " ".join((problem + (f" ({context})" if context else "")).split())
    lines = text.splitlines()
    line_text = lines[line - 1] if line and line <= len(lines) else ""
    words = _syntax_words(problem, line_text, mark.column if mark else None)
    log.error(display_path(path), line, "", messages.text("yaml.syntax", problem=words))


def read_yaml(path: Path, log: IssueLog) -> tuple[Any, LineMap] | None:
    """The file's data and a LineMap for messages about it. Refused with a message (and None):
    a file over MAX_YAML_BYTES, one that is not UTF-8, a syntax error, anchors and aliases.
    Duplicate keys are logged with their lines (the data are returned: other errors come too)."""
    shown = display_path(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        log.error(shown, None, "", messages.text("yaml.unreadable", reason=messages.os_reason(e)))
        return None
    if not path.is_file():
        log.error(shown, None, "", messages.text("yaml.not_a_file"))
        return None
    if size > MAX_YAML_BYTES:
        log.error(shown, None, "", messages.text("yaml.too_large", size=size, limit=MAX_YAML_BYTES // (1024 * 1024)))
        return None
    try:
        text = _read_text(path, log)
    except OSError as e:  # its status could be read, its content not (rights, or gone since)
        log.error(shown, None, "", messages.text("yaml.unreadable", reason=messages.os_reason(e)))
        return None
    if text is None:
        return None
    try:
        anchor = _first_alias(text) if _MAYBE_ANCHOR.search(text) else None
        if anchor is None:
            loader = _StrictLoader(text)
            try:
                data = loader.get_single_data()
            except _AliasFound:  # the scan finds it, with its place
                anchor = _first_alias(text) or (None, (), "an alias")
            finally:
                loader.dispose()
    except yaml.YAMLError as e:
        _syntax_error(path, text, e, log)
        return None
    except RecursionError:
        log.error(shown, None, "", messages.text("yaml.too_deep"))
        return None
    if anchor is not None:
        line, loc, what = anchor
        log.error(shown, line, field_path(loc), messages.text("yaml.alias", what=what))
        return None
    lines = LineMap(path, text if loader.has_duplicate_keys else None)
    if loader.has_duplicate_keys:
        for loc, line in lines.duplicates():
            log.error(shown, line, field_path(loc), messages.text("yaml.duplicate_key", name=loc[-1]))
    for loc, char in _control_chars(data, ()):
        log.error(shown, lines.get(loc), field_path(loc), messages.text("yaml.control_char", char=repr(char)))
    return data, lines


# Characters no page or SVG may hold (XML 1.0 has no place for them; vl-convert aborts the whole
# process on one in a chart's text), which YAML lets through as escapes in quoted text ("\x11").
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _control_chars(value: Any, loc: tuple) -> list[tuple[tuple, str]]:
    """Each text in the data with such a character, as (its place, the first one)."""
    if isinstance(value, str):
        found = _CONTROL.search(value)
        return [(loc, found.group(0))] if found else []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    return [hit for key, item in items for hit in _control_chars(item, (*loc, key))]


# --------------------------------------------------------------------------- pydantic errors


def _is_tag(part: Any) -> bool:
    """Union members appear in pydantic's loc as tags ('float', 'StartEnd', "literal['x']")."""
    return isinstance(part, str) and (
        part[:1].isupper() or part in {"float", "int", "bool", "str", "none", "list", "dict"} or "[" in part
    )


_BOUND_ERRORS = {"finite_number", "less_than_equal", "greater_than_equal", "less_than", "greater_than"}
_NUMBER_ERRORS = {"float_parsing", "int_parsing", "float_type", "int_type"}
# '93,5' or '1.603,5': a number written with a decimal comma (the Danish way)
_DECIMAL_COMMA = re.compile(r"\s*-?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+\s*")


def _function_words(tag: str) -> str:
    """A union member with validators shows as "function-after[..., float]": name its type."""
    for name, key in _TAG_WORDS.items():
        if re.search(rf"\b{name}\b", tag):
            return messages.text(f"yaml.{key}")
    return messages.text("yaml.word_other")


_TAG_WORDS = {"float": "word_number", "int": "word_whole_number", "bool": "word_bool", "str": "word_text"}


def _tag_words(tag: str) -> str | None:
    key = _TAG_WORDS.get(tag)
    return messages.text(f"yaml.{key}") if key else None


def _model_named(name: str) -> type[BaseModel] | None:
    """A model of the data format by its class name (pydantic's loc names a union member so)."""
    todo: list[type[BaseModel]] = [Strict]
    while todo:
        cls = todo.pop()
        if cls.__name__ == name:
            return cls
        todo += cls.__subclasses__()
    return None


def _mapping_words(class_name: str) -> str:
    cls = _model_named(class_name)
    if cls is None:
        return messages.text("yaml.word_mapping")
    required = [n for n, f in cls.model_fields.items() if f.is_required()]
    return messages.text("yaml.word_mapping_with", fields=", ".join(required))


def _describe(value: Any) -> str:
    """A value as a message shows what was written: 'tres', 93, true, a list."""
    if value is None:
        return messages.text("yaml.word_nothing")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return messages.text("yaml.word_a_mapping")
    if isinstance(value, list):
        return messages.text("yaml.word_a_list")
    return repr(value)


def _number(value: Any) -> str:
    """1e13 as '10000000000000', 0.5 as '0.5': a bound or a value in a message."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models an annotation can hold: Goal in list[Goal], StartEnd and Range in a union."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def _fields_at(model: type[BaseModel] | None, loc: tuple) -> list[str]:
    """The field names a mapping at loc may have (for 'mente du ...?'), following pydantic's loc
    through lists and unions ('StartEnd' in a loc names the union member)."""
    current = [model] if model is not None else []
    for part in loc:
        if isinstance(part, int):
            continue
        member = _model_named(part) if _is_tag(part) else None
        if isinstance(member, type) and issubclass(member, BaseModel):
            current = [member]
            continue
        if _is_tag(part):
            continue
        current = [m for c in current if part in c.model_fields for m in _models_in(c.model_fields[part].annotation)]
    return sorted({name for c in current for name in c.model_fields})


@dataclass
class _Where:
    """What the words for one document's errors may use: its model (field names for 'mente du
    ...?'), its data (a decimal comma in { } is seen there) and the guide's section for its kind."""

    model: type[BaseModel] | None = None
    data: Any = None

    @property
    def section(self) -> str:
        kind = self.model.model_fields["kind"].default if self.model and "kind" in self.model.model_fields else "registry"
        return messages.KIND_SECTIONS.get(kind, "mapper-og-filer")

    def value_at(self, loc: tuple) -> Any:
        value = self.data
        for part in loc:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value


def _decimal_comma(inp: Any) -> str | None:
    if isinstance(inp, str) and _DECIMAL_COMMA.fullmatch(inp):
        return messages.text("yaml.decimal_comma", got=repr(inp), fix=inp.strip().replace(".", "").replace(",", "."))
    return None


def _flow_decimal_comma(err: ErrorDetails, where: _Where) -> str | None:
    """{name: Klynge, value: 93,5}: YAML reads the comma as a field separator, so the mapping has
    value: 93 and a key 5 (without value). Said as the decimal comma it is."""
    loc, key = err["loc"][:-1], err["loc"][-1]
    mapping = where.value_at(tuple(p for p in loc if not _is_tag(p)))
    if not isinstance(key, int) or not isinstance(mapping, dict) or mapping.get(key, 0) is not None:
        return None
    keys = list(mapping)
    at = keys.index(key) if key in keys else 0
    before = keys[at - 1] if at else None
    number = mapping.get(before)
    if not isinstance(number, (int, float)) or isinstance(number, bool):
        return None
    return messages.text("yaml.flow_decimal_comma", number=number, second=key, fix=f"{before}: {number}.{key}")


def _friendly(err: ErrorDetails, where: _Where | None = None) -> str:
    where = where or _Where()
    t, inp, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    got = _describe(inp)
    if t in _NUMBER_ERRORS and (comma := _decimal_comma(inp)):
        return comma
    if t == "missing":
        return messages.text("yaml.missing", section=where.section)
    if t == "extra_forbidden":
        field_name = str(err["loc"][-1])
        close = messages.close_match(field_name, _fields_at(where.model, err["loc"][:-1]))
        return messages.text("yaml.unknown_field_close", close=close) if close else messages.text("yaml.unknown_field")
    if t == "invalid_key" and (comma := _flow_decimal_comma(err, where)):
        return comma
    simple = {
        "float_parsing": "expected_number",
        "float_type": "expected_number",
        "int_parsing": "expected_number",
        "int_type": "expected_number",
        "int_from_float": "expected_whole_number",
        "bool_parsing": "expected_bool",
        "bool_type": "expected_bool",
        "string_type": "expected_text",
        "string_pattern_mismatch": "expected_slug",
        "list_type": "expected_list",
        "model_type": "expected_mapping",
        "dict_type": "expected_mapping",
        "model_attributes_type": "expected_mapping",
        "string_too_short": "empty_text",
        "finite_number": "not_finite",
        "invalid_key": "key_not_text",
    }
    if t in simple:
        return messages.text(f"yaml.{simple[t]}", got=got)
    if t == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        quoted = [repr(c) for c in choices]
        expected = (
            (", ".join(quoted[:-1]) + messages.text("yaml.word_or") + quoted[-1])
            if len(quoted) > 1
            else ("".join(quoted) or str(ctx.get("expected")))
        )
        close = messages.close_match(inp, choices) if isinstance(inp, str) else None
        if close:
            return messages.text("yaml.expected_one_of_close", expected=expected, got=got, close=close)
        return messages.text("yaml.expected_one_of", expected=expected, got=got)
    if t == "too_short":
        return messages.text("yaml.too_few_items", min=ctx.get("min_length"))
    if t in _BOUND_ERRORS - {"finite_number"} and err["loc"][-1:] == ("year",):
        return messages.text("yaml.year_digits", got=_number(inp), low=YEAR_RANGE[0], high=YEAR_RANGE[1])
    if t in {"less_than_equal", "less_than"}:
        return messages.text("yaml.too_large_number", got=_number(inp), limit=_number(ctx.get("le", ctx.get("lt"))))
    if t in {"greater_than_equal", "greater_than"}:
        return messages.text("yaml.too_small_number", got=_number(inp), limit=_number(ctx.get("ge", ctx.get("gt"))))
    if t == "value_error":  # the models' own checks raise ValueError with a text from messages
        return str(ctx.get("error", messages.text("yaml.invalid", got=got)))
    return messages.text("yaml.invalid", got=got)


def _lookup_line(lines: LineMap, loc: tuple) -> int | None:
    for n in range(len(loc), -1, -1):
        if loc[:n] in lines:
            return lines[loc[:n]]
        if n and isinstance(loc[n - 1], int) and loc[: n - 1] + (str(loc[n - 1]),) in lines:
            return lines[loc[: n - 1] + (str(loc[n - 1]),)]  # a key written as a number (1: x)
    return None


def report_validation(
    path: Path, exc: ValidationError, lines: LineMap, log: IssueLog, model: type[BaseModel] | None = None, data: Any = None
) -> None:
    """Turn pydantic's errors into one line each; union alternatives are folded into one. With
    the model and the data, a misspelt field gets 'mente du ...?' and a decimal comma in { } is
    named as such."""
    where = _Where(model, data)
    groups: dict[tuple, list[tuple[tuple, ErrorDetails]]] = {}
    for err in exc.errors(include_url=False):
        loc = err["loc"]
        cut = next((i for i, p in enumerate(loc) if _is_tag(p)), len(loc))
        groups.setdefault(loc[:cut], []).append((loc[cut:], err))
    for base, errs in groups.items():
        line = _lookup_line(lines, base)
        if len(errs) == 1 and not errs[0][0]:
            log.error(display_path(path), line, field_path(base), _friendly(errs[0][1], where))
            continue
        inp = errs[0][1].get("input")
        # A number written with a decimal comma, for a union with a number member: say so.
        comma = _decimal_comma(inp) if any(err["type"] in _NUMBER_ERRORS for _, err in errs) else None
        if comma:
            log.error(display_path(path), line, field_path(base), comma)
            continue
        # A number was given for a union with a number member, and the number is out of bounds:
        # say so (not "expected a number or a mapping").
        bound = next((err for _, err in errs if err["type"] in _BOUND_ERRORS), None)
        if bound is not None:
            log.error(display_path(path), line, field_path(base), _friendly(bound, where))
            continue
        # A mapping was given for a union: report the errors of the closest mapping member.
        if isinstance(inp, dict):
            by_member: dict[str, list[tuple[tuple, ErrorDetails]]] = {}
            for rest, err in errs:
                if rest and rest[0][:1].isupper():
                    by_member.setdefault(rest[0], []).append((rest[1:], err))
            if by_member:
                best = min(by_member.values(), key=len)
                for rest, err in best:
                    loc = base + rest
                    log.error(display_path(path), _lookup_line(lines, loc), field_path(loc), _friendly(err, where))
                continue
        words = []
        for rest, _ in errs:
            tag = rest[0] if rest else ""
            word = _tag_words(tag) or (_mapping_words(tag) if tag[:1].isupper() else _function_words(tag))
            if word and word not in words:
                words.append(word)
        log.error(
            display_path(path),
            line,
            field_path(base),
            messages.text("yaml.expected_either", words=messages.text("yaml.word_or").join(words), got=_describe(inp)),
        )


def validate_model(model: type[BaseModel], data: Any, path: Path, lines: LineMap, log: IssueLog):
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        report_validation(path, exc, lines, log, model, data)
        return None


# --------------------------------------------------------------------------- documents


def _check_place(data: dict, path: Path, lines: LineMap, jobcentres: set[str], log: IssueLog) -> None:
    """The jobcentre must be registered, and jobcentre and year must match the folders."""
    shown = display_path(path)
    slug, year = data.get("jobcentre"), data.get("year")
    folder_slug, folder_year = path.parent.parent.name, path.parent.name
    if isinstance(slug, str) and jobcentres and slug not in jobcentres:
        log.error(
            shown,
            lines.get(("jobcentre",)),
            "jobcentre",
            messages.text("yaml.unknown_jobcentre", slug=slug, registry=REGISTRY_FILE, known=", ".join(sorted(jobcentres))),
        )
    elif isinstance(slug, str) and slug != folder_slug:
        log.error(
            shown, lines.get(("jobcentre",)), "jobcentre", messages.text("yaml.jobcentre_folder", slug=slug, folder=folder_slug)
        )
    if isinstance(year, int) and YEAR_RANGE[0] <= year <= YEAR_RANGE[1] and str(year) != folder_year:
        log.error(shown, lines.get(("year",)), "year", messages.text("yaml.year_folder", year=year, folder=folder_year))


def _check_placeholders(data: Any, path: Path, lines: LineMap, log: IssueLog) -> set[tuple]:
    """Text a skeleton of `new` left unchanged ("«Skriv dokumentets indledning her»") is an
    error on its field. Returns the places that hold one."""
    found: set[tuple] = set()
    for loc, value in _texts(data):
        m = PLACEHOLDER.search(value)
        if m:
            found.add(loc)
            log.error(
                display_path(path),
                _lookup_line(lines, loc),
                field_path(loc),
                messages.text("yaml.placeholder", placeholder=m.group(0)),
            )
    return found


def _texts(value: Any, loc: tuple = ()):
    """Every text in parsed YAML (or a model's dump) with its place: (('goals', 0, 'text'), '...')."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _texts(v, loc + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _texts(v, loc + (i,))


def _check_document(doc: DocumentBase, path: Path, lines: LineMap, log: IssueLog) -> list[tuple[tuple, str]]:
    """Checks across the document's fields: those every kind shares here, its kind's own in its
    model's problems(). Returns the links its texts make to pages of the site."""
    shown = display_path(path)
    table_ids, problems = unique_ids([(("tables", i), t.id) for i, t in enumerate(doc.tables)], "table")
    for loc, s in doc.all_sections():
        problems += unknown_refs(loc + ("tables",), s.tables, table_ids, "table")
    for loc, name in doc.refers_to():
        if kind_of(name) is None:
            problems.append((loc, messages.text("yaml.answers_no_kind", name=repr(name), kinds=", ".join(KINDS))))
    problems += doc.problems(path.stem)
    problems += unique_ids([(("text_facts", i), f.id) for i, f in enumerate(doc.text_facts)], "text fact")[1]
    for loc, message in problems:
        log.error(shown, _lookup_line(lines, loc) if loc else None, field_path(loc), message)
    return _check_texts(doc, set(table_ids) | {f"maal-{g.id}" for g in getattr(doc, "goals", [])}, shown, lines, log)


# A link written in a text (Markdown: [text](target) or [name]: target) to a page of the site:
# a target without a scheme, ending in '.md' or '/' (what else a text links to, such as a CSV
# file or an anchor on the page, is not a page).
PAGE_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+[^)]*)?\)|^[ ]{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)


def _check_texts(doc: DocumentBase, known: set[str], shown: str, lines: LineMap, log: IssueLog) -> list[tuple[tuple, str]]:
    """{ref:ID} in any text must name a table or figure of this document, {tal:ID} a figure of its
    text_facts. Returns the links the
    texts make to pages of the site (PAGE_LINK), with their places, for sitecheck."""
    links = []
    facts = {f.id for f in doc.text_facts}
    for loc, value in _texts(doc.model_dump(exclude_defaults=True)):
        for ref in REF.findall(value):
            if ref not in known:
                log.error(shown, _lookup_line(lines, loc), field_path(loc), messages.text("yaml.unknown_ref", ref=ref))
        for ref in FACT_REF.findall(value):  # {tal:ID}: a figure of text_facts
            if ref not in facts:
                log.error(shown, _lookup_line(lines, loc), field_path(loc), messages.text("yaml.unknown_fact", ref=ref))
        for m in PAGE_LINK.finditer(value):
            target = (m.group(1) or m.group(2) or "").split("#")[0].split("?")[0]
            if target and ":" not in target.split("/")[0] and target.endswith((".md", "/")) and not target.startswith("/"):
                links.append((loc, target))
    return links


def _check_plan_links(documents: list["Document"], lines_of: dict[Path, LineMap | dict], log: IssueLog) -> None:
    """A revision goal's plan_goal must name a goal in the plan of the same jobcentre and year."""
    plans = {(d.jobcentre, d.year): d for d in documents if isinstance(d.model, Plan)}
    for doc in documents:
        if not isinstance(doc.model, Revision):
            continue
        plan = plans.get((doc.jobcentre, doc.year))
        known = {g.id for g in plan.model_as(Plan).all_goals()} if plan else set()
        for loc, g in placed_goals(doc.model.goals):
            if g.plan_goal is None or (plan is not None and g.plan_goal in known):
                continue
            where = (display_path(doc.path), lines_of[doc.path].get(loc + ("plan_goal",)), f"{field_path(loc)}.plan_goal")
            if plan is None:
                log.warn(*where, messages.text("yaml.plan_goal_no_plan", goal=g.plan_goal, year=doc.year))
            else:
                log.error(*where, messages.text("yaml.plan_goal_unknown", goal=g.plan_goal, plan=display_path(plan.path)))


def _valid_tables(data: dict) -> list[tuple[int, Table]]:
    """The tables of a document that failed validation, where they are valid by themselves,
    so that their CSV files are checked too and all errors come at once."""
    out = []
    raw = data.get("tables")
    for i, item in enumerate(raw if isinstance(raw, list) else []):
        try:
            out.append((i, Table.model_validate(item)))
        except ValidationError:
            pass  # already reported with the document
    return out


@dataclass
class _Loaded:
    """One document file as loaded: kept by a LoadCache while none of its files change."""

    document: Document | None
    lines: LineMap | dict
    csv_files: list[Path]
    issues: list[DataIssue]
    signature: tuple = ()


def _signature(paths: list[Path], known: set[str]) -> tuple:
    stats: list[tuple[str, int | None, int | None]] = []
    for p in paths:
        try:
            st = p.stat()
            stats.append((str(p), st.st_mtime_ns, st.st_size))
        except OSError:
            stats.append((str(p), None, None))
    return (frozenset(known), *stats)


def _load_document(path: Path, known: set[str]) -> _Loaded:
    """Read, validate and check one document file and its CSV files."""
    log = IssueLog()
    csv_files: list[Path] = []
    out = _Loaded(None, {}, csv_files, log.issues)
    kind = kind_of(path.stem)
    if kind is None:
        close = messages.close_match(path.stem.split("-")[0], KINDS, quote=False)
        kinds = ", ".join(KINDS)
        log.error(
            display_path(path),
            None,
            "",
            messages.text("yaml.unknown_kind_close", close=repr(f"{close}.yaml"), kinds=kinds)
            if close
            else messages.text("yaml.unknown_kind", kinds=kinds),
        )
        return out
    parsed = read_yaml(path, log)
    if not parsed:
        return out
    data, lines = parsed
    if not isinstance(data, dict):
        log.error(display_path(path), 1, "", messages.text("yaml.not_a_mapping", got=_describe(data)))
        return out
    if "kind" in data and data["kind"] != kind:
        log.error(
            display_path(path), lines.get(("kind",)), "kind", messages.text("yaml.kind_mismatch", said=data["kind"], kind=kind)
        )
        return out
    _check_place(data, path, lines, known, log)
    placeholders = _check_placeholders(data, path, lines, log)
    checked = IssueLog()
    model = validate_model(KINDS[kind], data, path, lines, checked)
    # a placeholder's field gets one message (the placeholder's), not also "expected a date"
    log.issues.extend(i for i in checked.issues if not any(i.field == field_path(p) for p in placeholders))
    tables = list(enumerate(model.tables)) if model else _valid_tables(data)
    for i, t in tables:
        t._frame = load_table(t, path.parent, path, f"tables[{i}]", lambda i=i: lines.get(("tables", i, "file")), log)
        csv_files.append(table_path(path.parent, t.file))
    if model is None:
        return out
    links = _check_document(model, path, lines, log)
    # only files that passed the checks are read again (none outside data/, no FIFO or device)
    failed = any(i.severity == "error" for i in log.issues)
    out.document = Document(
        model=model,
        path=path,
        kind=kind,
        slug=path.stem,
        page_links=links,
        digest="" if failed else _files_digest([path, *csv_files]),
    )
    out.lines = lines
    return out


def _files_digest(paths: list[Path]) -> str:
    """A checksum of the files a document was read from (its YAML and CSV files, each checked by
    the load: regular files in the document's folder): what the build's cache keys of its page
    are made from."""
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode("utf-8") + b"\0")
        try:
            h.update(p.read_bytes())
        except OSError:  # a missing CSV file: reported by the load, which then fails
            h.update(b"\1missing")
        h.update(b"\0")
    return h.hexdigest()


class LoadCache:
    """Documents loaded before, reused while their files are unchanged; files with errors are
    never kept.

    - In this process (mkdocs serve): while the document's YAML and CSV files have the same
      modification time and size, so that a rebuild after one change reads one document.
    - With a store (the build's cache, generator/cache.py): the loaded document is kept under a
      hash of its YAML file, every regular file of its folder (its CSV files are there), the
      registry's slugs, its path and the data stage's code, so that a build reads each
      document's files once to hash them instead of parsing and validating them again."""

    def __init__(self, store: cache_store.Store | None = None):
        self.files: dict[Path, _Loaded] = {}
        self.store = store
        self._folders: dict[Path, str] = {}
        self._new: dict[str, _Loaded] = {}  # loaded from files in this load, not yet in the store
        self.recalled = self.read = 0  # documents of this load taken from memory or the store, or read from files

    def load(self, path: Path, known: set[str]) -> _Loaded:
        hit = self.files.get(path)
        if hit is not None and hit.signature == _signature([path, *hit.csv_files], known):
            self.recalled += 1
            return hit
        signature = _signature([path], known)  # taken before reading, so a change while reading is seen next time
        store = self.store
        key = self._key(path, known) if store is not None else None
        stored = store.get(key) if store is not None and key else None
        loaded = pickle.loads(stored) if stored is not None else _load_document(path, known)
        if stored is not None:
            self.recalled += 1
        else:
            self.read += 1
        loaded.signature = signature + _signature(loaded.csv_files, set())[1:]
        if any(i.severity == "error" for i in loaded.issues):
            self.files.pop(path, None)
            return loaded
        self.files[path] = loaded
        if key and stored is None:
            self._new[key] = loaded
        return loaded

    def keep(self) -> None:
        """Write the documents loaded from their files to the store: called once the data
        passed every check (a command that fails leaves the cache as it was)."""
        store = self.store
        if store is not None:  # without one, nothing was noted
            for key, loaded in self._new.items():
                store.put(key, pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL))
        self._new.clear()

    def _key(self, path: Path, known: set[str]) -> str:
        folder = path.parent
        if folder not in self._folders:  # once per load: its documents share the folder
            parts: list[str | bytes] = []
            for file in sorted(folder.rglob("*")):
                if file.is_file() and not file.is_symlink():  # nothing outside data/ is read
                    parts += [file.relative_to(folder).as_posix(), file.read_bytes()]
            self._folders[folder] = cache_store.digest(*parts)
        return "loaded/" + cache_store.digest(_CODE, str(path), ",".join(sorted(known)), self._folders[folder]) + ".pickle"

    def start(self) -> None:
        """A new load: folders are hashed again."""
        self._folders.clear()
        self._new.clear()
        self.recalled = self.read = 0


def _code_version() -> str:
    """The data stage's code and the libraries that read the files: a change makes every
    stored document again."""
    from importlib import metadata

    here = Path(__file__).parent
    parts: list[str | bytes] = [p.read_bytes() for p in sorted([*here.glob("*.py"), here.parent / "messages.py"])]
    parts += [metadata.version(lib) for lib in ("pydantic", "pyyaml", "pandas")]
    return cache_store.digest(*parts)


_CODE = _code_version()


def load(root: Path | str, cache: LoadCache | None = None) -> Dataset:
    """Load and validate everything under root (the data/ folder). Raises DataError with all errors.
    With a cache, documents whose files did not change since the last load are reused."""
    root = Path(root)
    log = IssueLog()
    reg_path = root / REGISTRY_FILE
    registry = None
    if not reg_path.is_file():
        log.error(display_path(reg_path), None, "", messages.text("yaml.registry_missing"))
    elif not reg_path.resolve().is_relative_to(root.resolve()):
        log.error(display_path(reg_path), None, "", messages.text("yaml.outside_data", target=reg_path.resolve().name))
    else:
        parsed = read_yaml(reg_path, log)
        if parsed:
            registry = validate_model(Registry, parsed[0], reg_path, parsed[1], log)
            if registry:
                seen = set()
                for i, j in enumerate(registry.jobcentres):
                    if j.slug in seen:
                        log.error(
                            display_path(reg_path),
                            parsed[1].get(("jobcentres", i, "slug")),
                            f"jobcentres[{i}].slug",
                            messages.text("yaml.duplicate_slug", slug=j.slug),
                        )
                    seen.add(j.slug)
    known = {j.slug for j in registry.jobcentres} if registry else set()

    documents: list[Document] = []
    used_csv: set[Path] = set()
    lines_of: dict[Path, LineMap | dict] = {}
    inside = root.resolve()
    if cache is not None:
        cache.start()
    paths = sorted(root.glob("*/*/*.yaml"))
    loading = progress.Progress("build.loading", len(paths))
    for path in paths:
        loading.step()
        if not path.resolve().is_relative_to(inside):
            log.error(display_path(path), None, "", messages.text("yaml.outside_data", target=path.resolve().name))
            continue
        loaded = cache.load(path, known) if cache is not None else _load_document(path, known)
        log.issues.extend(loaded.issues)
        used_csv.update(loaded.csv_files)
        if loaded.document is not None:
            documents.append(loaded.document)
            lines_of[path] = loaded.lines
    _check_plan_links(documents, lines_of, log)

    for csv_path in sorted(root.glob("*/*/**/*.csv")):
        # a used file is found where it lies (resolving is needed only for one a link leads to)
        if csv_path.absolute() not in used_csv and table_path(csv_path.parent, csv_path.name) not in used_csv:
            log.warn(display_path(csv_path), None, "", messages.text("yaml.unused_csv"))

    if log.errors or registry is None:
        raise DataError(log.errors)
    return Dataset(root=root, registry=registry, documents=documents, warnings=log.warnings)
