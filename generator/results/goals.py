"""Derived figures: change against the baseline and whether a goal is met.

The data hold what the documents state (baseline, status, target, direction); everything that
follows from them is computed here, so a page can never show a figure that does not add up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator import messages
from generator.data.errors import DataIssue
from generator.data.kinds.revision import Claim, Goal, Range, StartEnd, placed_goals
from generator.data.loader import Dataset, display_path

State = Literal["met", "not_met", "partly", "not_measured", "no_target"]

STATE_WORDS = {
    "met": "opfyldt",
    "not_met": "ikke opfyldt",
    "partly": "delvist opfyldt",
    "not_measured": "ikke målt",
    "no_target": "målt, uden mål",  # a figure is stated, but the document sets no target
}


@dataclass(frozen=True)
class Outcome:
    state: State
    compared: float | None = None  # the status figure compared with the target
    change_abs: float | None = None  # compared - baseline
    change_pct: float | None = None  # percent change from baseline
    target_change_pct: float | None = None  # percent change the target asked for
    met_count: int | None = None  # for a goal with sub-goals
    total: int | None = None

    @property
    def met(self) -> bool | None:
        return {"met": True, "not_met": False}.get(self.state)


def compared_value(goal: Goal) -> float | None:
    s = goal.status
    if isinstance(s, StartEnd):
        return s.end
    if isinstance(s, Range):
        return getattr(s, s.compare)
    return s


def pct_change(frm: float | None, to: float | None) -> float | None:
    if frm is None or to is None or frm == 0:
        return None
    return (to - frm) / abs(frm) * 100


def is_met(direction: str, value: float, target: float, tolerance: float = 0) -> bool:
    if direction == "at_most":
        return value <= target
    if direction == "at_least":
        return value >= target
    if direction == "exactly":
        return abs(value - target) <= tolerance
    raise ValueError(f"direction {direction!r} is not numeric")


def outcome(goal: Goal) -> Outcome:
    if goal.subgoals:
        subs = [outcome(g) for g in goal.subgoals]
        measured = [o for o in subs if o.state not in ("not_measured", "no_target")]
        met = sum(o.state == "met" for o in measured)
        if not measured:
            state: State = "no_target" if any(o.state == "no_target" for o in subs) else "not_measured"
        elif met == len(measured):
            state = "met"
        elif met == 0:
            state = "not_met"
        else:
            state = "partly"
        return Outcome(state=state, met_count=met, total=len(measured))

    value = compared_value(goal)
    if goal.target is None and goal.achieved is None and value is not None:
        # Measured, but the document sets no target: neither met nor not met.
        return Outcome(
            state="no_target",
            compared=value,
            change_abs=None if goal.baseline is None else value - goal.baseline,
            change_pct=pct_change(goal.baseline, value),
        )

    if goal.direction == "qualitative":
        state = "not_measured" if goal.achieved is None else ("met" if goal.achieved else "not_met")
        return Outcome(state=state)

    if value is None:
        return Outcome(state="not_measured", target_change_pct=pct_change(goal.baseline, goal.target))
    assert goal.target is not None  # a numeric goal has one (models.Goal._direction_needs_numbers)
    state = "met" if is_met(goal.direction, value, goal.target, goal.tolerance) else "not_met"
    return Outcome(
        state=state,
        compared=value,
        change_abs=None if goal.baseline is None else value - goal.baseline,
        change_pct=pct_change(goal.baseline, value),
        target_change_pct=pct_change(goal.baseline, goal.target),
    )


def shortfall(goal: Goal, o: Outcome) -> float | None:
    """By how much a goal with a figure and a target was missed, in the goal's unit (always
    positive): the status below a minimum, above a maximum, or away from an exact target. None for
    a goal that was met, has no figure or target, or is qualitative."""
    if o.state != "not_met" or o.compared is None or goal.target is None or goal.direction == "qualitative":
        return None
    gap = {"at_most": o.compared - goal.target, "at_least": goal.target - o.compared}.get(
        goal.direction, abs(o.compared - goal.target)
    )
    return round(gap, 6)  # 25 - 24.6 is 0.4, not 0.3999999999999986


def follow_up_state(goal: Goal, status: float, target: float | None) -> State:
    """A follow-up figure ('seneste udvikling', after the year) against the follow-up's own
    target: met or not met in the goal's direction; no_target without a target (or a direction)."""
    if target is None or goal.direction == "qualitative":
        return "no_target"
    return "met" if is_met(goal.direction, status, target, goal.tolerance) else "not_met"


def walk_goals(goals: list[Goal]):
    """Every goal, sub-goals after their parent (the data stage's order, without the places)."""
    return (g for _, g in placed_goals(goals))


def contradicted_claims(goal: Goal, o: Outcome) -> list[tuple[Claim, State]]:
    """The document's claims about whether the goal was met that the figures contradict,
    each with the state the document claims."""
    out = []
    for claim in goal.claims:
        if claim.met is None or o.state in ("not_measured", "no_target"):
            continue
        claimed: State = "partly" if claim.met == "partly" else ("met" if claim.met else "not_met")
        if claimed != o.state:
            out.append((claim, claimed))
    return out


def claim_warnings(dataset: Dataset) -> list[DataIssue]:
    """Where a document states a result that the figures do not support, say so."""
    out = []
    for doc in dataset.documents:
        for goal in walk_goals(getattr(doc.model, "goals", [])):
            if not goal.claims:
                continue
            o = outcome(goal)
            contradicted = {id(c): claimed for c, claimed in contradicted_claims(goal, o)}
            for claim in goal.claims:
                problems = []
                if id(claim) in contradicted:
                    problems.append(
                        messages.text("yaml.claim_state", said=STATE_WORDS[contradicted[id(claim)]], figures=STATE_WORDS[o.state])
                    )
                if claim.change_pct is not None and o.change_pct is not None:
                    if round(o.change_pct, 1) != round(claim.change_pct, 1):
                        problems.append(messages.text("yaml.claim_change", said=claim.change_pct, figures=f"{o.change_pct:.1f}"))
                if claim.met_count is not None and o.met_count is not None and claim.met_count != o.met_count:
                    problems.append(messages.text("yaml.claim_met_count", said=claim.met_count, figures=o.met_count))
                for p in problems:
                    out.append(
                        DataIssue(
                            display_path(doc.path),
                            None,
                            messages.text("yaml.claim_field", goal=goal.id, where=claim.where),
                            p,
                            "warning",
                        )
                    )
    return out
