"""Issue 14, item 8: one Danish style for months, decimals consistent within a table column, no
PDF-layout references in the web text, a plan that says once that its goals are not yet reviewed,
and a goal measured without a target said to be "uden mål", never "ikke målt"."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from conftest import DATA, ROOT
from generator import formatting as fmt
from generator.data.kinds.revision import Goal
from generator.results import goals as compute
from generator.site import build
from generator.views import charts, goals, tables
from htmltools import tables as html_tables
from htmltools import text


@pytest.fixture(scope="module")
def pages(dataset) -> dict[str, str]:
    return {p.path: p.content for p in build.document_pages(dataset)}


# --------------------------------------------------------------------------- months


def test_a_month_is_said_one_way_in_text_and_charts():
    assert fmt.month(dt.date(2013, 12, 1)) == "dec. 2013"
    assert fmt.month(dt.date(2013, 5, 1)) == "maj 2013"  # Danish writes 'maj' whole
    assert fmt.TIME_LOCALE["shortMonths"] == list(fmt.MONTHS_SHORT)
    assert [fmt.month(dt.date(2013, m, 1)).split()[0] for m in range(1, 13)] == fmt.TIME_LOCALE["shortMonths"]
    assert charts.TIME_FORMAT == "%b %Y"


def test_the_browser_formats_charts_with_the_same_locale():
    js = (ROOT / "overrides/assets/javascripts/jc-charts.js").read_text(encoding="utf-8")
    time = json.loads(re.search(r"var timeFormatLocale = (\{.*?\});", js).group(1))
    number = json.loads(re.search(r"var formatLocale = (\{.*?\});", js).group(1))
    assert (time, number) == (fmt.TIME_LOCALE, fmt.NUMBER_LOCALE)


def test_the_browser_draws_charts_with_the_same_look_as_the_svg_fallbacks():
    """The specs in the pages leave out the charts' look (charts.CONFIG): jc-charts.js adds its copy."""
    js = (ROOT / "overrides/assets/javascripts/jc-charts.js").read_text(encoding="utf-8")
    assert json.loads(re.search(r"var chartConfig = (\{.*?\});", js).group(1)) == charts.CONFIG
    assert charts.CONFIG["font"].startswith("Roboto") and charts.CONFIG["axis"]["labelFontSize"] == 12


def test_the_svg_fallback_says_months_as_the_page_does(dataset):
    revision = next(d for d in dataset.documents if d.kind == "resultatrevision").model
    table = next(t for t in revision.tables if t.id == "langtidsledige")
    labels = re.findall(r"<text[^>]*>([^<]*)</text>", charts.svg(charts.table_chart(table, table.title)))
    months = [t for t in labels if re.fullmatch(r"\S+ 20\d\d", t)]
    assert months and all(t.split()[0] in fmt.MONTHS_SHORT for t in months), months
    assert "dec. 2012" in months  # vl-convert's own da-DK would say 'dec 2012'


# --------------------------------------------------------------------------- decimals


def test_a_column_with_a_decimal_gives_every_value_the_same_decimals():
    assert fmt.decimals_shown([31, 27.8, None, float("nan")]) == 1
    assert fmt.decimals_shown([31.0, 2, 1603]) == 0
    assert fmt.decimals_shown([1.25, 3.5]) == 2


def test_the_minutes_table_shows_30_0_beside_27_8(pages):
    minutes = pages["hoeje-taastrup/2013/referat-2013-03-06.md"]
    rows = next(rows for rows in html_tables(minutes).values() if rows[1][0] == "Almen voksenuddannelse")
    assert rows[1][1:] == ["", "8,3", "30,0", "27,8", ""]
    for column in range(1, len(rows[0])):
        shown = [r[column] for r in rows[1:] if r[column]]
        assert len({len(v.split(",")[1]) if "," in v else 0 for v in shown}) <= 1, (rows[0][column], shown)


def test_whole_number_columns_stay_whole_and_decimal_columns_keep_their_decimals(dataset):
    revision = next(d for d in dataset.documents if d.kind == "resultatrevision").model
    by_id = {t.id: t for t in revision.tables}
    rows = html_tables(str(tables.table_html(by_id["langtidsledige"], anchor="t")))["t"]
    assert rows[1] == ["dec. 2011", "413", ""]
    assert all("," not in cell for row in rows[1:] for cell in row[1:])
    # Tabel 5 (besparelsespotentiale): 17,6 beside 3,37 and 0 beside -22,5 were '17,6' and '0'
    rows = html_tables(str(tables.table_html(by_id["besparelsespotentiale"], anchor="t")))["t"]
    assert rows[1][1:] == ["2,79", "3,37", "-198", "-22,5"]
    assert rows[-1][1:] == ["16,86", "17,60", "0", "0,0"]


# --------------------------------------------------------------------------- PDF layout

LAYOUT = re.compile(
    r"(på|i) (venstre|højre) side|boks(en|ene) på|(ovenstående|nedenstående) (diagram|figur|graf)|på side \d|næste side|forrige side",
    re.I,
)


def test_no_web_text_refers_to_the_pdf_layout(pages):
    found = []
    for path in [*DATA.rglob("*.yaml"), *(ROOT / "generator/views/templates").glob("*.j2"), *(ROOT / "docs").glob("*.md")]:
        if path.name == "forfatter.md":
            continue
        # the data's comments may say what was rewritten; its texts may not
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")]
        found += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in LAYOUT.finditer("\n".join(lines))]
    found += [f"{p}: {m.group(0)}" for p, content in pages.items() for m in LAYOUT.finditer(text(content))]
    assert found == []


# --------------------------------------------------------------------------- the plan, once


def test_the_plan_says_once_that_its_goals_are_not_yet_reviewed(pages):
    plan = text(pages["hvidovre/2020/beskaeftigelsesplan.md"])
    assert "Målene er endnu ikke gjort op: der er ingen resultatrevision for 2020 på sitet." in plan
    assert plan.count("ikke gjort op") == 1
    assert "Resultat:" not in plan  # no goal repeats it


# --------------------------------------------------------------------------- 'uden mål'


def _goal(**kw) -> Goal:
    return Goal.model_validate({"id": "g", "label": "Mål 1", **kw})


def test_a_goal_whose_subgoals_are_measured_without_targets_is_uden_maal():
    g = _goal(subgoals=[{"id": "a", "status": 12}, {"id": "b", "status": 3, "unit": "personer"}])
    o = compute.outcome(g)
    assert (o.state, o.met_count, o.total) == ("no_target", 0, 0)
    assert goals.result_sentence(g, o) == "Målt, uden mål: ingen af delmålene har et mål."  # was '0 ud af 0 mål er opfyldt.'
    assert goals.goal_cells(g, o, None)["state"] == "målt, uden mål"


def test_subgoals_without_a_target_are_counted_as_uden_maal_not_as_unmeasured():
    g = _goal(
        subgoals=[
            {"id": "a", "status": 12, "target": 10, "direction": "at_least"},
            {"id": "b", "status": 3},
            {"id": "c"},
        ]
    )
    o = compute.outcome(g)
    assert goals.result_sentence(g, o) == "1 ud af 1 mål er opfyldt; 1 delmål er målt, uden mål; 1 delmål er ikke målt."
    assert goals.result_sentence(_goal(status=5), compute.outcome(_goal(status=5))) == "Målt, uden mål: 5."


def test_a_text_cell_that_is_a_month_is_said_in_the_site_style(dataset):
    """Tabel 4's Periode column is text in the data, 'Dec 2013' as the document writes it."""
    revision = next(d for d in dataset.documents if d.kind == "resultatrevision").model
    table = next(t for t in revision.tables if t.id == "forsoergelsesgrupper")
    rows = html_tables(str(tables.table_html(table, anchor="t")))["t"]
    assert rows[3][:3] == ["A-dagpenge", "dec. 2013", "876"]
    assert {r[1] for r in rows[1:]} == {"", "dec. 2013"}
    assert [tables.month_text(t) for t in ("okt-12", "Marts 2013", "4.kvt.2011", "I alt", "sum 2013")] == [
        "okt. 2012",
        "mar. 2013",
        "4.kvt.2011",
        "I alt",
        "sum 2013",
    ]
