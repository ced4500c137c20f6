"""Command line for jobcentre staff: `python -m generator validate` (more commands follow).

Exit codes: 0 valid (warnings may be printed), 1 errors in data/, 2 wrong usage.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import compute, loader
from .errors import DataError


def cmd_validate(args) -> int:
    try:
        dataset = loader.load(Path(args.data))
    except DataError as e:
        print(e.report(), file=sys.stderr)
        return 1
    warnings = [*dataset.warnings, *compute.claim_warnings(dataset)]
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    n = len(dataset.documents)
    print(f"OK: {n} document{'s' if n != 1 else ''} and {len(dataset.registry.jobcentres)} jobcentre(s) in {args.data} are valid"
          + (f" ({len(warnings)} warning{'s' if len(warnings) != 1 else ''})" if warnings else ""))
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m generator", description="Jobcentre data tools")
    sub = p.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check every file in data/ and print all errors at once")
    v.add_argument("--data", default="data", help="the data folder (default: data)")
    v.set_defaults(func=cmd_validate)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
