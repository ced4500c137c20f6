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
    "expected_whole_number": "expected a whole number, got {got}",
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
    # checks inside the models
    "expected_month": "expected a month as YYYY-MM, got {got}",
    "expected_date": "expected a date as YYYY-MM-DD, got {got}",
    "expected_digits": "expected {count} digits, got {got}",
    "chart_y_twice": "y names a column more than once",
    "chart_series_one_y": "with series, y names exactly one column (the values)",
    "chart_facet_target": "a chart with facet cannot have a target line",
    "chart_same_columns": "x, series and facet must be different columns",
    "chart_unknown_column": "chart refers to column {column}, which is not in columns",
    "chart_colours": "chart has {series} series but {colours} colours",
    "chart_not_text": "chart.{field} must be a text column; {column} is not",
    "wide_unknown_column": "wide refers to column {column}, which is not in columns",
    "wide_column": "wide.column must be a period or text column other than wide.value",
    "emphasis_unknown_column": "emphasis_column {column} is not in columns",
    "direction_needs_target": "direction '{direction}' needs a target",
    "achieved_only_qualitative": "achieved is only for qualitative goals; a number goal is computed",
    "fact_slots": "the text has {slots} '{{}}' but {numbers} number(s) are given; write '{{}}' where each number stands",
    "chart_label_one_number": "chart_label needs exactly one number",
    "answers_no_kind": "{name} is no document kind; a file name starts with one of: {kinds}",
    "expected_time": "expected a time as HH:MM, got {got}",
    "item_number_twice": "item number {number} is used twice (also items[{first}])",
    "not_a_member": "{name} is not among the members ({members})",
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
    # the commands validate and new
    "valid": "OK: {documents} document{s} and {jobcentres} jobcentre(s) in {data} are valid",
    "valid_warnings": " ({warnings} warning{s})",
    "new_unknown_kind": "error: unknown kind {kind}; choose one of: {kinds}",
    "new_needs_valid_data": "error: fix these first; `new` needs a valid data folder",
    "new_unknown_jobcentre": "error: unknown jobcentre {slug}; add it to {registry} first (known: {known})",
    "new_exists": "error: {target} exists already; nothing was written",
    "new_written": "wrote {target}; replace each «Skriv … her» with the document's own text and run `python -m generator validate`",
    # the registry and the folder
    "registry_missing": "the registry of jobcentres is missing",
    "duplicate_slug": "duplicate slug {slug!r}",
    "unused_csv": "no document refers to this CSV file; it is not shown",
    # issue 17: periods, dates, ranks and figures in the text
    "expected_span": "expected a month (YYYY-MM), a year (YYYY) or {{start: YYYY-MM, end: YYYY-MM}}, got {got}",
    "span_kind": "write a period as a month, a year or start and end; kind is worked out by the site",
    "span_backwards": "the period ends before it starts",
    "expected_document_date": "expected the document's date as YYYY-MM-DD, or YYYY-MM when it gives only the month, got {got}",
    "rank_beyond": "position {position} is beyond the {of} ranked",
    "own_twice": "more than one comparison entry is marked own: true; mark the jobcentre's own entry only",
    "unknown_fact": "{{tal:{ref}}} names no figure in text_facts",
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
    "files_twice": "Two generated pages or files have the same address (a jobcentre slug that is also a folder "
                   "name, such as '{folder}'?):\n{paths}",
    "docs_file_clash": "These files in docs/ have the address of a generated page or file; rename or move them "
                       "(the generator never replaces what you wrote):\n{paths}",
    "link_to_nowhere": "the link {target!r} leads to no page of the site (from {page}); link to an existing page "
                       "(as 'index.md' of its folder, or a page in docs/), or leave the link out",
    "cache_unwritable": "{path}: the build cannot write its cache ({reason}); make .cache/ writable, or delete it "
                        "(it is made again); the published site was kept as it was",
    "cache_changed": "{path}: this cache entry changed while the build used it (another program writing in "
                     ".cache/?); build again; the published site was kept as it was",
    "cache_damaged": "{path}: this cache entry was damaged (cut short, changed, copied from another entry, or not "
                     "a file); it is made again",
    "slug_is_docs_name": "the slug {slug!r} is also the name of a page or folder of the hand-written pages "
                         "({docs}); rename one of them",
    "docs_at_generated": "{docs} has the address {url} of the page made from this file; rename or move {docs} "
                         "(the generator never replaces what you wrote)",
    "docs_in_site_folder": "the address {url} is a page the site makes itself; rename or move this file",
    "generated_twice": "the page {url} is made from this file and also from {other}; give one of them another name",
    "page_failed": "the page made from this file could not be made ({error}); this is a fault of the "
                   "generator that this file's content brings out: please report it with the file",
    "build_failed": "the site could not be made ({error}); this is a fault of the generator: please report it "
                    "(`mkdocs build -v` shows where it happened)",
    "unknown_list": "{page}: unknown list {marker}; the known lists are {known}",
    "site_kept": "the build failed; the published site in {site} was kept as it was",
}

# --------------------------------------------------------------------------- the search index (site_plugins/search.py)
SEARCH: dict[str, str] = {
    "failed": "{site}: the search index (Pagefind) could not be written: {error}",
}

MESSAGES: dict[str, str] = {}
for _area, _texts in (("yaml", YAML), ("csv", CSV), ("import", IMPORT), ("build", BUILD), ("search", SEARCH)):
    MESSAGES.update({f"{_area}.{key}": value for key, value in _texts.items()})


def text(key: str, **slots: object) -> str:
    """The message `key` ("csv.not_utf8") with its slots filled in."""
    return MESSAGES[key].format(**slots)
