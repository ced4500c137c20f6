"""The corpus harness catches what it is meant to catch (a case that must fail does)."""

import pytest

from hostile.harness import Case, run_case, sub

REVISION = "data/hvidovre/2013/resultatrevision.yaml"

CASES = [
    Case("word-for-a-number", [sub(REVISION, "target: 368", "target: tres")], "target: her skal stå et tal"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_case(case, seed_project, tmp_path):
    run_case(case, seed_project, tmp_path)


def test_a_wrong_expectation_fails(seed_project, tmp_path):
    case = Case("wrong", [sub(REVISION, "target: 368", "target: tres")], "this text is in no message")
    with pytest.raises(AssertionError, match="no line contains"):
        run_case(case, seed_project, tmp_path)
