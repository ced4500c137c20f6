"""Issue 14, item 9: open data for people as well as programs: a Danish data dictionary beside the
stable machine names, plain CSV per jobcentre besides the site-wide .gz files, a stated licence."""

from __future__ import annotations

import csv
import gzip
import io
import json

import pytest

from generator.site import build, opendata
from htmltools import tables, text


@pytest.fixture(scope="module")
def files(dataset) -> dict[str, bytes]:
    return opendata.files(dataset)[0]


@pytest.fixture(scope="module")
def data_page(dataset) -> str:
    return opendata.data_page(build.context(), dataset).content


def _rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def test_each_jobcentre_has_its_goals_as_plain_csv(files):
    hvidovre = files["data/hvidovre/maal.csv"]
    assert hvidovre[:2] != b"\x1f\x8b" and hvidovre.startswith(b"jobcentre,year,document,goal_id,")  # not gzip
    site_wide = _rows(gzip.decompress(files["data/maal.csv.gz"]))
    own = _rows(hvidovre)
    assert own == [r for r in site_wide if r["jobcentre"] == "hvidovre"]  # the same rows, the same layout
    assert len(own) == 29  # 11 goals of the 2013 revision; the 2020 plan's 16 goals, a row per target (two have two)
    langtid = next(r for r in own if r["goal_id"] == "langtidsledige")
    assert (langtid["year"], langtid["status"], langtid["target"], langtid["state"]) == ("2013", "369", "368", "not_met")
    # Høje-Taastrup's minutes have no goals: its file is the header alone
    assert files["data/hoeje-taastrup/maal.csv"].decode() == opendata._header(opendata.GOAL_FIELDS)


def test_every_column_has_a_danish_name_and_the_codes_their_danish_meaning():
    for _, fields, _ in opendata.FILES.values():
        for name, _ in fields:
            assert opendata.LABELS[name] and opendata.LABELS[name] != name
    assert opendata.LABELS["goal_id"] == "Målets id" and opendata.LABELS["state"] == "Resultat"
    assert opendata.CODES["state"]["not_met"] == "ikke opfyldt" and opendata.CODES["direction"]["at_most"] == "højst"


def test_the_json_files_carry_the_dictionary_and_the_licence(files):
    head = json.loads(gzip.decompress(files["data/maal.json.gz"]))
    assert head["license"] == "CC-BY-4.0" and head["schema_version"] == opendata.SCHEMA_VERSION
    assert head["fields"][3] == {
        "name": "goal_id",
        "label": "Målets id",
        "description": "målets id, det samme i plan og revision",
    }
    assert head["codes"]["state"]["no_target"] == "målt, uden mål"
    assert len(head["rows"]) == 29  # Hvidovre's 29; Høje-Taastrup has none
    jobcentres = json.loads(files["data/jobcentre.json"])
    assert jobcentres["codes"] == {} and jobcentres["fields"][0]["label"] == "Jobcentrets id"


def test_the_data_page_states_the_licences_and_the_danish_names(data_page):
    words = text(data_page)
    assert "Creative Commons Navngivelse 4.0 International (CC BY 4.0)" in words and "MIT-licensen" in words
    assert 'href="https://creativecommons.org/licenses/by/4.0/deed.da"' in data_page
    t = tables(data_page)
    maal = next(rows for rows in t.values() if rows[0] == ["Kolonne", "Dansk navn", "Betydning"] and rows[4][0] == "goal_id")
    assert maal[4][:2] == ["goal_id", "Målets id"]
    codes = next(rows for rows in t.values() if rows[0] == ["Kolonne og kode", "Betydning"])
    assert ["state: not_met", "ikke opfyldt"] in codes and ["direction: at_least", "mindst"] in codes
    per_jobcentre = next(rows for rows in t.values() if rows[0] == ["Jobcenter", "Mål (CSV)"])
    assert per_jobcentre[1][0] == "Jobcenter Hvidovre" and per_jobcentre[1][1].startswith("hvidovre/maal.csv (")
    assert 'href="hvidovre/maal.csv" download' in data_page
