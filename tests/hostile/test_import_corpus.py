"""Hostile and careless inputs to `python -m generator import`: each must give a file:line
message (or, for an export that can be read, say what was skipped), never a traceback, and
never write a misread series."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from hostile.harness import Case, Edit, run_case

OUT = "data/hvidovre/2013/serier/ny.csv"
ARGS = ("{project}/in.csv", "--out", "{project}/" + OUT)


def export(content: str | bytes, name: str = "in.csv") -> Edit:
    """Write the export to import at the project's top (cp1252 bytes or text as UTF-8)."""

    def edit(project: Path) -> None:
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (project / name).write_bytes(data)

    return edit


def workbook(rows: list[list], name: str = "in.xlsx", title: str = "Data") -> Edit:
    """An .xlsx export made with openpyxl, its first sheet holding rows."""

    def edit(project: Path) -> None:
        import openpyxl

        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = title
        for row in rows:
            ws.append(row)
        wb.save(project / name)

    return edit


def zip_archive(files: dict[str, bytes], name: str) -> Edit:
    def edit(project: Path) -> None:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for member, data in files.items():
                z.writestr(member, data)
        (project / name).write_bytes(buf.getvalue())

    return edit


def zip_bomb(name: str, megabytes: int) -> Edit:
    """An .xlsx-looking zip whose sheet unpacks to megabytes of spaces (a few hundred KB packed)."""

    def edit(project: Path) -> None:
        with zipfile.ZipFile(project / name, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr("xl/workbook.xml", "<workbook/>")
            with z.open("xl/worksheets/sheet1.xml", "w") as f:
                chunk = b" " * 1024**2
                for _ in range(megabytes):
                    f.write(chunk)

    return edit


def big_file(name: str, megabytes: int) -> Edit:
    def edit(project: Path) -> None:
        line = b"2013M10;1\n"
        with open(project / name, "wb") as f:
            f.write(b"Periode;Hvidovre\n")
            f.write(line * (megabytes * 1024**2 // len(line) + 1))

    return edit


def imp(
    id: str,
    edits: list[Edit],
    expect: str,
    *,
    args: tuple[str, ...] = ARGS,
    exit_code: int = 1,
    also: tuple[str, ...] = (),
    isolated: bool = False,
) -> Case:
    return Case(id, edits, expect, command="import", args=args, exit_code=exit_code, also=also, isolated=isolated)


XLSX_ARGS = ("{project}/in.xlsx", "--out", "{project}/" + OUT)
NOTHING = "intet blev skrevet"

CASES = [
    # --------------------------------------------------------------- bytes and encodings
    imp(
        "undecodable-byte",
        [export(b"Periode;Hvidovre\n2013M10;154\n2013M11;1\x81\n")],
        "in.csv:3: byten 0x81 er hverken UTF-8 eller Windows-1252",
        also=(NOTHING,),
    ),
    imp(
        "utf8-and-cp1252-mixed",
        [export("Måned;Hvidovre\n".encode() + b"2013M10;1\nK\xf8ge;2\n")],
        "in.csv:3: linjen er ikke UTF-8, men det er linje 1",
    ),
    imp(
        "nul-bytes",
        [export(b"Periode;Hvidovre\n2\x000\x001\x003\x00M\x001\x000\x00;1\n")],
        "in.csv:2: filen indeholder NUL-bytes",
    ),
    imp(
        "html-page-saved-as-csv",
        [export("<!DOCTYPE html>\n<html><body>Log ind</body></html>\n")],
        "in.csv:1: det er en webside (HTML), ikke en eksport",
    ),
    imp("empty-file", [export(b"")], "in.csv: filen er tom"),
    imp("too-big", [big_file("in.csv", 21)], "in.csv: filen fylder 21.0 MB; import læser eksporter op til 20 MB"),
    imp("very-long-line", [export("Periode;Hvidovre\n2013M10;" + "1" * 200_000 + "\n")], "in.csv:2: linjen er 200008 tegn lang"),
    imp("only-a-bom", [export(b"\xef\xbb\xbf\r\n")], "in.csv: filen er tom"),
    imp(
        "too-many-columns",
        [export("Periode;" + ";".join(f"S{i}" for i in range(600)) + "\n2013M10;1\n")],
        "in.csv:1: linjen har 601 celler; import læser eksporter op til 500 kolonner",
    ),
    # --------------------------------------------------------------- separators and quotes
    imp("comma-separated", [export("Periode,Hvidovre\n2013M10,1.603\n2013M11,3.5\n")], "in.csv:1: cellerne er adskilt af komma"),
    imp("no-separator", [export("Periode\n2013M10\n2013M11\n")], "in.csv: fandt hverken ';' eller tabulator mellem cellerne"),
    imp(
        "quote-not-closed",
        [export('Periode;Hvidovre\n2013M10;"154\n2013M11;150\n')],
        'in.csv:2: et anførselstegn (") der ikke er lukket',
    ),
    # --------------------------------------------------------------- periods
    imp(
        "bad-first-period-is-not-a-header",
        [export("Periode;Hvidovre\n2013M13;154\n2013M11;150\n")],
        "in.csv:2: Periode: her skal stå en periode som 2013M12, men der står '2013M13': måned 13 findes ikke",
    ),
    imp(
        "duplicate-period",
        [export("Periode;Hvidovre\n2013M10;1\n2013M11;2\n2013M10;3\n")],
        "in.csv:4: Periode: perioden 2013-10 igen (også på linje 2)",
    ),
    imp(
        "duplicate-period-other-spelling",
        [export("Måned;Hvidovre\ndec 2013;1\n2013M12;2\n")],
        "in.csv:3: Måned: perioden 2013-12 igen (også på linje 2)",
    ),
    imp(
        "duplicate-period-along-header",
        [export("Område;2013M10;2013M10\nHvidovre;1;2\n")],
        "in.csv:1: kolonne 3: perioden 2013-10 igen (også i kolonne 2)",
    ),
    imp(
        "bad-period-along-header",
        [export("Område;2013M10;2013M13;2013M12\nHvidovre;1;2;3\n")],
        "in.csv:1: kolonne 3: her skal stå en periode som 2013M12, men der står '2013M13': måned 13 findes ikke",
    ),
    imp(
        "total-column-along-header",
        [export("Område;2013M10;2013M11;I alt\nHvidovre;1;2;3\n")],
        "in.csv:1: kolonne 4: her skal stå en periode som 2013M12, men der står 'I alt'",
    ),
    imp(
        "text-row-among-periods",
        [export("Periode;Hvidovre\n2013M10;1\nI alt;5\n")],
        "in.csv:3: Periode: her skal stå en periode som 2013M12, men der står 'I alt'",
    ),
    imp(
        "quarters",
        [export("Periode;Hvidovre\n2013K1;5\n2013K2;6\n")],
        "in.csv:2: Periode: her skal stå en periode som 2013M12, men der står '2013K1': et kvartal; import læser kun måneder",
    ),
    imp(
        "two-digit-year-far-ahead",
        [export("Måned;Hvidovre\njan-99;5\n")],
        "in.csv:2: Måned: her skal stå en periode som 2013M12, men der står 'jan-99': året 2099 er efter næste år",
    ),
    imp(
        "not-a-danish-month",
        [export("Måned;Hvidovre\ndex 2013;5\n")],
        "in.csv:2: Måned: her skal stå en periode som 2013M12, men der står 'dex 2013'",
    ),
    imp(
        "no-header-line",
        [export("2013M10;154\n2013M11;150\n")],
        "in.csv:1: linjen begynder med perioden '2013M10', men ingen linje over den navngiver kolonnerne",
    ),
    imp("header-only", [export("Periode;Hvidovre\n\nKilde: jobindsats.dk\n")], "in.csv:1: fandt ingen rækker under overskriften"),
    imp(
        "title-of-two-cells-above-a-wide-header",
        [export("Antal langtidsledige;Hvidovre\nOmråde;2013M10;2013M11\nHvidovre;1;2\n")],
        "in.csv:2: Antal langtidsledige: her skal stå en periode som 2013M12, men der står 'Område' (linjen har perioder hen ad sig",
    ),
    # --------------------------------------------------------------- rows and cells
    imp(
        "short-row",
        [export("Periode;Hvidovre;Klynge\n2013M10;154\n2013M11;150;160\n")],
        "in.csv:2: rækken har 2 celler, overskriften (linje 1) har 3",
    ),
    imp(
        "long-row",
        [export("Periode;Hvidovre\n2013M10;154;99\n2013M11;150\n")],
        "in.csv:2: kolonne 3: en værdi ('99') i en kolonne, som overskriften (linje 1) ikke navngiver",
    ),
    imp(
        "unnamed-column",
        [export("Periode;Hvidovre;\n2013M10;1;2\n")],
        "in.csv:2: kolonne 3: en værdi ('2') i en kolonne, som overskriften (linje 1) ikke navngiver",
    ),
    imp(
        "unnamed-row-along-header",
        [export("Område;2013M10;2013M11\nHvidovre;1;2\n;3;4\n")],
        "in.csv:3: rækken har intet navn i første kolonne",
    ),
    imp(
        "decimal-point-even-with-skip-bad",
        [export("Periode;Hvidovre\n2013M10;1.603\n2013M11;3.5\n")],
        "in.csv:3: Hvidovre: '3.5' har decimalpunktum",
        args=(*ARGS, "--skip-bad"),
        also=(NOTHING,),
    ),
    imp(
        "digits-split-by-a-space",
        [export("Periode;Hvidovre\n2013M10;12 5\n")],
        "in.csv:2: Hvidovre: her skal stå et tal, men der står '12 5'",
    ),
    imp(
        "too-many-digits",
        [export("Periode;Hvidovre\n2013M10;12345678901234567890\n")],
        "in.csv:2: Hvidovre: '12345678901234567890' har mere end 15 cifre",
    ),
    imp(
        "name-cell-left-empty-under-a-group",
        [export('"Område";"Ydelse";"2013M10"\n"Hvidovre";"Kontanthjælp";"1.234"\n"";"Dagpenge";"512"\n')],
        "advarsel: in.csv:3: kolonne 1: tom, så rækken hedder kun 'Dagpenge' (linje 2 har 'Hvidovre' her",
        exit_code=0,
    ),
    # --------------------------------------------------------------- notes under the data
    imp(
        "source-line-under-wide-data",
        [export("Område;2013M10;2013M11\nHvidovre;1;2\nKilde: jobindsats.dk;;\n")],
        "in.csv:3: sprang noten 'Kilde: jobindsats.dk' over",
        exit_code=0,
        also=(f"skrev {OUT}: 2 perioder x 1 serier",),
    ),
    imp(
        "notes-and-blank-lines-under-long-data",
        [
            export(
                "Periode;Hvidovre\n2013M10;1\n2013M11;2\n\nNote: Tallene er foreløbige; se jobindsats.dk\n"
                "Anm.: Opgjort efter bopæl\nOpdateret 12. marts 2014\n;\n\n"
            )
        ],
        "in.csv:5: sprang noten 'Note: Tallene er foreløbige; se jobindsats.dk' over",
        exit_code=0,
        also=(
            "in.csv:4: sprang tomme linjer over",
            "in.csv:6: sprang noten 'Anm.: Opgjort efter bopæl' over",
            "in.csv:7: sprang noten 'Opdateret 12. marts 2014' over",
            "in.csv:8-9: sprang tomme linjer over",
            f"skrev {OUT}: 2 perioder x 1 serier",
        ),
    ),
    imp(
        "data-under-a-note",
        [export("Periode;Hvidovre\n2013M10;1\nKilde: jobindsats.dk\n2013M11;2\n")],
        "in.csv:4: tal efter noten på linje 3",
    ),
    # --------------------------------------------------------------- the file to write
    imp(
        "out-is-a-folder",
        [export("Periode;Hvidovre\n2013M10;1\n")],
        "data/hvidovre/2013/serier: er en mappe; angiv navnet på den CSV-fil, der skal skrives",
        args=("{project}/in.csv", "--out", "{project}/data/hvidovre/2013/serier"),
    ),
    imp(
        "out-is-a-folder-with-replace",
        [export("Periode;Hvidovre\n2013M10;1\n")],
        "data/hvidovre/2013/serier: er en mappe",
        args=("{project}/in.csv", "--out", "{project}/data/hvidovre/2013/serier", "--replace"),
    ),
    imp(
        "out-folder-cannot-be-made",
        [export("Periode;Hvidovre\n2013M10;1\n")],
        "kan ikke lave mappen data/hvidovre/2013/resultatrevision.yaml",
        args=("{project}/in.csv", "--out", "{project}/data/hvidovre/2013/resultatrevision.yaml/ny.csv"),
    ),
    imp(
        "out-over-a-yaml-file",
        [export("Periode;Hvidovre\n2013M10;1\n")],
        "data/hvidovre/2013/resultatrevision.yaml: filen, der skal skrives, skal ende på .csv",
        args=("{project}/in.csv", "--out", "{project}/data/hvidovre/2013/resultatrevision.yaml", "--replace"),
    ),
    imp(
        "out-exists",
        [export("Periode;Hvidovre\n2013M10;1\n")],
        "data/hvidovre/2013/serier/langtidsledige.csv findes allerede; brug --replace",
        args=("{project}/in.csv", "--out", "{project}/data/hvidovre/2013/serier/langtidsledige.csv"),
    ),
    imp(
        "out-outside-data",
        [export("Periode;Hvidovre\n2013M10;1\n")],
        "advarsel: ny.csv ligger uden for data/",
        args=("{project}/in.csv", "--out", "{project}/ny.csv"),
        exit_code=0,
    ),
    imp(
        "export-missing", [], "nope.csv: filen findes ikke", args=("{project}/nope.csv", "--out", "{project}/" + OUT), exit_code=2
    ),
    # --------------------------------------------------------------- Excel
    imp(
        "xlsx-is-read",
        [workbook([["Periode", "Hvidovre"], ["2013M10", 1603], ["2013M11", 3.5]])],
        "in.xlsx: læste arket 'Data' i en Excel-projektmappe",
        args=XLSX_ARGS,
        exit_code=0,
        also=(f"skrev {OUT}: 2 perioder x 1 serier",),
    ),
    imp(
        "xlsx-bad-period",
        [workbook([["Periode", "Hvidovre"], ["2013M10", 1], ["2013M13", 2]])],
        "in.xlsx:3: Periode: her skal stå en periode som 2013M12, men der står '2013M13'",
        args=XLSX_ARGS,
    ),
    imp(
        "xlsx-formula-without-value",
        [workbook([["Periode", "Hvidovre"], ["2013M10", "=1+1"]])],
        "in.xlsx:2: Hvidovre: en formel uden gemt værdi",
        args=XLSX_ARGS,
    ),
    imp(
        "old-xls",
        [export(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 512, "in.xls")],
        "in.xls: en gammel Excel-projektmappe (.xls)",
        args=("{project}/in.xls", "--out", "{project}/" + OUT),
    ),
    imp(
        "opendocument",
        [zip_archive({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}, "in.ods")],
        "in.ods: et OpenDocument-regneark",
        args=("{project}/in.ods", "--out", "{project}/" + OUT),
    ),
    imp(
        "zip-that-is-no-workbook",
        [zip_archive({"a.txt": b"hej"}, "in.xlsx")],
        "in.xlsx: kan ikke læses som en Excel-projektmappe",
        args=XLSX_ARGS,
    ),
    imp(
        "xlsx-unpacking-to-150-mb",
        [zip_bomb("in.xlsx", 150)],
        "in.xlsx: projektmappen fylder 150 MB udpakket",
        args=XLSX_ARGS,
        isolated=True,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_case(case, seed_project, tmp_path):
    run_case(case, seed_project, tmp_path)


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 20
