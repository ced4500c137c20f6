"""The Pages workflow lints clean and works for pull requests and main alike, installs come from
the lock files, and the site carries the links a published site needs."""

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT

WORKFLOW = ROOT / ".github/workflows/pages.yml"
LOCKS = {"main": ROOT / "lock/main.txt", "test": ROOT / "lock/test.txt"}


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


# --- GitHub Actions expressions, enough of them to read this workflow's ---------------------

TOKEN = re.compile(r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<op>\|\||&&|==|!=|[(),!])|(?P<name>[A-Za-z_][\w.-]*))")


def github_expression(text: str, context: dict):
    """The value of a workflow field: a whole `${{ expr }}` gives the expression's value, text
    with `${{ }}` inside gives the text with each value put in. Knows string literals, context
    paths (a missing one is ''), true, false, ==, != (case-insensitive, as on GitHub), !, &&, || (the first
    truthy operand, as on GitHub) and format(). A field that is not text (a YAML boolean) is
    its own value."""
    if not isinstance(text, str):
        return text
    whole = re.fullmatch(r"\$\{\{(.*)\}\}", text.strip(), flags=re.S)
    if whole:
        return _evaluate(whole.group(1), context)
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: str(_evaluate(m.group(1), context)), text)


def _evaluate(expr: str, context: dict):
    tokens = []
    pos = 0
    while expr[pos:].strip():
        m = TOKEN.match(expr, pos)
        assert m and m.lastgroup, f"unsupported expression at {expr[pos:]!r}"
        tokens.append((m.lastgroup, m.group(m.lastgroup)))
        pos = m.end()
    tokens.append(("end", ""))
    at = 0

    def take(kind=None, value=None):
        nonlocal at
        tok = tokens[at]
        assert (kind is None or tok[0] == kind) and (value is None or tok[1] == value), (tok, expr)
        at += 1
        return tok

    def peek(value):
        return tokens[at][1] == value and tokens[at][0] == "op"

    def primary():
        kind, value = take()
        if kind == "str":
            return value[1:-1].replace("''", "'")
        if kind == "op" and value == "!":
            return not primary()
        if kind == "op" and value == "(":
            result = either()
            take("op", ")")
            return result
        assert kind == "name", (kind, value, expr)
        if value in ("true", "false"):
            return value == "true"
        if value == "format":
            take("op", "(")
            args = [either()]
            while peek(","):
                take("op", ",")
                args.append(either())
            take("op", ")")
            return re.sub(r"\{(\d+)\}", lambda m: str(args[1 + int(m.group(1))]), args[0])
        node = context
        for part in value.split("."):
            node = node.get(part, "") if isinstance(node, dict) else ""
        return node

    def comparison():
        left = primary()
        if peek("==") or peek("!="):
            op = take()[1]
            right = primary()
            same = str(left).lower() == str(right).lower()
            return same if op == "==" else not same
        return left

    def joined(op, operand, keeps_left):
        """a op b op c: the left value while keeps_left says so, else the right one."""
        result = operand()
        while peek(op):
            take()
            right = operand()
            result = result if keeps_left(result) else right
        return result

    def both():
        return joined("&&", comparison, lambda left: not left)

    def either():
        return joined("||", both, bool)

    value = either()
    take("end")
    return value


def test_the_expression_reader_reads_github_expressions():
    ctx = {"github": {"ref": "refs/heads/main", "event_name": "push", "owner": "Octo"}}
    assert github_expression("${{ github.ref == 'refs/heads/main' && github.event_name != 'pull_request' }}", ctx) is True
    assert github_expression("${{ github.ref != 'refs/heads/main' }}", ctx) is False
    assert (
        github_expression("${{ github.nope || format('https://{0}.github.io/{1}', github.owner, 'x') }}/", ctx)
        == "https://Octo.github.io/x/"
    )
    assert github_expression("${{ !(github.event_name == 'PUSH') }}", ctx) is False


def event(name: str, ref: str) -> dict:
    """The github context of a run of this repository's workflow."""
    return {
        "github": {
            "event_name": name,
            "ref": ref,
            "repository_owner": "jobcenter-rapporter",
            "repository": "jobcenter-rapporter/jobcenter-rapporter",
            "server_url": "https://github.com",
            "event": {"repository": {"name": "jobcenter-rapporter"}},
        }
    }


RUNS = {
    "pull request": event("pull_request", "refs/pull/7/merge"),
    "push to a branch": event("push", "refs/heads/feature"),
    "push to main": event("push", "refs/heads/main"),
}
# What actions/configure-pages gives as base_url when it runs (no trailing slash).
PAGES_BASE_URL = "https://jobcenter-rapporter.github.io/jobcenter-rapporter"


def load_workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text())


def step(job: dict, name: str) -> dict:
    return next(s for s in job["steps"] if s.get("name") == name)


def site_url_of(run: dict) -> str:
    """SITE_URL as the Build step gets it in this run: steps.pages has outputs only if the
    Configure Pages step ran."""
    build_job = load_workflow()["jobs"]["build"]
    configure = step(build_job, "Configure Pages")
    ran = github_expression("${{ " + configure["if"] + " }}", run) if "if" in configure else True
    ctx = {**run, "steps": {configure["id"]: {"outputs": {"base_url": PAGES_BASE_URL}}} if ran else {}}
    return github_expression(step(build_job, "Build")["env"]["SITE_URL"], ctx)


def mkdocs_accepts_site_url(url: str) -> bool:
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    try:
        load_config(str(ROOT / "mkdocs.yml"), site_url=url)
    except (Abort, ConfigurationError):
        return False
    return True


@pytest.mark.parametrize("run", RUNS, ids=list(RUNS))
def test_every_run_builds_with_a_site_url_mkdocs_accepts(run):
    url = site_url_of(RUNS[run])
    assert url == PAGES_BASE_URL + "/"
    assert mkdocs_accepts_site_url(url)


def test_mkdocs_refuses_the_site_url_a_pull_request_used_to_get():
    assert not mkdocs_accepts_site_url("/")  # an unset base_url + "/": "The URL isn't valid"


def test_tests_run_on_pull_requests_and_pushes_and_gate_the_deploy():
    wf = load_workflow()
    triggers = wf[True] if True in wf else wf["on"]
    assert "pull_request" in triggers and "push" in triggers
    testing = [
        name
        for name, job in wf["jobs"].items()
        if any(s.get("run", "").startswith("bash scripts/test.sh") for s in job.get("steps", []))
    ]
    assert testing == ["test"]
    for run in RUNS.values():
        assert github_expression("${{ " + wf["jobs"]["test"].get("if", "true") + " }}", run)
    assert "test" in wf["jobs"]["deploy"]["needs"] and "build" in wf["jobs"]["deploy"]["needs"]


def test_a_run_on_main_is_never_cancelled_and_others_are():
    wf = load_workflow()
    jobs_with_own = [job for job in wf["jobs"].values() if "concurrency" in job]
    assert not jobs_with_own
    cancel = wf["concurrency"]["cancel-in-progress"]
    assert github_expression(cancel, RUNS["push to main"]) is False
    assert github_expression(cancel, RUNS["pull request"]) is True
    assert github_expression(cancel, RUNS["push to a branch"]) is True
    assert "github.ref" in wf["concurrency"]["group"]  # one queue per branch or pull request


def test_the_build_cache_is_pruned_of_entries_no_build_used(tmp_path):
    """The steps before and after Build, run as written: an entry the build used (touched)
    stays, one it did not use goes, before actions/cache saves the folder."""
    build_job = load_workflow()["jobs"]["build"]
    names = [s.get("name") for s in build_job["steps"]]
    cache = step(build_job, "Build cache")
    assert cache["uses"].startswith("actions/cache@") and cache["with"]["path"] == ".cache"
    mark, prune = step(build_job, "Mark the build's start"), step(build_job, "Prune the build cache")
    assert names.index("Build cache") < names.index(mark["name"]) < names.index("Build") < names.index(prune["name"])
    assert "if" not in prune  # after a successful build only

    charts = tmp_path / ".cache/charts"
    charts.mkdir(parents=True)
    unused, used, recent = charts / "unused.svg", charts / "used.svg", charts / "recent.svg"
    for chart in (unused, used, recent):
        chart.write_text("<svg/>")
        os.utime(chart, (time.time() - 86400,) * 2)  # restored from the cache: yesterday's time
    # used by a build half an hour ago: this build uses it too but leaves its time (TOUCH_AFTER)
    os.utime(recent, (time.time() - 1800,) * 2)
    env = {**os.environ, "RUNNER_TEMP": str(tmp_path)}
    subprocess.run(["bash", "-e", "-c", mark["run"]], cwd=tmp_path, env=env, check=True)
    os.utime(used, (time.time() + 5,) * 2)  # the build touches the entries it uses
    out = subprocess.run(
        ["bash", "-e", "-c", prune["run"]], cwd=tmp_path, env=env, check=True, capture_output=True, text=True
    ).stdout
    assert used.exists() and recent.exists() and not unused.exists()
    assert "Pruned 1 " in out
    page = tmp_path / ".cache/files/pages/x.json"  # a page's manifest is pruned by the same rule
    page.parent.mkdir(parents=True)
    page.write_text("{}")
    os.utime(page, (time.time() - 86400,) * 2)
    subprocess.run(["bash", "-e", "-c", prune["run"]], cwd=tmp_path, env=env, check=True)
    assert not page.exists() and used.exists()


def test_ci_installs_from_the_lock_files():
    wf = load_workflow()
    for name, job in wf["jobs"].items():
        runs = "\n".join(s.get("run", "") for s in job["steps"])
        assert "pip install" not in runs, name  # only scripts/setup.sh installs
        py = [s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python@")]
        if py:
            assert py[0]["with"]["cache"] == "pip" and py[0]["with"]["cache-dependency-path"] == "lock/*.txt", name
            assert re.search(r"bash scripts/(setup|build|test)\.sh", runs), name
    setup = (ROOT / "scripts/setup.sh").read_text()
    assert re.search(r"--require-hashes -r \"\$lock\"", setup)
    assert "lock=lock/main.txt" in setup and "lock=lock/test.txt" in setup
    assert re.search(r"--no-deps --no-build-isolation -e \.", setup)
    # a changed lock file means a new install: the stamp is made from the lock files
    assert re.search(r"state=\$\(cat lock/main\.txt lock/test\.txt pyproject\.toml \| sha256sum", setup)


def locked(lock: Path) -> dict[str, tuple[str, int]]:
    """name -> (version, number of hashes) in a lock file."""
    pins: dict[str, list] = {}
    name = ""
    for line in lock.read_text().splitlines():
        m = re.match(r"^([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?==([^\s;\\]+)", line)
        if m:
            name = canonicalize_name(m.group(1))
            assert name not in pins, f"{lock.name}: {name} twice"
            pins[name] = [m.group(2), 0]
        elif "--hash=sha256:" in line:
            pins[name][1] += 1  # a hash line before any pin is a KeyError: a broken lock
    return {n: (v, h) for n, (v, h) in pins.items()}


def test_the_lock_files_pin_every_dependency_within_pyprojects_ranges():
    """Fails when a dependency is added or its range changed in pyproject.toml without running
    `bash scripts/lock.sh`."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    wanted = {
        "main": project["project"]["dependencies"] + project["build-system"]["requires"],
        "test": [
            r
            for deps in (
                project["project"]["dependencies"],
                project["build-system"]["requires"],
                *project["project"]["optional-dependencies"].values(),
            )
            for r in deps
        ],
    }
    pins = {kind: locked(path) for kind, path in LOCKS.items()}
    for kind, requirements in wanted.items():
        assert len(pins[kind]) > len(requirements)
        for req in map(Requirement, requirements):
            name = canonicalize_name(req.name)
            assert name in pins[kind], f"lock/{kind}.txt lacks {req}: run bash scripts/lock.sh"
            assert req.specifier.contains(pins[kind][name][0], prereleases=True), (
                f"lock/{kind}.txt has {name}=={pins[kind][name][0]}, outside {req}: run bash scripts/lock.sh"
            )
            for extra in req.extras:  # e.g. pagefind[bin] brings pagefind-bin
                assert any(n.startswith(name) and n != name for n in pins[kind]), (kind, req, extra)
    assert all(hashes >= 1 for lock in pins.values() for _, hashes in lock.values())
    assert {n: v for n, (v, _) in pins["main"].items()} == {n: pins["test"][n][0] for n in pins["main"]}


def test_the_pre_commit_config_is_valid_and_runs_ruff_mypy_and_the_fast_tests():
    config = ROOT / ".pre-commit-config.yaml"
    result = subprocess.run(
        [str(Path(sys.executable).parent / "pre-commit"), "validate-config", str(config)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    hooks = {h["id"]: h for repo in yaml.safe_load(config.read_text())["repos"] for h in repo["hooks"]}
    entries = {
        "ruff": ".venv/bin/ruff check",
        "ruff-format": ".venv/bin/ruff format --check",
        "mypy": ".venv/bin/mypy",
        "fast-tests": "bash scripts/test.sh --fast",
    }
    for hook, entry in entries.items():  # each in the normal stage: none is left to run by hand
        assert hooks[hook]["entry"].startswith(entry) and "stages" not in hooks[hook], hook
    assert "manual" not in config.read_text()


def _checks_project(tmp_path: Path, code: str) -> subprocess.CompletedProcess:
    """scripts/test.sh run in a small project whose one module is `code` (set-up stubbed out, the
    project's ruff, mypy and settings), up to pytest."""
    project = tmp_path / "project"
    (project / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts/test.sh", project / "scripts/test.sh")
    (project / "scripts/setup.sh").write_text("exit 0\n")
    bin_dir = project / ".venv/bin"
    bin_dir.mkdir(parents=True)
    for tool in ("ruff", "mypy"):
        (bin_dir / tool).symlink_to(Path(sys.executable).parent / tool)
    (bin_dir / "python").write_text("#!/bin/sh\necho pytest ran\n")
    (bin_dir / "python").chmod(0o755)
    (project / "pyproject.toml").write_text(
        '[tool.ruff]\nline-length = 130\n[tool.ruff.lint]\nselect = ["F", "E", "W", "I"]\n[tool.mypy]\nfiles = ["mod.py"]\n'
    )
    (project / "mod.py").write_text(code)
    return subprocess.run(["bash", "scripts/test.sh", "--fast"], cwd=project, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    "code, finding, fix",
    [
        ("import os\n", "F401", "fix with: .venv/bin/ruff check --fix ."),
        ("x = {'a':1}\n", "would be reformatted", "fix with: .venv/bin/ruff format ."),
        ('x: int = "a"\n', "[assignment]", "fix the errors above, then .venv/bin/mypy"),
        ("x: int = 1\n", None, None),
    ],
)
def test_the_test_command_stops_on_a_lint_format_or_type_finding(tmp_path, code, finding, fix):
    """`bash scripts/test.sh` (and --fast) runs ruff check, ruff format --check and mypy before
    pytest; a finding stops it with the finding and the command that fixes it."""
    run = _checks_project(tmp_path, code)
    if finding is None:
        assert run.returncode == 0 and run.stdout == "pytest ran\n", run.stdout + run.stderr
        return
    assert run.returncode == 1, run.stdout + run.stderr
    assert finding in run.stdout and "pytest ran" not in run.stdout
    assert run.stderr.strip().endswith(fix), run.stderr


def test_edit_links_point_at_the_data_file(built_site):
    html = (built_site / "hvidovre/2013/resultatrevision/index.html").read_text()
    assert "/edit/main/data/hvidovre/2013/resultatrevision.yaml" in html
    hand = (built_site / "om-data/index.html").read_text()
    assert "/edit/main/docs/om-data.md" in hand


def test_every_page_links_the_accessibility_statement(built_site):
    pages = [p for p in built_site.rglob("index.html") if 'http-equiv="refresh"' not in p.read_text()]  # moved_pages
    assert len(pages) >= 14
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
    subprocess.run(
        ["tar", "--dereference", "--hard-dereference", "--directory", str(built_site), "-cf", str(artifact), "."], check=True
    )
    with tarfile.open(artifact) as tar:
        members = tar.getmembers()
        assert all(m.isfile() or m.isdir() for m in members)
        svg = next(m for m in members if m.name.endswith(".svg"))
        assert tar.extractfile(svg).read() == (built_site / svg.name).read_bytes()


@pytest.mark.slow  # collects the whole suite in a second pytest
def test_the_fast_subset_leaves_out_the_browser_suite_and_full_site_builds():
    """`bash scripts/test.sh --fast` runs pytest with -m "not slow"; tests/conftest.py marks."""
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-m", "not slow", str(ROOT / "tests")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    fast = {line.split("[")[0] for line in run.stdout.splitlines() if "::" in line}
    assert re.search(r"^\d+/\d+ tests collected \(\d+ deselected\)", run.stdout, flags=re.M), run.stdout[-500:]
    assert "tests/test_compute.py::test_goal_4_is_four_of_seven" in fast
    assert "tests/test_publishing.py::test_workflow_passes_actionlint" in fast
    assert not any(t.startswith(("tests/browser/", "tests/hostile/")) for t in fast)
    slow = {
        "tests/browser/test_pages.py::test_phone_width_and_print",  # under tests/browser/
        "tests/hostile/test_example.py::test_case",  # seed_project
        "tests/test_publishing.py::test_edit_links_point_at_the_data_file",  # built_site
        "tests/test_authoring.py::test_mkdocs_serve_rebuilds_when_data_changes",  # project_copy
        "tests/test_synth.py::test_synthetic_tree_builds_strict_with_the_real_docs",  # run_mkdocs_build
        "tests/test_scale.py::test_a_warm_build_makes_no_page_and_one_change_remakes_its_folder",  # synth
        "tests/test_publishing.py::test_the_fast_subset_leaves_out_the_browser_suite_and_full_site_builds",
    }
    for test in slow:  # each exists, and is left out
        path, name = test.split("::")
        assert f"def {name}(" in (ROOT / path).read_text(), test
    assert not fast & slow
