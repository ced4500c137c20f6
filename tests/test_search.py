"""Danish search that stays light: table rows and chart data are kept out of the index."""
import json


def index(site):
    return json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))


def test_search_is_danish(built_site):
    config = index(built_site)["config"]
    assert config["lang"] == ["da"]


def test_table_rows_and_chart_data_stay_out_of_the_index(built_site):
    docs = index(built_site)["docs"]
    text = " ".join(d["title"] + " " + d["text"] for d in docs)
    assert "5.585" not in text  # a value only found in Tabel 4's rows
    assert '"værdi"' not in text and "$schema" not in text and "vega-lite" not in text  # chart JSON
    assert "Tabel 4: Resultatoversigt – Forsørgelsesgrupper, Hvidovre" in text  # the caption stays findable
    assert "Færre på førtidspension" in text  # goal titles and texts stay findable
    assert "langtidsledige" in text


def test_document_pages_are_indexed_by_heading_without_their_prose(built_site):
    docs = index(built_site)["docs"]
    fp = next(d for d in docs if d["location"] == "hvidovre/2013/resultatrevision/#foertidspension")
    assert fp["title"] == "Mål 2: Færre på førtidspension"
    assert fp["text"].startswith("Tilgangen af personer til førtidspension skal begrænses") and "Ikke opfyldt" in fp["text"]
    text = " ".join(d["text"] for d in docs if d["location"].startswith("hvidovre/"))
    assert "Stigningen kan have en sammenhæng" not in text  # a goal's explanation: long prose stays out
    page = next(d for d in docs if d["location"] == "hvidovre/2020/beskaeftigelsesplan/")
    assert page["title"] == "Beskæftigelsesplan 2020 – Jobcenter Hvidovre"
