"""The beskæftigelsesplan: its data, its page, its checks, and the trace to the revision."""

from __future__ import annotations

import html
import re
import shutil

import pytest

from conftest import REGISTRY, run_mkdocs_build, write
from generator.data import loader
from generator.data.errors import DataError
from generator.site import build

PLAN_HTML = "hvidovre/2020/beskaeftigelsesplan/index.html"


def text_of(path) -> str:
    """The article's visible text, whitespace collapsed."""
    raw = path.read_text(encoding="utf-8")
    body = raw[raw.index("<article") : raw.index("</article>")]
    body = re.sub(r"<script.*?</script>", "", body, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))


@pytest.fixture(scope="module")
def plan_text(built_site) -> str:
    return text_of(built_site / PLAN_HTML)


# --------------------------------------------------------------------------- the data


def test_plan_has_five_focus_areas_with_their_goals(dataset):
    plan = next(d for d in dataset.documents if d.kind == "beskaeftigelsesplan").model
    assert [a.title for a in plan.focus_areas] == ["Handicap", "Langtidsforsørgede", "Unge", "Virksomhedsindsats", "Integration"]
    assert [len(a.objectives) for a in plan.focus_areas] == [2, 2, 3, 3, 2]
    assert [len(a.goals) for a in plan.focus_areas] == [2, 3, 5, 3, 3]
    assert [a.continued_from for a in plan.focus_areas] == [None, 2019, 2019, None, None]
    assert [a.minister_goals for a in plan.focus_areas] == [["handicap"], [], [], ["arbejdskraft"], ["flygtninge"]]
    assert len(plan.minister_goals) == 3 and len(plan.legal_frame.requirements) == 3 and len(plan.process) == 4


def test_only_the_two_unge_goals_are_measurable(dataset):
    plan = next(d for d in dataset.documents if d.kind == "beskaeftigelsesplan").model
    targets = {g.id: [(t.label, t.direction, t.value, t.unit) for t in g.targets] for g in plan.all_goals() if g.targets}
    assert targets == {
        "unge-aktiveringsgrad": [
            ("uddannelsesparate unge", "at_least", 16, "pct."),
            ("aktivitetsparate unge", "at_least", 20, "pct."),
        ],
        "unge-samtaler": [("uddannelsesparate unge", "at_least", 72, "pct."), ("aktivitetsparate unge", "at_least", 75, "pct.")],
    }


def test_population_facts_add_up(dataset):
    plan = next(d for d in dataset.documents if d.kind == "beskaeftigelsesplan").model
    box = next(b for b in plan.facts if b.id == "befolkning")
    n = [f.numbers[0] for f in box.facts]
    assert n == [53416, 33960, 26440, 25510, 930, 7520, 77.9, 22.1, 75.1, 3.5]
    assert n[1] == n[2] + n[5] and n[2] == n[3] + n[4]
    assert round(n[2] / n[1] * 100, 1) == n[6] and round(n[4] / n[2] * 100, 1) == n[9]
    firms = next(b for b in plan.facts if b.id == "virksomheder")
    assert sum(f.numbers[0] for f in firms.facts) == 4500


# --------------------------------------------------------------------------- the page


def test_plan_page_shows_focus_areas_objectives_and_goals(plan_text, dataset):
    plan = next(d for d in dataset.documents if d.kind == "beskaeftigelsesplan").model
    for n, area in enumerate(plan.focus_areas, start=1):
        assert f"{n}. {area.title}" in plan_text
        for objective in area.objectives:
            assert objective in plan_text
        for i, goal in enumerate(area.goals, start=1):
            assert f"Mål {n}.{i}" in plan_text and goal.text in plan_text
    assert plan_text.count("Videreført fra 2019") == 2
    assert "Social- og Arbejdsmarkedsudvalgets målsætninger" in plan_text
    assert "Flere personer med handicap skal i beskæftigelse. (ministerens mål 3)" in plan_text


@pytest.mark.parametrize(
    "words",
    [
        "53.416 indbyggere (2. kvartal 2019)",
        "33.960 er i den arbejdsdygtige alder (16-64 år)",
        "26.440 er i arbejdsstyrken",
        "25.510 er beskæftigede",
        "930 er bruttoledige",
        "7.520 er udenfor arbejdsstyrken",
        "Arbejdsstyrken udgør 77,9 pct.",
        "Udenfor arbejdsstyrken udgør 22,1 pct.",
        "Beskæftigelsesfrekvensen er 75,1 pct.",
        "Bruttoledighedsprocent er 3,5 pct.",
        "Kilde: FOLK1A og RAR-bm.dk",
        "4.090 virksomheder med under 10 ansatte",
        "oprettet i alt 844 nye virksomheder og 343 flyttede til",
        "steget med 20,8 % (i alt 683 CVR-numre)",
    ],
)
def test_facts_are_written_the_danish_way(plan_text, words):
    assert words in plan_text


def test_targets_in_words_and_not_yet_reviewed(plan_text):
    assert "Måltal: mindst 16 pct. for uddannelsesparate unge; mindst 20 pct. for aktivitetsparate unge." in plan_text
    assert "Måltal: mindst 72 pct. for uddannelsesparate unge; mindst 75 pct. for aktivitetsparate unge." in plan_text
    assert "2 af planens 16 mål har måltal" in plan_text
    assert "Endnu ikke gjort op" not in plan_text and plan_text.count("ikke gjort op") == 1  # said once, in the status box


def test_plan_charts_population_and_targets(built_site):
    folder = built_site / "hvidovre/2020/beskaeftigelsesplan"
    csvs = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("figur-*.csv")}
    assert len(csvs) == 3 and all((folder / n.replace(".csv", ".svg")).is_file() for n in csvs)
    joined = "\n".join(csvs.values())
    assert '"Aktiveringsgrad, uddannelsesparate unge",16' in joined  # a comma in a name is quoted
    assert "I arbejdsstyrken,26440" in joined and "Under 10 ansatte,4090" in joined


# --------------------------------------------------------------------------- checks


def _plan_yaml(goal_ids=("a", "b"), minister="m1", extra=""):
    goals = "".join(f"\n      - id: {g}\n        text: Mål {g}" for g in goal_ids)
    return (
        "jobcentre: testby\n"
        "year: 2021\n"
        "title: Beskæftigelsesplan 2021\n"
        "minister_goals:\n"
        "  - {id: m1, text: Ministerens mål}\n"
        "focus_areas:\n"
        "  - id: unge\n"
        "    title: Unge\n"
        f"    minister_goals: [{minister}]\n"
        f"    goals:{goals}\n"
        f"{extra}\n"
    )


def _errors(tmp_path, files) -> list[str]:
    write(tmp_path, {"jobcentres.yaml": REGISTRY, **files})
    with pytest.raises(DataError) as e:
        loader.load(tmp_path)
    return [str(i) for i in e.value.issues]


def test_duplicate_goal_ids_and_unknown_references_name_file_line_and_field(tmp_path):
    errors = _errors(tmp_path, {"testby/2021/beskaeftigelsesplan.yaml": _plan_yaml(goal_ids=("a", "a"), minister="m9")})
    assert any(
        re.search(r"beskaeftigelsesplan.yaml:9: focus_areas\[0\].minister_goals\[0\]: der er ingen ministermål med id 'm9'", e)
        for e in errors
    ), errors
    assert any(
        re.search(r"beskaeftigelsesplan.yaml:13: focus_areas\[0\].goals\[1\].id: mål-id'et 'a' er brugt to gange", e)
        for e in errors
    ), errors


def test_a_fact_needs_one_number_per_slot(tmp_path):
    extra = 'facts:\n  - id: f\n    heading: Fakta\n    facts:\n      - {text: "{} og {}", value: 3}'
    errors = _errors(tmp_path, {"testby/2021/beskaeftigelsesplan.yaml": _plan_yaml(extra=extra)})
    assert any("facts[0].facts[0]: teksten har 2 '{}', men der er 1 tal" in e for e in errors), errors


def test_a_target_needs_a_known_direction(tmp_path):
    plan = _plan_yaml().replace("text: Mål b", "text: Mål b\n        targets: [{label: unge, direction: above, value: 3}]")
    errors = _errors(tmp_path, {"testby/2021/beskaeftigelsesplan.yaml": plan})
    assert any(
        "focus_areas[0].goals[1].targets[0].direction: her skal stå en af disse værdier: 'at_most', 'at_least' eller 'exactly'"
        in e
        for e in errors
    ), errors


def test_a_revision_goal_must_name_a_goal_of_the_plan(tmp_path):
    errors = _errors(
        tmp_path,
        {
            "testby/2021/beskaeftigelsesplan.yaml": _plan_yaml(),
            "testby/2021/resultatrevision.yaml": REVISION.replace("plan_goal: a", "plan_goal: zz"),
        },
    )
    assert any(re.search(r"resultatrevision.yaml:\d+: goals\[0\].plan_goal: der er intet mål med id 'zz'", e) for e in errors), (
        errors
    )


# --------------------------------------------------------------------------- trace


REVISION = """
    jobcentre: testby
    year: 2021
    title: Resultatrevision 2021
    goals:
      - id: aktivering
        plan_goal: a
        label: Mål 1
        direction: at_least
        unit: pct.
        status: 18
        target: 16
      - id: b
        label: Mål 2
        direction: qualitative
        achieved: false
      - id: kun-i-revisionen
        label: Mål 3
        direction: qualitative
    """


@pytest.fixture
def traced(tmp_path):
    """A plan and a revision for the same year: goal a reviewed under another id, b under its own, c not at all."""
    write(
        tmp_path / "fixture",
        {
            "jobcentres.yaml": REGISTRY,
            "testby/2021/beskaeftigelsesplan.yaml": _plan_yaml(goal_ids=("a", "b", "c")),
            "testby/2021/resultatrevision.yaml": REVISION,
        },
    )
    return tmp_path / "fixture"


def test_trace_links_both_ways_in_the_pages(traced):
    dataset = loader.load(traced)
    built = {p.path: p.content for p in build.document_pages(dataset)}
    plan = built["testby/2021/beskaeftigelsesplan.md"]
    revision = built["testby/2021/resultatrevision.md"]
    assert "Opfyldt: 18 pct. mod et mål på mindst 16 pct." in plan
    # links between pages are their addresses
    assert '<a href="../resultatrevision/#aktivering">Se målet i Resultatrevision 2021</a>' in plan
    assert "Ikke opfyldt." in plan and '"../resultatrevision/#b"' in plan
    assert "Endnu ikke gjort op: Resultatrevision 2021 gør ikke op på dette mål." in plan
    # the status box counts the goals the revision reviews under the one rule
    assert (
        "<p>Resultatrevision 2021 gør op på 2 af planens mål: 1 opfyldt og 1 ikke opfyldt. "
        '<a href="../resultatrevision/">Se Resultatrevision 2021</a>.</p>'
    ) in plan
    assert "Mål 2</a>: ikke opfyldt efter dokumentets egen vurdering (målet har ingen tal)" in revision
    assert '<a href="../beskaeftigelsesplan/#a">Beskæftigelsesplan 2021, mål 1.1</a>' in revision
    assert '<a href="../beskaeftigelsesplan/#b">Beskæftigelsesplan 2021, mål 1.2</a>' in revision
    assert revision.count("Målet i planen") == 2


def test_trace_links_resolve_in_a_built_site(traced, project_copy):
    shutil.rmtree(project_copy / "data")
    shutil.copytree(traced, project_copy / "data")
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    site = project_copy / "site/testby/2021"
    plan = (site / "beskaeftigelsesplan/index.html").read_text(encoding="utf-8")
    revision = (site / "resultatrevision/index.html").read_text(encoding="utf-8")
    assert 'href="../resultatrevision/#aktivering"' in plan and 'id="aktivering"' in revision
    assert 'href="../beskaeftigelsesplan/#a"' in revision and 'id="a"' in plan
    assert "unknown anchor" not in result.stderr.lower() and "does not contain an anchor" not in result.stderr


@pytest.mark.parametrize("ranked,highlight", [(False, None), (True, "c")])
def test_bar_chart_is_valid_vega_lite(ranked, highlight):
    from altair.utils.schemapi import validate_jsonschema
    from altair.vegalite.v6.schema import core

    from generator.views import charts

    spec = charts.bar_chart([("a, b", 16), ("c", 20.5)], "pct.", "Måltal", highlight=highlight, ranked=ranked)
    validate_jsonschema(spec, core.load_schema())
    assert spec["layer"][0]["encoding"]["y"]["sort"] == ("-x" if ranked else None)


def test_text_from_data_is_escaped_on_the_plan_page(tmp_path):
    extra = 'facts:\n  - id: f\n    heading: "<i>Fakta</i>"\n    facts:\n      - {text: "<script>x</script> {}", value: 1603}'
    plan = _plan_yaml(extra=extra).replace("text: Mål a", "text: <b>Mål a</b>")
    write(tmp_path, {"jobcentres.yaml": REGISTRY, "testby/2021/beskaeftigelsesplan.yaml": plan})
    content = build.document_pages(loader.load(tmp_path))[0].content
    assert "&lt;script&gt;x&lt;/script&gt; <strong>1.603</strong>" in content  # plain: written as HTML
    assert "&lt;b&gt;Mål a&lt;/b&gt;" in content and "&lt;i&gt;Fakta&lt;/i&gt;" in content
    assert "<script>x" not in content and "<b>" not in content


def test_a_facts_unit_is_text(tmp_path):
    """A unit with HTML in it is shown as written, also where the facts go through Markdown."""
    extra = (
        "facts:\n  - id: f\n    heading: Fakta\n    facts:\n"
        '      - {text: "*Ledige* {}", value: 12, unit: "<img src=x onerror=alert(1)>"}'
    )
    write(tmp_path, {"jobcentres.yaml": REGISTRY, "testby/2021/beskaeftigelsesplan.yaml": _plan_yaml(extra=extra)})
    content = build.document_pages(loader.load(tmp_path))[0].content
    assert "<strong>12 &lt;img src=x onerror=alert(1)&gt;</strong>" in content
    assert "<img src=x" not in content
