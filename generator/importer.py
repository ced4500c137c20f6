"""Import a jobindsats.dk-style export into the project's CSV series format.

Exports are semicolon-separated, with decimal comma and thousands dot, in UTF-8 (with or without
BOM) or cp1252, and periods written '2013M12', 'dec 2013', 'jan-14' or '2013-12'. Periods may
run down the first column or along the header. The result is the format of data/: a 'periode'
column (YYYY-MM) and one column per series, decimal point, no thousands separator.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .periods import parse_month_label

MISSING = {"", "-", "..", "…", "x", "*"}


@dataclass
class ImportResult:
    series: list[str]  # series names, in order
    keys: list[str]  # their column keys in the output
    rows: dict[dt.date, dict[str, float | None]]  # period -> key -> value
    problems: list[str] = field(default_factory=list)  # 'file:line: message'
    encoding: str = "utf-8"

    def to_csv(self) -> str:
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["periode", *self.keys])
        for period in sorted(self.rows):
            values = self.rows[period]
            w.writerow([period.strftime("%Y-%m"), *("" if values.get(k) is None else _plain(values[k]) for k in self.keys)])
        return out.getvalue()

    def columns_yaml(self) -> str:
        lines = ["columns:", "  - {key: periode, label: Måned, type: period}"]
        lines += [f"  - {{key: {k}, label: {json.dumps(name, ensure_ascii=False)}}}" for k, name in zip(self.keys, self.series)]
        return "\n".join(lines)


def _plain(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def parse_period(text: str) -> dt.date:
    """'2013M12', '2013-12', 'dec 2013', 'dec. 2013', 'jan-14' -> the first of that month."""
    t = text.strip()
    m = re.fullmatch(r"(\d{4})\s*[Mm-]\s*(\d{1,2})", t)
    if m and 1 <= int(m.group(2)) <= 12:
        return dt.date(int(m.group(1)), int(m.group(2)), 1)
    return parse_month_label(t)


def is_period(text: str) -> bool:
    try:
        parse_period(text)
    except ValueError:
        return False
    return True


def parse_number(text: str) -> float | None:
    """'1.603' -> 1603; '3,5' -> 3.5; '-1' -> -1; '' or '-' -> None. Raises ValueError otherwise."""
    t = text.strip().replace("\u00a0", "").replace(" ", "")
    if t in MISSING:
        return None
    if not re.fullmatch(r"[-+−]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?%?", t):
        raise ValueError(text)
    t = t.replace("−", "-").rstrip("%").replace(".", "").replace(",", ".")
    return float(t)


def slug(name: str) -> str:
    text = name.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_") or "serie"


def decode(raw: bytes) -> tuple[str, str]:
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252"), "cp1252"


def read_export(path: Path) -> ImportResult:
    text, encoding = decode(path.read_bytes())
    shown = str(path)
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    rows = [(i, [c.strip() for c in r]) for i, r in enumerate(lines, start=1) if any(c.strip() for c in r)]

    # Periods along the header: the first line with two or more period cells.
    for idx, (lineno, cells) in enumerate(rows):
        period_cols = [j for j, c in enumerate(cells) if is_period(c)]
        if len(period_cols) >= 2:
            return _wide(shown, encoding, cells, period_cols, rows[idx + 1:])
    # Periods down the first column: the header is the line before the first period row.
    for idx, (lineno, cells) in enumerate(rows):
        if cells and is_period(cells[0]) and idx > 0:
            return _long(shown, encoding, rows[idx - 1][1], rows[idx:])
    return ImportResult([], [], {}, [f"{shown}: found no periods ('2013M12', 'dec 2013', 'jan-14') in the header or the first column"], encoding)


def _unique_keys(names: list[str]) -> list[str]:
    keys, seen = [], set()
    for n in names:
        k, i = slug(n), 2
        while k in seen or k == "periode":
            k, i = f"{slug(n)}_{i}", i + 1
        seen.add(k)
        keys.append(k)
    return keys


def _numbers(shown: str, lineno: int, cells: list[str], columns: list[tuple[int, str, object]]):
    """Read the cells at the given (index, label, key) columns of one line as numbers.
    Returns the values by key, or None with a problem per unreadable cell."""
    values, problems = {}, []
    for j, label, key in columns:
        cell = cells[j] if j < len(cells) else ""
        try:
            values[key] = parse_number(cell)
        except ValueError:
            problems.append(f"{shown}:{lineno}: {label}: expected a number, got {cell!r}")
    return (None if problems else values), problems


def _wide(shown, encoding, header, period_cols, body) -> ImportResult:
    periods = [parse_period(header[j]) for j in period_cols]
    columns = [(j, header[j], p) for j, p in zip(period_cols, periods)]
    read, problems = [], []
    for lineno, cells in body:
        name = " – ".join(c for c in cells[: period_cols[0]] if c) or f"række {lineno}"
        values, bad = _numbers(shown, lineno, cells, columns)
        problems += bad
        if values is not None:
            read.append((name, values))
    names = [name for name, _ in read]
    keys = _unique_keys(names)
    out: dict[dt.date, dict] = {p: {} for p in periods}
    for key, (_, values) in zip(keys, read):
        for p, v in values.items():
            out[p][key] = v
    return ImportResult(names, keys, out, problems, encoding)


def _long(shown, encoding, header, body) -> ImportResult:
    names = header[1:]
    keys = _unique_keys(names)
    columns = [(j, name, key) for j, (name, key) in enumerate(zip(names, keys), start=1)]
    out, problems = {}, []
    for lineno, cells in body:
        try:
            period = parse_period(cells[0])
        except ValueError:
            problems.append(f"{shown}:{lineno}: {header[0] or 'periode'}: expected a period like 2013M12, got {cells[0]!r}")
            continue
        values, bad = _numbers(shown, lineno, cells, columns)
        problems += bad
        if values is not None:
            out[period] = values
    return ImportResult(names, keys, out, problems, encoding)
