"""Month labels as the documents write them ('okt-12', 'juli-12') are read as dates."""

import datetime as dt

import pytest

from generator.data import periods
from generator.data.models import _parse_period


@pytest.mark.parametrize(
    "label, expected",
    [
        ("okt-12", dt.date(2012, 10, 1)),
        ("jan-13", dt.date(2013, 1, 1)),
        ("feb-12", dt.date(2012, 2, 1)),
        ("maj-12", dt.date(2012, 5, 1)),
        ("juli-12", dt.date(2012, 7, 1)),
        ("jun-12", dt.date(2012, 6, 1)),
        ("sept-12", dt.date(2012, 9, 1)),
        ("Okt-12", dt.date(2012, 10, 1)),
        ("dec. 2013", dt.date(2013, 12, 1)),
        ("marts 2013", dt.date(2013, 3, 1)),
        (" nov-12 ", dt.date(2012, 11, 1)),
        ("dec/13", dt.date(2013, 12, 1)),
    ],
)
def test_month_labels(label, expected):
    assert periods.parse_month_label(label) == expected


@pytest.mark.parametrize("label", ["", "ok-12", "okt", "okt-123", "foo-12", "2012-10", "12-okt", "ja-13"])
def test_not_month_labels(label):
    assert not periods.is_month_label(label)
    with pytest.raises(ValueError, match="her skal stå en måned som ÅÅÅÅ-MM"):
        periods.parse_month_label(label)


def test_backwards_finds_the_step_that_goes_back():
    seq = [periods.parse_month_label(x) for x in ["okt-12", "nov-12", "dec-12", "jan-13", "feb-12"]]
    assert periods.backwards(seq) == [4]
    assert periods.backwards(seq[:4]) == []
    assert periods.backwards([dt.date(2012, 1, 1), dt.date(2012, 1, 1)]) == [1]  # repeated month


def test_model_periods_accept_labels_and_iso():
    assert _parse_period("2013-02") == dt.date(2013, 2, 1)
    assert _parse_period("feb-13") == dt.date(2013, 2, 1)
    with pytest.raises(ValueError, match="her skal stå en måned som ÅÅÅÅ-MM"):
        _parse_period("2013-13")
