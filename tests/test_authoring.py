"""The authoring loop: `new` writes a skeleton that fails until its placeholders are filled in, and `mkdocs serve` rebuilds on data/ changes."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import ROOT
from generator import cli
from generator.data import loader, models


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=ROOT)


def uncomment_examples(text: str) -> str:
    """Turn 'goals: []' plus its commented example into the example itself."""
    out, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        line = lines[i]
        m = re.fullmatch(r"(\w+): \[\]", line)
        if m and i + 2 < len(lines) and lines[i + 1].startswith("# ") and lines[i + 2].startswith("#  "):
            out.append(f"{m.group(1)}:")
            i += 2
            while i < len(lines) and lines[i].startswith("#  "):
                out.append(lines[i][1:])
                i += 1
            continue
        out.append(line)
        i += 1
    return "\n".join(out) + "\n"


SKELETON_KINDS = sorted(p.stem for p in cli.SKELETONS.glob("*.yaml"))


@pytest.mark.parametrize("kind", SKELETON_KINDS)
def test_new_skeleton_fails_until_filled_in_then_validates_with_examples(tmp_path, kind):
    data = tmp_path / "data"
    import shutil

    shutil.copytree(ROOT / "data", data)
    result = run_cli(
        "new", "hvidovre", "2030", kind, "--data", str(data), *(["--suffix", "2030-01-01"] if kind == "referat" else [])
    )
    assert result.returncode == 0, result.stderr
    path = next((data / "hvidovre/2030").glob(f"{kind}*.yaml"))
    text = path.read_text()
    assert "#" in text  # commented for the author
    # untouched, it fails: one message on each line that still holds a placeholder
    placeholder_lines = {i for i, line in enumerate(text.splitlines(), 1) if models.PLACEHOLDER.search(line.split("#")[0])}
    assert placeholder_lines
    result = run_cli("validate", "--data", str(data))
    assert result.returncode == 1
    errors = [line.strip() for line in result.stderr.splitlines()[1:]]
    shown = str(path)
    assert all(e.startswith(shown + ":") and "indeholder stadig skelettets tekst «Skriv" in e for e in errors), errors
    reported = sorted(int(e[len(shown) + 1 :].split(":")[0]) for e in errors)
    # the line of the placeholder, or of its key when it stands in a block below it (intro: |)
    assert len(reported) == len(placeholder_lines)
    assert all(r in (p, p - 1) for r, p in zip(reported, sorted(placeholder_lines))), (reported, placeholder_lines)
    # filled in, it validates
    path.write_text(models.PLACEHOLDER.sub("Udfyldt tekst", text))
    ds = loader.load(data)
    assert any(d.path == path for d in ds.documents)
    # the commented examples are valid too, once uncommented
    path.write_text(uncomment_examples(path.read_text()))
    (path.parent / "serier").mkdir(exist_ok=True)
    (path.parent / "serier/langtidsledige.csv").write_text("periode,hvidovre\n2030-01,1\n")
    result = run_cli("validate", "--data", str(data))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("kind", SKELETON_KINDS)
def test_every_skeleton_text_for_the_author_is_a_placeholder(kind):
    """Outside comments, the words an author must replace ("Skriv ... her") are all «Skriv … her»,
    so the one pattern finds them; and each « opens a placeholder."""
    for line in (cli.SKELETONS / f"{kind}.yaml").read_text(encoding="utf-8").splitlines():
        value = line.split("#")[0]
        assert value.count("«") == len(models.PLACEHOLDER.findall(value)), line
        assert re.sub(models.PLACEHOLDER, "", value).find("Skriv") == -1, line


def test_a_placeholder_in_a_seed_document_is_an_error(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "hvidovre/2013/resultatrevision.yaml"
    path.write_text(path.read_text().replace("    title: Unge i uddannelse\n", "    title: «Skriv målets titel her»\n"))
    result = run_cli("validate", "--data", str(data))
    assert result.returncode == 1
    assert f"{path}:47: goals[0].title: indeholder stadig skelettets tekst «Skriv målets titel her»" in result.stderr


def test_new_minutes_take_the_date_of_their_name(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    assert run_cli("new", "hvidovre", "2030", "referat", "--suffix", "2030-05-04", "--data", str(data)).returncode == 0
    text = (data / "hvidovre/2030/referat-2030-05-04.yaml").read_text()
    assert "\ndate: 2030-05-04 " in text


def test_new_never_overwrites_and_refuses_unknown_jobcentre(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    existing = data / "hvidovre/2013/resultatrevision.yaml"
    before = existing.read_text()
    r = run_cli("new", "hvidovre", "2013", "resultatrevision", "--data", str(data))
    assert r.returncode == 1 and "findes allerede; intet blev skrevet" in r.stderr
    assert existing.read_text() == before
    r = run_cli("new", "atlantis", "2013", "resultatrevision", "--data", str(data))
    assert r.returncode == 1 and "ukendt jobcenter 'atlantis'" in r.stderr
    r = run_cli("new", "hvidovre", "2013", "roman", "--data", str(data))
    assert r.returncode == 2 and "ukendt dokumenttype 'roman'" in r.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (("14", "resultatrevision"), "fejl: året '14' skal skrives med fire cifre fra 2000 til 2100, fx 2014"),
        (("20144", "resultatrevision"), "fejl: året '20144' skal skrives med fire cifre"),
        (("1999", "resultatrevision"), "fejl: året '1999' skal skrives med fire cifre fra 2000 til 2100"),
        (
            ("2014", "referat", "--suffix", "6-3-2013"),
            "fejl: endelsen '6-3-2013' kan ikke bruges; et referats endelse er "
            "mødets dato som ÅÅÅÅ-MM-DD, fx --suffix 2013-03-06",
        ),
        (("2014", "referat", "--suffix", "2014-02-30"), "fejl: endelsen '2014-02-30' kan ikke bruges"),
        (
            ("2014", "tilbagemelding", "--suffix", "Nr 2"),
            "fejl: endelsen 'Nr 2' kan ikke bruges; en endelse må kun have små bogstaver (a-z), tal og bindestreg",
        ),
        (("2014", "beskæftigelsesplan"), "fejl: ukendt dokumenttype 'beskæftigelsesplan'; mente du 'beskaeftigelsesplan'?"),
    ],
)
def test_new_refuses_a_bad_year_suffix_or_kind_and_writes_nothing(tmp_path, capsys, args, message):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    before = sorted(p for p in data.rglob("*"))
    assert cli.main(["new", "hvidovre", *args, "--data", str(data)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(message), err
    assert sorted(p for p in data.rglob("*")) == before


def test_new_makes_a_plan_that_validate_refuses_until_filled_in(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    r = run_cli("new", "hvidovre", "2021", "beskaeftigelsesplan", "--data", str(data))
    assert r.returncode == 0 and r.stdout.startswith(
        f"skrev {data}/hvidovre/2021/beskaeftigelsesplan.yaml; erstat hvert «Skriv … her»"
    )
    text = (data / "hvidovre/2021/beskaeftigelsesplan.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/beskaeftigelsesplan.json\n")
    r = run_cli("validate", "--data", str(data))
    assert r.returncode == 1
    assert [line.split(": ", 2)[1] for line in r.stderr.splitlines()[1:]] == [
        "lead",
        "focus_areas[0].title",
        "focus_areas[0].goals[0].text",
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.read().decode()


def test_mkdocs_serve_rebuilds_when_data_changes(project_copy):
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project_copy / "mkdocs.yml")],
        cwd=project_copy,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/hvidovre/2013/resultatrevision/"
    try:
        deadline = time.time() + 60
        html = ""
        while time.time() < deadline:
            try:
                html = fetch(url)
                break
            except OSError:
                time.sleep(0.5)
        assert "94 personer" in html
        path = project_copy / "data/hvidovre/2013/resultatrevision.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("    status: 94\n", "    status: 59\n"), encoding="utf-8")
        deadline = time.time() + 60
        while time.time() < deadline and "59 personer mod et mål på højst 60 personer" not in html:
            time.sleep(0.5)
            try:
                html = fetch(url)
            except OSError:
                pass
        assert "Opfyldt: 59 personer mod et mål på højst 60 personer" in html
        # a page of another jobcentre, reused by the rebuild from its memo (no Markdown held),
        # is still there after the rebuild's clean
        other, deadline = "", time.time() + 30
        while time.time() < deadline and "Arbejdsmarkedsudvalget – referat 6. marts 2013" not in other:
            try:
                other = fetch(f"http://127.0.0.1:{port}/hoeje-taastrup/2013/referat-2013-03-06/")
            except OSError:
                time.sleep(0.5)
        assert "Arbejdsmarkedsudvalget – referat 6. marts 2013" in other
    finally:
        proc.terminate()
        proc.wait(timeout=10)
