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
# Chart text at 12 px (14 px titles): a 700 px wide SVG fallback printed at A4 text width
# (190 mm) keeps its labels at 9 pt.
THEME_SIZES = {
    "axis": {"labelFontSize": 12, "titleFontSize": 12},
    "legend": {"labelFontSize": 12, "titleFontSize": 12},
    "header": {"labelFontSize": 12, "titleFontSize": 12},
    "text": {"fontSize": 12},
    "title": {"fontSize": 14},
}
WIDTH_FALLBACK = 640  # the SVG fallback's width; the live chart fills its container
HEIGHT = 280
FACET_WIDTH = 200  # each small chart of a faceted chart
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


def _value_format(table: Table) -> str:
    vals = [row[key] for key in chart_of(table).y for row in table.records if not missing(row[key])]
    return ",.0f" if all(float(v).is_integer() for v in vals) else ",.1f"


# The chart's structure (marks, encodings, scales, title) is built with Altair and remembered
# by its parameters; only the data differ from chart to chart, and they go into `datasets`
# under fixed names. Altair is slow even without validation, and at national scale (tens of
# thousands of charts, a few thousand shapes) it would be most of the generator (bench/README.md).
POINTS, TARGET = "punkter", "maal"


def _remembered(build):
    """Memoize a structure builder by its arguments (a pure function of them: the same arguments
    give the same structure)."""
    return functools.lru_cache(maxsize=8192)(build)


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


@_remembered
def _table_structure(
    kind: str,
    temporal: bool,
    few_months: bool,
    series: tuple,
    colors: tuple,
    fmt: str,
    y_title: str,
    x_label: str,
    facet_label: str | None,
    facets: tuple | None,
    has_target: bool,
    title: str,
    folded: bool = False,
) -> str:
    color = alt.Color(
        "serie:N", title=None, scale=alt.Scale(domain=list(series), range=list(colors)), legend=alt.Legend(orient="bottom")
    )
    if temporal:
        x = alt.X(
            "x:T",
            title=None,
            timeUnit="yearmonth",
            axis=alt.Axis(format=TIME_FORMAT, tickCount="month") if few_months else alt.Axis(format=TIME_FORMAT),
        )
        x_tip = alt.Tooltip("x:T", title=x_label, timeUnit="yearmonth", format=TIME_FORMAT)
    else:
        # Small facet charts are narrow: their category labels are slanted to fit.
        x = alt.X("x:N", title=None, sort=None, axis=alt.Axis(labelAngle=-30 if facets else 0, labelLimit=160))
        x_tip = alt.Tooltip("x:N", title=x_label)
    tooltip = [x_tip, alt.Tooltip("serie:N", title="Serie"), alt.Tooltip("værdi:Q", title=y_title or "Værdi", format=fmt)]
    if facets:
        tooltip.insert(0, alt.Tooltip("facet:N", title=facet_label))
    y = alt.Y("værdi:Q", title=y_title, axis=alt.Axis(format=fmt))
    base = alt.Chart(alt.NamedData(POINTS)) if facets or has_target else alt.Chart()
    if folded:
        # Each point has one series' value; fold gives it a row per series, of which only its own has one.
        base = base.transform_fold([_field(s) for s in series], as_=["serie", "værdi"]).transform_filter("isValid(datum.værdi)")
    if kind == "line":
        # Points as well as lines: series read from text can have a single point.
        chart = base.mark_line(point=alt.OverlayMarkDef(filled=True, size=60)).encode(x=x, y=y, color=color, tooltip=tooltip)
    elif kind == "grouped_bar":
        chart = base.mark_bar().encode(x=x, xOffset=alt.XOffset("serie:N", sort=list(series)), y=y, color=color, tooltip=tooltip)
    elif kind == "stacked_bar":
        chart = base.mark_bar().encode(x=x, y=y, color=color, tooltip=tooltip, order=alt.Order("orden:Q", sort="descending"))
    elif kind == "ranked_bar":
        chart = base.mark_bar().encode(
            y=alt.Y("x:N", title=None, sort="-x"),
            x=alt.X("værdi:Q", title=y_title, axis=alt.Axis(format=fmt)),
            color=color,
            tooltip=tooltip,
        )
    else:  # bar
        chart = base.mark_bar().encode(x=x, y=y, color=color, tooltip=tooltip)
    if facets:
        # One small chart per facet value, each with only its own categories on the x axis.
        chart = (
            chart.properties(height=HEIGHT, width=FACET_WIDTH)
            .facet(column=alt.Column("facet:N", title=None, sort=list(facets), header=alt.Header(labelFontWeight="bold")))
            .resolve_scale(x="independent", xOffset="independent")
        )
        return _finish(chart, title, sized=False)
    if not has_target:
        return _finish(alt.layer(chart, data=alt.NamedData(POINTS)), title)
    rule = _target_rule(fmt, horizontal=kind != "ranked_bar")
    return _finish(alt.layer(chart, rule), title)


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


def table_chart(table: Table, title: str, fold: bool = True) -> dict:
    """The chart a table declares, as a Vega-Lite dict built with Altair; fold=False: its points
    written long (x, serie, værdi), also where they could be folded."""
    spec = chart_of(table)
    long = long_records(table)
    x_col = _column(table, spec.x)
    series = series_names(table)
    folded = fold and _foldable(spec.kind, series)
    colors = spec.colors or [PALETTE[i % len(PALETTE)] for i in range(len(series))]
    temporal = x_col.type == "period"
    facets = tuple(dict.fromkeys(r["facet"] for r in long)) if spec.facet else None
    structure = _table_structure(
        spec.kind,
        temporal,
        temporal and len({r["x"] for r in long}) < 8,
        tuple(series),
        tuple(colors),
        _value_format(table),
        _line(spec.y_title or (_column(table, spec.y[0]).unit or "")),
        _line(x_col.label),
        _line(_column(table, spec.facet).label) if spec.facet else None,
        facets,
        spec.target is not None,
        _line(title),
        folded,
    )
    out = json.loads(structure)
    out["datasets"] = {POINTS: _folded(long) if folded else long}
    if spec.target is not None:
        out["datasets"][TARGET] = [{"værdi": _plain(float(spec.target)), "label": spec.target_label}]
    return out


def peer_chart(peers: list[PeerValue], unit: str | None, title: str, highlight: str | None = None) -> dict:
    """A ranked bar chart of named peer jobcentres ('Silkeborg 9,2 %, Kolding 6,5 %')."""
    return bar_chart([(p.name, p.value) for p in peers], unit, title, highlight=highlight, name_title="Jobcenter")


@_remembered
def _bar_structure(unit: str | None, title: str, ranked: bool, name_title: str, fmt: str) -> str:
    chart = (
        alt.Chart(alt.NamedData(POINTS))
        .mark_bar()
        .encode(
            y=alt.Y("navn:N", title=None, sort="-x" if ranked else None, axis=alt.Axis(labelLimit=280)),
            x=alt.X("værdi:Q", title=unit or None, axis=alt.Axis(format=fmt)),
            color=alt.condition("datum.fremhævet", alt.value(PALETTE[0]), alt.value(PALETTE[1])),
            tooltip=[alt.Tooltip("navn:N", title=name_title), alt.Tooltip("værdi:Q", title=unit or "Værdi", format=fmt)],
        )
    )
    return _finish(chart, title)


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
    out = json.loads(_bar_structure(_line(unit), _line(title), ranked, _line(name_title), fmt))
    out["datasets"] = {POINTS: records}
    return out


def _finish(chart, title: str, sized: bool = True) -> str:
    """The Vega-Lite JSON of an Altair chart without data; sized=False: the chart set its own
    size (a faceted chart cannot fill its container)."""
    if sized:
        chart = chart.properties(width="container", height=HEIGHT)
    chart = chart.properties(title=alt.Title(title, anchor="start"))
    spec = chart.to_dict(validate=False)
    spec["config"] = {"view": {"stroke": None}, "font": "Roboto, Helvetica, Arial, sans-serif", **THEME_SIZES}
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
        out["width"] = WIDTH_FALLBACK
    out["config"] = {**out.get("config", {}), "aria": False, "locale": {"number": fmt.NUMBER_LOCALE, "time": fmt.TIME_LOCALE}}
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
