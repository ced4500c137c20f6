"""SVG fallbacks measure their text with vl-convert's own fonts: the same SVG on every machine."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from generator.views import charts, svgrender

# Long bar labels: the chart's width follows their measured width, which differs by a pixel
# between vl-convert's Liberation Sans and the one Debian's fonts-liberation installs.
BARS = [
    ("Måltal 3, uddannelsesparate unge", 26),
    ("Måltal 3, aktivitetsparate unge", 53),
    ("Måltal 6, uddannelsesparate unge", 26),
    ("Måltal 6, aktivitetsparate unge", 28),
    ("Måltal 11, uddannelsesparate unge", 71),
    ("Måltal 11, aktivitetsparate unge", 63),
]

RENDER_WITH_OWN_FONTS_ONLY = """
import json, sys, vl_convert
print(vl_convert.vegalite_to_svg(json.load(sys.stdin), format_locale="da-DK", time_format_locale="da-DK"), end="")
"""


def test_svg_is_measured_with_vl_converts_own_fonts(tmp_path):
    spec = charts.bar_chart(BARS, "pct.", "Måltal i Beskæftigelsesplan 2010", ranked=False)
    fixed = charts._fixed_width(spec)
    (tmp_path / "fonts").mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig><dir>{tmp_path}/fonts</dir></fontconfig>')
    # A process that sees no font folder at all: vl-convert has only its own fonts.
    reference = subprocess.run(
        [sys.executable, "-c", RENDER_WITH_OWN_FONTS_ONLY],
        input=json.dumps(fixed),
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "FONTCONFIG_FILE": str(conf)},
    ).stdout
    assert reference.startswith("<svg")
    assert charts.svg(spec) == svgrender.strip_svg(reference)


def test_font_setting_does_not_leak_into_the_process():
    before = os.environ.get("FONTCONFIG_FILE")
    svgrender.vl_convert()
    assert os.environ.get("FONTCONFIG_FILE") == before
