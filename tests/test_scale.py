"""The shortcuts taken for national scale give the same results as the slow ways."""
from __future__ import annotations

import gzip
import random
import re
from pathlib import Path

import pytest
from babel.numbers import format_decimal

from generator import formatting

from generator.views import page as pages


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
    values += [rng.uniform(-1e6, 1e6) for _ in range(2000)] + [round(rng.uniform(-1e4, 1e4), rng.randint(0, 4)) for _ in range(2000)]
    for v in values:
        for d in (None, 0, 1, 2, 3):
            assert formatting.number(v, d) == babel_number(v, d), (v, d)


def test_html_blocks_cover_every_figure_and_table_of_a_page(dataset):
    page = next(p for p in pages.build_pages(dataset) if p.path.endswith("resultatrevision/index.md"))
    blocks = pages.HTML_BLOCK.findall(page.content)
    assert sum(b.startswith("<figure") for b in blocks) == page.content.count('<figure class="jc-figure"') >= 4
    rest = pages.HTML_BLOCK.sub("", page.content)
    assert "<table" not in rest and "<figure" not in rest and "<script" not in rest


def test_a_rebuild_reuses_what_did_not_change(tmp_path):
    """mkdocs serve: after one change, only that document is read again and only the pages of
    its jobcentre and year are made again."""
    import os

    from generator.data import loader

    from generator.site import build as site
    from test_synth import synth

    data = synth(tmp_path / "s", "2x2") / "data"
    cache, memo = loader.LoadCache(), site.Memo()
    first = loader.load(data, cache)
    first_pages = {p.path: p for p in site.document_pages(first, memo=memo)}
    changed = data / "albertslund/2008/resultatrevision.yaml"
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("title: Resultatrevision 2008", "title: Resultatrevision 2008 (rettet)", 1), encoding="utf-8")
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 10**9))
    second = loader.load(data, cache)
    same = {d.path for d, e in zip(first.documents, second.documents) if d is e}
    assert same == {d.path for d in first.documents} - {changed}
    second_pages = {p.path: p for p in site.document_pages(second, memo=memo)}
    remade = {path for path, p in second_pages.items() if p is not first_pages[path]}
    assert remade == {f"albertslund/2008/{kind}/index.md" for kind in ("resultatrevision", "beskaeftigelsesplan", "tilbagemelding")}
    assert "(rettet)" in second_pages["albertslund/2008/resultatrevision/index.md"].content


def test_generated_files_are_written_once_and_not_held(dataset, tmp_path):
    """With a files folder, the pages' files (CSV, open data) are on disk, not in memory, with the
    same bytes; a second build leaves unchanged files untouched (serve --dirty sees them as such)."""
    from pathlib import Path

    from generator.site import cache

    from generator.site import build as site

    held = {path: bytes(c) if not isinstance(c, str) else c.encode()
            for p in site.all_pages(dataset) for path, c in p.assets.items() if not isinstance(c, Path)}
    files_dir = tmp_path / "files"
    spilled = {path: c for p in site.all_pages(dataset, files_dir=files_dir) for path, c in p.assets.items()
               if path in held}
    assert set(spilled) == set(held) and "data/tal.csv.gz" in held
    store = cache.Store(files_dir)
    assert all(isinstance(c, Path) and store.get(store.key_of(c)) == held[path] for path, c in spilled.items())
    doc_csv = "hvidovre/2013/resultatrevision/tal.csv"
    assert "hvidovre,2013,resultatrevision" in store.get(doc_csv).decode("utf-8")
    mtimes = {c: c.stat().st_mtime_ns for c in spilled.values()}
    site.all_pages(dataset, files_dir=files_dir)
    assert {c: c.stat().st_mtime_ns for c in spilled.values()} == mtimes


def test_generated_files_are_copied_from_the_cache_and_never_change_with_it(tmp_path):
    """The site's generated files are copies of the cache entries' content (no file is shared
    with .cache/): the cache moving on, or being damaged in place, leaves the built site as it
    is; the next build brings the new content."""
    from conftest import run_mkdocs_build
    from generator.site import cache
    from generator.data import loader
    from generator.site import build as site
    from test_synth import synth

    project = synth(tmp_path / "s", "2x2")
    site_dir = tmp_path / "site"
    assert run_mkdocs_build(project, site_dir).returncode == 0
    csv = "albertslund/2008/resultatrevision/maal.csv"
    files = cache.Store(project / ".cache/files")
    assert (site_dir / csv).read_bytes() == files.get(csv) and (site_dir / csv).stat().st_nlink == 1
    svgs = sorted(site_dir.glob("albertslund/2008/resultatrevision/figur-*.svg"))
    assert svgs and all(p.stat().st_nlink == 1 and p.read_bytes().startswith(b"<svg") for p in svgs)

    built = {p: p.read_bytes() for p in [site_dir / csv, *svgs]}
    for entry in (project / ".cache/charts").glob("*.svg"):
        with open(entry, "r+b") as f:  # damaged in place
            f.write(b"XXXX")
    changed = project / "data/albertslund/2008/resultatrevision.yaml"
    text = changed.read_text(encoding="utf-8")
    old_status = re.search(r"^\s*status: (\d+)$", text, flags=re.M)
    changed.write_text(text[:old_status.start(1)] + "1234567" + text[old_status.end(1):], encoding="utf-8")
    site.all_pages(loader.load(project / "data"), files_dir=project / ".cache/files")  # the cache moves on
    assert b"1234567" in files.get(csv)
    assert {p: p.read_bytes() for p in built} == built  # the built site does not

    assert run_mkdocs_build(project, site_dir).returncode == 0
    assert b"1234567" in (site_dir / csv).read_bytes()
    assert all((p.read_bytes() == built[p]) for p in svgs)  # damaged entries made again, same SVGs


@pytest.fixture
def synth_2x2(tmp_path):
    from generator.data import loader
    from test_synth import synth

    return loader.load(synth(tmp_path / "s", "2x2") / "data")


def made_in(processes: int, dataset, tmp_path):
    from generator.views import charts
    from generator.site import opendata
    from generator.site import build as site

    cache, files_dir = tmp_path / f"charts-{processes}", tmp_path / f"files-{processes}"
    charts.use_cache(cache)
    charts._pending.clear()
    site_wide = opendata.SiteWide()
    made = site.document_pages(dataset, cache, site_wide=site_wide, files_dir=files_dir, processes=processes)
    promised = dict(charts._pending)
    charts._pending.clear()
    files = {p.relative_to(files_dir).as_posix(): p.read_bytes() for p in sorted(files_dir.rglob("*")) if p.is_file()}
    return made, site_wide.files(), files, promised


def test_pages_made_in_two_processes_are_the_pages_made_in_one(synth_2x2, tmp_path):
    one, one_wide, one_files, one_svgs = made_in(1, synth_2x2, tmp_path)
    two, two_wide, two_files, two_svgs = made_in(2, synth_2x2, tmp_path)
    assert [p.path for p in two] == [p.path for p in one] and len(one) == 12
    for a, b in zip(one, two):
        assert (b.title, b.data, b.source) == (a.title, a.data, a.source)
        assert {k: Path(v).name for k, v in b.assets.items()} == {k: Path(v).name for k, v in a.assets.items()}
    assert two_wide == one_wide and b"\nalbertslund,2008,resultatrevision," in gzip.decompress(two_wide["data/maal.csv.gz"])
    assert two_files == one_files and "albertslund/2008/resultatrevision/maal.csv" in two_files
    # every SVG fallback promised, also by the pages of the second process (the second half)
    svgs = {v.name for p in two for k, v in p.assets.items() if k.endswith(".svg")}
    assert {p.name for p in two_svgs} == svgs and {p.name for p in one_svgs} == svgs
    assert sum(k.endswith(".svg") for p in two[len(two) // 2:] for k in p.assets) >= 5


def test_an_error_or_a_warning_in_the_second_process_reaches_the_build(synth_2x2, tmp_path, monkeypatch, caplog):
    import logging

    from generator.views import page as pages
    from generator.data.errors import DataError, DataIssue

    real = pages.PAGE_BUILDERS["tilbagemelding"]

    def warns(dataset, doc, svg_cache):
        logging.getLogger("mkdocs.plugins.jobcentres").warning("made %s", doc.path.name)
        return real(dataset, doc, svg_cache)

    monkeypatch.setitem(pages.PAGE_BUILDERS, "tilbagemelding", warns)
    with caplog.at_level(logging.WARNING):
        made_in(2, synth_2x2, tmp_path)
    assert [r.getMessage() for r in caplog.records].count("made tilbagemelding.yaml") == 4  # 2 of them in the child

    last = synth_2x2.documents[-1].path

    def fails(dataset, doc, svg_cache):
        if doc.path == last:
            raise DataError([DataIssue(str(doc.path), 7, "goals[0].status", "not a number")])
        return real(dataset, doc, svg_cache)

    monkeypatch.setitem(pages.PAGE_BUILDERS, synth_2x2.documents[-1].kind, fails)
    with pytest.raises(DataError) as raised:
        made_in(2, synth_2x2, tmp_path / "again")
    assert raised.value.issues[0].line == 7 and "goals[0].status" in str(raised.value)


def test_serve_rebuilds_after_the_files_folder_is_deleted(project_copy, tmp_path):
    """`mkdocs serve` reuses unchanged pages without their Markdown (it is in .cache/files);
    if that folder is deleted between two builds, the next build makes every page again."""
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
    assert (project_copy / ".cache/files/hvidovre/2013/resultatrevision/index.md").is_file()
