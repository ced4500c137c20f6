"""The scorecard: goal attainment for every jobcentre and year, and each jobcentre against its cluster."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import compute, opendata
from . import formatting as fmt
from .loader import Dataset, Document
from .models import ChartSpec, Column, Goal, Table
from .pages import Page, PageBuilder, goal_cells

SCORECARD = "maalopfyldelse"
STATES = ["met", "partly", "not_met", "not_measured"]
STATE_COLORS = {"met": "#2e7d32", "partly": "#b26a00", "not_met": "#b3261e", "not_measured": "#8c8c8c"}


@dataclass
class ScoreRow:
    doc: Document
    counts: dict[str, int]

    @property
    def measured(self) -> int:
        return sum(self.counts[s] for s in STATES if s != "not_measured")

    @property
    def share_met(self) -> float | None:
        return None if not self.measured else self.counts["met"] / self.measured * 100


def goal_documents(dataset: Dataset) -> list[Document]:
    """Documents with goals that have results (revisions), newest first."""
    docs = [d for d in dataset.documents if d.kind == "resultatrevision" and getattr(d.model, "goals", None)]
    return sorted(docs, key=lambda d: (-d.year, d.jobcentre))


def score_rows(dataset: Dataset) -> list[ScoreRow]:
    rows = []
    for doc in goal_documents(dataset):
        states = [compute.outcome(g).state for g in doc.model.goals]
        rows.append(ScoreRow(doc=doc, counts={s: states.count(s) for s in STATES}))
    return rows


def _synthetic_table(ident: str, title: str, columns: list[Column], frame: pd.DataFrame, chart: ChartSpec) -> Table:
    t = Table(id=ident, title=title, file="-", columns=columns, chart=chart)
    t._frame = frame
    return t


def attainment_table(dataset: Dataset, rows: list[ScoreRow]) -> Table:
    names = dataset.jobcentres
    frame = pd.DataFrame({
        "dokument": [f"{names[r.doc.jobcentre].name.replace('Jobcenter ', '')} {r.doc.year}" for r in rows],
        **{s: [r.counts[s] for r in rows] for s in STATES},
    })
    columns = [Column(key="dokument", label="Jobcenter og år", type="text")] + [
        Column(key=s, label=compute.STATE_WORDS[s].capitalize(), unit="mål") for s in STATES
    ]
    return _synthetic_table("maalopfyldelse", "Mål efter resultat, pr. jobcenter og år", columns, frame,
                            ChartSpec(kind="stacked_bar", x="dokument", y=STATES, y_title="Antal mål",
                                      colors=[STATE_COLORS[s] for s in STATES]))


def cluster_comparison(dataset: Dataset, jobcentre: str) -> Table | None:
    """The jobcentre's latest level in pct. of its cluster's average, for every series that has both."""
    labels, values, periods = [], [], []
    for doc in dataset.documents_of(jobcentre):
        for t in doc.model.tables:
            keys = {c.key for c in t.columns}
            if t.frame is None or "klynge" not in keys or jobcentre not in keys:
                continue
            both = t.frame[[t.columns[0].key, jobcentre, "klynge"]].dropna()
            if both.empty or not both["klynge"].iloc[-1]:
                continue
            last = both.iloc[-1]
            labels.append(t.title)
            values.append(round(last[jobcentre] / last["klynge"] * 100, 1))
            periods.append(last[t.columns[0].key])
    if not labels:
        return None
    name = dataset.jobcentres[jobcentre].name.replace("Jobcenter ", "")
    frame = pd.DataFrame({"serie": labels, "indeks": values})
    columns = [Column(key="serie", label="Serie", type="text"),
               Column(key="indeks", label=f"{name} i pct. af klyngens gennemsnit", unit="pct.")]
    return _synthetic_table(f"klynge-{jobcentre}", f"{name} i forhold til klyngen (klyngens gennemsnit = 100)",
                            columns, frame,
                            ChartSpec(kind="ranked_bar", x="serie", y=["indeks"], y_title="Pct. af klyngens gennemsnit",
                                      target=100, target_label="Klyngen"))


def ministermaal_rows(dataset: Dataset) -> list[dict]:
    out = []
    for doc in goal_documents(dataset):
        for g in doc.model.goals:
            if g.type != "ministermål":
                continue
            o = compute.outcome(g)
            out.append({"doc": doc, "goal": g, "outcome": o, "cells": goal_cells(g, o, doc.model)})
    return sorted(out, key=lambda r: (r["goal"].title or r["goal"].label, -r["doc"].year, r["doc"].jobcentre))


def scorecard_page(dataset: Dataset, svg_cache: Path | None = None) -> Page:
    b = PageBuilder(dataset, None, svg_cache, folder=SCORECARD)
    rows = score_rows(dataset)
    fig = b.figure_for_table(attainment_table(dataset, rows)) if rows else None
    per_jobcentre = []
    for j in dataset.registry.jobcentres:
        own = [r for r in rows if r.doc.jobcentre == j.slug]
        cluster = cluster_comparison(dataset, j.slug)
        per_jobcentre.append((j, own, b.figure_for_table(cluster) if cluster else None))
    return b.render_page("maalopfyldelse.md.j2", "Målopfyldelse", rows=rows, figure=fig,
                         per_jobcentre=per_jobcentre, ministermaal=ministermaal_rows(dataset),
                         states=STATES, doc_url=opendata.doc_url)


def share(value: float | None) -> str:
    return "–" if value is None else fmt.pct(value, 0)
