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
}

# --------------------------------------------------------------------------- CSV files (tables, series)
CSV: dict[str, str] = {
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
