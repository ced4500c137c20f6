"""Property tests: the seed's YAML files, mutated at random (a value replaced by random scalars,
text, lists or huge and non-finite numbers; a key deleted or written twice; random text put in),
never make `validate` print a traceback: it exits 0, or exits 1 with every line of its report in
the form `file:line: field: message` (or `file: message` where no line applies)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile.harness import ROOT

FILES = [
    "data/hvidovre/2013/resultatrevision.yaml",
    "data/hvidovre/2020/beskaeftigelsesplan.yaml",
    "data/hvidovre/2012/tilbagemelding.yaml",
    "data/hoeje-taastrup/2013/referat-2013-03-06.yaml",
    "data/jobcentres.yaml",
]
SEED = {rel: (ROOT / rel).read_text(encoding="utf-8") for rel in FILES}

# One line of the report: "  data/x.yaml:12: goals[0].target: message" or "  data/x.yaml: message".
REPORT_LINE = re.compile(r"  data/[^\s:]+(:\d+)?: \S.*")
HEADER = re.compile(r"\d+ fejl i data/:")


def _spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where the scalar values are (start, end offsets), and where each mapping entry is (its lines)."""
    values, entries = [], []

    def walk(node):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                entries.append((key.start_mark.line, max(value.end_mark.line, key.start_mark.line + 1)))
                walk(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)
        elif isinstance(node, yaml.ScalarNode):
            values.append((node.start_mark.index, node.end_mark.index))

    walk(yaml.compose(text, Loader=yaml.SafeLoader))
    return values, entries


SPANS = {rel: _spans(text) for rel, text in SEED.items()}

HOSTILE_WORDS = [
    "",
    "   ",
    ".inf",
    "-.inf",
    ".nan",
    "1e400",
    "1.0e+400",
    "-1.0e+30",
    "2013-02-30",
    "2013-13-01",
    "«Skriv teksten her»",
    "null",
    "~",
    "true",
    "[",
    "{",
    "&a x",
    "*a",
    "!!python/object:os.system x",
    "'",
    '"',
    "- x",
    "x: y",
    "{ref:ukendt}",
    "0x1F",
    "0o17",
    "12:30",
    "aar",
    "data",
]

scalars = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(
        lambda f: {"inf": ".inf", "-inf": "-.inf", "nan": ".nan"}.get(repr(f), repr(f))
    ),
    st.sampled_from(HOSTILE_WORDS),
    st.text(max_size=30).map(json.dumps),  # any text, as a quoted YAML string
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=30),  # any text, raw
    st.lists(st.integers(-5, 5), max_size=4).map(lambda xs: json.dumps(xs)),
)


@st.composite
def mutations(draw):
    rel = draw(st.sampled_from(FILES))
    text = SEED[rel]
    values, entries = SPANS[rel]
    kind = draw(st.sampled_from(["replace", "replace", "delete", "duplicate", "insert"]))
    if kind == "replace":
        start, end = draw(st.sampled_from(values))
        return rel, text[:start] + draw(scalars) + text[end:]
    lines = text.splitlines(keepends=True)
    if kind == "insert":
        at = draw(st.integers(0, len(lines)))
        return rel, "".join(lines[:at] + [draw(st.text(max_size=40)) + "\n"] + lines[at:])
    first, end = draw(st.sampled_from(entries))
    if kind == "delete":
        return rel, "".join(lines[:first] + lines[end:])
    return rel, "".join(lines[:end] + lines[first:end] + lines[end:])  # the entry written twice


def _validate(project: Path) -> tuple[int | str | None, str]:
    from generator import cli

    out = io.StringIO()
    old = os.getcwd()
    os.chdir(project)
    code: int | str | None
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            try:
                code = cli.main(["validate", "--data", "data"])
            except SystemExit as e:
                code = e.code
    finally:
        os.chdir(old)
    return code, out.getvalue()


def test_mutated_yaml_gives_messages_never_a_traceback(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "data", project / "data")

    @settings(
        max_examples=int(os.environ.get("YAML_PROPERTY_EXAMPLES", 50)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        database=None,
    )
    @given(mutations())
    def check(mutation):
        rel, text = mutation
        path = project / rel
        path.write_text(text, encoding="utf-8")
        try:
            code, output = _validate(project)  # an exception here fails the test with its traceback
        finally:
            path.write_text(SEED[rel], encoding="utf-8")
        assert code in (0, 1), output
        if code == 1:
            lines = [line for line in output.splitlines() if not line.startswith("advarsel: ")]
            assert HEADER.fullmatch(lines[0]), output
            bad = [line for line in lines[1:] if not REPORT_LINE.fullmatch(line)]
            assert not bad, output

    check()


def test_the_report_form_is_checked():
    """The line pattern rejects what it must (a traceback line, a message without its file)."""
    assert REPORT_LINE.fullmatch("  data/hvidovre/2013/resultatrevision.yaml:80: goals[1].baseline: her skal stå et tal")
    assert REPORT_LINE.fullmatch("  data/jobcentres.yaml: registret over jobcentre mangler")
    assert not REPORT_LINE.fullmatch('  File "/work/generator/data/loader.py", line 3, in load')
    assert not REPORT_LINE.fullmatch("ValueError: day is out of range for month")
