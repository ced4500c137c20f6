"""Vega-Lite charts built with Altair, and their SVG fallbacks rendered by vl-convert.

Specs are built without schema validation on the build path (it costs ~40 ms a chart);
the tests validate every chart kind against the Vega-Lite schema.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import altair as alt
import pandas as pd

from .models import Column, PeerValue, Table

PALETTE = ["#1f5fa8", "#8c8c8c", "#d9822b", "#2e8540", "#8e44ad", "#c0392b", "#16a085", "#7f6000"]
TARGET_COLOR = "#b3261e"
WIDTH_FALLBACK = 640  # the SVG fallback's width; the live chart fills its container
HEIGHT = 280
FACET_WIDTH = 200  # each small chart of a faceted chart
TIME_FORMAT = "%b %Y"


def _period_iso(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def long_frame(table: Table) -> pd.DataFrame:
    """The chart's data, one row per point: x, serie, orden (the series' place), værdi, and facet
    when the chart has one. Series are the y columns (named by their labels), or the values of the
    `series` column.
    Empty cells are left out."""
    spec = table.chart
    df = table.frame
    x = df[spec.x].map(_period_iso) if _column(table, spec.x).type == "period" else df[spec.x]
    facet = {"facet": df[spec.facet]} if spec.facet else {}
    if spec.series:
        order = {name: i for i, name in enumerate(dict.fromkeys(df[spec.series]))}
        parts = [pd.DataFrame({"x": x, "serie": df[spec.series], "orden": df[spec.series].map(order),
                               "værdi": df[spec.y[0]], **facet})]
    else:
        parts = [pd.DataFrame({"x": x, "serie": _column(table, key).label, "orden": i, "værdi": df[key], **facet})
                 for i, key in enumerate(spec.y)]
    return pd.concat(parts, ignore_index=True).dropna(subset=["værdi"])


def series_names(table: Table) -> list[str]:
    spec = table.chart
    if spec.series:
        return list(dict.fromkeys(table.frame[spec.series]))
    return [_column(table, k).label for k in spec.y]


def _column(table: Table, key: str) -> Column:
    return next(c for c in table.columns if c.key == key)


def _value_format(table: Table) -> str:
    vals = table.frame[table.chart.y].stack()
    return ",.0f" if all(float(v).is_integer() for v in vals) else ",.1f"


def table_chart(table: Table, title: str) -> dict:
    """The chart a table declares, as a Vega-Lite dict."""
    spec = table.chart
    long = long_frame(table)
    x_col = _column(table, spec.x)
    temporal = x_col.type == "period"
    series = series_names(table)
    color = alt.Color(
        "serie:N",
        title=None,
        scale=alt.Scale(domain=series, range=spec.colors or [PALETTE[i % len(PALETTE)] for i in range(len(series))]),
        legend=alt.Legend(orient="bottom"),
    )
    fmt = _value_format(table)
    y_title = spec.y_title or (_column(table, spec.y[0]).unit or "")
    if temporal:
        x = alt.X("x:T", title=None, timeUnit="yearmonth", axis=alt.Axis(format=TIME_FORMAT, tickCount="month" if len(long["x"].unique()) < 8 else None))
        x_tip = alt.Tooltip("x:T", title=x_col.label, timeUnit="yearmonth", format=TIME_FORMAT)
    else:
        # Small facet charts are narrow: their category labels are slanted to fit.
        x = alt.X("x:N", title=None, sort=None, axis=alt.Axis(labelAngle=-30 if spec.facet else 0, labelLimit=160))
        x_tip = alt.Tooltip("x:N", title=x_col.label)
    tooltip = [x_tip, alt.Tooltip("serie:N", title="Serie"), alt.Tooltip("værdi:Q", title=y_title or "Værdi", format=fmt)]
    if spec.facet:
        tooltip.insert(0, alt.Tooltip("facet:N", title=_column(table, spec.facet).label))
    y = alt.Y("værdi:Q", title=y_title, axis=alt.Axis(format=fmt))
    base = alt.Chart(long)
    if spec.kind == "line":
        # Points as well as lines: series read from text can have a single point.
        layer = base.mark_line(point=alt.OverlayMarkDef(size=60, filled=True)).encode(x=x, y=y, color=color, tooltip=tooltip)
    elif spec.kind == "grouped_bar":
        layer = base.mark_bar().encode(x=x, xOffset=alt.XOffset("serie:N", sort=series), y=y, color=color, tooltip=tooltip)
    elif spec.kind == "stacked_bar":
        layer = base.mark_bar().encode(x=x, y=y, color=color, tooltip=tooltip, order=alt.Order("orden:Q", sort="descending"))
    elif spec.kind == "ranked_bar":
        layer = base.mark_bar().encode(
            y=alt.Y("x:N", title=None, sort="-x"), x=alt.X("værdi:Q", title=y_title, axis=alt.Axis(format=fmt)),
            color=color, tooltip=tooltip,
        )
    else:  # bar
        layer = base.mark_bar().encode(x=x, y=y, color=color, tooltip=tooltip)
    if spec.facet:
        # One small chart per facet value, each with only its own categories on the x axis.
        inner = layer.properties(width=FACET_WIDTH, height=HEIGHT)
        facets = list(dict.fromkeys(long["facet"]))
        chart = inner.facet(column=alt.Facet("facet:N", title=None, sort=facets, header=alt.Header(labelFontWeight="bold")))
        return _finish(chart.resolve_scale(x="independent", xOffset="independent"), title, sized=False)
    layers = [layer]
    if spec.target is not None:
        layers.append(_target_rule(spec.target, spec.target_label, fmt, horizontal=spec.kind != "ranked_bar"))
    return _finish(alt.layer(*layers), title)


def _target_rule(value: float, label: str, fmt: str, horizontal: bool = True):
    data = pd.DataFrame({"værdi": [value], "label": [label]})
    enc = {"y": "værdi:Q"} if horizontal else {"x": "værdi:Q"}
    rule = alt.Chart(data).mark_rule(color=TARGET_COLOR, strokeDash=[6, 4], strokeWidth=2).encode(
        **enc, tooltip=[alt.Tooltip("label:N", title="Mål"), alt.Tooltip("værdi:Q", title="Værdi", format=fmt)]
    )
    text = alt.Chart(data).mark_text(align="left", dx=4, dy=-8, color=TARGET_COLOR, fontWeight="bold").encode(
        **enc, text="label:N", **({"x": alt.value(0)} if horizontal else {"y": alt.value(0)})
    )
    return alt.layer(rule, text)


def peer_chart(peers: list[PeerValue], unit: str | None, title: str, highlight: str | None = None) -> dict:
    """A ranked bar chart of named peer jobcentres ('Silkeborg 9,2 %, Kolding 6,5 %')."""
    return bar_chart([(p.name, p.value) for p in peers], unit, title, highlight=highlight, name_title="Jobcenter")


def bar_chart(items: list[tuple[str, float]], unit: str | None, title: str, highlight: str | None = None,
              ranked: bool = True, name_title: str = "Navn") -> dict:
    """Horizontal bars of named values; ranked by value, or in the given order."""
    df = pd.DataFrame({"navn": [n for n, _ in items], "værdi": [v for _, v in items]})
    df["fremhævet"] = df["navn"].eq(highlight) if highlight else True
    fmt = ",.0f" if all(float(v).is_integer() for v in df["værdi"]) else ",.1f"
    chart = alt.Chart(df).mark_bar().encode(
        y=alt.Y("navn:N", title=None, sort="-x" if ranked else None, axis=alt.Axis(labelLimit=280)),
        x=alt.X("værdi:Q", title=unit or None, axis=alt.Axis(format=fmt)),
        color=alt.condition("datum.fremhævet", alt.value(PALETTE[0]), alt.value(PALETTE[1])),
        tooltip=[alt.Tooltip("navn:N", title=name_title), alt.Tooltip("værdi:Q", title=unit or "Værdi", format=fmt)],
    )
    return _finish(chart, title)


def _finish(chart, title: str, sized: bool = True) -> dict:
    """sized=False: the chart set its own size (a faceted chart cannot fill its container)."""
    size = {"width": "container", "height": HEIGHT} if sized else {}
    chart = chart.properties(**size, title=alt.Title(title, anchor="start"))
    spec = chart.to_dict(validate=False)
    spec.setdefault("config", {}).update({"font": "Roboto, Helvetica, Arial, sans-serif", "view": {"stroke": None}})
    return spec


# --------------------------------------------------------------------------- SVG fallback


def _fixed_width(spec: dict) -> dict:
    out = dict(spec)
    if out.get("width") == "container":
        out["width"] = WIDTH_FALLBACK
    return out


def svg(spec: dict, cache_dir: Path | None = None) -> str:
    """Render a spec to SVG, cached by a hash of the spec (and vl-convert's version)."""
    import vl_convert as vlc

    fixed = _fixed_width(spec)
    key = None
    if cache_dir is not None:
        raw = json.dumps(fixed, sort_keys=True, ensure_ascii=False) + vlc.__version__ if hasattr(vlc, "__version__") else json.dumps(fixed, sort_keys=True)
        key = Path(cache_dir) / (hashlib.sha256(raw.encode()).hexdigest() + ".svg")
        if key.is_file():
            return key.read_text(encoding="utf-8")
    out = vlc.vegalite_to_svg(fixed, format_locale="da-DK", time_format_locale="da-DK")
    if key is not None:
        key.parent.mkdir(parents=True, exist_ok=True)
        tmp = key.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(out, encoding="utf-8")
        tmp.replace(key)
    return out
