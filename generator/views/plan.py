"""The beskæftigelsesplan page: pejlemærker, goals with their targets, facts, and per goal the
result from the same year's resultatrevision when there is one.

Registers itself in pages.PAGE_BUILDERS (imported at the end of pages.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from generator.views import charts

from generator.results import goals as compute

from generator.views import page as pages

from generator.results import trace
from generator import formatting as fmt
from generator.data.loader import Dataset, Document
from generator.data.models import FACT_SLOT, Fact, FactBox, FocusArea, MinisterGoal, PlanGoal, Target

PENDING = "pending"  # css state of a goal that is not yet reviewed


@dataclass
class PlanGoalView:
    goal: PlanGoal
    label: str
    targets: list[str]
    state: str  # a compute state, or PENDING
    result: str
    link: str | None = None  # to the revision goal


@dataclass
class AreaView:
    area: FocusArea
    anchor: str
    minister_goals: list[MinisterGoal]
    goals: list[PlanGoalView]


def target_text(t: Target) -> str:
    """'mindst 16 pct. for uddannelsesparate unge' (and 'senest dec. 2020' when it has a deadline)"""
    text = f"{pages.target_words(t.direction, t.value, t.unit)} for {t.label}"
    return text + (f" senest {fmt.month(t.deadline)}" if t.deadline else "")


# '{}' as pages.markdown_text writes it (braces are escaped for attr_list).
_ESCAPED_SLOT = pages.markdown_text(FACT_SLOT)


def fact_markdown(fact: Fact, html: bool = False) -> Markup:
    """The fact's text with each '{}' replaced by its number in bold, the Danish way; with html,
    as the HTML Markdown makes of it (for a box that plain_facts passed). Escaped as every
    Markdown field is (pages.markdown_text): HTML, attr_list's braces and links that run code
    show as text."""
    parts = pages.markdown_text(fact.text).split(_ESCAPED_SLOT)
    bold = "<strong>{}</strong>" if html else "**{}**"
    out = parts[0]
    for number, rest in zip(fact.numbers, parts[1:]):
        out += bold.format(pages.literal_text(fmt.quantity(number, fact.unit))) + rest  # a unit is text too
    return Markup(out)


def plain_facts(box: FactBox) -> bool:
    """Whether the box's facts can be written as an HTML list (no intros, no Markdown in them)."""
    quantities = [fmt.quantity(n, f.unit) for f in box.facts for n in f.numbers]
    return (pages.DIRECT_HTML and not any(f.intro for f in box.facts)
            and all(pages.plain_text(f.text.replace(FACT_SLOT, "0")) and "\n" not in f.text for f in box.facts)
            and all(pages.plain_text(q) and escape(q) == q for q in quantities))


def _goal_view(goal: PlanGoal, label: str, b: pages.PageBuilder, revision: Document | None, reviewed: dict) -> PlanGoalView:
    view = PlanGoalView(goal=goal, label=label, targets=[target_text(t) for t in goal.targets], state=PENDING,
                        result=f"Endnu ikke gjort op: der er ingen resultatrevision for {b.doc.year} endnu.")
    found = reviewed.get(goal.id)
    if revision is not None and found is None:
        view.result = f"Endnu ikke gjort op: {revision.model.title} gør ikke op på dette mål."
    elif found is not None:
        o = compute.outcome(found)
        view.state, view.result = o.state, pages.result_sentence(found, o)
        view.link = pages.doc_link(b.folder, revision, found.id)
    return view


def _fact_figure(b: pages.PageBuilder, box: FactBox) -> pages.Figure | None:
    items = [(f.chart_label, f.numbers[0]) for f in box.facts if f.chart_label]
    if not items:
        return None
    title = box.chart_title or box.heading
    desc = pages.describe_values("Søjlediagram", title, [(n, fmt.quantity(v, box.chart_unit)) for n, v in items])
    spec = charts.bar_chart(items, box.chart_unit, title, ranked=False)
    return b.figure_for_values(f"fakta-{box.id}", title, spec, desc, items)


def _target_figures(b: pages.PageBuilder, views: list[PlanGoalView]) -> list[pages.Figure]:
    """One chart of the plan's targets per unit ('pct.')."""
    by_unit: dict[str | None, list[tuple[str, Target]]] = {}
    for v in views:
        for t in v.goal.targets:
            by_unit.setdefault(t.unit, []).append((f"{v.goal.title or v.label}, {t.label}", t))
    figures = []
    for unit, named in by_unit.items():
        title = f"Måltal i {b.doc.model.title}" + (f" ({unit})" if len(by_unit) > 1 and unit else "")
        items = [(name, t.value) for name, t in named]
        desc = pages.describe_values("Søjlediagram", title,
                                     [(name, pages.target_words(t.direction, t.value, t.unit)) for name, t in named])
        spec = charts.bar_chart(items, unit, title, ranked=False, name_title="Mål")
        figures.append(b.figure_for_values(f"maaltal-{len(figures) + 1}", title, spec, desc, items))
    return figures


def plan_page(dataset: Dataset, doc: Document, svg_cache: Path | None = None) -> pages.Page:
    b = pages.PageBuilder(dataset, doc, svg_cache)
    plan = doc.model
    revision, reviewed = trace.revision_goals(dataset, doc)
    labels = trace.goal_labels(plan)
    minister = {m.id: m for m in plan.minister_goals}
    areas = [
        AreaView(area=a, anchor=f"pejlemaerke-{a.id}", minister_goals=[minister[m] for m in a.minister_goals],
                 goals=[_goal_view(g, labels[g.id], b, revision, reviewed) for g in a.goals])
        for a in plan.focus_areas
    ]
    all_goals = [v for a in areas for v in a.goals]
    target_figures = _target_figures(b, all_goals)
    facts = [(box, _fact_figure(b, box)) for box in plan.facts]
    sections = [(s, b.section_items(s)) for s in plan.sections]
    return b.render("beskaeftigelsesplan.md.j2", areas=areas, all_goals=all_goals, facts=facts,
                    target_figures=target_figures, sections=sections, revision=revision,
                    fact_markdown=fact_markdown, plain_facts=plain_facts)


def plan_headline(doc: Document) -> str:
    """'5 pejlemærker, 16 mål, heraf 2 med måltal'"""
    plan = doc.model
    goals = plan.all_goals()
    measurable = sum(1 for g in goals if g.targets)
    return f"{len(plan.focus_areas)} pejlemærker, {len(goals)} mål, heraf {measurable} med måltal"


pages.PAGE_BUILDERS["beskaeftigelsesplan"] = plan_page
pages.HEADLINES["beskaeftigelsesplan"] = plan_headline
