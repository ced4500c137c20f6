"""The site's Pagefind index, read back from the built seed site: Danish, citizen-facing pages
only, no table rows or chart data, filters for jobcentre, year and document kind, and the
texts results show (a revision's verdict line, a goal's result sentence)."""

from __future__ import annotations

import gzip
import json
import re

import pytest

FRAGMENT_HEADER = b"pagefind_dcd"  # Pagefind's fragments: gzip of this header and a JSON record


def fragments(site) -> dict[str, dict]:
    """url -> Pagefind's record of the page (content, filters, meta, anchors)."""
    out = {}
    for path in (site / "pagefind/fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(FRAGMENT_HEADER), path
        record = json.loads(raw[len(FRAGMENT_HEADER) :])
        out[record["url"]] = record
    return out


@pytest.fixture(scope="module")
def index(built_site):
    return fragments(built_site)


def test_the_index_is_danish_and_holds_every_citizen_facing_page(built_site, index):
    entry = json.loads((built_site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["da"]
    assert entry["languages"]["da"]["page_count"] == len(index)
    pages = {p.parent.relative_to(built_site).as_posix() for p in built_site.rglob("index.html")}
    # a jobcentre's old year addresses lead on to its page (listings.moved_pages): no pages
    moved = {"/hvidovre/2012/", "/hvidovre/2013/", "/hvidovre/2020/", "/hoeje-taastrup/2013/"}
    assert {f"/{p}/" for p in pages if re.fullmatch(r"(?!aar/)[^/]+/\d{4}", p)} == moved
    expected = {"/" if p == "." else f"/{p}/" for p in pages} - {"/forfatter/"} - moved
    assert set(index) == expected
    assert "/aar/2013/" in index  # the year's page for all jobcentres stays


def test_the_staff_guide_and_the_404_page_stay_out(built_site, index):
    assert "/forfatter/" not in index
    assert not any("jobcentres.yaml" in r["content"] for r in index.values())  # a phrase only in the guide
    assert "data-pagefind-body" not in (built_site / "404.html").read_text(encoding="utf-8")


def test_only_the_main_content_is_indexed(index):
    front = index["/"]["content"]
    assert front.startswith("Jobcentrenes planer og resultater.")
    text = " ".join(r["content"] for r in index.values())
    assert "Skift til mørk visning" not in text  # the palette toggle in the header
    assert "Tilgængelighedserklæring · Om data" not in text  # the footer's links
    assert "Rediger denne side" not in text


def test_table_rows_chart_data_and_column_headers_stay_out(index):
    revision = index["/hvidovre/2013/resultatrevision/"]["content"]
    assert "5.585" not in revision  # a value only found in Tabel 4's rows
    assert "Tabel 4: Resultatoversigt – Forsørgelsesgrupper, Hvidovre" in revision  # its caption stays findable
    assert "Tallene bag figur" not in revision  # the figures' data tables
    text = " ".join(r["content"] for r in index.values())
    assert "$schema" not in text and "vega-lite" not in text and '"værdi"' not in text  # chart specs
    assert "MålJobcenterÅr" not in text and "MålNulpunktStatus" not in text  # run-together column headers


def test_figures_text_alternatives_links_and_goal_table_figures_stay_out_their_captions_and_goals_stay(index):
    revision = index["/hvidovre/2013/resultatrevision/"]["content"]
    # a figure: its caption is indexed, not its text alternative (the chart's points) or its CSV link
    assert "Figur 3: Antal langtidsledige (ministermål)" in revision
    assert "Linjediagram" not in revision and "fra 413 personer i dec." not in revision
    assert "Hent figur" not in " ".join(r["content"] for r in index.values())
    assert "Kilde: Resultatrevision 2013" not in revision  # the source under each chart
    # a goal table: its caption and each row's goal are indexed, not the figures in its cells
    assert "Tabel 3: Styrket samarbejde med virksomheder (ministermål) 4A. Sikre, at mindst 6 virksomhedscentre er i drift" in (
        revision
    )
    assert "369 personer fald på 10,7 pct." not in revision and "højst 368 personer (fald på 10,9 pct.)" not in revision
    # a goal's result sentence, which says those figures, is indexed once: not again in the foot
    # of the table of a goal with sub-goals
    assert revision.count("4 ud af 7 mål er opfyldt.") == 1


def test_filters_name_jobcentre_year_and_document_kind(index):
    def filters(url):
        return {k: v for k, v in index[url]["filters"].items()}

    assert filters("/hvidovre/2013/resultatrevision/") == {
        "Jobcenter": ["Jobcenter Hvidovre"],
        "År": ["2013"],
        "Dokument": ["Resultatrevision"],
    }
    assert filters("/hvidovre/2020/beskaeftigelsesplan/") == {
        "Jobcenter": ["Jobcenter Hvidovre"],
        "År": ["2020"],
        "Dokument": ["Beskæftigelsesplan"],
    }
    assert filters("/hvidovre/2012/tilbagemelding/") == {
        "Jobcenter": ["Jobcenter Hvidovre"],
        "År": ["2012"],
        "Dokument": ["Tilbagemelding"],
    }
    assert filters("/hoeje-taastrup/2013/referat-2013-03-06/") == {
        "Jobcenter": ["Jobcenter Høje-Taastrup"],
        "År": ["2013"],
        "Dokument": ["Referat"],
    }
    assert filters("/hvidovre/") == {}
    assert filters("/om-data/") == {}


def test_results_can_show_the_verdict_line_and_each_goals_result_sentence(index):
    meta = index["/hvidovre/2013/resultatrevision/"]["meta"]
    assert meta["title"] == "Resultatrevision 2013 – Jobcenter Hvidovre"
    assert (
        meta["overblik"]
        == "Af 4 mål er 0 opfyldt, 1 delvist opfyldt, 2 ikke opfyldt og 1 ikke målt. Af 7 delmål er 4 opfyldt og 3 ikke opfyldt."
    )
    assert meta["misset"].startswith(
        "Mål 2: 94 mod højst 60 – misset med 34 personer; Mål 3: 369 mod højst 368 – misset med 1 person;"
    )
    assert index["/hvidovre/2020/beskaeftigelsesplan/"]["meta"]["overblik"] == (
        "Planen har 16 mål under 5 pejlemærker; 2 af målene har måltal."
    )
    assert meta["resultat-foertidspension"] == (
        "Ikke opfyldt: 94 personer mod et mål på højst 60 personer; fald på 59,3 pct. siden nulpunktet."
    )
    assert meta["resultat-langtidsledige"].startswith("Ikke opfyldt: 369 personer mod et mål på højst 368 personer")
    anchors = {a["id"]: a["text"] for a in index["/hvidovre/2013/resultatrevision/"]["anchors"]}
    assert anchors["foertidspension"] == "Mål 2: Færre på førtidspension"  # the goal is a sub-result


def _bundle(folder, words: list[tuple[str, int]], chunks: list[list[int]]):
    """A minimal Pagefind bundle in folder: words (text, positions on page 0) grouped into chunks
    (lists of word numbers); returns the words' CBOR as Pagefind encodes them."""
    from site_plugins import search

    encoded = [search._cbor_encode([w, [[0, list(range(1, n + 1)), []]], []]) for w, n in words]
    (folder / "index").mkdir(parents=True)
    ranges = []
    for k, chunk in enumerate(chunks):
        data = search.SIGNATURE + search._cbor_head(4, 1) + search._cbor_head(4, len(chunk)) + b"".join(encoded[i] for i in chunk)
        (folder / "index" / f"da_old{k}.pf_index").write_bytes(gzip.compress(data))
        ranges.append([words[chunk[0]][0], words[chunk[-1]][0], f"da_old{k}"])
    meta = ["1.5.2", [["da_page", 10]], ranges, [], [], ["title"]]
    (folder / "pagefind.da_oldmeta.pf_meta").write_bytes(gzip.compress(search.SIGNATURE + search._cbor_encode(meta)))
    (folder / "pagefind-entry.json").write_text(
        json.dumps({"version": "1.5.2", "languages": {"da": {"hash": "da_oldmeta", "wasm": "da", "page_count": 1}}})
    )
    return encoded


def _read_bundle(folder):
    from site_plugins import search

    entry = json.loads((folder / "pagefind-entry.json").read_text())
    data = gzip.decompress((folder / f"pagefind.{entry['languages']['da']['hash']}.pf_meta").read_bytes())
    meta, _ = search._cbor_decode(data, len(search.SIGNATURE))
    chunks = []
    for start, stop, name in meta[2]:
        data = gzip.decompress((folder / "index" / f"{name}.pf_index").read_bytes())
        chunks.append((start, stop, [data[a:b] for _, a, b in search._words(data)]))
    return meta, chunks


def test_a_very_common_word_gets_an_index_chunk_of_its_own(tmp_path):
    from site_plugins import search

    # "langtidsled" shares a chunk with "led", which has 40 times its positions (as at 98 x 20)
    words = [("arbejde", 30), ("job", 5), ("langtidsled", 50), ("least", 2), ("led", 2000), ("mål", 40)]
    encoded = _bundle(tmp_path, words, [[0, 1], [2, 3, 4], [5]])
    assert search.rechunk(tmp_path) == {"chunks": (3, 4)}
    meta, chunks = _read_bundle(tmp_path)
    assert [(start, stop) for start, stop, _ in chunks] == [
        ("arbejde", "job"),
        ("langtidsled", "lea"),
        ("led", "led"),
        ("mål", "mål"),
    ]
    assert [b for *_, words_ in chunks for b in words_] == encoded  # every word, in order, unchanged
    assert meta[:2] == ["1.5.2", [["da_page", 10]]] and meta[3:] == [[], [], ["title"]]
    assert sorted(p.name for p in (tmp_path / "index").iterdir()) == sorted(f"{c[2]}.pf_index" for c in meta[2])
    assert "da_old1.pf_index" not in {p.name for p in (tmp_path / "index").iterdir()}
    assert len(list(tmp_path.glob("*.pf_meta"))) == 1


def test_chunks_without_a_dominant_last_word_are_left_as_pagefind_wrote_them(tmp_path):
    from site_plugins import search

    words = [("arbejde", 300), ("job", 250), ("langtidsled", 50)]
    _bundle(tmp_path, words, [[0, 1, 2]])
    before = {p.name: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert search.rechunk(tmp_path) == {"chunks": (1, 1)}
    assert {p.name: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_the_seed_sites_index_is_read_back_whole(built_site):
    from site_plugins import search

    meta, chunks = _read_bundle(built_site / "pagefind")
    words = [search._cbor_decode(w, 1)[0] for *_, ws in chunks for w in ws]
    assert len(words) > 1000 and words == sorted(words)
    assert "langtidsled" in words and "hvidovr" in words  # Danish stems
