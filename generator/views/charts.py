"""Vega-Lite charts built with Altair, and their SVG fallbacks rendered by vl-convert.

Specs are built without schema validation on the build path; the tests validate every chart
kind against the Vega-Lite schema that comes with Altair.
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
from pathlib import Path

import altair as alt

from generator import cache, progress
from generator import formatting as fmt
from generator.data.kinds.revision import PeerValue
from generator.data.models import ChartSpec, Column, Table
from generator.views import svgrender

# Series colours and the goal line: each reaches 3:1 (WCAG 1.4.11) against both palettes'
# backgrounds, Material's light #ffffff and slate's #1e2029 (relative luminance 0.17-0.24), so a
# chart needs no second set of colours for dark mode. Text in a chart takes the palette's text
# colour instead (jc-charts.js): no colour reaches 4.5:1 against both backgrounds.
PALETTE = ["#3b82c4", "#808080", "#c85a00", "#2d8f4e", "#9466c8", "#d1397a", "#0f9488", "#a67c00"]
TARGET_COLOR = "#e0403a"
# Chart text at 12 px: the SVG fallback is drawn at the width it prints at (PRINT_WIDTH), so its
# labels print at 9 pt. The figure's caption is the chart's one title (no title in the chart).
THEME_SIZES = {
    "axis": {"labelFontSize": 12, "titleFontSize": 12},
    "legend": {"labelFontSize": 12, "titleFontSize": 12},
    "header": {"labelFontSize": 12, "titleFontSize": 12},
    "text": {"fontSize": 12},
}
# The charts' look, said once for all of them rather than in each chart's spec in the page: the SVG
# fallbacks' spec adds it (_fixed_width), and in the browser jc-charts.js does (its chartConfig is
# a copy, kept the same by tests/test_wording.py).
CONFIG = {"view": {"stroke": None}, "font": "Roboto, Helvetica, Arial, sans-serif", **THEME_SIZES}
# The SVG fallback's whole width, labels and legend included (autosize fit-x): A4's text width in CSS
# px (210 mm less jc.css's @page margins of 10 mm a side), where print shows it at 100 %. The live
# chart fills its container.
PRINT_WIDTH = 718
PHONE_WIDTH = 328  # a chart's column on a 360 px phone: legends are laid out to fit it
HEIGHT = 280
FACET_WIDTH = 200  # each small chart of a faceted chart
FACET_STEP = FACET_WIDTH + 50  # with its axis labels and the gap: jc-charts.js wraps facets by it
TIME_FORMAT = "%b %Y"  # 'dec. 2013' through fmt.TIME_LOCALE, as formatting.month says it


def _period_iso(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def missing(value) -> bool:
    """An empty cell: None or NaN."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def _plain(value):
    """A number as short as JSON can write it: 1263.0 as 1263 (charts draw both the same)."""
    return int(value) if isinstance(value, float) and value.is_integer() and abs(value) < 1e15 else value


def chart_of(table: Table) -> ChartSpec:
    """The chart a table declares: only a table with one is charted."""
    if table.chart is None:
        raise ValueError(f"table {table.id!r} has no chart")
    return table.chart


def long_records(table: Table) -> list[dict]:
    """The chart's data, one row per point: x, serie, værdi (whole numbers as ints), facet when
    the chart has one, and orden (the series' place) when the chart stacks its series in that
    order (stacked_bar). Series are the y columns (named by their labels), or the values of the
    `series` column. Empty cells are left out. (Every field is written into the page for every
    point, so a point has only the fields its chart uses.)
    (Plain Python over Table.records: the same rows as with pandas, at a tenth of the cost.)"""
    spec = chart_of(table)
    rows = table.records
    to_x = _period_iso if _column(table, spec.x).type == "period" else (lambda v: v)
    ordered = spec.kind == "stacked_bar"

    def point(row, serie, orden, value) -> dict:
        out = {"x": to_x(row[spec.x]), "serie": serie, "værdi": _plain(value)}
        if ordered:
            out["orden"] = orden
        if spec.facet:
            out["facet"] = row[spec.facet]
        return out

    if spec.series:
        order = {name: i for i, name in enumerate(dict.fromkeys(r[spec.series] for r in rows))}
        return [point(r, r[spec.series], order[r[spec.series]], r[spec.y[0]]) for r in rows if not missing(r[spec.y[0]])]
    return [point(r, _column(table, key).label, i, r[key]) for i, key in enumerate(spec.y) for r in rows if not missing(r[key])]


def series_names(table: Table) -> list[str]:
    spec = chart_of(table)
    if spec.series:
        return list(dict.fromkeys(r[spec.series] for r in table.records))
    return [_column(table, k).label for k in spec.y]


def _column(table: Table, key: str) -> Column:
    return next(c for c in table.columns if c.key == key)


def _legend_columns(series) -> int | None:
    """How a legend under the chart wraps rather than clips: None for one row, when every entry fits
    a phone's column (entries measured at about 7 px a character of 12 px text, the symbol and the
    gap), otherwise as many columns as the longest entry leaves room for on a phone (one, for long
    names)."""
    entries = [7 * len(str(s)) + 40 for s in series]
    return None if sum(entries) <= PHONE_WIDTH else max(1, PHONE_WIDTH // max(entries))


def _legend(columns: int | None) -> alt.Legend:
    """The legend under the chart, in `columns` (_legend_columns)."""
    # columnPadding 20 (Vega's is 10): room between entries for a label drawn in a wider font than
    # it was measured in (an SVG fallback printed where none of its fonts is installed)
    if columns is None:
        return alt.Legend(orient="bottom", labelLimit=PHONE_WIDTH - 30, columnPadding=20)
    return alt.Legend(orient="bottom", columns=columns, labelLimit=PHONE_WIDTH - 30, columnPadding=20)


def _value_axis(fmt: str, **kw) -> alt.Axis:
    """The value axis; whole numbers (counts) tick only at whole numbers, never '0 1 1 2 2'."""
    return alt.Axis(format=fmt, tickMinStep=1, **kw) if fmt == ",.0f" else alt.Axis(format=fmt, **kw)


def _value_format(table: Table) -> str:
    vals = [row[key] for key in chart_of(table).y for row in table.records if not missing(row[key])]
    return ",.0f" if all(float(v).is_integer() for v in vals) else ",.1f"


# A chart's structure (marks, encodings, scales, axes) is built with Altair once per shape: what
# decides the structure's form (the kind of chart, how many series, whether it has a goal line...).
# The values that differ from chart to chart within a shape (series names and colours, titles, an
# axis' end) are built in as placeholders and filled in per chart (`_structure`); the data go into
# `datasets` under fixed names. Altair is slow even without validation, and at national scale
# there are tens of thousands of charts and only a few hundred shapes (bench/README.md).
POINTS, TARGET = "punkter", "maal"
_SLOT, _END = "\ue000", "\ue001"  # a placeholder: private-use characters around a value's name
_SLOTS = re.compile(f"{_SLOT}(\\w+){_END}")


@functools.lru_cache(maxsize=2048)
def _template(build, shape: tuple, names: tuple) -> str:
    """The structure of a shape as JSON, with a placeholder for each named value. Built with
    Altair's checks off, which would refuse a placeholder where a list or number belongs; the filled
    charts are checked against the schema in tests/test_chart_fallback.py."""
    with alt.utils.schemapi.debug_mode(False):
        return build(*shape, {name: f"{_SLOT}{name}{_END}" for name in names})


def _fill(node, values: dict):
    """A template's JSON with its placeholders replaced by the values: a string that is a
    placeholder becomes the value itself (a list, a number, None), one inside a longer string (an
    expression) the value's text. Values are not looked into, so no text from data is taken for a
    placeholder."""
    if isinstance(node, str):
        if _SLOT not in node:
            return node
        whole = _SLOTS.fullmatch(node)
        return values[whole[1]] if whole else _SLOTS.sub(lambda m: str(values[m[1]]), node)
    if isinstance(node, dict):
        return {k: _fill(v, values) for k, v in node.items()}
    if isinstance(node, list):
        return [_fill(v, values) for v in node]
    return node


def _structure(build, shape: tuple, values: dict) -> dict:
    """`build(*shape, values)` (a structure builder returning the spec's JSON): made with
    placeholders once per shape, then filled with this chart's values. The same as calling the
    builder with the values (tests/test_chart_fallback.py)."""
    return _fill(json.loads(_template(build, shape, tuple(values))), values)


def _field(name: str) -> str:
    """A data key as a Vega-Lite field name: what Vega reads as an access path (dots, brackets,
    quotes, backslashes) escaped; unescaped, 'pct.' would be a nested field."""
    return re.sub(r"""([\\.\[\]"'])""", r"\\\1", name)


def _line(text: str | None) -> str | None:
    """A text from data as one line. Vega-Lite writes tooltip titles into a Vega expression as
    string literals, where a line break is a parse error (the chart failed to render)."""
    return " ".join(text.split()) if isinstance(text, str) else text


def _foldable(kind: str, series: list) -> bool:
    """Whether a chart's points can be written folded, each as {x, facet, <its series>: value}:
    not for a stacked bar (it orders by orden), nor when a series' name is not a plain key or
    names two series (fold would give each point twice)."""
    return (
        kind != "stacked_bar"
        and len(set(series)) == len(series)
        and all(isinstance(s, str) and s and s not in ("x", "facet") for s in series)
    )


def _folded(points: list[dict]) -> list[dict]:
    """The points of long_records with the series' name as the key of the value: a third shorter
    in the page, with the same points in the same order (a chart unfolds them with Vega-Lite's
    fold, so it draws the same picture)."""
    return [{"x": p["x"], **({"facet": p["facet"]} if "facet" in p else {}), p["serie"]: p["værdi"]} for p in points]


def _table_structure(
    kind: str,
    temporal: bool,
    months: bool,
    n_series: int,
    legend_columns: int | None,
    fmt: str,
    facets: int | None,
    has_target: bool,
    folded: bool,
    categories: int,
    v: dict,
) -> str:
    """A table's chart (table_chart) of this shape. v: series (names), colors, months (the
    months with data as Vega-Lite DateTimes when `months`, fewer than eight), y_title, tip_title (the
    value's title in a tooltip), x_label, facet_label, facet_values, fold (the series as field
    names, when `folded`)."""
    # A bar chart of one series needs no legend: its bars are named on their axis.
    legend = None if kind != "line" and n_series == 1 else _legend(legend_columns)
    color = alt.Color("serie:N", title=None, scale=alt.Scale(domain=v["series"], range=v["colors"]), legend=legend)
    if temporal:
        x = alt.X(
            "x:T",
            title=None,
            timeUnit="yearmonth",
            # Under eight months with data: ticked at exactly those months, with room at the ends for
            # their labels. Month labels that would overlap are thinned, and any that would reach past
            # the axis left out.
            scale=alt.Scale(padding=30 if months else 12),
            axis=alt.Axis(
                format=TIME_FORMAT,
                labelOverlap="greedy",
                labelSeparation=6,
                labelBound=True,
                values=v["months"] if months else alt.Undefined,
            ),
        )
        x_tip = alt.Tooltip("x:T", title=v["x_label"], timeUnit="yearmonth", format=TIME_FORMAT)
    else:
        # Small facet charts are narrow: their category labels are slanted to fit.
        # One to three categories get room around them: a single bar does not fill the width.
        scale = alt.Scale(paddingOuter=(4 - categories) / 3) if categories < 4 and not facets else alt.Scale()
        axis = alt.Axis(labelAngle=-30, labelLimit=160) if facets else alt.Axis(labelAngle=0, labelExpr=_wrapped(10))
        x = alt.X("x:N", title=None, sort=None, scale=scale, axis=axis)
        x_tip = alt.Tooltip("x:N", title=v["x_label"])
    tooltip = [x_tip, alt.Tooltip("serie:N", title="Serie"), alt.Tooltip("værdi:Q", title=v["tip_title"], format=fmt)]
    if facets:
        tooltip.insert(0, alt.Tooltip("facet:N", title=v["facet_label"]))
    y = alt.Y("værdi:Q", title=v["y_title"], axis=_value_axis(fmt))
    base = alt.Chart(alt.NamedData(POINTS)) if facets or has_target else alt.Chart()
    if folded:
        # Each point has one series' value; fold gives it a row per series, of which only its own has one.
        base = base.transform_fold(v["fold"], as_=["serie", "værdi"]).transform_filter("isValid(datum.værdi)")
    if kind == "line":
        # Points as well as lines: series read from text can have a single point.
        line = base.mark_line(point=alt.OverlayMarkDef(filled=True, size=60))
        if temporal:
            # No line across months without data: a series' points split into runs of consecutive
            # months (`del`), each drawn as its own line; a point alone shows as a point.
            line = (
                line.transform_window(forrige="lag(x)", groupby=["serie"], sort=[alt.SortField("x")])
                .transform_calculate(brud=_GAP)
                .transform_window(del_="sum(brud)", groupby=["serie"], sort=[alt.SortField("x")])
            )
            chart = line.encode(x=x, y=y, color=color, detail="del_:N", tooltip=tooltip)
        else:
            chart = line.encode(x=x, y=y, color=color, tooltip=tooltip)
        if n_series <= 3 and not facets:
            # Each series' last value beside its last point (in the text's colour: series colours
            # reach 3:1, not the 4.5:1 of text); more series would crowd each other.
            ends = (
                base.transform_window(rang="rank()", groupby=["serie"], sort=[alt.SortField("x", order="descending")])
                .transform_filter("datum.rang == 1")
                .mark_text(align="right", dx=-7, dy=-11, fontWeight="bold")
                .encode(x=x, y=y, text=alt.Text("værdi:Q", format=fmt))
            )
            chart = alt.layer(chart, ends)
    elif kind == "grouped_bar":
        chart = base.mark_bar().encode(x=x, xOffset=alt.XOffset("serie:N", sort=v["series"]), y=y, color=color, tooltip=tooltip)
    elif kind == "stacked_bar":
        chart = base.mark_bar().encode(x=x, y=y, color=color, tooltip=tooltip, order=alt.Order("orden:Q", sort="descending"))
    elif kind == "ranked_bar":
        chart = base.mark_bar().encode(
            y=alt.Y("x:N", title=None, sort="-x", axis=alt.Axis(labelLimit=PHONE_WIDTH // 2, labelExpr=_wrapped(24))),
            x=alt.X("værdi:Q", title=v["y_title"], axis=_value_axis(fmt)),
            color=color,
            tooltip=tooltip,
        )
    else:  # bar
        chart = base.mark_bar().encode(x=x, y=y, color=color, tooltip=tooltip)
    if facets:
        # One small chart per facet value, each with only its own categories on the x axis; in rows
        # of as many as fit (jc-charts.js sets `columns` for the live chart's width).
        chart = (
            chart.properties(height=HEIGHT, width=FACET_WIDTH)
            .facet(
                facet=alt.Facet("facet:N", title=None, sort=v["facet_values"], header=alt.Header(labelFontWeight="bold")),
                columns=facets,
            )
            .resolve_scale(x="independent", xOffset="independent")
        )
        return _finish(chart, sized=False)
    if not has_target:
        return _finish(alt.layer(chart, data=alt.NamedData(POINTS)))
    # The goal line under the marks: hovering a point near it shows the point, not the goal.
    rule = _target_rule(fmt, horizontal=kind != "ranked_bar")
    return _finish(alt.layer(rule, chart))


# A break before a point: the series' previous point is more than a month earlier.
_GAP = (
    "isValid(datum.forrige) && (utcyear(toDate(datum.x)) * 12 + utcmonth(toDate(datum.x)))"
    " - (utcyear(toDate(datum.forrige)) * 12 + utcmonth(toDate(datum.forrige))) > 1 ? 1 : 0"
)


def _target_rule(fmt: str, horizontal: bool = True):
    enc = {"y": "værdi:Q"} if horizontal else {"x": "værdi:Q"}
    rule = (
        alt.Chart()
        .mark_rule(color=TARGET_COLOR, strokeDash=[6, 4], strokeWidth=2)
        .encode(**enc, tooltip=[alt.Tooltip("label:N", title="Mål"), alt.Tooltip("værdi:Q", title="Værdi", format=fmt)])
    )
    text = (
        alt.Chart()
        .mark_text(align="left", dx=4, dy=-8, fontWeight="bold")
        .encode(**enc, text="label:N", **({"x": alt.value(0)} if horizontal else {"y": alt.value(0)}))
    )
    return alt.layer(rule, text, data=alt.NamedData(TARGET))


def _few_months(points: list[dict]) -> tuple | None:
    """The (year, month) of each month with data, when there are fewer than eight."""
    months = sorted({(int(p["x"][:4]), int(p["x"][5:7])) for p in points})
    return tuple(months) if len(months) < 8 else None


def table_chart(table: Table, title: str, fold: bool = True) -> dict:
    """The chart a table declares, as a Vega-Lite dict built with Altair; fold=False: its points
    written long (x, serie, værdi), also where they could be folded. The title is the figure's
    caption, not drawn in the chart: it is the spec's description."""
    spec = chart_of(table)
    long = long_records(table)
    x_col = _column(table, spec.x)
    series = series_names(table)
    folded = fold and _foldable(spec.kind, series)
    colors = spec.colors or [PALETTE[i % len(PALETTE)] for i in range(len(series))]
    temporal = x_col.type == "period"
    facets = tuple(dict.fromkeys(r["facet"] for r in long)) if spec.facet else None
    months = _few_months(long) if temporal else None
    y_title = _line(spec.y_title or (_column(table, spec.y[0]).unit or ""))
    shape = (
        spec.kind,
        temporal,
        months is not None,
        len(series),
        _legend_columns(series),
        _value_format(table),
        len(facets) if facets else None,
        spec.target is not None,
        folded,
        0 if temporal else min(4, len({r["x"] for r in long})),
    )
    values = {
        "series": list(series),
        "colors": list(colors),
        "months": [alt.DateTime(year=y, month=m).to_dict() for y, m in months or ()],
        "y_title": y_title,
        "tip_title": y_title or "Værdi",
        "x_label": _line(x_col.label),
        "facet_label": _line(_column(table, spec.facet).label) if spec.facet else None,
        "facet_values": list(facets or ()),
        "fold": [_field(s) for s in series],
    }
    out = {"description": _line(title), **_structure(_table_structure, shape, values)}
    out["datasets"] = {POINTS: _folded(long) if folded else long}
    if spec.target is not None:
        # The goal line says its value: 'Mål dec. 2013: 368'.
        label = f"{spec.target_label}: {fmt.number(spec.target)}"
        out["datasets"][TARGET] = [{"værdi": _plain(float(spec.target)), "label": label}]
    return out


def peer_chart(peers: list[PeerValue], unit: str | None, title: str, highlight: str | None = None) -> dict:
    """A ranked bar chart of named peer jobcentres ('Silkeborg 9,2 %, Kolding 6,5 %')."""
    return bar_chart([(p.name, p.value) for p in peers], unit, title, highlight=highlight, name_title="Jobcenter")


def _bar_structure(ranked: bool, fmt: str, log: bool, v: dict) -> str:
    """Horizontal bars, each with its value at its end; the axis reaches at least to v's `end` (past
    the largest value: room for its label). log: values that differ by orders of magnitude are drawn
    on a logarithmic axis ticked at v's `ticks`, powers of ten from v's `start`, so the smallest bar
    stays visible (and the axis title says so). v also: title (the axis'), unit, name_title."""
    if not log:
        scale, axis = alt.Scale(domainMax=v["end"]), _value_axis(fmt)
    else:
        scale = alt.Scale(type="log", domainMin=v["start"], domainMax=v["end"], nice=False)
        axis = alt.Axis(format=fmt, values=v["ticks"])
    sort = "-x" if ranked else None
    y = alt.Y("navn:N", title=None, sort=sort, axis=alt.Axis(labelLimit=PHONE_WIDTH // 2, labelExpr=_wrapped(24)))
    x = alt.X("værdi:Q", title=v["title"], scale=scale, axis=axis)
    base = alt.Chart(alt.NamedData(POINTS)).encode(y=y, x=x)
    # On a logarithmic axis a bar starts at the axis' first power of ten (there is no zero).
    start = {"x2": alt.datum(v["start"])} if log else {}
    bars = base.mark_bar().encode(
        **start,
        color=alt.condition("datum.fremhævet", alt.value(PALETTE[0]), alt.value(PALETTE[1])),
        tooltip=[alt.Tooltip("navn:N", title=v["name_title"]), alt.Tooltip("værdi:Q", title=v["unit"], format=fmt)],
    )
    values = base.mark_text(align="left", dx=3).encode(text=alt.Text("værdi:Q", format=fmt))
    # Room on the right for the label of a bar that reaches the axis' end, on a phone too.
    return _finish(alt.layer(bars, values).properties(padding={"left": 5, "top": 5, "bottom": 5, "right": 50}))


def _wrapped(chars: int) -> str:
    """A label expression: a long category label over as many lines as it needs, about `chars`
    characters each ('Tre eller flere meningsfulde samtaler, uddannelsesparate unge' read whole on
    a phone and in print, leaving the bars room)."""
    return (
        f"length(datum.label) <= {chars} ? datum.label : "
        f"split(trim(replace(datum.label, /(.{{1,{chars}}})(\\s+|$)/g, '$1\\n')), '\\n')"
    )


def _target_structure(fmt: str, v: dict) -> str:
    """A plan's targets as marks on an axis from zero to v's `end`, each named by its goal and said
    in words beside it ('mindst 16 pct.'): a target is a point to reach, not an amount, so no bar.
    v also: unit (the axis' title), half (the axis' middle)."""
    y = alt.Y("navn:N", title=None, sort=None, axis=alt.Axis(labelLimit=PHONE_WIDTH // 2, labelExpr=_wrapped(24)))
    x = alt.X("værdi:Q", title=v["unit"], scale=alt.Scale(domainMax=v["end"]), axis=_value_axis(fmt))
    base = alt.Chart(alt.NamedData(POINTS)).encode(y=y, x=x)
    marks = base.mark_point(shape="diamond", filled=True, size=160, opacity=1, color=PALETTE[0]).encode(
        tooltip=[alt.Tooltip("navn:N", title="Mål"), alt.Tooltip("ord:N", title="Måltal")]
    )
    # The words beside their mark, inside the chart on a phone too: after a mark in the axis' first
    # half, before one in its second.
    after = base.mark_text(align="left", dx=10).encode(text="ord:N").transform_filter(f"datum.værdi <= {v['half']}")
    before = base.mark_text(align="right", dx=-10).encode(text="ord:N").transform_filter(f"datum.værdi > {v['half']}")
    return _finish(alt.layer(marks, after, before))


def target_chart(items: list[tuple[str, float, str]], unit: str | None, title: str) -> dict:
    """A plan's targets (name, value, the target in words) as marks, not bars."""
    records = [{"navn": n, "værdi": _plain(float(v)), "ord": words} for n, v, words in items]
    fmt = ",.0f" if all(float(v).is_integer() for _, v, _ in items) else ",.1f"
    end = _plain(max((float(v) for _, v, _ in items), default=0) * 1.1)
    values = {"unit": _line(unit) or None, "end": end, "half": end / 2}
    out = {"description": _line(title), **_structure(_target_structure, (fmt,), values)}
    out["datasets"] = {POINTS: records}
    return out


def bar_chart(
    items: list[tuple[str, float]],
    unit: str | None,
    title: str,
    highlight: str | None = None,
    ranked: bool = True,
    name_title: str = "Navn",
) -> dict:
    """Horizontal bars of named values; ranked by value, or in the given order."""
    records = [{"navn": n, "værdi": _plain(float(v)), "fremhævet": (n == highlight) if highlight else True} for n, v in items]
    fmt = ",.0f" if all(float(v).is_integer() for _, v in items) else ",.1f"
    numbers = [float(v) for _, v in items]
    log_ticks, end = None, _plain(max(numbers, default=0) * 1.15)
    if numbers and min(numbers) > 0 and max(numbers) / min(numbers) >= 100:
        end = _plain(2.0 * max(numbers))  # a fifth of an order of magnitude beyond the largest value
        log_ticks = tuple(
            _plain(10.0**k) for k in range(math.floor(math.log10(min(numbers))) - 1, math.floor(math.log10(end)) + 1)
        )
    unit = _line(unit)
    values = {
        "end": end,
        "start": log_ticks[0] if log_ticks else None,
        "ticks": list(log_ticks or ()),
        "title": f"{unit or 'Værdi'} (logaritmisk akse)" if log_ticks else unit or None,
        "unit": unit or "Værdi",
        "name_title": _line(name_title),
    }
    out = {"description": _line(title), **_structure(_bar_structure, (ranked, fmt, log_ticks is not None), values)}
    out["datasets"] = {POINTS: records}
    return out


def _finish(chart, sized: bool = True) -> str:
    """The Vega-Lite JSON of an Altair chart without data and without a title (the figure's caption
    is its one title), its look (CONFIG) and the schema's address, which every chart shares;
    sized=False: the chart set its own size (a faceted chart cannot fill its container)."""
    if sized:
        chart = chart.properties(width="container", height=HEIGHT)
    spec = chart.to_dict(validate=False)
    del spec["$schema"], spec["config"]  # the latter Altair's theme's, which CONFIG replaces
    return json.dumps(spec, ensure_ascii=False)


# --------------------------------------------------------------------------- SVG fallback


def _fixed_width(spec: dict) -> dict:
    """The spec as the SVG fallback draws it: a fixed width, no ARIA attributes (an <img>
    does not expose them; its alt text is the figure's description; without them the SVG
    of a 24-month line chart is about a quarter smaller), and the site's Danish number and
    month formats (fmt.NUMBER_LOCALE, fmt.TIME_LOCALE: 'dec. 2013', where vl-convert's own
    da-DK says 'dec 2013'). The browser's chart gets the same locale from jc-charts.js."""
    out = dict(spec)
    if out.get("width") == "container":
        out["width"] = PRINT_WIDTH
        out["autosize"] = {"type": "fit-x", "contains": "padding"}
        # Room at the left for labels that a reader's font sets wider than vl-convert's Liberation Sans.
        out["padding"] = {"top": 5, "bottom": 5, "right": 5, **out.get("padding", {}), "left": 24}
    elif "columns" in out:
        # Facets in rows of up to three, each as wide as print's width leaves it (about 190 px go to
        # the axes, the headers and the gaps: measured with the seed's faceted charts).
        out["columns"] = min(out["columns"], 3)
        out["spec"] = {**out["spec"], "width": (PRINT_WIDTH - 190) // out["columns"]}
    locale = {"number": fmt.NUMBER_LOCALE, "time": fmt.TIME_LOCALE}
    out["config"] = {**CONFIG, **out.get("config", {}), "aria": False, "locale": locale}
    return out


def _spec_text(fixed: dict) -> str:
    """The spec as JSON with sorted keys: what identifies an SVG in the cache, and what a worker
    renders (a third of the memory of the dict while thousands wait to be rendered)."""
    return json.dumps(fixed, sort_keys=True, ensure_ascii=False)


def _svg_key(text: str) -> str:
    """The SVG's key in the chart cache: its spec, vl-convert's version and ours (SVG_VERSION)."""
    import vl_convert as vlc  # only its version: svgrender.vl_convert() would start its JavaScript runtime here

    return cache.digest(text, getattr(vlc, "__version__", ""), svgrender.SVG_VERSION) + ".svg"


def svg(spec: dict) -> str:
    """Render a spec to SVG now, without the cache (for pages built without one)."""
    return svgrender.render(_spec_text(_fixed_width(spec)))


class SvgFallbacks:
    """The SVG fallbacks of one build, entries of the chart cache (a cache.Store) keyed by their
    spec: a fallback that is not in the cache yet is promised (`file`) and rendered with all the
    others by `render`, in a pool of processes, while the build goes on; `wait` before the files
    are used."""

    def __init__(self, cache_dir: Path):
        self.store = cache.Store(cache_dir)
        self.pending: dict[Path, str] = {}  # cache file -> spec as JSON
        self.promised: set[Path] = set()  # every file promised in this build (rendered or not yet)
        self.rendering: list = []  # (pool, results, how many) not yet waited for

    def file(self, spec: dict) -> Path:
        """The cache file that holds (or will hold) the spec's SVG. A spec whose entry is missing
        or does not check out is rendered by the next render()."""
        text = _spec_text(_fixed_width(spec))
        key = _svg_key(text)
        path = self.store.file(key)
        if path not in self.pending and path not in self.promised and self.store.get(key) is None:
            self.pending[path] = text
            self.promised.add(path)
        return path

    def render(self, processes: int | None = None, wait: bool = True) -> set[Path]:
        """Render every promised SVG; returns their files. vl-convert renders one chart at a time
        and barely faster on two threads, so a cold cache is filled by a pool of processes (default:
        one per core). With wait=False the pool works on while the caller goes on."""
        items = list(self.pending.items())
        self.pending.clear()
        processes = processes or os.cpu_count() or 1
        if processes < 2 or len(items) < 20:
            rendering = progress.Progress("build.rendering_charts", len(items))
            for item in items:
                svgrender.render_to(item)
                rendering.step()
            return {p for p, _ in items}
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.wait()
        # spawn, not fork: the parent may already run vl-convert's JavaScript runtime (threads).
        pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"))
        self.rendering.append((pool, pool.map(svgrender.render_to, items, chunksize=8), len(items)))  # map submits all at once
        if wait:
            self.wait()
        return {p for p, _ in items}

    def wait(self) -> None:
        """Wait until every SVG of render(wait=False) is in the cache."""
        while self.rendering:
            pool, results, total = self.rendering.pop()
            rendering = progress.Progress("build.rendering_charts", total)
            try:
                for _ in results:
                    rendering.step()
            finally:
                pool.shutdown()
