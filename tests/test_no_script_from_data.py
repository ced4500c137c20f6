"""Text from data/ stays text where no browser is needed to see it: links in Markdown fields and
fact lines, the search index entries the plugin writes, and the figures' CSV files.
(tests/browser/test_hostile_fields.py checks the built site in Chromium.)"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest

from conftest import REGISTRY, write
from generator.data import loader
from generator.data.kinds.plan import Fact
from generator.site import build
from generator.site import listings as overview
from generator.views import markup
from generator.views.kinds.plan import fact_html

RUNS_CODE = [
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik]( javascript:alert(1))",
    "[klik](java\tscript:alert(1))",  # a browser drops tabs and line breaks inside a URL
    "[klik](java\nscript:alert(1))",
    "[klik](data:text/html,x)",
    "[klik](vbscript:msgbox(1))",
    "[klik](file:///etc/passwd)",
    "![billede](javascript:alert(1))",
    "[se her][r]\n\n[r]: javascript:alert(1)",
    "[se her][r]\n\n   [r]: data:text/html,x",
]
ALLOWED = {
    "[sitet](https://jobindsats.dk/)": "https://jobindsats.dk/",
    "[web](http://example.dk)": "http://example.dk",
    "[skriv](mailto:jc@kommune.dk)": "mailto:jc@kommune.dk",
    "[figur](#figur-1)": "#figur-1",
    "[planen](../beskaeftigelsesplan/)": "../beskaeftigelsesplan/",
    "[se her][r]\n\n[r]: https://star.dk": "https://star.dk",
}


def _html(text: str) -> str:
    return str(markup.MarkdownRenderer().html(text))


class _Elements(HTMLParser):
    """The elements of some HTML as (tag, attributes), and its text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.text = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text += data


@pytest.mark.parametrize("text", RUNS_CODE)
def test_a_link_that_runs_code_is_shown_as_text(text):
    html = _html(text)
    assert "<a " not in html and "<img" not in html, html
    first_line = text.split("\n")[0]
    assert re.sub(r"\s+", " ", first_line) in re.sub(r"\s+", " ", html)


@pytest.mark.parametrize("text,href", ALLOWED.items())
def test_links_to_the_web_mail_and_the_site_stay_links(text, href):
    assert f'href="{href}"' in _html(text)


def test_markdown_fields_escape_html_and_attr_list():
    text = 'Tekst <img src=x onerror="alert(1)"> {: onclick="alert(2)" }'
    html = _Elements(_html(text))
    assert html.elements == [("p", {})]
    assert html.text == text


def test_a_fact_line_escapes_as_every_markdown_field():
    fact = Fact(text='Se [klik](javascript:alert(1)) <b>fed</b> {} personer {: onclick="alert(2)" }', value=1603)
    html = _Elements(str(fact_html(fact, markup.MarkdownRenderer())))
    assert html.elements == [("strong", {})]
    assert html.text == 'Se [klik](javascript:alert(1)) <b>fed</b> 1.603 personer {: onclick="alert(2)" }'
    plain = Fact(text="Der er {} ledige", value=12)
    assert fact_html(plain, markup.MarkdownRenderer()) == "Der er <strong>12</strong> ledige"


def _toc(title: str, anchor: str, children=()):
    return SimpleNamespace(title=title, url=f"#{anchor}", id=anchor, level=2, children=list(children))


def test_figure_csv_files_have_the_formula_guard(tmp_path):
    """A spreadsheet runs a cell that starts with = + - @ as a formula: the figures' CSV files
    write such text with a leading apostrophe, as the open-data files do, in names of values
    (a peer jobcentre) and in the headers (the data's column keys)."""
    revision = """
        jobcentre: testby
        year: 2013
        title: Resultatrevision 2013
        tables:
          - id: grupper
            title: Grupper
            file: grupper.csv
            columns:
              - {key: "@gruppe", label: Gruppe, type: text}
              - {key: antal, label: Antal}
            chart: {kind: bar, x: "@gruppe", y: [antal]}
        goals:
          - id: a
            label: Mål 1
            text: Færre ledige
            direction: at_most
            target: 5
            status: 4
            comparisons:
              - {name: '=HYPERLINK("http://x.invalid","Klik")', value: 3}
              - {name: Kolding, value: 4}
            charts: [grupper]
    """
    csv_text = '"@gruppe",antal\n"+SUM(A1)",2\nUnge,3\n'
    write(
        tmp_path,
        {"jobcentres.yaml": REGISTRY, "testby/2013/resultatrevision.yaml": revision, "testby/2013/grupper.csv": csv_text},
    )
    page = build.document_pages(loader.load(tmp_path))[0]
    csvs = {path.rsplit("/", 1)[1]: text for path, text in page.assets.items() if path.endswith(".csv")}
    assert sorted(csvs) == ["figur-1.csv", "figur-2.csv"]
    table_csv, peer_csv = csvs["figur-1.csv"], csvs["figur-2.csv"]
    assert table_csv == "'@gruppe,antal\n'+SUM(A1),2\nUnge,3\n"
    assert peer_csv == 'navn,vaerdi\nKolding,4\n"\'=HYPERLINK(""http://x.invalid"",""Klik"")",3\n'


def test_a_jobcentres_moved_year_page_has_the_name_as_text(tmp_path):
    """The small page at a jobcentre's old year address (listings.moved_pages) names the
    jobcentre from the registry: as text, with one link, to the year on the jobcentre's page."""
    registry = REGISTRY.replace("name: Jobcenter Testby", 'name: "Jobcenter <b>Testby</b> [x](javascript:alert(1))"')
    plan = "jobcentre: testby\nyear: 2021\ntitle: Beskæftigelsesplan 2021\n"
    write(tmp_path, {"jobcentres.yaml": registry, "testby/2021/beskaeftigelsesplan.yaml": plan})
    moved = overview.moved_pages(loader.load(tmp_path))
    assert list(moved) == ["testby/2021/index.html"]
    content = moved["testby/2021/index.html"]
    name = "Jobcenter &lt;b&gt;Testby&lt;/b&gt; [x](javascript:alert(1))"
    assert f"<title>{name} – 2021</title>" in content and f'<a href="../#2021">{name}s dokumenter fra 2021</a>' in content
    html = _Elements(content)
    assert [a["href"] for tag, a in html.elements if tag == "a"] == ["../#2021"]
    assert [tag for tag, _ in html.elements if tag == "script"] == []
