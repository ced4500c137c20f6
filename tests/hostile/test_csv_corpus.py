"""Hostile and careless CSV files and table references, each with the message it must give.

The series and tables of the seed's revision (data/hvidovre/2013/serier/, tabeller/), the
minutes' tables (data/hoeje-taastrup/2013/referat-2013-03-06/, wide monthly ones among them).
Every case checks the exit code, the `file:line: field:` message, no traceback, nothing shown
from outside data/, and site/ and .cache/ unchanged (harness.py). Cases in BUILD run the build
too, which must stop with the same message.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from hostile.harness import ROOT, Case, put, run_case, sub, symlink

REV = "data/hvidovre/2013/resultatrevision.yaml"
REF = "data/hoeje-taastrup/2013/referat-2013-03-06.yaml"
SERIES = "data/hvidovre/2013/serier"
UNGE = f"{SERIES}/unge-under-30.csv"  # tables[0] of the revision
LANG = f"{SERIES}/langtidsledige.csv"
T4 = "data/hvidovre/2013/tabeller/forsoergelsesgrupper.csv"  # Tabel 4, tables[4]
T5 = "data/hvidovre/2013/tabeller/besparelsespotentiale.csv"  # Tabel 5, tables[5]
MIN = "data/hoeje-taastrup/2013/referat-2013-03-06"
EFFEKT = f"{MIN}/effekt-leverandoer.csv"  # wide: one column per month
AFSLUT = f"{MIN}/afslutningsaarsager.csv"  # wide, decimals: 1
AKUT = f"{MIN}/akutjob.csv"  # unit: akutjob
INDIKATOR = f"{MIN}/indikatormodel.csv"  # unit: pct., whole values
T4_HEADER = "gruppe,forsoergelsesgruppe,periode,niveau,udv_maaned_pct,udv_aar_pct,klynge_bedste_pct,klynge_gns_pct,sum\n"


def line_of(rel: str, text: str) -> int:
    """The line of the seed file rel that holds text (so the cases follow edits of the seed)."""
    lines = (ROOT / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if text in line)


UNGE_FILE = f"{REV}:{line_of(REV, 'file: serier/unge-under-30.csv')}: tables[0].file:"
UNGE_HEADER = "periode,hvidovre,klynge\n"
UNGE_ROWS = "2011-12,1048,1233\n2012-12,1085,1270\n2013-12,1007,1222\n"
OUTSIDE_CSV = UNGE_HEADER + "2011-12,1048,1233\n2012-12,1085,1270\n2013-12,7777,1222\n"  # 7777: not the seed's
HOME = f"HOME={os.environ.get('HOME', '/root')}"


def use_file(name: str, table: str = "serier/unge-under-30.csv"):
    """The revision's first table names another file (YAML written in double quotes)."""
    return sub(REV, f"file: {table}", f'file: "{name}"')


def move_out(rel: str, dest: str):
    """Move a folder out of data/ and leave a symbolic link to it in its place."""

    def edit(project: Path) -> None:
        shutil.move(project / rel, project / dest)
        (project / rel).symlink_to(project / dest)

    return edit


def fifo(rel: str):
    def edit(project: Path) -> None:
        (project / rel).unlink()
        os.mkfifo(project / rel)

    return edit


def big_series(megabytes: int):
    """A series CSV of about the given size: valid rows, far too many of them."""

    def edit(project: Path) -> None:
        row = b"2011-12,1048,1233\n"
        with open(project / UNGE, "wb") as f:
            f.write(UNGE_HEADER.encode())
            f.write(row * (megabytes * 1024**2 // len(row)))

    return edit


def many_rows(count: int):
    """Tabel 5 with count distinct, valid rows."""
    rows = "".join(f"Ydelse {i},1.5,1.5,-1,-1.0,\n" for i in range(count))
    return put(T5, "forsoergelsesydelse,andel_pct,forudsagt_pct,reduktion,besparelse_mio_kr,sum\n" + rows)


CASES = [
    # -- containment: the file reference --------------------------------------------------------
    Case("absolute-etc-passwd", [use_file("/etc/passwd")], UNGE_FILE, secret=("root:",), also=("er en fuld sti",)),
    Case(
        "dotdot-etc-passwd",
        [use_file("../../../../../../../../etc/passwd")],
        UNGE_FILE,
        secret=("root:",),
        also=("fører ud af dokumentets mappe",),
    ),
    Case("proc-self-environ", [use_file("/proc/self/environ")], UNGE_FILE, secret=(HOME,)),
    Case("dotdot-proc-self-environ", [use_file("../../../../../../../../proc/self/environ")], UNGE_FILE, secret=(HOME,)),
    Case(
        "dotdot-outside-csv",
        [put("outside.csv", OUTSIDE_CSV), use_file("../../../outside.csv")],
        UNGE_FILE,
        also=("fører ud af dokumentets mappe",),
    ),
    Case(
        "dotdot-other-year-in-data",
        [put("data/hvidovre/2012/x.csv", OUTSIDE_CSV), use_file("../2012/x.csv")],
        UNGE_FILE,
        also=("fører ud af dokumentets mappe",),
    ),
    Case(
        "symlink-to-outside-csv",
        [put("outside.csv", OUTSIDE_CSV), symlink(UNGE, "../../../../outside.csv")],
        UNGE_FILE,
        also=("symbolsk link",),
    ),
    Case("symlink-to-etc-passwd", [symlink(UNGE, "/etc/passwd")], UNGE_FILE, secret=("root:",), also=("symbolsk link",)),
    Case("symlinked-folder-outside", [move_out(SERIES, "outside-serier")], UNGE_FILE, also=("symbolsk link",)),
    Case(
        "symlink-loop",
        [symlink(f"{SERIES}/a.csv", "b.csv"), symlink(f"{SERIES}/b.csv", "a.csv"), use_file("serier/a.csv")],
        UNGE_FILE,
        also=("genvej, der peger på sig selv i ring",),
    ),
    Case("dev-zero", [use_file("/dev/zero")], UNGE_FILE, isolated=True),
    Case("fifo-in-data", [fifo(UNGE)], UNGE_FILE, isolated=True, also=("ikke en almindelig fil",)),
    Case("folder-as-file", [use_file("serier")], UNGE_FILE, also=("ikke en almindelig fil",)),
    Case("nul-in-file-name", [use_file("serier/unge\\0.csv")], UNGE_FILE, also=("kan ikke bruges som filnavn",)),
    # -- limits ---------------------------------------------------------------------------------
    Case("csv-50-mb", [big_series(50)], UNGE_FILE, isolated=True, also=("højst fylde 20 MB",)),
    Case("too-many-rows", [many_rows(100_001)], "besparelsespotentiale.csv:100002:", also=("højst have 100,000 rækker",)),
    Case(
        "too-many-cells",
        [put(EFFEKT, "leverandør/tilbud," + ",".join(["1"] * 1_000_001) + "\n")],
        "effekt-leverandoer.csv:1:",
        also=("højst have 1,000,000 celler",),
    ),
    Case("number-1e400", [sub(UNGE, "1048", "1e400")], "unge-under-30.csv:2: hvidovre: '1e400' er større end et tal må være"),
    Case("number-1e300", [sub(LANG, "413", "1e300")], "langtidsledige.csv:2: hvidovre: '1e300' er større end et tal må være"),
    Case("number-nan", [sub(UNGE, "1048", "nan")], "unge-under-30.csv:2: hvidovre: her skal stå et tal"),
    Case("number-inf", [sub(UNGE, "1233", "-inf")], "unge-under-30.csv:2: klynge: her skal stå et tal"),
    # -- Danish thousands separators ----------------------------------------------------------
    Case(
        "tabel-4-niveau-1.603",
        [sub(T4, ",1603,", ",1.603,")],
        "forsoergelsesgrupper.csv:3: niveau: '1.603' ligner et antal skrevet med tusindtalsseparator",
        also=("skriv 1603",),
    ),
    Case(
        "series-1.048",
        [sub(UNGE, "2011-12,1048", "2011-12,1.048")],
        "unge-under-30.csv:2: hvidovre: '1.048' ligner et antal",
        also=("tæller fuldtidspersoner",),
    ),
    Case(
        "reduktion-minus-1.980",
        [sub(T5, "-198,", "-1.980,")],
        "besparelsespotentiale.csv:2: reduktion: '-1.980' ligner et antal",
        also=("skriv -1980",),
    ),
    Case("akutjob-1.035", [sub(AKUT, ",35", ",1.035")], "akutjob.csv:2: antal: '1.035' ligner et antal"),
    Case(
        "whole-pct-column-1.700",
        [sub(INDIKATOR, "Jobklare,A-dagpenge,17,", "Jobklare,A-dagpenge,1.700,")],
        "indikatormodel.csv:2: hoeje_taastrup: '1.700' ligner et antal",
        also=("andre værdier er hele tal",),
    ),
    Case(
        "several-groups-1.234.567",
        [sub(T4, ",5585,", ",1.234.567,")],
        "forsoergelsesgrupper.csv:2: niveau: '1.234.567' ligner et antal",
        also=("skriv 1234567",),
    ),
    Case(
        "decimals-3-is-exempt",
        [
            sub(UNGE, "2011-12,1048", "2011-12,1.048"),
            sub(
                REV,
                "{key: hvidovre, label: Hvidovre, unit: fuldtidspersoner}",
                "{key: hvidovre, label: Hvidovre, unit: fuldtidspersoner, decimals: 3}",
            ),
        ],
        "OK:",
        exit_code=0,
    ),
    Case("tabel-5-2.790-is-a-decimal", [sub(T5, "A-dagpenge,2.79,", "A-dagpenge,2.790,")], "OK:", exit_code=0),
    # -- semicolons, tabs and decimal commas ----------------------------------------------------
    Case(
        "semicolon-separated",
        [put(UNGE, UNGE_HEADER.replace(",", ";") + UNGE_ROWS.replace(",", ";"))],
        "unge-under-30.csv:1: filen har semikolon (;) mellem cellerne",
        also=(".venv/bin/jobcenter import",),
    ),
    Case(
        "semicolons-and-decimal-commas",
        [put(UNGE, "periode;hvidovre;klynge\n2011-12;1048,5;1233\n")],
        "unge-under-30.csv:1: filen har semikolon (;) mellem cellerne",
    ),
    Case(
        "tab-separated",
        [put(UNGE, UNGE_HEADER.replace(",", "\t") + UNGE_ROWS.replace(",", "\t"))],
        "unge-under-30.csv:1: filen har tabulator mellem cellerne",
    ),
    Case(
        "decimal-comma",
        [sub(AFSLUT, "Flyttet,11.8,", 'Flyttet,"11,8",')],
        "afslutningsaarsager.csv:2: mar-12: '11,8' er skrevet med komma",
        also=("brug punktum som decimaltegn: 11.8",),
    ),
    Case(
        "decimal-comma-with-thousands",
        [sub(T4, ",5585,", ',"5.585,0",')],
        "forsoergelsesgrupper.csv:2: niveau: '5.585,0' er skrevet med komma",
        also=(".venv/bin/jobcenter import",),
    ),
    # -- structure -----------------------------------------------------------------------------
    Case(
        "duplicate-column",
        [put(LANG, "periode,hvidovre,klynge,hvidovre\n2011-12,413,,1\n")],
        "langtidsledige.csv:1: hvidovre: kolonnen 'hvidovre' står to gange",
    ),
    Case(
        "duplicate-period", [sub(UNGE, "2012-12,1085", "2011-12,1085")], "unge-under-30.csv:3: periode: samme periode som linje 2"
    ),
    Case(
        "duplicate-period-as-full-date",
        [sub(UNGE, "2012-12,1085", "2011-12-31,1085")],
        "unge-under-30.csv:3: periode: samme periode som linje 2",
    ),
    Case(
        "duplicate-row-in-wide-table",
        [sub(EFFEKT, "ISS Jobudvikling/For-forløb", "Integro/For-forløb")],
        "effekt-leverandoer.csv:3: leverandør/tilbud: samme leverandør/tilbud som linje 2",
    ),
    Case(
        "duplicate-month-in-wide-table",
        [sub(EFFEKT, "nov-12", "okt-12")],
        "effekt-leverandoer.csv:1: okt-12: samme 'måned' som kolonnen 'okt-12'",
    ),
    Case(
        "duplicate-fixed-column-in-wide-table",
        [sub(EFFEKT, "leverandør/tilbud,okt-12", "leverandør/tilbud,leverandør/tilbud")],
        "effekt-leverandoer.csv:1: leverandør/tilbud: kolonnen 'leverandør/tilbud' står to gange",
    ),
    Case(
        "duplicate-month-header",
        [sub(EFFEKT, "nov-12", "oktober 2012")],
        "effekt-leverandoer.csv:1: oktober 2012: samme 'måned' som kolonnen 'okt-12'",
    ),
    Case("header-only", [put(UNGE, UNGE_HEADER)], "unge-under-30.csv:1: filen har en overskrift, men ingen rækker med tal"),
    Case(
        "header-and-blank-lines",
        [put(T4, T4_HEADER + "\n,,,,,,,,\n\n")],
        "forsoergelsesgrupper.csv:1: filen har en overskrift, men ingen rækker med tal",
    ),
    Case("empty-file", [put(UNGE, "")], "unge-under-30.csv:1: filen er tom"),
    Case("only-blank-lines", [put(UNGE, "\n\n\n")], "unge-under-30.csv:1: filen er tom"),
    Case("blank-first-line", [put(UNGE, "\n" + UNGE_HEADER + UNGE_ROWS)], "unge-under-30.csv:1: første linje er tom"),
    Case(
        "impossible-month",
        [sub(UNGE, "2012-12,1085", "2012-02-30,1085")],
        "unge-under-30.csv:3: periode: '2012-02-30' er ikke en dato (februar 2012 har 29 dage)",
        also=("2012-02",),
    ),
    Case(
        "impossible-month-2011-02-29",
        [sub(LANG, "2012-12,415", "2011-02-29,415")],
        "langtidsledige.csv:3: periode: '2011-02-29' er ikke en dato",
    ),
    Case(
        "impossible-month-in-wide-header",
        [sub(EFFEKT, "nov-12", "2012-11-31")],
        "effekt-leverandoer.csv:1: 2012-11-31: '2012-11-31' er ikke en dato",
    ),
    Case("month-13", [sub(UNGE, "2012-12,1085", "2012-13,1085")], "unge-under-30.csv:3: periode: her skal stå en måned"),
    Case(
        "short-row",
        [sub(UNGE, "2012-12,1085,1270", "2012-12,1085")],
        "unge-under-30.csv:3: rækken har 2 værdier, men skal have 3",
    ),
    Case(
        "long-row",
        [sub(UNGE, "2012-12,1085,1270", "2012-12,1085,1270,9")],
        "unge-under-30.csv:3: rækken har 4 værdier, men skal have 3",
    ),
    Case("bom-at-start-is-fine", [put(UNGE, "\ufeff" + UNGE_HEADER + UNGE_ROWS)], "OK:", exit_code=0),
    Case(
        "two-boms",
        [put(UNGE, "\ufeff\ufeff" + UNGE_HEADER + UNGE_ROWS)],
        "unge-under-30.csv:1: et byte order mark (BOM) midt i filen",
    ),
    Case(
        "cp1252-bytes",
        [put(UNGE, (UNGE_HEADER + UNGE_ROWS + "2014-12,1 – 2,3\n").encode("cp1252"))],
        "unge-under-30.csv:5: filen er ikke gemt som UTF-8 (byte 0x96",
    ),
    Case("utf-16", [put(UNGE, (UNGE_HEADER + UNGE_ROWS).encode("utf-16"))], "unge-under-30.csv:1: filen er gemt som UTF-16"),
    Case("nul-byte", [sub(UNGE, "2012-12,1085", "2012-12,10\x0085")], "unge-under-30.csv:3: filen indeholder en NUL-byte"),
    Case("unclosed-quote", [sub(UNGE, "2012-12,1085", '2012-12,"1085')], "unge-under-30.csv:", also=("fejl i anførselstegn",)),
    Case(
        "text-after-quote",
        [sub(T5, "Sygedagpenge,2.15", '"Sygedagpenge"x,2.15')],
        "besparelsespotentiale.csv:4: fejl i anførselstegn",
    ),
    Case(
        "quoted-newline-keeps-line-numbers",
        [sub(T5, "Sygedagpenge,2.15,2.25,-36", '"Syge\ndagpenge",2.15,2.25,-3.600')],
        "besparelsespotentiale.csv:4: reduktion: '-3.600' ligner et antal",
    ),
]

# The build stops with the same message and keeps site/ and .cache/ as they were.
BUILD_IDS = (
    "absolute-etc-passwd",
    "proc-self-environ",
    "symlink-to-outside-csv",
    "csv-50-mb",
    "number-1e400",
    "tabel-4-niveau-1.603",
    "semicolon-separated",
    "duplicate-period",
    "header-only",
    "impossible-month",
    "too-many-rows",
)
BUILD = [
    Case(f"{c.id}-build", c.edits, c.expect, command="build", secret=c.secret, isolated=c.isolated, also=c.also)
    for c in CASES
    if c.id in BUILD_IDS
]


@pytest.mark.parametrize("case", CASES + BUILD, ids=str)
def test_case(case, seed_project, tmp_path):
    run_case(case, seed_project, tmp_path)


def test_build_cases_are_all_there():
    assert len(BUILD) == len(BUILD_IDS)
