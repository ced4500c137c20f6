"""Tables and series: a table's CSV file read as its columns declare, every cell checked.

A problem is logged with the CSV file, its line and the column (or, for the file reference
itself, the YAML file, the line of `file:` and the field `tables[i].file`). Message texts are in
messages.CSV.

What is refused, and why:

- Containment. `file:` names a file in the document's own folder (data/<jobcentre>/<year>/) or
  a folder below it: no absolute path, no `..` leading out of the folder, and its real path
  (symbolic links followed) must lie inside data/. Such a file is never opened, and nothing of
  it is shown.
- Limits, checked before reading: at most MAX_CSV_BYTES bytes, MAX_CSV_ROWS data rows and
  MAX_CSV_CELLS cells per file; numbers at most MAX_NUMBER in size and finite. At most
  MAX_ERRORS errors are listed per file.
- The form of the file: UTF-8 (a BOM at the start is fine), no NUL byte, correct CSV quoting,
  comma-separated (a `;`- or tab-separated file is pointed to `python -m generator import`),
  a header naming every declared column once, at least one data row, every row as long as the
  header.
- Numbers: a decimal point and no thousands separator. Decimal commas (`93,5`) are refused
  with the fix. Danish thousands separators: a cell such as `1.603`, `12.345` or `-1.980` (one
  to three digits, not starting with 0, then groups of exactly three digits after points) is
  ambiguous; it is refused, with the fix `1603`, when the column holds whole counts, that is
  when the column declares `decimals: 0`, or its unit (its label if it has none) names a count (COUNT_WORDS:
  personer, fuldtidspersoner, virksomheder, forløb, antal, ...), or all its other values are
  whole numbers. A column declaring `decimals: 3` or more is exempt; a cell with several groups
  (`1.234.567`) is always refused. So `2.79` and `11.8` read as decimals, and `1.603` in
  Tabel 4's count column is an error.
- Months: `YYYY-MM`, a month label ('okt-12'), or a full date `YYYY-MM-DD` that exists (its
  month is kept); an impossible day (`2011-02-30`) is an error.
- Duplicates: in a table with a period column, two rows with the same values in all period and
  text columns (for a series: the same month twice) are an error.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import math
import os
import re
import stat
from pathlib import Path
from typing import Any, NoReturn

import pandas as pd

from generator import messages
from generator.data import periods
from generator.data.errors import IssueLog
from generator.data.models import Column, Table, Wide, _parse_period

MAX_CSV_BYTES = 20 * 1024 * 1024
MAX_CSV_ROWS = 100_000
MAX_CSV_CELLS = 1_000_000
MAX_NUMBER = 1e15
MAX_ERRORS = 20

# Words in a column's unit (its label when it has no unit) that say it counts things (whole
# numbers). A word matches when it ends with one of these ('ydelsesmodtagere' ends with
# 'modtagere'). A label such as "Fuldtidspersoner i pct. af befolkningen" with unit 'pct.' is
# no count: the unit decides.
COUNT_WORDS = (
    "personer",
    "person",
    "virksomheder",
    "virksomhed",
    "forløb",
    "antal",
    "arbejdssteder",
    "arbejdssted",
    "arbejdspladser",
    "stillinger",
    "job",
    "ledige",
    "borgere",
    "modtagere",
    "sager",
    "tilbud",
    "aftaler",
    "kampagner",
    "projekter",
    "centre",
    "deltagere",
    "elever",
    "pladser",
    "samtaler",
    "henvendelser",
)

_PLAIN = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")
_GROUPED = re.compile(r"[-+]?[1-9]\d{0,2}(\.\d{3})+")  # 1.603, 12.345, 1.234.567
_COMMA = re.compile(r"[-+]?(\d{1,3}(\.\d{3})+|\d+),\d+")  # 93,5 and 1.234,5
_ISO_MONTH = re.compile(r"\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\s*")  # 2013-12 or 2013-12-31


def text(key: str, **slots: object) -> str:
    return messages.text(f"csv.{key}", **slots)


def display_path(path: str | Path) -> str:
    """A path as messages show it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def shown(value: str, width: int = 40) -> str:
    """A cell or file name as a message quotes it: in quotes, control characters escaped, cut
    after width characters (a message never carries a whole file's text)."""
    return repr(value[:width]) + ("…" if len(value) > width else "")


def _name(header: str) -> str:
    """A header name as a message shows it: as written when plain, else quoted like a cell."""
    return header if header.isprintable() and 0 < len(header) <= 40 else shown(header)


def _read_text(path: Path, log: IssueLog) -> str | None:
    """A file's text (UTF-8, a BOM at the start dropped); not UTF-8 is logged with its line."""
    raw = path.read_bytes()
    return _decode(raw, display_path(path), log)


def _decode(raw: bytes, where: str, log: IssueLog) -> str | None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        log.error(where, 1, "", text("utf16"))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        log.error(where, line, "", text("not_utf8", byte=raw[e.start]))
        return None


# --------------------------------------------------------------------------- the file reference


def table_path(doc_dir: Path, file: str) -> Path:
    """Where a table's file is, for noticing changes (never read here): its real path, or the
    document's folder when the name is no usable path."""
    try:
        return (doc_dir / file).resolve()
    except (OSError, RuntimeError, ValueError):
        return doc_dir


def _close_csv(file: str, folder: Path) -> str | None:
    """The CSV file in the document's folder most like a name that is not there ('mente du ...?')."""
    try:
        names = [p.relative_to(folder).as_posix() for p in folder.glob("**/*.csv")][:1000]
    except OSError:
        return None
    return messages.close_match(file, names)


def locate(file: str, doc_dir: Path, where) -> Path | None:
    """The real path of a table's `file:` when it may be read (see the module's docstring), else
    None with the reason logged through where(key, **slots). Only the name is checked and the
    file's status asked; nothing is opened."""
    if not file.strip() or not file.isprintable():
        where("file_bad_name")
        return None
    if Path(file).is_absolute():
        where("file_absolute")
        return None
    folder = Path(os.path.abspath(doc_dir))
    if not Path(os.path.normpath(folder / file)).is_relative_to(folder):
        where("file_outside", folder=display_path(doc_dir))
        return None
    try:
        real = (folder / file).resolve()
        root = folder.parent.parent.resolve()  # data/ (the document is in data/<jobcentre>/<year>/)
    except (OSError, RuntimeError):  # a loop of links
        where("file_link_loop")
        return None
    if not real.is_relative_to(root):
        where("file_link_outside")
        return None
    try:
        st = os.stat(real)
    except OSError:
        close = _close_csv(file, folder)
        where("file_not_found_close", close=close) if close else where("file_not_found")
        return None
    if not stat.S_ISREG(st.st_mode):
        where("file_not_regular")
        return None
    if st.st_size > MAX_CSV_BYTES:
        where("file_too_large", size=f"{st.st_size / 1024**2:.1f}", limit=MAX_CSV_BYTES // 1024**2)
        return None
    return real


# --------------------------------------------------------------------------- cells


def _number(text_: str) -> float:
    """A number cell: '' is NaN (no value); anything else must be a plain finite number."""
    t = text_.strip()
    if t == "":
        return math.nan
    if _PLAIN.fullmatch(t):
        value = float(t)
        if not math.isfinite(value) or abs(value) > MAX_NUMBER:
            raise ValueError(text("too_large", cell=shown(t), limit=f"{MAX_NUMBER:.0e}"))
        return value
    if _COMMA.fullmatch(t):
        raise ValueError(text("decimal_comma", cell=shown(t), fix=t.replace(".", "").replace(",", ".")))
    if _GROUPED.fullmatch(t):
        raise ValueError(text("thousands", cell=shown(t), why=text("thousands_why_groups"), fix=t.replace(".", ""), hint=""))
    raise ValueError(text("not_a_number", cell=shown(t)))


def _period(text_: str) -> dt.date:
    """A month; a full date must exist (2011-02-30 is refused, 2011-02-28 gives February)."""
    m = _ISO_MONTH.fullmatch(text_)
    if m:
        year, month, day = int(m.group(1)), int(m.group(2)), m.group(3)
        if year < 1:
            raise ValueError(text("year_zero", cell=shown(text_.strip())))
        if day is not None and 1 <= month <= 12 and not 1 <= int(day) <= calendar.monthrange(year, month)[1]:
            days = calendar.monthrange(year, month)[1]
            why = text("days_in_month", month=messages.MONTHS[month - 1], year=year, days=days)
            raise ValueError(text("no_such_date", cell=shown(text_.strip()), why=why, fix=f"{year}-{month:02d}"))
    return _parse_period(text_)


def _cell(col: Column, text_: str):
    """A CSV cell (or a wide table's header) read as the column's type; ValueError says why not."""
    if col.type == "number":
        return _number(text_)
    if col.type == "period":
        return _period(text_)
    return text_.strip()


def _counts_why(col: Column, others_whole: bool) -> str | None:
    """Why a column holds whole counts (so '1.603' in it is a thousands separator), or None."""
    if col.decimals is not None:
        if col.decimals >= 3:
            return None
        if col.decimals == 0:
            return text("thousands_why_decimals")
    words = re.findall(r"\w+", (col.unit if col.unit else col.label).lower())
    unit = next((w for w in words if w.endswith(COUNT_WORDS)), None)
    if unit is not None:
        return text("thousands_why_unit", unit=unit)
    return text("thousands_why_whole") if others_whole else None


# --------------------------------------------------------------------------- the file


class _Stop(Exception):
    """Reading a file stops (too many errors, or a problem that makes the rest unreadable)."""


class _FileLog:
    """The issues of one CSV file; stops the file after MAX_ERRORS errors."""

    def __init__(self, log: IssueLog, where: str):
        self.log, self.where, self.count = log, where, 0

    def error(self, line: int | None, field: str, message: str) -> None:
        if self.count == MAX_ERRORS:
            self.log.error(self.where, line, "", text("too_many_errors", limit=MAX_ERRORS))
            raise _Stop
        self.count += 1
        self.log.error(self.where, line, field, message)

    def stop(self, line: int | None, field: str, message: str) -> NoReturn:
        self.error(line, field, message)
        raise _Stop

    def warn(self, line: int | None, field: str, message: str) -> None:
        self.log.warn(self.where, line, field, message)


def _rows(text_: str, flog: _FileLog) -> list[tuple[int, list[str]]]:
    """The file's rows with the line each starts on; stops on a quoting error or a limit."""
    for bad, key in (("\0", "nul_byte"), ("\ufeff", "inner_bom")):
        pos = text_.find(bad)
        if pos >= 0:
            flog.stop(text_.count("\n", 0, pos) + 1, "", text(key))
    reader = csv.reader(io.StringIO(text_, newline=""), strict=True)
    out: list[tuple[int, list[str]]] = []
    cells = 0
    start = 1
    try:
        for row in reader:
            out.append((start, row))
            start = reader.line_num + 1
            cells += len(row)
            if len(out) > MAX_CSV_ROWS + 1:
                flog.stop(start - 1, "", text("too_many_rows", limit=f"{MAX_CSV_ROWS:,}"))
            if cells > MAX_CSV_CELLS:
                flog.stop(start - 1, "", text("too_many_cells", limit=f"{MAX_CSV_CELLS:,}"))
    except csv.Error as e:
        flog.stop(start, "", text("quoting", problem=csv_reason(e)))  # the line the broken row starts on
    return out


def csv_reason(error: csv.Error) -> str:
    """A csv.Error's reason in Danish (the csv module words them in English, for programmers)."""
    said = str(error)
    if "expected after" in said:
        return text("quote_text_after")
    if "unexpected end of data" in said:
        return text("quote_unclosed")
    if "field larger than field limit" in said:
        return text("quote_cell_too_long")
    return text("quote_other")


def _separator_problem(first_line: str, header: list[str], declared: list[str], file: str) -> str | None:
    """A message when the header shows a ';'- or tab-separated file, else None."""
    if all(k in header for k in declared):
        return None
    if ";" in first_line:
        return text("semicolons", file=file)
    if "\t" in first_line:
        return text("tabs", file=file)
    return None


def _check_header(header: list[str], first_line: str, fixed: list[Column], wide: bool, file: str, flog: _FileLog) -> None:
    """Separator, duplicate names and missing columns. A wide table's repeated month (or other
    value) after its fixed columns is left to _spread_headers, which says which column it repeats."""
    keys = [c.key for c in fixed]
    problem = _separator_problem(first_line, header, keys, file)
    if problem:
        flog.stop(1, "", problem)
    seen: dict[str, int] = {}
    for i, h in enumerate(header, start=1):
        if h and h in seen and (not wide or h in keys):
            flog.error(1, _name(h), text("duplicate_column", name=shown(h), first=seen[h], second=i))
        seen.setdefault(h, i)
    found = ", ".join(_name(h) for h in header)
    for col in fixed:
        if col.key not in header:
            flog.error(1, col.key, text("missing_column", found=found))
    if flog.count:
        raise _Stop


def _spread_headers(table: Table, wide: Wide, header: list[str], fixed: set[str], flog: _FileLog):
    """A wide table's headers after its fixed columns, as (position, value of wide.column).
    Months that go backwards are kept as written, with a warning; None if a header is unreadable."""
    col = table.column(wide.column)
    fixed_names = ", ".join(sorted(fixed))
    out: list[tuple[int, Any]] = []
    ok = True
    for i, h in enumerate(header):
        if h in fixed:
            continue
        try:
            value = _cell(col, h)
        except ValueError as e:
            flog.error(1, _name(h), text("wide_header", problem=e, fixed=fixed_names, column=col.key))
            ok = False
            continue
        twin = next((header[j] for j, v in out if v == value), None)
        if twin is not None:
            flog.error(1, _name(h), text("wide_twin", column=col.key, twin=shown(twin)))
            ok = False
            continue
        out.append((i, value))
    if ok and not out:
        flog.error(1, "", text("wide_none", column=col.key, fixed=fixed_names))
        ok = False
    if ok and col.type == "period":
        for k in periods.backwards([v for _, v in out]):
            here, before = header[out[k][0]], header[out[k - 1][0]]
            flog.warn(1, _name(here), text("wide_backwards", here=here, before=before, column=col.key))
    return out if ok else None


def _check_counts(table: Table, suspects: dict[str, list], whole: dict[str, bool], flog: _FileLog) -> None:
    """Cells like '1.603' in a column of whole counts are errors (see the module's docstring)."""
    for key, cells in suspects.items():
        why = _counts_why(table.column(key), whole[key])
        if why is None:
            continue
        for lineno, name, cell in cells:
            fix = cell.strip().replace(".", "")
            flog.error(lineno, name, text("thousands", cell=shown(cell.strip()), why=why, fix=fix, hint=text("thousands_hint")))


def _check_duplicates(table: Table, fixed: list[Column], rows: list[tuple[int, dict]], flog: _FileLog) -> None:
    """In a table with months, no two rows may agree in every period and text column: for a
    series, the same month twice; for a table of groups per month, the same group and month."""
    keys = [c for c in fixed if c.type in ("period", "text")]
    has_period = any(c.type == "period" for c in keys) or (
        table.wide is not None and table.column(table.wide.column).type == "period"
    )
    if not has_period or not keys:
        return
    names = ", ".join(c.key for c in keys)
    seen: dict[tuple, int] = {}
    for lineno, rec in rows:
        key = tuple(rec[c.key] for c in keys)
        if key in seen:
            value = ", ".join(f"{v:%Y-%m}" if isinstance(v, dt.date) else str(v) for v in key)
            flog.error(lineno, keys[0].key, text("duplicate_period", what=names, first=seen[key], value=shown(value, 60)))
        seen.setdefault(key, lineno)


def load_table(table: Table, doc_dir: Path, yaml_path: Path, field_path: str, line, log: IssueLog):
    """Read a table's CSV, check every declared column and value; return a DataFrame or None.
    A wide table (one column per month) becomes one row per cell. line: the line of the table's
    `file:` in the YAML, or a function that finds it (asked only when there is a problem)."""

    def where(key: str, **slots) -> None:
        log.error(
            display_path(yaml_path),
            line() if callable(line) else line,
            f"{field_path}.file",
            text(key, file=shown(table.file) if not table.file.isprintable() else table.file, **slots),
        )

    csv_path = locate(table.file, doc_dir, where)
    if csv_path is None:
        return None
    file = display_path(Path(os.path.normpath(doc_dir / table.file)))  # as written, not where links lead
    flog = _FileLog(log, file)
    try:
        return _read_table(table, csv_path, file, flog)
    except _Stop:
        return None


def _read_table(table: Table, csv_path: Path, file: str, flog: _FileLog):
    try:
        with open(csv_path, "rb") as f:
            raw = f.read(MAX_CSV_BYTES + 1)
    except OSError as e:  # found a moment ago: unreadable, or gone since
        flog.stop(None, "", text("unreadable", reason=messages.os_reason(e)))
    if len(raw) > MAX_CSV_BYTES:  # grew since it was measured
        flog.stop(
            None, "", text("file_too_large", file=file, size=f"> {MAX_CSV_BYTES // 1024**2}", limit=MAX_CSV_BYTES // 1024**2)
        )
    text_ = _decode(raw, file, flog.log)
    if text_ is None:
        return None
    rows = _rows(text_, flog)
    if not any(any(c.strip() for c in row) for _, row in rows):
        flog.stop(1, "", text("empty"))
    if not any(c.strip() for c in rows[0][1]):
        flog.stop(1, "", text("blank_header"))
    header = [h.strip() for h in rows[0][1]]
    wide = table.wide
    fixed = [c for c in table.columns if not wide or c.key not in (wide.column, wide.value)]
    _check_header(header, text_.split("\n", 1)[0], fixed, wide is not None, file, flog)
    spread = _spread_headers(table, wide, header, {c.key for c in fixed}, flog) if wide else []
    if spread is None:
        return None
    index = {h: i for i, h in enumerate(header)}
    value_col = table.column(wide.value) if wide else None
    number_keys = [c.key for c in table.columns if c.type == "number"]
    suspects: dict[str, list] = {k: [] for k in number_keys}  # cells like '1.603', per column
    whole = {k: True for k in number_keys}  # whether the column's other values are whole
    records: list[dict] = []
    rows_read: list[tuple[int, dict]] = []
    ok = True

    def read(col: Column, pos: int, lineno: int, row: list[str], name: str):
        nonlocal ok
        cell = row[pos]
        try:
            value = _cell(col, cell)
        except ValueError as e:
            flog.error(lineno, name, str(e))
            ok = False
            return None
        if col.type == "number":
            if _GROUPED.fullmatch(cell.strip()):
                suspects[col.key].append((lineno, name, cell))
            elif not math.isnan(value) and not value.is_integer():
                whole[col.key] = False
        return value

    for lineno, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            flog.error(lineno, "", text("row_length", expected=len(header), found=len(row)))
            ok = False
            continue
        rec = {col.key: read(col, index[col.key], lineno, row, col.key) for col in fixed}
        rows_read.append((lineno, rec))
        if wide is None:
            records.append(rec)
            continue
        assert value_col is not None  # a wide table's value column (set with wide)
        for pos, value in spread:
            cell = read(value_col, pos, lineno, row, _name(header[pos]))
            records.append({**rec, wide.column: value, wide.value: cell})
    if ok and not rows_read:
        flog.stop(1, "", text("no_rows"))
    _check_counts(table, suspects, whole, flog)
    if ok:
        _check_duplicates(table, fixed, rows_read, flog)
    if not ok or flog.count:
        return None
    return pd.DataFrame.from_records(records, columns=[c.key for c in table.columns])
