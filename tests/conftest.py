"""Shared fixtures: the real data/, a strict build of the real site, and tiny data trees."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.data import loader

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def dataset():
    return loader.load(DATA)


# The fast subset (`bash scripts/test.sh --fast`, i.e. `-m "not slow"`) leaves out the tests
# marked slow here: the browser suite and the hostile-input suite (its corpus and property
# tests run hundreds of commands); tests that use a fixture below (a built site, the hostile
# corpus' built seed project, a copy of the project to build or serve, a synthetic data tree);
# and tests that build a whole site or a synthetic data tree themselves (they call one of the
# helpers below). A slow test these rules miss can say so
# itself with @pytest.mark.slow.
SLOW_FIXTURES = {"built_site", "seed_project", "project_copy", "synth_2x2"}
SLOW_HELPERS = {"run_mkdocs_build", "synth"}


def is_slow(item: pytest.Item) -> bool:
    if any(Path(str(item.path)).is_relative_to(ROOT / "tests" / folder) for folder in ("browser", "hostile")):
        return True
    if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    code = getattr(getattr(item, "function", None), "__code__", None)
    return code is not None and bool(SLOW_HELPERS & set(code.co_names))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if is_slow(item):
            item.add_marker(pytest.mark.slow)


def run_mkdocs_build(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir), *extra],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built with --strict into a temp folder (once per test session)."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


SITE_SOURCES = ("mkdocs.yml", "docs", "data", "overrides")


def copy_project(dest: Path) -> Path:
    """Copy what a site build reads (config, docs/, data/, theme overrides) into dest."""
    for name in SITE_SOURCES:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / name)
    return dest


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project's site sources to break or extend in a test."""
    return copy_project(tmp_path)


def write(root: Path, files: dict[str, str]) -> Path:
    """Write dedented text files under root; returns root."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


REGISTRY = """
jobcentres:
  - slug: testby
    name: Jobcenter Testby
    municipalities: [Testby Kommune]
    region: Hovedstaden
"""


def errors_of(root: Path) -> list[str]:
    """The error lines loading the data tree at root raises (it must raise)."""
    from generator.data.errors import DataError

    with pytest.raises(DataError) as exc:
        loader.load(root)
    return [str(i) for i in exc.value.issues]
