"""Small helpers to read built HTML in tests, with the standard library only."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path


class _Tables(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[list[str]]] = {}
        self._stack: list[tuple[str, list]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._count = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self._count += 1
            self._stack.append((a.get("id") or f"table-{self._count}", []))
        elif tag == "tr" and self._stack:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(re.sub(r"\s+", " ", "".join(self._cell)).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None and self._stack:
            self._stack[-1][1].append(self._row)
            self._row = None
        elif tag == "table" and self._stack:
            ident, rows = self._stack.pop()
            self.tables[ident] = rows

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def tables(html: str) -> dict[str, list[list[str]]]:
    """Every table by id (or 'table-N'), as rows of cell texts."""
    p = _Tables()
    p.feed(html)
    return p.tables


def chart_specs(html: str) -> list[dict]:
    """The Vega-Lite spec of every chart figure on a page (kept in its data-jc-spec attribute)."""
    from html import unescape

    return [json.loads(unescape(m[1])) for m in re.findall(r"""data-jc-spec=(["'])(.*?)\1""", html)]


def chart_points(spec: dict) -> list[dict]:
    """A chart's points (not its target line) as x, serie, værdi (and facet), whether they are
    written long or folded: {x, facet, <the series' name>: value} (see generator/views/charts.py)."""
    out = []
    for r in spec["datasets"]["punkter"]:
        if "værdi" not in r:
            [(serie, value)] = [(k, v) for k, v in r.items() if k not in ("x", "facet")]
            r = {"x": r["x"], **({"facet": r["facet"]} if "facet" in r else {}), "serie": serie, "værdi": value}
        out.append(r)
    return out


def text(html: str) -> str:
    """The page's visible-ish text with tags removed and white space folded."""
    body = re.sub(r"<script.*?</script>|<style.*?</style>", " ", html, flags=re.S)
    body = re.sub(r"<[^>]+>", " ", body)
    from html import unescape

    return re.sub(r"\s+", " ", unescape(body))


def page(site: Path, url_path: str) -> str:
    return (site / url_path.strip("/") / "index.html").read_text(encoding="utf-8")
