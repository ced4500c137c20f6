"""Bad input: one clear line per problem naming file, line and field; all at once; no traceback."""

import subprocess
import sys

import pytest

from conftest import REGISTRY, ROOT, run_mkdocs_build, write
from generator.data import loader
from generator.data.errors import DataError

REVISION = """
jobcentre: testby
year: 2013
title: Resultatrevision 2013
goals:
  - id: a
    label: Mål 1
    direction: at_most
    baseline: 10
    status: 8
    target: 9
tables:
  - id: serie
    title: En serie
    file: serie.csv
    columns:
      - {key: periode, label: Måned, type: period}
      - {key: testby, label: Testby}
"""
SERIES = "periode,testby\n2013-01,4\n2013-02,5\n"


def tree(tmp_path, revision=REVISION, series=SERIES, registry=REGISTRY):
    return write(
        tmp_path / "data",
        {
            "jobcentres.yaml": registry,
            "testby/2013/resultatrevision.yaml": revision,
            "testby/2013/serie.csv": series,
        },
    )


def errors_of(root):
    with pytest.raises(DataError) as exc:
        loader.load(root)
    return [str(i) for i in exc.value.issues]


def test_valid_tree_loads(tmp_path):
    ds = loader.load(tree(tmp_path))
    assert [d.kind for d in ds.documents] == ["resultatrevision"]
    assert ds.documents[0].table("serie").frame["testby"].tolist() == [4, 5]


def test_a_csv_file_no_document_names_is_a_warning_and_a_used_one_is_not(tmp_path):
    """Every CSV file under data/ is either a document's table or named in a warning; a table
    whose file is reached through a link inside the folder counts as used."""
    root = tree(tmp_path, revision=REVISION.replace("file: serie.csv", "file: tabeller/serie.csv"))
    (root / "testby/2013/tabeller").mkdir()
    (root / "testby/2013/serie.csv").rename(root / "testby/2013/tabeller/serie.csv")
    (root / "testby/2013/tabeller/gammel.csv").write_text(SERIES)
    (root / "testby/2013/link.csv").symlink_to("tabeller/serie.csv")
    warnings = [str(w) for w in loader.load(root).warnings]
    unused = [w.removeprefix(str(tmp_path) + "/") for w in warnings if "CSV-fil" in w]
    assert unused == [
        "data/testby/2013/tabeller/gammel.csv: intet dokument henviser til denne CSV-fil, så den vises ikke "
        "(se docs/forfatter.md#tabeller)"
    ]


def test_wrong_type_names_file_line_and_field(tmp_path):
    root = tree(tmp_path, REVISION.replace("target: 9", "target: tres"))
    [err] = errors_of(root)
    assert err.endswith(
        "testby/2013/resultatrevision.yaml:10: goals[0].target: her skal stå et tal, men der står 'tres' "
        "(se docs/forfatter.md#tal)"
    )


def test_yaml_syntax_error(tmp_path):
    root = tree(tmp_path, REVISION.replace("title: Resultatrevision 2013", "title: [Resultatrevision"))
    [err] = errors_of(root)
    assert "resultatrevision.yaml:4:" in err and "YAML-fejl: en liste i [ ] er ikke lukket rigtigt; afslut den med ]" in err


def test_missing_required_field(tmp_path):
    root = tree(tmp_path, REVISION.replace("  - id: a\n    label: Mål 1\n", "  - label: Mål 1\n"))
    [err] = errors_of(root)
    assert err.endswith(
        "resultatrevision.yaml:5: goals[0].id: feltet mangler; det skal udfyldes (se docs/forfatter.md#resultatrevision)"
    )


def test_unknown_field_is_an_error(tmp_path):
    root = tree(tmp_path, REVISION.replace("    baseline: 10\n", "    baseline: 10\n    tagret: 9\n"))
    [err] = errors_of(root)
    assert "resultatrevision.yaml:9: goals[0].tagret: feltet findes ikke her; mente du 'target'?" in err


def test_unknown_jobcentre(tmp_path):
    root = tree(tmp_path, REVISION.replace("jobcentre: testby", "jobcentre: nowhere"))
    errs = errors_of(root)
    assert any(
        e.endswith(
            "resultatrevision.yaml:1: jobcentre: ukendt jobcenter 'nowhere'; tilføj det i data/jobcentres.yaml "
            "(kendte: testby) (se docs/forfatter.md#registret)"
        )
        for e in errs
    )


def test_duplicate_goal_id(tmp_path):
    doubled = REVISION.replace(
        "tables:",
        """  - id: a
    label: Mål 2
    direction: qualitative
tables:""",
    )
    [err] = errors_of(tree(tmp_path, doubled))
    assert err.endswith(
        "resultatrevision.yaml:11: goals[1].id: mål-id'et 'a' er brugt to gange (først ved goals[0]); giv hver sit id"
    )


def test_duplicate_text_fact_id(tmp_path):
    """Two figures of the running text under one id: named as such (was a KeyError)."""
    doubled = REVISION.replace(
        "tables:",
        """text_facts:
  - {id: ledige, value: 4.2, unit: pct., measures: ledighed}
  - {id: ledige, value: 3.9, unit: pct., measures: ledighed}
tables:""",
    )
    [err] = errors_of(tree(tmp_path, doubled))
    assert err.endswith(
        "resultatrevision.yaml:13: text_facts[1].id: tal i teksten-id'et 'ledige' er brugt to gange (først ved text_facts[0]); "
        "giv hver sit id"
    )


def test_csv_missing_column(tmp_path):
    [err] = errors_of(tree(tmp_path, series="periode,andet\n2013-01,4\n"))
    assert err.endswith(
        "testby/2013/serie.csv:1: testby: kolonnen mangler i overskriften (fandt: periode, andet); overskriften "
        "skal have kolonnerne fra columns (se docs/forfatter.md#tabeller)"
    )


def test_csv_non_numeric_value(tmp_path):
    [err] = errors_of(tree(tmp_path, series="periode,testby\n2013-01,4\n2013-02,fem\n"))
    assert err.endswith(
        "testby/2013/serie.csv:3: testby: her skal stå et tal (punktum som decimaltegn, ingen "
        "tusindtalsseparator), men der står 'fem' (se docs/forfatter.md#tal)"
    )


def test_csv_bad_period(tmp_path):
    [err] = errors_of(tree(tmp_path, series="periode,testby\n2013-13,4\n"))
    assert err.endswith(
        "serie.csv:2: periode: her skal stå en måned som ÅÅÅÅ-MM, fx 2013-12; der står '2013-13' (se docs/forfatter.md#datoer)"
    )


def test_file_not_utf8(tmp_path):
    root = tree(tmp_path)
    (root / "testby/2013/resultatrevision.yaml").write_bytes(REVISION.lstrip().replace("Mål", "M\xe5l").encode("latin-1"))
    [err] = errors_of(root)
    assert "resultatrevision.yaml:6:" in err and "filen er ikke gemt som UTF-8 (byte 0xe5 på denne linje)" in err


def test_all_errors_at_once(tmp_path):
    root = tree(tmp_path, REVISION.replace("target: 9", "target: tres").replace("jobcentre: testby", "jobcentre: x"))
    (root / "testby/2013/serie.csv").write_text("periode,testby\n2013-01,fire\n")
    bad = write(root, {"testby/2014/resultatrevision.yaml": "jobcentre: testby\nyear: 2014\n"})
    errs = errors_of(bad)
    assert len(errs) == 4
    assert any("goals[0].target" in e for e in errs)
    assert any("resultatrevision.yaml:1: jobcentre: ukendt jobcenter 'x'" in e for e in errs)
    assert any("serie.csv:2: testby: her skal stå et tal" in e for e in errs)
    assert any("2014/resultatrevision.yaml:1: title: feltet mangler" in e for e in errs)


def test_cli_validate_exit_codes(tmp_path):
    ok = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--data", str(tree(tmp_path))], capture_output=True, text=True, cwd=ROOT
    )
    assert ok.returncode == 0 and ok.stdout.startswith("OK: 1 dokument og 1 jobcenter i ")
    (tmp_path / "data/testby/2013/serie.csv").write_text("periode,testby\n2013-01,fire\n")
    bad = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--data", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert bad.returncode == 1
    assert "serie.csv:2: testby: her skal stå et tal" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_build_stops_and_leaves_the_old_site(project_copy, tmp_path):
    site = tmp_path / "out"
    site.mkdir()
    (site / "marker.html").write_text("old site")
    path = project_copy / "data/hvidovre/2013/resultatrevision.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    target: 60\n", "    target: tres\n"), encoding="utf-8")
    result = run_mkdocs_build(project_copy, site)
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "goals[1].target: her skal stå et tal, men der står 'tres'" in out
    assert "Traceback" not in out
    assert [p.name for p in site.iterdir()] == ["marker.html"]


def test_hand_written_page_is_never_replaced(project_copy, tmp_path):
    own = project_copy / "docs/hvidovre/2013/resultatrevision/index.md"
    own.parent.mkdir(parents=True)
    own.write_text("# Min egen side\n")
    result = run_mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/hvidovre/2013/resultatrevision/index.md" in result.stdout + result.stderr
    assert own.read_text() == "# Min egen side\n"


def test_reference_to_unknown_table(tmp_path):
    root = tree(
        tmp_path, REVISION.replace("    target: 9\n", "    target: 9\n    explanation: Se {ref:serie} og {ref:mangler}.\n")
    )
    [err] = errors_of(root)
    assert err.endswith(
        "resultatrevision.yaml:11: goals[0].explanation: {ref:mangler} nævner ingen tabel eller figur i dette "
        "dokument; brug et id fra tables (se docs/forfatter.md#afsnit)"
    )


def test_missing_csv_file_names_the_yaml_line(tmp_path):
    root = write(tmp_path / "data", {"jobcentres.yaml": REGISTRY, "testby/2013/resultatrevision.yaml": REVISION})
    with pytest.raises(DataError) as e:
        loader.load(root)
    assert "resultatrevision.yaml:14: tables[0].file: filen serie.csv findes ikke i dokumentets mappe" in e.value.report()


def test_line_maps_are_made_only_for_messages(tmp_path):
    """Line maps cost time and memory at national scale: a valid file never needs one."""
    cache = loader.LoadCache()
    loader.load(tree(tmp_path), cache=cache)
    (loaded,) = cache.files.values()
    assert loaded.lines._map is None
    assert loaded.lines.get(("goals", 0, "status")) == 9  # made when asked, from the file
    assert loaded.lines._map is not None


def test_reserved_slugs_hold_every_folder_the_site_writes(built_site):
    """A jobcentre's folder must never be one the site writes itself: the site's own folder
    constants, and every top-level folder of a real build that is no jobcentre and no page of docs/."""
    from mkdocs.config import load_config

    from generator.data import models
    from generator.site import build, opendata, scorecard
    from generator.site import listings as overview

    config = load_config(str(ROOT / "mkdocs.yml"))

    from generator.data import schema

    own = {
        overview.YEARS_FOLDER,
        scorecard.SCORECARD,
        opendata.DATA_PAGE,
        schema.FOLDER,
        *(path.split("/")[0] for path in [build.JS_BUNDLE, *config.extra_css, *config.extra_javascript]),
    }
    assert own <= models.RESERVED_SLUGS
    slugs = {j.slug for j in loader.load(ROOT / "data").registry.jobcentres}
    hand_written = {p.stem for p in (ROOT / "docs").glob("*.md")}
    folders = {p.name for p in built_site.iterdir() if p.is_dir()} - slugs - hand_written
    assert folders and folders <= models.RESERVED_SLUGS, folders - models.RESERVED_SLUGS


def test_a_reserved_slug_is_a_registry_error(tmp_path):
    root = tree(tmp_path, registry=REGISTRY.replace("slug: testby", "slug: aar"))
    errors = errors_of(root)
    assert any(
        e.endswith(
            "jobcentres.yaml:2: jobcentres[0].slug: 'aar' er navnet på en af sitets egne mapper; vælg en "
            "anden slug (optaget: 404, aar, assets, data, maalopfyldelse, pagefind, schemas, search, sitemap)"
        )
        for e in errors
    ), errors


def test_impossible_date_and_other_errors_come_together(tmp_path):
    root = tree(
        tmp_path,
        REVISION.replace("title: Resultatrevision 2013\n", "title: Resultatrevision 2013\nupdated: 2013-02-30\n").replace(
            "target: 9", "target: .inf"
        ),
    )
    errors = errors_of(root)
    assert [e.split("resultatrevision.yaml:")[1] for e in errors] == [
        "4: updated: '2013-02-30' er ikke en dato i kalenderen (se docs/forfatter.md#datoer)",
        "11: goals[0].target: her skal stå et almindeligt tal, men der står inf (se docs/forfatter.md#regler)",
    ]


def test_dates_are_read_by_the_models(tmp_path):
    """YAML dates arrive as text; the models make them dates (a valid one is kept as it was)."""
    root = tree(
        tmp_path, REVISION.replace("title: Resultatrevision 2013\n", "title: Resultatrevision 2013\nupdated: 2014-02-28\n")
    )
    import datetime as dt

    assert loader.load(root).documents[0].model.updated == dt.date(2014, 2, 28)


def test_goal_type_not_stated_is_shown_as_not_stated(tmp_path):
    """No silent default: a goal without type is no ministermål; the page says 'ikke angivet' and
    open data leave the cell empty."""
    from generator.site import build, opendata, scorecard

    ds = loader.load(tree(tmp_path))
    [goal] = ds.documents[0].model.goals
    assert goal.type is None
    page = build.document_pages(ds)[0]
    assert "Tabel 1: Mål 1 (ikke angivet)" in page.content
    assert [r["type"] for r in opendata.goal_rows(ds)] == [""]
    assert scorecard.ministermaal_rows(ds) == []
    typed = loader.load(
        tree(tmp_path / "typed", REVISION.replace("    label: Mål 1\n", "    label: Mål 1\n    type: lokalt mål\n"))
    )
    assert "Tabel 1: Mål 1 (lokalt mål)" in build.document_pages(typed)[0].content


def test_a_duplicate_key_keeps_no_silent_winner(tmp_path):
    root = tree(tmp_path, REVISION.replace("    target: 9\n", "    target: 9\n    target: 7\n"))
    assert errors_of(root) == [
        f"{root}/testby/2013/resultatrevision.yaml:11: goals[0].target: "
        "feltet 'target' står to gange samme sted; behold det ene (se docs/forfatter.md#regler)"
    ]


def test_every_yaml_message_the_code_asks_for_exists_and_fits_text():
    """Each messages.text("yaml.…") in the code names a text of messages.YAML, and no text has a
    slot named 'key' (text() takes the message's key by that name)."""
    import re
    import string

    from generator import messages

    used = set()
    for path in (ROOT / "generator").rglob("*.py"):
        used |= set(re.findall(r'messages\.text\(\s*f?"(yaml\.[a-z_]+)"', path.read_text(encoding="utf-8")))
    assert len(used) > 40 and used <= set(messages.MESSAGES), used - set(messages.MESSAGES)
    for text in messages.YAML.values():
        assert "key" not in {name for _, name, _, _ in string.Formatter().parse(text) if name}, text


def test_an_alias_is_stopped_while_loading_even_if_the_quick_scan_misses_it(tmp_path, monkeypatch):
    """The anchor scan runs only where '&name' could be an anchor; the loader itself stops at the
    first alias (before an alias bomb grows) and the scan then names its line and field."""
    import re

    monkeypatch.setattr(loader, "_MAYBE_ANCHOR", re.compile(r"(?!x)x"))  # the quick check finds nothing
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefghi", "bcdefghij")
    )
    root = tree(tmp_path, REVISION + bomb)
    assert errors_of(root) == [
        f"{root}/testby/2013/resultatrevision.yaml:18: a: "
        "YAML-ankre og -aliasser (&navn, *navn) må ikke bruges (anchor &a); skriv værdien helt ud "
        "hver gang (se docs/forfatter.md#regler)"
    ]
