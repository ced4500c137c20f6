"""How a goal is said: its cells in a goal table, its target in words, its result sentence.
Shared by the revision, the plan and the scorecard, so a goal reads the same everywhere."""

from __future__ import annotations

from dataclasses import dataclass

from generator import formatting as fmt
from generator.data.kinds.revision import FollowUpFigure, Goal, Range, Revision, StartEnd
from generator.results import goals as compute

DIRECTION_WORDS = {"at_most": "højst", "at_least": "mindst", "exactly": "præcis"}
# A result as a mark and in words, where a table compares many goals (the year page's matrix of
# the minister's goals): the mark is seen, the words are read (and explained in a legend).
STATE_MARKS = {
    "met": ("✓", compute.STATE_WORDS["met"]),
    "partly": ("◐", compute.STATE_WORDS["partly"]),
    "not_met": ("✗", compute.STATE_WORDS["not_met"]),
    "no_target": ("○", compute.STATE_WORDS["no_target"]),
    "not_measured": ("–", compute.STATE_WORDS["not_measured"]),
    "absent": ("·", "ikke med i revisionen"),  # results.compare.ABSENT
}


def _with_unit(value: float | None, unit: str | None) -> str:
    return fmt.quantity(value, unit)


def goal_cells(goal: Goal, o: compute.Outcome, doc, period_in_heading: bool = False) -> dict[str, str]:
    """The words in a goal's row: nulpunkt, status, mål and the computed result. The status
    names the goal's own status period unless period_in_heading (its table's heading does)."""
    unit = goal.unit
    status_period = goal.status_period or getattr(doc, "status_period", None)  # a models.Span
    cells = {"baseline": "", "status": "", "target": "", "change": "", "state": compute.STATE_WORDS[o.state]}
    if goal.baseline is not None:
        cells["baseline"] = _with_unit(goal.baseline, unit)
    s = goal.status
    if goal.status_text:
        cells["status"] = goal.status_text
    elif isinstance(s, StartEnd):
        cells["status"] = (
            f"{_with_unit(s.start, unit)} ({fmt.month(s.start_period)}) til {fmt.number(s.end)} ({fmt.month(s.end_period)})"
        )
    elif isinstance(s, Range):
        cells["status"] = (
            f"mellem {fmt.number(s.min)} og {fmt.number(s.max)}"
            f"{' ' + unit if unit else ''} pr. måned, gennemsnitlig {fmt.number(s.mean)}"
        )
    elif s is not None:
        cells["status"] = _with_unit(s, unit)
    if (
        s is not None
        and goal.status_period
        and goal.status_period != getattr(doc, "status_period", None)
        and not period_in_heading
    ):
        cells["status"] = f"{fmt.span(status_period).capitalize()}: {cells['status']}"
    if o.change_abs is not None:
        cells["change"] = f"{fmt.change(o.change_pct)} ({fmt.change_abs(o.change_abs, unit)})"
    if goal.target is not None:
        cells["target"] = target_words(goal.direction, goal.target, unit)
        if o.target_change_pct is not None:
            cells["target"] += f" ({fmt.change(o.target_change_pct)})"
    elif o.state == "no_target":
        cells["target"] = "intet mål"
    return cells


def target_words(direction: str, value: float | None, unit: str | None) -> str:
    """'mindst 16 pct.', 'højst 60 personer'"""
    return f"{DIRECTION_WORDS.get(direction, '')} {fmt.quantity(value, unit)}".strip()


def result_sentence(goal: Goal, o: compute.Outcome) -> str:
    """'Ikke opfyldt: 94 personer mod et mål på højst 60 personer; fald på 59,3 pct. ...'"""
    if goal.subgoals:
        return subgoals_sentence(goal, o)
    if o.state == "not_measured":
        return "Målet er ikke målt i dokumentet."
    if o.state == "no_target":
        return no_target_sentence(goal, o)
    if goal.direction == "qualitative":
        return fmt.full_stop(compute.STATE_WORDS[o.state].capitalize() + (f": {goal.status_text}" if goal.status_text else ""))
    text = (
        f"{compute.STATE_WORDS[o.state].capitalize()}: {fmt.quantity(o.compared, goal.unit)} mod et mål på "
        f"{target_words(goal.direction, goal.target, goal.unit)}"
    )
    return fmt.full_stop(text + _change_and_rank(goal, o))


def subgoals_sentence(goal: Goal, o: compute.Outcome) -> str:
    """A goal with sub-goals: '2 ud af 3 mål er opfyldt.', and the sub-goals measured without a
    target said as such ('1 delmål er målt, uden mål'), never as not measured; 'Målt, uden mål:
    ingen af delmålene har et mål.' when none has one."""
    if o.state == "no_target":
        return "Målt, uden mål: ingen af delmålene har et mål."
    if o.state == "not_measured":
        return "Målet er ikke målt i dokumentet."
    states: list[str] = [compute.outcome(s).state for s in goal.subgoals]
    text = f"{o.met_count} ud af {o.total} mål er opfyldt"
    for state, words in (("no_target", "målt, uden mål"), ("not_measured", "ikke målt")):
        if n := states.count(state):
            text += f"; {fmt.count(n, 'delmål', 'delmål')} er {words}"
    return text + "."


def miss_line(miss) -> str:
    """A missed goal in the verdict (results.counts.Miss), in one line: 'Mål 3: 369 mod højst 368 –
    misset med 1 person'. With a count unit the figures stand bare and the unit comes once, with
    the difference; percentages keep 'pct.' and the difference is in procentpoint. A qualitative
    goal has no difference: the document's own assessment is what says it was not met."""
    goal, o = miss.goal, miss.outcome
    if miss.by is None:
        return f"{miss.label}: ikke opfyldt efter dokumentets egen vurdering (målet har ingen tal)"
    unit = goal.unit if goal.unit in fmt.PERCENT_UNITS else None
    return (
        f"{miss.label}: {fmt.quantity(o.compared, unit)} mod {target_words(goal.direction, goal.target, unit)}"
        f" – misset med {fmt.difference(miss.by, goal.unit)}"
    )


def no_target_sentence(goal: Goal, o: compute.Outcome) -> str:
    """'Målt, uden mål: 23,4 pct.; fald på 5,0 pct. siden nulpunktet; nr. 3 af 6 i klyngen.'"""
    text = f"{compute.STATE_WORDS['no_target'].capitalize()}: {fmt.quantity(o.compared, goal.unit)}"
    return fmt.full_stop(text + _change_and_rank(goal, o))


def _change_and_rank(goal: Goal, o: compute.Outcome) -> str:
    """'; fald på 5,0 pct. siden nulpunktet; nr. 3 af 6 i klyngen' (each part where it is known)."""
    text = f"; {fmt.change(o.change_pct)} siden nulpunktet" if o.change_pct is not None else ""
    return text + (f"; {fmt.rank(goal.rank)}" if goal.rank else "")


def own_entry(goal: Goal, short_name: str):
    """The jobcentre's own entry in a goal's comparison: the one marked own: true; failing that
    (older data), the one named as the registry's name without 'Jobcenter ' (docs/forfatter.md)."""
    return next((p for p in goal.comparisons if p.own), None) or next((p for p in goal.comparisons if p.name == short_name), None)


def fact_words(fact) -> str:
    """A figure from the running text (models.TextFact), formatted: '4,2 pct.'"""
    return fmt.quantity(fact.value, fact.unit)


@dataclass
class FollowUpRow:
    goal: Goal
    figure: FollowUpFigure
    state: compute.State
    status: str
    target: str


def follow_up_rows(doc: Revision) -> list[FollowUpRow]:
    """The follow-up's figures ('seneste udvikling'), each against its own target where it has one.
    Not counted in the year's results (results.summary)."""
    goals = {g.id: g for g in compute.walk_goals(doc.goals)}
    rows = []
    for f in doc.follow_up.figures if doc.follow_up else []:
        g = goals[f.goal]
        target = "" if f.target is None else target_words(g.direction, f.target, g.unit)
        rows.append(
            FollowUpRow(
                goal=g,
                figure=f,
                state=compute.follow_up_state(g, f.status, f.target),
                status=fmt.quantity(f.status, g.unit),
                target=target,
            )
        )
    return rows
