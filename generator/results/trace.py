"""Goals traced across documents: a plan's goal and the revision goal that reviews it.

A beskæftigelsesplan and the resultatrevision of the same jobcentre and year share goal ids. A
revision goal reviews the plan goal with its own id, or the one it names in `plan_goal`.
"""

from __future__ import annotations

from generator.data.kinds.plan import Plan, PlanGoal
from generator.data.kinds.revision import Goal, Revision
from generator.data.loader import Dataset, Document
from generator.results.goals import walk_goals


def sibling(dataset: Dataset, doc: Document, model: type) -> Document | None:
    """The document of another kind for the same jobcentre and year."""
    return next((d for d in dataset.in_folder(doc.jobcentre, doc.year) if isinstance(d.model, model)), None)


def reviewed_goal_id(goal: Goal) -> str:
    return goal.plan_goal or goal.id


def revision_goals(dataset: Dataset, plan: Document) -> tuple[Document | None, dict[str, Goal]]:
    """The same year's revision, and its goals by the plan goal id they review."""
    revision = sibling(dataset, plan, Revision)
    if revision is None:
        return None, {}
    found: dict[str, Goal] = {}
    for g in walk_goals(revision.model_as(Revision).goals):
        found.setdefault(reviewed_goal_id(g), g)
    return revision, found


def plan_goals(dataset: Dataset, revision: Document) -> tuple[Document | None, dict[str, PlanGoal]]:
    """The same year's plan, and its goals by id."""
    plan = sibling(dataset, revision, Plan)
    if plan is None:
        return None, {}
    return plan, {g.id: g for g in plan.model_as(Plan).all_goals()}


def goal_labels(plan: Plan) -> dict[str, str]:
    """The site's label for each plan goal: 'Mål 3.4' is the fourth goal of pejlemærke 3."""
    labels = {}
    for n, area in enumerate(plan.focus_areas, start=1):
        for i, goal in enumerate(area.goals, start=1):
            labels[goal.id] = f"Mål {area.number or n}.{i}"
    return labels
