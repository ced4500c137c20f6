"""`import` turns jobindsats-style exports into the project's CSV series, in each encoding and period style."""

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from generator.data import csvdata, importer, loader
from generator.data.models import Column, Table

FIXTURES = Path(__file__).parent / "fixtures/import"


def run(*args):
    return subprocess.run([sys.executable, "-m", "generator", "import", *args], capture_output=True, text=True, cwd=ROOT)


def rows_of(path: Path):
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_wide_export_with_2013M_periods_thousands_and_missing(tmp_path):
    out = tmp_path / "x.csv"
    r = run(str(FIXTURES / "wide-2013M.csv"), "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert rows_of(out) == [
        ["periode", "hvidovre", "klynge_gns"],
        ["2013-10", "1413", "482.5"],
        ["2013-11", "1400", ""],
        ["2013-12", "369", "482"],
    ]
    assert '{key: klynge_gns, label: "Klynge (gns.)"}' in r.stdout


def test_long_export_utf8_with_bom_and_dec_periods(tmp_path):
    out = tmp_path / "x.csv"
    assert run(str(FIXTURES / "long-bom-dec.csv"), "--out", str(out)).returncode == 0
    assert rows_of(out) == [
        ["periode", "hvidovre", "klynge"],
        ["2011-12", "1048", "1233"],
        ["2012-12", "1085", "1270"],
        ["2013-12", "1007", "1222"],
    ]


def test_long_export_cp1252_with_jan_14_periods_and_decimal_comma(tmp_path):
    out = tmp_path / "x.csv"
    r = run(str(FIXTURES / "long-cp1252-jan.csv"), "--out", str(out))
    assert r.returncode == 0 and "læst som cp1252" in r.stdout
    assert rows_of(out) == [
        ["periode", "hvidovre", "klynge_i_gennemsnit"],
        ["2014-01", "3.8", "4.1"],
        ["2014-02", "10.2", "5"],
        ["2014-03", "6.2", ""],
    ]


def test_unreadable_rows_are_reported_by_line_and_nothing_is_written(tmp_path):
    out = tmp_path / "x.csv"
    r = run(str(FIXTURES / "bad-rows.csv"), "--out", str(out))
    assert r.returncode == 1
    assert "bad-rows.csv:3: Hvidovre: her skal stå et tal, men der står '12,x'" in r.stderr
    assert "bad-rows.csv:4: Periode: her skal stå en periode som 2013M12, men der står 'foo'" in r.stderr
    assert not out.exists()
    r = run(str(FIXTURES / "bad-rows.csv"), "--out", str(out), "--skip-bad")
    assert r.returncode == 1  # still says something was skipped
    assert rows_of(out) == [["periode", "hvidovre"], ["2013-10", "154"], ["2013-12", "150"]]


def test_existing_file_is_not_replaced_without_asking(tmp_path):
    out = tmp_path / "x.csv"
    out.write_text("mine\n")
    r = run(str(FIXTURES / "long-bom-dec.csv"), "--out", str(out))
    assert r.returncode == 1 and out.read_text() == "mine\n"
    assert run(str(FIXTURES / "long-bom-dec.csv"), "--out", str(out), "--replace").returncode == 0
    assert rows_of(out)[1] == ["2011-12", "1048", "1233"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2013M12", (2013, 12)),
        ("2013-12", (2013, 12)),
        ("dec 2013", (2013, 12)),
        ("dec. 2013", (2013, 12)),
        ("jan-14", (2014, 1)),
        ("okt-12", (2012, 10)),
    ],
)
def test_period_styles(text, expected):
    d = importer.parse_period(text)
    assert (d.year, d.month) == expected


@pytest.mark.parametrize(
    "text, value", [("1.603", 1603), ("3,5", 3.5), ("-1", -1), ("1.234.567,25", 1234567.25), ("", None), ("-", None)]
)
def test_numbers(text, value):
    assert importer.parse_number(text) == value


@pytest.mark.parametrize("text", ["1,2,3", "12,x", "1.60", "abc"])
def test_not_numbers(text):
    with pytest.raises(ValueError):
        importer.parse_number(text)


def test_imported_csv_loads_as_a_table(tmp_path):
    out = tmp_path / "serie.csv"
    assert run(str(FIXTURES / "long-cp1252-jan.csv"), "--out", str(out)).returncode == 0
    from generator.data.errors import IssueLog

    log = IssueLog()
    t = Table(
        id="t",
        title="T",
        file="serie.csv",
        columns=[
            Column(key="periode", label="Måned", type="period"),
            Column(key="hvidovre", label="Hvidovre"),
            Column(key="klynge_i_gennemsnit", label="Klynge"),
        ],
    )
    frame = loader.load_table(t, tmp_path, tmp_path / "doc.yaml", "tables[0]", 1, log)
    assert not log.issues
    assert frame["hvidovre"].tolist() == [3.8, 10.2, 6.2]


def test_rows_with_the_same_name_stay_apart(tmp_path):
    out = tmp_path / "x.csv"
    assert run(str(FIXTURES / "wide-same-names.csv"), "--out", str(out)).returncode == 0
    assert rows_of(out) == [["periode", "hvidovre", "hvidovre_2"], ["2013-11", "1", "3"], ["2013-12", "2", "4"]]


# --------------------------------------------------------------------------- detection rules, in process


def main(capsys, *args):
    """`python -m generator import ...` in this process: (exit code, stdout, stderr)."""
    from generator import cli

    code = cli.main(["import", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


WIDE_CP1252 = (
    "Antal personer på ydelse, Hvidovre\r\n"
    "Ydelsesgruppe;2013M10;2013M11;2013M12\r\n"
    "Førtidspension;1.603;1.598;1.590\r\n"
    "Sygedagpenge;812;799,5;-\r\n"
    "Ledighedsydelse;..;141;139\r\n"
    "\r\n"
    "Kilde: jobindsats.dk\r\n"
)


def test_wide_cp1252_export_with_crlf_title_and_source_line(tmp_path, capsys):
    src = write_bytes(tmp_path / "eksport.csv", WIDE_CP1252.encode("cp1252"))
    out = tmp_path / "data" / "x.csv"
    code, stdout, stderr = main(capsys, src, "--out", out)
    assert code == 0, stderr
    assert rows_of(out) == [
        ["periode", "foertidspension", "sygedagpenge", "ledighedsydelse"],
        ["2013-10", "1603", "812", ""],
        ["2013-11", "1598", "799.5", "141"],
        ["2013-12", "1590", "", "139"],
    ]
    lines = stdout.splitlines()
    shown = csvdata.display_path(src)
    assert lines[:6] == [
        f"{shown}: læst som cp1252 (Windows), celler adskilt af ';', decimalkomma og punktum som tusindtalsseparator",
        "perioder hen ad overskriften på linje 2, én serie pr. række",
        f"{shown}:1: sprang titlen 'Antal personer på ydelse, Hvidovre' over",
        f"{shown}:6: sprang tomme linjer over",
        f"{shown}:7: sprang noten 'Kilde: jobindsats.dk' over",
        "2 celle(r) tomme eller markeret som manglende ('-', '..', 'x', '*'): skrevet som tomme",
    ]
    assert '{key: foertidspension, label: "Førtidspension"}' in stdout


def test_long_utf8_bom_export_with_month_names_percent_and_notes(tmp_path, capsys):
    text = (
        "\ufeffMåned;Andel på offentlig forsørgelse (pct.);Klynge\n"
        "nov. 2013;12,5 %;11,9\n"
        "dec 2013;12,4;11,8\n"
        "jan-14;−0,5;1.203,25\n"
        "Note: Tallene for jan-14 er foreløbige; se jobindsats.dk\n"
        "Opdateret 12. marts 2014\n"
    )
    src = write_bytes(tmp_path / "eksport.csv", text.encode("utf-8"))
    out = tmp_path / "x.csv"
    code, stdout, stderr = main(capsys, src, "--out", out)
    assert code == 0, stderr
    assert rows_of(out) == [
        ["periode", "andel_paa_offentlig_forsoergelse_pct", "klynge"],
        ["2013-11", "12.5", "11.9"],
        ["2013-12", "12.4", "11.8"],
        ["2014-01", "-0.5", "1203.25"],
    ]
    assert "læst som UTF-8 med BOM, celler adskilt af ';'" in stdout
    assert "perioder ned ad første kolonne, én serie pr. kolonne; overskrift på linje 1" in stdout
    assert "eksport.csv:5: sprang noten 'Note: Tallene for jan-14 er foreløbige; se jobindsats.dk' over" in stdout
    assert "eksport.csv:6: sprang noten 'Opdateret 12. marts 2014' over" in stdout


def test_tab_separated_utf16_export(tmp_path, capsys):
    """Excel's 'Unicode-tekst': UTF-16 with BOM, tabs between cells."""
    text = "Periode\tKøge\tGreve\r\n2013M11\t1.603\t7,5\r\n2013M12\t1.610\t7,25\r\n"
    src = write_bytes(tmp_path / "eksport.txt", text.encode("utf-16"))
    out = tmp_path / "x.csv"
    code, stdout, stderr = main(capsys, src, "--out", out)
    assert code == 0, stderr
    assert "læst som UTF-16, celler adskilt af tabulator" in stdout
    assert rows_of(out) == [["periode", "koege", "greve"], ["2013-11", "1603", "7.5"], ["2013-12", "1610", "7.25"]]


def test_xlsx_export_with_numbers_text_numbers_dates_title_and_source(tmp_path, capsys):
    import datetime as dt

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Jobindsats"
    ws.append(["Antal langtidsledige"])
    ws.append(["Område", dt.datetime(2013, 10, 1), "2013M11", "dec 2013"])
    ws.append(["Hvidovre", 1413, "1.400", 369])
    ws.append(["Klynge (gns.)", 482.5, "-", "482,5"])
    ws.append([])
    ws.append(["Kilde: jobindsats.dk"])
    wb.create_sheet("Om tallene").append(["Forklaring"])
    src = tmp_path / "eksport.xlsx"
    wb.save(src)
    out = tmp_path / "x.csv"
    code, stdout, stderr = main(capsys, src, "--out", out)
    assert code == 0, stderr
    assert rows_of(out) == [
        ["periode", "hvidovre", "klynge_gns"],
        ["2013-10", "1413", "482.5"],
        ["2013-11", "1400", ""],
        ["2013-12", "369", "482.5"],
    ]
    assert "eksport.xlsx: læste arket 'Jobindsats' i en Excel-projektmappe (det første ark; ikke læst: 'Om tallene')" in stdout
    assert "eksport.xlsx:1: sprang titlen 'Antal langtidsledige' over" in stdout
    assert "eksport.xlsx:6: sprang noten 'Kilde: jobindsats.dk' over" in stdout


def test_xlsx_date_in_the_middle_of_a_month_is_not_a_period(tmp_path, capsys):
    import datetime as dt

    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["Periode", "Hvidovre"])
    wb.active.append([dt.datetime(2013, 10, 15), 1])
    src = tmp_path / "eksport.xlsx"
    wb.save(src)
    code, _, stderr = main(capsys, src, "--out", tmp_path / "x.csv")
    assert code == 1 and not (tmp_path / "x.csv").exists()
    assert (
        "eksport.xlsx:2: Periode: her skal stå en periode som 2013M12, men der står '2013-10-15T00:00:00': en dato, ikke en måned"
        in stderr
    )


def test_skip_bad_leaves_out_both_rows_of_a_duplicate_period(tmp_path, capsys):
    src = write_bytes(tmp_path / "e.csv", b"Periode;Hvidovre\n2013M10;1\n2013M11;2\n2013M10;3\n2013M12;4\n")
    out = tmp_path / "x.csv"
    code, stdout, stderr = main(capsys, src, "--out", out, "--skip-bad")
    assert code == 1
    assert "e.csv:4: Periode: perioden 2013-10 igen (også på linje 2); ingen af linjerne bliver importeret" in stderr
    assert rows_of(out) == [["periode", "hvidovre"], ["2013-11", "2"], ["2013-12", "4"]]
    assert "uden de 1 problem(er) ovenfor (--skip-bad): 2 perioder x 1 serier" in stdout


def test_a_misspelt_month_along_the_header_is_not_taken_for_a_name(tmp_path, capsys):
    src = write_bytes(tmp_path / "e.csv", b"Omr\xe5de;2013M13;2013M11\nHvidovre;1;2\n")
    code, _, stderr = main(capsys, src, "--out", tmp_path / "x.csv")
    assert code == 1
    assert "e.csv:1: kolonne 2: her skal stå en periode som 2013M12, men der står '2013M13': måned 13 findes ikke" in stderr


def test_periods_in_the_second_column_are_named(tmp_path, capsys):
    src = write_bytes(tmp_path / "e.csv", b"Omraade;Periode;Antal\nHvidovre;2013M12;1\n")
    code, _, stderr = main(capsys, src, "--out", tmp_path / "x.csv")
    assert code == 1
    assert "e.csv:2: Omraade: her skal stå en periode som 2013M12, men der står 'Hvidovre' (perioden står i kolonne 2" in stderr


def test_series_without_a_value_is_warned_about(tmp_path, capsys):
    src = write_bytes(tmp_path / "e.csv", b"Periode;Hvidovre;Enhed: personer\n2013M11;1;\n2013M12;2;\n")
    code, _, stderr = main(capsys, src, "--out", tmp_path / "x.csv")
    assert code == 0
    assert f"advarsel: {csvdata.display_path(src)}: Enhed: personer: alle seriens værdier mangler" in stderr


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    out = tmp_path / "x.csv"
    out.write_text("old\n")

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(importer.os, "replace", fail)
    message = importer.write_atomic(out, "periode,a\n2013-12,1\n")
    assert message == f"fejl: {csvdata.display_path(out)}: kan ikke skrive filen (disken er fuld); intet blev skrevet"
    assert out.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.csv"]


def test_a_write_replaces_the_file_whole_and_keeps_its_mode(tmp_path):
    out = tmp_path / "x.csv"
    out.write_text("old\n")
    out.chmod(0o640)
    assert importer.write_atomic(out, "periode,a\n2013-12,1\n") is None
    assert out.read_text() == "periode,a\n2013-12,1\n"
    assert out.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.csv"]


@pytest.mark.parametrize(
    "text, why",
    [
        ("2013M13", "måned 13 findes ikke"),
        ("2013M0", "måned 0 findes ikke"),
        ("2013K1", "et kvartal"),
        ("2013", "et år"),
        ("jan-99", "året 2099 er efter næste år"),
    ],
)
def test_periods_that_are_refused_say_why(text, why):
    with pytest.raises(ValueError, match=why):
        importer.parse_period(text)


@pytest.mark.parametrize(
    "text, value", [("1 603", 1603), ("1\u00a0603", 1603), ("12,5 %", 12.5), ("−3", -3), ("123456789012345", 123456789012345)]
)
def test_more_numbers(text, value):
    assert importer.parse_number(text) == value


@pytest.mark.parametrize("text", ["12 5", "1 60", "1234567890123456", "3.5", "1,603.5"])
def test_more_not_numbers(text):
    with pytest.raises(ValueError):
        importer.parse_number(text)


def test_keys_that_yaml_would_read_as_numbers_or_booleans_are_quoted(tmp_path, capsys):
    src = write_bytes(tmp_path / "e.csv", b"Periode;167;No;Hvidovre\n2013M12;1;2;3\n")
    code, stdout, stderr = main(capsys, src, "--out", tmp_path / "x.csv")
    assert code == 0, stderr
    assert '- {key: "167", label: "167"}' in stdout
    assert '- {key: "no", label: "No"}' in stdout
    assert '- {key: hvidovre, label: "Hvidovre"}' in stdout
