"""The minister's goals compared across jobcentres: for one year, each jobcentre's revision
against each ministermål, in the state the one counting rule gives it (results.counts).

A goal is the minister's when its revision marks it `type: ministermål` (models.Goal.type: the
documents say which of their goals carry out the minister's). The same goal in two jobcentres'
revisions is the goal with the same id: ids are stable slugs, and the minister's goals of a year
are the same for every jobcentre, so staff give them the same id (docs/forfatter.md). A goal
marked ministermål in one revision and not in another is still compared where it has that id.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.data.kinds.revision import Goal, Revision
from generator.data.loader import Dataset, Document
from generator.results import goals as compute

MINISTER = "ministermål"
ABSENT = "absent"  # the jobcentre's revision has no goal with the column's id


@dataclass(frozen=True)
class Column:
    """One of the minister's goals: its id and the title most revisions give it."""

    id: str
    title: str


@dataclass(frozen=True)
class Cell:
    state: str  # a compute.State, or ABSENT
    goal: Goal | None = None


@dataclass(frozen=True)
class Row:
    jobcentre: str  # slug
    doc: Document  # the jobcentre's revision of the year
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Matrix:
    year: int
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]

    def tally(self, index: int) -> tuple[int, int]:
        """A column's goals met, and those measured against a target (met, partly or not met)."""
        states = [r.cells[index].state for r in self.rows]
        return states.count("met"), sum(s in ("met", "partly", "not_met") for s in states)


def _chosen(dataset: Dataset) -> dict[tuple[str, int], Document]:
    """Each jobcentre's revision with goals of each year, by (jobcentre, year): the first by name
    if a folder had two."""
    out: dict[tuple[str, int], Document] = {}
    for d in dataset.documents:
        if d.kind == "resultatrevision" and getattr(d.model, "goals", None):
            first = out.get((d.jobcentre, d.year))
            if first is None or d.slug < first.slug:
                out[(d.jobcentre, d.year)] = d
    return out


def revisions(dataset: Dataset, year: int) -> list[Document]:
    """The year's revisions with goals, one per jobcentre (_chosen), in the order of the
    jobcentres' names."""
    names = {j.slug: j.name for j in dataset.registry.jobcentres}
    docs = [d for (_, y), d in _chosen(dataset).items() if y == year]
    return sorted(docs, key=lambda d: (names.get(d.jobcentre, d.jobcentre), d.slug))


def minister_years(dataset: Dataset) -> list[int]:
    """The years that have a matrix (minister_matrix is not None), in one pass over the documents:
    those where a jobcentre's revision (_chosen) marks a goal as the minister's."""
    return sorted({y for (_, y), d in _chosen(dataset).items() if any(g.type == MINISTER for g in d.model_as(Revision).goals)})


def minister_matrix(dataset: Dataset, year: int) -> Matrix | None:
    """Jobcentre x ministermål for the year; None when no revision of the year marks a goal as
    the minister's."""
    docs = revisions(dataset, year)
    titles: dict[str, Counter] = {}  # in the order the goals first appear
    for doc in docs:
        for g in doc.model_as(Revision).goals:
            if g.type == MINISTER:
                titles.setdefault(g.id, Counter())[g.title or g.shown_label] += 1
    if not titles:
        return None
    ids = list(titles)
    columns = tuple(Column(id=i, title=titles[i].most_common(1)[0][0]) for i in ids)
    rows = []
    for doc in docs:
        by_id = {g.id: g for g in doc.model_as(Revision).goals}
        cells = tuple(
            Cell(state=compute.outcome(by_id[i]).state, goal=by_id[i]) if i in by_id else Cell(state=ABSENT) for i in ids
        )
        rows.append(Row(jobcentre=doc.jobcentre, doc=doc, cells=cells))
    return Matrix(year=year, columns=columns, rows=tuple(rows))
