"""Issue 14, item 7: the jobcentres compared on the minister's goals, a matrix computed in the
results stage (results.compare), rendered by _minister_matrix.html.j2 on a page of the year's
(aar/<year>/ministermaal/); the year page says how many jobcentres met each goal."""

from __future__ import annotations

import shutil

import pytest

from conftest import DATA
from generator.data import loader
from generator.results import compare
from generator.site import build, listings
from generator.views import goals
from htmltools import tables, text

MINISTER_GOALS = ["unge-i-uddannelse", "foertidspension", "langtidsledige", "virksomhedssamarbejde"]
TITLES = ["Unge i uddannelse", "Færre på førtidspension", "Langtidsledighed begrænses", "Styrket samarbejde med virksomheder"]


def test_the_seed_year_2013_has_hvidovres_four_minister_goals(dataset):
    m = compare.minister_matrix(dataset, 2013)
    assert [c.id for c in m.columns] == MINISTER_GOALS
    assert [c.title for c in m.columns] == TITLES
    [row] = m.rows  # Høje-Taastrup has no revision for 2013: not a row
    assert row.jobcentre == "hvidovre"
    assert [c.state for c in row.cells] == ["not_measured", "not_met", "not_met", "partly"]
    assert [m.tally(i) for i in range(4)] == [(0, 0), (0, 1), (0, 1), (0, 1)]


def test_a_year_without_minister_goals_has_no_matrix(dataset):
    assert compare.minister_matrix(dataset, 2020) is None  # a plan only
    assert compare.minister_matrix(dataset, 2012) is None  # a letter only


@pytest.fixture(scope="module")
def two_jobcentres(tmp_path_factory):
    """The seed with Høje-Taastrup given a copy of Hvidovre's 2013 revision in which the long-term
    unemployed came down to 300 (met), and førtidspension is a local goal under another id."""
    root = tmp_path_factory.mktemp("compare") / "data"
    shutil.copytree(DATA, root)
    src, dest = root / "hvidovre/2013", root / "hoeje-taastrup/2013"
    for folder in ("serier", "tabeller"):
        shutil.copytree(src / folder, dest / folder)
    yaml = (src / "resultatrevision.yaml").read_text(encoding="utf-8")
    lines = yaml.split("\n")
    assert lines[115] == "    status: 369" and lines[70] == "  - id: foertidspension" and "ministermål" in lines[73]
    lines[115] = "    status: 300"
    lines[70], lines[73] = "  - id: foertidspension-lokalt", "    type: lokalt mål"
    text_ = "\n".join(lines).replace("jobcentre: hvidovre", "jobcentre: hoeje-taastrup")
    (dest / "resultatrevision.yaml").write_text(text_, encoding="utf-8")
    return loader.load(root)


def test_two_jobcentres_are_compared_goal_by_goal(two_jobcentres):
    m = compare.minister_matrix(two_jobcentres, 2013)
    assert [c.id for c in m.columns] == MINISTER_GOALS  # ordered as the first revision (by name) has them
    states = {r.jobcentre: [c.state for c in r.cells] for r in m.rows}
    assert list(states) == ["hvidovre", "hoeje-taastrup"]  # Jobcenter Hvidovre < Jobcenter Høje-Taastrup
    assert states["hoeje-taastrup"] == ["not_measured", compare.ABSENT, "met", "partly"]
    assert m.tally(2) == (1, 2) and m.tally(1) == (0, 1)


def test_the_matrix_page_has_the_words_for_screen_readers_and_a_legend(two_jobcentres):
    page = listings.minister_page(build.context(), two_jobcentres, 2013)
    assert page.path == "aar/2013/ministermaal/index.md"
    assert page.title == "Ministerens mål 2013 – jobcentrene sammenlignet"
    rows = tables(page.content)["tabel-ministermaal"]
    assert rows[0] == ["Jobcenter", *TITLES]
    # each cell: the mark, which is seen, and its words, which screen readers read
    assert rows[1] == ["Hvidovre", "–", "✗", "✗", "◐"]
    assert rows[2] == ["Høje-Taastrup", "–", "·ikke med i revisionen", "✓", "◐"]
    assert rows[3] == ["Opfyldt", "–", "0 af 1", "1 af 2", "0 af 2"]
    # the cell links the goal, and the link's name is the result in words
    assert '<a href="../../../hoeje-taastrup/2013/resultatrevision/#langtidsledige" aria-label="opfyldt">✓</a>' in page.content
    assert '<a href="../../../hvidovre/2013/resultatrevision/#unge-i-uddannelse" aria-label="ikke målt">–</a>' in page.content
    assert '<span aria-hidden="true">·</span><span class="jc-sr">ikke med i revisionen</span>' in page.content
    legend = text(page.content[page.content.index('class="jc-legend"') :])
    for mark, words in goals.STATE_MARKS.values():
        assert f"{mark} {words}" in legend
    assert 'href="../"' in page.content  # back to the year's documents


def test_the_year_page_says_how_many_met_each_goal_and_links_the_matrix(two_jobcentres):
    page = listings.year_page(build.context(), two_jobcentres, 2013).content
    assert "jc-matrix" not in page
    assert tables(page)["tabel-ministermaal-opfyldt"] == [
        ["Mål", "Opfyldt"],
        ["Unge i uddannelse", "ingen har målt det"],
        ["Færre på førtidspension", "0 af 1"],
        ["Langtidsledighed begrænses", "1 af 2"],
        ["Styrket samarbejde med virksomheder", "0 af 2"],
    ]
    assert "2 jobcentre har en resultatrevision for 2013 med ministerens mål" in text(page)
    assert '<a href="ministermaal/">Se hvert jobcenters resultat, mål for mål</a>' in page
    # the documents follow under their own heading, a level below
    assert page.index('id="ministermaal"') < page.index('<h2 id="dokumenter"') < page.index('<h3 id="jobcenter-hvidovre"')


def test_a_year_page_without_minister_goals_is_a_plain_list(dataset):
    page = listings.year_page(build.context(), dataset, 2020).content
    assert "jc-matrix" not in page and '<h2 id="jobcenter-hvidovre"' in page


def test_the_years_with_a_matrix_are_found_in_one_pass(dataset, two_jobcentres):
    for ds in (dataset, two_jobcentres):
        every_year = sorted({d.year for d in ds.documents})
        assert compare.minister_years(ds) == [y for y in every_year if compare.minister_matrix(ds, y) is not None]
    assert compare.minister_years(dataset) == [2013]  # 2012 a letter, 2020 a plan
