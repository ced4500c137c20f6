"""site_plugins/search.py: Pagefind indexes a built site folder, in Danish, only what the HTML
marks for it, and replaces an earlier build's bundle."""

from __future__ import annotations

import json

import pytest

from conftest import write
from site_plugins import search
from test_search import fragments

PAGE = """<!doctype html><html lang="da"><head><title>{title}</title></head><body>
<nav>Navigation med ordet sidebjælke</nav>
<article{body}><h1 id="top">{title}</h1><p>{text}</p>
<table><thead><tr><th>Kolonne</th></tr></thead><tbody data-pagefind-ignore><tr><td>tabelrække</td></tr></tbody></table>
<div class="jc-chart" data-jc-spec='{{"$schema": "vega-lite"}}'><img src="x.svg" alt="diagramtekst"></div></article>
</body></html>"""


def page(title: str, text: str, indexed: bool = True) -> str:
    return PAGE.format(title=title, text=text, body=" data-pagefind-body" if indexed else "")


def test_index_site_writes_a_danish_bundle_of_the_marked_pages_only(tmp_path):
    site = write(
        tmp_path / "site",
        {
            "index.html": page("Forside", "Langtidsledige i Hvidovre"),
            "guide/index.html": page("Vejledning", "Kun for personalet", indexed=False),
            "404.html": page("Ikke fundet", "Siden findes ikke", indexed=False),
        },
    )
    figures = search.index_site(site)
    assert figures["pages"] == 1 and figures["seconds"] > 0 and figures["peak_rss"] > 0
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["da"]
    assert (site / "pagefind/pagefind.js").is_file() and (site / "pagefind/wasm.da.pagefind").is_file()
    assert not any((site / "pagefind" / name).exists() for name in search.UNUSED)  # Pagefind's own UIs, its worker
    records = fragments(site)
    assert list(records) == ["/"]
    content = records["/"]["content"]
    assert "Langtidsledige i Hvidovre" in content
    for left_out in ("sidebjælke", "tabelrække", "Kolonne", "vega-lite", "diagramtekst"):
        assert left_out not in content


def test_a_new_index_replaces_the_old_bundle(tmp_path):
    site = write(tmp_path / "site", {"index.html": page("Forside", "Første udgave")})
    search.index_site(site)
    old = {p.name for p in (site / "pagefind/fragment").iterdir()}
    stray = site / "pagefind/fragment/da_stale.pf_fragment"
    stray.write_bytes(b"left by an earlier build")
    (site / "index.html").write_text(page("Forside", "Anden udgave"), encoding="utf-8")
    search.index_site(site)
    new = {p.name for p in (site / "pagefind/fragment").iterdir()}
    assert not stray.exists() and new and new != old
    assert "Anden udgave" in fragments(site)["/"]["content"]


def test_a_failure_is_one_clear_message(tmp_path, monkeypatch):
    site = write(tmp_path / "site", {"index.html": page("Forside", "Tekst")})
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    with pytest.raises(search.SearchIndexError) as e:
        search.index_site(site)
    message = str(e.value)
    assert message.startswith(f"{site}: søgeindekset (Pagefind) kunne ikke skrives: ")
    assert "no-such-pagefind" in message and "Traceback" not in message


def test_the_peak_rss_is_pagefinds_own_not_the_build_process_it_was_started_from(tmp_path):
    site = write(tmp_path / "site", {"index.html": page("Forside", "Tekst")})
    ballast = bytearray(300 * 2**20)  # the build process is large (zero-filled: resident)
    figures = search.index_site(site)
    assert len(ballast) and 0 < figures["peak_rss"] < 200 * 2**20  # sampled: a tiny site may exit before it grows


def test_the_bundle_of_the_same_pages_comes_from_the_cache_checked(tmp_path):
    from generator import cache

    store = cache.Store(tmp_path / "cache")
    site = write(
        tmp_path / "site",
        {"index.html": page("Forside", "Langtidsledige i Hvidovre"), "a/index.html": page("Side A", "Førtidspension")},
    )
    first = search.index_site(site, store)
    bundle = {p.relative_to(site): p.read_bytes() for p in (site / "pagefind").rglob("*") if p.is_file()}
    again = search.index_site(site, store)  # the same pages: no Pagefind
    assert (first["cached"], again["cached"], again["pages"]) == (False, True, 2) and again["peak_rss"] == 0
    assert {p.relative_to(site): p.read_bytes() for p in (site / "pagefind").rglob("*") if p.is_file()} == bundle
    for blob in (tmp_path / "cache/blobs").iterdir():  # a damaged entry: Pagefind runs again
        blob.write_bytes(blob.read_bytes()[:-1])
        break
    assert search.index_site(site, store)["cached"] is False
    (site / "a/index.html").write_text(page("Side A", "Kontanthjælp"), encoding="utf-8")
    changed = search.index_site(site, store)
    assert changed["cached"] is False and "Kontanthjælp" in fragments(site)["/a/"]["content"]


def test_serve_indexes_in_the_background_and_swaps_the_bundle_in_whole(tmp_path):
    site = write(tmp_path / "site", {"index.html": page("Forside", "Første udgave")})
    search.index_site(site)
    background = search.Background()
    (site / "index.html").write_text(page("Forside", "Anden udgave"), encoding="utf-8")
    background.index(site, None)
    (site / "index.html").write_text(page("Forside", "Tredje udgave"), encoding="utf-8")
    background.index(site, None)  # while the first works: indexed once more, after it
    background.thread.join(60)
    assert not background.thread.is_alive()
    assert "Tredje udgave" in fragments(site)["/"]["content"]
    assert sorted(p.name for p in site.iterdir()) == ["index.html", "pagefind"]
