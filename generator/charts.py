"""Vega-Lite charts as plain dicts, and their SVG fallbacks rendered by vl-convert.

The specs are what Altair wrote for the same charts, built directly (Altair cost ~30 ms a
chart even without validation); the tests validate every chart kind against the Vega-Lite
schema that comes with Altair.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
from pathlib import Path

import pandas as pd

from .models import Column, PeerValue, Table

PALETTE = ["#1f5fa8", "#8c8c8c", "#d9822b", "#2e8540", "#8e44ad", "#c0392b", "#16a085", "#7f6000"]
TARGET_COLOR = "#b3261e"
WIDTH_FALLBACK = 640  # the SVG fallback's width; the live chart fills its container
HEIGHT = 280
FACET_WIDTH = 200  # each small chart of a faceted chart
TIME_FORMAT = "%b %Y"
VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.4.1.json"  # the version Altair 6.3 writes


def _period_iso(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def long_records(table: Table) -> list[dict]:
    """The chart's data, one row per point: x, serie, orden (the series' place), værdi, and facet
    when the chart has one. Series are the y columns (named by their labels), or the values of the
    `series` column. Empty cells are left out.
    (Plain Python over Table.records: the same rows as with pandas, at a tenth of the cost.)"""
    spec = table.chart
    rows = table.records
    to_x = _period_iso if _column(table, spec.x).type == "period" else (lambda v: v)

    def point(row, serie, orden, value) -> dict:
        out = {"x": to_x(row[spec.x]), "serie": serie, "orden": orden, "værdi": value}
        if spec.facet:
            out["facet"] = row[spec.facet]
        return out

    if spec.series:
        order = {name: i for i, name in enumerate(dict.fromkeys(r[spec.series] for r in rows))}
        return [point(r, r[spec.series], order[r[spec.series]], r[spec.y[0]]) for r in rows if not _missing(r[spec.y[0]])]
    return [point(r, _column(table, key).label, i, r[key])
            for i, key in enumerate(spec.y) for r in rows if not _missing(r[key])]


def long_frame(table: Table) -> pd.DataFrame:
    """long_records as a DataFrame."""
    columns = ["x", "serie", "orden", "værdi"] + (["facet"] if table.chart.facet else [])
    return pd.DataFrame(long_records(table), columns=columns)


def series_names(table: Table) -> list[str]:
    spec = table.chart
    if spec.series:
        return list(dict.fromkeys(r[spec.series] for r in table.records))
    return [_column(table, k).label for k in spec.y]


def _column(table: Table, key: str) -> Column:
    return next(c for c in table.columns if c.key == key)


def _value_format(table: Table) -> str:
    vals = [row[key] for key in table.chart.y for row in table.records if not _missing(row[key])]
    return ",.0f" if all(float(v).is_integer() for v in vals) else ",.1f"


def _field(name: str, type_: str, **props) -> dict:
    return {"field": name, **props, "type": type_}


def _dataset(records: list[dict]) -> tuple[str, list[dict]]:
    """A named dataset, named by its content as Altair does."""
    text = json.dumps(records, sort_keys=True, ensure_ascii=False, default=str)
    return "data-" + hashlib.md5(text.encode()).hexdigest(), records


def table_chart(table: Table, title: str) -> dict:
    """The chart a table declares, as a Vega-Lite dict.

    Written as plain dicts: Altair built the same spec in ~30 ms a chart (its objects validate
    and deep-copy themselves), which was the generator's largest cost at national scale. The
    tests validate every chart kind against the Vega-Lite schema."""
    spec = table.chart
    long = long_records(table)
    x_col = _column(table, spec.x)
    temporal = x_col.type == "period"
    series = series_names(table)
    color = {"field": "serie", "legend": {"orient": "bottom"},
             "scale": {"domain": series, "range": spec.colors or [PALETTE[i % len(PALETTE)] for i in range(len(series))]},
             "title": None, "type": "nominal"}
    fmt = _value_format(table)
    y_title = spec.y_title or (_column(table, spec.y[0]).unit or "")
    if temporal:
        axis = {"format": TIME_FORMAT, **({"tickCount": "month"} if len({r["x"] for r in long}) < 8 else {})}
        x = _field("x", "temporal", axis=axis, timeUnit="yearmonth", title=None)
        x_tip = _field("x", "temporal", format=TIME_FORMAT, timeUnit="yearmonth", title=x_col.label)
    else:
        # Small facet charts are narrow: their category labels are slanted to fit.
        x = _field("x", "nominal", axis={"labelAngle": -30 if spec.facet else 0, "labelLimit": 160}, sort=None, title=None)
        x_tip = _field("x", "nominal", title=x_col.label)
    tooltip = [x_tip, _field("serie", "nominal", title="Serie"), _field("værdi", "quantitative", format=fmt, title=y_title or "Værdi")]
    if spec.facet:
        tooltip.insert(0, _field("facet", "nominal", title=_column(table, spec.facet).label))
    y = _field("værdi", "quantitative", axis={"format": fmt}, title=y_title)
    if spec.kind == "line":
        # Points as well as lines: series read from text can have a single point.
        mark = {"type": "line", "point": {"filled": True, "size": 60}}
        encoding = {"color": color, "tooltip": tooltip, "x": x, "y": y}
    elif spec.kind == "grouped_bar":
        mark = {"type": "bar"}
        encoding = {"color": color, "tooltip": tooltip, "x": x, "xOffset": _field("serie", "nominal", sort=series), "y": y}
    elif spec.kind == "stacked_bar":
        mark = {"type": "bar"}
        encoding = {"color": color, "order": _field("orden", "quantitative", sort="descending"), "tooltip": tooltip, "x": x, "y": y}
    elif spec.kind == "ranked_bar":
        mark = {"type": "bar"}
        encoding = {"color": color, "tooltip": tooltip,
                    "x": _field("værdi", "quantitative", axis={"format": fmt}, title=y_title),
                    "y": _field("x", "nominal", sort="-x", title=None)}
    else:  # bar
        mark = {"type": "bar"}
        encoding = {"color": color, "tooltip": tooltip, "x": x, "y": y}
    name, values = _dataset(long)
    datasets = {name: values}
    layer = {"mark": mark, "encoding": encoding}
    if spec.facet:
        # One small chart per facet value, each with only its own categories on the x axis.
        facets = list(dict.fromkeys(r["facet"] for r in long))
        chart = {"data": {"name": name},
                 "facet": {"column": {"field": "facet", "header": {"labelFontWeight": "bold"}, "sort": facets,
                                      "title": None, "type": "nominal"}},
                 "spec": {**layer, "height": HEIGHT, "width": FACET_WIDTH},
                 "resolve": {"scale": {"x": "independent", "xOffset": "independent"}}}
        return _finish(chart, title, datasets, sized=False)
    if spec.target is None:  # one layer: its data belongs to the whole chart
        return _finish({"layer": [layer], "data": {"name": name}}, title, datasets)
    target_name, target_values = _dataset([{"værdi": float(spec.target), "label": spec.target_label}])
    datasets[target_name] = target_values
    layers = [{"data": {"name": name}, **layer},
              {"layer": _target_rule(fmt, horizontal=spec.kind != "ranked_bar"), "data": {"name": target_name}}]
    return _finish({"layer": layers}, title, datasets)


def _target_rule(fmt: str, horizontal: bool = True) -> list[dict]:
    pos = "y" if horizontal else "x"
    value = {pos: _field("værdi", "quantitative")}
    rule = {"mark": {"type": "rule", "color": TARGET_COLOR, "strokeDash": [6, 4], "strokeWidth": 2},
            "encoding": {"tooltip": [_field("label", "nominal", title="Mål"),
                                     _field("værdi", "quantitative", format=fmt, title="Værdi")], **value}}
    text = {"mark": {"type": "text", "align": "left", "color": TARGET_COLOR, "dx": 4, "dy": -8, "fontWeight": "bold"},
            "encoding": {"text": _field("label", "nominal"), **({"x": {"value": 0}} if horizontal else {"y": {"value": 0}}), **value}}
    return [rule, text]


def peer_chart(peers: list[PeerValue], unit: str | None, title: str, highlight: str | None = None) -> dict:
    """A ranked bar chart of named peer jobcentres ('Silkeborg 9,2 %, Kolding 6,5 %')."""
    return bar_chart([(p.name, p.value) for p in peers], unit, title, highlight=highlight, name_title="Jobcenter")


def bar_chart(items: list[tuple[str, float]], unit: str | None, title: str, highlight: str | None = None,
              ranked: bool = True, name_title: str = "Navn") -> dict:
    """Horizontal bars of named values; ranked by value, or in the given order."""
    records = [{"navn": n, "værdi": float(v), "fremhævet": (n == highlight) if highlight else True} for n, v in items]
    fmt = ",.0f" if all(float(v).is_integer() for _, v in items) else ",.1f"
    name, values = _dataset(records)
    chart = {
        "data": {"name": name}, "mark": {"type": "bar"},
        "encoding": {
            "color": {"condition": {"test": "datum.fremhævet", "value": PALETTE[0]}, "value": PALETTE[1]},
            "tooltip": [_field("navn", "nominal", title=name_title), _field("værdi", "quantitative", format=fmt, title=unit or "Værdi")],
            "x": _field("værdi", "quantitative", axis={"format": fmt}, title=unit or None),
            "y": _field("navn", "nominal", axis={"labelLimit": 280}, sort="-x" if ranked else None, title=None),
        },
    }
    return _finish(chart, title, {name: values})


def _finish(chart: dict, title: str, datasets: dict[str, list[dict]], sized: bool = True) -> dict:
    """sized=False: the chart set its own size (a faceted chart cannot fill its container)."""
    size = {"height": HEIGHT} if sized else {}
    return {
        "config": {"view": {"stroke": None}, "font": "Roboto, Helvetica, Arial, sans-serif"},
        **chart, **size, "title": {"text": title, "anchor": "start"}, **({"width": "container"} if sized else {}),
        "$schema": VEGA_LITE_SCHEMA, "datasets": datasets,
    }


# --------------------------------------------------------------------------- SVG fallback


def _fixed_width(spec: dict) -> dict:
    """The spec as the SVG fallback draws it: a fixed width, and no ARIA attributes (an <img>
    does not expose them; its alt text is the figure's description). Without them the SVG
    of a 24-month line chart is about a quarter smaller."""
    out = dict(spec)
    if out.get("width") == "container":
        out["width"] = WIDTH_FALLBACK
    out["config"] = {**out.get("config", {}), "aria": False}
    return out


def _render(spec: dict) -> str:
    import vl_convert as vlc

    return vlc.vegalite_to_svg(spec, format_locale="da-DK", time_format_locale="da-DK")


def _cache_file(fixed: dict, cache_dir: Path) -> Path:
    import vl_convert as vlc

    raw = json.dumps(fixed, sort_keys=True, ensure_ascii=False) + getattr(vlc, "__version__", "")
    return Path(cache_dir) / (hashlib.sha256(raw.encode()).hexdigest() + ".svg")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def svg(spec: dict) -> str:
    """Render a spec to SVG now, without the cache (for pages built without one)."""
    return _render(_fixed_width(spec))


# SVGs promised by svg_file() and not yet in the cache: cache file -> spec.
_pending: dict[Path, dict] = {}


def svg_file(spec: dict, cache_dir: Path) -> Path:
    """The cache file that holds (or will hold) the spec's SVG. A new spec is rendered by the
    next render_pending(), all at once and in several processes; nothing is read into memory."""
    fixed = _fixed_width(spec)
    path = _cache_file(fixed, cache_dir)
    if not path.is_file():
        _pending[path] = fixed
    return path


def _render_to(item: tuple[Path, dict]) -> None:
    path, spec = item
    _write(path, _render(spec))


def render_pending(processes: int | None = None, wait: bool = True) -> set[Path]:
    """Render every SVG promised by svg_file() that is not in the cache yet; returns their files.

    vl-convert renders one chart at a time in ~50 ms and barely faster on two threads, so a
    cold cache is filled by a pool of processes (default: one per core). With wait=False the
    pool works on while the caller goes on (MkDocs renders the pages meanwhile); call
    wait_rendered() before using the files."""
    items = [(p, s) for p, s in _pending.items() if not p.is_file()]
    _pending.clear()
    processes = processes or os.cpu_count() or 1
    if processes < 2 or len(items) < 20:
        for item in items:
            _render_to(item)
        return {p for p, _ in items}
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    wait_rendered()
    # spawn, not fork: the parent may already run vl-convert's JavaScript runtime (threads).
    pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"))
    _rendering.append((pool, pool.map(_render_to, items, chunksize=8)))  # map submits all at once
    if wait:
        wait_rendered()
    return {p for p, _ in items}


_rendering: list = []  # (pool, results) of render_pending(wait=False) not yet waited for


def wait_rendered() -> None:
    """Wait until every SVG of render_pending(wait=False) is in the cache."""
    while _rendering:
        pool, results = _rendering.pop()
        try:
            list(results)
        finally:
            pool.shutdown()
