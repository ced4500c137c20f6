"""The referat: a committee meeting's minutes, its agenda items and decisions."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema

from generator import messages
from generator.data.models import Count, Date, DocumentBase, Markdown, Section, Strict, Text


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

    def problems(self, name: str) -> list[tuple[tuple, str]]:
        out = self._named_after_date(name)
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

    def _named_after_date(self, name: str) -> list[tuple[tuple, str]]:
        """A minutes file named after its meeting (referat-2013-03-06.yaml) must have that date."""
        m = MINUTES_NAME.fullmatch(name)
        if m is None:
            return []
        try:
            named = dt.date.fromisoformat(m.group(1))
        except ValueError:
            return [((), messages.text("yaml.minutes_name_no_date", name=f"{name}.yaml"))]
        if named != self.date:
            return [(("date",), messages.text("yaml.minutes_date", date=self.date.isoformat(), name=f"{name}.yaml"))]
        return []


MINUTES_NAME = re.compile(r"referat-(\d{4}-\d{2}-\d{2})")

MODEL = Minutes
