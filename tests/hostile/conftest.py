"""The seed project built once per test session, for the hostile-input corpus (harness.py)."""

from __future__ import annotations

import pytest

from hostile.harness import make_seed_project


@pytest.fixture(scope="session")
def seed_project(tmp_path_factory):
    return make_seed_project(tmp_path_factory.mktemp("seed-project"))
