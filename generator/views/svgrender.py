"""Rendering SVG fallbacks with vl-convert: what the worker processes of charts.SvgFallbacks
run. Imports nothing but vl_convert and the standard library, so a spawned worker starts fast
and small (without pandas, Altair and pydantic)."""

from __future__ import annotations

import collections
import functools
import itertools
import os
import re
from pathlib import Path

# Text in the SVG fallbacks is measured with the fonts vl-convert carries (Liberation Sans), not
# with the machine's: the same SVG on every machine, and twice as fast where the machine has
# fonts-liberation (Debian's chromium pulls it in): vl-convert then opens, maps and closes the
# system's font file for every character it measures, thousands of times a chart (half of its
# rendering time; bench/README.md). Its font database is made at the first text it measures, from the dirs of
# FONTCONFIG_FILE, or from the system's font folders when that names none.
_MEASURE_SPEC = {
    "title": "Æg",
    "data": {"values": [{"a": "x", "b": 1}]},
    "mark": "bar",
    "encoding": {"x": {"field": "a", "type": "nominal"}, "y": {"field": "b", "type": "quantitative"}},
}
# Part of the SVG cache key: change it when the SVGs change for a reason of ours (fonts, strip_svg).
SVG_VERSION = "own-fonts-1 strip-5"


@functools.cache
def vl_convert():
    """The vl_convert module, its text measured with its own fonts (see above). FONTCONFIG_FILE
    is set only while vl-convert makes its font database, so nothing else in the process (fx a
    browser started by the tests) gets it."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "fonts").mkdir()
        conf = Path(folder) / "fonts.conf"
        conf.write_text(f'<?xml version="1.0"?><fontconfig><dir>{folder}/fonts</dir></fontconfig>', encoding="utf-8")
        old = os.environ.get("FONTCONFIG_FILE")
        os.environ["FONTCONFIG_FILE"] = str(conf)
        try:
            import vl_convert as vlc

            vlc.vegalite_to_svg(_MEASURE_SPEC)
        finally:
            if old is None:
                del os.environ["FONTCONFIG_FILE"]
            else:
                os.environ["FONTCONFIG_FILE"] = old
    return vlc


def render_raw(spec: dict | str) -> str:
    """vl-convert's SVG of a spec (a dict, or its JSON), as it comes (see strip_svg)."""
    return vl_convert().vegalite_to_svg(spec, format_locale="da-DK", time_format_locale="da-DK")


def render(spec: dict | str) -> str:
    """The SVG fallback of a spec: vl-convert's SVG without what an <img> never uses."""
    return strip_svg(render_raw(spec))


# What vl-convert writes and an SVG shown by <img> never uses: classes and ARIA (no style sheet or
# screen reader reaches inside an image), pointer-events (an image gets no events) and
# opacity="1" (the default; opacity is not inherited, unlike fill-opacity and stroke-opacity,
# which stay). Only inside tags: a title's text stays as written. A fifth of a fallback's bytes.
_TAG = re.compile(r'<[A-Za-z][^>"]*(?:"[^"]*"[^>"]*)*>')
_UNUSED_ATTR = re.compile(r'\s(?:class|role|aria-[\w-]+|pointer-events)="[^"]*"|\sopacity="1"')
_FONT = re.compile(r' font-family="[^"]*"')


def strip_svg(svg: str) -> str:
    """The same picture in a quarter of the bytes vl-convert writes (a sixth for a line chart), step by step:

    1. the attributes an <img> never uses left out, numbers to a hundredth of a pixel;
    2. the font said once, by the root;
    3. labels and marks drawn fully transparent left out;
    4. a point a <circle>, empty paths left out;
    5. a run of points that differ only in where they are: one marker, drawn at every vertex of
       an unpainted path through them;
    6. the attributes a run of marks, lines or labels shares said once, by a group around it;
    7. a run of grid lines or ticks one path of as many segments (which says its stroke itself);
    8. moves by nothing left out, groups without attributes unwrapped, paths nothing paints left out;
    9. the root without the namespace and version nothing reads."""
    svg = _TAG.sub(lambda m: _compact_tag(_UNUSED_ATTR.sub("", m.group(0))), svg)
    svg = _one_font(svg)
    svg = _HIDDEN.sub("", svg)
    svg = _circles(svg)
    svg = _markers(svg)
    svg = _hoist(svg)
    svg = _LONE.sub(_lone, _LINE_RUN.sub(_one_path, svg))
    return _root(_prune(svg))


# vl-convert writes coordinates as computed (28.38340486409156, 63.99999999999999); a hundredth
# of a pixel is finer than any screen or printer draws the fallback. Only inside tags.
_LONG_NUMBER = re.compile(r"-?\d+\.\d{3,}")
_LINE_ZERO = re.compile(r'\s[xy][12]="0"')  # a line's x1, y1, x2, y2 default to 0
_NOTHING = re.compile(r'<path d="(?:M0,0h0v0h0Z)?"(?: display="none")?/>')  # empty paths: draw nothing
# Marks and labels drawn fully transparent (Vega hides axis labels that would overlap that way).
_HIDDEN = re.compile(r'<text\b[^<>]*\sopacity="0"[^<>]*>[^<]*</text>|<(?:line|path|rect|circle)\b[^<>]*\sopacity="0"[^<>]*/>')


def _short_number(m: re.Match) -> str:
    text = f"{float(m.group(0)):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _compact_tag(tag: str) -> str:
    tag = _LONG_NUMBER.sub(_short_number, tag)
    return _LINE_ZERO.sub("", tag) if tag.startswith("<line") else tag


# A point mark: a circle drawn as two arcs around a translated origin.
_DOT = re.compile(r'<path transform="translate\((-?[\d.]+),(-?[\d.]+)\)" d="M([\d.]+),0A\3,\3,0,1,1,-\3,0A\3,\3,0,1,1,\3,0"')


def _circles(svg: str) -> str:
    return _NOTHING.sub("", _DOT.sub(lambda m: f'<circle cx="{m.group(1)}" cy="{m.group(2)}" r="{m.group(3)}"', svg))


# Attributes a child inherits from its group: said once by a group around a run of marks, axis
# lines or labels that all say it (the grid's stroke="#ddd" stroke-width="1" on every line, the
# labels' font-size="12px" fill="#000" on every text), with the value most of them have: the
# others keep their own, which wins over the group's (the first x label's text-anchor="start",
# the other series' bars).
_INHERITED = frozenset(
    "fill fill-opacity stroke stroke-width stroke-opacity stroke-dasharray font-size font-weight font-style text-anchor".split()
)
# A mark, or a label with its lines.
_LEAF = r"<(?:line|circle|path|rect)\b[^<>]*/>|<text\b[^<>]*>(?:[^<]|<tspan\b[^<>]*>[^<]*</tspan>)*</text>"
_RUN = re.compile(f"(?:{_LEAF}){{2,}}")
_LEAVES = re.compile(_LEAF)
_ATTR = re.compile(r'\s([\w:-]+)="([^"]*)"')


def _hoist_run(m: re.Match) -> str:
    leaves = _LEAVES.findall(m.group(0))
    heads = [leaf[: leaf.index(">") + 1] for leaf in leaves]
    inherited = [{k: v for k, v in _ATTR.findall(head) if k in _INHERITED} for head in heads]
    said = []
    for name in sorted(set.intersection(*(set(attrs) for attrs in inherited))):
        value, count = collections.Counter(attrs[name] for attrs in inherited).most_common(1)[0]
        if count > 1:
            said.append(f' {name}="{value}"')
    if not said:
        return m.group(0)
    out = []
    for leaf, head in zip(leaves, heads):
        for attr in said:
            head = head.replace(attr, "", 1)
        out.append(head + leaf[leaf.index(">") + 1 :])
    return "<g" + "".join(said) + ">" + "".join(out) + "</g>"


# A group around one mark, only to say what the mark inherits (a run of grid lines made one
# path): the mark says it itself.
_LONE = re.compile(r'<g((?: [\w-]+="[^"]*")+)>(<(?:line|circle|path|rect)\b)([^<>]*/>)</g>')


def _lone(m: re.Match) -> str:
    said = _ATTR.findall(m.group(1))
    if any(k not in _INHERITED for k, _ in said) or any(k in _INHERITED for k, _ in _ATTR.findall(m.group(3))):
        return m.group(0)
    return m.group(2) + m.group(1) + m.group(3)


def _hoist(svg: str) -> str:
    return _RUN.sub(_hoist_run, svg)


# A grid line or tick: a line moved into place, from (0, 0) to (x2, y2), its stroke said by its
# group (_hoist). A run of them is one path of as many segments: the same strokes.
_LINE = r'<line transform="translate\((-?[\d.]+),(-?[\d.]+)\)"((?: [xy]2="-?[\d.]+")*)/>'
_LINE_RUN = re.compile(r'(?:<line transform="translate\(-?[\d.]+,-?[\d.]+\)"(?: [xy]2="-?[\d.]+")*/>){2,}')
_LINES = re.compile(_LINE)
_END = re.compile(r'([xy])2="(-?[\d.]+)"')


def _segment(m: re.Match) -> str:
    end = dict(_END.findall(m.group(3)))
    x, y = end.get("x", "0"), end.get("y", "0")
    step = f"v{y}" if x == "0" else f"h{x}" if y == "0" else f"l{x},{y}"
    return f"M{m.group(1)},{m.group(2)}{step}"


def _one_path(m: re.Match) -> str:
    return '<path d="' + "".join(_segment(line) for line in _LINES.finditer(m.group(0))) + '"/>'


# A run of points that differ only in where they are (a line chart's months): the circle once,
# as a marker, drawn at every vertex of a path through the points that paints nothing itself.
# Markers are drawn in the order of the vertices, each on its own, as the circles were; the
# marker sits where the circles did, so it inherits what they did, and it is not scaled
# (userSpaceOnUse) or clipped (overflow). Only paint moves into the marker: a circle placed or
# clipped otherwise (transform, clip-path, a url() paint) stays as it is, and so does a lone one.
_CIRCLE_RUN = re.compile(r"(?:<circle\b[^<>]*/>){2,}")
_CIRCLE = re.compile(r"<circle\b[^<>]*/>")
_PAINT = frozenset("r fill fill-opacity stroke stroke-width stroke-opacity stroke-dasharray opacity".split())


def _markers(svg: str) -> str:
    ids = (f"p{n}" for n in itertools.count() if f'id="p{n}"' not in svg)

    def run(m: re.Match) -> str:
        circles = [(c, _ATTR.findall(c)) for c in _CIRCLE.findall(m.group(0))]
        out: list[str] = []
        for paint, same in itertools.groupby(circles, key=lambda c: tuple(a for a in c[1] if a[0] not in ("cx", "cy"))):
            texts, points = zip(*((c, dict(attrs)) for c, attrs in same))
            if len(points) < 2 or any(k not in _PAINT or "url(" in v for k, v in paint):
                out += texts
                continue
            id = next(ids)
            d = " ".join(f"{p.get('cx', '0')},{p.get('cy', '0')}" for p in points)
            said = "".join(f' {k}="{v}"' for k, v in paint)
            url = f'"url(#{id})"'
            out.append(
                f'<marker id="{id}" markerUnits="userSpaceOnUse" overflow="visible"><circle{said}/></marker>'
                f'<path fill="none" stroke="none" marker-start={url} marker-mid={url} marker-end={url} d="M{d}"/>'
            )
        return "".join(out)

    return _CIRCLE_RUN.sub(run, svg)


# Every tag (an element's start, end or whole empty element) with its attributes.
_NODE = re.compile(r'<(/?)([A-Za-z]+)((?:[^<>"/]|"[^"]*")*)(/?)>')
# What a path that says none of them gets from its groups: the root's defaults, or a group's.
_PAINTED_BY = {"fill": "black", "stroke": "none", "marker-start": "none", "marker-mid": "none", "marker-end": "none"}
# A group with one of these depends on its children's extent (fx a clip in objectBoundingBox units).
_BY_EXTENT = ("clip-path", "mask", "filter")


_NO_MOVE = ' transform="translate(0,0)"'


def _prune(svg: str) -> str:
    """The translate(0,0) that moves nothing left out; groups left without attributes unwrapped,
    their children kept in order; a path with nothing but its outline (vl-convert's group
    backgrounds, M0,0h632v280h-632Z) left out where its groups paint it with neither fill nor
    stroke nor marker: not in a clip path, marker or mask, nor in a group whose clip, mask or
    filter depends on its children's extent."""
    edits: list[tuple[int, int, str]] = []  # where, and what instead
    stack: list[tuple[bool, dict, bool]] = []  # per open element: unwrapped, what it passes on, children may go
    for m in _NODE.finditer(svg):
        end, name, attrs, empty = m.groups()
        if end:
            if not stack:
                return svg  # not a tree this reads: left as it is
            if stack.pop()[0]:
                edits.append((*m.span(), ""))
            continue
        attrs = attrs.replace(_NO_MOVE, "", 1)
        tag = f"<{name}{attrs}{empty}>"
        parent, may_go = stack[-1][1:] if stack else (_PAINTED_BY, True)
        said = dict(_ATTR.findall(attrs))
        passed = {**parent, **{k: v for k, v in said.items() if k in _PAINTED_BY}}
        if empty:
            unpainted = passed == {**_PAINTED_BY, "fill": "none"}
            if name == "path" and list(said) == ["d"] and may_go and unpainted:
                tag = ""
        else:
            bare = name == "g" and not attrs.strip()
            tag = "" if bare else tag
            stack.append((bare, passed, may_go and name in ("svg", "g") and not any(k in said for k in _BY_EXTENT)))
        if tag != m.group(0):
            edits.append((*m.span(), tag))
    if stack:
        return svg
    out, pos = [], 0
    for start, stop, tag in edits:
        out.append(svg[pos:start] + tag)
        pos = stop
    return "".join(out) + svg[pos:]


_XLINK = re.compile(r' xmlns:xlink="[^"]*"')


def _root(svg: str) -> str:
    """The root without its version (no browser reads it) and, where nothing uses it, the xlink namespace."""
    root = _TAG.match(svg)
    if not root or not svg.startswith("<svg "):
        return svg
    head, rest = root.group(0).replace(' version="1.1"', "", 1), svg[root.end() :]
    return (head if "xlink:" in rest else _XLINK.sub("", head)) + rest


def _one_font(svg: str) -> str:
    """vl-convert names the font on every text (a tenth of the SVG); font-family is inherited,
    so when every text has the same one, the root says it once instead."""
    tags = [m.group(0) for m in _TAG.finditer(svg)]
    fonts = {f for tag in tags for f in _FONT.findall(tag)}
    if len(fonts) != 1 or not svg.startswith("<svg ") or any(not _FONT.search(t) for t in tags if t.startswith("<text")):
        return svg
    stripped = _TAG.sub(lambda m: _FONT.sub("", m.group(0)), svg)
    return "<svg" + fonts.pop() + stripped[4:]


def render_to(item: tuple[Path, dict | str]) -> None:
    """Render a spec into its entry of the chart cache (path: the entry's file)."""
    from generator.cache import Store

    path, spec = item
    Store(path.parent).put(path.name, render(spec).encode("utf-8"))


def vega_bundle(store) -> str:
    """vega, vega-lite and vega-embed in one file, an entry of the chart cache (a cache.Store)
    keyed by vl-convert's version; returns its key."""
    import vl_convert as vlc  # its version; its JavaScript runtime only starts when the bundle is made

    key = f"vega-bundle-{getattr(vlc, '__version__', 'x')}.js"
    if store.get(key) is None:
        store.put(key, vl_convert().javascript_bundle().encode("utf-8"))
    return key
