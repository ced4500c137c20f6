"""A new document kind is three new files and nothing else: the README's "Adding a document
kind" is followed literally in a copy of the project, and the copy validates and builds a site
with the new kind's page, listed on the jobcentre's timeline."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, copy_project

pytestmark = pytest.mark.slow

HANDLEPLAN = """\
jobcentre: hvidovre
year: 2013
title: Handleplan for unge ledige 2013
intro: Planen samler jobcentrets indsats for unge ledige i 2013.
sections:
  - heading: Indsatsen
    body: Alle unge under 30 år får en samtale inden for den første uge.
"""


def readme_files() -> dict[str, str]:
    """The README's code blocks that begin with a file name: path -> text."""
    out = {}
    for block in re.findall(r"```(?:python|jinja)\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S):
        first, _, rest = block.partition("\n")
        m = re.fullmatch(r"(?:# |\{# )(generator/\S+)(?: #\})?", first)
        if m:
            out[m.group(1)] = rest if first.startswith("{#") else block
    return out


def test_the_readme_shows_a_model_a_view_and_a_template():
    assert sorted(readme_files()) == [
        "generator/data/kinds/handleplan.py",
        "generator/views/kinds/handleplan.py",
        "generator/views/templates/handleplan.html.j2",
    ]


def test_a_new_kind_is_its_own_files_only(tmp_path):
    project = copy_project(tmp_path)
    shutil.copytree(ROOT / "generator", project / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "site_plugins", project / "site_plugins", ignore=shutil.ignore_patterns("__pycache__"))
    for path, text in readme_files().items():
        assert not (project / path).exists()
        (project / path).write_text(text, encoding="utf-8")
    (project / "data/hvidovre/2013/handleplan.yaml").write_text(HANDLEPLAN, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}

    validate = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--data", "data"], cwd=project, env=env, capture_output=True, text=True
    )
    assert validate.returncode == 0, validate.stdout + validate.stderr

    # the copy's generator is the one that runs (PYTHONPATH): the real one knows no handleplan
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", "site"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    page = (project / "site/hvidovre/2013/handleplan/index.html").read_text(encoding="utf-8")
    assert "Handleplan for unge ledige 2013" in page
    assert "Alle unge under 30 år får en samtale inden for den første uge." in page
    timeline = (project / "site/hvidovre/index.html").read_text(encoding="utf-8")
    assert 'href="2013/handleplan/"' in timeline
    assert "1 afsnit" in timeline  # the kind's headline


def test_a_misspelt_kind_in_the_real_project_is_still_refused(tmp_path):
    """Without the new files, a handleplan.yaml is an unknown kind, named as such."""
    project = copy_project(tmp_path)
    (project / "data/hvidovre/2013/handleplan.yaml").write_text(HANDLEPLAN, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--data", "data"], cwd=project, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "data/hvidovre/2013/handleplan.yaml" in result.stderr + result.stdout
    assert "beskaeftigelsesplan, referat, resultatrevision, tilbagemelding" in result.stderr + result.stdout
