"""Readers on a phone, on paper and in dark mode (issue 14, items 2, 3 and 5), measured in
Chromium on every page kind: page width and results in view at 360 and 390 px, wide tables
with a sticky first column and a scroll cue, every table header and the page's address in the
A4 PDF without half-empty pages, charts at full text width in print, dark text on paper from
dark mode, and the contrast of every chart colour against both palettes."""

from __future__ import annotations

import io
import re

import pytest

from browser.test_pages import _contrast, open_page, set_scheme

PHONES = (360, 390)
A4_TEXT_WIDTH = 718  # CSS px: 210 mm less jc.css's @page margins of 10 mm on each side


@pytest.fixture(scope="module", params=PHONES, ids=[f"{w}px" for w in PHONES])
def phone(request, browser):
    context = browser.new_context(viewport={"width": request.param, "height": 800}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


PHONE_STATE = """() => {
  const w = innerWidth;
  const inView = e => { const r = e.getBoundingClientRect(); return e.checkVisibility() && r.left >= -0.5 && r.right <= w + 0.5; };
  const results = [...document.querySelectorAll('.md-content table .jc-state')];
  const labels = [...document.querySelectorAll('table.jc-stack')].flatMap(t => {
    const heads = [...t.querySelectorAll('thead th')].map(h => h.textContent.trim());
    return [...t.querySelectorAll('tbody tr')].flatMap(tr => [...tr.children].slice(1).map((c, i) =>
      [c.getAttribute('data-label'), heads[i + 1]]));
  });
  const first = [...document.querySelectorAll('table.jc-stack tbody tr')].map(tr => {
    const result = tr.querySelector('.jc-state');
    return result && [...tr.children].filter(c => c.checkVisibility())
      .every(c => c === result || c.getBoundingClientRect().top >= result.getBoundingClientRect().bottom - 0.5);
  });
  // Each chart (issue 14, item 4): no text outside its column (legends wrap), none under 12 px, no
  // second title in the chart; under it its source, its text alternative folded, and its downloads and link.
  const charts = [...document.querySelectorAll('figure.jc-figure')].map(f => {
    const box = f.querySelector('.jc-chart__view').getBoundingClientRect();
    const title = f.querySelector('figcaption').firstChild.textContent.replace(/^Figur [\\d.]+: /, '').trim();
    const texts = [...f.querySelectorAll('.jc-chart__view svg text')]
      .filter(t => t.textContent.trim() && getComputedStyle(t).opacity !== '0');
    return {id: f.id,
      outside: texts.filter(t => { const r = t.getBoundingClientRect(); return r.left < box.left - 1 || r.right > box.right + 1; })
        .map(t => t.textContent),
      small: texts.filter(t => parseFloat(getComputedStyle(t).fontSize) < 12).map(t => t.textContent),
      title: texts.some(t => t.textContent.trim() === title),
      source: (f.querySelector('.jc-figure__source') || {}).textContent || null,
      folded: !!f.querySelector(`details.jc-figure__alt:not([open]) #${f.id}-tekst`),
      links: [...f.querySelectorAll('.jc-figure__links a')].map(a => a.hash || a.pathname.split('.').pop())};
  });
  return {page: document.documentElement.scrollWidth, viewport: w, results: results.length,
          outside: results.filter(e => !inView(e)).map(e => e.closest('table').id || e.closest('table').className),
          labels, resultFirst: first, charts};
}"""


def test_on_a_phone_no_page_is_wider_than_the_screen_and_every_result_is_in_view(kinds, phone, base_url):
    """And every chart is read whole there: see PHONE_STATE's charts."""
    problems = []
    for kind, info in kinds.items():
        open_page(phone, base_url + info.url, info.charts)
        state = phone.evaluate(PHONE_STATE)
        if state["page"] > state["viewport"]:
            problems.append(f"{kind}: page {state['page']} px wide at {state['viewport']} px")
        for c in state["charts"]:
            furniture = (
                c["source"] and c["source"].startswith("Kilde: ") and c["folded"] and c["links"] == ["csv", "svg", "#" + c["id"]]
            )
            if c["outside"] or c["small"] or c["title"] or not furniture:
                problems.append(f"{kind}: chart at {state['viewport']} px: {c}")
        if kind != "resultatrevision":
            continue
        assert state["results"] >= 5, "the revision's overview and goal tables hold its results"
        problems += [f"{kind}: a result outside the screen in {where}" for where in state["outside"]]
        # Each stacked value keeps its column heading, and each card opens with its result.
        problems += [
            f"{kind}: cell labelled {label!r} under heading {head!r}" for label, head in state["labels"] if label != head
        ]
        if not state["resultFirst"] or not all(state["resultFirst"]):
            problems.append(f"{kind}: result not first in its card: {state['resultFirst']}")
    assert problems == []


OVERFLOWING = "[...document.querySelectorAll('.jc-table-wrap')].filter(w => w.scrollWidth > w.clientWidth + 1)"
SCROLL_TO = f"x => {OVERFLOWING}.forEach(w => {{ w.scrollLeft = x < 0 ? w.scrollWidth : x; }})"
CUE_IS = f"cue => {OVERFLOWING}.every(w => w.getAttribute('data-jc-scroll') === cue)"
WIDE_TABLES = f"""() => {OVERFLOWING}.map(w => {{
  const left = w.getBoundingClientRect().left;
  const first = [...w.querySelectorAll('thead th:first-child, tbody th[scope=row]')];
  return {{label: w.getAttribute('aria-label'), cue: w.getAttribute('data-jc-scroll'), shadow: getComputedStyle(w).boxShadow,
          focusable: w.tabIndex === 0, stuck: first.every(c => Math.abs(c.getBoundingClientRect().left - left) < 1),
          backgrounds: [...new Set(first.map(c => getComputedStyle(c).backgroundColor))]}};
}})"""


def _scrolled(page, x: int, cue: str) -> list[dict]:
    """The overflowing tables' state once scrolled to x (-1: the end) and marked with the cue."""
    page.evaluate(SCROLL_TO, x)
    try:
        page.wait_for_function(CUE_IS, arg=cue, timeout=5_000)
    except Exception:  # reported below with the state found
        pass
    return page.evaluate(WIDE_TABLES)


def test_wide_tables_keep_their_first_column_in_view_and_show_that_they_scroll(kinds, phone, base_url):
    problems, wide_tables = [], 0
    for kind, info in kinds.items():
        open_page(phone, base_url + info.url, info.charts)
        for scheme in ("default", "slate"):
            set_scheme(phone, scheme, info.charts)
            at_start = _scrolled(phone, 0, "end")
            wide_tables += len(at_start) if scheme == "default" else 0
            problems += [
                f"{kind} {scheme}: {t['label']} at the start: {t}"
                for t in at_start
                if t["cue"] != "end" or t["shadow"] == "none" or not t["focusable"]
            ]
            for t in _scrolled(phone, -1, "start"):
                opaque = all(re.fullmatch(r"rgb\(\d+, \d+, \d+\)", b) for b in t["backgrounds"])
                if t["cue"] != "start" or not t["stuck"] or not opaque:
                    problems.append(f"{kind} {scheme}: {t['label']} scrolled to the end: {t}")
        set_scheme(phone, "default", info.charts)
    assert wide_tables >= 2, "the revision's tables 4 and 5 are wider than a phone"
    assert problems == []


HEADERS = """() => [...document.querySelectorAll('.md-content table')].flatMap(t => [...t.querySelectorAll('thead th')])
    .map(h => h.textContent.trim()).filter(Boolean)"""


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _page_fill(data: bytes) -> list[float]:
    """For each page of a PDF, how far down its text reaches (0 top, 1 bottom edge)."""
    from pypdf import PdfReader

    out = []
    for page in PdfReader(io.BytesIO(data)).pages:
        ys: list[float] = []

        def visit(text, cm, tm, font, size) -> None:
            if text.strip():
                ys.append(tm[5] * cm[3] + cm[5])

        page.extract_text(visitor_text=visit)
        out.append(round(1 - min(ys) / float(page.mediabox.height), 2) if ys else 0.0)
    return out


def _flat(text: str) -> str:
    """Text without white space: a heading wrapped over lines in its cell reads as one."""
    return re.sub(r"\s+", "", text)


def test_a4_print_keeps_every_table_header_and_the_pages_address_on_full_pages(kinds, js_page, base_url, site_url):
    problems, headers = [], 0
    for kind, info in kinds.items():
        open_page(js_page, base_url + info.url, info.charts)
        heads = js_page.evaluate(HEADERS)
        headers += len(heads)
        pdf = js_page.pdf(format="A4")
        text = _flat(_pdf_text(pdf))
        # No half-empty pages: a figure too tall for the rest of a page does not push everything on.
        fill = _page_fill(pdf)
        if any(f < 0.6 for f in fill[:-1]) or fill[-1] == 0:
            problems.append(f"{kind}: pages filled to {fill}")
        missing = sorted({h for h in heads if _flat(h) not in text})
        problems += [f"{kind}: header {h!r} not in the PDF" for h in missing]
        # (404.html answers any address: it has none of its own to print)
        if kind != "404" and _flat(site_url + info.url) not in text:
            problems.append(f"{kind}: the page's address {site_url + info.url} is not printed")
        for control in ("Skift til mørk visning", "Skift til lys visning", "Kildekode og data"):
            if _flat(control) in text:
                problems.append(f"{kind}: {control!r} printed")
    assert headers > 40, "the revision and the minutes have tables with headers"
    assert problems == []


PRINTED_CHARTS = """async () => Promise.all([...document.querySelectorAll('.jc-chart__fallback')].map(async img => {
  const svg = await (await fetch(img.src)).text();
  const sizes = [...svg.matchAll(/font-size[=:]\\s*"?([\\d.]+)/g)].map(m => Number(m[1]));
  const natural = Number(svg.match(/<svg[^>]*\\swidth="([\\d.]+)"/)[1]);
  const width = img.getBoundingClientRect().width;
  return {src: img.getAttribute('src'), shown: img.checkVisibility(), width, natural,
          text: document.querySelector('.md-content__inner').getBoundingClientRect().width,
          pt: Math.min(...sizes) * width / natural * 0.75};
}))"""


@pytest.fixture(scope="module")
def a4_page(browser):
    """A page laid out at the text width of A4 paper, in print media."""
    context = browser.new_context(viewport={"width": A4_TEXT_WIDTH, "height": 1000})
    page = context.new_page()
    yield page
    context.close()


def _printed_charts(kinds, a4_page, base_url) -> dict[str, list[dict]]:
    out = {}
    for kind, info in kinds.items():
        if info.charts:
            open_page(a4_page, base_url + info.url, info.charts)
            a4_page.emulate_media(media="print")
            out[kind] = a4_page.evaluate(PRINTED_CHARTS)
            a4_page.emulate_media(media="screen")
    return out


def test_printed_charts_are_svg_at_full_text_width(kinds, a4_page, base_url):
    printed = _printed_charts(kinds, a4_page, base_url)
    problems = []
    for kind, charts in printed.items():
        problems += [f"{kind}: {c}" for c in charts if not c["shown"] or abs(c["width"] - c["text"]) > 1]
    assert len(printed) >= 4 and problems == []


def test_printed_chart_labels_are_at_least_8_pt(kinds, a4_page, base_url):
    small = [
        f"{kind}: {c['src']} {c['pt']:.1f} pt"
        for kind, charts in _printed_charts(kinds, a4_page, base_url).items()
        for c in charts
        if c["pt"] < 8
    ]
    assert small == []


CHART_COLOURS = """() => {
  const rgb = c => { if (!c || c === 'none' || c.startsWith('url')) return null;
    const d = document.createElement('div'); d.style.color = c; document.body.append(d);
    const m = getComputedStyle(d).color.match(/[\\d.]+/g); d.remove();
    return m.length === 4 && Number(m[3]) === 0 ? null : m.slice(0, 3).map(Number); };
  const background = el => { for (let e = el; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
    if (c !== 'rgba(0, 0, 0, 0)') return rgb(c); } return [255, 255, 255]; };
  const out = [];
  for (const chart of document.querySelectorAll('.jc-chart')) {
    const back = background(chart);
    // Marks, legend symbols and every text; the grid, axis lines and ticks only decorate.
    for (const e of chart.querySelectorAll('.jc-chart__view svg :is(path, line, rect, circle, text)')) {
      if (e.matches('.background') || e.closest('.role-axis-grid, .role-axis-domain, .role-axis-tick')) continue;
      const s = getComputedStyle(e);
      if (e.tagName === 'text') { out.push({text: true, colour: rgb(s.fill), back, what: e.textContent.slice(0, 30)}); continue; }
      if (s.fillOpacity !== '0') out.push({text: false, colour: rgb(s.fill), back, what: e.parentNode.getAttribute('class')});
      if (s.strokeOpacity !== '0' && s.strokeWidth !== '0px') out.push({text: false, colour: rgb(s.stroke), back, what: e.parentNode.getAttribute('class')});
    }
  }
  return out.filter(o => o.colour);
}"""


def _hovered_goal_chart(page) -> list[str]:
    """Hovering Hvidovre's 369 langtidsledige in dec. 2013, one person above the goal line of 368,
    shows the point's own tooltip in Danish formats, not the goal's."""
    points = page.locator("#figur-langtidsledige .jc-chart__view svg .mark-symbol path")
    tips = []
    for i in range(points.count()):
        points.nth(i).hover(force=True)
        tips.append(page.eval_on_selector("#vg-tooltip-element", "e => e.innerText.replace(/\\s+/g, ' ')"))
    wanted = "Måned dec. 2013 Serie Hvidovre Personer 369"
    return [] if any(wanted in t for t in tips) else [f"resultatrevision: no tooltip {wanted!r} in {tips}"]


def test_chart_colours_reach_3_to_1_and_chart_text_4_5_to_1_in_both_palettes(kinds, js_page, base_url):
    problems, measured = [], 0
    for kind, info in kinds.items():
        if not info.charts:
            continue
        open_page(js_page, base_url + info.url, info.charts)
        if kind == "resultatrevision":
            problems += _hovered_goal_chart(js_page)
        for scheme in ("default", "slate"):
            set_scheme(js_page, scheme, info.charts)
            worst = {}
            for item in js_page.evaluate(CHART_COLOURS):
                key = ("text" if item["text"] else "graphic", "#%02x%02x%02x" % tuple(item["colour"]))
                worst[key] = min(worst.get(key, 99.0), _contrast(item["colour"], item["back"]))
            measured += len(worst)
            problems += [
                f"{kind} {scheme}: {what} {colour} at {ratio:.2f}:1"
                for (what, colour), ratio in worst.items()
                if ratio < (4.5 if what == "text" else 3.0)
            ]
        set_scheme(js_page, "default", info.charts)
    assert measured > 20, "the charts' marks and texts were found"
    assert problems == []


def test_svg_fallbacks_sit_on_white_and_their_colours_reach_3_to_1_there(kinds, js_page, base_url):
    """The fallbacks are drawn once: on a white card in either palette, so their colours count against white."""
    problems = []
    for kind, info in kinds.items():
        if not info.charts:
            continue
        open_page(js_page, base_url + info.url, info.charts)
        set_scheme(js_page, "slate", info.charts)
        card = js_page.evaluate("getComputedStyle(document.querySelector('.jc-chart__fallback')).backgroundColor")
        set_scheme(js_page, "default", info.charts)
        if card != "rgb(255, 255, 255)":
            problems.append(f"{kind}: fallback on {card} in dark mode")
        for src in js_page.evaluate("() => [...document.querySelectorAll('.jc-chart__fallback')].map(i => i.src)"):
            svg = js_page.request.get(src).text()
            # A colour that a run of marks or labels shares is said by a group around them (svgrender._hoist).
            for m in re.finditer(r"<(?:path|line|rect|circle|text|g)\b[^>]*>", svg):
                tag = m.group(0)
                text = tag.startswith("<text") or (tag.startswith("<g") and svg.startswith("<text", m.end()))
                for colour in re.findall(r'(?:fill|stroke)="#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})"', tag):
                    colour = "".join(c * 2 for c in colour) if len(colour) == 3 else colour
                    rgb = [int(colour[i : i + 2], 16) for i in (0, 2, 4)]
                    need = 4.5 if text else 3.0
                    # vl-convert draws the grid (#ddd), axis lines and ticks (#888): decoration, as in the live chart
                    if not text and colour.lower() in ("dddddd", "888888"):
                        continue
                    if _contrast(rgb, [255, 255, 255]) < need:
                        problems.append(f"{kind}: {src.rsplit('/', 3)[-3:]} {colour} in {tag[:60]}")
    assert problems == []


def test_a_page_in_dark_mode_prints_dark_text_on_white_paper(js_page, base_url):
    """Paper is white and Chromium prints no backgrounds: the slate palette's light text would
    be faint there, so print takes the light palette's colours."""
    open_page(js_page, base_url + "hvidovre/2013/resultatrevision/", 4)
    set_scheme(js_page, "slate", 4)
    js_page.emulate_media(media="print")
    colours = js_page.evaluate("""() => ['.md-typeset p', '.md-typeset table.jc-table td', '.md-typeset h1']
        .map(s => getComputedStyle(document.querySelector(s)).color.match(/[\\d.]+/g).map(Number))""")
    js_page.emulate_media(media="screen")
    set_scheme(js_page, "default", 4)
    # the text colours are translucent black or grey on white: blend them onto the paper
    blended = [
        [round(c * (a if len(rgba) == 4 else 1) + 255 * (1 - (a if len(rgba) == 4 else 1))) for c in rgba[:3]]
        for rgba in colours
        for a in [rgba[3] if len(rgba) == 4 else 1]
    ]
    assert [round(_contrast(c, [255, 255, 255]), 1) >= 4.5 for c in blended] == [True] * 3, blended


def test_the_page_title_is_the_strongest_heading_in_both_palettes(js_page, base_url):
    """Issue 14 (navigation, headings in a clear hierarchy): the h1 is as dark as the text and
    heavier than the h2s under it (Material draws it light grey and thin)."""
    open_page(js_page, base_url + "hvidovre/2013/resultatrevision/", 4)
    for scheme in ("default", "slate"):
        set_scheme(js_page, scheme, 4)
        h1, h2, p = js_page.evaluate("""() => ['.md-content h1', '.md-content h2', '.md-content p']
            .map(s => { const c = getComputedStyle(document.querySelector(s));
                        return {weight: Number(c.fontWeight), colour: c.color}; })""")
        assert h1["weight"] > h2["weight"] and h1["colour"] == p["colour"], (scheme, h1, h2, p)
    set_scheme(js_page, "default", 4)
