"""Rendering SVG fallbacks with vl-convert: what the worker processes of charts.SvgFallbacks
run. Imports nothing but vl_convert and the standard library, so a spawned worker starts fast
and small (without pandas, Altair and pydantic)."""

from __future__ import annotations

import functools
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
SVG_VERSION = "own-fonts-1 strip-4"


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
    """The SVG without the attributes an <img> never uses, with its font said once, its numbers
    to a hundredth of a pixel, its points as circles and the attributes that runs of marks share
    said once by a group around them, and runs of axis and grid lines as one path: the same
    picture in three fifths fewer bytes."""
    tags = _TAG.sub(lambda m: _compact_tag(_UNUSED_ATTR.sub("", m.group(0))), svg)
    return _LINE_RUN.sub(_one_path, _hoist(_circles(_HIDDEN.sub("", _one_font(tags)))))


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
# lines or labels that all have the same value (the grid's stroke="#ddd" stroke-width="1" on
# every line, the labels' font-size="12px" fill="#000" on every text).
_INHERITED = frozenset(
    "fill fill-opacity stroke stroke-width stroke-opacity stroke-dasharray font-size font-weight font-style text-anchor".split()
)
_LEAF = r"<(?:line|circle|path|rect)\b[^<>]*/>|<text\b[^<>]*>[^<]*</text>"
_RUN = re.compile(f"(?:{_LEAF}){{2,}}")
_LEAVES = re.compile(_LEAF)
_ATTR = re.compile(r'\s([\w:-]+)="([^"]*)"')


def _hoist_run(m: re.Match) -> str:
    leaves = _LEAVES.findall(m.group(0))
    heads = [leaf[: leaf.index(">") + 1] for leaf in leaves]
    common = set.intersection(*({a for a in _ATTR.findall(head) if a[0] in _INHERITED} for head in heads))
    if not common:
        return m.group(0)
    said = [f' {name}="{value}"' for name, value in sorted(common)]
    out = []
    for leaf, head in zip(leaves, heads):
        for attr in said:
            head = head.replace(attr, "", 1)
        out.append(head + leaf[leaf.index(">") + 1 :])
    return "<g" + "".join(said) + ">" + "".join(out) + "</g>"


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
