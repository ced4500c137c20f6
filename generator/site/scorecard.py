"""The scorecard: goal attainment for every jobcentre and year, and each jobcentre against its cluster."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from generator import formatting as fmt
from generator.data.kinds.revision import Revision
from generator.data.loader import Dataset, Document
from generator.data.models import ChartSpec, Column, Jobcentre, Table
from generator.results import goals as compute
from generator.results.counts import STATES as ALL_STATES
from generator.results.counts import summary
from generator.views.goals import goal_cells, result_sentence
from generator.views.page import Context, Page, PageBuilder, doc_page

SCORECARD = "maalopfyldelse"
STATES = list(ALL_STATES)
STATE_COLORS = {
    "met": "#2d8f4e",
    "partly": "#a67c00",
    "not_met": "#e0403a",
    "not_measured": "#808080",
    "no_target": "#3a6ea5",
}  # 3:1 on both palettes (charts.PALETTE)


@dataclass
class Tally:
    """Goals by state: one revision's (ScoreRow), or summed over several."""

    counts: dict[str, int]

    @property
    def measured(self) -> int:
        """Goals measured against a target (a goal without a target cannot be met)."""
        return sum(self.counts[s] for s in STATES if s not in ("not_measured", "no_target"))

    @property
    def share_met(self) -> float | None:
        return None if not self.measured else self.counts["met"] / self.measured * 100


@dataclass
class ScoreRow(Tally):
    """One revision's goals by state."""

    doc: Document


def goal_documents(dataset: Dataset) -> list[Document]:
    """Documents with goals that have results (revisions), newest first."""
    docs = [d for d in dataset.documents if d.kind == "resultatrevision" and getattr(d.model, "goals", None)]
    return sorted(docs, key=lambda d: (-d.year, d.jobcentre))


def score_rows(dataset: Dataset) -> list[ScoreRow]:
    rows = []
    for doc in goal_documents(dataset):
        rows.append(ScoreRow(doc=doc, counts=summary(doc.model_as(Revision).goals).goals.as_dict()))
    return rows


def _synthetic_table(ident: str, title: str, columns: list[Column], frame: pd.DataFrame, chart: ChartSpec) -> Table:
    t = Table(id=ident, title=title, file="-", columns=columns, chart=chart)
    t._frame = frame
    return t


def _state_table(ident: str, title: str, key: str, label: str, names: list[str], counts: list[dict[str, int]]) -> Table:
    """Goals by result for each named group, as a table with a stacked-bar chart."""
    states = shown_states(counts)
    frame = pd.DataFrame({key: names, **{s: [c[s] for c in counts] for s in states}})
    columns = [Column(key=key, label=label, type="text")] + [
        Column(key=s, label=compute.STATE_WORDS[s].capitalize(), unit="mål") for s in states
    ]
    return _synthetic_table(
        ident,
        title,
        columns,
        frame,
        ChartSpec(kind="stacked_bar", x=key, y=states, y_title="Antal mål", colors=[STATE_COLORS[s] for s in states]),
    )


def shown_states(counts: list[dict[str, int]]) -> list[str]:
    """The states a count shows: all but 'målt, uden mål' when no goal has that state."""
    return [s for s in STATES if s != "no_target" or any(c[s] for c in counts)]


def attainment_table(dataset: Dataset, rows: list[ScoreRow]) -> Table:
    names = dataset.jobcentres
    return _state_table(
        "maalopfyldelse",
        "Mål efter resultat, pr. jobcenter og år",
        "dokument",
        "Jobcenter og år",
        [f"{names[r.doc.jobcentre].name.replace('Jobcenter ', '')} {r.doc.year}" for r in rows],
        [r.counts for r in rows],
    )


def cluster_comparison(dataset: Dataset, jobcentre: str) -> Table | None:
    """The jobcentre's latest level in pct. of its cluster's average, for every series that has both."""
    labels, values, periods = [], [], []
    for doc in dataset.documents_of(jobcentre):
        for t in doc.model.tables:
            keys = {c.key for c in t.columns}
            if t.frame is None or "klynge" not in keys or jobcentre not in keys:
                continue
            # the last row with all three (plain lists: pandas' dropna and row access were slow
            # over every table of a national build)
            x, own, cluster = (t.frame[k].tolist() for k in (t.columns[0].key, jobcentre, "klynge"))
            last = next(
                (i for i in range(len(x) - 1, -1, -1) if not (pd.isna(x[i]) or pd.isna(own[i]) or pd.isna(cluster[i]))), None
            )
            if last is None or not cluster[last]:
                continue
            labels.append(t.title)
            values.append(round(own[last] / cluster[last] * 100, 1))
            periods.append(x[last])
    if not labels:
        return None
    name = dataset.jobcentres[jobcentre].name.replace("Jobcenter ", "")
    frame = pd.DataFrame({"serie": labels, "indeks": values})
    columns = [
        Column(key="serie", label="Serie", type="text"),
        Column(key="indeks", label=f"{name} i pct. af klyngens gennemsnit", unit="pct."),
    ]
    return _synthetic_table(
        f"klynge-{jobcentre}",
        f"{name} i forhold til klyngen (klyngens gennemsnit = 100)",
        columns,
        frame,
        ChartSpec(
            kind="ranked_bar", x="serie", y=["indeks"], y_title="Pct. af klyngens gennemsnit", target=100, target_label="Klyngen"
        ),
    )


def ministermaal_rows(dataset: Dataset) -> list[dict]:
    out = []
    for doc in goal_documents(dataset):
        revision = doc.model_as(Revision)
        for g in revision.goals:
            if g.type != "ministermål":
                continue
            o = compute.outcome(g)
            out.append(
                {"doc": doc, "goal": g, "outcome": o, "cells": goal_cells(g, o, revision), "sentence": result_sentence(g, o)}
            )
    return sorted(out, key=lambda r: (r["goal"].title or r["goal"].shown_label, -r["doc"].year, r["doc"].jobcentre))


def year_table(rows: list[ScoreRow]) -> Table:
    """Goals by result for each year, summed over the jobcentres."""
    years = sorted({r.doc.year for r in rows})
    return _state_table(
        "maalopfyldelse-aar",
        "Mål efter resultat, pr. år (alle jobcentre)",
        "aar",
        "År",
        [str(y) for y in years],
        [_sum_rows([r for r in rows if r.doc.year == y]) for y in years],
    )


def _sum_rows(doc_rows: list[ScoreRow]) -> dict[str, int]:
    return {s: sum(r.counts[s] for r in doc_rows) for s in STATES}


def page_makers(ctx: Context, dataset: Dataset) -> list[tuple[str, list[Document], Callable[[], Page]]]:
    """An overview (every jobcentre in one row, every year in one bar) and a page per jobcentre
    with its revisions, its ministermål and its cluster comparison (one page with every
    revision's row grew with every year of data): each as the documents it is made from and a
    function that makes it, with its path (see listings.page_makers). The rows are counted once,
    and only when a page is made (a build whose pages all come from the cache counts none)."""
    rows = functools.cache(lambda: score_rows(dataset))
    ministermaal = functools.cache(lambda: ministermaal_rows(dataset))

    def jobcentre_page(j: Jobcentre) -> Page:
        own = [r for r in rows() if r.doc.jobcentre == j.slug]
        mine = [m for m in ministermaal() if m["doc"].jobcentre == j.slug]
        return jobcentre_scorecard(ctx, dataset, j, own, mine)

    out: list[tuple[str, list[Document], Callable[[], Page]]] = [
        (f"{SCORECARD}/index.md", goal_documents(dataset), lambda: overview_page(ctx, dataset, rows()))
    ]
    for j in sorted(dataset.registry.jobcentres, key=lambda j: j.name):
        out.append((f"{SCORECARD}/{j.slug}/index.md", dataset.documents_of(j.slug), functools.partial(jobcentre_page, j)))
    return out


def overview_page(ctx: Context, dataset: Dataset, rows: list[ScoreRow]) -> Page:
    b = PageBuilder(ctx, dataset, folder=SCORECARD)
    per_jobcentre = []
    for j in sorted(dataset.registry.jobcentres, key=lambda j: j.name):
        own = [r for r in rows if r.doc.jobcentre == j.slug]
        per_jobcentre.append((j, len(own), Tally(counts=_sum_rows(own))))
    fig = b.figure_for_table(year_table(rows)) if rows else None
    overview = b.render(
        "maalopfyldelse.html.j2",
        "Målopfyldelse",
        "Målopfyldelse for alle jobcentre og år: opfyldte, delvist opfyldte, ikke opfyldte og ikke målte mål",
        per_jobcentre=per_jobcentre,
        figure=fig,
        states=shown_states([r.counts for r in rows]),
        total=Tally(counts=_sum_rows(rows)),
        revisions=len(rows),
        revisions_text=fmt.count(len(rows), "resultatrevision", "resultatrevisioner"),
    )
    return overview


def jobcentre_scorecard(ctx: Context, dataset: Dataset, j, rows: list[ScoreRow], ministermaal: list[dict]) -> Page:
    b = PageBuilder(ctx, dataset, folder=f"{SCORECARD}/{j.slug}")
    fig = b.figure_for_table(attainment_table(dataset, rows)) if rows else None
    cluster = cluster_comparison(dataset, j.slug)
    cluster_fig = b.figure_for_table(cluster) if cluster else None
    return b.render(
        "maalopfyldelse_jobcenter.html.j2",
        f"Målopfyldelse – {j.name}",
        f"Målopfyldelse for {j.name}: resultatrevisionernes mål år for år, ministermålene og klyngen",
        jobcentre=j,
        rows=rows,
        figure=fig,
        cluster_figure=cluster_fig,
        ministermaal=ministermaal,
        states=shown_states([r.counts for r in rows]),
        doc_url=lambda doc, anchor=None: b.url(doc_page(doc), anchor),
    )


def share(value: float | None) -> str:
    return "–" if value is None else fmt.pct(value, 0)
