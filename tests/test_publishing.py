"""The Pages workflow lints clean, and the site carries the links a published site needs."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github/workflows/pages.yml"


def actionlint() -> str:
    exe = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")
    if not Path(exe).exists():
        pytest.fail("actionlint is not installed; it comes with the test extra (pip install -e '.[test]')")
    return exe


def test_workflow_passes_actionlint():
    result = subprocess.run([actionlint(), str(WORKFLOW)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_can_fail(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n")
    assert subprocess.run([actionlint(), str(bad)], capture_output=True).returncode == 1


def test_workflow_builds_strict_everywhere_and_deploys_from_main_only():
    wf = yaml.safe_load(WORKFLOW.read_text())
    triggers = wf[True] if True in wf else wf["on"]  # YAML 1.1 reads the key 'on' as true
    assert "push" in triggers and "pull_request" in triggers
    steps = wf["jobs"]["build"]["steps"]
    build = next(s for s in steps if s.get("name") == "Build")
    assert build["run"] == "bash scripts/build.sh"  # build.sh runs mkdocs build --strict
    assert "--strict" in (ROOT / "scripts/build.sh").read_text()
    uses = [s.get("uses", "") for job in wf["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    deploy = wf["jobs"]["deploy"]
    assert deploy["if"] == "github.ref == 'refs/heads/main' && github.event_name != 'pull_request'"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_edit_links_point_at_the_data_file(built_site):
    html = (built_site / "hvidovre/2013/resultatrevision/index.html").read_text()
    assert "/edit/main/data/hvidovre/2013/resultatrevision.yaml" in html
    hand = (built_site / "om-data/index.html").read_text()
    assert "/edit/main/docs/om-data.md" in hand


def test_every_page_links_the_accessibility_statement(built_site):
    pages = list(built_site.rglob("index.html"))
    assert len(pages) >= 5
    for page in pages:
        assert "Tilgængelighedserklæring" in page.read_text(), page
    assert (built_site / "tilgaengelighed/index.html").is_file()


def test_the_pages_artifact_has_no_links(built_site, tmp_path):
    """GitHub Pages accepts no links, and actions/upload-pages-artifact archives with `tar
    --dereference --hard-dereference`. The site's files are copies (none shares its bytes with
    .cache/), and archived that way every member is a plain file with the site file's bytes."""
    import tarfile

    files = [p for p in built_site.rglob("*") if p.is_file()]
    assert any(p.suffix == ".svg" for p in files) and any(p.name == "maal.csv" for p in files)
    assert [p for p in files if p.stat().st_nlink > 1 or p.is_symlink()] == []
    artifact = tmp_path / "artifact.tar"
    subprocess.run(["tar", "--dereference", "--hard-dereference", "--directory", str(built_site),
                    "-cf", str(artifact), "."], check=True)
    with tarfile.open(artifact) as tar:
        members = tar.getmembers()
        assert all(m.isfile() or m.isdir() for m in members)
        svg = next(m for m in members if m.name.endswith(".svg"))
        assert tar.extractfile(svg).read() == (built_site / svg.name).read_bytes()
