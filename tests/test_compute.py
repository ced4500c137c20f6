"""Computed change and attainment: the seed's figures and every direction."""

import pytest

from generator import formatting as fmt
from generator.data.kinds.revision import Goal, Range, StartEnd
from generator.results import goals as compute


def goal_by_id(dataset, goal_id):
    doc = next(d for d in dataset.documents if d.kind == "resultatrevision" and d.year == 2013)
    return next(g for g in compute.walk_goals(doc.model.goals) if g.id == goal_id)


@pytest.mark.parametrize(
    "goal_id, change_words, change_abs, met",
    [
        ("foertidspension", "fald på 59,3 pct.", -137, False),  # 231 -> 94, target at most 60
        ("langtidsledige", "fald på 10,7 pct.", -44, False),  # 413 -> 369, target at most 368
        ("virksomheder-med-praktik-og-loentilskud", "fald på 21,4 pct.", -42, False),  # 196 -> 154, at least 229
    ],
)
def test_seed_changes_and_attainment(dataset, goal_id, change_words, change_abs, met):
    o = compute.outcome(goal_by_id(dataset, goal_id))
    assert fmt.change(o.change_pct) == change_words
    assert o.change_abs == change_abs
    assert o.met is met


def test_target_changes_match_the_document(dataset):
    # The document words the targets as 'fald på 74 pct.', 'fald på 11 pct.', 'stigning på 17 pct.'
    assert round(compute.outcome(goal_by_id(dataset, "foertidspension")).target_change_pct) == -74
    assert round(compute.outcome(goal_by_id(dataset, "langtidsledige")).target_change_pct) == -11
    assert round(compute.outcome(goal_by_id(dataset, "virksomheder-med-praktik-og-loentilskud")).target_change_pct) == 17


def test_goal_4_is_four_of_seven(dataset):
    g = goal_by_id(dataset, "virksomhedssamarbejde")
    o = compute.outcome(g)
    assert (o.met_count, o.total, o.state) == (4, 7, "partly")
    met = [s.label for s in g.subgoals if compute.outcome(s).met]
    assert met == ["4A", "4C", "4D", "4F"]


def test_goal_1_is_not_measured(dataset):
    assert compute.outcome(goal_by_id(dataset, "unge-i-uddannelse")).state == "not_measured"


def test_claim_disagreement_warns_only_for_goal_3(dataset):
    warnings = compute.claim_warnings(dataset)
    assert len(warnings) == 1
    w = warnings[0]
    assert "langtidsledige" in w.field and "1.4 Konklusion" in w.field
    assert "'opfyldt'" in w.message and "'ikke opfyldt'" in w.message


def make(direction, status, target, **kw):
    return Goal(id="g", label="G", direction=direction, status=status, target=target, **kw)


@pytest.mark.parametrize(
    "direction, status, target, tolerance, state",
    [
        ("at_most", 368, 368, 0, "met"),  # on the ceiling is met
        ("at_most", 369, 368, 0, "not_met"),  # one over is not
        ("at_least", 229, 229, 0, "met"),
        ("at_least", 228, 229, 0, "not_met"),
        ("exactly", 6, 6, 0, "met"),
        ("exactly", 7, 6, 0, "not_met"),
        ("exactly", 6.4, 6, 0.5, "met"),
        ("exactly", 6.6, 6, 0.5, "not_met"),
    ],
)
def test_every_numeric_direction(direction, status, target, tolerance, state):
    assert compute.outcome(make(direction, status, target, tolerance=tolerance)).state == state


@pytest.mark.parametrize("achieved, state", [(True, "met"), (False, "not_met"), (None, "not_measured")])
def test_qualitative_goals(achieved, state):
    g = Goal(id="g", label="G", direction="qualitative", achieved=achieved)
    assert compute.outcome(g).state == state


def test_start_end_status_compares_the_end_value():
    # '102 forløb (jan-14) til 93 (dec-14)' against 'max 95'
    status = StartEnd(start=102, start_period="2014-01", end=93, end_period="2014-12")
    o = compute.outcome(make("at_most", status, 95))
    assert (o.compared, o.state) == (93, "met")


def test_range_status_compares_the_mean_by_default():
    # 'mellem 3,8 og 10,2 pct. pr. måned, gennemsnitlig 6,2' against 'mindst 6'
    assert compute.outcome(make("at_least", Range(min=3.8, max=10.2, mean=6.2), 6)).state == "met"
    assert compute.outcome(make("at_least", Range(min=3.8, max=10.2, mean=6.2, compare="min"), 6)).state == "not_met"


def test_number_goal_without_target_is_refused():
    with pytest.raises(ValueError, match="kræver et mål"):
        Goal(id="g", label="G", direction="at_most", status=3)


def test_danish_formats():
    assert fmt.number(1603) == "1.603"
    assert fmt.pct(59.307) == "59,3 pct."
    import datetime as dt

    assert fmt.month(dt.date(2013, 12, 1)) == "dec. 2013"
    assert fmt.long_date(dt.date(2013, 4, 23)) == "23. april 2013"
    assert fmt.change(16.84) == "stigning på 16,8 pct."
    assert fmt.change(0.01) == "uændret"
