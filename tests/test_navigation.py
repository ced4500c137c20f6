"""Jobcentre homes, year pages, the front page's lists and the navigation."""

from __future__ import annotations

import posixpath
import re
import shutil

import yaml

from conftest import REGISTRY, ROOT, copy_project, run_mkdocs_build, write
from generator.data import loader
from generator.site import build
from generator.site import listings as overview
from site_plugins import navigation

DOC_PAGE = re.compile(r"^(?!aar/)[a-z0-9-]+/\d{4}/[a-z0-9-]+$")  # not a year's comparison, aar/<year>/ministermaal


def doc_links(site, page: str) -> set[str]:
    """The document pages an article links to, as '<jobcentre>/<year>/<doc>'."""
    text = (site / page).read_text(encoding="utf-8")
    article = text[text.index("<article") : text.index("</article>")]
    folder = posixpath.dirname(page)
    targets = {posixpath.normpath(posixpath.join(folder, h.split("#")[0])) for h in re.findall(r'href="([^"#:]+)"', article)}
    return {t for t in targets if DOC_PAGE.match(t)}


def expected(dataset, **where) -> set[str]:
    return {f"{d.jobcentre}/{d.year}/{d.slug}" for d in dataset.documents if all(getattr(d, k) == v for k, v in where.items())}


def test_jobcentre_home_lists_exactly_its_documents(built_site, dataset):
    for slug, jc in dataset.jobcentres.items():
        page = (built_site / slug / "index.html").read_text(encoding="utf-8")
        assert doc_links(built_site, f"{slug}/index.html") == expected(dataset, jobcentre=slug)
        assert jc.name in page and jc.region in page


def test_hvidovre_home_shows_both_documents_and_an_unknown_cluster(built_site):
    page = (built_site / "hvidovre/index.html").read_text(encoding="utf-8")
    assert doc_links(built_site, "hvidovre/index.html") == {
        "hvidovre/2013/resultatrevision",
        "hvidovre/2020/beskaeftigelsesplan",
        "hvidovre/2012/tilbagemelding",
    }
    # the registry names no cluster; the revision's series compare with the cluster's average
    assert (
        '<th scope="row">Klynge</th><td>Ikke oplyst ved navn: dokumenterne sammenligner med klyngens gennemsnit '
        '(jobcentre med samme rammevilkår), se <a href="../maalopfyldelse/hvidovre/#klyngen">Jobcenter Hvidovre og klyngen</a>.</td>'
    ) in page
    assert 'id="klyngen"' in (built_site / "maalopfyldelse/hvidovre/index.html").read_text(encoding="utf-8")
    other = (built_site / "hoeje-taastrup/index.html").read_text(encoding="utf-8")
    assert "<td>Ikke oplyst: de dokumenter, sitet bygger på, nævner ikke klyngen ved navn.</td>" in other
    assert "Beskæftigelsesplan 2020</a> – 5 pejlemærker, 16 mål, heraf 2 med måltal" in page
    # main goals 1-4: 1 not measured, 2 and 3 not met, 4 partly met (sub-goals 4A, 4C, 4D, 4F of 4A-4G)
    assert "Resultatrevision 2013</a> – 0 af 4 mål opfyldt (1 delvist, 1 ikke målt); 4 af 7 delmål opfyldt" in page
    assert page.index("Beskæftigelsesplan 2020") < page.index("Resultatrevision 2013")  # newest first


def test_year_pages_list_exactly_the_documents_of_their_year(built_site, dataset):
    years = {d.year for d in dataset.documents}
    assert {p.name for p in (built_site / "aar").iterdir() if p.is_dir()} == {str(y) for y in years}
    for year in years:
        assert doc_links(built_site, f"aar/{year}/index.html") == expected(dataset, year=year)
        for slug in {d.jobcentre for d in dataset.documents if d.year == year}:
            assert moved(built_site, f"{slug}/{year}") == f"../#{year}"


def moved(site, folder: str) -> str | None:
    """Where a page that moved sends the reader (its refresh target), None for a page."""
    m = re.search(
        r'<meta http-equiv="refresh" content="0; url=([^"]+)">', (site / folder / "index.html").read_text(encoding="utf-8")
    )
    return m and m.group(1)


def test_a_jobcentres_year_is_a_heading_on_its_page_and_its_old_address_leads_there(built_site):
    """A jobcentre's year was a page of its own until December 2026; its address now sends the
    reader to the year's heading on the jobcentre's page, which lists the same documents, and
    that page is no page of the site (not in the navigation, search or sitemap)."""
    assert moved(built_site, "hvidovre/2013") == "../#2013"
    assert moved(built_site, "hvidovre") is None
    home = (built_site / "hvidovre/index.html").read_text(encoding="utf-8")
    assert '<h2 id="2013">2013<a class="headerlink" href="#2013"' in home
    old = (built_site / "hvidovre/2013/index.html").read_text(encoding="utf-8")
    assert '<a href="../#2013">Jobcenter Hvidovres dokumenter fra 2013</a>' in old and 'name="robots" content="noindex"' in old
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/hvidovre/2013/resultatrevision/" in sitemap and "/hvidovre/2013/<" not in sitemap
    # in the navigation a year opens (or, closed, links to its first document); it is no page
    revision = (built_site / "hvidovre/2013/resultatrevision/index.html").read_text(encoding="utf-8")
    nav = revision[revision.index("md-nav--primary") : revision.index('<div class="md-content"')]
    assert (
        'href="../"' not in nav
        and '<a href="../../2020/beskaeftigelsesplan/" class="md-nav__link"><span class="md-ellipsis">2020</span>' in nav
    )


def test_front_page_lists_jobcentres_and_newest_documents(built_site, dataset):
    page = (built_site / "index.html").read_text(encoding="utf-8")
    assert "jc:" not in page
    assert 'href="hvidovre/"' in page and "Jobcenter Hvidovre" in page
    assert doc_links(built_site, "index.html") == expected(dataset)  # fewer than overview.NEWEST documents so far


def test_navigation_has_danish_titles_and_runs_jobcentre_year_document(built_site):
    page = (built_site / "hvidovre/2020/beskaeftigelsesplan/index.html").read_text(encoding="utf-8")
    nav = page[page.index("md-nav--primary") : page.index('<div class="md-content"')]
    titles = [t.strip() for t in re.findall(r'<span class="md-ellipsis">(.*?)</span>', nav, flags=re.S)]
    for title in (
        "Jobcentre",
        "Jobcenter Hvidovre",
        "2020",
        "2013",
        "Beskæftigelsesplan 2020",
        "År",
        "Målopfyldelse",
        "Åbne data",
        "Om",
    ):
        assert title in titles
    assert not {"Hvidovre", "Beskaeftigelsesplan", "Beskæftigelsesplan", "Aar", "aar"} & set(titles)
    # the top level, in order: the scorecard and open data are in it; the staff guide is not
    assert [t for t in titles if t in ("Jobcentre", "År", "Målopfyldelse", "Åbne data", "Om")] == [
        "Jobcentre",
        "År",
        "Målopfyldelse",
        "Åbne data",
        "Om",
    ]


def test_the_navigation_puts_the_staff_guide_last_under_om_and_names_documents_with_their_year(dataset):
    nav = overview.navigation(dataset, ["index.md", "forfatter.md", "om-data.md", "tilgaengelighed.md"])
    assert nav[0] == {"Forside": "index.md"}
    assert [next(iter(item)) for item in nav[1:]] == ["Jobcentre", "År", "Målopfyldelse", "Åbne data", "Om"]
    assert nav[-1] == {"Om": ["om-data.md", "tilgaengelighed.md", "forfatter.md"]}
    assert nav[3]["Målopfyldelse"] == [
        "maalopfyldelse/index.md",
        {"Jobcenter Hvidovre": "maalopfyldelse/hvidovre/index.md"},
        {"Jobcenter Høje-Taastrup": "maalopfyldelse/hoeje-taastrup/index.md"},
    ]
    assert nav[4] == {"Åbne data": "data/index.md"}
    hvidovre = nav[1]["Jobcentre"][0]["Jobcenter Hvidovre"]
    assert hvidovre[2] == {"2013": [{"Resultatrevision 2013": "hvidovre/2013/resultatrevision.md"}]}


def breadcrumbs(built_site, url: str) -> list[str] | None:
    page = (built_site / url / "index.html").read_text(encoding="utf-8")
    m = re.search(r'<nav class="md-path jc-path" aria-label="Brødkrummer">(.*?)</nav>', page, re.S)
    return m and [t.strip() for t in re.findall(r'<span class="md-ellipsis">(.*?)</span>', m.group(1), re.S)]


def test_every_page_but_the_front_page_has_breadcrumbs_in_its_html(built_site):
    assert breadcrumbs(built_site, "hvidovre/2013/resultatrevision") == [
        "Forside",
        "Jobcenter Hvidovre",
        "2013",
        "Resultatrevision 2013",
    ]
    assert breadcrumbs(built_site, "maalopfyldelse/hvidovre") == ["Forside", "Målopfyldelse", "Jobcenter Hvidovre"]
    assert breadcrumbs(built_site, "aar/2013") == ["Forside", "År", "2013"]
    assert breadcrumbs(built_site, "data") == ["Forside", "Åbne data"]
    assert breadcrumbs(built_site, "forfatter") == ["Forside", "Sådan skriver du data"]
    assert breadcrumbs(built_site, ".") is None
    page = (built_site / "hvidovre/2013/resultatrevision/index.html").read_text(encoding="utf-8")
    assert '<a href="../../" class="md-path__link"><span class="md-ellipsis">Jobcenter Hvidovre</span></a>' in page
    assert '<a href="../../#2013" class="md-path__link"><span class="md-ellipsis">2013</span></a>' in page
    assert '<a href="../../.." class="md-path__link"><span class="md-ellipsis">Forside</span></a>' in page
    for html in sorted(built_site.rglob("*.html")):
        rel = html.relative_to(built_site).parent.as_posix()
        if (
            rel not in (".", "404.html")
            and html.name == "index.html"
            and not rel.startswith(("pagefind", "assets"))
            and not moved(built_site, rel)
        ):
            assert breadcrumbs(built_site, rel), rel


def test_new_kinds_and_several_documents_of_a_kind_need_no_code(tmp_path, monkeypatch):
    """Overview code is generic: a kind it does not know is listed under a fallback title."""
    write(
        tmp_path,
        {
            "jobcentres.yaml": REGISTRY
            + """
  - slug: tomby
    name: Jobcenter Tomby
    municipalities: [Tomby Kommune, Andeby Kommune]
    region: Sjælland
    cluster: Klynge 3
""",
            "testby/2021/resultatrevision.yaml": "jobcentre: testby\nyear: 2021\ntitle: Resultatrevision 2021\n",
        },
    )
    dataset = loader.load(tmp_path)
    doc = dataset.documents[0]
    monkeypatch.setattr(doc, "kind", "ny-slags")
    nav = overview.navigation(dataset, ["index.md", "om.md"])
    assert nav[0] == {"Forside": "index.md"} and nav[-1] == {"Om": ["om.md"]}
    testby = nav[1]["Jobcentre"][0]["Jobcenter Testby"]
    assert testby == [
        "testby/index.md",
        {"2021": [{"Ny slags 2021": "testby/2021/resultatrevision.md"}]},
    ]
    built = {p.path: p.content for p in overview.overview_pages(build.context(), dataset)}
    assert "Der er endnu ingen dokumenter fra Jobcenter Tomby på sitet." in built["tomby/index.md"]
    assert "Klynge 3" in built["tomby/index.md"] and "Kommuner" in built["tomby/index.md"]
    assert "tomby/2021/index.md" not in built
    assert 'Jobcenter Testby: <a href="../../testby/2021/resultatrevision/">' not in built["aar/2021/index.md"]
    assert '<li><a href="../../testby/2021/resultatrevision/">Resultatrevision 2021</a></li>' in built["aar/2021/index.md"]


def test_text_from_data_is_escaped_in_listings(tmp_path):
    write(tmp_path, {"jobcentres.yaml": REGISTRY.replace("Jobcenter Testby", "Jobcenter <b>Testby</b>")})
    built = {p.path: p.content for p in overview.overview_pages(build.context(), loader.load(tmp_path))}
    assert "&lt;b&gt;Testby&lt;/b&gt;" in built["testby/index.md"] and "<b>" not in built["testby/index.md"]


def test_an_unknown_list_marker_stops_the_build(project_copy):
    index = project_copy / "docs/index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n<!-- jc:nyheder -->\n", encoding="utf-8")
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert "docs/index.md: ukendt liste <!-- jc:nyheder -->" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_every_kind_of_the_data_has_its_view():
    """A kind the data stage reads has a page, a title and a headline (views/kinds/), and the
    views have no kind the data stage does not read: no document is skipped silently."""
    from generator.data.kinds import KINDS
    from generator.views import kinds

    assert list(kinds.ALL) == ["beskaeftigelsesplan", "resultatrevision", "tilbagemelding", "referat"]
    assert set(kinds.ALL) == set(KINDS)
    assert {k.title for k in kinds.ALL.values()} == {"Beskæftigelsesplan", "Resultatrevision", "Tilbagemelding", "Referat"}


def test_many_jobcentres_are_grouped_by_region_in_the_navigation(tmp_path):
    """Material shows every sibling on the way to a page: 98 jobcentres on one level made the
    navigation most of every page. From overview.NAV_REGIONS_FROM on, regions come first."""
    entries = "".join(
        f"""
  - slug: jc{i}
    name: Jobcenter {i:02d}
    municipalities: [Kommune {i}]
    region: {"Hovedstaden" if i % 2 else "Sjælland"}
"""
        for i in range(overview.NAV_REGIONS_FROM)
    )
    write(tmp_path, {"jobcentres.yaml": "jobcentres:" + entries})
    nav = overview.navigation(loader.load(tmp_path), ["index.md"])
    regions = nav[1]["Jobcentre"]
    assert [next(iter(r)) for r in regions] == ["Region Hovedstaden", "Region Sjælland"]
    assert regions[0]["Region Hovedstaden"][0] == {"Jobcenter 01": ["jc1/index.md"]}
    assert sum(len(next(iter(r.values()))) for r in regions) == overview.NAV_REGIONS_FROM


def _markup(html: str) -> str:
    """A page's HTML with each run of white space between and around tags left out: what
    site_plugins/navigation.py changes (Material's partials indent and leave blank lines)."""
    return re.sub(r"\s*(<[^>]+>)\s*", r"\1", re.sub(r"\s+", " ", html))


# A closed jobcentre's entry, as Material draws it (after _markup)
_JOBCENTRE_ENTRY = re.compile(
    r'<li class="md-nav__item md-nav__item--pruned md-nav__item--nested"><a href="[^"]*" class="md-nav__link">'
    r'<span class="md-ellipsis">Jobcenter [^<]*</span><span class="md-nav__icon md-icon"></span></a></li>'
)
BELOW_A_JOBCENTRE = re.compile(r"^(?!aar/|maalopfyldelse/)[a-z0-9-]+/\d{4}/")


def _materials_without_siblings(page: str, html: str) -> str:
    """Material's page as navigation.py draws it: below a jobcentre's page (its years and
    documents), the region's other jobcentres are left out."""
    return _JOBCENTRE_ENTRY.sub("", html) if BELOW_A_JOBCENTRE.match(page) else html


def test_the_navigation_drawn_in_python_is_materials_on_every_page(tmp_path):
    """site_plugins/navigation.py stands in for Material's nav-item.html and toc.html. Built both
    ways, every page of the seed site, with enough jobcentres for the region level (a closed
    region links to its first jobcentre's page), is the same document but for white space and,
    below a jobcentre's page, the region's other jobcentres."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    extra = "".join(
        f"\n  - slug: ekstra{i}\n    name: Jobcenter Ekstra {i:02d}\n    municipalities: [Ekstra {i} Kommune]\n"
        f"    region: {'Sjælland' if i % 2 else 'Hovedstaden'}\n"
        for i in range(overview.NAV_REGIONS_FROM)
    )
    if (ROOT / ".cache" / "charts").is_dir():  # content-addressed and checked when read: shared
        shutil.copytree(ROOT / ".cache" / "charts", project / ".cache" / "charts")
    registry = project / "data" / "jobcentres.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + extra, encoding="utf-8")
    ours = run_mkdocs_build(project, tmp_path / "ours")
    assert ours.returncode == 0, ours.stdout + ours.stderr
    for name in ("nav-item.html", "toc.html"):
        (project / "overrides" / "partials" / name).unlink()
    theirs = run_mkdocs_build(project, tmp_path / "material")
    assert theirs.returncode == 0, theirs.stdout + theirs.stderr

    pages = sorted(p.relative_to(tmp_path / "ours") for p in (tmp_path / "ours").rglob("*.html"))
    assert len(pages) > 40 and pages == sorted(
        p.relative_to(tmp_path / "material") for p in (tmp_path / "material").rglob("*.html")
    )
    differ = [
        str(p)
        for p in pages
        if _markup((tmp_path / "ours" / p).read_text(encoding="utf-8"))
        != _materials_without_siblings(p.as_posix(), _markup((tmp_path / "material" / p).read_text(encoding="utf-8")))
    ]
    assert differ == []
    # the siblings are there on the jobcentre's own page, not below it
    home = _markup((tmp_path / "ours" / "hvidovre/index.html").read_text(encoding="utf-8"))
    assert "Jobcenter Ekstra 00" in home and len(_JOBCENTRE_ENTRY.findall(home)) == overview.NAV_REGIONS_FROM // 2 + 1
    revision = (tmp_path / "ours" / "hvidovre/2013/resultatrevision/index.html").read_text(encoding="utf-8")
    nav = _markup(revision[revision.index('<nav class="md-nav md-nav--primary') : revision.index('<div class="md-content"')])
    # The page's own headings under its entry; a closed region: a link to its first jobcentre.
    assert nav.count('<a href="#12-jobcenterets-forsrgelsesgrupper" class="md-nav__link">') == 1
    assert "Jobcenter Ekstra 00" not in nav and "Jobcenter Høje-Taastrup" not in nav and "Jobcenter Hvidovre" in nav
    assert (
        '<li class="md-nav__item md-nav__item--pruned md-nav__item--nested"><a href="../../../ekstra1/" class="md-nav__link"><span class="md-ellipsis">Region Sjælland</span>'
        in nav
    )


def test_theme_features_that_change_the_navigation_markup_are_refused():
    """navigation.py draws Material's markup for the features mkdocs.yml has; one that would
    change it (tabs, sections, expand) is named, not ignored."""
    configured = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))["theme"]["features"]
    assert "navigation.prune" in configured and navigation.check_features(configured) == []
    assert navigation.check_features([*configured, "navigation.tabs", "navigation.expand"]) == [
        "navigation.tabs",
        "navigation.expand",
    ]
    assert "toc.integrate" in configured  # the page's headings once, in the navigation
