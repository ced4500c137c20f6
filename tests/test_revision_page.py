"""The built Hvidovre resultatrevision 2013 page shows the seed's numbers and the computed results."""

import csv
import io
import json
import re
from pathlib import Path

import altair
import jsonschema
import pytest

from htmltools import chart_points, chart_specs, page, tables, text

URL = "hvidovre/2013/resultatrevision"


@pytest.fixture(scope="module")
def html(built_site):
    return page(built_site, URL)


def test_computed_changes_and_attainment_are_on_the_page(html):
    t = text(html)
    assert "fald på 59,3 pct." in t  # førtidspension 231 -> 94
    assert "fald på 10,7 pct." in t  # langtidsledige 413 -> 369
    assert "fald på 21,4 pct." in t  # 4B 196 -> 154
    assert "4 ud af 7 mål er opfyldt" in t
    assert "Ikke opfyldt: 369 personer mod et mål på højst 368 personer" in t


def test_goal_tables_hold_baseline_status_and_target(html):
    tbl = tables(html)
    fp = tbl["tabel-maal-foertidspension"]
    assert fp[0][:4] == ["Mål 2", "Nulpunkt dec. 2011", "Status dec. 2013", "Mål dec. 2013"]
    assert fp[1][1:] == [
        "231 personer",
        "94 personer fald på 59,3 pct. (fald på 137 personer)",
        "højst 60 personer (fald på 74,0 pct.)",
        "ikke opfyldt",
    ]
    g4 = tbl["tabel-maal-virksomhedssamarbejde"]
    rows = {r[0].split(".")[0]: r for r in g4[1:-1]}
    assert set(rows) == {"4A", "4B", "4C", "4D", "4E", "4F", "4G"}
    assert rows["4B"][1:] == [
        "196 virksomheder",
        "Okt. 2013: 154 virksomheder fald på 21,4 pct. (fald på 42 virksomheder)",
        "mindst 229 virksomheder (stigning på 16,8 pct.)",
        "ikke opfyldt",
    ]
    assert rows["4G"][2:] == ["Afholdt 26. marts 2014", "", "ikke opfyldt"]
    assert [r[-1] for r in g4[1:-1]].count("opfyldt") == 4
    assert g4[-1] == ["4 ud af 7 mål er opfyldt."]


def test_disagreement_with_the_document_is_shown(html):
    t = text(html)
    assert "Dokumentet skriver (1.4 Konklusion), at målet er opfyldt, men tallene viser, at det er ikke opfyldt." in t


def test_table_4_forsoergelsesgrupper_has_every_row(html):
    rows = tables(html)["tabel-forsoergelsesgrupper"]
    assert rows[0] == [
        "Forsørgelsesgrupper",
        "Periode",
        "Niveau, antal",
        "Udvikling ift. måneden før, pct.",
        "Udvikling ift. samme måned året før, pct.",
        "Bedste udvikling i klyngen ift. året før, pct.",
        "Gennemsnitlig udvikling i klyngen ift. året før, pct.",
    ]
    body = rows[1:]
    assert len(body) == 20
    assert body[0] == ["Forsørgede i alt (sum af alle fuldtidspersoner nedenfor)", "", "5.585", "-1", "-6", "-6", "-5"]
    assert body[1] == ["Jobklar - fuldtidspersoner", "", "1.603", "-3", "-15", "-15", "-15"]
    assert body[2] == ["A-dagpenge", "dec. 2013", "876", "0", "-18", "-24", "-21"]
    assert ["Førtidspension - fuldtidspersoner", "dec. 2013", "1.920", "0", "-4", "-4", "-3"] in body
    assert body[-1] == ["Ukendt match – fuldtidspersoner", "", "52", "40", "-1", "-49", "-23"]


def test_sum_rows_of_table_4_add_up(dataset):
    """The document's group totals equal the sum of their rows; 'I alt' is the sum of all groups."""
    doc = next(d for d in dataset.documents if d.kind == "resultatrevision")
    df = doc.table("forsoergelsesgrupper").frame
    sums = df[df["sum"] == "ja"].set_index("gruppe")["niveau"]
    parts = df[df["sum"] != "ja"].groupby("gruppe")["niveau"].sum()
    for group in ("Jobklar", "Indsatsklar", "Midlertidigt passive"):
        assert abs(sums[group] - parts[group]) <= 1  # the document rounds full-time persons
    assert abs(sums.drop("I alt").sum() - sums["I alt"]) <= 1


def test_table_5_besparelsespotentiale(html):
    rows = tables(html)["tabel-besparelsespotentiale"]
    assert rows[1] == ["A-dagpenge", "2,79", "3,37", "-198", "-22,5"]
    assert rows[-1] == ["I alt", "16,86", "17,60", "0", "0,0"]
    assert len(rows) == 6


def test_charts_are_valid_vega_lite(html):
    schema_path = Path(altair.__file__).parent / "vegalite/v6/schema/vega-lite-schema.json"
    schema = json.loads(schema_path.read_text())
    specs = chart_specs(html)
    assert len(specs) >= 4
    titles = [s["description"] for s in specs]
    assert "Tilgang til førtidspension (ministermål), rullende år" in titles
    assert "Antal langtidsledige (ministermål)" in titles
    validator = jsonschema.Draft7Validator(schema)
    for spec in specs:
        errors = list(validator.iter_errors(spec))
        assert not errors, (spec["description"], errors[0].message)


def test_chart_data_and_target_lines_come_from_the_data(html):
    specs = {s["description"]: s for s in chart_specs(html)}
    lt = specs["Antal langtidsledige (ministermål)"]
    assert {"x": "2013-12-01", "serie": "Klyngen (gennemsnit)", "værdi": 482} in chart_points(lt)
    assert lt["datasets"]["maal"] == [{"værdi": 368, "label": "Mål dec. 2013: 368"}]
    unge = specs["Antal personer under 30 år på offentlige forsørgelsesydelser"]
    hv = sorted((r["x"], r["værdi"]) for r in chart_points(unge) if r["serie"] == "Hvidovre")
    assert hv == [("2011-12-01", 1048.0), ("2012-12-01", 1085.0), ("2013-12-01", 1007.0)]


def test_chart_data_are_written_short(html):
    """Whole numbers without '.0', no series order where nothing stacks, and each point folded
    (its series' name as the key of its value): the data of every chart is written into the
    page, a point at a time."""
    points = [r for spec in chart_specs(html) for ds in spec["datasets"].values() for r in ds]
    assert points and not any("orden" in r or "serie" in r for r in points)
    assert '{"x":"2013-12-01","Klyngen (gennemsnit)":482}' in html
    assert '"værdi":368,"label":"Mål dec. 2013: 368"' in html
    assert not re.search(r'"værdi":-?\d+\.0[,}]', html)


def test_chart_runtime_is_self_hosted(built_site, html):
    assert (built_site / "assets/javascripts/vega-bundle.js").stat().st_size > 500_000
    assert "cdn.jsdelivr" not in html and "unpkg.com" not in html
    assert "fonts.googleapis" not in html


def test_fallback_svg_and_csv_exist_for_each_figure(built_site, html):
    folder = built_site / URL
    for n in range(1, len(chart_specs(html)) + 1):
        assert (folder / f"figur-{n}.svg").read_text().lstrip().startswith("<svg")
        assert (folder / f"figur-{n}.csv").is_file()
    assert (folder / "figur-1.csv").read_text().splitlines()[:2] == ["periode,hvidovre,klynge", "2011-12,1048,1233"]


def _number(cell: str) -> float:
    """A number as the page shows it ('5.585', '-22,5') as a float."""
    return float(cell.replace(".", "").replace(",", "."))


def test_each_table_shown_as_a_table_has_its_own_csv_linked_under_it(built_site, html):
    """The revision's tables (not charted) each have a CSV beside the page, in the table's shape
    (its data's column keys, one row per row of the table), linked under the table as a figure's
    CSV is under the figure; its rows and numbers are the page's. No long tal.csv per document."""
    folder = built_site / URL
    assert not (folder / "tal.csv").exists()
    shown = tables(html)
    for ident, number in (("forsoergelsesgrupper", 4), ("besparelsespotentiale", 5)):
        link = (
            f'<p class="jc-figure__links" data-pagefind-ignore>Hent tabel {number}: <a href="tabel-{ident}.csv" download>'
            f'tallene (CSV)</a> · <a href="#tabel-{ident}">link til tabellen</a></p>'
        )
        table_html = html.split(f'id="tabel-{ident}"', 1)[1].split("</table>", 1)[1]
        assert table_html.lstrip().startswith("</div>\n" + link)  # right under the table
        rows = list(csv.DictReader(io.StringIO((folder / f"tabel-{ident}.csv").read_text(encoding="utf-8"))))
        page_rows = shown[f"tabel-{ident}"]
        assert len(rows) == len(page_rows) - 1
        label_key = next(iter(rows[0]))
        if ident == "forsoergelsesgrupper":
            label_key = "forsoergelsesgruppe"  # 'gruppe' is a column the page does not show
        numbers = [k for k in rows[0] if k not in ("gruppe", "forsoergelsesgruppe", "forsoergelsesydelse", "periode", "sum")]
        for row, cells in zip(rows, page_rows[1:]):
            assert row[label_key] == cells[0]
            assert [float(row[k]) for k in numbers] == [_number(c) for c in cells[-len(numbers) :]]
    # the seed's figures, exactly
    groups = (folder / "tabel-forsoergelsesgrupper.csv").read_text(encoding="utf-8").splitlines()
    assert (
        groups[0] == "gruppe,forsoergelsesgruppe,periode,niveau,udv_maaned_pct,udv_aar_pct,klynge_bedste_pct,klynge_gns_pct,sum"
    )
    assert groups[1] == "I alt,Forsørgede i alt (sum af alle fuldtidspersoner nedenfor),,5585,-1,-6,-6,-5,ja"
    assert groups[3] == "Jobklar,A-dagpenge,Dec 2013,876,0,-18,-24,-21,"
    assert len(groups) == 21
    saving = (folder / "tabel-besparelsespotentiale.csv").read_text(encoding="utf-8").splitlines()
    assert saving[1] == "A-dagpenge,2.79,3.37,-198,-22.5,"
    assert saving[-1] == "I alt,16.86,17.6,0,0,ja"
    assert not (folder / "tabel-forsoergelsesgrupper.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # no BOM, as the figures'


def test_site_speaks_danish(built_site, html):
    assert '<html lang="da"' in html
    assert '"da"' in (built_site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8")  # the search's language


def test_text_refers_to_tables_by_their_number_on_the_page(html):
    assert 'fremgår af <a href="#tabel-forsoergelsesgrupper">tabel 4</a>' in html
    assert 'id="tabel-forsoergelsesgrupper"' in html and "<caption>Tabel 4: " in html
    assert 'fremgår af <a href="#tabel-besparelsespotentiale">tabel 5</a>' in html
