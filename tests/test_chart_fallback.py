"""Charts written short: the SVG fallbacks without what an <img> never uses, the data without
'.0' and unused fields; the same pictures."""

import datetime as dt
import json
import re

import pandas as pd
import pytest
import vl_convert as vlc

from generator import cache
from generator.data.kinds.revision import PeerValue
from generator.data.models import ChartSpec, Column, Table
from generator.views import charts, svgrender


def _table(columns: list[Column], rows: list[tuple], chart: ChartSpec) -> Table:
    t = Table(id="t", title="T", file="-", columns=columns, chart=chart)
    t._frame = pd.DataFrame(rows, columns=[c.key for c in columns])
    return t


def _months(n: int) -> list[dt.date]:
    return [dt.date(2012 + (m // 12), m % 12 + 1, 1) for m in range(n)]


def _tables() -> dict[str, tuple[Table, str]]:
    """A table of each chart kind the site draws, and its chart's title."""
    line = _table(
        [
            Column(key="periode", label="Periode", type="period"),
            Column(key="jc", label="Testby", unit="personer"),
            Column(key="klynge", label="Klyngen"),
        ],
        [(m, 1200.0 + 7 * i, 1263.0 - 3 * i) for i, m in enumerate(_months(24))],
        ChartSpec(kind="line", x="periode", y=["jc", "klynge"], y_title="Personer", target=1250, target_label="Mål dec. 2013"),
    )
    # Series named by a column, with names a field would misread (dots, brackets, a backslash, quotes) and a gap
    odd = ["pct. af alle", "a[0]", "c\\d", 'Say "hi"', "x's"]
    series = _table(
        [
            Column(key="maaned", label="Måned", type="period"),
            Column(key="tilbud", label="Tilbud", type="text"),
            Column(key="andel", label="Andel", unit="pct."),
        ],
        [
            (m, name, None if (i, j) == (2, 1) else 20.0 + 5 * j + i)
            for i, m in enumerate(_months(4))
            for j, name in enumerate(odd)
        ],
        ChartSpec(kind="line", x="maaned", y=["andel"], series="tilbud", y_title="Andel"),
    )
    cats = [Column(key="ydelse", label="Ydelse", type="text"), Column(key="a", label="2011"), Column(key="b", label="2012")]
    grouped = _table(
        cats,
        [("A-dagpenge", 12.5, 14.0), ("Kontanthjælp", 30.0, 27.0), ("Sygedagpenge", 8.0, 9.5)],
        ChartSpec(kind="grouped_bar", x="ydelse", y=["a", "b"], y_title="Pct."),
    )
    states = ["met", "partly", "not_met"]
    stacked = _table(
        [Column(key="dok", label="Jobcenter og år", type="text"), *(Column(key=s, label=s, unit="mål") for s in states)],
        [("Testby 2013", 3, 1, 2), ("Testby 2014", 4, 0, 3), ("Andeby 2013", 1, 2, 2)],
        ChartSpec(kind="stacked_bar", x="dok", y=states, y_title="Antal mål", colors=["#2e8540", "#d9822b", "#b3261e"]),
    )
    faceted = _table(
        [Column(key="gruppe", label="Målgruppe", type="text"), *cats],
        [(g, y, v, v + 3) for g in ("Unge", "Voksne") for y, v in (("A-dagpenge", 10), ("Kontanthjælp", 21.5))],
        ChartSpec(kind="grouped_bar", x="ydelse", y=["a", "b"], facet="gruppe", y_title="Pct."),
    )
    ranked = _table(
        cats[:2],
        [("A-dagpenge", 12.5), ("Kontanthjælp", 30.0)],
        ChartSpec(kind="ranked_bar", x="ydelse", y=["a"], target=20, y_title="Pct."),
    )
    return {
        "line with target": (line, "Antal personer"),
        "line per named series": (series, "Effekt pr. tilbud"),
        "grouped bar": (grouped, "Andel pr. ydelse"),
        "stacked bar": (stacked, "Mål efter resultat"),
        "faceted": (faceted, "Andel pr. målgruppe"),
        "ranked bar with target": (ranked, "Andel, rangordnet"),
    }


TABLES = _tables()


def _kinds() -> dict[str, dict]:
    """One chart of each kind the site draws, built as the pages build them."""
    peers = [PeerValue(name=n, value=v) for n, v in (("Silkeborg", 9.2), ("Kolding", 6.5), ("Testby", 7.0))]
    return {
        **{kind: charts.table_chart(table, title) for kind, (table, title) in TABLES.items()},
        "ranked bar": charts.peer_chart(peers, "pct.", "Sammenligning", highlight="Testby"),
    }


KINDS = _kinds()


@pytest.mark.parametrize("kind", KINDS)
def test_stripped_fallback_is_smaller_and_draws_the_same_picture(kind):
    raw = svgrender.render_raw(charts._fixed_width(KINDS[kind]))
    stripped = svgrender.strip_svg(raw)
    assert re.search(r'<[^>]*\s(?:class|role|aria-[\w-]+|pointer-events)="', raw)  # there was something to strip
    assert not re.search(r'<[^>]*\s(?:class|role|aria-[\w-]+|pointer-events)="', stripped)
    assert ' opacity="1"' not in stripped and ' opacity="1"' in raw
    # the font, on every text in vl-convert's SVG, is said once, by the root
    assert raw.count(' font-family="Roboto, Helvetica, Arial, sans-serif"') == raw.count("<text") > 3
    assert stripped.startswith('<svg font-family="Roboto, Helvetica, Arial, sans-serif" ') and stripped.count("font-family") == 1
    # no version, no unused namespace, no group without attributes or moved by nothing, no unpainted group background
    assert ' version="1.1"' in raw and "xmlns:xlink" in raw and "xlink:" not in raw.replace("xmlns:xlink", "")
    assert not re.search(r' version=|xmlns:xlink|<g>|translate\(0,0\)|<path d="M0,0h[\d.]+v[\d.]+h-[\d.]+Z"/>', stripped)
    # a line chart's points: a marker per series, at every point of the series in order
    points = re.findall(
        r'<marker id="(p\d)"[^>]*><circle r="3.87" fill="(#\w+)"[^>]*/></marker><path [^>]*url\(#\1\)[^>]* d="M([^"]*)"', stripped
    )
    assert [(fill, len(d.split())) for _, fill, d in points] == POINTS.get(kind, [])
    assert len(stripped) < 0.35 * len(raw)
    # Numbers rounded to a hundredth of a pixel shade a few anti-aliased edge pixels (a quarter of full
    # contrast at most, measured); a lost mark, line or letter would change pixels at full contrast.
    before, after = _pixels(vlc.svg_to_png(raw)), _pixels(vlc.svg_to_png(stripped))
    assert len(before) == len(after)
    changed = [abs(a - b) for a, b in zip(before, after) if a != b]
    assert max(changed, default=0) <= 96 and len(changed) < 0.002 * len(before), (max(changed, default=0), len(changed))


# The points each kind's fallback draws as markers: their fill and how many, in the order they are drawn.
# Named series draw their points month by month, the series' colours alternating: they stay circles.
POINTS = {"line with target": [("#3b82c4", 24), ("#808080", 24)]}


def _pixels(png: bytes) -> bytes:
    """The RGBA bytes of an 8-bit RGBA PNG as vl-convert writes it (no interlace)."""
    import struct
    import zlib

    pos, data, width = 8, b"", 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos : pos + 8])
        body = png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, _, depth, colour = struct.unpack(">IIBB", body[:10])
            assert (depth, colour) == (8, 6)
        elif kind == b"IDAT":
            data += body
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(data), width * 4, [], bytearray(width * 4)
    for start in range(0, len(raw), stride + 1):
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            a, b, c = (line[i - 4] if i >= 4 else 0), prev[i], (prev[i - 4] if i >= 4 else 0)
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return b"".join(rows)


def test_strip_keeps_inherited_opacities_and_text():
    svg = (
        '<svg class="marks"><g class="mark-text" role="graphics-object" aria-roledescription="text mark">'
        '<text fill-opacity="1" stroke-opacity="1" opacity="1" aria-hidden="true" x="4">'
        'a class="x" role="y" opacity="1" &gt;</text><rect opacity="0.5" width="3"/></g></svg>'
    )
    assert svgrender.strip_svg(svg) == (
        '<svg><text fill-opacity="1" stroke-opacity="1" x="4">a class="x" role="y" opacity="1" &gt;</text><rect opacity="0.5" width="3"/></svg>'
    )


def _circle(x: float, y: float, fill: str) -> str:
    return f'<circle cx="{x}" cy="{y}" r="6" fill="{fill}" stroke-width="2"/>'


def test_a_run_of_points_is_a_marker_drawn_at_each_in_order():
    # two series whose points overlap, the second drawn over the first, then a lone point
    blue, grey = [_circle(8 + 8 * i, 10, "#3b82c4") for i in range(3)], [_circle(12 + 8 * i, 14, "#808080") for i in range(3)]
    lone = '<circle cx="40" cy="20" r="3" fill="#e0403a"/>'
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="48" height="28"><g fill="none" stroke="#000">{"".join(blue + grey)}{lone}</g></svg>'
    url0, url1 = '"url(#p0)"', '"url(#p1)"'
    assert svgrender.strip_svg(svg) == (
        '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="28"><g fill="none" stroke="#000">'
        '<marker id="p0" markerUnits="userSpaceOnUse" overflow="visible"><circle r="6" fill="#3b82c4" stroke-width="2"/></marker>'
        f'<path fill="none" stroke="none" marker-start={url0} marker-mid={url0} marker-end={url0} d="M8,10 16,10 24,10"/>'
        '<marker id="p1" markerUnits="userSpaceOnUse" overflow="visible"><circle r="6" fill="#808080" stroke-width="2"/></marker>'
        f'<path fill="none" stroke="none" marker-start={url1} marker-mid={url1} marker-end={url1} d="M12,14 20,14 28,14"/>'
        f"{lone}</g></svg>"
    )
    # the same picture; and the picture tells the order and the fills apart
    picture = _pixels(vlc.svg_to_png(svg))
    assert _pixels(vlc.svg_to_png(svgrender.strip_svg(svg))) == picture
    assert _pixels(vlc.svg_to_png(svg.replace("".join(blue + grey), "".join(grey + blue)))) != picture
    assert _pixels(vlc.svg_to_png(svg.replace(' fill="#808080"', ""))) != picture
    # points placed, clipped or painted otherwise than by where they are stay circles
    for odd in (' transform="rotate(3)"', ' clip-path="url(#c)"'):
        moved = svg.replace('stroke-width="2"/>', f'stroke-width="2"{odd}/>')
        assert "<marker" not in svgrender.strip_svg(moved) and svgrender.strip_svg(moved).count("<circle") == 7


def test_groups_without_attributes_go_and_so_do_outlines_nothing_paints():
    kept = (
        '<clipPath id="c"><path d="M0,0h5v5h-5Z"/></clipPath>'  # a clip's outline
        '<g fill="none" stroke="#000"><path d="M0,0h4"/><rect width="1"/></g>'  # stroked by its group
        '<g fill="none" marker-end="url(#m)"><path d="M0,0h4"/></g>'  # a marker from its group
        '<g fill="none" clip-path="url(#c)"><path d="M0,0h9v9h-9Z"/><rect width="2"/></g>'  # the clip may depend on its extent
        '<path d="M0,0h3"/>'  # filled black: the root's default
    )
    svg = (
        '<svg><g fill="none"><g><g transform="translate(0,0)"><path d="M0,0h9v9h-9Z"/><g><rect width="3"/></g></g>'
        '<path d="M1,1h2"/><g transform="translate(0,0) scale(2)"><rect width="1"/></g></g></g>' + kept + "</svg>"
    )
    assert svgrender.strip_svg(svg) == (
        '<svg><g fill="none"><rect width="3"/><g transform="translate(0,0) scale(2)"><rect width="1"/></g></g>' + kept + "</svg>"
    )
    unbalanced = "<svg><g><g></g></svg>"
    assert svgrender.strip_svg(unbalanced) == unbalanced


def test_what_most_of_a_run_says_its_group_says_and_the_others_keep_their_own():
    labels = (
        '<g fill="red"><text text-anchor="start" fill="#000">a</text><text text-anchor="middle" fill="#000">b</text>'
        '<text text-anchor="middle" fill="#000"><tspan>c</tspan><tspan x="0" dy="14">d</tspan></text></g>'
    )
    one_without = '<text fill="#000">a</text><text>b</text><text fill="#000">c</text>'  # b gets its fill from above
    lone = '<g stroke="#888"><path d="M0,0h1"/></g>'
    says_it_itself = '<g stroke="#888"><path d="M0,0h1" stroke="red"/></g>'
    svg = f"<svg>{labels}<g>{one_without}</g>{lone}{says_it_itself}</svg>"
    assert svgrender.strip_svg(svg) == (
        '<svg><g fill="red"><g fill="#000" text-anchor="middle"><text text-anchor="start">a</text><text>b</text>'
        '<text><tspan>c</tspan><tspan x="0" dy="14">d</tspan></text></g></g>'
        f'{one_without}<path stroke="#888" d="M0,0h1"/>{says_it_itself}</svg>'
    )


def test_the_root_keeps_the_xlink_namespace_where_it_is_used():
    used = '<svg xmlns="s" xmlns:xlink="x" version="1.1"><use xlink:href="#a"/></svg>'
    assert svgrender.strip_svg(used) == '<svg xmlns="s" xmlns:xlink="x"><use xlink:href="#a"/></svg>'
    assert svgrender.strip_svg(used.replace("xlink:href", "href")) == '<svg xmlns="s"><use href="#a"/></svg>'


def test_the_font_is_said_once_only_where_every_text_has_the_same():
    same = '<svg x="1"><g><text font-family="A, B" y="2">font-family="C"</text><text font-family="A, B">b</text></g></svg>'
    assert svgrender.strip_svg(same) == '<svg font-family="A, B" x="1"><text y="2">font-family="C"</text><text>b</text></svg>'
    two = '<svg x="1"><text font-family="A">a</text><text font-family="B">b</text></svg>'
    one_without = '<svg x="1"><text font-family="A">a</text><text>b</text></svg>'  # b has the default font
    assert svgrender.strip_svg(two) == two and svgrender.strip_svg(one_without) == one_without


def test_the_fallback_written_to_the_cache_is_stripped(tmp_path, monkeypatch):
    spec = KINDS["grouped bar"]
    svgs = charts.SvgFallbacks(tmp_path)
    path = svgs.file(spec)
    svgs.render(processes=1)
    written = cache.Store(tmp_path).get(path.name).decode("utf-8")
    assert written == svgrender.strip_svg(svgrender.render_raw(charts._fixed_width(spec)))
    assert charts.svg(spec) == written
    # a new way of stripping is a new cache file: SVGs stripped the old way are not reused
    monkeypatch.setattr(svgrender, "SVG_VERSION", "strip-test")
    assert charts.SvgFallbacks(tmp_path).file(spec) != path


def _as_before(spec: dict) -> dict:
    """The chart with its data written as they were: every value a float, every point with its
    series' place (orden)."""
    out = json.loads(json.dumps(spec))
    for rows in out["datasets"].values():
        for r in rows:
            r["værdi"] = float(r["værdi"])
    points = out["datasets"][charts.POINTS]
    if "serie" in points[0]:
        order = {s: i for i, s in enumerate(dict.fromkeys(r["serie"] for r in points))}
        for r in points:
            r["orden"] = order[r["serie"]]
    return out


def _svg(spec: dict) -> str:
    return svgrender.render_raw(charts._fixed_width(spec))


def _data(spec: dict) -> str:
    return json.dumps(spec["datasets"], ensure_ascii=False, separators=(",", ":"))


# The charts with their points written long (x, serie, værdi), as before they were folded.
LONG = {
    **{kind: charts.table_chart(table, title, fold=False) for kind, (table, title) in TABLES.items()},
    "ranked bar": KINDS["ranked bar"],
}


@pytest.mark.parametrize("kind", LONG)
def test_short_chart_data_draw_the_same_svg(kind):
    spec, before = LONG[kind], _as_before(LONG[kind])
    text = _data(spec)
    assert len(text) < len(_data(before))
    assert not re.search(r"\d\.0[,}]", text)
    assert ('"orden"' in text) == (kind == "stacked bar")  # only a stacked chart orders by it
    assert _svg(spec) == _svg(before)


@pytest.mark.parametrize("kind", TABLES)
def test_folded_chart_data_draw_the_same_svg(kind):
    folded, long = KINDS[kind], LONG[kind]
    if kind == "stacked bar":  # ordered by orden: written long
        assert folded == long
        return
    assert len(_data(folded)) < 0.8 * len(_data(long))
    assert _svg(folded) == _svg(long)


def test_folded_points_keep_every_point_in_order_under_its_series_name():
    table, title = TABLES["line per named series"]
    folded = KINDS["line per named series"]["datasets"][charts.POINTS]
    long = LONG["line per named series"]["datasets"][charts.POINTS]
    assert [(r["x"], *[(k, v) for k, v in r.items() if k != "x"]) for r in folded] == [
        (r["x"], (r["serie"], r["værdi"])) for r in long
    ]
    assert len(long) == 4 * 5 - 1  # the gap is left out
    assert folded[:2] == [{"x": "2012-01-01", "pct. af alle": 20}, {"x": "2012-01-01", "a[0]": 25}]
    fold = KINDS["line per named series"]["layer"][0]["transform"][0]["fold"]
    assert fold == ["pct\\. af alle", "a\\[0\\]", "c\\\\d", 'Say \\"hi\\"', "x\\'s"]
    faceted = KINDS["faceted"]["datasets"][charts.POINTS]
    assert faceted[0] == {"x": "A-dagpenge", "facet": "Unge", "2011": 10}


def test_whole_numbers_are_ints_and_others_stay_as_they_are():
    points = LONG["line with target"]["datasets"]
    assert points[charts.POINTS][:2] == [
        {"x": "2012-01-01", "serie": "Testby", "værdi": 1200},
        {"x": "2012-02-01", "serie": "Testby", "værdi": 1207},
    ]
    assert points[charts.TARGET] == [{"værdi": 1250, "label": "Mål dec. 2013: 1.250"}]  # the goal line says its value
    assert KINDS["line with target"]["datasets"][charts.POINTS][:2] == [
        {"x": "2012-01-01", "Testby": 1200},
        {"x": "2012-02-01", "Testby": 1207},
    ]
    assert [r["værdi"] for r in LONG["grouped bar"]["datasets"][charts.POINTS]] == [12.5, 30, 8, 14, 27, 9.5]
    assert [type(r["værdi"]) for r in KINDS["ranked bar"]["datasets"][charts.POINTS]] == [float, float, int]


def test_every_kind_is_valid_vega_lite():
    from altair.utils.schemapi import validate_jsonschema
    from altair.vegalite.v6.schema import core

    for spec in KINDS.values():
        validate_jsonschema(spec, core.load_schema())


def test_series_that_cannot_be_keys_are_written_long():
    assert charts._foldable("line", ["Testby", "Klyngen (gennemsnit)", "pct. [a]"])
    assert not charts._foldable("stacked_bar", ["Opfyldt", "Ikke opfyldt"])
    assert not charts._foldable("line", ["Andel", "Andel"])  # two y columns with one label
    assert not charts._foldable("bar", ["x"]) and not charts._foldable("bar", ["facet"]) and not charts._foldable("bar", [""])
    assert not charts._foldable("line", ["Testby", float("nan")])  # a row without a series name


def _structures(make) -> list[tuple]:
    """The (builder, shape, values) of every structure `make()` fills from a template."""
    calls, fill = [], charts._structure

    def recording(build, shape, values):
        calls.append((build, shape, values))
        return fill(build, shape, values)

    charts._structure = recording
    try:
        make()
    finally:
        charts._structure = fill
    return calls


def test_a_filled_template_is_the_chart_altair_builds_from_the_values():
    # Every kind of chart, a log axis, plan targets, few months, and values that look like the
    # placeholders: each template filled with a chart's values is what Altair builds from those
    # values directly (with its checks on).
    odd = "\ue000series\ue001 og \ue000end\ue001"
    few = _table(
        [Column(key="periode", label=odd, type="period"), Column(key="jc", label=odd, unit=odd)],
        [(dt.date(2011, 12, 1), 196.0), (dt.date(2013, 10, 1), 154.0)],
        ChartSpec(kind="line", x="periode", y=["jc"]),
    )
    calls = _structures(_kinds)
    calls += _structures(lambda: charts.table_chart(few, "T"))
    calls += _structures(lambda: charts.bar_chart([("Under 10", 4090), ("Over 250", 10)], "virksomheder", "T"))
    calls += _structures(lambda: charts.bar_chart([("A", 1.5), ("B", 2)], None, "T", ranked=False))
    calls += _structures(lambda: charts.target_chart([("Mål", 16, "mindst 16 pct."), ("Mål 2", 75, "75")], "pct.", "T"))
    assert len(calls) == 11
    for build, shape, values in calls:
        assert charts._structure(build, shape, values) == json.loads(build(*shape, values)), (build.__name__, shape)
    assert any(odd in json.dumps(charts._structure(*call), ensure_ascii=False) for call in calls)


def test_altair_builds_a_shape_once_whatever_its_names_and_values():
    def line(name: str, start: float) -> dict:
        table = _table(
            [Column(key="periode", label="Periode", type="period"), Column(key="jc", label=name, unit="personer")],
            [(m, start + i) for i, m in enumerate(_months(12))],
            ChartSpec(kind="line", x="periode", y=["jc"], target=start, target_label=f"Mål for {name}"),
        )
        return charts.table_chart(table, name)

    line("Testby", 100.0)  # its shape's template made here, if not before
    before = charts._template.cache_info()
    specs = [line(name, start) for name, start in (("Andeby", 5.0), ("Gåseby", 1e6), ("Ærø", 12.0))]
    after = charts._template.cache_info()
    assert (after.misses, after.hits) == (before.misses, before.hits + 3)
    domains = [re.findall(r'"domain": (\[[^]]*\])', json.dumps(s, ensure_ascii=False)) for s in specs]
    assert domains == [['["Andeby"]'], ['["Gåseby"]'], ['["Ærø"]']]
    assert [s["datasets"][charts.TARGET][0]["label"] for s in specs] == [
        "Mål for Andeby: 5",
        "Mål for Gåseby: 1.000.000",
        "Mål for Ærø: 12",
    ]
