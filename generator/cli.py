"""Command line for jobcentre staff: validate, new and import.

Exit codes: 0 valid (warnings may be printed), 1 errors in data/, 2 wrong usage.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from . import compute, loader, messages, sitecheck
from .errors import DataError
from .models import SLUG


def cmd_validate(args) -> int:
    try:
        dataset = loader.load(Path(args.data))
    except DataError as e:
        print(e.report(), file=sys.stderr)
        return 1
    site_issues = sitecheck.check(dataset, Path(args.docs))  # what the build would reject: the site's plan
    if site_issues:
        print(DataError(site_issues).report(), file=sys.stderr)
        return 1
    warnings = [*dataset.warnings, *compute.claim_warnings(dataset)]
    for w in warnings:
        print(messages.text("yaml.warning", text=w), file=sys.stderr)
    n = len(dataset.documents)
    print(messages.text("yaml.valid", documents=n, s="s" if n != 1 else "", jobcentres=len(dataset.registry.jobcentres), data=args.data)
          + (messages.text("yaml.valid_warnings", warnings=len(warnings), s="s" if len(warnings) != 1 else "") if warnings else ""))
    return 0


SKELETONS = Path(__file__).parent / "skeletons"


def _suffix_ok(kind: str, suffix: str) -> bool:
    """A file name's ending: a minutes' meeting date (referat-2013-03-06), else a slug."""
    import datetime as dt

    if kind == "referat":
        try:
            return re.fullmatch(r"\d{4}-\d{2}-\d{2}", suffix) is not None and bool(dt.date.fromisoformat(suffix))
        except ValueError:
            return False
    return re.fullmatch(SLUG, suffix) is not None


def cmd_new(args) -> int:
    """Write a commented skeleton for a new document; never overwrite an existing file."""
    import datetime as dt

    from .models import KINDS, YEAR_RANGE

    data = Path(args.data)
    kinds = sorted(p.stem for p in SKELETONS.glob("*.yaml"))
    if args.kind not in kinds:
        close = messages.close_match(args.kind, kinds)
        print(messages.text("yaml.new_unknown_kind_close", kind=repr(args.kind), close=close, kinds=", ".join(kinds)) if close
              else messages.text("yaml.new_unknown_kind", kind=repr(args.kind), kinds=", ".join(kinds)), file=sys.stderr)
        return 2
    low, high = YEAR_RANGE
    if not re.fullmatch(r"\d{4}", args.year) or not low <= int(args.year) <= high:
        print(messages.text("yaml.new_bad_year", year=args.year, low=low, high=high), file=sys.stderr)
        return 2
    year = int(args.year)
    if args.suffix is not None and not _suffix_ok(args.kind, args.suffix):
        key = "yaml.new_bad_suffix_date" if args.kind == "referat" else "yaml.new_bad_suffix"
        print(messages.text(key, suffix=args.suffix), file=sys.stderr)
        return 2
    try:
        dataset = loader.load(data)
    except DataError as e:
        print(e.report() + "\n" + messages.text("yaml.new_needs_valid_data"), file=sys.stderr)
        return 1
    jc = dataset.jobcentres.get(args.jobcentre)
    if jc is None:
        print(messages.text("yaml.new_unknown_jobcentre", slug=repr(args.jobcentre), registry=data / loader.REGISTRY_FILE,
                            known=", ".join(sorted(dataset.jobcentres))), file=sys.stderr)
        return 1
    name = args.kind if not args.suffix else f"{args.kind}-{args.suffix}"
    target = data / args.jobcentre / str(year) / f"{name}.yaml"
    if target.exists():
        print(messages.text("yaml.new_exists", target=target), file=sys.stderr)
        return 1
    assert args.kind in KINDS
    try:  # a meeting's date, when the suffix is one (referat-2013-03-06)
        meeting_date = dt.date.fromisoformat(args.suffix or "").isoformat()
    except ValueError:
        meeting_date = "«Skriv mødets dato her»"  # a placeholder (models.PLACEHOLDER)
    text = (SKELETONS / f"{args.kind}.yaml").read_text(encoding="utf-8").format(
        jobcentre=jc.slug, name=jc.name, short=jc.name.replace("Jobcenter ", ""), year=year,
        prev2=year - 2, today=dt.date.today().isoformat(), meeting_date=meeting_date,
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(messages.text("yaml.new_written", target=target))
    return 0


def cmd_import(args) -> int:
    """Turn a jobindsats.dk export into a CSV series: say how it was read and what was skipped,
    report every problem by file and line, and write nothing (or, with --skip-bad, the rows that
    could be read) when there are problems. The file is written whole or not at all."""
    from . import importer
    from .csvdata import display_path
    from .messages import text

    src, out = Path(args.export), Path(args.out)
    if src.is_dir():
        print(text("import.in_is_folder", file=display_path(src)), file=sys.stderr)
        return 2
    if not src.is_file():
        print(text("import.no_file", file=display_path(src)), file=sys.stderr)
        return 2
    refusal = importer.check_out(out, args.replace)
    if refusal:
        print(refusal, file=sys.stderr)
        return 1
    result = importer.read_export(src)
    for note in result.notes:
        print(note)
    for issue in [*result.fatal, *result.problems]:
        print(issue, file=sys.stderr)
    for issue in result.warnings:
        print(text("yaml.warning", text=issue), file=sys.stderr)
    if result.fatal:
        print(text("import.fatal"), file=sys.stderr)
        return 1
    if result.problems and not args.skip_bad:
        print(text("import.problems", count=len(result.problems)), file=sys.stderr)
        return 1
    if not result.rows or not result.keys:
        print(text("import.no_rows_read"), file=sys.stderr)
        return 1
    failed = importer.write_atomic(out, result.to_csv())
    if failed:
        print(failed, file=sys.stderr)
        return 1
    shown = display_path(out)
    if importer.outside_data(out):
        print(text("import.out_outside_data", out=shown, data="data"), file=sys.stderr)
    sizes = {"out": shown, "periods": len(result.rows), "series": len(result.keys)}
    if result.problems:
        print(text("import.wrote_skipped", count=len(result.problems), **sizes))
    else:
        print(text("import.wrote", **sizes))
    print(text("import.columns"))
    print(result.columns_yaml())
    return 1 if result.problems else 0


def cmd_schema(args) -> int:
    """Write the data files' JSON Schemas (generator/schema.py) for editors."""
    from . import schema

    written = schema.write(Path(args.out))
    print(messages.text("build.schemas_written", count=len(written), folder=args.out))
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="jobcenter", description="Jobcentre data tools")
    sub = p.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check every file in data/ and print all errors at once")
    v.add_argument("--data", default="data", help="the data folder (default: data)")
    v.add_argument("--docs", default="docs", help="the hand-written pages, checked for clashes with generated ones (default: docs)")
    v.set_defaults(func=cmd_validate)
    n = sub.add_parser("new", help="write a commented skeleton for a new document")
    n.add_argument("jobcentre", help="the jobcentre's slug, as in data/jobcentres.yaml")
    n.add_argument("year", help="the year in four digits, e.g. 2014")
    n.add_argument("kind", help="document kind, e.g. resultatrevision")
    n.add_argument("--suffix", help="for kinds that can occur more than once a year, e.g. a meeting date 2013-03-06")
    n.add_argument("--data", default="data")
    n.set_defaults(func=cmd_new)
    i = sub.add_parser("import", help="turn a jobindsats-style export (semicolon, decimal comma) into a CSV series")
    i.add_argument("export", help="the exported file: CSV (';' or tab, UTF-8 with or without BOM, UTF-16 or cp1252) or .xlsx")
    i.add_argument("--out", required=True, help="the CSV file to write, e.g. data/hvidovre/2013/serier/x.csv")
    i.add_argument("--replace", action="store_true", help="write over an existing file")
    i.add_argument("--skip-bad", action="store_true", help="write the readable rows even when some could not be read")
    i.set_defaults(func=cmd_import)
    s = sub.add_parser("schema", help="write the data files' JSON Schemas (for editors) to schemas/")
    s.add_argument("--out", default="schemas", help="the folder to write them to (default: schemas)")
    s.set_defaults(func=cmd_schema)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
