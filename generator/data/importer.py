"""Import a jobindsats.dk export into the project's CSV series format, never guessing silently.

An export is a CSV file (cells separated by ';' or a tab, decimal comma and thousands dot, in
UTF-8 with or without BOM, UTF-16 with BOM, or cp1252) or an Excel workbook (.xlsx, read with
openpyxl: its first sheet). Periods are months written '2013M12', '2013-12', 'dec 2013' or
'jan-14', down the first column (one series per column) or along the header (one series per row).

What is read, and how, is stated: the encoding and separator, the layout and header line, and
every line skipped (titles above the header, notes such as 'Kilde: ...' and blank lines under
the data). Anything else that does not fit (a cell that is not a number, a period that does not
exist or comes twice, a row shorter or longer than the header, data under a note) is a problem
with file, line and column; problems in rows can be left out with --skip-bad, problems with the
whole file (encoding, separator, decimal points, layout) cannot.

The result is the format of data/: a 'periode' column (YYYY-MM) and one column per series,
decimal point, no thousands separator.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import os
import re
import tempfile
import unicodedata
import zipfile
from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from generator import messages
from generator.data.csvdata import display_path
from generator.data.errors import DataIssue
from generator.data.periods import parse_month_label

K = TypeVar("K", bound=Hashable)  # how a row's numbers are keyed: column key or period

MAX_BYTES = 20 * 1024**2  # an export file (CSV or .xlsx); jobindsats.dk exports are far smaller
MAX_UNPACKED = 100 * 1024**2  # an .xlsx workbook's unpacked parts
MAX_LINES = 20_000  # lines (or sheet rows) of an export
MAX_COLUMNS = 500  # cells in a line (20 years of months along the header is 240)
MAX_LINE_CHARS = 10_000
MAX_DIGITS = 15  # significant digits a float keeps exactly
FIRST_YEAR = 1990  # periods before it, or after next year, are refused as misread years

MISSING = {"", "-", "..", "…", "x", "*"}  # cells that mean "no value" in exports

# the first cell of a note under the data (or above the header): "Kilde: jobindsats.dk", "* Foreløbige tal"
FOOTER = re.compile(
    r"(kilder?|source|noter?|anm|anmærkning(er)?|bemærk(ning(er)?)?|fodnoter?|(sidst |senest )?opdateret|"
    r"udtræk|udtrukket|dato for udtræk|copyright)\b|©|\*+\s*\w",
    re.IGNORECASE,
)

Cell = str | float | dt.date  # a CSV cell is text; a workbook cell may be a number or a date


def t(name: str, /, **slots) -> str:
    """The import message `name` (a key of messages.IMPORT) with its slots filled in."""
    return messages.text(f"import.{name}", **slots)


# --------------------------------------------------------------------------- result


@dataclass
class ImportResult:
    series: list[str]  # series names, in order
    keys: list[str]  # their column keys in the output
    rows: dict[dt.date, dict[str, float | None]]  # period -> key -> value
    # messages, each 'file:line: field: text'
    problems: list[str] = field(default_factory=list)  # rows or columns that could not be read
    fatal: list[str] = field(default_factory=list)  # the file cannot be read safely at all
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how the file was read, what was skipped
    encoding: str = ""

    def to_csv(self) -> str:
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["periode", *self.keys])
        for period in sorted(self.rows):
            values = self.rows[period]
            w.writerow([period.strftime("%Y-%m"), *("" if (v := values.get(k)) is None else _plain(v) for k in self.keys)])
        return out.getvalue()

    def columns_yaml(self) -> str:
        lines = ["columns:", "  - {key: periode, label: Måned, type: period}"]
        lines += [
            f"  - {{key: {_yaml_key(k)}, label: {json.dumps(name, ensure_ascii=False)}}}"
            for k, name in zip(self.keys, self.series)
        ]
        return "\n".join(lines)


def _yaml_key(key: str) -> str:
    """The key as YAML reads it back as the same text: quoted when it would be a number or a
    boolean ('167', 'no')."""
    import yaml

    return key if yaml.safe_load(f"k: {key}")["k"] == key else json.dumps(key)


def _plain(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(float(v))


class Refused(Exception):
    """The export cannot be read at all; the message says where and why."""


# --------------------------------------------------------------------------- cells


def _show(cell: Cell) -> str:
    """A cell as messages quote it: repr, cut after 60 characters."""
    if isinstance(cell, float):
        return repr(_plain(cell))
    text = cell.isoformat() if isinstance(cell, dt.date) else cell
    return repr(text if len(text) <= 60 else text[:60] + "…")


def _text(cell: Cell) -> str:
    if isinstance(cell, float):
        return _plain(cell)
    return cell.isoformat() if isinstance(cell, dt.date) else cell


_MONTH_CODE = re.compile(r"(\d{4})\s*[Mm-]\s*(\d{1,2})")
_QUARTER = re.compile(r"\d{4}\s*[KkQq]\s*\d")
_YEAR = re.compile(r"\d{4}")
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "maj", "may", "jun", "jul", "aug", "sep", "okt", "oct", "nov", "dec")
_WORD_YEAR = re.compile(r"([a-zæøå]+)\.?\s*[-/ ]?\s*\d{2}(\d{2})?", re.IGNORECASE)


def parse_period(text: str) -> dt.date:
    """'2013M12', '2013-12', 'dec 2013', 'dec. 2013', 'jan-14' -> the first of that month.
    Raises ValueError with the reason otherwise (month 13, a quarter, a year, a year far ahead)."""
    s = text.strip()
    m = _MONTH_CODE.fullmatch(s)
    if m:
        month = int(m.group(2))
        if not 1 <= month <= 12:
            raise ValueError(t("why_month", month=month))
        day = dt.date(int(m.group(1)), month, 1)
    elif _QUARTER.fullmatch(s):
        raise ValueError(t("why_quarter"))
    elif _YEAR.fullmatch(s):
        raise ValueError(t("why_year"))
    else:
        try:
            day = parse_month_label(s)
        except ValueError:
            raise ValueError("") from None
    if not FIRST_YEAR <= day.year <= dt.date.today().year + 1:
        raise ValueError(t("why_year_range", year=day.year, first=FIRST_YEAR))
    return day


def _period_like(cell: Cell) -> bool:
    """A header cell that is, or was meant as, a period (so a misspelt month is not a name)."""
    if isinstance(cell, dt.date):
        return True
    if isinstance(cell, float):
        return cell.is_integer() and FIRST_YEAR <= cell <= 2100
    s = cell.strip()
    if _MONTH_CODE.fullmatch(s) or _QUARTER.fullmatch(s) or _YEAR.fullmatch(s):
        return True
    m = _WORD_YEAR.fullmatch(s)
    return m is not None and m.group(1).lower()[:3] in _MONTH_WORDS


def read_period(cell: Cell) -> dt.date:
    """A period cell (text, or a workbook's date or number); ValueError says why not."""
    if isinstance(cell, dt.date):
        if isinstance(cell, dt.datetime) and cell.time() != dt.time(0) or cell.day != 1:
            raise ValueError(t("why_date"))
        return dt.date(cell.year, cell.month, 1)
    return parse_period(_text(cell))


_NUMBER = re.compile(r"[-+]?(\d{1,3}(\.\d{3})+|\d{1,3}( \d{3})+|\d+)(,\d+)?( ?%)?")
_DECIMAL_POINT = re.compile(r"[-+]?\d+\.\d+")


def parse_number(text: str) -> float | None:
    """'1.603' -> 1603; '1 603' -> 1603; '3,5' -> 3.5; '-1' -> -1; '' or '-' -> None.
    Raises ValueError otherwise, and for more than 15 significant digits."""
    s = text.strip().replace("\u00a0", " ").replace("\u202f", " ").replace("−", "-")
    if s in MISSING:
        return None
    if not _NUMBER.fullmatch(s):
        raise ValueError(text)
    digits = re.sub(r"\D", "", s).lstrip("0")
    if len(digits) > MAX_DIGITS:
        raise ValueError(text)
    return float(s.rstrip("%").replace(".", "").replace(" ", "").replace(",", "."))


def slug(name: str) -> str:
    text = name.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_") or "serie"


# --------------------------------------------------------------------------- files -> lines of cells


@dataclass
class Sheet:
    """An export as lines of cells, with how it was read."""

    shown: str
    lines: list[tuple[int, list[Cell]]]  # (line number, cells), every line
    described: str  # "read in.csv as UTF-8 ..." for the output
    encoding: str = ""
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)  # (line, column) -> formula without value

    @property
    def is_workbook(self) -> bool:
        return self.encoding == "xlsx"


def read_sheet(path: Path) -> Sheet:
    """The export's lines of cells; Refused when the file cannot be read as an export."""
    shown = display_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise Refused(t("too_big", file=shown, size=f"{size / 1024**2:.1f}", limit=MAX_BYTES // 1024**2))
        raw = path.read_bytes()
    except OSError as e:
        raise Refused(t("unreadable", file=shown, reason=messages.os_reason(e))) from None
    if not raw.strip():
        raise Refused(t("empty", file=shown))
    if raw.startswith(bytes.fromhex("d0cf11e0a1b11ae1")):
        raise Refused(t("old_xls", file=shown))
    if raw.startswith(b"PK\x03\x04"):
        return _read_workbook(raw, shown)
    return _read_csv(raw, shown)


def _decode(raw: bytes, shown: str) -> tuple[str, str]:
    """The text and the name of its encoding: UTF-16 (with BOM), UTF-8 (with or without BOM) or cp1252."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as e:
            raise Refused(t("undecodable", file=shown, line=_line_of(raw, e.start), byte=f"{raw[e.start]:02x}")) from None
    if b"\0" in raw:
        raise Refused(t("nul", file=shown, line=_line_of(raw, raw.index(b"\0"))))
    bom = raw.startswith(b"\xef\xbb\xbf")
    if bom:
        raw = raw[3:]  # the line numbers stay the same
    try:
        return raw.decode("utf-8"), t("encoding_utf8_bom") if bom else "UTF-8"
    except UnicodeDecodeError as e:
        bad = e.start
    utf8_line = next((n for n, line in enumerate(raw.split(b"\n"), start=1) if not line.isascii() and _is_utf8(line)), None)
    if utf8_line is not None:
        raise Refused(t("mixed_encoding", file=shown, line=_line_of(raw, bad), utf8_line=utf8_line))
    try:
        return raw.decode("cp1252"), "cp1252 (Windows)"
    except UnicodeDecodeError as e:
        raise Refused(t("undecodable", file=shown, line=_line_of(raw, e.start), byte=f"{raw[e.start]:02x}")) from None


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _line_of(raw: bytes, offset: int) -> int:
    return raw[:offset].count(b"\n") + 1


def _read_csv(raw: bytes, shown: str) -> Sheet:
    text, encoding = _decode(raw, shown)
    if not text.strip():
        raise Refused(t("empty", file=shown))
    head = text.lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml", "<table")):
        raise Refused(t("html", file=shown))
    physical = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if physical and physical[-1] == "":
        physical.pop()
    if len(physical) > MAX_LINES:
        raise Refused(t("too_many_lines", file=shown, lines=len(physical), limit=MAX_LINES))
    for n, line in enumerate(physical, start=1):
        if len(line) > MAX_LINE_CHARS:
            raise Refused(t("line_too_long", file=shown, line=n, length=len(line), limit=MAX_LINE_CHARS))
    written = [(n, line) for n, line in enumerate(physical, start=1) if line.strip()]
    if any(";" in line for _, line in written):
        separator, named = ";", "';'"
    elif any("\t" in line for _, line in written):
        separator, named = "\t", t("separator_tabs")
    elif any("," in line for _, line in written):
        first = next(n for n, line in written if "," in line)
        raise Refused(t("comma_separated", file=shown, line=first, encoding=encoding))
    else:
        raise Refused(t("no_separator", file=shown, encoding=encoding))
    lines: list[tuple[int, list[Cell]]] = []
    for n, line in enumerate(physical, start=1):
        try:
            cells = next(csv.reader([line], delimiter=separator, strict=True), [])
        except csv.Error:
            raise Refused(t("bad_quote", file=shown, line=n)) from None
        if len(cells) > MAX_COLUMNS:
            raise Refused(t("too_many_columns", file=shown, line=n, columns=len(cells), limit=MAX_COLUMNS))
        lines.append((n, [c.strip() for c in cells]))
    described = t("read_csv", file=shown, encoding=encoding, separator=named)
    return Sheet(shown, lines, described, encoding)


def _read_workbook(raw: bytes, shown: str) -> Sheet:
    """The first sheet of an .xlsx workbook, values as Excel last saved them."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            names = set(z.namelist())
            if "mimetype" in names and b"opendocument" in z.read("mimetype"):
                raise Refused(t("opendocument", file=shown))
            unpacked = sum(i.file_size for i in z.infolist())
    except zipfile.BadZipFile:
        raise Refused(t("not_xlsx", file=shown, reason=t("reason_not_zip"))) from None
    if "xl/workbook.xml" not in names:
        raise Refused(t("not_xlsx", file=shown, reason=t("reason_no_workbook")))
    if unpacked > MAX_UNPACKED:
        raise Refused(t("unpacks_too_big", file=shown, size=f"{unpacked / 1024**2:.0f}", limit=MAX_UNPACKED // 1024**2))
    import openpyxl

    try:
        values = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
        if not values.worksheets:
            raise Refused(t("not_xlsx", file=shown, reason=t("reason_no_sheet")))
        sheet, others = values.worksheets[0], [ws.title for ws in values.worksheets[1:]]
        rows = zip(
            sheet.iter_rows(min_row=1, max_row=MAX_LINES + 1, max_col=MAX_COLUMNS + 1, values_only=True),
            formulas.worksheets[0].iter_rows(min_row=1, max_row=MAX_LINES + 1, max_col=MAX_COLUMNS + 1, values_only=True),
        )
        lines, missing = [], {}
        for n, (row, written) in enumerate(rows, start=1):
            if n > MAX_LINES:
                raise Refused(t("too_many_lines", file=shown, lines=t("more_than", limit=MAX_LINES), limit=MAX_LINES))
            if len(row) > MAX_COLUMNS and row[MAX_COLUMNS] is not None:
                raise Refused(
                    t("too_many_columns", file=shown, line=n, columns=t("more_than", limit=MAX_COLUMNS), limit=MAX_COLUMNS)
                )
            for j, (v, f) in enumerate(zip(row, written)):
                if v is None and isinstance(f, str) and f.startswith("="):
                    missing[(n, j)] = f
            width = max((j + 1 for j, v in enumerate(row) if v is not None or (n, j) in missing), default=0)
            lines.append((n, [_workbook_cell(v) for v in row[:width]]))
        values.close()
        formulas.close()
    except Refused:
        raise
    except Exception as e:  # noqa: BLE001 - any failure of the workbook reader on a broken file is a message
        # the reader's own words name the part that broke it (for whoever reports it)
        raise Refused(
            t("not_xlsx", file=shown, reason=t("reason_reader_failed", error=f"{type(e).__name__}: {e}"[:200]))
        ) from None
    while lines and not any(_text(c) for c in lines[-1][1]):
        lines.pop()
    described = t(
        "read_xlsx",
        file=shown,
        sheet=sheet.title,
        others=t("read_xlsx_others", sheets=", ".join(repr(o) for o in others)) if others else "",
    )
    return Sheet(shown, lines, described, "xlsx", missing)


def _workbook_cell(value) -> Cell:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, dt.date):
        return value
    return str(value).strip()


# --------------------------------------------------------------------------- lines -> series


def read_export(path: Path) -> ImportResult:
    """Read an export; problems and how it was read are in the result, never raised."""
    try:
        sheet = read_sheet(path)
    except Refused as e:
        return ImportResult([], [], {}, fatal=[str(e)])
    result = _Reader(sheet).read()
    result.encoding = sheet.encoding
    return result


def _filled(cells: list[Cell]) -> list[int]:
    return [j for j, c in enumerate(cells) if _text(c)]


class _Reader:
    """Finds the header, the layout and the notes of one sheet and reads its series."""

    def __init__(self, sheet: Sheet):
        self.sheet = sheet
        self.shown = sheet.shown
        self.result = ImportResult([], [], {})
        self.decimal_points: list[tuple[int, str, Cell]] = []  # cells written with a decimal point
        self.skipped: list[tuple[int, str]] = []  # (first line, message) for lines left out as titles, notes, blanks
        self.missing = 0  # cells read as "no value"

    def problem(self, line, fld: str, message: str) -> None:
        self.result.problems.append(str(DataIssue(self.shown, line, fld, message)))

    def fatal(self, message: str) -> ImportResult:
        self.result.fatal.append(message)
        return self.result

    def read(self) -> ImportResult:
        lines = self.sheet.lines
        res = self.result
        res.notes.append(self.sheet.described)
        header_at = next((i for i, (_, cells) in enumerate(lines) if len(_filled(cells)) >= 2 and not self._is_note(cells)), None)
        if header_at is None:
            return self.fatal(t("no_content", file=self.shown))
        header_line, header = lines[header_at]
        for n, cells in lines[:header_at]:
            if _filled(cells):
                self._skipped(n, n, "title", cells)
        if _period_like(header[0]):
            return self.fatal(t("no_header", file=self.shown, line=header_line, cell=_show(header[0])))
        width = max(_filled(header)) + 1
        wide_at = next((j for j in range(1, width) if _period_like(header[j])), None)
        under = lines[header_at + 1 :]
        body = self._body(under, wide=wide_at is not None)
        self._skipped_blanks(under)
        if res.fatal:
            return res
        if not body:
            return self.fatal(t("no_rows", file=self.shown, line=header_line))
        if wide_at is None:
            res.notes.append(t("layout_long", line=header_line))
            self._long(header_line, header[:width], body)
        else:
            res.notes.append(t("layout_wide", line=header_line))
            self._wide(header_line, header[:width], wide_at, body)
        if self.decimal_points:
            n, fld, cell = self.decimal_points[0]
            more = t("decimal_point_more", count=len(self.decimal_points) - 1) if len(self.decimal_points) > 1 else ""
            res.fatal.append(str(DataIssue(self.shown, n, fld, t("decimal_point", cell=_show(cell), more=more))))
        res.notes += [message for _, message in sorted(self.skipped)]
        if self.missing:
            res.notes.append(t("missing_cells", count=self.missing))
        for key, name in zip(res.keys, res.series):
            if all(values.get(key) is None for values in res.rows.values()):
                res.warnings.append(str(DataIssue(self.shown, None, name, t("all_missing"))))
        return res

    @staticmethod
    def _is_note(cells: list[Cell]) -> bool:
        return isinstance(cells[0], str) and bool(FOOTER.match(cells[0])) if cells else False

    def _skipped(self, first: int, last: int, kind: str, cells: list[Cell] | None = None) -> None:
        where = f"{self.shown}:{first}" if first == last else f"{self.shown}:{first}-{last}"
        text = "; ".join(_text(c) for c in cells if _text(c)) if cells else ""
        self.skipped.append((first, t(f"skipped_{kind}", where=where, text=_show(text))))

    def _body(self, lines, wide: bool):
        """The data lines under the header, up to the first note; the lines after it are notes
        (reported as skipped) unless they hold data, which is an error."""
        note_at = next((i for i, (_, cells) in enumerate(lines) if self._is_note(cells)), len(lines))
        for n, cells in lines[note_at:]:
            if not _filled(cells):
                continue
            if self._is_note(cells) or not self._looks_like_data(cells, wide):
                self._skipped(n, n, "note", cells)
            else:
                self.fatal(t("data_after_note", file=self.shown, line=n, note=lines[note_at][0]))
        return [(n, cells) for n, cells in lines[:note_at] if _filled(cells)]

    def _skipped_blanks(self, lines) -> None:
        """Report each run of blank lines (said, though nothing is lost)."""
        run: list[int] = []
        for n, cells in [*lines, (None, ["end"])]:
            if n is not None and not _filled(cells):
                run.append(n)
                continue
            if run:
                self._skipped(run[0], run[-1], "blank")
            run = []

    @staticmethod
    def _looks_like_data(cells: list[Cell], wide: bool) -> bool:
        if not wide:
            return _period_like(cells[0])
        return any(isinstance(c, float) or (c and _NUMBER.fullmatch(_text(c))) for c in cells[1:])

    # ----------------------------------------------------------------------- layouts

    def _fits(self, n: int, cells: list[Cell], width: int, unnamed: set[int], header_line: int) -> bool:
        """Whether a row has a cell for each column of the header, and no value in a column the
        header does not name (a workbook's rows are as short as their last value)."""
        if not self.sheet.is_workbook and len(cells) < width:
            self.problem(n, "", t("short_row", found=len(cells), expected=width, header=header_line))
            return False
        extra = [j for j in _filled(cells) if j >= width or j in unnamed]
        for j in extra:
            self.problem(n, t("field_column", number=j + 1), t("long_row", cell=_show(cells[j]), header=header_line))
        return not extra

    def _numbers(self, n: int, cells: list[Cell], columns: list[tuple[int, str, K]]) -> dict[K, float | None] | None:
        """The cells at (position, name, key) as numbers by key; None if one cannot be read."""
        values: dict[K, float | None] = {}
        ok = True
        for j, name, key in columns:
            cell = cells[j] if j < len(cells) else ""
            formula = self.sheet.formulas.get((n, j))
            if formula:
                self.problem(n, name, t("formula_without_value", formula=_show(formula)))
                ok = False
                continue
            if isinstance(cell, float):
                if not math.isfinite(cell):
                    self.problem(n, name, t("not_a_number", cell=_show(cell)))
                    ok = False
                values[key] = cell
                continue
            try:
                values[key] = parse_number(_text(cell))
                self.missing += values[key] is None
            except ValueError:
                ok = False
                text = _text(cell).strip()
                if _DECIMAL_POINT.fullmatch(text):
                    self.decimal_points.append((n, name, cell))
                elif _NUMBER.fullmatch(text):
                    self.problem(n, name, t("too_many_digits", cell=_show(cell), digits=MAX_DIGITS))
                else:
                    self.problem(n, name, t("not_a_number", cell=_show(cell)))
        return values if ok else None

    def _unnamed_columns(self, header: list[Cell], first: int) -> set[int]:
        return {j for j in range(first, len(header)) if not _text(header[j])}

    def _long(self, header_line: int, header: list[Cell], body) -> None:
        """Periods down the first column, one series per named column."""
        res = self.result
        label = _text(header[0]) or "periode"
        unnamed = self._unnamed_columns(header, 1)
        named = [j for j in range(1, len(header)) if j not in unnamed]
        names = [_text(header[j]) for j in named]
        res.series, res.keys = (
            names,
            self._keys(names, [header_line] * len(names), [t("field_column", number=j + 1) for j in named]),
        )
        columns = [(j, name, key) for j, name, key in zip(named, names, res.keys)]
        seen: dict[dt.date, int] = {}
        for n, cells in body:
            fine = self._fits(n, cells, len(header), unnamed, header_line)
            try:
                period = read_period(cells[0])
            except ValueError as e:
                elsewhere = [j for j in range(1, len(cells)) if _period_like(cells[j])]
                hint = (
                    t("hint_wide_header")
                    if len(elsewhere) > 1
                    else t("hint_period_column", column=elsewhere[0] + 1)
                    if elsewhere
                    else ""
                )
                self.problem(n, label, t("not_a_period", cell=_show(cells[0]), why=_why(e)) + hint)
                continue
            if period in seen:
                self.problem(n, label, t("duplicate_period_row", period=f"{period:%Y-%m}", first=seen[period]))
                res.rows.pop(period, None)  # neither row is trusted
                continue
            seen[period] = n
            values = self._numbers(n, cells, columns)
            if fine and values is not None:
                res.rows[period] = values

    def _wide(self, header_line: int, header: list[Cell], first: int, body) -> None:
        """Periods along the header from column `first`, one series per row named by the columns before."""
        res = self.result
        periods: list[tuple[int, dt.date]] = []
        seen: dict[dt.date, int] = {}
        dropped: set[dt.date] = set()
        unnamed = self._unnamed_columns(header, first)
        for j in range(first, len(header)):
            if j in unnamed:
                continue
            where = t("field_column", number=j + 1)
            try:
                period = read_period(header[j])
            except ValueError as e:
                self.problem(header_line, where, t("not_a_period", cell=_show(header[j]), why=_why(e)))
                continue
            if period in seen:
                self.problem(header_line, where, t("duplicate_period_column", period=f"{period:%Y-%m}", first=seen[period] + 1))
                dropped.add(period)
                continue
            seen[period] = j
            periods.append((j, period))
        columns = [(j, _text(header[j]), p) for j, p in periods if p not in dropped]
        read = []
        above: tuple[int, list[str]] | None = None  # the line before and its name cells
        for n, cells in body:
            fine = self._fits(n, cells, len(header), unnamed, header_line)
            labels = [_text(cells[j]) if j < len(cells) else "" for j in range(first)]
            name = " – ".join(label for label in labels if label)
            if not name:
                self.problem(n, "", t("unnamed_row"))
                continue
            if above and first > 1:
                for j, (label, before) in enumerate(zip(labels, above[1])):
                    if not label and before:
                        self.result.warnings.append(
                            str(
                                DataIssue(
                                    self.shown,
                                    n,
                                    t("field_column", number=j + 1),
                                    t("name_cell_empty", name=_show(name), line=above[0], above=_show(before)),
                                )
                            )
                        )
            above = (n, labels)
            values = self._numbers(n, cells, columns)
            if fine and values is not None:
                read.append((n, name, values))
        res.series = [name for _, name, _ in read]
        res.keys = self._keys(res.series, [n for n, _, _ in read], [t("field_line", number=n) for n, _, _ in read])
        res.rows = {p: {} for _, p in periods if p not in dropped} if read else {}
        for key, (_, _, values) in zip(res.keys, read):
            for p, v in values.items():
                res.rows[p][key] = v

    def _keys(self, names: list[str], lines: list[int], places: list[str]) -> list[str]:
        """A column key per series name (at the given lines and places: 'line 3', 'column 2');
        a name that comes again gets _2, _3 ... and a warning."""
        keys: list[str] = []
        seen: set[str] = set()
        first: dict[str, str] = {}
        for name, line, place in zip(names, lines, places):
            k, copy = slug(name), 2
            while k in seen or k == "periode":
                k, copy = f"{slug(name)}_{copy}", copy + 1
            seen.add(k)
            keys.append(k)
            if name in first:
                self.result.warnings.append(str(DataIssue(self.shown, line, name, t("same_name", first=first[name], column=k))))
            else:
                first[name] = place
        return keys


def _why(error: ValueError) -> str:
    return f": {error}" if str(error) else ""


# --------------------------------------------------------------------------- the file to write


def check_out(out: Path, replace: bool) -> str | None:
    """Why the import may not write `out` (a message), or None."""
    shown = display_path(out)
    if out.is_dir():
        return t("out_is_folder", out=shown)
    if out.suffix.lower() != ".csv":
        return t("out_not_csv", out=shown)
    if (out.exists() or out.is_symlink()) and not replace:
        return t("out_exists", out=shown)
    for parent in [out.parent, *out.parent.parents]:
        if parent.exists() and not parent.is_dir():
            return t("out_folder", out=shown, folder=display_path(parent), reason=t("reason_file_in_way"))
    return None


def outside_data(out: Path, data: Path = Path("data")) -> bool:
    return not out.resolve().is_relative_to(data.resolve())


def write_atomic(out: Path, text: str) -> str | None:
    """Write text to out through a temporary file in the same folder and a rename, so out is
    either the old file or the whole new one. Returns a message when it cannot, else None."""
    shown = display_path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        return t("out_folder", out=shown, folder=display_path(out.parent), reason=messages.os_reason(e))
    tmp = None
    mode = out.stat().st_mode & 0o777 if out.is_file() else 0o666 & ~_umask()
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", newline="", dir=out.parent, prefix=f".{out.name}.", suffix=".tmp", delete=False
        ) as f:
            tmp = Path(f.name)
            f.write(text)
        os.chmod(tmp, mode)  # a temporary file is made private; the series is not
        os.replace(tmp, out)
    except OSError as e:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        return t("out_write", out=shown, reason=messages.os_reason(e))
    return None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
