"""Charts that read as Our World in Data's (issue 14, item 4): one title, the caption's; the goal
line with its value and under the points; no line across months without data; whole-number
ticks for counts; bars that stay visible across orders of magnitude; legends that wrap; SVG
fallbacks drawn at the width they print at."""

import datetime as dt
import re

from altair.utils.schemapi import validate_jsonschema
from altair.vegalite.v6.schema import core

from generator.data.models import ChartSpec, Column
from generator.views import charts
from test_chart_fallback import KINDS, TABLES, _table


def _svg_size(svg: str) -> tuple[float, float]:
    size = re.search(r'<svg[^>]*\swidth="([\d.]+)" height="([\d.]+)"', svg)
    assert size, svg[:200]
    return float(size[1]), float(size[2])


def test_the_caption_is_the_charts_one_title():
    for kind, spec in KINDS.items():
        assert "title" not in spec, kind
    assert KINDS["line with target"]["description"] == "Antal personer"


def test_the_goal_line_says_its_value_and_lies_under_the_points():
    spec = KINDS["line with target"]
    assert spec["datasets"][charts.TARGET] == [{"værdi": 1250, "label": "Mål dec. 2013: 1.250"}]
    # Drawn first, so that hovering a point near the goal shows the point's tooltip, not the goal's.
    first = spec["layer"][0]
    assert first["data"] == {"name": charts.TARGET} and first["layer"][0]["mark"]["type"] == "rule"
    assert "Mål dec. 2013: 1.250" in charts.svg(spec)


def test_no_line_is_drawn_across_months_without_data():
    table = _table(
        [Column(key="periode", label="Periode", type="period"), Column(key="jc", label="Testby", unit="personer")],
        [(dt.date(2013, m, 1), v) for m, v in ((1, 10.0), (2, 12.0), (6, 15.0), (7, 11.0), (11, 9.0))],
        ChartSpec(kind="line", x="periode", y=["jc"]),
    )
    svg = charts.svg(charts.table_chart(table, "T"))
    lines = [d for d in re.findall(r'<path d="([^"]*)" stroke="#3b82c4"', svg) if "L" in d]
    # jan.-feb. and jun.-jul. joined, nov. a point alone: two lines of one segment each
    assert [d.count("L") for d in lines] == [1, 1]


def test_count_axes_tick_whole_numbers_only():
    table = _table(
        [Column(key="dok", label="Jobcenter og år", type="text"), *(Column(key=s, label=s) for s in ("a", "b", "c"))],
        [("Testby 2013", 1, 2, 1)],
        ChartSpec(kind="stacked_bar", x="dok", y=["a", "b", "c"], y_title="Antal mål"),
    )
    svg = charts.svg(charts.table_chart(table, "T"))
    ticks = re.findall(r"<text[^>]*>(\d+)</text>", svg)
    assert ticks == ["0", "1", "2", "3", "4"]
    # and one category's bar does not fill the width
    bar = max(float(w) for w in re.findall(r'<path d="M(?!0,0h)[\d.]+,[\d.]+h([\d.]+)v', svg))  # not the background
    assert bar < charts.PRINT_WIDTH / 3


def test_bars_stay_visible_when_values_differ_by_orders_of_magnitude():
    spec = charts.bar_chart([("Under 10 ansatte", 4090), ("10-249 ansatte", 400), ("Over 250 ansatte", 10)], "virksomheder", "T")
    validate_jsonschema(spec, core.load_schema())
    svg = charts.svg(spec)
    widths = sorted(float(w) for w in re.findall(r'<path d="M0,(?!0h)[\d.]+h([\d.]+)v', svg))  # not the background
    assert len(widths) == 3 and widths[0] > 50, widths
    assert "virksomheder (logaritmisk akse)" in svg
    # each bar says its value at its end, ranked
    assert re.findall(r"<text[^>]*>([^<]+)</text>", svg)[-3:] == ["4.090", "400", "10"]


def test_legends_wrap_and_fallbacks_are_drawn_at_the_width_they_print_at():
    # Entries that fit a phone's column stand in one row; more wrap into as many columns as fit.
    assert charts._legend_columns(("Hvidovre", "Klyngen (gennemsnit)")) is None
    assert "columns" not in charts._legend(None).to_dict()
    table, _ = TABLES["line per named series"]
    assert charts._legend_columns(charts.series_names(table)) == 2
    assert charts._legend_columns(("Jobafklaring/For-forløb o/30 år", "Jobafkl./Jobvejleder virk.tilb. u/30")) == 1
    long = charts._legend(1).to_dict()
    assert long["columns"] == 1 and long["labelLimit"] == charts.PHONE_WIDTH - 30
    for kind, spec in KINDS.items():
        width, _ = _svg_size(charts.svg(spec))
        assert width <= charts.PRINT_WIDTH + 5 and (kind == "faceted" or width == charts.PRINT_WIDTH), (kind, width)


def test_a_plans_targets_are_marks_said_in_words_not_bars():
    items = [
        ("Aktiveringsgrad, uddannelsesparate unge", 16, "mindst 16 pct."),
        ("Tre eller flere samtaler", 75, "mindst 75 pct."),
    ]
    spec = charts.target_chart(items, "pct.", "Måltal i Beskæftigelsesplan 2020")
    validate_jsonschema(spec, core.load_schema())
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["point", "text", "text"]
    svg = charts.svg(spec)
    assert "mindst 16 pct." in svg and "mindst 75 pct." in svg
    assert not re.search(r'<path d="M(?!0,0h)[\d.]+,[\d.]+h[\d.]+v[\d.]+h-', svg)  # no bar (only the background)


def test_a_few_months_are_ticked_at_exactly_the_months_with_data():
    table = _table(
        [Column(key="periode", label="Periode", type="period"), Column(key="jc", label="Testby", unit="arbejdssteder")],
        [(dt.date(2011, 12, 1), 196.0), (dt.date(2013, 10, 1), 154.0)],
        ChartSpec(kind="line", x="periode", y=["jc"]),
    )
    svg = charts.svg(charts.table_chart(table, "T"))
    assert [t for t in re.findall(r"<text[^>]*>([^<]+)</text>", svg) if re.fullmatch(r"\w+\.? \d{4}", t)] == [
        "dec. 2011",
        "okt. 2013",
    ]
