"""`import` turns jobindsats-style exports into the project's CSV series, in each encoding and period style."""
import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from generator import importer, loader
from generator.models import Column, Table

FIXTURES = Path(__file__).parent / "fixtures/import"


def run(*args):
    return subprocess.run([sys.executable, "-m", "generator", "import", *args], capture_output=True, text=True, cwd=ROOT)


def rows_of(path: Path):
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_wide_export_with_2013M_periods_thousands_and_missing(tmp_path):
    out = tmp_path / "x.csv"
    r = run(str(FIXTURES / "wide-2013M.csv"), "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert rows_of(out) == [["periode", "hvidovre", "klynge_gns"], ["2013-10", "1413", "482.5"],
                            ["2013-11", "1400", ""], ["2013-12", "369", "482"]]
    assert '{key: klynge_gns, label: "Klynge (gns.)"}' in r.stdout


def test_long_export_utf8_with_bom_and_dec_periods(tmp_path):
    out = tmp_path / "x.csv"
    assert run(str(FIXTURES / "long-bom-dec.csv"), "--out", str(out)).returncode == 0
    assert rows_of(out) == [["periode", "hvidovre", "klynge"], ["2011-12", "1048", "1233"],
                            ["2012-12", "1085", "1270"], ["2013-12", "1007", "1222"]]


def test_long_export_cp1252_with_jan_14_periods_and_decimal_comma(tmp_path):
    out = tmp_path / "x.csv"
    r = run(str(FIXTURES / "long-cp1252-jan.csv"), "--out", str(out))
    assert r.returncode == 0 and "read as cp1252" in r.stdout
    assert rows_of(out) == [["periode", "hvidovre", "klynge_i_gennemsnit"], ["2014-01", "3.8", "4.1"],
                            ["2014-02", "10.2", "5"], ["2014-03", "6.2", ""]]


def test_unreadable_rows_are_reported_by_line_and_nothing_is_written(tmp_path):
    out = tmp_path / "x.csv"
    r = run(str(FIXTURES / "bad-rows.csv"), "--out", str(out))
    assert r.returncode == 1
    assert "bad-rows.csv:3: Hvidovre: expected a number, got '12,x'" in r.stderr
    assert "bad-rows.csv:4: Periode: expected a period like 2013M12, got 'foo'" in r.stderr
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


@pytest.mark.parametrize("text, expected", [("2013M12", (2013, 12)), ("2013-12", (2013, 12)), ("dec 2013", (2013, 12)),
                                            ("dec. 2013", (2013, 12)), ("jan-14", (2014, 1)), ("okt-12", (2012, 10))])
def test_period_styles(text, expected):
    d = importer.parse_period(text)
    assert (d.year, d.month) == expected


@pytest.mark.parametrize("text, value", [("1.603", 1603), ("3,5", 3.5), ("-1", -1), ("1.234.567,25", 1234567.25), ("", None), ("-", None)])
def test_numbers(text, value):
    assert importer.parse_number(text) == value


@pytest.mark.parametrize("text", ["1,2,3", "12,x", "1.60", "abc"])
def test_not_numbers(text):
    with pytest.raises(ValueError):
        importer.parse_number(text)


def test_imported_csv_loads_as_a_table(tmp_path):
    out = tmp_path / "serie.csv"
    assert run(str(FIXTURES / "long-cp1252-jan.csv"), "--out", str(out)).returncode == 0
    from generator.errors import IssueLog
    log = IssueLog()
    t = Table(id="t", title="T", file="serie.csv", columns=[
        Column(key="periode", label="Måned", type="period"), Column(key="hvidovre", label="Hvidovre"),
        Column(key="klynge_i_gennemsnit", label="Klynge")])
    frame = loader.load_table(t, tmp_path, tmp_path / "doc.yaml", "tables[0]", 1, log)
    assert not log.issues
    assert frame["hvidovre"].tolist() == [3.8, 10.2, 6.2]


def test_rows_with_the_same_name_stay_apart(tmp_path):
    out = tmp_path / "x.csv"
    assert run(str(FIXTURES / "wide-same-names.csv"), "--out", str(out)).returncode == 0
    assert rows_of(out) == [["periode", "hvidovre", "hvidovre_2"], ["2013-11", "1", "3"], ["2013-12", "2", "4"]]
