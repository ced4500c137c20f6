"""Every page kind in a real browser: loads cleanly, renders its charts, stays on 127.0.0.1,
passes axe in light and dark, works without JavaScript, on a phone, in print and by keyboard."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser.conftest import Watch, report
from siteindex import resolve

CHARTS_DONE = """n => { const charts = [...document.querySelectorAll('[data-jc-chart]')];
    return charts.length === n && charts.every(e => e.dataset.jcRendered === document.body.getAttribute('data-md-color-scheme')
                                                     || e.dataset.jcError); }"""
CHART_STATE = """() => [...document.querySelectorAll('[data-jc-chart]')].map(e => ({
    id: e.closest('figure').id, error: e.dataset.jcError || null, scheme: e.dataset.jcRendered || null,
    marks: e.querySelectorAll('.jc-chart__view svg .mark-line, .jc-chart__view svg .mark-rect, .jc-chart__view svg .mark-symbol').length,
    fallbackShown: e.querySelector('.jc-chart__fallback').checkVisibility()}))"""
SEVERE = ("serious", "critical")


# Charts are drawn when they come near the viewport (jc-charts.js): a reader scrolls to each.
SCROLL_TO_CHARTS = """async () => {
  for (const e of document.querySelectorAll('[data-jc-chart]')) {
    e.scrollIntoView();
    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 30)));
  }
  scrollTo(0, 0);
}"""


def draw_charts(page, charts: int) -> None:
    """Scroll to every chart of the page and wait until each is drawn."""
    page.evaluate(SCROLL_TO_CHARTS)
    page.wait_for_function(CHARTS_DONE, arg=charts, timeout=20_000)


def open_page(page, url: str, charts: int) -> None:
    page.goto(url)
    draw_charts(page, charts)


def set_scheme(page, scheme: str, charts: int) -> None:
    """Switch Material's palette with its own toggle, as a reader would, and wait for the charts."""
    for _ in range(2):
        if page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme:
            break
        page.locator("form[data-md-component=palette] label:not([hidden])").click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    page.wait_for_function(CHARTS_DONE, arg=charts, timeout=20_000)


def rendered(states: list[dict]) -> list[dict]:
    return [s for s in states if s["scheme"] and not s["error"] and s["marks"] > 0 and not s["fallbackShown"]]


def test_every_page_kind_loads_cleanly_and_renders_its_charts(kinds, js_page, js_context, base_url):
    problems = []
    for kind, info in kinds.items():
        js_context.watch.take()
        open_page(js_page, base_url + info.url, info.charts)
        states = js_page.evaluate(CHART_STATE)
        errors, external = js_context.watch.take()
        report(kind, "console errors", len(errors))
        report(kind, "external requests", len(external))
        report(kind, "charts rendered", f"{len(rendered(states))}/{info.charts}")
        if errors or external:
            problems.append(f"{kind}: console errors {errors}, external requests {external}")
        if len(states) != info.charts or len(rendered(states)) != info.charts:
            problems.append(f"{kind}: {info.charts} charts in the HTML, rendered: {states}")
    assert problems == []


def _contrast(fg: str, bg: str) -> float:
    def lum(rgb):
        def ch(c):
            c /= 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (ch(v) for v in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    hi, lo = sorted((lum(fg), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


CHART_COLOURS = """() => {
  const rgb = c => { const d = document.createElement('div'); d.style.color = c; document.body.append(d);
                     const v = getComputedStyle(d).color.match(/\\d+/g).slice(0, 3).map(Number); d.remove(); return v; };
  const text = document.querySelector('.jc-chart__view svg .role-axis-label text');
  return text && {text: rgb(text.getAttribute('fill')),
                  page: rgb(getComputedStyle(document.querySelector('.md-main')).backgroundColor === 'rgba(0, 0, 0, 0)'
                        ? getComputedStyle(document.body).backgroundColor : getComputedStyle(document.querySelector('.md-main')).backgroundColor)};
}"""


def test_axe_finds_no_serious_violations_in_light_and_dark(kinds, js_page, base_url):
    axe = Axe()
    problems = []
    for kind, info in kinds.items():
        open_page(js_page, base_url + info.url, info.charts)
        for scheme, label in (("default", "light"), ("slate", "dark")):
            set_scheme(js_page, scheme, info.charts)
            if info.charts:  # the charts follow the palette: axis text readable on the page's background
                colours = js_page.evaluate(CHART_COLOURS)
                ratio = _contrast(colours["text"], colours["page"])
                if ratio < 4.5:
                    problems.append(f"{kind} {label}: chart text contrast {ratio:.2f} ({colours})")
            result = axe.run(js_page)
            severe = [v for v in result.response["violations"] if v["impact"] in SEVERE]
            report(kind, f"axe serious/critical ({label})", sum(len(v["nodes"]) for v in severe))
            problems += [f"{kind} {label}: {v['id']} ({v['impact']}) at {[n['target'] for n in v['nodes']][:5]}" for v in severe]
        set_scheme(js_page, "default", info.charts)
    assert problems == []


def _link_into_chart_page(site_pages) -> tuple[str, str, str]:
    """(page, href, chart page) for a link to a page with charts, from a chart page if there is one."""
    pairs = []
    for page in site_pages.values():
        for where, raw in page.links:
            target = resolve(page, raw) if where == "a/href" else None
            if not target:
                continue
            url = target[0][: -len("index.html")] if target[0].endswith("index.html") else target[0]
            dest = site_pages.get(url)
            if dest and dest is not page and dest.charts:
                pairs.append((-page.charts, page.url, raw, dest.url))
    assert pairs, "no page links to a page with charts"
    _, source, raw, dest = min(pairs)
    return source, raw, dest


def test_instant_navigation_renders_the_new_pages_charts(site_pages, js_page, base_url):
    source, href, dest = _link_into_chart_page(site_pages)
    open_page(js_page, base_url + source, site_pages[source].charts)
    js_page.evaluate("window.__jcSamePage = true")
    # Material rewrites links to absolute addresses once its script runs.
    js_page.locator(f'a[href="{href}"]:visible, a[href="{base_url + dest}"]:visible').first.click()
    js_page.wait_for_url(base_url + dest)
    draw_charts(js_page, site_pages[dest].charts)
    assert js_page.evaluate("window.__jcSamePage === true"), "the link reloaded the page: no instant navigation"
    states = js_page.evaluate(CHART_STATE)
    figure_ids = {i for i in site_pages[dest].ids if i.startswith("figur-")} - {
        i for i in site_pages[dest].ids if i.endswith("-tekst")
    }
    assert {s["id"] for s in states} == figure_ids
    assert len(rendered(states)) == site_pages[dest].charts


@pytest.fixture(scope="module")
def nojs_page(browser, base_url, site_url):
    context = browser.new_context(java_script_enabled=False)
    context.watch = Watch(context, base_url, site_url)
    yield context.new_page()
    context.close()


def test_without_javascript_charts_are_svg_and_tables_show(kinds, nojs_page, base_url):
    problems = []
    for kind, info in kinds.items():
        nojs_page.goto(base_url + info.url)
        nojs_page.wait_for_load_state("load")
        images = nojs_page.evaluate("""() => [...document.querySelectorAll('figure .jc-chart__fallback')].map(i => ({
            src: i.currentSrc, loaded: i.complete && i.naturalWidth > 0, shown: i.checkVisibility(),
            width: i.getBoundingClientRect().width}))""")
        svg = [i for i in images if i["src"].endswith(".svg") and i["loaded"] and i["shown"] and i["width"] > 200]
        report(kind, "no-JS SVG charts", f"{len(svg)}/{info.charts}")
        if len(svg) != info.charts:
            problems.append(f"{kind}: {info.charts} charts, shown as SVG: {images}")
        hidden_tables = nojs_page.evaluate("""() => [...document.querySelectorAll('.md-content table')]
            .filter(t => !t.closest('details') && !t.checkVisibility()).length""")
        if hidden_tables:
            problems.append(f"{kind}: {hidden_tables} tables hidden without JavaScript")
        closed_summaries = nojs_page.locator("details.jc-figure__data:not([open]) > summary")  # some start open
        while closed_summaries.count():
            closed_summaries.first.click()
        closed = nojs_page.evaluate("""() => [...document.querySelectorAll('details.jc-figure__data table')]
            .filter(t => !t.checkVisibility()).length""")
        if closed:
            problems.append(f"{kind}: {closed} figure tables do not open without JavaScript")
        errors, external = nojs_page.context.watch.take()
        if external:
            problems.append(f"{kind}: external requests without JavaScript {external}")
    assert problems == []


def test_numbers_in_data_tables_are_right_aligned_and_text_is_not(js_page, base_url):
    """The revision's table 4 has a text column, a month column written as text and numbers."""
    js_page.goto(base_url + "hvidovre/2013/resultatrevision/")
    cells = js_page.evaluate("""() => [...document.querySelectorAll('#tabel-forsoergelsesgrupper tbody tr:nth-child(3) > *')]
        .map(c => { const s = getComputedStyle(c); return [c.textContent, s.textAlign, s.fontVariantNumeric]; })""")
    assert cells == [
        ["A-dagpenge", "left", "normal"],
        ["dec. 2013", "start", "normal"],  # 'Dec 2013' in the data: a month, said in the site's style
        ["876", "right", "tabular-nums"],
        ["0", "right", "tabular-nums"],
        ["-18", "right", "tabular-nums"],
        ["-24", "right", "tabular-nums"],
        ["-21", "right", "tabular-nums"],
    ]
    heads = js_page.evaluate("""() => [...document.querySelectorAll('#tabel-forsoergelsesgrupper thead th')]
        .map(c => getComputedStyle(c).textAlign)""")
    assert heads[2:] == ["right"] * 5


def test_a_screen_reader_meets_each_chart_once(kinds, js_page, nojs_page, base_url):
    """The accessibility tree holds one image per chart, named by its text alternative, and
    nothing else from the chart (no SVG marks, no second copy of the text)."""
    problems = []
    for kind, info in kinds.items():
        if not info.charts:
            continue
        for label, page in (("JavaScript", js_page), ("no JavaScript", nojs_page)):
            open_page(page, base_url + info.url, info.charts) if label == "JavaScript" else page.goto(base_url + info.url)
            for figure in page.locator("figure.jc-figure").all():
                text = figure.locator(".jc-figure__desc").text_content().strip()
                tree = figure.aria_snapshot()
                images = [line for line in tree.splitlines() if re.match(r"\s*- '?img\b", line)]
                if len(images) != 1 or text not in images[0] or tree.count(text[:40]) != 1:
                    problems.append(f"{kind} ({label}) #{figure.get_attribute('id')}:\n{tree}")
    assert problems == []


def test_phone_width_and_print(kinds, browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    problems = []
    try:
        for kind, info in kinds.items():
            open_page(page, base_url + info.url, info.charts)
            widths = page.evaluate("""() => ({page: document.documentElement.scrollWidth, viewport: innerWidth,
                charts: [...document.querySelectorAll('.jc-chart__view')].map(v => [v.querySelector('svg').getBoundingClientRect().width,
                                                                                    v.getBoundingClientRect().width])})""")
            if widths["page"] > widths["viewport"]:
                problems.append(f"{kind}: page is {widths['page']} px wide at {widths['viewport']} px")
            problems += [
                f"{kind}: chart {svg:.0f} px in a {box:.0f} px column"
                for svg, box in widths["charts"]
                if not (0.8 * box <= svg <= box + 1)
            ]
            page.emulate_media(media="print")
            shown = page.evaluate("""() => ({
                nav: [...document.querySelectorAll('.md-header, .md-sidebar, .md-footer, .md-search')].filter(e => e.checkVisibility()).length,
                svg: [...document.querySelectorAll('.jc-chart__fallback')].filter(e => e.checkVisibility()).length,
                live: [...document.querySelectorAll('.jc-chart__view')].filter(e => e.checkVisibility()).length,
                tables: [...document.querySelectorAll('.md-content table')].filter(e => !e.checkVisibility()).length})""")
            page.emulate_media(media="screen")
            if shown != {"nav": 0, "svg": info.charts, "live": 0, "tables": 0}:
                problems.append(
                    f"{kind}: in print {shown} (expected no navigation, {info.charts} SVG charts, no live views, no hidden tables)"
                )
    finally:
        context.close()
    assert problems == []


TABBABLE = """() => [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
    .filter(e => e.tabIndex >= 0 && !e.disabled && !e.closest('[inert], [hidden]')
                 && (e.checkVisibility({visibilityProperty: true}) || e.matches('.md-option'))
                 && !(e.closest('details:not([open])') && e.tagName !== 'SUMMARY')
                 // Tab visits a group of radio buttons once, at its checked one.
                 && !(e.type === 'radio' && e.name && e !== (document.querySelector(`input[type=radio][name="${e.name}"]:checked`)
                                                              || document.querySelector(`input[type=radio][name="${e.name}"]`))))
    .map((e, i) => { e.dataset.jcTab = i; return i; })"""
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  // Material shows the focus of its visually hidden palette radios on the label beside them.
  const shown = e.matches('.md-option') ? e.nextElementSibling : e;
  const s = getComputedStyle(shown);
  const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
  return {tab: e.dataset.jcTab ?? null, visible, what: e.outerHTML.slice(0, 120)};
}"""


def test_every_control_is_reachable_by_keyboard_with_visible_focus(kinds, js_page, base_url):
    problems = []
    for kind, info in kinds.items():
        open_page(js_page, base_url + info.url, info.charts)
        expected = set(js_page.evaluate(TABBABLE))
        reached, unseen = set(), []
        js_page.evaluate("document.activeElement && document.activeElement.blur()")
        for _ in range(len(expected) + 10):
            js_page.keyboard.press("Tab")
            focus = js_page.evaluate(FOCUSED)
            if focus is None or focus["tab"] is None:
                continue
            if int(focus["tab"]) in reached:
                break
            reached.add(int(focus["tab"]))
            if not focus["visible"]:
                unseen.append(focus["what"])
        report(kind, "keyboard stops", f"{len(reached)}/{len(expected)}")
        missing = expected - reached
        if missing:
            what = js_page.evaluate(
                "ids => ids.map(i => document.querySelector(`[data-jc-tab='${i}']`).outerHTML.slice(0, 120))", sorted(missing)
            )
            problems.append(f"{kind}: not reachable by Tab: {what}")
        if unseen:
            problems.append(f"{kind}: focus not visible on {unseen[:5]}")
    assert problems == []


BREADCRUMBS = "() => [...document.querySelectorAll('.jc-path .md-ellipsis')].map(e => e.textContent.trim())"


def test_breadcrumbs_follow_instant_navigation_and_show_without_javascript(js_page, nojs_page, base_url):
    revision = "hvidovre/2013/resultatrevision/"
    js_page.goto(base_url + revision)
    js_page.wait_for_load_state("load")
    js_page.evaluate("window.__jcSamePage = true")
    assert js_page.evaluate(BREADCRUMBS) == ["Forside", "Jobcenter Hvidovre", "2013", "Resultatrevision 2013"]
    js_page.locator(".jc-path a", has_text="Jobcenter Hvidovre").click()
    js_page.wait_for_url(base_url + "hvidovre/")
    assert js_page.evaluate("window.__jcSamePage === true"), "the breadcrumb reloaded the page: no instant navigation"
    js_page.wait_for_function(f'() => JSON.stringify(({BREADCRUMBS})()) === \'["Forside","Jobcenter Hvidovre"]\'')
    nojs_page.goto(base_url + revision)
    assert nojs_page.evaluate(BREADCRUMBS) == ["Forside", "Jobcenter Hvidovre", "2013", "Resultatrevision 2013"]
    assert nojs_page.locator(".jc-path").is_visible()
