"""Command line for jobcentre staff (`.venv/bin/jobcenter`): validate, new, import, schema and serve.

Exit codes: 0 valid (warnings may be printed), 1 errors in data/, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from generator import messages
from generator.data import loader
from generator.data.errors import DataError
from generator.data.models import SLUG
from generator.results import goals as compute
from generator.site import sitecheck


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
    print(
        messages.text(
            "yaml.valid",
            documents=messages.count("yaml.count_documents", n),
            data=args.data,
            jobcentres=messages.count("yaml.count_jobcentres", len(dataset.registry.jobcentres)),
        )
        + (
            messages.text("yaml.valid_warnings", warnings=messages.count("yaml.count_warnings", len(warnings)))
            if warnings
            else ""
        )
    )
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

    from generator.data.kinds import KINDS
    from generator.data.models import YEAR_RANGE

    data = Path(args.data)
    kinds = sorted(p.stem for p in SKELETONS.glob("*.yaml"))
    if args.kind not in kinds:
        close = messages.close_match(args.kind, kinds)
        print(
            messages.text("yaml.new_unknown_kind_close", kind=repr(args.kind), close=close, kinds=", ".join(kinds))
            if close
            else messages.text("yaml.new_unknown_kind", kind=repr(args.kind), kinds=", ".join(kinds)),
            file=sys.stderr,
        )
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
        print(
            messages.text(
                "yaml.new_unknown_jobcentre",
                slug=repr(args.jobcentre),
                registry=data / loader.REGISTRY_FILE,
                known=", ".join(sorted(dataset.jobcentres)),
            ),
            file=sys.stderr,
        )
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
    text = (
        (SKELETONS / f"{args.kind}.yaml")
        .read_text(encoding="utf-8")
        .format(
            jobcentre=jc.slug,
            name=jc.name,
            short=jc.name.replace("Jobcenter ", ""),
            year=year,
            prev2=year - 2,
            next=year + 1,
            today=dt.date.today().isoformat(),
            meeting_date=meeting_date,
        )
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(messages.text("yaml.new_written", target=target))
    return 0


def cmd_import(args) -> int:
    """Turn a jobindsats.dk export into a CSV series: say how it was read and what was skipped,
    report every problem by file and line, and write nothing (or, with --skip-bad, the rows that
    could be read) when there are problems. The file is written whole or not at all."""
    from generator.data import importer
    from generator.data.csvdata import display_path
    from generator.messages import text

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
    """Write the data files' JSON Schemas (generator/data/schema.py) for editors."""
    from generator.data import schema

    written = schema.write(Path(args.out))
    print(messages.text("build.schemas_written", count=len(written), folder=args.out))
    return 0


def site_path(config_file: Path) -> str:
    """The path the site is served under ('/jobcenter-rapporter/'): that of mkdocs.yml's site_url
    (its !ENV default unless SITE_URL is set)."""
    from urllib.parse import urlparse

    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def env(loader, node):  # !ENV [NAME, default]
        name, *default = loader.construct_sequence(node)
        return os.environ.get(name, default[-1] if default else "")

    Loader.add_constructor("!ENV", env)
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=Loader) or {}
    except (OSError, yaml.YAMLError):
        config = {}
    path = urlparse(str(config.get("site_url") or "/")).path or "/"
    return path if path.endswith("/") else path + "/"


def cmd_serve(args) -> int:
    """Preview the site with `mkdocs serve` (this process becomes it): its address first, and
    without Material's end-of-life banner."""
    print(messages.text("build.serving", url=f"http://{args.addr}{site_path(Path(args.config_file))}"), flush=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    os.execve(sys.executable, [sys.executable, "-m", "mkdocs", "serve", "-a", args.addr, "-f", args.config_file], env)
    return 0  # not reached


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="jobcenter", description="Jobcentrenes dataværktøjer (se docs/forfatter.md#vaerktoejer)")
    sub = p.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="tjek alle filer i data/, og skriv alle fejl på én gang")
    v.add_argument("--data", default="data", help="datamappen (standard: data)")
    v.add_argument(
        "--docs", default="docs", help="de håndskrevne sider, som tjekkes for sammenstød med de genererede (standard: docs)"
    )
    v.set_defaults(func=cmd_validate)
    n = sub.add_parser("new", help="skriv et kommenteret skelet til et nyt dokument")
    n.add_argument("jobcentre", help="jobcentrets slug, som i data/jobcentres.yaml")
    n.add_argument("year", help="året med fire cifre, fx 2014")
    n.add_argument("kind", help="dokumenttypen: beskaeftigelsesplan, resultatrevision, tilbagemelding eller referat")
    n.add_argument("--suffix", help="endelse til filnavnet; for et referat mødets dato, fx 2013-03-06")
    n.add_argument("--data", default="data")
    n.set_defaults(func=cmd_new)
    i = sub.add_parser("import", help="lav en eksport fra jobindsats.dk (semikolon, decimalkomma) om til en CSV-serie")
    i.add_argument("export", help="den eksporterede fil: CSV (';' eller tabulator; UTF-8, UTF-16 eller cp1252) eller .xlsx")
    i.add_argument("--out", required=True, help="CSV-filen, der skal skrives, fx data/hvidovre/2013/serier/x.csv")
    i.add_argument("--replace", action="store_true", help="skriv over en fil, der findes")
    i.add_argument("--skip-bad", action="store_true", help="skriv de rækker, der kunne læses, selv om nogle ikke kunne")
    i.set_defaults(func=cmd_import)
    s = sub.add_parser("schema", help="skriv datafilernes JSON-skemaer (til editoren) i schemas/")
    s.add_argument("--out", default="schemas", help="mappen, de skrives i (standard: schemas)")
    s.set_defaults(func=cmd_schema)
    w = sub.add_parser("serve", help="vis sitet på din egen maskine; det bygges igen, når du gemmer en fil i data/ eller docs/")
    w.add_argument("--addr", default="127.0.0.1:8000", help="adresse og port (standard: 127.0.0.1:8000)")
    w.add_argument("-f", "--config-file", default="mkdocs.yml")
    w.set_defaults(func=cmd_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
