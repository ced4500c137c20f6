"""The resultatrevision: the year's goals with baseline, status and target, sub-goals, the
document's own claims, comparisons with other jobcentres and the follow-up after the year."""

from __future__ import annotations

from typing import Literal, Union

from pydantic import Field, PrivateAttr, model_validator

from generator import messages
from generator.data.models import (
    Count,
    DocumentBase,
    Markdown,
    Note,
    Number,
    Period,
    Slug,
    Span,
    Strict,
    Text,
    unique_ids,
    unknown_refs,
)


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

    def problems(self, name: str) -> list[tuple[tuple, str]]:
        goals = list(placed_goals(self.goals))
        ids, out = unique_ids([(loc, g.id) for loc, g in goals], "goal")
        tables = {t.id for t in self.tables}
        for loc, g in goals:
            out += unknown_refs(loc + ("charts",), g.charts, tables, "table")
        if self.follow_up:
            out += unknown_refs(("follow_up", "tables"), self.follow_up.tables, tables, "table")
            figures = [f.goal for f in self.follow_up.figures]
            out += [(loc + ("goal",), m) for loc, m in unknown_refs(("follow_up", "figures"), figures, ids, "goal")]
        return out


def placed_goals(goals: list[Goal], prefix: tuple = ("goals",)):
    """Every goal with its place in the file, sub-goals after their parent."""
    for i, g in enumerate(goals):
        yield prefix + (i,), g
        yield from placed_goals(g.subgoals, prefix + (i, "subgoals"))


MODEL = Revision
