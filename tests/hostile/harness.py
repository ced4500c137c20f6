"""The hostile-input corpus: what a careless author or an attacker would put in a project,
each with the message it must give. Used by tests/hostile/test_*.py; each file there holds the
cases of one area in a list CASES and runs them with `run_case`.

A case edits a copy of the seed project (mkdocs.yml, docs/, data/, overrides/) that was built
once, so it has a site/ and a .cache/; then runs one command in this process:

- "validate": `python -m generator validate` (generator.cli.main)
- "build":    `mkdocs build --strict` (mkdocs' own build, as the README's build command runs it)
- "import":   `python -m generator import ...` with the case's args

and checks what a user would see: the exit code; one line of the output that contains
`expect` (normally "data/<file>:<line>: <field>: ..."); no traceback; nothing that the case
names in `secret` (text from outside data/ that must never be printed); and site/ and .cache/
byte for byte as they were (a failed build keeps the published site).

Cases marked `isolated=True` run in a child process with a memory limit and a time limit (for
inputs built to exhaust memory or time).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import re
import resource
import shutil
import subprocess
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "overrides")
TRACEBACK = "Traceback (most recent call last)"
MEMORY_LIMIT = 2 * 1024**3  # bytes of data (heap) for isolated cases
TIME_LIMIT = 120  # seconds for isolated cases

Edit = Callable[[Path], None]


# --------------------------------------------------------------------------- edits


def put(rel: str, content: str | bytes) -> Edit:
    """Write a file (made or replaced) at rel in the project."""

    def edit(project: Path) -> None:
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return edit


def sub(rel: str, old: str, new: str, count: int = 1) -> Edit:
    """Replace old with new in a file; the text must be there (a case never passes by not applying)."""

    def edit(project: Path) -> None:
        path = project / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{rel} does not contain {old!r}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    return edit


def append(rel: str, text: str) -> Edit:
    def edit(project: Path) -> None:
        with open(project / rel, "a", encoding="utf-8") as f:
            f.write(text)

    return edit


def delete(rel: str) -> Edit:
    def edit(project: Path) -> None:
        path = project / rel
        shutil.rmtree(path) if path.is_dir() else path.unlink()

    return edit


def symlink(rel: str, target: str | Path) -> Edit:
    """Make rel a symbolic link to target (absolute, or relative to rel's folder)."""

    def edit(project: Path) -> None:
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() or path.is_symlink():
            path.unlink()
        path.symlink_to(target)

    return edit


# --------------------------------------------------------------------------- cases


@dataclass
class Case:
    id: str
    edits: list[Edit]
    expect: str  # a substring of one output line, fx "data/hvidovre/2013/resultatrevision.yaml:12: goals[0].target:"
    command: str = "validate"  # "validate", "build" or "import"
    args: tuple[str, ...] = ()  # for "import": the arguments after `import` ({project} is replaced)
    exit_code: int = 1
    secret: tuple[str, ...] = ()  # text that must not appear in the output
    isolated: bool = False  # run in a child process with MEMORY_LIMIT and TIME_LIMIT
    also: tuple[str, ...] = ()  # further substrings that must each be in some output line

    def __str__(self) -> str:
        return self.id


@dataclass
class Outcome:
    exit_code: int
    output: str  # stdout and stderr (and log records), as a user would see them
    lines: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.lines = self.output.splitlines()


# Pagefind's filter index, and the two files that name it by its hash, are not byte-stable
# between two runs over the same pages (upstream: Pagefind/pagefind#638, filters are written from
# a hash map); every other file of a build is. Comparisons of built sites leave these out.
UNSTABLE = re.compile(r"^pagefind/(filter/[^/]*|pagefind\.[^/]*\.pf_meta|pagefind-entry\.json)$")


def tree_digest(path: Path) -> dict[str, str]:
    """Every file under path (links as links) with a digest of its bytes, but UNSTABLE ones."""
    out: dict[str, str] = {}
    if not path.exists():
        return out
    for p in sorted(path.rglob("*")):
        rel = p.relative_to(path).as_posix()
        if UNSTABLE.match(rel):
            continue
        if p.is_symlink():
            out[rel] = "link:" + os.readlink(p)
        elif p.is_file():
            out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
        else:
            out[rel] = "dir"
    return out


def make_seed_project(dest: Path) -> Path:
    """A copy of the project's site sources, built once (site/ and .cache/ filled)."""
    for name in PROJECT_PARTS:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / name)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=dest, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return dest


def copy_project(seed: Path, dest: Path) -> Path:
    shutil.copytree(seed, dest, symlinks=True, dirs_exist_ok=True)
    return dest


@contextlib.contextmanager
def _in(folder: Path):
    old = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(old)


class _Records(logging.Handler):
    def __init__(self, out: io.StringIO):
        super().__init__(logging.DEBUG)
        self.out = out

    def emit(self, record: logging.LogRecord) -> None:
        self.out.write(f"{record.levelname} - {record.getMessage()}\n")


def _run_here(command: str, args: tuple[str, ...], project: Path) -> Outcome:
    out = io.StringIO()
    handler = _Records(out)
    root = logging.getLogger()
    root.addHandler(handler)
    code = 0
    try:
        with _in(project), contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            try:
                code = _call(command, args, project)
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
            except BaseException:  # noqa: BLE001 - a traceback is what the corpus looks for
                out.write(traceback.format_exc())
                code = -1
    finally:
        root.removeHandler(handler)
    return Outcome(code, out.getvalue())


def _call(command: str, args: tuple[str, ...], project: Path) -> int:
    if command in ("validate", "import"):
        from generator import cli

        argv = [command, *(a.replace("{project}", str(project)) for a in args)]
        if command == "validate" and "--data" not in argv:
            argv += ["--data", "data"]
        return cli.main(argv)
    if command == "build":
        from mkdocs import exceptions
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        os.environ["NO_MKDOCS_2_WARNING"] = "1"
        try:
            config = load_config(config_file=str(project / "mkdocs.yml"), strict=True)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except exceptions.MkDocsException as e:  # what `mkdocs build` prints and exits 1 for
            print(f"ERROR - {e}")
            return 1
        return 0
    raise ValueError(command)


def _run_isolated(command: str, args: tuple[str, ...], project: Path) -> Outcome:
    """The command in a child process, its memory (heap) and time limited."""
    code = (
        "import sys; sys.path[:0] = [{tests!r}]\n"
        "from hostile.harness import _run_here\n"
        "from pathlib import Path\n"
        "o = _run_here({command!r}, {args!r}, Path({project!r}))\n"
        "sys.stdout.write(o.output); sys.exit(o.exit_code if o.exit_code >= 0 else 99)\n"
    ).format(tests=str(ROOT / "tests"), command=command, args=args, project=str(project))

    def limits():
        # The data segment and private writable memory, not the address space: vl-convert's
        # JavaScript engine reserves (without using) a large address range at start.
        resource.setrlimit(resource.RLIMIT_DATA, (MEMORY_LIMIT, MEMORY_LIMIT))

    try:
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=project,
            capture_output=True,
            text=True,
            preexec_fn=limits,
            timeout=TIME_LIMIT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    except subprocess.TimeoutExpired:
        return Outcome(-2, f"timed out after {TIME_LIMIT} s")
    code_ = -1 if result.returncode == 99 else result.returncode
    return Outcome(code_, result.stdout + result.stderr)


def run_case(case: Case, seed: Path, tmp: Path) -> Outcome:
    """Apply the case to a copy of the seed project, run it, and check everything a user would see."""
    project = copy_project(seed, tmp / "project")
    for edit in case.edits:
        edit(project)
    before = {name: tree_digest(project / name) for name in ("site", ".cache")}
    run = _run_isolated if case.isolated else _run_here
    outcome = run(case.command, case.args, project)
    shown = f"\n--- output of {case.command} ---\n{outcome.output}"
    assert TRACEBACK not in outcome.output and outcome.exit_code >= 0, f"traceback or crash{shown}"
    assert outcome.exit_code == case.exit_code, f"exit code {outcome.exit_code}, expected {case.exit_code}{shown}"
    for wanted in (case.expect, *case.also):
        assert any(wanted in line for line in outcome.lines), f"no line contains {wanted!r}{shown}"
    for secret in case.secret:
        assert secret not in outcome.output, f"the output shows {secret!r}{shown}"
    after = {name: tree_digest(project / name) for name in ("site", ".cache")}
    assert after["site"] == before["site"], "site/ changed"
    if case.exit_code != 0:
        assert after[".cache"] == before[".cache"], ".cache/ changed by a command that failed"
    return outcome
