"""The beskæftigelsesplan: the minister's goals, fact boxes and the focus areas (pejlemærker)
with the committee's objectives and the jobcentre's goals and targets."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from generator import messages
from generator.data.models import DocumentBase, Markdown, Note, Number, Period, Slug, Strict, Text, unique_ids, unknown_refs

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

    def problems(self, name: str) -> list[tuple[tuple, str]]:
        minister, out = unique_ids([(("minister_goals", i), m.id) for i, m in enumerate(self.minister_goals)], "minister goal")
        out += unique_ids([(("facts", i), f.id) for i, f in enumerate(self.facts)], "fact box")[1]
        out += unique_ids([(("focus_areas", i), a.id) for i, a in enumerate(self.focus_areas)], "focus area")[1]
        goals = [(("focus_areas", i, "goals", j), g.id) for i, a in enumerate(self.focus_areas) for j, g in enumerate(a.goals)]
        out += unique_ids(goals, "goal")[1]
        for i, a in enumerate(self.focus_areas):
            out += unknown_refs(("focus_areas", i, "minister_goals"), a.minister_goals, minister, "minister goal")
        return out

    def all_goals(self) -> list[PlanGoal]:
        return [g for area in self.focus_areas for g in area.goals]


MODEL = Plan
