"""The referat: minutes of the political committee's meeting, with figures per agenda item."""

from __future__ import annotations

from generator import formatting as fmt
from generator.data.kinds.minutes import Minutes
from generator.views.kind import Kind
from generator.views.page import DocumentPageBuilder, Page


def page(b: DocumentPageBuilder) -> Page:
    doc = b.doc.model_as(Minutes)
    items = [(item, [(s, b.section_items(s)) for s in item.presentation]) for item in doc.items]
    jc = b.dataset.jobcentres[b.doc.jobcentre]
    description = f"Referat af {doc.committee}s møde {fmt.long_date(doc.date)}, {', '.join(jc.municipalities)}"
    return b.render_document("referat.html.j2", description, items=items)


KIND = Kind(name="referat", title="Referat", order=4, page=page)
