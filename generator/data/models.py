"""The data format: one source of truth for what data/ may hold.

Every YAML file in data/ is validated against these models. Field names are English (they are
code); the texts inside are Danish (they are the documents). docs/forfatter.md documents the
format for jobcentre staff; keep the two in step.
"""

from __future__ import annotations

import datetime as dt
import pickle
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, WithJsonSchema, field_validator, model_validator

from generator import messages
from generator.data import periods

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"

# Top-level folders the site itself writes: a jobcentre slug (its folder on the site) must not be
# one of them. The site's own folder names (overview.YEARS_FOLDER, scorecard.SCORECARD,
# opendata.DATA_PAGE, schema.FOLDER, the plugin's assets) are tested to be in this list.
RESERVED_SLUGS = frozenset({"aar", "data", "maalopfyldelse", "assets", "search", "pagefind", "404", "sitemap", "schemas"})

# The years a document may be about (validate and `new` say so in four digits).
YEAR_RANGE = (2000, 2100)

# The largest size of a number in any field: larger values are typing mistakes (or attacks).
MAX_NUMBER = 1e12

# Text that `python -m generator new` writes where the author must write the document's own
# text: "«Skriv dokumentets indledning her»". Every placeholder in generator/skeletons/ has this
# form, and a document that still holds one is an error.
PLACEHOLDER = re.compile(r"«Skriv[^«»\n]*»")


_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*")


def _calendar_date(m: re.Match) -> dt.date:
    """The date of a YYYY-MM-DD match; ValueError when the calendar has no such day (2013-02-30)."""
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise ValueError(messages.text("yaml.no_such_date", text=m.group(0).strip())) from None


def _parse_period(value: Any) -> dt.date:
    """A month: '2013-12', 'okt-12' as documents write it, or a full date (its month is kept).
    The loader reads YAML dates as text, so an impossible date comes here as text."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.replace(day=1)
    if isinstance(value, str):
        if m := _ISO_DATE.fullmatch(value):
            return _calendar_date(m).replace(day=1)
        m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", value)
        if m and 1 <= int(m.group(2)) <= 12:
            return dt.date(int(m.group(1)), int(m.group(2)), 1)
        if periods.is_month_label(value):
            return periods.parse_month_label(value)
    raise ValueError(messages.text("yaml.expected_month", got=repr(value)))


def _parse_date(value: Any) -> dt.date:
    """A day as YYYY-MM-DD (the loader reads YAML dates as text; a datetime keeps its day)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and (m := _ISO_DATE.fullmatch(value)):
        return _calendar_date(m)
    raise ValueError(messages.text("yaml.expected_date", got=repr(value)))


def _no_bool(value: Any) -> Any:
    """true/false is no number (pydantic would read it as 1 or 0)."""
    if isinstance(value, bool):
        raise ValueError(messages.text("yaml.expected_number", got="true" if value else "false"))  # as written
    return value


def _digits(count: int) -> BeforeValidator:
    """A number written as digits (CVR, EAN): kept as text, also when YAML read it as a number."""

    def check(value: Any) -> str:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and re.fullmatch(rf"\d{{{count}}}", value.strip()):
            return value.strip()
        raise ValueError(messages.text("yaml.expected_digits", count=count, got=repr(value)))

    return BeforeValidator(check)


# In the JSON Schemas (generator/data/schema.py) these are the text the author writes, not ISO dates.
Period = Annotated[
    dt.date,
    BeforeValidator(_parse_period),
    WithJsonSchema(
        {"type": "string", "description": "en måned: ÅÅÅÅ-MM (fx 2013-12) eller som dokumentet skriver den (fx okt-12)"}
    ),
]
Date = Annotated[
    dt.date,
    BeforeValidator(_parse_date),
    WithJsonSchema({"type": "string", "pattern": r"^\s*\d{4}-\d{1,2}-\d{1,2}\s*$", "description": "en dato: ÅÅÅÅ-MM-DD"}),
]
Slug = Annotated[str, Field(pattern=SLUG)]
Markdown = str  # Markdown text written by staff; raw HTML in it is shown as text; may be left empty
Text = Annotated[str, Field(min_length=1)]  # required text: empty (or only spaces) is an error
# Every number field: finite (no .inf, .nan, 1e400) and at most MAX_NUMBER either way.
Number = Annotated[float, BeforeValidator(_no_bool), Field(ge=-MAX_NUMBER, le=MAX_NUMBER)]
Count = Annotated[int, BeforeValidator(_no_bool), Field(ge=0, le=1_000_000)]


class Strict(BaseModel):
    """Unknown fields are errors: a misspelt field must not vanish silently."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False)


class Span(Strict):
    """A period a figure covers: one month ('2014-12'), a range of months
    ({start: 2014-01, end: 2014-06}) or a whole year (2014). Written in YAML as one of those three;
    `kind` is derived."""

    start: Period
    end: Period
    kind: Literal["month", "range", "year"] = "range"

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        """In the JSON Schemas: the three ways staff write it (kind is never written)."""
        month = {"type": "string", "description": "en måned: ÅÅÅÅ-MM"}
        return {
            "description": "en måned (2014-12), et år (2014) eller {start: 2014-01, end: 2014-06}",
            "anyOf": [
                month,
                {"type": "integer"},
                {
                    "type": "object",
                    "properties": {"start": month, "end": month},
                    "required": ["start", "end"],
                    "additionalProperties": False,
                },
            ],
        }

    @model_validator(mode="before")
    @classmethod
    def _from_short_forms(cls, value: Any) -> Any:
        if (
            isinstance(value, int)
            and not isinstance(value, bool)
            or isinstance(value, str)
            and re.fullmatch(r"\s*\d{4}\s*", value)
        ):
            year = int(value)
            if not 1900 <= year <= 2100:
                raise ValueError(messages.text("yaml.expected_span", got=repr(value)))
            return {"start": dt.date(year, 1, 1), "end": dt.date(year, 12, 1), "kind": "year"}
        if isinstance(value, (str, dt.date)):
            month = _parse_period(value)
            return {"start": month, "end": month, "kind": "month"}
        if isinstance(value, dict) and "kind" in value:
            raise ValueError(messages.text("yaml.span_kind"))
        return value

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start:
            raise ValueError(messages.text("yaml.span_backwards"))
        if self.kind == "range" and self.start == self.end:
            self.kind = "month"
        return self

    @property
    def month(self) -> dt.date | None:
        """The one month, for a span of one month."""
        return self.start if self.kind == "month" else None


# --------------------------------------------------------------------------- registry


class Jobcentre(Strict):
    slug: Slug
    name: Text = Field(description="Jobcentrets navn, fx 'Jobcenter Hvidovre'")
    municipalities: list[Text] = Field(min_length=1)
    region: Text
    cluster: str | None = None
    website: str | None = None

    @field_validator("slug")
    @classmethod
    def _not_a_site_folder(cls, value: str) -> str:
        if value in RESERVED_SLUGS:
            raise ValueError(messages.text("yaml.reserved_slug", slug=value, reserved=", ".join(sorted(RESERVED_SLUGS))))
        return value


class Registry(Strict):
    jobcentres: list[Jobcentre] = Field(min_length=1)


# --------------------------------------------------------------------------- shared parts


class Note(Strict):
    """A 'Bemærk' box or a footnote."""

    heading: Text = "Bemærk"
    text: Text


class Source(Strict):
    name: Text
    url: str | None = None


class Column(Strict):
    key: Text = Field(description="kolonnens overskrift i CSV-filen")
    label: Text
    type: Literal["text", "number", "period"] = "number"
    unit: str | None = None
    decimals: int | None = Field(None, ge=0, le=6, description="antal decimaler, der vises; uden: så mange, som tallet har")
    show: bool = Field(True, description="false: med i data (og downloads), men vises ikke som kolonne")


class ChartSpec(Strict):
    kind: Literal["line", "bar", "grouped_bar", "stacked_bar", "ranked_bar"] = "line"
    x: Text = Field(description="nøglen på kolonnen ud ad x-aksen (en periode eller en kategori)")
    y: list[Text] = Field(min_length=1, description="kolonnernes nøgler, én serie hver")
    y_title: str | None = None
    target: Number | None = None
    target_label: Text = "Mål"
    colors: list[Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]] | None = Field(
        None, description="én farve pr. serie, som #rrggbb; uden: sitets farver"
    )
    series: str | None = Field(
        None, description="en tekstkolonne, hvis værdier er seriernes navne (én linje eller farve hver); y nævner så én kolonne"
    )
    facet: str | None = Field(None, description="en tekstkolonne: ét lille diagram pr. værdi, side om side")

    @model_validator(mode="after")
    def _series_and_facet(self) -> "ChartSpec":
        if len(set(self.y)) != len(self.y):
            raise ValueError(messages.text("yaml.chart_y_twice"))
        if self.series and len(self.y) != 1:
            raise ValueError(messages.text("yaml.chart_series_one_y"))
        if self.facet and self.target is not None:
            raise ValueError(messages.text("yaml.chart_facet_target"))
        used = [k for k in (self.x, self.series, self.facet) if k]
        if len(set(used)) != len(used):
            raise ValueError(messages.text("yaml.chart_same_columns"))
        return self


class Wide(Strict):
    """The CSV keeps the document's wide layout: after the other columns comes one column per
    value of `column` (fx one per month, headed 'okt-12' as in the document), and each cell is a
    value of `value`. The site reads it as one row per cell."""

    column: Text = Field(
        description="nøglen på den kolonne, som overskrifterne er værdier af, fx 'maaned' (type period eller text)"
    )
    value: Text = Field(description="nøglen på den kolonne, som cellerne er værdier af, fx 'andel'")


@dataclass(frozen=True)
class _Pickled:
    """An object kept as its pickle until it is needed (Table.frame)."""

    data: bytes


class Table(Strict):
    """A table or a series, its values in a CSV file beside the YAML."""

    id: Slug
    number: str | None = Field(None, description="dokumentets egen betegnelse, fx 'Tabel 4' eller 'Figur 2'")
    title: Text
    file: Text = Field(description="CSV-filen, i forhold til dokumentets mappe")
    columns: list[Column] = Field(min_length=1)
    emphasis_column: str | None = Field(None, description="en kolonne, hvor en værdi gør rækken til en sumrække (vises med fed)")
    provenance: Literal["table", "text"] = Field(
        "table",
        description="'text': dokumentet viser en figur uden tal; kun de punkter, teksten nævner, er skrevet ind",
    )
    chart: ChartSpec | None = None
    wide: Wide | None = Field(None, description="CSV-filen har én kolonne pr. måned (eller kategori), som i dokumentet")
    notes: list[Note] = []
    _frame: Any = PrivateAttr(default=None)  # pandas.DataFrame, set by the loader (one row per cell if wide)
    _records: Any = PrivateAttr(default=None)

    @property
    def frame(self):
        if isinstance(self._frame, _Pickled):
            self._frame = pickle.loads(self._frame.data)
        return self._frame

    @property
    def records(self) -> list[dict]:
        """The rows as dicts (column key -> value), made once: pages, charts and open data all
        read them, and pandas is slow to make them."""
        if self._records is None and self.frame is not None:
            self._records = self.frame.to_dict("records")
        return self._records

    def __getstate__(self) -> dict[Any, Any]:
        """Pickled (the build's cache of loaded documents), the frame stays pickled inside until
        it is read: a build whose pages all come from the cache never makes the frames."""
        state = super().__getstate__()
        private = dict(state.get("__pydantic_private__") or {})
        if private.get("_frame") is not None and not isinstance(private["_frame"], _Pickled):
            private["_frame"] = _Pickled(pickle.dumps(private["_frame"], protocol=pickle.HIGHEST_PROTOCOL))
        private["_records"] = None
        state["__pydantic_private__"] = private
        return state

    def release_records(self) -> None:
        """Forget the rows made by records (made again when asked for): memory at scale."""
        self._records = None

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    @model_validator(mode="after")
    def _chart_columns_exist(self) -> "Table":
        keys = {c.key for c in self.columns}
        if self.chart:
            for k in [self.chart.x, *self.chart.y, self.chart.series, self.chart.facet]:
                if k is not None and k not in keys:
                    raise ValueError(messages.text("yaml.chart_unknown_column", column=repr(k)))
            if self.chart.colors and not self.chart.series and len(self.chart.colors) != len(self.chart.y):
                raise ValueError(messages.text("yaml.chart_colours", series=len(self.chart.y), colours=len(self.chart.colors)))
            for name in ("series", "facet"):
                key = getattr(self.chart, name)
                if key is not None and self.column(key).type != "text":
                    raise ValueError(messages.text("yaml.chart_not_text", field=name, column=repr(key)))
        if self.wide:
            for k in (self.wide.column, self.wide.value):
                if k not in keys:
                    raise ValueError(messages.text("yaml.wide_unknown_column", column=repr(k)))
            if self.wide.column == self.wide.value or self.column(self.wide.column).type == "number":
                raise ValueError(messages.text("yaml.wide_column"))
        if self.emphasis_column and self.emphasis_column not in keys:
            raise ValueError(messages.text("yaml.emphasis_unknown_column", column=repr(self.emphasis_column)))
        return self


class Section(Strict):
    """A free section: a heading and Markdown text, with tables placed after the text.
    A section without a heading continues the one before it (text after a table)."""

    number: str | None = None
    heading: str = ""
    body: Markdown = ""
    notes: list[Note] = []
    tables: list[str] = Field([], description="id'er på tabeller, der vises i dette afsnit")


_DOCUMENT_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\s*")


def _parse_document_date(value: Any) -> str:
    """The document's own date as printed on it: a day (YYYY-MM-DD) or only a month (YYYY-MM).
    Kept as text, so that its precision is kept."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and (m := _DOCUMENT_DATE.fullmatch(value)):
        if m.group(3):
            return _calendar_date(m).isoformat()
        if 1 <= int(m.group(2)) <= 12:
            return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"
    raise ValueError(messages.text("yaml.expected_document_date", got=repr(value)))


DocumentDate = Annotated[str, BeforeValidator(_parse_document_date)]

# {tal:ID} in a Markdown field: the figure text_facts records under that id, formatted.
FACT_REF = re.compile(r"\{tal:([a-z0-9-]+)\}")


class TextFact(Strict):
    """A figure the document states in its running text ('ledigheden faldt med 4,2 pct. i 2014'),
    recorded so that the site formats it and open data holds it. Written in a text as {tal:ID}."""

    id: Slug
    value: Number
    unit: str | None = Field(None, description="skrives efter tallet, fx 'pct.' eller 'personer'")
    period: Span | None = Field(None, description="den måned, de måneder eller det år, tallet gælder")
    measures: Text = Field(description="hvad tallet måler, fx 'fald i antal ledige'")


class DocumentBase(Strict):
    jobcentre: Slug
    year: int = Field(ge=YEAR_RANGE[0], le=YEAR_RANGE[1])
    title: Text
    published: Date | None = None
    intro: Markdown = ""
    notes: list[Note] = []
    sections: list[Section] = []
    tables: list[Table] = []
    sources: list[Source] = []
    updated: Date | None = Field(None, description="hvornår data sidst blev tjekket mod kilden")
    source_document: str | None = Field(None, description="kildedokumentets filnavn eller adresse")
    document_date: DocumentDate | None = Field(
        None, description="den dato, dokumentet selv bærer: ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM, når det kun angiver måneden"
    )
    text_facts: list[TextFact] = Field([], description="tal fra den løbende tekst, skrevet i teksten som {tal:ID}")

    def refers_to(self) -> list[tuple[tuple, str]]:
        """(place in the file, file name without .yaml) of each document in the same folder that
        this one answers or refers to; the loader checks that each name is a document kind's."""
        return []

    def references(self) -> list[str]:
        """File names (stems) of documents in the same folder that this one answers or refers to."""
        return [name for _, name in self.refers_to()]

    def all_sections(self) -> list[tuple[tuple, "Section"]]:
        """Every section with its place in the file, fx (('sections', 0), section)."""
        return [(("sections", i), s) for i, s in enumerate(self.sections)]

    def problems(self, name: str) -> list[tuple[tuple, str]]:
        """Checks across fields, as (place in the file, message); the loader adds file and line.
        name: the file name without .yaml. The checks every kind shares are the loader's."""
        return []

    def text_fact(self, ident: str) -> TextFact | None:
        return next((f for f in self.text_facts if f.id == ident), None)


# --------------------------------------------------------------------------- checks the kinds share


def field_path(loc: tuple) -> str:
    """A place in a file as staff read it: ('goals', 1, 'id') -> 'goals[1].id'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


_WHAT = {
    "table": "yaml.what_table",
    "goal": "yaml.what_goal",
    "minister goal": "yaml.what_minister_goal",
    "fact box": "yaml.what_fact_box",
    "focus area": "yaml.what_focus_area",
    "text fact": "yaml.what_text_fact",
}


def unique_ids(items: list[tuple[tuple, str]], what: str) -> tuple[dict[str, str], list[tuple[tuple, str]]]:
    """items are (place, id): every id used again is a problem at its place's id. Returns each id
    with the place it was first used, and the problems."""
    seen: dict[str, str] = {}
    problems = []
    for loc, ident in items:
        if ident in seen:
            message = messages.text("yaml.duplicate_id", what=messages.text(_WHAT[what]), ident=ident, first=seen[ident])
            problems.append((loc + ("id",), message))
        seen.setdefault(ident, field_path(loc))
    return seen, problems


def unknown_refs(loc: tuple, refs: list[str], known, what: str) -> list[tuple[tuple, str]]:
    """Each id in refs (the list at loc) that is not among known."""
    return [
        (loc + (j,), messages.text("yaml.no_such_id", what=messages.text(_WHAT[what]), ref=ref))
        for j, ref in enumerate(refs)
        if ref not in known
    ]
