"""Weight (issue 14, item 10): what a reader's browser downloads, measured in Chromium from the
built site served gzip-compressed as GitHub Pages serves it. A revision page transfers at most
250 KB before the reader scrolls: no chart runtime (vega-bundle.js) until a chart comes near the
viewport, and no SVG fallback where the live chart replaces it; the fallbacks are loaded for
printing only."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from browser.conftest import report
from browser.serving import serve

LIMIT = 250_000  # bytes over the wire before the first scroll, headers included
REVISION = "hvidovre/2013/resultatrevision/"
RUNTIME = "assets/javascripts/vega-bundle.js"
FALLBACK = re.compile(r"/figur-\d+\.svg$")  # a chart's SVG fallback (the theme's icons are an SVG too)
VIEWPORTS = {"1280px": {"width": 1280, "height": 900}, "390px": {"width": 390, "height": 844}}
FIRST_DRAWN = """() => { const e = document.querySelector('[data-jc-chart]');
    return e.dataset.jcRendered && e.querySelectorAll('.jc-chart__view svg .mark-line, .jc-chart__view svg .mark-rect').length > 0; }"""


@pytest.fixture(scope="module")
def gzip_url(built_site, site_url):
    """The built site as GitHub Pages serves it: text files gzip-compressed."""
    with serve(built_site, urlsplit(site_url).path or "/", compress=True) as base:
        yield base


class Transfer:
    """Every response one page (in a fresh context: nothing cached) has received."""

    def __init__(self, browser, viewport: dict):
        self.context = browser.new_context(viewport=viewport, locale="da-DK")
        self.page = self.context.new_page()
        self.done: list = []
        self.page.on("requestfinished", lambda request: self.done.append(request))

    def total(self) -> int:
        return sum(s["responseBodySize"] + s["responseHeadersSize"] for s in (r.sizes() for r in self.done))

    def paths(self, base: str) -> list[str]:
        return [r.url[len(base) :] if r.url.startswith(base) else r.url for r in self.done]


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=list(VIEWPORTS))
def test_a_revision_transfers_at_most_250_kb_before_scrolling_and_draws_its_charts_when_scrolled_to(browser, gzip_url, viewport):
    t = Transfer(browser, VIEWPORTS[viewport])
    try:
        t.page.goto(gzip_url + REVISION)
        t.page.wait_for_load_state("networkidle")
        before, paths = t.total(), t.paths(gzip_url)
        report("resultatrevision", f"transfer before scrolling ({viewport})", f"{before / 1000:.1f} KB in {len(paths)} requests")
        page_response = next(r for r in t.done if r.url == gzip_url + REVISION).response()
        assert page_response.header_value("content-encoding") == "gzip", "the test server compresses as GitHub Pages does"
        assert RUNTIME not in paths and not [p for p in paths if FALLBACK.search(p)], paths
        assert t.page.evaluate("document.querySelectorAll('[data-jc-chart]').length") == 4
        assert before <= LIMIT, f"{before} bytes before scrolling: {paths}"

        t.page.locator("[data-jc-chart]").first.scroll_into_view_if_needed()
        t.page.wait_for_function(FIRST_DRAWN, timeout=20_000)
        paths = t.paths(gzip_url)
        assert paths.count(RUNTIME) == 1
        assert not [p for p in paths if FALLBACK.search(p)], "the live chart replaced the fallback: not downloaded"
        # The last chart is far below: not drawn yet.
        assert t.page.evaluate("[...document.querySelectorAll('[data-jc-chart]')].at(-1).dataset.jcRendered") is None
    finally:
        t.context.close()


def test_a_page_without_charts_never_loads_the_chart_runtime(browser, gzip_url, kinds):
    without = [info for kind, info in sorted(kinds.items()) if not info.charts and kind != "404"]
    assert without, "a page kind without charts"
    t = Transfer(browser, VIEWPORTS["1280px"])
    try:
        for info in without:
            t.page.goto(gzip_url + info.url)
            t.page.evaluate("scrollTo(0, document.documentElement.scrollHeight)")
            t.page.wait_for_load_state("networkidle")
        assert RUNTIME not in t.paths(gzip_url)
    finally:
        t.context.close()


def test_printing_before_scrolling_loads_every_fallback_for_the_paper(browser, gzip_url):
    t = Transfer(browser, VIEWPORTS["1280px"])
    try:
        t.page.goto(gzip_url + REVISION)
        t.page.wait_for_load_state("networkidle")
        assert not [p for p in t.paths(gzip_url) if FALLBACK.search(p)]
        t.page.pdf(format="A4")
        loaded = t.page.evaluate(
            "[...document.querySelectorAll('.jc-chart__fallback')].map(i => i.complete && i.naturalWidth > 600)"
        )
        assert loaded == [True] * 4
        assert sorted(p.rsplit("/", 1)[-1] for p in t.paths(gzip_url) if FALLBACK.search(p)) == [
            f"figur-{n}.svg" for n in (1, 2, 3, 4)
        ]
    finally:
        t.context.close()


def test_without_the_chart_runtime_the_charts_show_their_fallbacks(browser, gzip_url):
    """A runtime that does not load (blocked, offline) leaves no empty chart: each chart the reader
    comes to shows its SVG fallback and says why on the figure (data-jc-error)."""
    t = Transfer(browser, VIEWPORTS["390px"])
    try:
        t.page.route("**/" + RUNTIME, lambda route: route.abort())
        t.page.goto(gzip_url + REVISION)
        t.page.locator("[data-jc-chart]").first.scroll_into_view_if_needed()
        t.page.wait_for_function(
            "() => { const img = document.querySelector('.jc-chart--failed .jc-chart__fallback');"
            " return img && img.complete && img.naturalWidth > 600 && img.checkVisibility(); }",
            timeout=20_000,
        )
        first = t.page.evaluate("""() => { const e = document.querySelector('[data-jc-chart]');
            return [e.dataset.jcError, e.dataset.jcRendered || null, !!e.querySelector('.jc-chart__view')]; }""")
        assert first[0].startswith("Error: the chart runtime did not load") and first[1:] == [None, False]
    finally:
        t.context.close()
