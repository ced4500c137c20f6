"""The comparison (issue 14, item 7) in Chromium: the matrix of the minister's goals (aar/<year>/ministermaal/) on
a phone (no page wider than the screen, the first column in view while it scrolls, a scroll cue,
words for screen readers), in both palettes (axe), and on A4 paper (every goal's heading printed,
no column cut); the scorecard at 1280 px with no column cut and no word broken inside."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser.test_pages import SEVERE, open_page, set_scheme
from browser.test_readers import _flat, _pdf_text
from generator.views.goals import STATE_MARKS

YEAR = "aar/2013/ministermaal/"  # Hvidovre's 2013 revision: four ministermål
HEADINGS = [
    "Jobcenter",
    "Unge i uddannelse",
    "Færre på førtidspension",
    "Langtidsledighed begrænses",
    "Styrket samarbejde med virksomheder",
]

MATRIX = """() => {
  const wrap = document.querySelector('.jc-table-wrap:has(> table.jc-matrix)');
  const left = wrap.getBoundingClientRect().left;
  const first = [...wrap.querySelectorAll('thead th:first-child, tbody th[scope=row], tfoot th[scope=row]')];
  return {page: document.documentElement.scrollWidth, viewport: innerWidth,
          overflows: wrap.scrollWidth > wrap.clientWidth + 1, cue: wrap.getAttribute('data-jc-scroll'),
          stuck: first.every(c => Math.abs(c.getBoundingClientRect().left - left) < 1),
          heads: [...wrap.querySelectorAll('thead th')].map(h => h.textContent.trim()),
          // [the mark seen, its words, the width of what shows them]: a linked cell's words are the
          // link's name, an unlinked one's are hidden text
          cells: [...wrap.querySelectorAll('tbody td')].map(td => {
            const a = td.querySelector('a');
            return a ? [a.textContent, a.getAttribute('aria-label'), 0]
                     : [td.querySelector('[aria-hidden=true]').textContent, td.querySelector('.jc-sr').textContent,
                        td.querySelector('.jc-sr').getBoundingClientRect().width];
          }),
          legend: document.querySelector('.jc-legend').checkVisibility()};
}"""


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def test_the_matrix_on_a_phone_scrolls_with_its_first_column_in_view(phone, base_url):
    open_page(phone, base_url + YEAR, 0)
    problems = []
    for scheme in ("default", "slate"):
        set_scheme(phone, scheme, 0)
        phone.evaluate("() => { document.querySelector('.jc-table-wrap:has(> table.jc-matrix)').scrollLeft = 0; }")
        phone.wait_for_timeout(200)
        start = phone.evaluate(MATRIX)
        assert start["heads"] == HEADINGS
        # the marks are seen, their words read: ✗ 'ikke opfyldt' for Hvidovre's førtidspension and langtidsledige
        assert [c[:2] for c in start["cells"]] == [
            ["–", "ikke målt"],
            ["✗", "ikke opfyldt"],
            ["✗", "ikke opfyldt"],
            ["◐", "delvist opfyldt"],
        ]
        assert all(c[2] <= 1 and tuple(c[:2]) in STATE_MARKS.values() for c in start["cells"]) and start["legend"]
        # as Chromium names them for a screen reader
        matrix = phone.locator("table.jc-matrix")
        assert matrix.get_by_role("link", name="ikke opfyldt", exact=True).count() == 2
        assert matrix.get_by_role("link", name="delvist opfyldt", exact=True).count() == 1
        if start["page"] > start["viewport"]:
            problems.append(f"{scheme}: page {start['page']} px wide at {start['viewport']} px")
        assert start["overflows"], "four goals and the names are wider than a phone"
        if start["cue"] != "end":
            problems.append(f"{scheme}: no cue at the start: {start['cue']}")
        phone.evaluate(
            "() => { const w = document.querySelector('.jc-table-wrap:has(> table.jc-matrix)'); w.scrollLeft = w.scrollWidth; }"
        )
        phone.wait_for_function(
            "() => document.querySelector('.jc-table-wrap:has(> table.jc-matrix)').getAttribute('data-jc-scroll') === 'start'"
        )
        end = phone.evaluate(MATRIX)
        if not end["stuck"] or end["page"] > end["viewport"]:
            problems.append(f"{scheme}: scrolled to the end: {end}")
    set_scheme(phone, "default", 0)
    assert problems == []


def test_the_matrix_page_passes_axe_in_both_palettes(js_page, base_url):
    axe, problems = Axe(), []
    open_page(js_page, base_url + YEAR, 0)
    for scheme in ("default", "slate"):
        set_scheme(js_page, scheme, 0)
        severe = [v for v in axe.run(js_page).response["violations"] if v["impact"] in SEVERE]
        problems += [f"{scheme}: {v['id']} at {[n['target'] for n in v['nodes']][:5]}" for v in severe]
    set_scheme(js_page, "default", 0)
    assert problems == []


def test_the_printed_matrix_keeps_every_goal(browser, base_url):
    """In a page of its own: emulated print media would stay on a shared tab (page.pdf() then
    prints with screen media)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        open_page(page, base_url + YEAR, 0)
        text = _flat(_pdf_text(page.pdf(format="A4")))
        assert [h for h in HEADINGS if _flat(h) not in text] == []
        assert _flat("Tegnforklaring:") in text and _flat("ikke med i revisionen") in text
        page.set_viewport_size({"width": 718, "height": 1000})  # A4's text width
        page.emulate_media(media="print")
        cut = page.evaluate(
            "() => [...document.querySelectorAll('.jc-table-wrap')].filter(w => w.scrollWidth > w.clientWidth + 1).length"
        )
    finally:
        context.close()
    assert cut == 0


# Each word of every table cell on one line: a word broken inside ('Resultatre|vision') has
# characters on two lines. A compound breaks at its own hyphen ('Høje-|Taastrup'): its parts are the words.
BROKEN_WORDS = """() => {
  const out = [];
  for (const wrap of document.querySelectorAll('.md-content .jc-table-wrap')) {
    const walker = document.createTreeWalker(wrap, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent.matchAll(/[^\\s-]+/g)) {
        const r = document.createRange();
        r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
        const tops = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
        if (tops.size > 1) out.push(m[0]);
      }
    }
  }
  return out;
}"""
CUT = """() => [...document.querySelectorAll('.md-content .jc-table-wrap')]
  .filter(w => w.scrollWidth > w.clientWidth + 1).map(w => w.getAttribute('aria-label'))"""


@pytest.mark.parametrize("url", ["maalopfyldelse/", "maalopfyldelse/hvidovre/"])
def test_the_scorecard_fits_1280_px_without_cut_columns_or_broken_words(js_page, base_url, url):
    js_page.set_viewport_size({"width": 1280, "height": 900})
    js_page.goto(base_url + url)
    charts = js_page.evaluate("document.querySelectorAll('[data-jc-chart]').length")
    open_page(js_page, base_url + url, charts)
    assert js_page.evaluate("document.querySelectorAll('.md-content .jc-table-wrap').length") >= 1
    assert js_page.evaluate(CUT) == []
    assert js_page.evaluate(BROKEN_WORDS) == []
