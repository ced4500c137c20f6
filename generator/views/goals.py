"""How a goal is said: its cells in a goal table, its target in words, its result sentence.
Shared by the revision, the plan and the scorecard, so a goal reads the same everywhere."""
from __future__ import annotations

from generator import formatting as fmt
from generator.data.models import Goal, Range, StartEnd
from generator.results import goals as compute

DIRECTION_WORDS = {"at_most": "højst", "at_least": "mindst", "exactly": "præcis"}


def _with_unit(value: float | None, unit: str | None) -> str:
    return fmt.quantity(value, unit)


def goal_cells(goal: Goal, o: compute.Outcome, doc) -> dict[str, str]:
    """The words in a goal's row: nulpunkt, status, mål and the computed result."""
    unit = goal.unit
    status_period = goal.status_period or getattr(doc, "status_period", None)
    cells = {"baseline": "", "status": "", "target": "", "change": "", "state": compute.STATE_WORDS[o.state]}
    if goal.baseline is not None:
        cells["baseline"] = _with_unit(goal.baseline, unit)
    s = goal.status
    if goal.status_text:
        cells["status"] = goal.status_text
    elif isinstance(s, StartEnd):
        cells["status"] = (f"{_with_unit(s.start, unit)} ({fmt.month(s.start_period)}) til "
                           f"{fmt.number(s.end)} ({fmt.month(s.end_period)})")
    elif isinstance(s, Range):
        cells["status"] = (f"mellem {fmt.number(s.min)} og {fmt.number(s.max)}"
                           f"{' ' + unit if unit else ''} pr. måned, gennemsnitlig {fmt.number(s.mean)}")
    elif s is not None:
        cells["status"] = _with_unit(s, unit)
    if s is not None and goal.status_period and goal.status_period != getattr(doc, "status_period", None):
        cells["status"] = f"{fmt.month(status_period).capitalize()}: {cells['status']}"
    if o.change_abs is not None:
        cells["change"] = f"{fmt.change(o.change_pct)} ({fmt.change_abs(o.change_abs, unit)})"
    if goal.target is not None:
        cells["target"] = target_words(goal.direction, goal.target, unit)
        if o.target_change_pct is not None:
            cells["target"] += f" ({fmt.change(o.target_change_pct)})"
    return cells


def target_words(direction: str, value: float, unit: str | None) -> str:
    """'mindst 16 pct.', 'højst 60 personer'"""
    return f"{DIRECTION_WORDS.get(direction, '')} {fmt.quantity(value, unit)}".strip()


def result_sentence(goal: Goal, o: compute.Outcome) -> str:
    """'Ikke opfyldt: 94 personer mod et mål på højst 60 personer; fald på 59,3 pct. ...'"""
    if goal.subgoals:
        return f"{o.met_count} ud af {o.total} mål er opfyldt."
    if o.state == "not_measured":
        return "Målet er ikke målt i dokumentet."
    if goal.direction == "qualitative":
        return fmt.full_stop(compute.STATE_WORDS[o.state].capitalize() + (f": {goal.status_text}" if goal.status_text else ""))
    text = (f"{compute.STATE_WORDS[o.state].capitalize()}: {fmt.quantity(o.compared, goal.unit)} mod et mål på "
            f"{target_words(goal.direction, goal.target, goal.unit)}")
    if o.change_pct is not None:
        text += f"; {fmt.change(o.change_pct)} siden nulpunktet"
    return fmt.full_stop(text)
