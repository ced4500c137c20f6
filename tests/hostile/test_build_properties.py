"""Property test of the build: the seed's YAML files mutated at random (the strategy of
test_yaml_properties.py) never make `mkdocs build --strict` print a traceback or exceed its
bounds. Each build runs in a child process with the corpus' memory and time limits
(harness.MEMORY_LIMIT, TIME_LIMIT); it succeeds, or fails with a message that names a data
file, and a failed build leaves site/ as it was and every entry in .cache/ as it was. (A build
that fails late, after the data passed their checks, may have added entries: each is stored
under a hash of its inputs and checks out, so a later build reads the same as it would make.)"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings

from generator import cache as cache_store
from hostile.harness import TRACEBACK, _run_isolated, copy_project, tree_digest
from hostile.test_yaml_properties import SEED, mutations

EXAMPLES = int(os.environ.get("BUILD_PROPERTY_EXAMPLES", 6))  # each is a whole build


def test_mutated_yaml_never_breaks_the_build(seed_project, tmp_path):
    project = copy_project(seed_project, tmp_path / "project")

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(mutations())
    def check(mutation):
        rel, text = mutation
        path = project / rel
        site, cache = tree_digest(project / "site"), tree_digest(project / ".cache")  # as the last build left them
        path.write_text(text, encoding="utf-8")
        try:
            outcome = _run_isolated("build", (), project)
        finally:
            path.write_text(SEED[rel], encoding="utf-8")
        assert outcome.exit_code in (0, 1), outcome.output  # -1: a crash, -2: past the time limit
        assert TRACEBACK not in outcome.output, outcome.output
        if outcome.exit_code == 1:
            assert any(
                "data/" in line and line.startswith(("ERROR", "WARNING")) or "  data/" in line for line in outcome.lines
            ), outcome.output
            assert tree_digest(project / "site") == site
            after = tree_digest(project / ".cache")
            assert {k: v for k, v in after.items() if k in cache} == cache  # none changed, none gone
            for store in ("files", "charts"):
                assert cache_store.Store(project / ".cache" / store).faults() == [], store

    check()
