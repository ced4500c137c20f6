"""Every message the data tools show to staff, in one place: validate, the build, new and import.

Each message has a key and a text with {named} slots; code says `messages.text("csv.not_utf8",
byte="0x96")`. The texts are English for now; the staff's Danish wording (a separate issue)
changes this file only. Keep the areas apart: each has its own dict below.
"""
from __future__ import annotations

# --------------------------------------------------------------------------- YAML files and models
YAML: dict[str, str] = {
}

# --------------------------------------------------------------------------- CSV files (tables, series)
CSV: dict[str, str] = {
}

# --------------------------------------------------------------------------- import of exports
IMPORT: dict[str, str] = {
    # the export file as a whole (a whole message: file, and line where there is one)
    "no_file": "error: {file}: no such file",
    "in_is_folder": "error: {file}: is a folder; give the exported file",
    "unreadable": "{file}: cannot read the file ({reason})",
    "too_big": "{file}: the file is {size} MB; import reads exports up to {limit} MB (export fewer rows, or split the export)",
    "empty": "{file}: the file is empty",
    "old_xls": "{file}: an old Excel workbook (.xls); open it in Excel and save it as .xlsx or as 'CSV (semikolonsepareret)'",
    "opendocument": "{file}: an OpenDocument spreadsheet (.ods); save it as .xlsx or as 'CSV (semikolonsepareret)'",
    "not_xlsx": "{file}: cannot read it as an Excel workbook ({reason}); open it in Excel and save it as .xlsx or as 'CSV (semikolonsepareret)'",
    "unpacks_too_big": "{file}: the workbook unpacks to {size} MB; import reads workbooks up to {limit} MB unpacked",
    "html": "{file}:1: this is a web page (HTML), not an export; download the export again from jobindsats.dk (CSV or Excel)",
    "nul": "{file}:{line}: the file contains NUL bytes, so it is not a text export (UTF-16 without BOM?); save it as 'CSV (semikolonsepareret)' or 'CSV UTF-8'",
    "undecodable": "{file}:{line}: byte 0x{byte} is neither UTF-8 nor Windows-1252 (cp1252), so the encoding cannot be detected; save the export as 'CSV UTF-8'",
    "mixed_encoding": "{file}:{line}: the line is not UTF-8, but line {utf8_line} is: the file mixes two encodings; save the export again as 'CSV UTF-8'",
    "too_many_lines": "{file}: the file has {lines} lines; import reads exports up to {limit} lines",
    "too_many_columns": "{file}:{line}: the line has {columns} cells; import reads exports up to {limit} columns",
    "line_too_long": "{file}:{line}: the line is {length} characters long; import reads lines up to {limit} characters",
    "comma_separated": "{file}:{line}: the cells are separated by commas (read as {encoding}); import reads jobindsats.dk exports, with ';' between cells and a decimal comma, so a comma file's '1.603' could be misread: save it from Excel as 'CSV (semikolonsepareret)'",
    "no_separator": "{file}: found no ';' or tab between cells in any line (read as {encoding}); a jobindsats.dk export has a column of periods and at least one column of numbers",
    "bad_quote": "{file}:{line}: a quote (\") that is not closed, or text after a closing quote; fix the line or export again",
    "no_content": "{file}: found no line with two or more cells (only titles, notes or blank lines); nothing to import",
    "no_header": "{file}:{line}: the line begins with the period {cell}, but no line above it names the columns; the first line must be a header such as 'Periode;Hvidovre'",
    "no_rows": "{file}:{line}: found no rows under the header",
    "data_after_note": "{file}:{line}: data after the note on line {note}; a note ends the export, so this line would be lost: remove the note or the lines after it",
    # how the file was read (printed on success and failure)
    "read_csv": "{file}: read as {encoding}, cells separated by {separator}, decimal comma and thousands dot",
    "read_xlsx": "{file}: read sheet {sheet!r} of an Excel workbook{others}",
    "read_xlsx_others": " (its first sheet; not read: {sheets})",
    "layout_long": "periods down the first column, one series per column; header on line {line}",
    "layout_wide": "periods along the header on line {line}, one series per row",
    "skipped_title": "{where}: skipped title {text}",
    "skipped_note": "{where}: skipped note {text}",
    "skipped_blank": "{where}: skipped blank lines",
    "missing_cells": "{count} cell(s) empty or marked as missing ('-', '..', 'x', '*'): written as empty",
    # a cell, row or column (after "file:line: field:")
    "not_a_period": "expected a period like 2013M12, got {cell}{why}",
    "why_month": "month {month} does not exist",
    "why_quarter": "a quarter; import reads months only (choose months in the export)",
    "why_year": "a year; import reads months only (choose months in the export)",
    "why_year_range": "the year {year} is after next year, or before {first}; write the year in four digits",
    "why_date": "a date, not a month; format the cells as months (the first of the month) or text like 2013M12",
    "hint_wide_header": " (the line has periods along it: if it is the header, the lines above it may only hold one cell each, a title)",
    "hint_period_column": " (the period is in column {column}: import reads periods down the first column or along the header; move that column first)",
    "duplicate_period_row": "the period {period} again (also on line {first}); neither line is imported",
    "duplicate_period_column": "the period {period} again (also in column {first}); neither column is imported",
    "short_row": "the row has {found} cells, the header (line {header}) has {expected}; leave a missing value empty (;;) or write '-'",
    "long_row": "a value ({cell}) in a column the header (line {header}) does not name",
    "unnamed_row": "the row has no name in its first column",
    "not_a_number": "expected a number, got {cell} (write 1.603 or 3,5; '-' or an empty cell for a missing value)",
    "too_many_digits": "{cell} has more than {digits} digits; a number that long cannot be kept exactly",
    "decimal_point": "{cell} has a decimal point{more}; import reads Danish numbers, where '1.603' is 1603 and '3,5' is 3.5, so this file cannot be read safely: export it again with decimal comma",
    "decimal_point_more": " (and {count} more cells)",
    "formula_without_value": "a formula without a saved value ({formula}); open the workbook in Excel and save it",
    "same_name": "a series of the same name as {first}; imported as its own column {column}",
    "name_cell_empty": "empty, so the row is named {name} alone (line {line} has {above} here; if the row belongs under it, write it on this line too)",
    "all_missing": "every value of the series is missing ('-', '..', 'x' or empty)",
    # the file to write
    "out_is_folder": "error: {out}: is a folder; give the name of the CSV file to write, e.g. {out}/ny-serie.csv",
    "out_not_csv": "error: {out}: the file to write must end in .csv (nothing was written)",
    "out_exists": "error: {out} exists already; use --replace to write over it (nothing was written)",
    "out_folder": "error: {out}: cannot make the folder {folder} ({reason}); nothing was written",
    "reason_file_in_way": "a file of that name is in the way",
    "out_write": "error: {out}: cannot write the file ({reason}); nothing was written",
    "out_outside_data": "warning: {out} is outside {data}/; the site reads series from {data}/ only (written anyway)",
    # the outcome
    "fatal": "error: the export cannot be read; nothing was written",
    "problems": "error: {count} problem(s) in the export; nothing was written (fix the export, or use --skip-bad to write the rows that could be read)",
    "no_rows_read": "error: no rows could be read; nothing was written",
    "wrote": "wrote {out}: {periods} periods x {series} series",
    "wrote_skipped": "wrote {out} without the {count} problem(s) above (--skip-bad): {periods} periods x {series} series",
    "columns": "Add the table to the document's YAML with these columns:",
}

# --------------------------------------------------------------------------- the site build and the cache
BUILD: dict[str, str] = {
}

MESSAGES: dict[str, str] = {}
for _area, _texts in (("yaml", YAML), ("csv", CSV), ("import", IMPORT), ("build", BUILD)):
    MESSAGES.update({f"{_area}.{key}": value for key, value in _texts.items()})


def text(key: str, **slots: object) -> str:
    """The message `key` ("csv.not_utf8") with its slots filled in."""
    return MESSAGES[key].format(**slots)
