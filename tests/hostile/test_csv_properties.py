"""Property tests: the seed's CSV files mutated at random (cells replaced by text, Danish-written,
huge or non-finite numbers, empty cells; cells added or removed; rows duplicated; random bytes)
and validated in this process (generator.cli.main, as the harness runs it).

What must hold for every mutation: validate exits 0, or exits 1 with every output line in the
form `file:line: field: message` (never a traceback); and when it exits 0, every number of the
mutated file is in the loaded table exactly as written, row for row (nothing misread, dropped or
filled in). A count written with a Danish thousands separator, a decimal comma or a number
beyond the limit must never pass.
"""

from __future__ import annotations

import contextlib
import csv
import io
import math
import os
import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator import cli
from generator.data import loader

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
CSV_FILES = sorted(str(p.relative_to(DATA)) for p in DATA.glob("*/*/**/*.csv"))

# Columns of the seed that hold whole counts, by file: a '1.603'-style cell there must fail.
COUNT_COLUMNS = {
    "hvidovre/2013/serier/unge-under-30.csv": ["hvidovre", "klynge"],
    "hvidovre/2013/serier/langtidsledige.csv": ["hvidovre", "klynge"],
    "hvidovre/2013/serier/foertidspension.csv": ["hvidovre"],
    "hvidovre/2013/serier/arbejdssteder.csv": ["hvidovre", "klynge"],
    "hvidovre/2013/tabeller/forsoergelsesgrupper.csv": ["niveau"],
    "hvidovre/2013/tabeller/besparelsespotentiale.csv": ["reduktion"],
    "hoeje-taastrup/2013/referat-2013-03-06/akutjob.csv": ["antal"],
}

ISSUE_LINE = re.compile(r"^(  |advarsel: )data/[^:\n]+?\.(csv|yaml)(:\d+)?: .+$")
CSV_ISSUE = re.compile(r"^(  |advarsel: )data/[^:\n]+?\.csv:\d+: .+$")
SUMMARY = re.compile(r"^(\d+ fejl i data/:|OK: .+)$")

danish_counts = st.builds(lambda a, b: f"{a}.{b:03d}", st.integers(1, 999), st.integers(0, 999))
danish_decimals = st.builds(lambda a, b: f"{a},{b}", st.integers(0, 99999), st.integers(0, 99))
out_of_range = st.sampled_from(["1e400", "-1e309", "2e15", "1e16", "nan", "inf", "-Infinity", "NaN"])
plain_numbers = st.one_of(st.integers(-(10**6), 10**6).map(str), st.floats(-1e6, 1e6, allow_nan=False).map(lambda x: f"{x:.2f}"))
cells = st.one_of(
    st.text(max_size=12),
    danish_counts,
    danish_decimals,
    out_of_range,
    plain_numbers,
    st.just(""),
    st.sampled_from(["2011-02-30", "2013-13", "okt-12", "1 603", "1,603", "-"]),
)


@contextlib.contextmanager
def project_with(rel: str, content: bytes):
    """A copy of the document folder holding rel (and the registry), rel replaced by content;
    the working folder is the copy (so messages name data/...)."""
    old = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="csv-props-") as tmp:
        data = Path(tmp) / "data"
        folder = Path(*Path(rel).parts[:2])
        shutil.copytree(DATA / folder, data / folder)
        shutil.copy(DATA / "jobcentres.yaml", data / "jobcentres.yaml")
        (data / rel).write_bytes(content)
        os.chdir(tmp)
        try:
            yield data
        finally:
            os.chdir(old)


def validate() -> tuple[int, list[str]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = cli.main(["validate", "--data", "data"])
    return code, out.getvalue().splitlines()


def check_output(code: int, lines: list[str], rel: str) -> None:
    assert code in (0, 1), lines
    for line in lines:
        assert SUMMARY.match(line) or ISSUE_LINE.match(line), f"not file:line: field: message: {line!r}"
        if f"data/{rel}" in line:
            assert CSV_ISSUE.match(line), f"a message about the CSV file without its line: {line!r}"


def expected_numbers(table, content: bytes) -> dict[str, list[float]]:
    """The numbers of the mutated file as written, per column (for a wide table, its value
    column row by row), read here independently of csvdata: plain numbers only."""
    rows = [r for r in csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")) if any(c.strip() for c in r)]
    header = [h.strip() for h in rows[0]]
    as_number = lambda text: math.nan if text.strip() == "" else float(text)  # noqa: E731
    wide = table.wide
    fixed = {c.key for c in table.columns if not wide or c.key not in (wide.column, wide.value)}
    out: dict[str, list[float]] = {c.key: [] for c in table.columns if c.type == "number"}
    for row in rows[1:]:
        for c in table.columns:
            if c.type == "number" and c.key in fixed:
                out[c.key].append(as_number(row[header.index(c.key)]))
        if wide:
            out[wide.value] += [as_number(row[i]) for i, h in enumerate(header) if h not in fixed]
    return out


def same(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all((math.isnan(x) and math.isnan(y)) or x == y for x, y in zip(a, b))


def check_read_as_written(data: Path, rel: str, content: bytes) -> None:
    dataset = loader.load(data)
    target = (data / rel).resolve()
    tables = [t for d in dataset.documents for t in d.model.tables if (d.path.parent / t.file).resolve() == target]
    assert tables, rel
    for table in tables:
        for key, values in expected_numbers(table, content).items():
            assert same(table.frame[key].tolist(), values), (key, table.frame[key].tolist(), values)


@st.composite
def mutated(draw):
    """(file, its mutated bytes, whether a count was written with a thousands separator or a
    number was written so that it must never pass)."""
    rel = draw(st.sampled_from(CSV_FILES))
    text = (DATA / rel).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = rows[0]
    for _ in range(draw(st.integers(0, 3))):
        what = draw(st.sampled_from(["cell", "cell", "cell", "add", "remove", "duplicate"]))
        i = draw(st.integers(1, len(rows) - 1))
        if what == "cell" and rows[i]:
            rows[i][draw(st.integers(0, len(rows[i]) - 1))] = draw(cells)
        elif what == "add":
            rows[i].append(draw(cells))
        elif what == "remove" and rows[i]:
            rows[i].pop(draw(st.integers(0, len(rows[i]) - 1)))
        elif what == "duplicate":
            rows.insert(i, list(rows[i]))
    must_fail = rel in COUNT_COLUMNS and draw(st.booleans())
    if must_fail:  # last, so that no other change overwrites it
        col = header.index(draw(st.sampled_from(COUNT_COLUMNS[rel])))
        row = rows[draw(st.integers(1, len(rows) - 1))]
        if col < len(row):
            row[col] = draw(danish_counts)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    content = out.getvalue().encode("utf-8")
    if draw(st.integers(0, 3)) == 0:  # random bytes somewhere
        at = draw(st.integers(0, len(content)))
        content = content[:at] + draw(st.binary(min_size=1, max_size=4)) + content[at:]
    return rel, content, must_fail


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(mutated())
def test_mutated_csv_is_read_as_written_or_refused_with_a_message(case):
    rel, content, must_fail = case
    with project_with(rel, content) as data:
        code, lines = validate()
        event(f"exit {code}" + (" (count injected)" if must_fail else ""))
        check_output(code, lines, rel)
        if must_fail:
            assert code == 1, "a count with a thousands separator passed validate"
        if code == 0:
            check_read_as_written(data, rel, content)


@FAST
@given(st.sampled_from(sorted(COUNT_COLUMNS)), st.data())
def test_a_count_with_a_thousands_separator_never_passes(rel, data):
    text = (DATA / rel).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    col = rows[0].index(data.draw(st.sampled_from(COUNT_COLUMNS[rel])))
    i = data.draw(st.integers(1, len(rows) - 1))
    rows[i][col] = data.draw(st.one_of(danish_counts, danish_decimals, out_of_range))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    with project_with(rel, out.getvalue().encode("utf-8")):
        code, lines = validate()
    check_output(code, lines, rel)
    assert code == 1
    assert any(f"data/{rel}:{i + 1}: {rows[0][col]}: " in line for line in lines), lines


def test_the_mutations_start_from_valid_files():
    """Each seed CSV file unchanged passes, and is read as written (the properties' baseline)."""
    for rel in CSV_FILES:
        content = (DATA / rel).read_bytes()
        with project_with(rel, content) as data:
            code, lines = validate()
            assert code == 0, lines
            check_read_as_written(data, rel, content)
    assert set(COUNT_COLUMNS) <= set(CSV_FILES)
