"""A table's CSV file read as its columns declare (generator/data/csvdata.py): containment of the
file reference, limits, numbers (thousands separators, decimal commas, bounds), months,
duplicates and the form of the file. Every message is `file:line: field: message`."""

from __future__ import annotations

import builtins
import datetime as dt
import math
from pathlib import Path

import pytest

from generator import messages
from generator.data import csvdata
from generator.data.errors import IssueLog
from generator.data.models import Column, Table, Wide

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data/hvidovre/2013"


def series(file: str = "serie.csv", unit: str | None = "personer", decimals: int | None = None) -> Table:
    return Table(
        id="t",
        title="T",
        file=file,
        columns=[
            Column(key="periode", label="Måned", type="period"),
            Column(key="antal", label="Antal", unit=unit, decimals=decimals),
        ],
    )


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """data/testby/2013/ under tmp_path, the working folder tmp_path (messages name data/...)."""
    monkeypatch.chdir(tmp_path)
    doc = tmp_path / "data/testby/2013"
    doc.mkdir(parents=True)
    return doc


def load(table: Table, doc: Path) -> tuple[object, list[str]]:
    log = IssueLog()
    frame = csvdata.load_table(table, doc, doc / "resultatrevision.yaml", "tables[2]", 7, log)
    return frame, [str(i) for i in log.issues]


def write(doc: Path, text: str | bytes, name: str = "serie.csv") -> Path:
    path = doc / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


# --------------------------------------------------------------------------- the seed's tables


def seed_tables():
    from generator.data import loader

    dataset = loader.load(ROOT / "data")
    doc = next(d for d in dataset.documents if d.kind == "resultatrevision")
    return doc, {t.id: t for t in doc.model.tables}


def test_tabel_4_reads_its_counts_and_tabel_5_its_decimals():
    _, tables = seed_tables()
    assert tables["forsoergelsesgrupper"].frame["niveau"].tolist()[:3] == [5585, 1603, 876]
    assert tables["besparelsespotentiale"].frame["andel_pct"].tolist() == [2.79, 4.51, 2.15, 7.42, 16.86]
    assert tables["besparelsespotentiale"].frame["besparelse_mio_kr"].tolist() == [-22.5, -1.8, -3.6, -0.6, 0.0]


def test_tabel_4_with_1_603_written_danish_is_an_error(tmp_path, monkeypatch):
    doc, tables = seed_tables()
    table = tables["forsoergelsesgrupper"]
    folder = tmp_path / "data/hvidovre/2013"
    text = (SEED / table.file).read_text(encoding="utf-8").replace(",1603,", ",1.603,")
    write(folder, text, table.file)
    monkeypatch.chdir(tmp_path)
    frame, issues = load(table, folder)
    assert frame is None
    assert issues == [
        "data/hvidovre/2013/tabeller/forsoergelsesgrupper.csv:3: niveau: '1.603' ligner et antal skrevet med "
        "tusindtalsseparator (kolonnen tæller fuldtidspersoner); skriv 1603, uden punktum; er det virkelig et "
        "decimaltal, så skriv `decimals: 3` ved kolonnen (se docs/forfatter.md#tal)"
    ]


# --------------------------------------------------------------------------- containment


@pytest.mark.parametrize(
    "file, key",
    [
        ("/etc/passwd", "file_absolute"),
        ("../../../etc/passwd", "file_outside"),
        ("../2012/serie.csv", "file_outside"),
        ("sub/../../serie.csv", "file_outside"),
        ("serie\0.csv", "file_bad_name"),
    ],
)
def test_a_file_outside_the_folder_is_refused_without_opening_it(folder, monkeypatch, file, key):
    write(folder.parent / "2012", "periode,antal\n2013-01,1\n")
    opened = []
    real_open = builtins.open
    monkeypatch.setattr(builtins, "open", lambda p, *a, **k: opened.append(str(p)) or real_open(p, *a, **k))
    frame, issues = load(series(file), folder)
    assert frame is None and opened == []
    assert len(issues) == 1
    assert issues[0].startswith("data/testby/2013/resultatrevision.yaml:7: tables[2].file: ")
    assert issues[0].endswith(csvdata.text(key, file=repr(file) if "\0" in file else file, folder="data/testby/2013"))


def test_a_subfolder_and_a_dotdot_that_stays_inside_are_fine(folder):
    write(folder, "periode,antal\n2013-01,1\n", "serier/serie.csv")
    frame, issues = load(series("tabeller/../serier/serie.csv"), folder)
    assert issues == [] and frame["antal"].tolist() == [1.0]


def test_a_link_to_a_file_outside_data_is_refused(folder, tmp_path):
    outside = write(tmp_path, "periode,antal\n2013-01,7777\n", "outside.csv")
    (folder / "serie.csv").symlink_to(outside)
    frame, issues = load(series(), folder)
    assert frame is None
    assert issues == [
        "data/testby/2013/resultatrevision.yaml:7: tables[2].file: " + csvdata.text("file_link_outside", file="serie.csv")
    ]


def test_a_link_within_data_is_followed(folder):
    shared = write(folder.parent / "2012", "periode,antal\n2013-01,12\n", "delt.csv")
    (folder / "serie.csv").symlink_to(shared)
    frame, issues = load(series(), folder)
    assert issues == [] and frame["antal"].tolist() == [12.0]


def test_a_message_about_a_linked_file_names_it_as_written(folder):
    shared = write(folder.parent / "2012", "periode,antal\n2013-01,tolv\n", "delt.csv")
    (folder / "serie.csv").symlink_to(shared)
    frame, issues = load(series(), folder)
    assert issues == [
        "data/testby/2013/serie.csv:2: antal: her skal stå et tal (punktum som decimaltegn, ingen tusindtalsseparator), men der står 'tolv' "
        "(se docs/forfatter.md#tal)"
    ]


def test_a_linked_folder_leading_out_of_data_is_refused(folder, tmp_path):
    write(tmp_path / "ude", "periode,antal\n2013-01,1\n")
    (folder / "serier").symlink_to(tmp_path / "ude")
    frame, issues = load(series("serier/serie.csv"), folder)
    assert frame is None and "symbolsk link" in issues[0]


def test_a_folder_is_not_a_file(folder):
    (folder / "serier").mkdir()
    frame, issues = load(series("serier"), folder)
    assert issues == [
        "data/testby/2013/resultatrevision.yaml:7: tables[2].file: " + csvdata.text("file_not_regular", file="serier")
    ]


def test_table_path_never_raises(folder):
    assert csvdata.table_path(folder, "a\0b") == folder
    assert csvdata.table_path(folder, "serie.csv") == (folder / "serie.csv").resolve()


# --------------------------------------------------------------------------- limits


def test_a_file_over_the_size_limit_is_not_read(folder, monkeypatch):
    monkeypatch.setattr(csvdata, "MAX_CSV_BYTES", 2 * 1024**2)
    write(folder, "periode,antal\n" + "2013-01,1\n" * 300_000)
    frame, issues = load(series(), folder)
    assert frame is None
    assert issues == [
        "data/testby/2013/resultatrevision.yaml:7: tables[2].file: serie.csv fylder 2.9 MB; en CSV-fil "
        "må højst fylde 2 MB (del tabellen op, eller udelad rækker, dokumentet ikke viser); "
        "den blev ikke læst"
    ]


def test_rows_over_the_limit_stop_the_file(folder, monkeypatch):
    monkeypatch.setattr(csvdata, "MAX_CSV_ROWS", 5)
    write(folder, "periode,antal\n" + "".join(f"2013-{m:02d},1\n" for m in range(1, 8)))
    frame, issues = load(series(), folder)
    assert frame is None
    assert issues == [
        "data/testby/2013/serie.csv:7: mere end 5 rækker; en CSV-fil må højst have 5 rækker "
        "(del tabellen op); resten blev ikke læst"
    ]


def test_errors_stop_after_the_limit(folder):
    write(folder, "periode,antal\n" + "".join(f"2013-{m:02d},x\n" for m in range(1, 13)) * 3)
    frame, issues = load(series(), folder)
    assert len(issues) == csvdata.MAX_ERRORS + 1
    assert issues[-1].endswith(f"stoppede efter {csvdata.MAX_ERRORS} fejl i denne fil; ret dem, og kør validate igen")


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize("cell, fix", [("1.603", "1603"), ("12.345", "12345"), ("-1.980", "-1980"), ("1.000", "1000")])
def test_a_count_with_a_thousands_separator_is_an_error(folder, cell, fix):
    write(folder, f"periode,antal\n2013-01,{cell}\n2013-02,17\n")
    frame, issues = load(series(), folder)
    assert frame is None
    assert issues == [
        f"data/testby/2013/serie.csv:2: antal: '{cell}' ligner et antal skrevet med tusindtalsseparator "
        f"(kolonnen tæller personer); skriv {fix}, uden punktum; er det virkelig et decimaltal, så "
        "skriv `decimals: 3` ved kolonnen (se docs/forfatter.md#tal)"
    ]


@pytest.mark.parametrize(
    "unit, decimals, others, why",
    [
        (None, 0, "17", "kolonnen viser 0 decimaler"),
        ("pct.", None, "17", "kolonnens andre værdier er hele tal"),
        ("ydelsesmodtagere", 1, "17.5", "kolonnen tæller ydelsesmodtagere"),
        ("fuldtidspersoner", None, "", "kolonnen tæller fuldtidspersoner"),
    ],
)
def test_what_makes_a_column_one_of_counts(folder, unit, decimals, others, why):
    write(folder, f"periode,antal\n2013-01,2.500\n2013-02,{others}\n")
    frame, issues = load(series(unit=unit, decimals=decimals), folder)
    assert frame is None and f"({why})" in issues[0]


@pytest.mark.parametrize("unit, decimals, others", [("pct.", None, "17.25"), ("personer", 3, "17"), ("mio. kr.", 2, "0.5")])
def test_three_decimals_are_decimals_where_the_column_is_no_count(folder, unit, decimals, others):
    write(folder, f"periode,antal\n2013-01,2.500\n2013-02,{others}\n")
    frame, issues = load(series(unit=unit, decimals=decimals), folder)
    assert issues == [] and frame["antal"].tolist() == [2.5, float(others)]


@pytest.mark.parametrize(
    "cell, message",
    [
        ("1.234.567", "'1.234.567' ligner et antal skrevet med tusindtalsseparator (mere end ét punktum); skriv 1234567"),
        ('"93,5"', "'93,5' er skrevet med komma; brug punktum som decimaltegn: 93.5 (ingen tusindtalsseparator"),
        ('"1.603,25"', "'1.603,25' er skrevet med komma; brug punktum som decimaltegn: 1603.25"),
        ("1e400", "'1e400' er større end et tal må være (højst 1e+15)"),
        ("-2e15", "'-2e15' er større end et tal må være"),
        ("inf", "her skal stå et tal (punktum som decimaltegn, ingen tusindtalsseparator), men der står 'inf'"),
        ("nan", "her skal stå et tal"),
        ("1 603", "her skal stå et tal (punktum som decimaltegn, ingen tusindtalsseparator), men der står '1 603'"),
    ],
)
def test_numbers_that_are_refused(folder, cell, message):
    write(folder, f"periode,antal\n2013-01,{cell}\n")
    frame, issues = load(series(unit="pct."), folder)
    assert frame is None and len(issues) == 1
    assert issues[0].startswith("data/testby/2013/serie.csv:2: antal: " + message)


def test_numbers_read_exactly(folder):
    write(folder, "periode,antal\n2013-01, 12 \n2013-02,-0.5\n2013-03,\n2013-04,1e3\n2013-05,.25\n")
    frame, issues = load(series(unit="pct."), folder)
    assert issues == []
    values = frame["antal"].tolist()
    assert values[:2] == [12.0, -0.5] and math.isnan(values[2]) and values[3:] == [1000.0, 0.25]


# --------------------------------------------------------------------------- months


def test_full_dates_must_exist_and_keep_their_month(folder):
    write(folder, "periode,antal\n2012-02-29,1\n2013-12-31,2\nokt-12,3\n")
    frame, issues = load(series(), folder)
    assert issues == []
    assert frame["periode"].tolist() == [dt.date(2012, 2, 1), dt.date(2013, 12, 1), dt.date(2012, 10, 1)]


@pytest.mark.parametrize(
    "cell, why",
    [
        ("2011-02-29", "februar 2011 har 28 dage"),
        ("2013-04-31", "april 2013 har 30 dage"),
        ("2013-01-00", "januar 2013 har 31 dage"),
    ],
)
def test_an_impossible_day_is_an_error(folder, cell, why):
    write(folder, f"periode,antal\n{cell},1\n")
    frame, issues = load(series(), folder)
    fix = cell[:7]
    assert issues == [
        f"data/testby/2013/serie.csv:2: periode: '{cell}' er ikke en dato ({why}); skriv måneden som {fix} "
        "(se docs/forfatter.md#datoer)"
    ]


def test_the_year_0_is_no_year(folder):
    write(folder, "periode,antal\n0000-01,1\n0000-02-30,1\n")
    frame, issues = load(series(), folder)
    assert issues == [
        "data/testby/2013/serie.csv:2: periode: her skal stå en måned som ÅÅÅÅ-MM fra år 1, men der står "
        "'0000-01' (se docs/forfatter.md#datoer)",
        "data/testby/2013/serie.csv:3: periode: her skal stå en måned som ÅÅÅÅ-MM fra år 1, men der står "
        "'0000-02-30' (se docs/forfatter.md#datoer)",
    ]


def test_the_same_month_twice_is_an_error(folder):
    write(folder, "periode,antal\n2013-01,1\n2013-02,2\n2013-01-15,3\n")
    frame, issues = load(series(), folder)
    assert issues == [
        "data/testby/2013/serie.csv:4: periode: samme periode som linje 2 ('2013-01'); i en tabel "
        "med måneder må hver periode kun forekomme én gang"
    ]


def test_text_columns_make_rows_with_the_same_month_distinct(folder):
    table = Table(
        id="t",
        title="T",
        file="serie.csv",
        columns=[
            Column(key="gruppe", label="Gruppe", type="text"),
            Column(key="periode", label="Måned", type="period"),
            Column(key="antal", label="Antal"),
        ],
    )
    write(folder, "gruppe,periode,antal\nA,2013-01,1\nB,2013-01,2\nA,2013-01,3\n")
    frame, issues = load(table, folder)
    assert issues == [
        "data/testby/2013/serie.csv:4: gruppe: samme gruppe, periode som linje 2 ('A, 2013-01'); "
        "i en tabel med måneder må hver gruppe, periode kun forekomme én gang"
    ]


def test_a_table_without_months_may_repeat_rows(folder):
    table = Table(
        id="t",
        title="T",
        file="t.csv",
        columns=[Column(key="sektor", label="Sektor", type="text"), Column(key="antal", label="Antal")],
    )
    write(folder, "sektor,antal\nOffentlig,1\nOffentlig,1\n", "t.csv")
    frame, issues = load(table, folder)
    assert issues == [] and frame["antal"].tolist() == [1.0, 1.0]


def test_a_wide_table_with_the_same_row_twice(folder):
    table = Table(
        id="t",
        title="T",
        file="w.csv",
        wide=Wide(column="maaned", value="andel"),
        columns=[
            Column(key="tilbud", label="Tilbud", type="text"),
            Column(key="maaned", label="Måned", type="period"),
            Column(key="andel", label="Andel", decimals=1),
        ],
    )
    write(folder, "tilbud,okt-12,nov-12\nA,1.5,2.5\nB,3.5,\nA,4.5,5.5\n", "w.csv")
    frame, issues = load(table, folder)
    assert issues == [
        "data/testby/2013/w.csv:4: tilbud: samme tilbud som linje 2 ('A'); i en tabel med måneder "
        "må hver tilbud kun forekomme én gang"
    ]


# --------------------------------------------------------------------------- the form of the file


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"", "serie.csv:1: filen er tom; første linje skal navngive kolonnerne"),
        (b"\n\n", "serie.csv:1: filen er tom; første linje skal navngive kolonnerne"),
        (b"periode,antal\n", "serie.csv:1: filen har en overskrift, men ingen rækker med tal"),
        (b"periode,antal\n,\n\n", "serie.csv:1: filen har en overskrift, men ingen rækker med tal"),
        (b"\nperiode,antal\n2013-01,1\n", "serie.csv:1: første linje er tom"),
        (b"periode;antal\n2013-01;1\n", "serie.csv:1: filen har semikolon (;) mellem cellerne, som når dansk Excel gemmer CSV"),
        (b"periode\tantal\n2013-01\t1\n", "serie.csv:1: filen har tabulator mellem cellerne"),
        (
            b"periode,antal,antal\n2013-01,1,2\n",
            "serie.csv:1: antal: kolonnen 'antal' står to gange i overskriften (kolonne 2 og 3)",
        ),
        (b"periode,antal\n2013-01,1\n2013-02,\x96\n", "serie.csv:3: filen er ikke gemt som UTF-8 (byte 0x96 på denne linje)"),
        ("periode,antal\n2013-01,1\n".encode("utf-16"), "serie.csv:1: filen er gemt som UTF-16"),
        (b"periode,antal\n2013-01,1\n2013-02,\x002\n", "serie.csv:3: filen indeholder en NUL-byte"),
        ("periode,antal\n2013-01,1\n\ufeff2013-02,2\n".encode(), "serie.csv:3: et byte order mark (BOM) midt i filen"),
        (
            b'periode,antal\n2013-01,"1\n2013-02,2\n',
            "serie.csv:2: fejl i anførselstegn (et anførselstegn er ikke lukket, før filen slutter)",
        ),
        (
            b'periode,antal\n2013-01,"1"2\n',
            "serie.csv:2: fejl i anførselstegn (der står mere tekst efter et lukkende anførselstegn i samme celle)",
        ),
        (b"periode,antal\n2013-01\n", "serie.csv:2: rækken har 1 værdier, men skal have 2"),
    ],
)
def test_the_form_of_the_file(folder, content, expected):
    write(folder, content)
    frame, issues = load(series(), folder)
    assert frame is None
    assert any(i.startswith("data/testby/2013/" + expected) for i in issues), issues


def test_a_csv_file_that_cannot_be_opened_is_said_in_danish(folder, monkeypatch):
    """Found, but refused when opened (rights, or gone since): the system's reason in Danish."""
    import builtins
    import errno

    write(folder, "periode,antal\n2013-01,1\n")
    real_open = builtins.open

    def refusing(file, *args, **kwargs):
        if str(file).endswith("serie.csv"):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing)
    frame, issues = load(series(), folder)
    assert frame is None
    assert issues == ["data/testby/2013/serie.csv: filen kan ikke læses (ingen adgang: du har ikke rettigheder til den)"]


def test_a_bom_at_the_start_and_windows_line_ends_are_fine(folder):
    write(folder, "\ufeffperiode,antal\r\n2013-01,1\r\n2013-02,2\r\n".encode())
    frame, issues = load(series(), folder)
    assert issues == [] and frame["antal"].tolist() == [1.0, 2.0]


def test_lines_are_counted_across_quoted_line_breaks(folder):
    table = Table(
        id="t",
        title="T",
        file="t.csv",
        columns=[Column(key="navn", label="Navn", type="text"), Column(key="antal", label="Antal")],
    )
    write(folder, 'navn,antal\n"to\nlinjer",1\nx,fem\n', "t.csv")
    frame, issues = load(table, folder)
    assert issues == [
        "data/testby/2013/t.csv:4: antal: her skal stå et tal (punktum som decimaltegn, ingen tusindtalsseparator), men der står 'fem' "
        "(se docs/forfatter.md#tal)"
    ]


def test_a_strange_header_is_quoted_in_the_message(folder):
    write(folder, 'periode,"an\ntal"\n2013-01,1\n')
    frame, issues = load(series(), folder)
    assert issues == [
        "data/testby/2013/serie.csv:1: antal: kolonnen mangler i overskriften (fandt: periode, 'an\\ntal'); "
        "overskriften skal have kolonnerne fra columns (se docs/forfatter.md#tabeller)"
    ]


def test_every_csv_message_is_used():
    source = (ROOT / "generator/data/csvdata.py").read_text(encoding="utf-8")
    unused = [key for key in messages.CSV if f'"{key}"' not in source]
    assert unused == []
