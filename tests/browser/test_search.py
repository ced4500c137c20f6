"""The site search in a real browser: the site's own UI (overrides/assets/javascripts/jc-search.js
on Pagefind's library) in the header's dialog finds the expected pages first on the seed site,
filters, shows the result sentences, works after Material's instant navigation, by keyboard, for
screen readers (axe, live status), in both palettes, and loads nothing from another host."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser.conftest import report
from browser.test_pages import SEVERE

FIELD = "#jc-search input.jc-search__input"
RESULT = "#jc-search .jc-search__result"
RESULTS = """() => [...document.querySelectorAll('#jc-search .jc-search__result')].map(r => ({
    url: r.querySelector(':scope > .jc-search__title a').href,
    title: r.querySelector(':scope > .jc-search__title a').textContent.trim(),
    subs: [...r.querySelectorAll('.jc-search__section')].map(s => ({
        url: s.querySelector('a').href, title: s.querySelector('a').textContent.trim(),
        excerpt: s.querySelector('.jc-search__excerpt').textContent.trim()})),
    tags: [...r.querySelectorAll('.jc-search__tag')].map(t => t.textContent.trim())}))"""


def open_search(page) -> None:
    page.locator("button.jc-search-open").click()
    page.locator(FIELD).wait_for(state="visible", timeout=10_000)


def search(page, query: str) -> list[dict]:
    """Type query into the open search dialog; the results once they are shown."""
    page.locator(FIELD).fill(query)
    page.wait_for_function(
        """q => { const m = document.getElementById('jc-search-status').textContent;
        return m.includes(q) && document.querySelectorAll('#jc-search .jc-search__result a').length; }""",
        arg=query,
        timeout=10_000,
    )
    return page.evaluate(RESULTS)


def open_filters(page) -> None:
    """Open the filters (their values load then) and wait for their boxes."""
    page.locator("#jc-search .jc-search__filters > summary").click()
    page.wait_for_function("document.querySelectorAll('#jc-search .jc-search__group input').length >= 3", timeout=10_000)


@pytest.fixture
def fresh(js_context, base_url):
    """A new tab on a revision page, the search not yet loaded."""
    page = js_context.new_page()
    js_context.watch.take()
    page.goto(base_url + "hvidovre/2013/resultatrevision/")
    yield page
    page.close()


@pytest.mark.parametrize(
    "query, first, first_sub",
    [
        ("Hvidovre", "hvidovre/", None),
        ("langtidsledige", "hvidovre/2013/resultatrevision/", "hvidovre/2013/resultatrevision/#langtidsledige"),
        ("førtidspension 2013", "hvidovre/2013/resultatrevision/", "hvidovre/2013/resultatrevision/#foertidspension"),
        ("Kemal Bektas", "hoeje-taastrup/2013/referat-2013-03-06/", None),
    ],
)
def test_the_expected_page_comes_first(fresh, base_url, query, first, first_sub):
    open_search(fresh)
    results = search(fresh, query)
    assert results[0]["url"] == base_url + first, [r["url"] for r in results]
    if first_sub:
        assert results[0]["subs"][0]["url"] == base_url + first_sub, results[0]["subs"]


def test_a_goal_shows_its_result_sentence_and_a_revision_its_verdict_line(fresh, base_url):
    open_search(fresh)
    top = search(fresh, "langtidsledige")[0]
    goal = top["subs"][0]
    assert goal["title"] == "Mål 3: Langtidsledighed begrænses"
    assert goal["excerpt"] == "Ikke opfyldt: 369 personer mod et mål på højst 368 personer; fald på 10,7 pct. siden nulpunktet."
    assert (
        top["tags"][0]
        == "Overblik: Af 4 mål er 0 opfyldt, 1 delvist opfyldt, 2 ikke opfyldt og 1 ikke målt. Af 7 delmål er 4 opfyldt og 3 ikke opfyldt."
    )
    # the verdict's missed goals, each with by how much
    assert top["tags"][1].startswith(
        "Misset: Mål 2: 94 mod højst 60 – misset med 34 personer; Mål 3: 369 mod højst 368 – misset med 1 person; "
    )
    assert len(top["tags"]) == 2


def _filtered(page, group: str, value: str, before: list[dict]) -> list[dict]:
    """Tick one filter value (the checkbox "Referat (1)"); the results that are left."""
    box = page.locator(f'#jc-search input[type=checkbox][name="{group}"][value="{value}"]')
    box.check()
    page.wait_for_function(
        "n => document.querySelectorAll('#jc-search .jc-search__result').length < n", arg=len(before), timeout=10_000
    )
    results = page.evaluate(RESULTS)
    box.uncheck()
    page.wait_for_function(
        "n => document.querySelectorAll('#jc-search .jc-search__result').length === n", arg=len(before), timeout=10_000
    )
    return results


def test_filters_by_document_kind_jobcentre_and_year(fresh, base_url):
    open_search(fresh)
    everything = search(fresh, "2013")
    assert len(everything) > 3
    open_filters(fresh)
    names = fresh.locator("#jc-search .jc-search__group-name").all_text_contents()
    assert sorted(n.strip() for n in names) == ["Dokument", "Jobcenter", "År"]

    def urls(results):
        return sorted(r["url"][len(base_url) :] for r in results)

    assert urls(_filtered(fresh, "Dokument", "Referat", everything)) == ["hoeje-taastrup/2013/referat-2013-03-06/"]
    assert urls(_filtered(fresh, "Jobcenter", "Jobcenter Høje-Taastrup", everything)) == [
        "hoeje-taastrup/2013/referat-2013-03-06/"
    ]
    assert urls(_filtered(fresh, "År", "2012", everything)) == ["hvidovre/2012/tilbagemelding/"]


def test_search_works_after_instant_navigation(fresh, base_url, js_context):
    fresh.evaluate("window.__jcSamePage = true")
    open_search(fresh)
    results = search(fresh, "Kemal Bektas")
    fresh.locator("#jc-search .jc-search__result a").first.click()
    fresh.wait_for_url(base_url + "hoeje-taastrup/2013/referat-2013-03-06/")
    assert fresh.evaluate("window.__jcSamePage === true"), "the result reloaded the page: no instant navigation"
    fresh.wait_for_function("!document.getElementById('jc-search').open")  # closed for the new page (document$)
    assert fresh.locator("h1").first.text_content().startswith("Arbejdsmarkedsudvalget")
    # and the search is there on the new page, the index already loaded
    open_search(fresh)
    again = search(fresh, "Hvidovre")
    assert again[0]["url"] == base_url + "hvidovre/"
    fresh.keyboard.press("Escape")
    assert fresh.evaluate("window.__jcSamePage === true")
    errors, external = js_context.watch.take()
    assert (errors, external) == ([], [])
    assert results


def test_keyboard_and_screen_reader(fresh, base_url):
    fresh.locator("body").press("/")
    field = fresh.locator(FIELD)
    field.wait_for(state="visible", timeout=10_000)
    fresh.wait_for_function("document.activeElement && document.activeElement.matches('#jc-search input.jc-search__input')")
    assert fresh.evaluate("document.getElementById('jc-search').open")
    fresh.keyboard.type("langtidsledige")
    fresh.wait_for_function("document.getElementById('jc-search-status').textContent.includes('resultater for')")
    status = fresh.locator("#jc-search-status")
    assert status.get_attribute("role") == "status"
    # the revision and Om data (a scorecard named the word only in a figure's text alternative, not indexed)
    assert status.text_content() == "2 resultater for langtidsledige"
    # Tab leads from the field to the results, Enter follows one
    for _ in range(15):
        fresh.keyboard.press("Tab")
        if fresh.evaluate("document.activeElement.matches('.jc-search__result a')"):
            break
    assert fresh.evaluate("document.activeElement.getAttribute('href')").endswith("hvidovre/2013/resultatrevision/")
    dialog = fresh.locator("#jc-search")
    assert dialog.get_attribute("aria-labelledby") == "jc-search-title"
    fresh.keyboard.press("Escape")
    assert not fresh.evaluate("document.getElementById('jc-search').open")
    assert fresh.evaluate("document.activeElement.matches('button.jc-search-open')")  # focus back on the button
    tree = fresh.locator("header").aria_snapshot()
    assert 'button "Søg"' in tree


def test_axe_finds_nothing_serious_in_the_open_search_in_light_and_dark(fresh):
    axe = Axe()
    open_search(fresh)
    search(fresh, "Hvidovre")
    open_filters(fresh)
    problems = []
    for scheme, label in (("default", "light"), ("slate", "dark")):
        fresh.evaluate("""s => { document.body.setAttribute('data-md-color-scheme', s); }""", scheme)
        result = axe.run(fresh)
        severe = [v for v in result.response["violations"] if v["impact"] in SEVERE]
        report("search dialog", f"axe serious/critical ({label})", sum(len(v["nodes"]) for v in severe))
        problems += [f"{label}: {v['id']} ({v['impact']}) at {[n['target'] for n in v['nodes']][:5]}" for v in severe]
    assert problems == []


def test_without_javascript_there_is_no_dead_search_button(nojs_search_page, base_url):
    nojs_search_page.goto(base_url + "hvidovre/")
    assert not nojs_search_page.locator("button.jc-search-open").is_visible()


@pytest.fixture
def nojs_search_page(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


from browser.serving import serve  # noqa: E402
from browser.test_hostile_text import ATTR, SCRIPT, hostile_site  # noqa: E402,F401,F811  (the fixture: a site with script in its data)


def test_text_from_data_in_results_and_filters_runs_nothing(hostile_site, browser):  # noqa: F811
    """A jobcentre's name, a goal's title and its result sentence with script in them reach the
    search as the page's text, the filter and the meta: shown as text, never run."""
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with serve(hostile_site) as base:
        page.goto(base + "testby/")
        open_search(page)
        results = search(page, "Testby")
        open_filters(page)
        filters = page.locator("#jc-search .jc-search__choice").all_text_contents()
        revision = next(r for r in results if r["url"] == base + "testby/2020/resultatrevision/")
        inserted = [page.evaluate("document.querySelectorAll('#jc-search script, #jc-search [onmouseover]').length")]
        goal = search(page, "Titel")[0]["subs"][0]
        inserted.append(page.evaluate("document.querySelectorAll('#jc-search script, #jc-search [onmouseover]').length"))
    context.close()
    assert f"Jobcenter Testby {SCRIPT} (1)" in [" ".join(f.split()) for f in filters], filters
    assert SCRIPT in revision["title"] and ATTR in revision["title"]
    assert goal["url"] == base + "testby/2020/resultatrevision/#maal"
    assert (
        goal["excerpt"]
        == f"Opfyldt: 8 personer {SCRIPT} mod et mål på højst 9 personer {SCRIPT}; fald på 20,0 pct. siden nulpunktet."
    )
    assert inserted == [0, 0] and dialogs == []


def test_a_first_search_loads_the_library_index_and_records_and_the_filters_only_when_opened(fresh, base_url):
    requests = []
    fresh.on("request", lambda r: requests.append(r.url.split("?")[0]))
    open_search(fresh)
    search(fresh, "langtidsledige")
    fresh.wait_for_load_state("networkidle")

    def kinds():
        bundle = base_url + "pagefind/"
        return sorted({u.rsplit(".", 1)[-1] for u in requests if u.startswith(bundle)})

    assert kinds() == ["js", "json", "pagefind", "pf_fragment", "pf_index", "pf_meta"]  # no UI of Pagefind's, no filters
    assert [u for u in requests if not u.startswith(base_url)] == []
    open_filters(fresh)
    assert "pf_filter" in kinds()
    labels = {" ".join(t.split()) for t in fresh.locator("#jc-search .jc-search__choice").all_text_contents()}
    assert {"Resultatrevision (1)", "Referat (0)", "Jobcenter Hvidovre (1)", "2013 (1)", "2012 (0)"} <= labels


def test_values_of_one_filter_add_up_and_more_results_come_on_request(fresh, base_url):
    open_search(fresh)
    everything = search(fresh, "2013")
    count = fresh.locator("#jc-search-status").text_content()
    assert len(everything) == 5 and count == "10 resultater for 2013"  # five at first
    fresh.locator("#jc-search button.jc-search__more").click()
    fresh.wait_for_function("document.querySelectorAll('#jc-search .jc-search__result').length === 10")
    assert not fresh.locator("#jc-search button.jc-search__more").is_visible()
    open_filters(fresh)
    for value in ("Referat", "Tilbagemelding"):  # either kind, not both at once
        fresh.locator(f'#jc-search input[type=checkbox][name="Dokument"][value="{value}"]').check()
    fresh.wait_for_function("document.getElementById('jc-search-status').textContent === '2 resultater for 2013'")
    urls = sorted(r["url"][len(base_url) :] for r in fresh.evaluate(RESULTS))
    assert urls == ["hoeje-taastrup/2013/referat-2013-03-06/", "hvidovre/2012/tilbagemelding/"]
