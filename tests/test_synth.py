"""The synthetic national-scale data (bench/synth.py) validates and builds, at a small scale."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, run_mkdocs_build
from generator.data import loader

SYNTH = ROOT / "bench" / "synth.py"


def synth(out, scale="3x2", *extra):
    result = subprocess.run([sys.executable, str(SYNTH), str(out), "--scale", scale, *extra], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_synthetic_tree_validates_and_is_deterministic(tmp_path):
    a = synth(tmp_path / "a")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--data", str(a / "data")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "OK: 18 dokumenter og 3 jobcentre" in result.stdout and "advarsel" not in result.stderr
    b = synth(tmp_path / "b")
    files = sorted(p.relative_to(a / "data") for p in (a / "data").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b / "data") for p in (b / "data").rglob("*") if p.is_file())
    assert all((a / "data" / f).read_bytes() == (b / "data" / f).read_bytes() for f in files)


def test_synthetic_documents_have_the_shape_of_the_real_ones(tmp_path):
    dataset = loader.load(synth(tmp_path / "s", "2x1") / "data")
    revision_doc = next(d for d in dataset.documents if d.kind == "resultatrevision")
    revision = revision_doc.model
    plan = next(d.model for d in dataset.documents if d.kind == "beskaeftigelsesplan")
    assert 4 <= len(revision.goals) <= 8 and any(g.subgoals for g in revision.goals)
    series = [t for t in revision.tables if t.chart]
    assert series and all(len(t.frame) == 24 and "klynge" in t.frame.columns for t in series)
    assert len(revision_doc.table("forsoergelsesgrupper").frame) == 20
    assert len(plan.focus_areas) == 5 and 10 <= len(plan.all_goals()) <= 20


def test_synth_refuses_the_real_data_folder():
    result = subprocess.run([sys.executable, str(SYNTH), str(ROOT), "--scale", "1x1"], capture_output=True, text=True)
    assert result.returncode == 2 and "project's own data/" in result.stderr


def test_synthetic_tree_builds_strict_with_the_real_docs(tmp_path):
    out = synth(tmp_path / "s", "2x2")
    result = run_mkdocs_build(out, out / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (out / "site/albertslund/2008/resultatrevision/index.html").is_file()
    assert (out / "site/albertslund/2008/tilbagemelding/index.html").is_file()
    assert (out / "site/forfatter/index.html").is_file()  # the hand-written pages come from docs/
