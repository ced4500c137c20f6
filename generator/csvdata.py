"""Tables and series: a table's CSV file read as its columns declare, every cell checked.

A problem is logged with the CSV file, its line and the column (or, for the file reference
itself, the YAML file, line and field); nothing is read from outside the data folder.
"""
from __future__ import annotations

import csv
import io
import math
import re
from pathlib import Path

import pandas as pd

from . import periods
from .errors import IssueLog
from .models import Column, Table, _parse_period


def display_path(path: Path) -> str:
    """A path as messages show it: relative to the working folder when inside it."""
    import os

    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def _read_text(path: Path, log: IssueLog) -> str | None:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        log.error(display_path(path), line, "", f"file is not UTF-8 (byte 0x{raw[e.start]:02x} at this line); save it as UTF-8")
        return None


def _number(text: str) -> float | None:
    text = text.strip()
    if text == "":
        return math.nan
    if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?", text):
        return None
    return float(text)


def _cell(col: Column, text: str):
    """A CSV cell (or a wide table's header) read as the column's type; ValueError says why not."""
    text = text.strip()
    if col.type == "number":
        value = _number(text)
        if value is None:
            raise ValueError(f"expected a number (decimal point, no thousands separator), got {text!r}")
        return value
    if col.type == "period":
        return _parse_period(text)
    return text


def _spread_headers(table: Table, header: list[str], fixed: set[str], shown: str, log: IssueLog):
    """A wide table's headers after its fixed columns, as (position, value of wide.column).
    Months that go backwards are kept as written, with a warning; None if a header is unreadable."""
    col = table.column(table.wide.column)
    out: list[tuple[int, Any]] = []
    ok = True
    for i, h in enumerate(header):
        if h in fixed:
            continue
        try:
            value = _cell(col, h)
        except ValueError as e:
            log.error(shown, 1, h, f"{e} (the headers after {', '.join(sorted(fixed))} are values of {col.key!r})")
            ok = False
            continue
        twin = next((header[j] for j, v in out if v == value), None)
        if twin is not None:
            log.error(shown, 1, h, f"the same {col.key!r} as the column {twin!r}")
            ok = False
            continue
        out.append((i, value))
    if ok and not out:
        log.error(shown, 1, "", f"a wide table needs one column per {col.key!r} after {', '.join(sorted(fixed))}")
        ok = False
    if ok and col.type == "period":
        for k in periods.backwards([v for _, v in out]):
            here, before = header[out[k][0]], header[out[k - 1][0]]
            log.warn(shown, 1, here, f"the months go backwards: {here!r} comes after {before!r} "
                                     f"(column {col.key!r}); kept as the document has it")
    return out if ok else None


def load_table(table: Table, doc_dir: Path, yaml_path: Path, field_path: str, line, log: IssueLog):
    """Read a table's CSV, check every declared column and value; return a DataFrame or None.
    A wide table (one column per month) becomes one row per cell. line: the line of the table's
    `file:` in the YAML, or a function that finds it (asked only when the file is missing)."""
    csv_path = (doc_dir / table.file).resolve()
    if not csv_path.is_file():
        log.error(display_path(yaml_path), line() if callable(line) else line, f"{field_path}.file", f"file not found: {table.file}")
        return None
    text = _read_text(csv_path, log)
    if text is None:
        return None
    shown = display_path(csv_path)
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        log.error(shown, 1, "", "file is empty; the first line must name the columns")
        return None
    header = [h.strip() for h in rows[0]]
    wide = table.wide
    fixed = [c for c in table.columns if not wide or c.key not in (wide.column, wide.value)]
    ok = True
    for col in fixed:
        if col.key not in header:
            log.error(shown, 1, col.key, f"column is missing from the header (found: {', '.join(header)})")
            ok = False
    if not ok:
        return None
    spread = _spread_headers(table, header, {c.key for c in fixed}, shown, log) if wide else []
    if spread is None:
        return None
    index = {h: i for i, h in enumerate(header)}
    records = []

    def read(col: Column, pos: int, lineno: int, row: list[str], name: str):
        nonlocal ok
        try:
            return _cell(col, row[pos])
        except ValueError as e:
            log.error(shown, lineno, name, str(e))
            ok = False

    for lineno, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            log.error(shown, lineno, "", f"expected {len(header)} values, found {len(row)}")
            ok = False
            continue
        rec = {col.key: read(col, index[col.key], lineno, row, col.key) for col in fixed}
        if not wide:
            records.append(rec)
        for pos, value in spread:
            cell = read(table.column(wide.value), pos, lineno, row, header[pos])
            records.append({**rec, wide.column: value, wide.value: cell})
    if not ok:
        return None
    return pd.DataFrame.from_records(records, columns=[c.key for c in table.columns])
