"""A build never loses the published site, and builds sharing one .cache/ both succeed.

Each test builds a copy of a project with `mkdocs build --strict` in a child process, as
scripts/build.sh does, and compares site/ byte for byte (tests/hostile/harness.tree_digest).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import copy_project
from generator import cache
from hostile.harness import tree_digest
from test_synth import synth

EPOCH = "1700000000"


def build(project: Path, *extra: str, wait: bool = True):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
    args = [sys.executable, "-m", "mkdocs", "build", "--strict", *extra]
    if not wait:
        return subprocess.Popen(
            args, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
        )
    return subprocess.run(args, cwd=project, env=env, capture_output=True, text=True)


def leftovers(project: Path) -> list[str]:
    """Partial sites, temporary cache files and cache entries that do not check out."""
    out = [p.name for p in project.iterdir() if ".partial-" in p.name or ".old-" in p.name]
    return out + [f for name in ("charts", "files") for f in cache.Store(project / ".cache" / name).faults()]


@pytest.fixture
def seed(tmp_path):
    (tmp_path / "seed").mkdir()
    project = copy_project(tmp_path / "seed")
    first = build(project)
    assert first.returncode == 0, first.stdout + first.stderr
    return project


def test_a_build_killed_midway_leaves_the_site_and_the_cache_whole(tmp_path):
    project = synth(tmp_path / "s", "3x2")
    assert build(project).returncode == 0
    before = tree_digest(project / "site")
    assert len(before) > 200
    shutil.rmtree(project / ".cache")  # a cold build: long enough to be caught in the middle
    proc = build(project, wait=False)
    deadline = time.monotonic() + 300
    while not any(".partial-" in p.name for p in project.iterdir()):  # the plugin has started writing
        assert proc.poll() is None, proc.stdout.read()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGKILL)  # the build and the processes it started, as a cancelled CI job
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert tree_digest(project / "site") == before
    left = leftovers(project)
    assert any(".partial-" in name for name in left)
    # nothing else: at most temporary files, never an entry that does not check out
    assert [name for name in left if ".partial-" not in name and cache.TMP not in Path(name).parts] == []

    again = build(project)  # removes what the killed build left, and builds the same site
    assert again.returncode == 0, again.stdout + again.stderr
    assert leftovers(project) == []
    assert tree_digest(project / "site") == before


def test_a_failing_build_after_a_good_one_keeps_the_site(seed):
    before = tree_digest(seed / "site")
    assert "hvidovre/2013/resultatrevision/index.html" in before
    cache_before = tree_digest(seed / ".cache")
    revision = seed / "data/hvidovre/2013/resultatrevision.yaml"
    revision.write_text(revision.read_text(encoding="utf-8").replace("target: 368", "target: tres"), encoding="utf-8")
    bad_data = build(seed)
    assert bad_data.returncode == 1 and "resultatrevision.yaml" in bad_data.stdout + bad_data.stderr
    assert tree_digest(seed / "site") == before and tree_digest(seed / ".cache") == cache_before

    # a failure at the very end: --strict counts a warning after every page is written
    revision.write_text(revision.read_text(encoding="utf-8").replace("target: tres", "target: 368"), encoding="utf-8")
    (seed / "docs/om-data.md").write_text("# Om data\n\n[Væk](findes-ikke.md)\n", encoding="utf-8")
    late = build(seed)
    assert late.returncode == 1 and "findes-ikke.md" in late.stdout + late.stderr
    assert tree_digest(seed / "site") == before
    assert leftovers(seed) == []


def test_two_builds_sharing_one_cache_both_succeed(tmp_path):
    (tmp_path / "p").mkdir()
    project = copy_project(tmp_path / "p")
    runs = [build(project, wait=False), build(project, "-d", str(tmp_path / "other"), wait=False)]
    outputs = [p.communicate()[0] for p in runs]
    assert [p.returncode for p in runs] == [0, 0], "\n".join(outputs)
    site = tree_digest(project / "site")
    assert site == tree_digest(tmp_path / "other") and "index.html" in site
    assert leftovers(project) == []


def test_two_builds_publishing_the_same_site_at_once(seed):
    before = tree_digest(seed / "site")
    runs = [build(seed, wait=False), build(seed, wait=False)]
    outputs = [p.communicate()[0] for p in runs]
    assert [p.returncode for p in runs] == [0, 0], "\n".join(outputs)
    assert tree_digest(seed / "site") == before
    assert leftovers(seed) == []


def test_cache_entries_of_an_older_format_are_made_again(seed):
    before = tree_digest(seed / "site")
    for svg in (seed / ".cache/charts").glob("*.svg"):  # as written before entries had a checksum
        svg.write_bytes(cache.unwrap(svg.name, svg.read_bytes()))
    result = build(seed)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ødelagt" not in result.stdout + result.stderr  # not ours: made again without a word
    assert tree_digest(seed / "site") == before and leftovers(seed) == []


def _immutable(path: Path, on: bool) -> bool:
    return subprocess.run(["chattr", "-R", "+i" if on else "-i", str(path)], capture_output=True).returncode == 0


def test_a_read_only_cache_is_read_and_a_needed_write_is_a_message(seed):
    before = tree_digest(seed / "site")
    if not _immutable(seed / ".cache", True):
        if os.geteuid() == 0:
            pytest.skip("root and no chattr: nothing is read-only")
        subprocess.run(["chmod", "-R", "a-w", str(seed / ".cache")], check=True)
    try:
        warm = build(seed)
        assert warm.returncode == 0, warm.stdout + warm.stderr
        assert tree_digest(seed / "site") == before
        revision = seed / "data/hvidovre/2013/resultatrevision.yaml"
        revision.write_text(revision.read_text(encoding="utf-8").replace("target: 368", "target: 367"), encoding="utf-8")
        changed = build(seed)
        assert changed.returncode == 1
        assert "bygningen kan ikke skrive sin cache" in changed.stdout + changed.stderr
        assert "Traceback" not in changed.stdout + changed.stderr
        assert tree_digest(seed / "site") == before
    finally:
        _immutable(seed / ".cache", False)
        subprocess.run(["chmod", "-R", "u+w", str(seed / ".cache")])


def test_after_a_build_the_config_names_the_published_site(seed):
    """gh-deploy publishes config.site_dir right after the build: it must be site/, not the
    folder the build wrote in."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    cwd = os.getcwd()
    os.chdir(seed)
    try:
        config = load_config(config_file=str(seed / "mkdocs.yml"))
        config.plugins.on_startup(command="gh-deploy", dirty=False)
        mkdocs_build(config)
        config.plugins.on_shutdown()
    finally:
        os.chdir(cwd)
    assert Path(config.site_dir) == seed / "site" and (seed / "site/index.html").is_file()
    assert leftovers(seed) == []


def test_the_plan_validate_checks_is_the_site_the_build_makes(tmp_path):
    """validate finds the build's clashes only if sitecheck.plan lists exactly the pages the
    site makes: checked on the seed and on a synthetic tree with every document kind it has."""
    from generator.data import loader
    from generator.site import build as site
    from generator.site import sitecheck

    for data in (Path(__file__).parents[1] / "data", synth(tmp_path / "s", "2x2") / "data"):
        dataset = loader.load(data)
        made = sorted(
            p.path for p in site.build(site.context(svg_cache=tmp_path / "charts"), dataset, cache.Store(tmp_path / "f")).pages
        )
        planned = sorted(p.path for p in sitecheck.plan(dataset))
        assert planned == made and len(made) == len(set(made)) and "aar/index.md" in made
        assert sitecheck.problems(dataset, sitecheck.docs_paths(Path(__file__).parents[1] / "docs")) == []


def test_two_generated_pages_at_one_address_name_both_origins(dataset, monkeypatch):
    """Past the registry's reserved slugs (models.RESERVED_SLUGS), a jobcentre 'aar' would make aar/
    twice: its home page and the list of years; the clash names the registry line (the listing has
    no file)."""
    from generator.site import sitecheck

    monkeypatch.setattr(dataset.registry.jobcentres[0], "slug", "aar")
    issues = [str(i) for i in sitecheck.problems(dataset, [])]
    assert issues == [
        "data/jobcentres.yaml:4: jobcentres[0].slug: siden aar/ laves af denne fil og også af "
        "sitet selv; giv den ene et andet navn"
    ]
