"""The beskæftigelsesplan: pejlemærker, goals with their targets, facts, and per goal the
result from the same year's resultatrevision when there is one."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from generator import formatting as fmt
from generator.data.kinds.plan import FACT_SLOT, Fact, FactBox, FocusArea, MinisterGoal, Plan, PlanGoal, Target
from generator.results import counts, trace
from generator.results import goals as compute
from generator.views import charts, goals, markup
from generator.views.kind import Kind
from generator.views.page import DocumentPageBuilder, Figure, Page, describe_values

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
    text = f"{goals.target_words(t.direction, t.value, t.unit)} for {t.label}"
    return text + (f" senest {fmt.month(t.deadline)}" if t.deadline else "")


def fact_html(fact: Fact, md: markup.MarkdownRenderer) -> Markup:
    """The fact's text (a Markdown field) with each '{}' replaced by its number in bold, the
    Danish way."""
    slot = "\x00"  # a character no text from data has (the loader refuses control characters)
    text = md.html(fact.text.replace(FACT_SLOT, slot), inline=True)
    for number in fact.numbers:
        text = Markup(str(text).replace(slot, f"<strong>{escape(fmt.quantity(number, fact.unit))}</strong>", 1))
    return text


def _goal_view(goal: PlanGoal, label: str, b: DocumentPageBuilder, revision, reviewed: dict) -> PlanGoalView:
    view = PlanGoalView(
        goal=goal,
        label=label,
        targets=[target_text(t) for t in goal.targets],
        state=PENDING,
        result="",  # no revision of the year yet: the plan's status box says so, once (plan_status)
    )
    found = reviewed.get(goal.id)
    if revision is not None and found is None:
        view.result = f"Endnu ikke gjort op: {revision.model.title} gør ikke op på dette mål."
    elif found is not None:
        o = compute.outcome(found)
        view.state, view.result = o.state, goals.result_sentence(found, o)
        view.link = b.doc_url(revision, found.id)
    return view


@dataclass
class PlanStatus:
    sentence: str  # 'Planen har 16 mål under 5 pejlemærker; 2 af målene har måltal.'
    review: str  # how the year's revision reviewed them, or that there is none yet
    revision_link: str | None = None


def plan_status(b: DocumentPageBuilder, views: list[PlanGoalView], revision, reviewed: dict) -> PlanStatus:
    plan = b.doc.model_as(Plan)
    with_targets = sum(1 for v in views if v.targets)
    sentence = (
        f"Planen har {fmt.count(len(views), 'mål', 'mål')} under "
        f"{fmt.count(len(plan.focus_areas), 'pejlemærke', 'pejlemærker')}; "
        f"{with_targets} af målene har måltal."
    )
    if revision is None:
        return PlanStatus(sentence, f"Målene er endnu ikke gjort op: der er ingen resultatrevision for {b.doc.year} på sitet.")
    found = [reviewed[v.goal.id] for v in views if v.goal.id in reviewed]
    if not found:
        return PlanStatus(sentence, f"{revision.model.title} gør ikke op på planens mål.", b.doc_url(revision))
    c = counts.Counts.of(found)
    return PlanStatus(
        sentence, f"{revision.model.title} gør op på {len(found)} af planens mål: {c.in_words()}.", b.doc_url(revision)
    )


def _fact_figure(b: DocumentPageBuilder, box: FactBox) -> Figure | None:
    items = [(f.chart_label, f.numbers[0]) for f in box.facts if f.chart_label]
    if not items:
        return None
    title = box.chart_title or box.heading
    desc = describe_values("Søjlediagram", title, [(n, fmt.quantity(v, box.chart_unit)) for n, v in items])
    spec = charts.bar_chart(items, box.chart_unit, title, ranked=False)
    return b.figure_for_values(f"fakta-{box.id}", title, spec, desc, items)


def _target_figures(b: DocumentPageBuilder, views: list[PlanGoalView]) -> list[Figure]:
    """One chart of the plan's targets per unit ('pct.')."""
    by_unit: dict[str | None, list[tuple[str, Target]]] = {}
    for v in views:
        for t in v.goal.targets:
            by_unit.setdefault(t.unit, []).append((f"{v.goal.title or v.label}, {t.label}", t))
    figures: list[Figure] = []
    for unit, named in by_unit.items():
        title = f"Måltal i {b.doc.model.title}" + (f" ({unit})" if len(by_unit) > 1 and unit else "")
        items = [(name, t.value) for name, t in named]
        said = [(name, goals.target_words(t.direction, t.value, t.unit)) for name, t in named]
        desc = describe_values("Diagram over måltal", title, said)
        # a target is a point to reach, not an amount: marks with the target in words, no bars
        spec = charts.target_chart([(name, t.value, words) for (name, t), (_, words) in zip(named, said)], unit, title)
        figures.append(b.figure_for_values(f"maaltal-{len(figures) + 1}", title, spec, desc, items))
    return figures


def page(b: DocumentPageBuilder) -> Page:
    plan = b.doc.model_as(Plan)
    revision, reviewed = trace.revision_goals(b.dataset, b.doc)
    labels = trace.goal_labels(plan)
    minister = {m.id: m for m in plan.minister_goals}
    areas = [
        AreaView(
            area=a,
            anchor=f"pejlemaerke-{a.id}",
            minister_goals=[minister[m] for m in a.minister_goals],
            goals=[_goal_view(g, labels[g.id], b, revision, reviewed) for g in a.goals],
        )
        for a in plan.focus_areas
    ]
    all_goals = [v for a in areas for v in a.goals]
    target_figures = _target_figures(b, all_goals)
    facts = [(box, _fact_figure(b, box)) for box in plan.facts]
    sections = [(s, b.section_items(s)) for s in plan.sections]
    jc = b.dataset.jobcentres[b.doc.jobcentre]
    return b.render_document(
        "beskaeftigelsesplan.html.j2",
        f"{plan.title} for {jc.name}: pejlemærker, mål og måltal",
        areas=areas,
        all_goals=all_goals,
        facts=facts,
        target_figures=target_figures,
        sections=sections,
        revision=revision,
        status=plan_status(b, all_goals, revision, reviewed),
        fact_html=lambda fact: fact_html(fact, b.ctx.markdown),
    )


def headline(doc) -> str:
    """'5 pejlemærker, 16 mål, heraf 2 med måltal'"""
    plan = doc.model
    goals = plan.all_goals()
    measurable = sum(1 for g in goals if g.targets)
    return f"{len(plan.focus_areas)} pejlemærker, {len(goals)} mål, heraf {measurable} med måltal"


KIND = Kind(name="beskaeftigelsesplan", title="Beskæftigelsesplan", order=1, page=page, headline=headline)
