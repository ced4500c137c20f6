"""Hostile input for the site build: slugs and hand-written pages that clash with the site's own
addresses, data that makes a page fail, and a damaged .cache/.

A clash is found by `validate` and by the build with the same message, naming the data file and
line; a failed build leaves site/ and .cache/ as they were (the harness checks both). A damaged
cache entry is made again: the build succeeds, says which entry it made again, and its site is
byte for byte the site of a clean build (the harness checks site/ unchanged), with every cache
entry whole afterwards.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import cache
from hostile.harness import Case, append, make_seed_project, put, run_case, sub

REGISTRY = "data/jobcentres.yaml"
REVISION = "data/hvidovre/2013/resultatrevision.yaml"
EPOCH = "1700000000"  # SOURCE_DATE_EPOCH: the sitemap's dates do not depend on the day the tests run


def jobcentre(slug: str) -> str:
    """A jobcentre for the end of the registry; its slug is on line 16 (the seed's registry has 15)."""
    return (
        f"  - slug: {slug}\n    name: Jobcenter {slug.title()}\n    municipalities: [{slug.title()} Kommune]\n"
        "    region: Hovedstaden\n    cluster: null\n"
    )


def site_folder(slug: str) -> str:
    return f"data/jobcentres.yaml:16: jobcentres[2].slug: '{slug}' er navnet på en af sitets egne mapper; vælg en anden slug"


HVIDOVRE_HOME = (
    "data/jobcentres.yaml:4: jobcentres[0].slug: docs/hvidovre/index.md har adressen hvidovre/, som siden lavet af denne fil har"
)
REVISION_PAGE = (
    f"{REVISION}:1: docs/hvidovre/2013/resultatrevision/index.md har adressen "
    "hvidovre/2013/resultatrevision/, som siden lavet af denne fil har"
)

CLASHES = [
    Case("slug-data-validate", [append(REGISTRY, jobcentre("data"))], site_folder("data")),
    Case("slug-data-build", [append(REGISTRY, jobcentre("data"))], site_folder("data"), command="build"),
    Case("slug-aar-validate", [append(REGISTRY, jobcentre("aar"))], site_folder("aar")),
    Case("slug-aar-build", [append(REGISTRY, jobcentre("aar"))], site_folder("aar"), command="build"),
    Case("slug-assets-build", [append(REGISTRY, jobcentre("assets"))], site_folder("assets"), command="build"),
    Case("slug-maalopfyldelse-validate", [append(REGISTRY, jobcentre("maalopfyldelse"))], site_folder("maalopfyldelse")),
    Case(
        "slug-is-a-docs-page-validate",
        [append(REGISTRY, jobcentre("om-data"))],
        "data/jobcentres.yaml:16: jobcentres[2].slug: docs/om-data.md har adressen om-data/, som siden lavet af denne fil har",
    ),
    Case(
        "slug-is-a-docs-folder-build",
        [put("docs/hvidovre/noter.md", "# Noter\n")],
        "data/jobcentres.yaml:4: jobcentres[0].slug: slug'en 'hvidovre' er også navnet på en side eller mappe blandt de håndskrevne sider (docs/hvidovre/noter.md)",
        command="build",
    ),
    Case("docs-jobcentre-home-validate", [put("docs/hvidovre/index.md", "# Hvidovre\n")], HVIDOVRE_HOME),
    Case("docs-jobcentre-home-build", [put("docs/hvidovre/index.md", "# Hvidovre\n")], HVIDOVRE_HOME, command="build"),
    Case(
        "docs-jobcentre-page-validate",
        [put("docs/hvidovre.md", "# Hvidovre\n")],
        "data/jobcentres.yaml:4: jobcentres[0].slug: docs/hvidovre.md har adressen hvidovre/",
    ),
    Case("docs-document-page-validate", [put("docs/hvidovre/2013/resultatrevision/index.md", "# R\n")], REVISION_PAGE),
    Case(
        "docs-document-page-build", [put("docs/hvidovre/2013/resultatrevision/index.md", "# R\n")], REVISION_PAGE, command="build"
    ),
    Case(
        "docs-year-listing-build",
        [put("docs/aar/2013/index.md", "# 2013\n")],
        "docs/aar/2013/index.md: adressen aar/2013/ er en side, sitet selv laver",
        command="build",
    ),
    Case(
        "docs-data-page-validate", [put("docs/data.md", "# Data\n")], "docs/data.md: adressen data/ er en side, sitet selv laver"
    ),
    # Data that passes the loader and makes a page fail (a real one: an infinite target cannot be
    # written as a number): the build names the file instead of showing a traceback.
    Case("infinite-target-build", [sub(REVISION, "target: 368", "target: .inf")], f"{REVISION}:", command="build"),
    Case("huge-target-build", [sub(REVISION, "target: 368", "target: 1e400")], f"{REVISION}:", command="build"),
]


# --------------------------------------------------------------------------- damaged cache entries


def entries(project: Path, pattern: str) -> list[Path]:
    found = sorted(p for p in (project / ".cache").glob(pattern) if p.is_file())
    assert found, pattern
    return found


def truncate(pattern: str, keep: int = 200) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        path = entries(project, pattern)[0]
        path.write_bytes(path.read_bytes()[:keep])

    return edit


def corrupt(pattern: str) -> Callable[[Path], None]:
    """Change one byte in the middle of the content, in place."""

    def edit(project: Path) -> None:
        path = entries(project, pattern)[0]
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0x20
        path.write_bytes(bytes(data))

    return edit


def swap(pattern: str) -> Callable[[Path], None]:
    """Copy one entry over another of the same kind: whole, but made for another key."""

    def edit(project: Path) -> None:
        a, b = entries(project, pattern)[:2]
        shutil.copyfile(a, b)

    return edit


def folder_instead(pattern: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        path = entries(project, pattern)[0]
        path.unlink()
        (path / "inside").mkdir(parents=True)

    return edit


DAMAGED = "denne cache-fil var ødelagt"
CACHE = [
    Case("svg-truncated", [truncate("charts/*.svg")], DAMAGED, command="build", exit_code=0),
    Case("svg-corrupted", [corrupt("charts/*.svg")], DAMAGED, command="build", exit_code=0),
    Case("svg-swapped", [swap("charts/*.svg")], DAMAGED, command="build", exit_code=0),
    Case("svg-is-a-folder", [folder_instead("charts/*.svg")], DAMAGED, command="build", exit_code=0),
    Case("page-manifest-truncated", [truncate("files/pages/*.json", 100)], DAMAGED, command="build", exit_code=0),
    Case("page-manifest-swapped", [swap("files/pages/*.json")], DAMAGED, command="build", exit_code=0),
    Case("page-manifest-is-a-folder", [folder_instead("files/pages/*.json")], DAMAGED, command="build", exit_code=0),
    Case("vega-bundle-truncated", [truncate("charts/vega-bundle-*.js", 5000)], DAMAGED, command="build", exit_code=0),
    Case("vega-bundle-emptied", [truncate("charts/vega-bundle-*.js", 0)], DAMAGED, command="build", exit_code=0),
    Case("page-body-corrupted", [corrupt("files/blobs/*.html")], DAMAGED, command="build", exit_code=0),
    Case("generated-csv-swapped", [swap("files/blobs/*.csv")], DAMAGED, command="build", exit_code=0),
    Case("generated-csv-is-a-folder", [folder_instead("files/blobs/*.csv")], DAMAGED, command="build", exit_code=0),
    # a file where the cache's folder belongs: the cache cannot be written; the site is kept
    Case(
        "cache-folder-is-a-file",
        [lambda p: shutil.rmtree(p / ".cache"), put(".cache", "not a folder")],
        "bygningen kan ikke skrive sin cache",
        command="build",
    ),
]


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    """The seed project built with SOURCE_DATE_EPOCH, as each build case runs (see EPOCH)."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        return make_seed_project(tmp_path_factory.mktemp("build-seed"))
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def cache_faults(project: Path) -> list[str]:
    return [f for name in ("charts", "files") for f in cache.Store(project / ".cache" / name).faults()]


def line_of(rel: str, text: str) -> int:
    """The line of the seed file rel that holds text."""
    lines = (Path(__file__).parents[2] / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if text in line)


# A link in a text of data/ to a page of the site: validate and the build find one that leads
# nowhere, naming the data file, line and field; one to a page that exists passes.
EXPLANATION = "    explanation: |\n      Figuren viser tilgangen til førtidspension"
LINKED = f"{REVISION}:{line_of(REVISION, 'Figuren viser tilgangen til førtidspension') - 1}: goals[1].explanation:"


def link_to(target: str):
    return sub(
        REVISION,
        EXPLANATION,
        f"    explanation: |\n      Se [planen]({target}).\n      Figuren viser tilgangen til førtidspension",
    )


LINKS = [
    Case(
        "link-to-missing-page-validate",
        [link_to("../../2012/resultatrevision/index.md")],
        f"{LINKED} linket '../../2012/resultatrevision/index.md' fører ikke til nogen side på sitet",
    ),
    Case(
        "link-to-missing-page-build",
        [link_to("../../2012/resultatrevision/index.md")],
        f"{LINKED} linket '../../2012/resultatrevision/index.md' fører ikke til nogen side på sitet",
        command="build",
    ),
    Case("link-to-missing-folder-validate", [link_to("../../../aarhus/")], f"{LINKED} linket '../../../aarhus/' fører"),
    Case("link-to-existing-plan", [link_to("../../2020/beskaeftigelsesplan/index.md")], "OK:", exit_code=0),
    Case("link-to-hand-written-page", [link_to("../../../om-data.md")], "OK:", exit_code=0),
]


@pytest.mark.parametrize("case", CLASHES + CACHE + LINKS, ids=str)
def test_case(case, seed, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    run_case(case, seed, tmp_path)
    if case.exit_code == 0:
        assert cache_faults(tmp_path / "project") == []


def test_the_corpus_is_large_enough():
    assert len(CLASHES) + len(CACHE) >= 15
    assert {c.command for c in CLASHES} == {"validate", "build"}
