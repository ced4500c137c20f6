"""The Høje-Taastrup minutes of 6 March 2013: items, decisions, tables and charts; wide tables;
validation of the minutes' format."""

import csv
import json
import re
from pathlib import Path

import altair
import jsonschema
import pytest

from conftest import DATA, REGISTRY, errors_of, write
from generator.data import loader
from generator.site import build
from generator.views import tables as table_views
from htmltools import chart_points, chart_specs, page, tables, text

URL = "hoeje-taastrup/2013/referat-2013-03-06"
SEED = Path("/work/shared/seeds/hoeje-taastrup-arbejdsmarkedsudvalget-referat-2013-03-06.txt")
SERIES_TABLES = [
    "virksomhedsrettede-tilbud",
    "indikatormodel",
    "effekt-leverandoer",
    "effekt-tilbudstyper",
    "effekt-maalgrupper",
    "afslutningsaarsager",
    "risikogruppe",
    "akutjob",
]


@pytest.fixture(scope="module")
def html(built_site):
    return page(built_site, URL)


@pytest.fixture(scope="module")
def minutes(dataset):
    return dataset.find("hoeje-taastrup", 2013, "referat-2013-03-06")


def test_meeting_facts(html):
    t = text(html)
    assert "Onsdag den 6. marts 2013" in t
    assert "16.00–16.35" in t and "Mødelokale B105" in t
    assert "Michael Blem Clausen (B)" in t
    assert "Fraværende Kemal Bektas (A)" in t


def test_agenda_lists_four_items_with_anchors_and_decisions(html):
    agenda = tables(html)["dagsorden-tabel"]
    assert [r[0] for r in agenda[1:]] == ["1.", "2.", "3.", "4."]
    assert [r[2] for r in agenda[1:]] == ["", "Godkendt.", "Godkendt.", "Anbefales."]
    for n in range(1, 5):
        assert f'href="#punkt-{n}"' in html and f'id="punkt-{n}"' in html


def test_items_have_case_numbers_sections_and_decisions(html):
    t = text(html)
    for case in ("12/32196", "12/531", "12/22145", "13/729"):
        assert f"Sagsnr.: {case}" in t
    assert len(re.findall(r"<h3[^>]*>Beslutning i Arbejdsmarkedsudvalget den 6. marts 2013", html)) == 3
    assert t.count("Fraværende: Kemal Bektas (A)") == 3
    assert "Retsgrundlag ¶ LBK nr. 642 af 22/06/2012" in t
    assert "Indstilling ¶ Administrationen indstiller, at udvalget tager sagen til efterretning." in t


def test_attachments_with_document_numbers(html):
    tbl = tables(html)
    assert tbl["bilag-punkt-1"][1] == ["1", "Videreførelse af projekt En ny start i jobcentrets drift", "Åben", "30519/13"]
    assert tbl["bilag-punkt-2"][1][-1] == "56010/13"
    assert tbl["bilag-punkt-4"][1][-1] == "56222/13"
    assert "bilag-punkt-3" not in tbl


def test_table_values_on_the_page(html):
    rows = [r for tbl in tables(html).values() for r in tbl]
    # Match 1 kontanthjælp, virksomhedspraktik: 23 % in 4. kvt. 2011, 31 % in 4. kvt. 2012
    assert ["Match 1 - Kontanthjælpsmodtagere", "Virksomhedspraktik", "23", "31"] in rows
    assert ["Match1: Jobklare", "Sygedagpenge", "29", "27"] in rows
    assert ["Integro/For-forløb", "37,7", "39,4", "24,2", "30,6", ""] in rows
    assert ["Raskmelding", "7,9", "7,0", "8,7", "7,4", ""] in rows
    assert ["I kontakt med jobcentret", "80,5"] in rows
    assert ["Offentlig sektor", "35"] in rows and ["Privat sektor", "21"] in rows


def test_wide_table_keeps_the_documents_months_including_feb_12(html):
    heads = [tbl[0] for tbl in tables(html).values() if tbl and tbl[0][0] == "Tilbudstyper"]
    assert heads == [["Tilbudstyper", "okt. 2012", "nov. 2012", "dec. 2012", "jan. 2013", "feb. 2012"]]


def test_a_chart_per_series_table_and_valid_vega_lite(html):
    specs = chart_specs(html)
    assert len(specs) == len(SERIES_TABLES)
    for ident in SERIES_TABLES:
        assert f'id="figur-{ident}"' in html
    schema_path = Path(altair.__file__).parent / "vegalite/v6/schema/vega-lite-schema.json"
    validator = jsonschema.Draft7Validator(json.loads(schema_path.read_text()))
    for spec in specs:
        errors = list(validator.iter_errors(spec))
        assert not errors, (spec["description"], errors[0].message)


def test_line_chart_series_come_from_the_rows(html):
    spec = next(s for s in chart_specs(html) if s["description"] == "Effekt efter endt aktivitet for udvalgte tilbud/leverandør")
    values = chart_points(spec)
    assert {"x": "2012-10-01", "serie": "Integro/For-forløb", "værdi": 37.7} in values
    assert len(values) == 7 * 4  # seven rows, four months with values (feb-13 is empty)


def test_backwards_months_warn_naming_file_and_column(dataset):
    warned = {(w.file.rsplit("/", 1)[-1], w.field) for w in dataset.warnings if "går baglæns" in w.message}
    assert warned == {("effekt-tilbudstyper.csv", "feb-12"), ("effekt-maalgrupper.csv", "feb-12")}
    assert all(w.severity == "warning" and w.line == 1 for w in dataset.warnings if "går baglæns" in w.message)


@pytest.mark.skipif(not SEED.is_file(), reason="the seed document is not in this checkout")
@pytest.mark.parametrize(
    "first_header, name",
    [
        ("leverandør/tilbud", "effekt-leverandoer"),
        ("Tilbudstyper", "effekt-tilbudstyper"),
        ("Målgrupper", "effekt-maalgrupper"),
        ("Afslutningsårsag", "afslutningsaarsager"),
    ],
)
def test_wide_csv_is_the_seed_table(first_header, name):
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| " + first_header))
    seed_rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        cells = [c.strip().replace(",", ".") for c in line.strip().strip("|").split("|")]
        if not all(set(c) <= {"-"} for c in cells):
            seed_rows.append(cells)
    ours = list(csv.reader((DATA / "hoeje-taastrup/2013/referat-2013-03-06" / f"{name}.csv").open(encoding="utf-8")))
    assert ours[0][1:] == seed_rows[0][1:] and ours[1:] == seed_rows[1:]


# --------------------------------------------------------------------------- tiny trees

MINUTES = """
jobcentre: testby
year: 2013
title: Udvalget – referat 1. marts 2013
committee: Udvalget
date: 2013-03-01
start: 16:00
members: [{name: A. Person, party: A}, {name: B. Person, party: V}]
absent: [B. Person]
items:
  - number: 1
    type: A
    title: En sag
    presentation:
      - heading: Tal
        tables: [serie]
    decision: {absent: [B. Person], text: Godkendt.}
tables:
  - id: serie
    title: En serie
    file: serie.csv
    wide: {column: maaned, value: antal}
    columns:
      - {key: gruppe, label: Gruppe, type: text}
      - {key: maaned, label: Måned, type: period}
      - {key: antal, label: Antal}
    chart: {kind: line, x: maaned, y: [antal], series: gruppe}
"""
SERIES = "gruppe,okt-12,nov-12\nX,1,2\nY,3,\n"


def tree(tmp_path, minutes=MINUTES, series=SERIES):
    return write(
        tmp_path / "data",
        {"jobcentres.yaml": REGISTRY, "testby/2013/referat-2013-03-01.yaml": minutes, "testby/2013/serie.csv": series},
    )


def test_wide_csv_is_read_as_one_row_per_cell(tmp_path):
    ds = loader.load(tree(tmp_path))
    doc = ds.documents[0]
    assert doc.model.start.strftime("%H:%M") == "16:00"  # unquoted 16:00 is YAML's 960
    frame = doc.table("serie").frame
    assert [(r.gruppe, r.maaned.isoformat(), r.antal) for r in frame.itertuples()][:3] == [
        ("X", "2012-10-01", 1),
        ("X", "2012-11-01", 2),
        ("Y", "2012-10-01", 3),
    ]
    columns, rows = table_views.table_view(doc.table("serie"))
    assert [c.label for c in columns] == ["Gruppe", "okt. 2012", "nov. 2012"]
    assert [rows[1][c.key] for c in columns][:2] == ["Y", 3]
    assert ds.warnings == []


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "absent: [B. Person]\n",
            "absent: [C. Person]\n",
            "referat-2013-03-01.yaml:8: absent[0]: 'C. Person' står ikke blandt medlemmerne",
        ),
        (
            "decision: {absent: [B. Person]",
            "decision: {absent: [B. Persson]",
            "referat-2013-03-01.yaml:16: items[0].decision.absent[0]: 'B. Persson' står ikke blandt medlemmerne",
        ),
        (
            "start: 16:00",
            "start: '25:00'",
            "referat-2013-03-01.yaml:6: start: her skal stå et klokkeslæt som TT:MM i anførselstegn, fx \"16:00\"; der står '25:00'",
        ),
        (
            "tables: [serie]",
            "tables: [serier]",
            "referat-2013-03-01.yaml:15: items[0].presentation[0].tables[0]: der er ingen tabel med id 'serier'",
        ),
        (
            "    type: A\n",
            "",
            "referat-2013-03-01.yaml:10: items[0].type: feltet mangler; det skal udfyldes (se docs/forfatter.md#referat)",
        ),
        (
            "wide: {column: maaned, value: antal}",
            "wide: {column: antal, value: antal}",
            "referat-2013-03-01.yaml:18: tables[0]: wide.column skal være en periode- eller tekstkolonne, og ikke den samme som wide.value",
        ),
        (
            "series: gruppe}",
            "series: gruppe, facet: gruppe}",
            "tables[0].chart: x, series og facet skal være tre forskellige kolonner",
        ),
        ("y: [antal], series: gruppe}", "y: [antal, antal]}", "tables[0].chart: y nævner samme kolonne mere end én gang"),
        (
            "kind: line, x: maaned, y: [antal], series: gruppe}",
            "kind: grouped_bar, x: gruppe, y: [antal], facet: maaned}",
            "referat-2013-03-01.yaml:18: tables[0]: chart.facet skal være en tekstkolonne (type: text); det er 'maaned' ikke",
        ),
    ],
)
def test_minutes_errors_name_file_line_and_field(tmp_path, old, new, expected):
    assert old in MINUTES
    errors = errors_of(tree(tmp_path, minutes=MINUTES.replace(old, new)))
    assert any(expected in e for e in errors), errors


@pytest.mark.parametrize(
    "series, expected",
    [
        (
            "gruppe,okt-12,oky-12\nX,1,2\n",
            "serie.csv:1: oky-12: her skal stå en måned som ÅÅÅÅ-MM, fx 2013-12; der står 'oky-12'",
        ),
        ("gruppe,okt-12,okt-12\nX,1,2\n", "serie.csv:1: okt-12: samme 'maaned' som kolonnen 'okt-12'"),
        ("gruppe,okt-12,nov-12\nX,1,to\n", "serie.csv:2: nov-12: her skal stå et tal"),
        ("gruppe\nX\n", "serie.csv:1: en bred tabel skal have én kolonne pr. 'maaned' efter gruppe"),
    ],
)
def test_wide_csv_errors(tmp_path, series, expected):
    errors = errors_of(tree(tmp_path, series=series))
    assert any(expected in e for e in errors), errors


def test_backwards_header_is_a_warning_not_an_error(tmp_path):
    ds = loader.load(tree(tmp_path, series="gruppe,jan-13,feb-12\nX,1,\n"))
    [w] = ds.warnings
    assert str(w).endswith(
        "serie.csv:1: feb-12: månederne går baglæns: 'feb-12' kommer efter 'jan-13' "
        "(kolonne 'maaned'); beholdt, som dokumentet har det"
    )


def test_minutes_text_is_escaped(tmp_path):
    ds = loader.load(tree(tmp_path, minutes=MINUTES.replace("title: En sag", 'title: "<b>En sag</b>"')))
    [p] = build.document_pages(ds)
    assert "<b>En sag" not in p.content and "&lt;b&gt;En sag" in p.content
