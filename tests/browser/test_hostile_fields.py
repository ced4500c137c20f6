"""A script payload in every text field the models define runs nowhere on the built site.

The seed project gets a payload in every text field (tests/browser/hostile_fields.py finds them
in generator/data/models.py, so a field added later is covered without a change here), in the
registry's jobcentre fields and in every text cell of the CSV files. The site is built and
opened in Chromium, and nothing may run:
- when any page of the site loads (and its charts are drawn);
- when a reader searches, on every page kind, for the jobcentres' names and the word every
  payload carries, and, on the front page, for each field's own word that the index holds;
- when every link in the content of the document pages is clicked.
A payload that runs calls alert(<its number>) and sets window.__pwned; both are watched.
test_the_detector_sees_a_payload_that_runs shows that the same checks catch one that does run.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

import siteindex
from browser.hostile_fields import CSV_TEXT_CELL, MARKER, code, make_hostile_project, payload, uncovered, word
from browser.serving import serve
from browser.test_pages import SCROLL_TO_CHARTS
from conftest import ROOT, copy_project, run_mkdocs_build
from test_search import FRAGMENT_HEADER, fragments

DOCUMENT_KINDS = {"beskaeftigelsesplan", "resultatrevision", "tilbagemelding", "referat"}
CONTENT_LINKS = ".md-content a[href]"
# Served under its site_url's path, as GitHub Pages serves it (404.html uses absolute paths).
TOOLTIP_MARKS = 3  # marks hovered per chart
PREFIX = urlsplit(siteindex.site_url(ROOT)).path or "/"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """(site folder, injector): the seed project with payloads, built with --strict."""
    project = copy_project(tmp_path_factory.mktemp("hostile-fields"))
    injector = make_hostile_project(project)
    site = project / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return site, injector


class Detector:
    """One browser tab that records every payload that runs: the numbers given to alert()
    and window.__pwned."""

    def __init__(self, browser, base_url: str):
        self.base_url = base_url
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
        # Nothing leaves the machine; a payload's <img src=x> asks the test server.
        self.context.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith((base_url, "data:", "blob:")) else r.abort()
        )
        self.page = self.context.new_page()
        self.fired: list[str] = []
        self.tooltips = 0  # marks hovered
        self.chart_errors: list[str] = []  # charts that failed to draw
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.fired.append(dialog.message)
        dialog.dismiss()

    def close(self):
        self.context.close()

    def take(self) -> set[int]:
        """The payload numbers that ran since the last take()."""
        flag = self.page.evaluate("() => { const v = window.__pwned; window.__pwned = undefined; return v; }")
        out = {int(m) for m in self.fired if m.isdigit()}
        if flag is not None:
            out.add(int(flag))
        if (flag is not None or self.fired) and not out:
            out.add(-1)  # something ran, though not one of ours
        self.fired.clear()
        return out

    def settle(self, charts: bool = False) -> None:
        """Wait until every image has loaded or failed (a payload's onerror has run) and, with
        charts, every chart on the page is drawn or has failed (scrolled to: charts are drawn
        near the viewport, and their SVG fallbacks, hidden, never load)."""
        if charts:
            self.page.evaluate(SCROLL_TO_CHARTS)
        self.page.wait_for_function(
            "charts => [...document.images].every(i => i.complete || (i.matches('.jc-chart__fallback') && !i.checkVisibility()))"
            " && (!charts || "
            "[...document.querySelectorAll('[data-jc-chart]')].every(e => e.dataset.jcRendered || e.dataset.jcError))",
            arg=charts,
            timeout=20000,
        )
        # An image's error event is a task of its own, queued when it fails: let it run.
        self.page.evaluate("() => new Promise(done => setTimeout(done, 100))")

    def load(self, url: str, tooltips: bool = False) -> set[int]:
        """Open the page, let its charts draw and, with tooltips, hover a few marks of each
        chart so that Vega shows their tooltips (text from data/ in titles and values)."""
        self.page.goto(self.base_url + url, wait_until="load")
        self.settle(charts=True)
        self.chart_errors += [
            f"{url}: {e}" for e in self.page.eval_on_selector_all("[data-jc-error]", "els => els.map(e => e.dataset.jcError)")
        ]
        if tooltips:
            for chart in self.page.locator(".jc-chart__view").all():
                for mark in chart.locator(":is(.mark-symbol, .mark-rect) path").all()[:TOOLTIP_MARKS]:
                    try:
                        mark.hover(force=True, timeout=2000)
                    except PlaywrightError:  # a bar of zero size, or one outside the view
                        continue
                    self.tooltips += 1
                    self.settle()
        return self.take()

    def search(self, query: str) -> set[int]:
        """Type query into the site's search (the dialog in the header) and let every result
        render: it shows a few at a time, and more at each press of its button."""
        page = self.page
        if not page.locator("#jc-search").evaluate("d => d.open"):
            page.locator("button.jc-search-open").click()
        field = page.locator("#jc-search input.jc-search__input")
        field.wait_for(state="visible", timeout=10_000)
        field.fill(query)
        # The dialog's status line says "N resultater for <query>" once the results are shown.
        page.wait_for_function(
            """q => document.getElementById('jc-search-status').textContent.includes(q)""",
            arg=query,
            timeout=10_000,
        )
        more = page.locator("#jc-search button.jc-search__more:visible")
        while more.count():
            shown = self.results()
            more.first.click()
            try:
                page.wait_for_function(
                    "n => document.querySelectorAll('#jc-search .jc-search__result').length > n", arg=shown, timeout=5000
                )
            except PlaywrightTimeout:
                break
        self.settle()
        return self.take()

    def results(self) -> int:
        return self.page.locator("#jc-search .jc-search__result").count()

    def click_links(self, url: str) -> tuple[set[int], int, list[str]]:
        """Click every link in the page's content, one at a time, coming back to the page after
        each that leaves it. Returns what ran, the links clicked, and their addresses that run
        code (javascript:, data:, vbscript:)."""
        fired: set[int] = set()
        fired |= self.load(url)
        hrefs = self.page.eval_on_selector_all(CONTENT_LINKS, "els => els.map(e => e.getAttribute('href'))")
        unsafe = [h for h in hrefs if re.match(r"\s*(javascript|data|vbscript):", h, re.I)]
        for i in range(len(hrefs)):
            for attempt in (1, 2):
                if attempt == 2 or self.page.url.split("#")[0] != self.base_url + url:
                    fired |= self.load(url)
                link = self.page.locator(CONTENT_LINKS).nth(i)
                try:
                    if link.get_attribute("download") is not None:
                        with self.page.expect_download():
                            link.click()
                    else:
                        link.click(force=True, no_wait_after=True)
                    break
                except PlaywrightError:  # the page was still leaving for the link clicked before
                    if attempt == 2:
                        raise
            self.page.wait_for_timeout(100)  # a navigation the click starts has begun
            self.page.wait_for_load_state("load")
            self.settle()
            fired |= self.take()
        return fired, len(hrefs), unsafe


def _report(capsys, lines: list[str]) -> None:
    """Print the figures past pytest's capture, so that every run shows them."""
    with capsys.disabled():
        print("\n" + "\n".join(lines))


def test_every_text_field_gets_a_payload(hostile, capsys):
    _, injector = hostile
    missing = uncovered(injector)
    fields = sorted(injector.covered)
    _report(
        capsys,
        [
            f"hostile fields: {len(fields)} text fields with a payload "
            f"({sum(injector.covered.values())} values), uncovered: {missing or 'none'}"
        ],
    )
    assert missing == []
    # The discovery reaches nested models, lists of text, the registry and the CSV cells:
    for key in [
        ("Jobcentre", "name"),
        ("Jobcentre", "municipalities"),
        ("Goal", "text"),
        ("Fact", "text"),
        ("Column", "label"),
        ("LegalFrame", "requirements"),
        ("Decision", "text"),
        ("Member", "name"),
        ("PeerValue", "name"),
        CSV_TEXT_CELL,
    ]:
        assert injector.covered.get(key), key
    assert len(fields) >= 100


@pytest.mark.timeout(900)  # every page of the hostile site in Chromium: the suite's longest test by far
def test_no_payload_runs_anywhere(hostile, browser, capsys):
    site, injector = hostile
    names = {n: key for key, n in injector.numbers.items()}
    pages = siteindex.scan(site, ROOT / "docs")
    kinds = siteindex.representatives(pages)
    ran: dict[str, set[int]] = {"page load": set(), "search": set(), "link click": set()}
    tried = {"page load": 0, "search": 0, "link click": 0}
    unsafe_links: list[str] = []
    with serve(site, PREFIX) as base:
        d = Detector(browser, base)
        try:
            for url, page in sorted(pages.items()):
                ran["page load"] |= d.load(url, tooltips=page.kind in DOCUMENT_KINDS)
                tried["page load"] += 1
            queries = ["Hvidovre", "Taastrup", MARKER]
            for kind, page in sorted(kinds.items()):
                d.load(page.url)
                for q in queries:
                    ran["search"] |= d.search(q)
                    tried["search"] += 1
            # Each field's own word, where the search index has it as a word of its own (a word it
            # lacks finds nothing; one glued to the text before it, as 'Klynge' + 'pwncqx' from a
            # table's heading cell and data cell, is found by MARKER above).
            indexed = " ".join(f"{r['content']} {' '.join(r['meta'].values())}" for r in fragments(site).values())
            words = [
                word(n)
                for key, n in sorted(injector.numbers.items(), key=lambda kv: kv[1])
                if injector.covered.get(key) and re.search(rf"(?<!\S){word(n)}\b", indexed)
            ]
            d.load("")
            not_found = []
            for w in words:
                ran["search"] |= d.search(w)
                tried["search"] += 1
                if not d.results():
                    not_found.append(w)
            for url, page in sorted(pages.items()):
                if page.kind in DOCUMENT_KINDS:
                    fired, clicked, unsafe = d.click_links(url)
                    ran["link click"] |= fired
                    tried["link click"] += clicked
                    unsafe_links += unsafe
            tooltips, chart_errors = d.tooltips, d.chart_errors
        finally:
            d.close()
    lines = [
        f"hostile fields: {len(injector.covered)} fields, {len(pages)} pages, {len(kinds)} page kinds; "
        f"{len(words)} fields' words in the search index, {len(words) - len(not_found)} found by searching; "
        f"{tooltips} chart tooltips shown"
    ]
    for place, numbers in ran.items():
        lines.append(
            f"  {place}: {tried[place]} tried -> payloads of {len(numbers)} fields ran: "
            + ", ".join(sorted(".".join(names.get(n, ("?", str(n)))) for n in numbers))
        )
    _report(capsys, lines)
    assert {place: sorted(n) for place, n in ran.items() if n} == {}
    assert unsafe_links == [] and tried["link click"] > 100
    assert not_found == [] and len(words) > 20  # each search found its word
    assert tooltips > 10 and chart_errors == []  # every chart drew, payloads in its texts and all


def test_the_detector_sees_a_payload_that_runs(hostile, browser, tmp_path):
    """The checks above on a copy of the built site where one payload is left unescaped: in a
    page, in a search index record, and as a link."""
    site, injector = hostile
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    n = injector.numbers[("Goal", "title")]
    page = copy / "hvidovre/2013/resultatrevision/index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(
        html.replace("</article>", f'<p><a href="javascript:{code(n)}">klik</a> {payload(n, False)}</p></article>', 1),
        encoding="utf-8",
    )
    # the goals' result sentences of a revision's search record hold the payload as HTML, and the
    # site's search script shows them without its escaping (as a bug of ours would)
    for path in (copy / "pagefind/fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        record = json.loads(raw[len(FRAGMENT_HEADER) :])
        if record["url"].endswith("/hvidovre/2013/resultatrevision/"):
            for key in [k for k in record["meta"] if k.startswith("resultat-")]:
                record["meta"][key] = f'<img src=x onerror="{code(n)}">'
            path.write_bytes(gzip.compress(FRAGMENT_HEADER + json.dumps(record).encode()))
    script = copy / "assets/javascripts/jc-search.js"
    assert ".textContent = sentence;" in script.read_text(encoding="utf-8")
    script.write_text(
        script.read_text(encoding="utf-8").replace(".textContent = sentence;", ".innerHTML = sentence;"), encoding="utf-8"
    )
    with serve(copy, PREFIX) as base:
        d = Detector(browser, base)
        try:
            assert d.load("om-data/") == set()
            assert d.search(word(n)) == {n}  # the goals' titles carry the payload's word
            assert d.load("hvidovre/2013/resultatrevision/") == {n}
            fired, clicked, unsafe = d.click_links("hvidovre/2013/resultatrevision/")
            assert n in fired and unsafe == [f"javascript:{code(n)}"]
        finally:
            d.close()
