"""The shortcuts taken for national scale give the same results as the slow ways."""

from __future__ import annotations

import gzip
import random
import re
from pathlib import Path

from babel.numbers import format_decimal

from generator import formatting


def babel_number(value, decimals=None):
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
        pattern = "#,##0" if decimals == 0 else "#,##0.##"
    else:
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale="da_DK")


def test_numbers_are_formatted_as_babel_does():
    rng = random.Random(7)
    values = [0, -0.0, 1, -1, 0.5, 2.5, -2.5, 2.675, 1.005, 1603, 1603.0, -1603.25, 1e9, 59.307, 16.86, 0.004]
    values += [rng.uniform(-1e6, 1e6) for _ in range(2000)] + [
        round(rng.uniform(-1e4, 1e4), rng.randint(0, 4)) for _ in range(2000)
    ]
    for v in values:
        for d in (None, 0, 1, 2, 3):
            assert formatting.number(v, d) == babel_number(v, d), (v, d)


def _built(data: Path, store_dir: Path, charts_dir: Path):
    """One build of the site stage into a files' store; returns the site and its pages by path."""
    from generator import cache
    from generator.data import loader
    from generator.site import build

    ctx = build.context(svg_cache=charts_dir)
    site = build.build(ctx, loader.load(data), cache.Store(store_dir))
    assert ctx.svgs is not None  # a context with a chart cache
    ctx.svgs.wait()
    return site, {p.path: p for p in site.pages}


def test_a_warm_build_makes_no_page_and_one_change_remakes_its_folder(tmp_path):
    """The cache rule: a document's page is stored under a hash of its folder's files, its
    jobcentre and the generator's version. A second build makes none; after one change, the
    pages of that folder are made again, with the change, and nothing else."""

    from generator import cache
    from test_synth import synth

    data = synth(tmp_path / "s", "2x2") / "data"
    store, charts = tmp_path / "files", tmp_path / "charts"
    first, first_pages = _built(data, store, charts)
    assert first.made == 12
    again, again_pages = _built(data, store, charts)
    assert again.made == 0
    assert {p: vars(x) for p, x in again_pages.items()} == {p: vars(x) for p, x in first_pages.items()}
    keys = lambda site: {path: (store.root, key) for path, (store, key) in [*site.files.items(), *site.late.items()]}  # noqa: E731
    assert keys(again) == keys(first)
    changed = data / "albertslund/2008/resultatrevision.yaml"
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("title: Resultatrevision 2008", "title: Resultatrevision 2008 (rettet)", 1), encoding="utf-8")
    third, third_pages = _built(data, store, charts)
    assert third.made == 3
    remade = {path for path, p in third_pages.items() if p.body != first_pages[path].body}
    folder = {f"albertslund/2008/{kind}.md" for kind in ("resultatrevision", "beskaeftigelsesplan", "tilbagemelding")}
    assert folder <= remade  # and the listings that name the document
    assert not {p for p in remade if p.startswith("albertslund/2007/") or p.startswith("ballerup/")}
    body = cache.Store(store).get(third_pages["albertslund/2008/resultatrevision.md"].body).decode()
    assert "(rettet)" in body


def test_a_damaged_or_missing_entry_is_made_again(tmp_path):
    from generator import cache
    from test_synth import synth

    data = synth(tmp_path / "s", "2x2") / "data"
    store, charts = tmp_path / "files", tmp_path / "charts"
    first, pages = _built(data, store, charts)
    manifest = next((store / "pages").iterdir())
    with open(manifest, "r+b") as f:
        f.write(b"XXXX")  # damaged in place
    svg = next(charts.glob("*.svg"))
    svg.unlink()  # pruned
    again, again_pages = _built(data, store, charts)
    assert 1 <= again.made < 12
    assert {p: vars(x) for p, x in again_pages.items()} == {p: vars(x) for p, x in pages.items()}
    assert svg.is_file() and cache.Store(charts).get(svg.name) is not None


def test_the_site_wide_files_are_the_documents_members_joined(dataset, tmp_path):
    """maal.csv.gz and the others are gzip files of several members (one a document): read as
    one stream they are the header and every document's rows, in the dataset's order."""
    from generator.site import opendata

    files, counts = opendata.files(dataset)
    text = gzip.decompress(files["data/maal.csv.gz"]).decode()
    lines = text.splitlines()
    assert lines[0].startswith("jobcentre,year,document,goal_id") and len(lines) == counts["maal"] + 1
    assert [line.split(",")[2] for line in lines[1:3]] == ["resultatrevision", "resultatrevision"]  # the dataset's order
    import json

    rows = json.loads(gzip.decompress(files["data/tal.json.gz"]))["rows"]
    assert len(rows) == counts["tal"] > 100


def test_generated_files_are_copied_from_the_cache_and_never_change_with_it(tmp_path):
    """The site's generated files are copies of the cache entries' content (no file is shared
    with .cache/): the cache being damaged in place leaves the built site as it is; the next
    build makes the damaged entries again and brings the new content."""
    from conftest import run_mkdocs_build
    from test_synth import synth

    project = synth(tmp_path / "s", "2x2")
    site_dir = tmp_path / "site"
    assert run_mkdocs_build(project, site_dir).returncode == 0
    csv = site_dir / "albertslund/2008/resultatrevision/maal.csv"
    svgs = sorted(site_dir.glob("albertslund/2008/resultatrevision/figur-*.svg"))
    assert csv.stat().st_nlink == 1 and svgs and all(p.stat().st_nlink == 1 and p.read_bytes().startswith(b"<svg") for p in svgs)

    built = {p: p.read_bytes() for p in [csv, *svgs]}
    for entry in [*(project / ".cache/charts").glob("*.svg"), *(project / ".cache/files/pages").iterdir()]:
        with open(entry, "r+b") as f:  # damaged in place
            f.write(b"XXXX")
    assert {p: p.read_bytes() for p in built} == built  # the built site does not change
    changed = project / "data/albertslund/2008/resultatrevision.yaml"
    text = changed.read_text(encoding="utf-8")
    old_status = re.search(r"^\s*status: (\d+)$", text, flags=re.M)
    changed.write_text(text[: old_status.start(1)] + "1234567" + text[old_status.end(1) :], encoding="utf-8")
    result = run_mkdocs_build(project, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert b"1234567" in csv.read_bytes()
    assert all((p.read_bytes() == built[p]) for p in svgs)  # damaged entries made again, same SVGs


def test_serve_rebuilds_after_the_files_folder_is_deleted(project_copy, tmp_path):
    """`mkdocs serve` keeps its plugin between builds; if the cache's files are deleted between
    two builds, the next build makes every page again."""
    import shutil

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(project_copy / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    page = tmp_path / "site/hvidovre/2013/resultatrevision/index.html"
    build(config)
    assert "94 personer" in page.read_text(encoding="utf-8")
    shutil.rmtree(project_copy / ".cache/files")
    page.unlink()
    build(config)
    assert "94 personer" in page.read_text(encoding="utf-8")
    assert any((project_copy / ".cache/files/pages").iterdir())


def test_loaded_documents_are_kept_under_a_hash_of_their_folder(tmp_path):
    """The data stage's cache: a second load takes every document from the store, with the same
    models and tables; a changed CSV file of a folder loads that folder's documents again; a
    damaged entry is loaded again from the files."""
    import shutil

    from conftest import DATA
    from generator import cache
    from generator.data import loader

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    store = cache.Store(tmp_path / "files")

    def load():
        load_cache = loader.LoadCache(store)
        dataset = loader.load(data, cache=load_cache)
        load_cache.keep()
        return dataset

    first = load()
    entries = sorted((tmp_path / "files/loaded").iterdir())
    assert len(entries) == len(first.documents) == 4
    second = load()
    dumped = lambda ds: [d.model.model_dump_json() for d in ds.documents]  # noqa: E731
    assert dumped(second) == dumped(first)
    revision = next(d for d in second.documents if d.kind == "resultatrevision")
    assert revision.model.goals[2].status == 369 and revision.table(revision.model.tables[0].id).frame is not None
    assert [str(w) for w in second.warnings] == [str(w) for w in first.warnings]
    series = data / "hvidovre/2013/serier/langtidsledige.csv"
    series.write_text(series.read_text(encoding="utf-8").replace("369", "370"), encoding="utf-8")
    third = load()
    assert len(list((tmp_path / "files/loaded").iterdir())) == 5  # the folder's one document again
    changed = next(d for d in third.documents if d.kind == "resultatrevision")
    assert 370 in changed.table("langtidsledige").frame.iloc[:, 1].tolist()
    with open(entries[0], "r+b") as f:
        f.write(b"XXXX")
    assert len(load().documents) == 4


def test_an_entry_is_hashed_once_per_build_and_again_when_its_file_changes(tmp_path, monkeypatch):
    """A Store checks an entry's checksum when it first reads it; read again in the same build
    (a page's manifest check, then its copy into the site) it is not hashed again while its file
    is the one checked. A file put in its place is checked afresh: damage is still found."""
    from generator import cache

    store = cache.Store(tmp_path / "files")
    store.put("blobs/a.html", b"<p>Hvidovre</p>")
    hashed = []
    checksum = cache._checksum
    monkeypatch.setattr(cache, "_checksum", lambda key, content: hashed.append(key) or checksum(key, content))

    assert store.get("blobs/a.html") == b"<p>Hvidovre</p>" and hashed == ["blobs/a.html"]
    store.copy_out("blobs/a.html", tmp_path / "site" / "a" / "index.html")
    assert (tmp_path / "site" / "a" / "index.html").read_bytes() == b"<p>Hvidovre</p>" and hashed == ["blobs/a.html"]

    entry = store.file("blobs/a.html")
    damaged = entry.read_bytes().replace(b"Hvidovre", b"Hvidovrx")
    entry.unlink()
    entry.write_bytes(damaged)  # a new file: another inode
    assert store.get("blobs/a.html") is None and hashed == ["blobs/a.html", "blobs/a.html"]
    # a second build's store checks every entry again
    assert cache.Store(tmp_path / "files").get("blobs/a.html") is None and len(hashed) == 3


def test_serve_dirty_rewrites_the_changed_documents_files_only(project_copy, tmp_path):
    """`mkdocs serve --dirty` after one change: the changed document's files are written again
    with the new figure; another document's files are left as they are (not written again)."""
    import os

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def rebuild():
        config = load_config(config_file=str(project_copy / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        config.plugins.on_startup(command="serve", dirty=True)
        build(config, dirty=True)

    changed, other = (
        tmp_path / "site/hvidovre/2013/resultatrevision/maal.csv",
        tmp_path / "site/hoeje-taastrup/2013/referat-2013-03-06/figur-1.csv",
    )
    rebuild()
    assert ",not_met," in changed.read_text(encoding="utf-8").splitlines()[3]
    before = os.stat(other)
    revision = project_copy / "data/hvidovre/2013/resultatrevision.yaml"
    revision.write_text(revision.read_text(encoding="utf-8").replace("    status: 369\n", "    status: 360\n"), encoding="utf-8")
    rebuild()
    assert ",369," not in changed.read_text(encoding="utf-8") and ",360,2013-12," in changed.read_text(encoding="utf-8")
    after = os.stat(other)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
