"""The data format: one source of truth for what data/ may hold.

Every YAML file in data/ is validated against these models. Field names are English (they are
code); the texts inside are Danish (they are the documents). docs/forfatter.md documents the
format for jobcentre staff; keep the two in step.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal, Union

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
        return self._frame

    @property
    def records(self) -> list[dict]:
        """The rows as dicts (column key -> value), made once: pages, charts and open data all
        read them, and pandas is slow to make them."""
        if self._records is None and self._frame is not None:
            self._records = self._frame.to_dict("records")
        return self._records

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

    def references(self) -> list[str]:
        """File names (stems) of documents in the same folder that this one answers or refers to."""
        return []

    def all_sections(self) -> list[tuple[tuple, "Section"]]:
        """Every section with its place in the file, fx (('sections', 0), section)."""
        return [(("sections", i), s) for i, s in enumerate(self.sections)]

    def problems(self) -> list[tuple[tuple, str]]:
        """Checks across fields, as (place in the file, message); the loader adds file and line."""
        return []

    def text_fact(self, ident: str) -> TextFact | None:
        return next((f for f in self.text_facts if f.id == ident), None)


# --------------------------------------------------------------------------- revision


class StartEnd(Strict):
    """A status given as a start and an end value: '102 forløb (jan-14) til 93 (dec-14)'."""

    start: Number
    start_period: Period
    end: Number
    end_period: Period


class Range(Strict):
    """A status given as a monthly range and average: 'mellem 3,8 og 10,2 pct., gns. 6,2'."""

    min: Number
    max: Number
    mean: Number
    compare: Literal["mean", "min", "max"] = "mean"


class Claim(Strict):
    """What the document itself states about a goal; the build warns when it disagrees."""

    where: Text = Field(description="hvor i dokumentet, fx '1.4 Konklusion'")
    quote: str | None = None
    met: bool | Literal["partly"] | None = None
    change_pct: Number | None = None
    met_count: Count | None = None


class PeerValue(Strict):
    name: Text
    value: Number
    own: bool = Field(False, description="true: denne linje er jobcentret selv (fremhævet og nævnt i teksten)")


class Rank(Strict):
    """Where the jobcentre ranks among others, as the document states it: 'nr. 3 af 6 i klyngen'."""

    position: int = Field(ge=1, le=1000)
    of: int = Field(ge=1, le=1000)
    among: Text = Field("klyngen", description="blandt hvem, fx 'klyngen' eller 'regionen'")

    @model_validator(mode="after")
    def _within(self) -> "Rank":
        if self.position > self.of:
            raise ValueError(messages.text("yaml.rank_beyond", position=self.position, of=self.of))
        return self


class Goal(Strict):
    id: Slug = Field(description="fast id, det samme i årets plan og resultatrevision")
    label: str = Field("", description="dokumentets betegnelse, fx 'Mål 2' eller '4B'; uden: sitet nummererer målet")
    title: str | None = None
    text: Markdown = Field("", description="målet, som dokumentet formulerer det")
    type: Literal["ministermål", "lokalt mål"] | None = Field(
        None, description="som dokumentet angiver det; uden: dokumentet siger det ikke (vises som 'ikke angivet')"
    )
    direction: Literal["at_most", "at_least", "exactly", "qualitative"] = "qualitative"
    unit: str | None = None
    baseline: Number | None = None
    baseline_period: Period | None = None
    status: Union[Number, StartEnd, Range, None] = None
    status_period: Span | None = Field(None, description="en måned, {start: ..., end: ...} eller et helt år (2014)")
    status_text: str | None = Field(None, description="status i ord, hvor den ikke er et tal")
    target: Number | None = None
    target_period: Period | None = None
    tolerance: Number = Field(0, ge=0, description="til direction 'exactly'")
    achieved: bool | None = Field(None, description="kun kvalitative mål: blev det gjort")
    claims: list[Claim] = []
    assessment: Markdown = Field("", description="målopfyldelse: dokumentets egne ord")
    explanation: Markdown = Field("", description="uddybende forklaring")
    notes: list[Note] = []
    charts: list[str] = Field([], description="id'er på tabeller, hvis diagrammer hører til dette mål")
    comparisons: list[PeerValue] = []
    comparison_unit: str | None = None
    rank: Rank | None = Field(None, description="jobcentrets placering blandt andre, som dokumentet angiver den")
    plan_goal: str | None = Field(None, description="id på det mål i planen, som dette gør op, når det er et andet")
    subgoals: list["Goal"] = []
    _number: str = PrivateAttr(default="")  # the site's own label ('Mål 2'), set by the revision

    @property
    def shown_label(self) -> str:
        """The document's label, or the site's own numbering when the document has none."""
        return self.label or self._number

    @model_validator(mode="after")
    def _direction_needs_numbers(self) -> "Goal":
        if self.direction != "qualitative":
            # A goal measured without a target leaves direction out (its state: no_target).
            if self.target is None:
                raise ValueError(messages.text("yaml.direction_needs_target", direction=self.direction))
            if self.achieved is not None:
                raise ValueError(messages.text("yaml.achieved_only_qualitative"))
        if sum(p.own for p in self.comparisons) > 1:
            raise ValueError(messages.text("yaml.own_twice"))
        return self


class FollowUpFigure(Strict):
    """A goal's figure after the year: status for the follow-up period and, if given, its own target."""

    goal: Slug = Field(description="id på det mål (eller delmål), tallet følger op på")
    status: Number
    target: Number | None = Field(None, description="opfølgningens eget mål, når dokumentet sætter et")


class FollowUp(Strict):
    """'Seneste udvikling': figures after the year, with their own period and targets, shown apart
    from the year's goals and series (and not counted in the year's results)."""

    heading: Text = "Seneste udvikling"
    period: Span = Field(description="den måned, de måneder eller det år, opfølgningen gælder")
    body: Markdown = ""
    figures: list[FollowUpFigure] = []
    tables: list[str] = Field([], description="id'er på tabeller (opfølgningens egne serier), der vises i dette afsnit")
    notes: list[Note] = []


class Revision(DocumentBase):
    kind: Literal["resultatrevision"] = "resultatrevision"
    baseline_period: Period | None = None
    status_period: Span | None = Field(None, description="en måned, {start: ..., end: ...} eller et helt år (2014)")
    target_period: Period | None = None
    goals_heading: Text = "Resultater i forhold til målene"
    goals: list[Goal] = []
    follow_up: FollowUp | None = None

    @model_validator(mode="after")
    def _number_goals(self) -> "Revision":
        """Goals the document does not label are numbered by their place: 'Mål 2', 'Mål 2.1'."""
        for i, g in enumerate(self.goals, start=1):
            g._number = f"Mål {i}"
            for j, sub in enumerate(g.subgoals, start=1):
                sub._number = f"{g.shown_label}.{j}"
        return self

    def problems(self) -> list[tuple[tuple, str]]:
        out = super().problems()
        if self.follow_up:
            ids = {g.id for g in _walk(self.goals)}
            for j, f in enumerate(self.follow_up.figures):
                if f.goal not in ids:
                    out.append(
                        (
                            ("follow_up", "figures", j, "goal"),
                            messages.text("yaml.no_such_id", what=messages.text("yaml.what_goal"), ref=f.goal),
                        )
                    )
        return out


def _walk(goals: list[Goal]):
    for g in goals:
        yield g
        yield from _walk(g.subgoals)


# --------------------------------------------------------------------------- plan

FACT_SLOT = "{}"


class Fact(Strict):
    """One line of a fact box. '{}' in the text marks where the number stands."""

    text: Text = Field(description="linjen, som dokumentet formulerer den, med '{}', hvor et tal står")
    value: Number | list[Number] | None = Field(None, description="tallet, eller ét tal pr. '{}'")
    unit: str | None = Field(None, description="skrives efter tallet, fx 'pct.'")
    chart_label: str | None = Field(None, description="kort navn i boksens diagram; fakta med et navn vises i diagrammet")
    intro: Markdown = Field("", description="et afsnit, der vises før denne linje")

    @property
    def numbers(self) -> list[float]:
        return [] if self.value is None else (self.value if isinstance(self.value, list) else [self.value])

    @model_validator(mode="after")
    def _slots_match_values(self) -> "Fact":
        slots, n = self.text.count(FACT_SLOT), len(self.numbers)
        if slots != n:
            raise ValueError(messages.text("yaml.fact_slots", slots=slots, numbers=n))
        if self.chart_label and n != 1:
            raise ValueError(messages.text("yaml.chart_label_one_number"))
        return self


class FactBox(Strict):
    """A box of number facts, fx 'Fakta om befolkning i Hvidovre'."""

    id: Slug
    heading: Text
    facts: list[Fact] = Field(min_length=1)
    source: str | None = Field(None, description="boksens 'Kilde:'-linje")
    notes: list[Note] = []
    chart_title: str | None = Field(None, description="titlen på diagrammet over de fakta, der har et chart_label")
    chart_unit: str | None = None


class Target(Strict):
    """A measurable goal's target: 'mindst 16 pct.' for a group, by a deadline."""

    label: Text = Field(description="hvem eller hvad der måles, fx 'uddannelsesparate unge'")
    direction: Literal["at_most", "at_least", "exactly"]
    value: Number
    unit: str | None = None
    deadline: Period | None = Field(None, description="hvornår målet skal være nået; uden: inden for planens år")


class PlanGoal(Strict):
    """A concrete goal of the jobcentre ('mål'). Qualitative unless it has targets."""

    id: Slug = Field(description="fast id, det samme i årets plan og resultatrevision")
    title: str | None = Field(None, description="et kort navn til lister og diagrammer")
    text: Text
    targets: list[Target] = []


class MinisterGoal(Strict):
    id: Slug
    number: str | None = None
    text: Text


class LegalFrame(Strict):
    text: Text = Field(description="indledningen, fx 'Ifølge Lov om ... er der følgende krav'")
    requirements: list[Text] = Field(min_length=1)


class FocusArea(Strict):
    """A pejlemærke: the committee's focus area with its objectives and the jobcentre's goals."""

    id: Slug
    number: str | None = None
    title: Text
    continued_from: int | None = Field(
        None, ge=1900, le=2100, description="det år, det først blev sat, når det er videreført ('videreført fra 2019')"
    )
    lead: Markdown = ""
    body: Markdown = ""
    minister_goals: list[str] = Field([], description="id'er på de ministermål, det tjener")
    objectives: list[Text] = Field([], description="udvalgets målsætninger")
    goals: list[PlanGoal] = Field([], description="jobcentrets mål")
    notes: list[Note] = []


class Plan(DocumentBase):
    kind: Literal["beskaeftigelsesplan"] = "beskaeftigelsesplan"
    lead: Markdown = Field("", description="indledningens første afsnit, med fed")
    legal_frame: LegalFrame | None = None
    process_intro: Markdown = ""
    process: list[Text] = Field([], description="processens trin, i rækkefølge")
    minister_goals_heading: Text = "Beskæftigelsesministerens målsætninger"
    minister_goals: list[MinisterGoal] = []
    facts: list[FactBox] = []
    focus_areas_heading: Text = "Pejlemærker"
    focus_areas_intro: Markdown = ""
    focus_areas_text: Markdown = Field("", description="tekst efter listen over pejlemærker")
    focus_areas: list[FocusArea] = []
    objectives_heading: Text = Field("Udvalgets målsætninger", description="fx 'Social- og Arbejdsmarkedsudvalgets målsætninger'")
    goals_heading: Text = "Jobcentrets mål"

    def all_goals(self) -> list[PlanGoal]:
        return [g for area in self.focus_areas for g in area.goals]


# --------------------------------------------------------------------------- letter


class Sender(Strict):
    """The letterhead: who wrote the letter and how to reach them, as printed."""

    name: Text
    address: list[Text] = Field([], description="adressens linjer, fx ['Ny Østergade 7', '4000 Roskilde']")
    phone: str | None = None
    email: str | None = None
    cvr: Annotated[str, _digits(8), WithJsonSchema({"type": ["string", "integer"], "pattern": r"^\s*\d{8}\s*$"})] | None = None
    ean: Annotated[str, _digits(13), WithJsonSchema({"type": ["string", "integer"], "pattern": r"^\s*\d{13}\s*$"})] | None = None


class Recipient(Strict):
    name: Text = Field(description="fx 'Hvidovre Kommune'")
    attention: str | None = Field(None, description="den person, brevet er stilet til, fx 'Jobcenterchef Casper Christensen'")


class Signature(Strict):
    closing: Text = "Med venlig hilsen"
    name: Text
    title: str | None = None


class Letter(DocumentBase):
    """A letter about one of the jobcentre's documents, fx the region's feedback on a revision.
    It is filed under the year it concerns, beside the document it answers."""

    kind: Literal["tilbagemelding"] = "tilbagemelding"
    date: Date
    reference: str | None = Field(None, description="afsenderens journalnummer (j.nr.)")
    sender: Sender
    recipient: Recipient
    answers: Slug = Field("resultatrevision", description="det dokument, brevet svarer på: dets filnavn i samme mappe")
    body: list[Text] = Field(min_length=1, description="afsnittene, i rækkefølge")
    signature: Signature

    def references(self) -> list[str]:
        return [self.answers]

    @field_validator("answers")
    @classmethod
    def _answers_a_kind(cls, value: str) -> str:
        if kind_of(value) is None:
            raise ValueError(messages.text("yaml.answers_no_kind", name=repr(value), kinds=", ".join(KINDS)))
        return value


# --------------------------------------------------------------------------- minutes


def _parse_time(value: Any) -> dt.time:
    """'16:00'. Unquoted, YAML 1.1 reads 16:00 as the number 960 (base 60): that is undone."""
    if isinstance(value, dt.time):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return dt.time(value // 60, value % 60)
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*", value)
        if m and int(m.group(1)) < 24 and int(m.group(2)) < 60:
            return dt.time(int(m.group(1)), int(m.group(2)))
    raise ValueError(messages.text("yaml.expected_time", got=repr(value)))


Time = Annotated[
    dt.time,
    BeforeValidator(_parse_time),
    WithJsonSchema(
        {"type": ["string", "integer"], "pattern": r"^\s*\d{1,2}[:.]\d{2}\s*$", "description": 'et klokkeslæt: "16:00"'}
    ),
]


class Member(Strict):
    name: Text
    party: str | None = Field(None, description="partibogstavet, fx 'A'")


class Attachment(Strict):
    """A bilag: '1 | Åben | Videreførelse af projekt ... | 30519/13'."""

    number: Count | None = None
    access: Literal["Åben", "Lukket"] = "Åben"
    title: Text
    document_number: str | None = Field(None, description="dokumentnummeret, fx '30519/13'")


class Decision(Strict):
    """'Beslutning i Arbejdsmarkedsudvalget den 06-03-2013'; committee and date default to the meeting's."""

    committee: str | None = None
    date: Date | None = None
    absent: list[Text] = Field([], description="navne på fraværende medlemmer, som i listen over medlemmer")
    text: Text


class AgendaItem(Strict):
    number: Count
    type: Text = Field(description="punktets typebogstav, som referatet skriver det, fx 'M', 'A' eller 'I'")
    title: Text
    access: Literal["Åben", "Lukket"] = Field("Åben", description="Sagstype")
    case_number: str | None = Field(None, description="Sagsnr., fx '12/531'")
    presentation: list[Section] = Field([], description="Sagsfremstilling, i dele med deres tabeller")
    economy: Markdown = Field("", description="Økonomi")
    legal_basis: Markdown = Field("", description="Retsgrundlag")
    policy: Markdown = Field("", description="Politik/Plan")
    information: Markdown = Field("", description="Information")
    consultation: Markdown = Field("", description="Høring")
    assessment: Markdown = Field("", description="Vurdering")
    recommendation: Markdown = Field("", description="Indstilling")
    decision: Decision | None = Field(None, description="Beslutning")
    attachments: list[Attachment] = Field([], description="Bilag")

    @property
    def anchor(self) -> str:
        return f"punkt-{self.number}"


class Minutes(DocumentBase):
    """A committee meeting's minutes: who met, and each agenda item with its decision."""

    kind: Literal["referat"] = "referat"
    committee: Text
    date: Date
    start: Time | None = None
    end: Time | None = None
    room: str | None = None
    members: list[Member] = []
    absent: list[Text] = Field([], description="navne på fraværende medlemmer, som i listen over medlemmer")
    items: list[AgendaItem] = Field(min_length=1)

    def all_sections(self) -> list[tuple[tuple, Section]]:
        return super().all_sections() + [
            (("items", i, "presentation", j), s) for i, item in enumerate(self.items) for j, s in enumerate(item.presentation)
        ]

    def problems(self) -> list[tuple[tuple, str]]:
        out: list[tuple[tuple, str]] = []
        names = {m.name for m in self.members}
        absent: list[tuple[tuple, str]] = [(("absent", j), n) for j, n in enumerate(self.absent)]
        seen: dict[int, int] = {}
        for i, item in enumerate(self.items):
            if item.number in seen:
                out.append(
                    (("items", i, "number"), messages.text("yaml.item_number_twice", number=item.number, first=seen[item.number]))
                )
            seen.setdefault(item.number, i)
            if item.decision:
                absent += [(("items", i, "decision", "absent", j), n) for j, n in enumerate(item.decision.absent)]
        for loc, name in absent:
            if self.members and name not in names:
                out.append((loc, messages.text("yaml.not_a_member", name=repr(name), members=", ".join(sorted(names)))))
        return out


# Each document kind: the file name it is stored under and its model. Later kinds add a line.
KINDS: dict[str, type[DocumentBase]] = {
    "resultatrevision": Revision,
    "beskaeftigelsesplan": Plan,
    "tilbagemelding": Letter,
    "referat": Minutes,
}


def kind_of(name: str) -> str | None:
    """The document kind a file name (without .yaml) stands for: 'referat-2013-03-06' -> 'referat'."""
    for kind in KINDS:
        if name == kind or name.startswith(kind + "-"):
            return kind
    return None
