"""Text from data is shown as text and runs nothing, wherever it lands: Markdown, HTML
attributes, page titles, chart titles and the chart JSON embedded in the page."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
import yaml

from browser.serving import serve
from browser.test_pages import SCROLL_TO_CHARTS
from conftest import ROOT, copy_project, run_mkdocs_build, write

SCRIPT = "<script>alert(1)</script>"
END_SCRIPT = "</script><script>alert(2)</script>"
ATTR = '" onmouseover="alert(3)'
ATTR1 = "' onmouseover='alert(4)"
MD_LINK = "[klik her](javascript:alert(5))"
MD_ATTR = "{: onclick=alert(6) }"
HOSTILE = [SCRIPT, END_SCRIPT, ATTR, ATTR1]

DOC = {
    "jobcentre": "testby",
    "year": 2020,
    "title": f"Revision {SCRIPT} {ATTR}",
    "intro": f"Indledning {SCRIPT} og {END_SCRIPT}, se {{ref:grupper}}.\n\nSe {MD_LINK}.\n\nAfsnit med attributter {MD_ATTR}",
    "sources": [{"name": f"Kilde {SCRIPT}", "url": "javascript:alert(7)"}],
    "goals": [
        {
            "id": "maal",
            "label": f"Mål {ATTR1}",
            "title": f"Titel {END_SCRIPT}",
            "text": f"Tekst {ATTR} {SCRIPT}",
            "direction": "at_most",
            "unit": f"personer {SCRIPT}",
            "baseline": 10,
            "status": 8,
            "target": 9,
            "explanation": f"Forklaring {MD_LINK}\n\n[ref]: javascript:alert(8)",
            "notes": [{"heading": f"Note {ATTR}", "text": f"Bemærk {SCRIPT}"}],
            "charts": ["serie"],
            "comparisons": [{"name": f"By {SCRIPT}", "value": 3}, {"name": f"By {ATTR}", "value": 4}],
        }
    ],
    "tables": [
        {
            "id": "serie",
            "title": f"Serie {END_SCRIPT} {ATTR}",
            "file": "serie.csv",
            "columns": [
                {"key": "periode", "label": "Måned", "type": "period"},
                {"key": "antal", "label": f"Antal {SCRIPT}", "unit": "personer"},
            ],
            "chart": {"kind": "line", "x": "periode", "y": ["antal"], "target": 9, "target_label": f"Mål {END_SCRIPT}"},
        },
        {
            "id": "grupper",
            "title": f"Grupper {SCRIPT}",
            "file": "grupper.csv",
            "columns": [
                {"key": "gruppe", "label": f"Gruppe {ATTR}", "type": "text"},
                {"key": "andel", "label": "Andel", "unit": "pct."},
            ],
            "chart": {"kind": "bar", "x": "gruppe", "y": ["andel"]},
        },
    ],
    "sections": [{"heading": f"Afsnit {END_SCRIPT}", "body": f"Tekst {MD_ATTR}", "tables": ["grupper"]}],
}
CSV_GROUPS = 'gruppe,andel\n"<script>alert(1)</script>",2.5\n"Gruppe "" onmouseover=""alert(3)",3.5\n'


class _Parsed(HTMLParser):
    """Visible text, attributes and script bodies of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.attrs += [(tag, k, v or "") for k, v in attrs]
        if tag == "script":
            self._script = dict(attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self.scripts.append((self._script, data))
        else:
            self.text.append(data)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("hostile")
    registry = yaml.safe_load((ROOT / "data/jobcentres.yaml").read_text(encoding="utf-8"))
    registry["jobcentres"].append(
        {
            "slug": "testby",
            "name": f"Jobcenter Testby {SCRIPT}",
            "municipalities": [f"Testby {ATTR} Kommune"],
            "region": "Hovedstaden",
        }
    )
    copy_project(project)
    write(
        project,
        {
            "data/jobcentres.yaml": yaml.safe_dump(registry, allow_unicode=True),
            "data/testby/2020/resultatrevision.yaml": yaml.safe_dump(DOC, allow_unicode=True),
            "data/testby/2020/serie.csv": "periode,antal\n2019-12,10\n2020-12,8\n",
            "data/testby/2020/grupper.csv": CSV_GROUPS,
        },
    )
    site = project / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_hostile_text_is_text_in_the_html(hostile_site):
    html = (hostile_site / "testby/2020/resultatrevision/index.html").read_text(encoding="utf-8")
    page = _Parsed()
    page.feed(html)
    text = " ".join("".join(page.text).split())

    assert not re.search(r"<script>alert", html, re.I)
    assert [a for a in page.attrs if a[1].startswith("on")] == []
    assert [a for a in page.attrs if a[1] in ("href", "src") and re.match(r"\s*(javascript|data):", a[2], re.I)] == []
    # Shown as the very characters that were written:
    for hostile in [*HOSTILE, MD_LINK, MD_ATTR, "[ref]: javascript:alert(8)"]:
        assert hostile in text, hostile
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert SCRIPT.replace("<", "&lt;").replace(">", "&gt;") in title and "&amp;" not in title
    # {ref:ID} in Markdown becomes a link with the number the figure has on this page.
    ref = re.search(r'<a href="#figur-grupper">figur (\d+)</a>', html)
    caption = re.search(r'<figure class="jc-figure" id="figur-grupper">\s*<figcaption>Figur (\d+):', html)
    assert ref and caption and ref.group(1) == caption.group(1)
    # The chart JSON survives the page intact: titles read back exactly as written.
    specs = [json.loads(value) for tag, name, value in page.attrs if name == "data-jc-spec"]
    assert len(specs) == 3
    titles = [s["description"] for s in specs]
    assert DOC["tables"][0]["title"] in titles and DOC["tables"][1]["title"] in titles


def test_hostile_text_runs_nothing_in_the_browser(hostile_site, browser):
    dialogs = []
    context = browser.new_context()
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with serve(hostile_site) as base:
        page.goto(base + "testby/2020/resultatrevision/")
        page.evaluate(SCROLL_TO_CHARTS)
        page.wait_for_function(
            "document.querySelectorAll('[data-jc-chart]').length > 0 && "
            "[...document.querySelectorAll('[data-jc-chart]')].every(e => e.dataset.jcRendered)"
        )
        for el in page.locator(":is(.md-content h1, .md-content h2, .md-content h3, td, th, p):visible").all():
            el.hover(timeout=2000)
        tooltips = []
        for mark in page.locator(".jc-chart__view :is(.mark-symbol, .mark-rect) path").all():
            mark.hover(timeout=2000, force=True)
            tooltips.append(
                page.eval_on_selector("#vg-tooltip-element", "e => [e.textContent, e.querySelectorAll('script').length]")
            )
        page.get_by_text("klik her").first.click()
        # the chart's one title is its caption (no title drawn in the chart)
        live_titles = page.eval_on_selector_all(".jc-figure figcaption", "els => els.map(e => e.textContent)")
        document_title = page.title()
    context.close()
    assert dialogs == []
    assert any(SCRIPT in text for text, _ in tooltips) and all(n == 0 for _, n in tooltips)
    assert any(DOC["tables"][0]["title"] in t for t in live_titles)
    assert SCRIPT in document_title
