"""Issue 17: what real revisions of other jobcentres say, written in the format and shown honestly.

The fixture tests/fixtures/formats/data holds a revision with each case: a goal measured without a
target and ranked in its cluster, the jobcentre's own entry in a comparison, status periods of a
whole year and of a range of months, a document dated by month only, figures in running text, a
'seneste udvikling' after the year, goals without labels and without a type.
"""

import csv
import io
import shutil
from pathlib import Path

import pytest

from conftest import copy_project, errors_of, run_mkdocs_build
from generator import formatting as fmt
from generator.data import loader
from generator.data.models import Span
from generator.results import counts as results
from generator.results import goals as compute
from generator.site import build, opendata
from htmltools import chart_specs, page, tables, text

FIXTURE = Path(__file__).parent / "fixtures" / "formats" / "data"
URL = "aaby-oestrup/2014/resultatrevision"
REVISION = FIXTURE / "aaby-oestrup" / "2014" / "resultatrevision.yaml"


@pytest.fixture(scope="module")
def dataset():
    return loader.load(FIXTURE)


@pytest.fixture(scope="module")
def content(dataset):
    [p] = build.document_pages(dataset)
    return p.content


@pytest.fixture(scope="module")
def goal_rows(dataset):
    return {(r["goal_id"], r["part"]): r for r in opendata.goal_rows(dataset)}


def _goal(dataset, ident):
    return next(g for g in compute.walk_goals(dataset.documents[0].model.goals) if g.id == ident)


def _variant(tmp_path, old: str, new: str) -> Path:
    """The fixture with one text of the revision replaced."""
    root = tmp_path / "data"
    shutil.copytree(FIXTURE, root)
    path = root / "aaby-oestrup" / "2014" / "resultatrevision.yaml"
    source = path.read_text(encoding="utf-8")
    assert old in source
    path.write_text(source.replace(old, new), encoding="utf-8")
    return root


# --------------------------------------------------------------------------- 1. measured, no target; rank


def test_a_goal_measured_without_a_target_is_neither_met_nor_unmeasured(dataset, content):
    o = compute.outcome(_goal(dataset, "unge-i-uddannelse"))
    assert (o.state, o.compared, round(o.change_pct, 1)) == ("no_target", 31.4, 5.4)
    assert "Målt, uden mål: 31,4 pct.; stigning på 5,4 pct. siden nulpunktet; nr. 3 af 6 i klyngen." in content
    assert "ikke målt i dokumentet" not in content
    row = tables(content)["tabel-maal-unge-i-uddannelse"][1]
    assert row[3:] == ["intet mål", "målt, uden mål"]


def test_the_counting_rule_counts_the_new_state_on_its_own(dataset, content):
    s = results.summary(dataset.documents[0].model.goals)
    assert s.goals.as_dict() == {"met": 2, "partly": 0, "not_met": 1, "no_target": 1, "not_measured": 0}
    assert s.sentence() == "Af 4 mål er 2 opfyldt, 1 ikke opfyldt og 1 målt uden mål."
    assert s.headline() == "2 af 4 mål opfyldt (1 uden mål)"
    assert "Af 4 mål er 2 opfyldt, 1 ikke opfyldt og 1 målt uden mål." in content


def test_sub_goals_without_targets_make_their_parent_measured_without_a_target(tmp_path):
    root = _variant(
        tmp_path,
        "    rank: {position: 3, of: 6}\n",
        "    rank: {position: 3, of: 6}\n    subgoals:\n      - {id: unge-a, status: 12}\n",
    )
    goal = next(g for g in loader.load(root).documents[0].model.goals if g.id == "unge-i-uddannelse")
    assert compute.outcome(goal.subgoals[0]).state == "no_target"
    assert goal.subgoals[0].shown_label == "Mål 1.1"


def test_rank_and_state_are_in_open_data(goal_rows):
    r = goal_rows[("unge-i-uddannelse", "")]
    assert (r["state"], r["status"], r["direction"], r["target"]) == ("no_target", 31.4, "", None)
    assert (r["rank_position"], r["rank_of"], r["rank_among"]) == (3, 6, "klyngen")


def test_a_rank_beyond_the_ranked_is_an_error(tmp_path):
    errors = errors_of(_variant(tmp_path, "rank: {position: 3, of: 6}", "rank: {position: 7, of: 6}"))
    assert any("goals[0].rank: placering 7 ligger uden for de 6, der er rangeret" in e for e in errors), errors


# --------------------------------------------------------------------------- 2. the own entry in a comparison


def test_the_own_entry_is_highlighted_and_named_in_the_text_alternative(content):
    [spec] = [s for s in chart_specs(content) if "sammenligning" in str(s.get("description"))]
    marked = {r["navn"]: r["fremhævet"] for r in spec["datasets"]["punkter"]}
    assert [n for n, on in marked.items() if on] == ["Åby/Østrup"] and len(marked) == 6
    assert (
        "Rangordnet søjlediagram: Mål 1: sammenligning med andre jobcentre (nr. 3 af 6 i klyngen). "
        "Silkeborg: 34,9 pct.; Herning: 32,6 pct.; Åby/Østrup (eget jobcenter): 31,4 pct.;"
    ) in content


def test_without_the_flag_the_registry_name_is_the_fallback(tmp_path):
    root = _variant(tmp_path, "{name: Åby/Østrup, value: 31.4, own: true}", "{name: Åby-Østrup, value: 31.4}")
    [p] = build.document_pages(loader.load(root))
    [spec] = [s for s in chart_specs(p.content) if "sammenligning" in str(s.get("description"))]
    assert [r["navn"] for r in spec["datasets"]["punkter"] if r["fremhævet"]] == ["Åby-Østrup"]
    assert "Åby-Østrup (eget jobcenter): 31,4 pct." in p.content


def test_two_own_entries_are_an_error(tmp_path):
    errors = errors_of(_variant(tmp_path, "{name: Viborg, value: 30.2}", "{name: Viborg, value: 30.2, own: true}"))
    assert any("goals[0]: mere end én sammenligning er markeret own: true" in e for e in errors), errors


# --------------------------------------------------------------------------- 3. status periods


def test_periods_read_as_a_month_a_range_or_a_year():
    assert fmt.span(Span.model_validate(2014)) == "i 2014"
    assert fmt.span(Span.model_validate("2014")) == "i 2014"
    assert fmt.span(Span.model_validate("2014-12")) == "dec. 2014"
    assert fmt.span(Span.model_validate({"start": "2014-07", "end": "2014-12"})) == "jul.–dec. 2014"
    assert fmt.span(Span.model_validate({"start": "2014-11", "end": "2015-02"}), in_year=False) == "nov. 2014–feb. 2015"
    assert Span.model_validate({"start": "2014-12", "end": "2014-12"}).kind == "month"
    with pytest.raises(ValueError, match="slutter, før den begynder"):
        Span.model_validate({"start": "2014-12", "end": "2014-01"})


def test_status_periods_are_shown_as_written(content):
    # the goal's own table heads its status with the goal's period, not the document's month
    fp = tables(content)["tabel-maal-foertidspension"]
    assert (fp[0][2], fp[1][2]) == ("Status i 2014", "58 personer fald på 18,3 pct. (fald på 13 personer)")
    vr = tables(content)["tabel-maal-virksomhedsrettet"]
    assert (vr[0][2], vr[1][2]) == ("Status jul.–dec. 2014", "mellem 3,8 og 10,2 pct. pr. måned, gennemsnitlig 6,2")
    assert tables(content)["tabel-maal-langtidsledige"][0][2] == "Status dec. 2014"  # the document's own
    # the overview, with one heading for all goals, names each goal's own period in its cell
    overview = {r[0]: r for r in tables(content)["table-1"][1:]}
    assert overview["Mål 3: Færre på førtidspension"][2] == "I 2014: 58 personer fald på 18,3 pct. (fald på 13 personer)"
    assert overview["Mål 4: Virksomhedsrettede tilbud"][2].startswith("Jul.–dec. 2014: mellem 3,8 og 10,2 pct.")


def test_open_data_keeps_status_periods_and_values_whole(goal_rows):
    def whole(ident):
        r = goal_rows[(ident, "")]
        return [
            r[k]
            for k in (
                "status_period_kind",
                "status_period_start",
                "status_period_end",
                "status_period",
                "status",
                "status_start",
                "status_end",
                "status_min",
                "status_max",
                "status_mean",
            )
        ]

    assert whole("foertidspension") == ["year", "2014-01", "2014-12", "2014-12", 58, None, None, None, None, None]
    assert whole("virksomhedsrettet") == ["range", "2014-07", "2014-12", "2014-12", 6.2, None, None, 3.8, 10.2, 6.2]
    assert whole("langtidsledige") == ["range", "2014-01", "2014-12", "2014-12", 463, 502, 463, None, None, None]


# --------------------------------------------------------------------------- 4. the document's date


def test_the_document_date_is_shown_apart_from_the_check_date(content):
    assert "<strong>Dokumentets dato:</strong> august 2015." in content
    assert "<strong>Data senest kontrolleret:</strong> 30. november 2026." in content


def test_a_document_date_may_be_a_day_but_not_a_thirteenth_month(tmp_path):
    [p] = build.document_pages(loader.load(_variant(tmp_path / "a", "document_date: 2015-08 ", "document_date: 2015-08-14 ")))
    assert "<strong>Dokumentets dato:</strong> 14. august 2015." in p.content
    errors = errors_of(_variant(tmp_path / "b", "document_date: 2015-08 ", "document_date: 2015-13 "))
    assert any("document_date: her skal stå dokumentets dato som ÅÅÅÅ-MM-DD" in e for e in errors), errors


# --------------------------------------------------------------------------- 5. figures in running text


def test_figures_in_the_text_are_formatted_and_listed(content):
    assert 'faldt med <span class="jc-fact">-4,2 pct.</span> i 2014.' in content
    assert 'I alt <span class="jc-fact">412 unge</span> startede' in content
    rows = tables(content)["tabel-tal-i-teksten"]
    assert rows[3] == ["Nye virksomheder med praktik eller løntilskud", "jul.–dec. 2014", "37 virksomheder"]


def test_figures_in_the_text_are_rows_of_open_data(dataset):
    rows = [r for r in opendata.cell_rows(dataset) if r["provenance"] == "text"]
    assert [(r["column"], r["value"], r["unit"], r["period_start"], r["period_end"]) for r in rows] == [
        ("fuldtidsledige-aendring", -4.2, "pct.", "2014-01", "2014-12"),
        ("unge-startet", 412, "unge", "2014-01", "2014-12"),
        ("nye-virksomheder", 37, "virksomheder", "2014-07", "2014-12"),
    ]
    assert rows[1]["row_label"] == "Unge under 30 år, der er startet på en uddannelse"


def test_an_unknown_figure_in_the_text_is_an_error(tmp_path):
    errors = errors_of(_variant(tmp_path, "{tal:unge-startet}", "{tal:unge-startede}"))
    assert any("intro: {tal:unge-startede} henviser ikke til et tal i text_facts" in e for e in errors), errors


# --------------------------------------------------------------------------- 6. the follow-up


def test_the_follow_up_has_its_own_period_targets_and_series(content):
    rows = tables(content)["tabel-seneste-udvikling"]
    assert rows[0] == ["Mål", "Status jan.–jun. 2015", "Eget mål for perioden", "Resultat"]
    assert rows[1] == ["Mål 2: Langtidsledigheden skal begrænses", "441 personer", "højst 430 personer", "ikke opfyldt"]
    assert rows[2] == ["Mål 1: Flere unge i uddannelse", "32,8 pct.", "intet mål", "målt, uden mål"]
    # the year's series and target line stop at the year; the follow-up's are drawn apart
    specs = {s["description"]: s for s in chart_specs(content) if "langtidsledige" in str(s.get("description"))}
    year, after = specs["Antal langtidsledige i 2014"], specs["Antal langtidsledige i 2015"]
    assert max(r["x"] for r in year["datasets"]["punkter"]) < "2015"
    assert min(r["x"] for r in after["datasets"]["punkter"]) >= "2015"
    assert content.index('<h2 id="seneste-udvikling">Seneste udvikling') > content.index('<h3 id="virksomhedsrettet">Mål 4')


def test_the_follow_up_is_not_counted_but_is_in_open_data(dataset, goal_rows):
    assert results.summary(dataset.documents[0].model.goals).goals.total == 4
    r = goal_rows[("langtidsledige", "follow_up")]
    assert (r["status"], r["target"], r["state"], r["status_period_start"], r["status_period_end"]) == (
        441,
        430,
        "not_met",
        "2015-01",
        "2015-06",
    )
    assert goal_rows[("langtidsledige", "")]["status"] == 463


def test_a_follow_up_figure_must_name_a_goal(tmp_path):
    errors = errors_of(_variant(tmp_path, "{goal: langtidsledige, status: 441", "{goal: langtidsledig, status: 441"))
    assert any("follow_up.figures[0].goal: der er ingen mål med id 'langtidsledig'" in e for e in errors), errors


# --------------------------------------------------------------------------- 7. labels and type


def test_goals_without_labels_are_numbered_by_the_page(content, goal_rows):
    for n, ident in enumerate(["unge-i-uddannelse", "langtidsledige", "foertidspension", "virksomhedsrettet"], start=1):
        assert f'<h3 id="{ident}">Mål {n}: ' in content
        assert goal_rows[(ident, "")]["label"] == ""  # open data keeps what the document says: nothing
    assert tables(content)["tabel-maal-langtidsledige"][0][0] == "Mål 2"


def test_a_goal_without_a_type_says_so(content):
    assert "<caption>Tabel 1: Flere unge i uddannelse (ikke angivet)</caption>" in content
    assert "<caption>Tabel 2: Langtidsledigheden skal begrænses (ministermål)</caption>" in content


def test_a_label_the_document_gives_is_kept(tmp_path):
    root = _variant(tmp_path, '    label: ""\n', "    label: 4B\n")
    [p] = build.document_pages(loader.load(root))
    assert '<h3 id="langtidsledige">4B: Langtidsledigheden skal begrænses' in p.content
    assert '<h3 id="foertidspension">Mål 3: Færre på førtidspension' in p.content  # the others keep their place's number


# --------------------------------------------------------------------------- the built page


def test_the_fixture_builds_strictly_into_a_page_with_every_case(tmp_path):
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "data")
    shutil.copytree(FIXTURE, project / "data")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    html = page(tmp_path / "site", URL)
    t = text(html)
    assert "Målt, uden mål: 31,4 pct.; stigning på 5,4 pct. siden nulpunktet; nr. 3 af 6 i klyngen." in t
    assert "Åby/Østrup (eget jobcenter): 31,4 pct." in t
    assert "Dokumentets dato: august 2015." in t
    assert "faldt med -4,2 pct. i 2014." in t
    assert tables(html)["tabel-seneste-udvikling"][1][2] == "højst 430 personer"
    assert tables(html)["tabel-maal-foertidspension"][0][2] == "Status i 2014"
    maal = list(csv.DictReader(io.StringIO((tmp_path / "site" / URL / "maal.csv").read_text(encoding="utf-8"))))
    assert [(r["goal_id"], r["state"], r["part"]) for r in maal][-2:] == [
        ("langtidsledige", "not_met", "follow_up"),
        ("unge-i-uddannelse", "no_target", "follow_up"),
    ]
    # the scorecard shows the new state as a column of its own
    score = tables(page(tmp_path / "site", "maalopfyldelse"))["tabel-maalopfyldelse"]
    assert "Målt, uden mål" in score[0] and dict(zip(score[0], score[1]))["Målt, uden mål"] == "1"


def test_the_skeletons_follow_up_example_is_valid():
    """`new` writes the follow-up as a commented block (the other examples are checked in
    test_authoring); uncommented, it is a valid follow_up."""
    import yaml

    from generator import cli
    from generator.data.kinds.revision import FollowUp

    text = (
        (cli.SKELETONS / "resultatrevision.yaml")
        .read_text(encoding="utf-8")
        .format(
            jobcentre="testby",
            name="Jobcenter Testby",
            short="Testby",
            year=2030,
            prev2=2028,
            next=2031,
            today="2030-01-01",
            meeting_date="2030-01-01",
        )
    )
    lines = text.splitlines()
    start = lines.index("# follow_up:")
    block = "\n".join(
        line[2:] for line in lines[start:] if line.startswith("# ") and not line.startswith("#  ") or line.startswith("#   ")
    )
    follow_up = FollowUp.model_validate(yaml.safe_load(block)["follow_up"])
    assert fmt.span(follow_up.period) == "jan.–jun. 2031"
    assert (follow_up.figures[0].goal, follow_up.figures[0].target) == ("langtidsledige", 430)
