"""The tilbagemelding: a letter about one of the jobcentre's documents, fx the region's feedback
on a revision."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, WithJsonSchema

from generator.data.models import Date, DocumentBase, Slug, Strict, Text, _digits


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

    def refers_to(self) -> list[tuple[tuple, str]]:
        return [(("answers",), self.answers)]


MODEL = Letter
