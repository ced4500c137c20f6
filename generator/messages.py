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
    # the table's `file:` in the YAML (shown as yaml-file:line: tables[i].file: ...)
    "file_not_found": "file not found: {file}",
    "file_bad_name": "not a usable file name: {file}",
    "file_absolute": "{file} is an absolute path; name a CSV file in the document's folder, relative to it "
                     "(fx serier/x.csv); nothing outside data/ is read",
    "file_outside": "{file} leads out of the document's folder ({folder}); a table's CSV file must lie in "
                    "that folder or a folder below it; nothing outside it is read",
    "file_link_outside": "{file} is a symbolic link (or lies in a linked folder) that leads outside data/; "
                         "copy the CSV file into the document's folder instead; nothing outside data/ is read",
    "file_link_loop": "{file} is a loop of symbolic links; name a CSV file in the document's folder",
    "file_not_regular": "{file} is not an ordinary file (a folder, a device or a pipe); name a CSV file",
    "file_too_large": "{file} is {size} MB; a CSV file may be at most {limit} MB (split the table, or "
                      "leave out rows the document does not show); it was not read",
    # the CSV file itself (shown as csv-file:line: column: ...)
    "not_utf8": "file is not UTF-8 (byte 0x{byte:02x} at this line); save it as UTF-8",
    "utf16": "file is saved as UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8 (comma delimited)\"",
    "nul_byte": "file contains a NUL byte at this line (a binary or damaged file); save the table as CSV UTF-8",
    "inner_bom": "a byte order mark (BOM) in the middle of the file, at this line (two files pasted together?); "
                 "remove it",
    "quoting": "CSV quoting error: {problem}; a cell with a comma or a quote must be written in double quotes, "
               "and a quote inside it doubled (\"\")",
    "empty": "file is empty; the first line must name the columns",
    "blank_header": "the first line is blank; it must name the columns",
    "no_rows": "the file has a header but no data rows; the table and its chart would be empty",
    "too_many_rows": "more than {limit} data rows; a CSV file may have at most {limit} rows (split the table); "
                     "it was not read further",
    "too_many_cells": "more than {limit} cells; a CSV file may have at most {limit} cells (split the table); "
                      "it was not read further",
    "too_many_errors": "stopped after {limit} errors in this file; fix these and run validate again",
    "semicolons": "the file is separated by semicolons (;), not commas; the site reads comma-separated CSV "
                  "with decimal points; convert an export from jobindsats.dk with "
                  "`python -m generator import EXPORT --out {file}`",
    "tabs": "the file is separated by tabs, not commas; save it as \"CSV UTF-8 (comma delimited)\", or "
            "convert an export from jobindsats.dk with `python -m generator import EXPORT --out {file}`",
    "missing_column": "column is missing from the header (found: {found})",
    "duplicate_column": "the column {name} appears twice in the header (columns {first} and {second}); "
                        "each column needs its own name",
    "row_length": "expected {expected} values, found {found}",
    "not_a_number": "expected a number (decimal point, no thousands separator), got {cell}",
    "decimal_comma": "{cell} is written with a decimal comma; write {fix} (decimal point, no thousands "
                     "separator); an export from jobindsats.dk is converted with `python -m generator import`",
    "thousands": "{cell} looks like a count written with a thousands separator ({why}); write {fix}, "
                 "without the point",
    "thousands_why_decimals": "the column shows 0 decimals",
    "thousands_why_unit": "the column counts {unit}",
    "thousands_why_whole": "the column's other values are whole numbers",
    "thousands_why_groups": "more than one point",
    "thousands_hint": "; if it really is a decimal number, declare `decimals: 3` for the column",
    "too_large": "{cell} is beyond the limit for a number (at most {limit} in size)",
    "no_such_date": "{cell} is no date ({why}); write the month as {fix}",
    "year_zero": "expected a month as YYYY-MM from the year 1 on, got {cell}",
    "duplicate_period": "the same {what} as line {first} ({value}); in a table with months each {what} may "
                        "occur once",
    "wide_header": "{problem} (the headers after {fixed} are values of {column!r})",
    "wide_twin": "the same {column!r} as the column {twin}",
    "wide_none": "a wide table needs one column per {column!r} after {fixed}",
    "wide_backwards": "the months go backwards: {here!r} comes after {before!r} (column {column!r}); "
                      "kept as the document has it",
}

# --------------------------------------------------------------------------- import of exports
IMPORT: dict[str, str] = {
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
