"""The resultatrevision: the year's goals against their targets and against comparable
jobcentres, sub-goals, the document's own sections, and where the figures and the document
disagree."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.data.kinds.plan import Plan
from generator.data.kinds.revision import Goal, Revision
from generator.results import counts, trace
from generator.results import goals as compute
from generator.views import goals as views
from generator.views.kind import Kind
from generator.views.page import DocumentPageBuilder, Figure, Page


@dataclass
class GoalView:
    goal: Goal
    outcome: compute.Outcome
    level: int
    figures: list[Figure]
    peers: Figure | None
    disagreements: list[str]
    subgoals: list["GoalView"]
    table_number: int | None = None
    table_anchor: str | None = None
    plan_link: tuple[str, str] | None = None  # (words, link) to the plan goal this reviews
    sentence: str = ""  # its result in one sentence (views.goals.result_sentence)
    cells: dict[str, str] = field(default_factory=dict)  # a main goal's row in the overview (views.goals.goal_cells)
    # its table's rows (itself, or its sub-goals) with their cells; a goal without sub-goals
    # names its own status period in the table's heading (own_period), not in the cell
    own_period: bool = False
    rows: list[tuple["GoalView", dict[str, str]]] = field(default_factory=list)

    @property
    def numeric(self) -> bool:
        return self.goal.direction != "qualitative"


def _disagreements(goal: Goal, o: compute.Outcome) -> list[str]:
    return [
        f"Dokumentet skriver ({c.where}), at målet er {compute.STATE_WORDS[claimed]}"
        f", men tallene viser, at det er {compute.STATE_WORDS[o.state]}."
        for c, claimed in compute.contradicted_claims(goal, o)
    ]


def page(b: DocumentPageBuilder) -> Page:
    doc = b.doc
    model = doc.model_as(Revision)
    plan, planned = trace.plan_goals(b.dataset, doc)
    plan_labels = trace.goal_labels(plan.model_as(Plan)) if plan else {}

    def view(goal: Goal, level: int) -> GoalView:
        o = compute.outcome(goal)
        v = GoalView(
            goal=goal, outcome=o, level=level, figures=[], peers=None, disagreements=_disagreements(goal, o), subgoals=[]
        )
        planned_id = trace.reviewed_goal_id(goal)
        if plan is not None and planned_id in planned:
            v.plan_link = (f"{plan.model.title}, {plan_labels[planned_id].lower()}", b.doc_url(plan, planned_id))
        # A goal table like the document's own (nulpunkt / status / mål).
        if level == 0 and (goal.direction != "qualitative" or goal.subgoals or o.state == "no_target"):
            v.table_number = b.refs.add(f"maal-{goal.id}", "tabel")
            v.table_anchor = b.refs.anchor(f"maal-{goal.id}")
        v.sentence = views.result_sentence(goal, o)
        # A goal's chart says the goal and the result under its title.
        said = v.sentence if o.state in ("met", "not_met") and not goal.subgoals else None
        v.figures = [b.figure_for_table(doc.table(t), o, said) for t in goal.charts]
        if goal.comparisons:
            v.peers = b.figure_for_peers(goal)
        v.subgoals = [view(g, level + 1) for g in goal.subgoals]
        if level == 0:  # a main goal's row in the overview, and its table's rows
            v.cells = views.goal_cells(goal, o, model)
            v.own_period = not v.subgoals and goal.status_period is not None
            v.rows = [(row, views.goal_cells(row.goal, row.outcome, model, v.own_period)) for row in (v.subgoals or [v])]
        return v

    goals = [view(g, 0) for g in model.goals]
    sections = [(s, b.section_items(s)) for s in model.sections]
    follow_up = None
    if model.follow_up:  # after the goals: its own figures and series, apart from the year's
        n = b.refs.add("seneste-udvikling", "tabel")
        follow_up = (model.follow_up, views.follow_up_rows(model), n, b.section_items(model.follow_up))
    jc = b.dataset.jobcentres[doc.jobcentre]
    return b.render_document(
        "resultatrevision.html.j2",
        f"{model.title} for {jc.name}: mål, resultater og forsørgelsesgrupper",
        goals=goals,
        sections=sections,
        overview=counts.summary(model.goals).sentence(),
        misses=[(m, views.miss_line(m)) for m in counts.misses(model.goals)],
        baseline_period=model.baseline_period,
        status_period=model.status_period,
        target_period=model.target_period,
        follow_up=follow_up,
    )


def headline(doc) -> str:
    """How its goals came out under the site's one counting rule (results.counts.summary)."""
    return counts.summary(doc.model.goals).headline() if doc.model.goals else ""


KIND = Kind(name="resultatrevision", title="Resultatrevision", order=2, page=page, headline=headline)
