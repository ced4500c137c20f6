"""What every page repeats around its article (issue 14, item 10: the site's size). Each of the
8,063 pages of the national site carries the theme's header, navigation and footer; what the
site does not use is left out of them (bench/README.md gives the bytes)."""

from __future__ import annotations

import json
import re

from conftest import ROOT

REVISION = "hvidovre/2013/resultatrevision/index.html"


def test_the_search_dialog_is_made_by_its_script_not_carried_by_every_page(built_site):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 20 and not [p for p in pages if "<dialog" in p.read_text(encoding="utf-8")]
    html = (built_site / REVISION).read_text(encoding="utf-8")
    # the button stays, hidden until the script shows it (no search without JavaScript)
    button = re.search(r'<button type="button" class="md-header__button md-icon jc-search-open"[^>]*>', html).group(0)
    assert " hidden" in button and "aria-controls" not in button  # set by the script with the dialog
    script = (built_site / "assets/javascripts/jc-search.js").read_text(encoding="utf-8")
    for text in (
        "Søg i planer, resultater, breve og referater",
        'data-many="[COUNT] resultater for [SEARCH_TERM]"',
        "Afgræns efter jobcenter, år og dokument",
        'aria-label="Luk søgningen"',
    ):
        assert text in script
    assert 'button.setAttribute("aria-controls", "jc-search")' in script and "button.after(dialog)" in script


def test_the_theme_config_carries_only_the_texts_of_features_the_site_uses(built_site):
    html = (built_site / REVISION).read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert config["translations"] == {
        "clipboard.copy": "Kopiér til udklipsholderen",
        "clipboard.copied": "Kopieret til udklipsholderen",
    }
    assert "navigation.instant" in config["features"] and config["base"] == "../../.."
    # Material's search and version selector, whose texts were left out, are not on the site
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - search" not in mkdocs and "version:" not in mkdocs and 'data-md-component="search"' not in html


def test_the_repository_icon_and_the_content_tab_script_are_left_out(built_site):
    html = (built_site / REVISION).read_text(encoding="utf-8")
    assert "Font Awesome" not in html and html.count('<div class="md-source__icon md-icon">') == 2  # header and navigation
    assert (
        html.count(
            '<svg viewBox="0 0 24 24"><use xlink:href="/jobcenter-rapporter/assets/images/jc-icons.svg#material-git"/></svg>'
        )
        == 2
    )
    assert "__tabbed_" not in html and "tabbed" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_themes_icons_come_from_one_file_that_has_every_one_the_pages_use(built_site):
    """theme.Sprite: each icon a <use> of its symbol in assets/images/jc-icons.svg, not its paths
    in every page; every icon a page uses is in the file, drawn as Material draws it."""
    sprite = (built_site / "assets/images/jc-icons.svg").read_text(encoding="utf-8")
    symbols = dict(re.findall(r'<symbol id="([^"]+)" viewBox="0 0 24 24">(.*?)</symbol>', sprite))
    magnify = (ROOT / ".venv").glob("lib/python*/site-packages/material/templates/.icons/material/magnify.svg")
    assert re.search(r"<path d=\"[^\"]+\"/>", next(magnify).read_text(encoding="utf-8")).group(0) == symbols["material-magnify"]
    used = set()
    for page in [*built_site.rglob("index.html"), built_site / "404.html"]:
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue
        # from the site's path (mkdocs.yml's site_url), on every page: instant navigation moves them
        found = re.findall(r'<svg viewBox="0 0 24 24"><use xlink:href="([^"#]+)#([^"]+)"/></svg>', html)
        assert {href for href, _ in found} == {"/jobcenter-rapporter/assets/images/jc-icons.svg"}, page
        used |= {ident for _, ident in found}
        assert "M9.5 3A6.5 6.5 0 0 1 16 9.5" not in html  # the search's magnifier, inline no more
    assert {"material-magnify", "material-menu", "material-arrow-up"} <= used and used <= set(symbols)
