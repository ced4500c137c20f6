"""What a document kind is to the views (one object per kind, in generator/views/kinds/)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.data.loader import Document
from generator.views.page import DocumentPageBuilder, Page


@dataclass(frozen=True)
class Kind:
    name: str  # as in file names and generator.data.kinds.KINDS: 'resultatrevision'
    title: str  # on the site: 'Resultatrevision'
    order: int  # in lists within a year: plan, revision, letter, minutes
    page: Callable[[DocumentPageBuilder], Page]  # the document's page, from a builder for it
    headline: Callable[[Document], str] = lambda doc: ""  # one line for lists and timelines
