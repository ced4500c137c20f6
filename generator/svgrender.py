"""Rendering SVG fallbacks with vl-convert: what the worker processes of charts.render_pending
run. Imports nothing but vl_convert and the standard library, so a spawned worker starts in a
fraction of a second with ~140 MB (vl-convert's JavaScript runtime) instead of ~250 MB with
pandas, Altair and pydantic."""
from __future__ import annotations

import functools
import os
from pathlib import Path

# Text in the SVG fallbacks is measured with the fonts vl-convert carries (Liberation Sans), not
# with the machine's: the same SVG on every machine, and twice as fast where the machine has
# fonts-liberation (Debian's chromium pulls it in): vl-convert then opens, maps and closes the
# system's font file for every character it measures, ~2,000 times a chart, which was half of
# a chart's ~60 ms. Its font database is made at the first text it measures, from the dirs of
# FONTCONFIG_FILE, or from the system's font folders when that names none.
_MEASURE_SPEC = {"title": "Æg", "data": {"values": [{"a": "x", "b": 1}]}, "mark": "bar",
                 "encoding": {"x": {"field": "a", "type": "nominal"}, "y": {"field": "b", "type": "quantitative"}}}
SVG_VERSION = "own-fonts-1"  # part of the cache key: change it when the SVGs change for a reason of ours


@functools.cache
def vl_convert():
    """The vl_convert module, its text measured with its own fonts (see above). FONTCONFIG_FILE
    is set only while vl-convert makes its font database, so nothing else in the process (fx a
    browser started by the tests) gets it."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "fonts").mkdir()
        conf = Path(folder) / "fonts.conf"
        conf.write_text(f"<?xml version=\"1.0\"?><fontconfig><dir>{folder}/fonts</dir></fontconfig>", encoding="utf-8")
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


def render(spec: dict) -> str:
    return vl_convert().vegalite_to_svg(spec, format_locale="da-DK", time_format_locale="da-DK")


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def render_to(item: tuple[Path, dict]) -> None:
    path, spec = item
    write(path, render(spec))


