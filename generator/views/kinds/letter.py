"""The tilbagemelding: the regional employment authority's letter on a revision."""

from __future__ import annotations

from generator import formatting as fmt
from generator.data.kinds.letter import Letter
from generator.views.kind import Kind
from generator.views.page import DocumentPageBuilder, Page


def page(b: DocumentPageBuilder) -> Page:
    doc = b.doc.model_as(Letter)
    return b.render_document(
        "tilbagemelding.html.j2", f"Brev fra {doc.sender.name} til {doc.recipient.name} af {fmt.long_date(doc.date)}"
    )


KIND = Kind(name="tilbagemelding", title="Tilbagemelding", order=3, page=page)
