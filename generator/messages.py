"""Every message the data tools show to staff, in one place: validate, the build, new and import.

Each message has a key and a text with {named} slots; code says `messages.text("csv.not_utf8",
byte="0x96")`. The texts are English for now; the staff's Danish wording (a separate issue)
changes this file only. Keep the areas apart: each has its own dict below.
"""
from __future__ import annotations

# --------------------------------------------------------------------------- YAML files and models
YAML: dict[str, str] = {
    # reading a file
    "syntax": "YAML syntax error: {problem}",
    "bad_character": "holds the control character {code}, which YAML does not allow; delete it (it is often invisible)",
    "unreadable": "cannot be read ({reason})",
    "not_a_file": "is not a file (a folder named like a YAML file?)",
    "outside_data": "lies outside the data folder (a link to {target}?); data files must be inside data/",
    "too_large": "the file is {size} bytes; a YAML file may be at most {limit} MB (split the document, or put tables in CSV files)",
    "alias": "YAML anchors and aliases are not allowed here ({what}); write the value out in full",
    "too_deep": "the file is nested too deeply to be read; check its indentation and brackets",
    "duplicate_key": "the key {name!r} is written twice in the same place; keep one",
    "not_a_mapping": "expected a mapping of fields (key: value) at the top of the file, got {got}",
    "placeholder": "still holds the skeleton's text {placeholder}; write the document's own text (or remove the field)",
    # fields (pydantic's errors, in words)
    "missing": "required field is missing",
    "unknown_field": "unknown field (check the spelling; see docs/forfatter.md)",
    "expected_number": "expected a number, got {got}",
    "expected_bool": "expected true or false, got {got}",
    "expected_text": "expected text, got {got}",
    "expected_one_of": "expected one of {expected}, got {got}",
    "expected_slug": "expected lowercase letters, digits and hyphens, got {got}",
    "expected_list": "expected a list, got {got}",
    "expected_mapping": "expected a mapping (key: value), got {got}",
    "expected_either": "expected {words}, got {got}",
    "too_few_items": "needs at least {min} item(s)",
    "key_not_text": "the key {got} is not a field name; field names are text (see docs/forfatter.md)",
    "no_such_date": "{text!r} is not a date in the calendar",
    "reserved_slug": "{slug!r} is a folder of the site itself; choose another slug (reserved: {reserved})",
    "empty_text": "must not be empty; write the text, or remove the field if it is optional",
    "not_finite": "expected a finite number, got {got}",
    "too_large_number": "{got} is too large; a number here must be at most {limit}",
    "too_small_number": "{got} is too small; a number here must be at least {limit}",
    # documents and their place
    "unknown_kind": "unknown document kind; a file name starts with one of: {kinds}",
    "kind_mismatch": "says {said!r} but the file name says {kind!r}",
    "unknown_jobcentre": "unknown jobcentre {slug!r}; add it to data/{registry} (known: {known})",
    "jobcentre_folder": "says {slug!r} but the file lies in the folder {folder!r}",
    "year_folder": "says {year} but the file lies in the folder {folder!r}",
    "minutes_date": "says {date} but the file name {name} says another day; the name and the date must agree",
    "minutes_name_no_date": "the file name {name} holds no date in the calendar; name it referat-YYYY-MM-DD.yaml after the meeting",
    # references inside a document
    "unknown_ref": "{{ref:{ref}}} names no table or figure of this document",
    "duplicate_id": "duplicate {what} id {ident!r} (first used at {first})",
    "no_such_id": "no {what} with id {ref!r}",
    "plan_goal_no_plan": "refers to plan goal {goal!r}, but there is no beskaeftigelsesplan for {year} yet",
    "plan_goal_unknown": "no goal with id {goal!r} in {plan}",
    # the registry and the folder
    "registry_missing": "the registry of jobcentres is missing",
    "duplicate_slug": "duplicate slug {slug!r}",
    "unused_csv": "no document refers to this CSV file; it is not shown",
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
