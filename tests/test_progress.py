"""A build says how far it is: documents loaded, pages made and charts rendered, each with what
came from the cache, in MkDocs' output (INFO, in Danish); a long stage also every few seconds."""

from __future__ import annotations

import logging

from conftest import DATA, run_mkdocs_build
from generator import progress
from generator.data import loader
from generator.site import sitecheck


def _info_lines(output: str) -> list[str]:
    return [line.removeprefix("INFO    -  ") for line in output.splitlines() if line.startswith("INFO")]


def test_a_seed_build_says_what_it_loaded_made_and_rendered_and_what_came_from_the_cache(project_copy):
    documents = len(list(DATA.glob("*/*/*.yaml")))  # the seed's documents: 4
    pages = len(sitecheck.plan(loader.load(DATA)))  # every generated page: 15
    assert (documents, pages) == (4, 15)

    cold = run_mkdocs_build(project_copy, project_copy / "site")
    assert cold.returncode == 0, cold.stderr
    charts = len(list((project_copy / "site").rglob("figur-*.svg")))  # every chart's SVG fallback: 18
    assert charts == 18
    assert [line for line in _info_lines(cold.stderr) if line.startswith(("Data:", "Sider:", "Diagrammer:"))] == [
        "Data: 4 dokumenter indlæst (0 fra cachen, 4 læst fra filerne)",
        "Sider: 15 (15 lavet, 0 fra cachen)",
        "Diagrammer: 18 SVG-filer (0 fra cachen, 18 tegnet)",
    ]

    # Again, nothing changed: everything from the cache but the data page (made on every build).
    warm = run_mkdocs_build(project_copy, project_copy / "site")
    assert warm.returncode == 0, warm.stderr
    lines = _info_lines(warm.stderr)
    assert "Data: 4 dokumenter indlæst (4 fra cachen, 0 læst fra filerne)" in lines
    assert "Sider: 15 (1 lavet, 14 fra cachen)" in lines
    assert "Diagrammer: 18 SVG-filer (18 fra cachen, 0 tegnet)" in lines
    # a short build has no running lines, only each stage's own
    assert not [line for line in lines if line.endswith("...")]


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_long_stage_says_how_far_it_is_at_most_every_interval(caplog):
    clock = Clock()
    stage = progress.Progress("build.making_pages", 8000, clock=clock)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.jobcentres"):
        for i in range(8000):
            clock.now = (i + 1) / 250  # a step every 4 ms, 32 s in all: a line at 10, 20 and 30 s
            stage.step()
    assert [r.getMessage() for r in caplog.records] == [
        "Laver sider: 2500 af 8000 ...",
        "Laver sider: 5000 af 8000 ...",
        "Laver sider: 7500 af 8000 ...",
    ]
    assert all(r.levelno == logging.INFO and r.name == "mkdocs.plugins.jobcentres" for r in caplog.records)
