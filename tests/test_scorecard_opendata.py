"""Scorecard counts equal the computed attainment; open-data files round-trip to the same numbers."""

import csv
import gzip
import io
import json
import re

import pytest

from generator.results import goals as compute
from generator.site import opendata, scorecard
from generator.views import charts
from htmltools import chart_points, chart_specs, page, tables


def test_scorecard_counts_equal_computed_attainment(dataset, built_site):
    docs = scorecard.goal_documents(dataset)
    per_jobcentre = {}
    for slug in dataset.jobcentres:
        own = [d for d in docs if d.jobcentre == slug]
        html = page(built_site, f"maalopfyldelse/{slug}")
        if not own:
            assert "Der er endnu ingen resultatrevisioner" in html
            per_jobcentre[dataset.jobcentres[slug].name] = ["–"] * 4  # nothing counted, not 0 of 0
            continue
        rows = tables(html)["tabel-maalopfyldelse"]
        header, body = rows[0], rows[1:]
        assert len(body) == len(own)
        for doc, row in zip(own, body):
            states = [compute.outcome(g).state for g in doc.model.goals]
            cells = dict(zip(header, row))
            assert int(cells["Opfyldt"]) == states.count("met")
            assert int(cells["Delvist opfyldt"]) == states.count("partly")
            assert int(cells["Ikke opfyldt"]) == states.count("not_met")
            assert int(cells["Ikke målt"]) == states.count("not_measured")
        per_jobcentre[dataset.jobcentres[slug].name] = [
            str(sum(int(dict(zip(header, r))[h]) for r in body))
            for h in ("Opfyldt", "Delvist opfyldt", "Ikke opfyldt", "Ikke målt")
        ]
    # Hvidovre 2013 by hand from the seed: goal 1 not measured, 2 and 3 not met, 4 partly (4 of 7)
    rows = tables(page(built_site, "maalopfyldelse/hvidovre"))["tabel-maalopfyldelse"]
    hv = dict(zip(rows[0], next(r for r in rows[1:] if r[0] == "2013")))  # the year heads its row
    assert (hv["Opfyldt"], hv["Delvist opfyldt"], hv["Ikke opfyldt"], hv["Ikke målt"]) == ("0", "1", "2", "1")
    # the overview sums each jobcentre's rows
    overview = tables(page(built_site, "maalopfyldelse"))["tabel-maalopfyldelse"]
    for row in overview[1:-1]:
        cells = dict(zip(overview[0], row))
        assert [cells[h] for h in ("Opfyldt", "Delvist opfyldt", "Ikke opfyldt", "Ikke målt")] == per_jobcentre[row[0]]
    assert dict(zip(overview[0], overview[2]))["Opfyldt af målte"] == "–"  # Høje-Taastrup: no revision
    assert overview[2][:3] == ["Jobcenter Høje-Taastrup", "0", "–"]
    # one revision on the site: said in the singular
    assert "<caption>Tabel 1: Målopfyldelse pr. jobcenter, alle år (1 resultatrevision)</caption>" in page(
        built_site, "maalopfyldelse"
    )


def test_scorecard_has_a_chart_and_a_cluster_comparison(built_site):
    stacked = chart_specs(page(built_site, "maalopfyldelse"))[0]  # goals by result per year
    assert stacked["layer"][0]["encoding"]["order"] == {"field": "orden", "type": "quantitative", "sort": "descending"}
    points = stacked["datasets"][charts.POINTS]
    assert {(p["serie"], p["orden"]) for p in points} == {
        ("Opfyldt", 0),
        ("Delvist opfyldt", 1),
        ("Ikke opfyldt", 2),
        ("Ikke målt", 3),
    }
    html = page(built_site, "maalopfyldelse/hvidovre")
    specs = {s["description"]: s for s in chart_specs(html)}
    cluster = specs["Hvidovre i forhold til klyngen (klyngens gennemsnit = 100)"]
    values = {r["x"]: r["værdi"] for r in chart_points(cluster)}
    # latest month with both: unge 1007/1222, langtidsledige 369/482, arbejdssteder 154/227 (okt. 2013)
    assert values == {
        "Antal personer under 30 år på offentlige forsørgelsesydelser": round(1007 / 1222 * 100, 1),
        "Antal langtidsledige (ministermål)": round(369 / 482 * 100, 1),
        "Antal arbejdssteder med virksomhedsrettet indsats (ministermål)": round(154 / 227 * 100, 1),
    }


def test_ministermaal_table_lists_every_revision_ministermaal(dataset, built_site):
    rows = [
        r
        for slug in dataset.jobcentres
        for r in tables(page(built_site, f"maalopfyldelse/{slug}")).get("tabel-ministermaal", [[]])[1:]
    ]
    expected = sum(1 for d in scorecard.goal_documents(dataset) for g in d.model.goals if g.type == "ministermål")
    assert len(rows) == expected
    fp = next(r for r in rows if r[0] == "Færre på førtidspension")
    assert fp[2:] == [
        "231 personer",
        "94 personer fald på 59,3 pct. (fald på 137 personer)",
        "højst 60 personer (fald på 74,0 pct.)",
        "ikke opfyldt",
    ]


@pytest.fixture(scope="module")
def open_files(built_site):
    out = {p.name: p.read_text(encoding="utf-8") for p in (built_site / "data").iterdir() if p.is_file() and p.suffix != ".gz"}
    for p in (built_site / "data").glob("*.gz"):  # the big cell files are published compressed
        out[p.name.removesuffix(".gz")] = gzip.decompress(p.read_bytes()).decode("utf-8")
    return out


def test_open_data_csv_and_json_hold_the_same_rows(open_files):
    for name in opendata.FILES:
        from_csv = list(csv.DictReader(io.StringIO(open_files[f"{name}.csv"])))
        payload = json.loads(open_files[f"{name}.json"])
        assert payload["schema_version"] == opendata.SCHEMA_VERSION
        assert [f["name"] for f in payload["fields"]] == list(from_csv[0].keys())
        assert len(payload["rows"]) == len(from_csv)
        for a, b in zip(from_csv, payload["rows"]):
            assert a == {k: "" if v is None else str(v) for k, v in b.items()}


def test_open_data_goals_round_trip_to_the_seed_numbers(open_files, dataset):
    rows = json.loads(open_files["maal.json"])["rows"]
    goals = {r["goal_id"]: r for r in rows if r["document"] == "resultatrevision"}
    fp = goals["foertidspension"]
    assert (fp["baseline"], fp["status"], fp["target"], fp["change_abs"], fp["state"]) == (231, 94, 60, -137, "not_met")
    assert round(fp["change_pct"], 1) == -59.3
    assert fp["baseline_period"] == "2011-12" and fp["status_period"] == "2013-12"
    assert goals["virksomheder-med-praktik-og-loentilskud"]["status_period"] == "2013-10"
    g4 = goals["virksomhedssamarbejde"]
    assert (g4["met_count"], g4["subgoal_count"], g4["state"]) == (4, 7, "partly")
    assert sum(1 for g in goals.values() if g["parent_id"] == "virksomhedssamarbejde") == 7
    # one row per revision goal and sub-goal; one per plan goal, or per target where it has several
    revision_goals = [g for d in dataset.documents if d.kind == "resultatrevision" for g in compute.walk_goals(d.model.goals)]
    assert len([r for r in rows if r["document"] == "resultatrevision"]) == len(revision_goals)
    plan_goals = [g for d in dataset.documents if d.kind == "beskaeftigelsesplan" for g in d.model.all_goals()]
    plan_rows = [r for r in rows if r["document"] == "beskaeftigelsesplan"]
    assert len(plan_rows) == sum(max(1, len(g.targets)) for g in plan_goals)
    targets = sorted((r["target_label"], r["direction"], r["target"]) for r in plan_rows if r["target"] is not None)
    assert ("uddannelsesparate unge", "at_least", 16) in targets and ("aktivitetsparate unge", "at_least", 20) in targets


def test_open_data_cells_round_trip_to_the_tables(open_files, dataset):
    cells = list(csv.DictReader(io.StringIO(open_files["tal.csv"])))
    t4 = [c for c in cells if c["table_id"] == "forsoergelsesgrupper" and c["column"] == "niveau"]
    assert len(t4) == 20
    assert {"row_label": "Jobklar | Jobklar - fuldtidspersoner", "value": "1603"}.items() <= next(
        c for c in t4 if c["row"] == "2"
    ).items()
    assert next(c for c in t4 if c["row"] == "3")["row_label"] == "Jobklar | A-dagpenge | Dec 2013"
    total = sum(
        float(c["value"])
        for c in cells
        if c["table_id"] == "besparelsespotentiale" and c["column"] == "besparelse_mio_kr" and c["row_label"] != "I alt"
    )
    assert round(total, 1) == -28.5  # the document: '28,5 mio. kroner under forventningen'
    unge = [(c["row_label"], c["value"]) for c in cells if c["table_id"] == "unge-under-30" and c["column"] == "klynge"]
    assert unge == [("2011-12", "1233"), ("2012-12", "1270"), ("2013-12", "1222")]
    # every numeric cell of every table in data/ is there
    n = sum(
        int(t.frame[c.key].notna().sum()) + int(t.frame[c.key].isna().sum())
        for d in dataset.documents
        for t in d.model.tables
        for c in t.columns
        if c.type == "number"
    )
    assert len(cells) == n


def test_each_document_page_links_its_own_data(built_site, open_files):
    folder = built_site / "hvidovre/2013/resultatrevision"
    html = (folder / "index.html").read_text()
    assert 'href="maal.csv"' in html and (folder / "maal.csv").is_file()
    for name in ("maal.json", "tal.json"):  # the site-wide JSON has the same rows; no twin per document
        assert f'href="{name}"' not in html and not (folder / name).exists()
    own = list(csv.DictReader(io.StringIO((folder / "maal.csv").read_text())))
    assert {r["jobcentre"] for r in own} == {"hvidovre"} and len(own) == 11
    # the document's rows are the site-wide files' rows of the document, in both formats
    site_wide = [
        r
        for r in csv.DictReader(io.StringIO(open_files["maal.csv"]))
        if (r["jobcentre"], r["year"], r["document"]) == ("hvidovre", "2013", "resultatrevision")
    ]
    assert own == site_wide
    rows = [r for r in json.loads(open_files["maal.json"])["rows"] if r["url"].startswith("hvidovre/2013/resultatrevision/")]
    assert [r["goal_id"] for r in rows] == [r["goal_id"] for r in own]
    # no long tal.csv per document (schema_version 4): each table's own CSV instead (figur-N.csv,
    # tabel-ID.csv, tests/test_revision_page.py), and the document's every cell in the site-wide file
    assert not (folder / "tal.csv").exists() and 'href="tal.csv"' not in html
    assert "tallene i hver tabel og figur som CSV under den" in html and 'href="../../../data/#tal"' in html
    cells = [
        r
        for r in csv.DictReader(io.StringIO(open_files["tal.csv"]))
        if (r["jobcentre"], r["year"], r["document"]) == ("hvidovre", "2013", "resultatrevision")
    ]
    assert len(cells) == 138
    assert {"table_title": "Antal personer under 30 år på offentlige forsørgelsesydelser", "value": "1048"}.items() <= cells[
        0
    ].items()
    # every table of the document is on the page with its own CSV: its caption names its title
    for title in {r["table_title"] for r in cells if r["provenance"] == "table"}:
        assert re.search(rf"<(fig)?caption>(Tabel|Figur) \d+: {re.escape(title)}[ <]", html), title


def test_every_table_of_every_document_has_its_own_csv_beside_the_page(dataset):
    """Each table in data/ is on its document's page either as a chart, with figur-N.csv, or as a
    table, with tabel-ID.csv: either way its full data (every column, hidden ones too, every row)
    in the figures' CSV dialect. The document's own open data is its goals (maal.csv) only."""
    from generator.site import build
    from generator.views import tables as views_tables

    ctx, seen = build.context(), 0
    for doc in dataset.documents:
        page = build.make_page(ctx, dataset, doc)
        folder = opendata.doc_url(doc).rstrip("/")
        own, _ = opendata.document_files(doc, dataset)
        assert sorted(own) == [f"{folder}/maal.csv"]
        for table in doc.model.tables:
            csvs = [path for path, text in page.assets.items() if path.endswith(".csv") and text == views_tables.csv_text(table)]
            assert len(csvs) == 1, (doc.path, table.id)
            name = csvs[0].rsplit("/", 1)[1]
            assert name == f"tabel-{table.id}.csv" or re.fullmatch(r"figur-\d+\.csv", name), name
            assert f'href="{name}" download' in page.content
            seen += 1
    assert seen == sum(len(d.model.tables) for d in dataset.documents) == 14


def test_site_wide_goal_and_cell_files_are_published_compressed(built_site):
    data = built_site / "data"
    assert sorted(p.name for p in data.iterdir() if p.is_file()) == [
        "index.html",
        "jobcentre.csv",
        "jobcentre.json",
        "maal.csv.gz",
        "maal.json.gz",
        "tal.csv.gz",
        "tal.json.gz",
    ]
    # and each jobcentre's goals, plain (tests/test_opendata_people.py)
    assert sorted(p.relative_to(data).as_posix() for p in data.glob("*/*")) == ["hoeje-taastrup/maal.csv", "hvidovre/maal.csv"]
    html = (data / "index.html").read_text(encoding="utf-8")
    assert "sine egne, ukomprimerede CSV-filer" in html and "JSON" not in html.split("sine egne", 1)[1].split("</p>", 1)[0]
    # the per-document files said: maal.csv, each table's own CSV, the text's figures site-wide only
    own = html.split('id="pr-dokument"', 1)[1]
    assert "<code>tabel-forsoergelsesgrupper.csv</code>" in own and "<code>figur-1.csv</code>" in own
    assert "fx <code>periode,hvidovre,klynge</code>" in own
    assert "Tal, der kun står i dokumentets tekst" in own and "<code>tal.csv.gz</code>" in own
    assert "tal.csv</code> pr. dokument" not in html.replace("ingen\n  <code>tal.csv</code> pr. dokument", "")
    assert "schema_version</code> (nu 4)" in html and opendata.SCHEMA_VERSION == 4
    for name in ("maal.csv.gz", "maal.json.gz", "tal.csv.gz", "tal.json.gz"):
        assert f'href="{name}"' in html
        assert f"{name}</a> ({(data / name).stat().st_size:,} byte)".replace(",", ".") in html
    rows = json.loads(gzip.decompress((data / "maal.json.gz").read_bytes()))["rows"]
    assert len(rows) == len(list(csv.DictReader(io.StringIO(gzip.decompress((data / "maal.csv.gz").read_bytes()).decode()))))


def test_csv_downloads_do_not_carry_spreadsheet_formulas():
    from generator.views.tables import csv_cell

    assert csv_cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert csv_cell("Hvidovre") == "Hvidovre"
    assert csv_cell(-5) == -5  # numbers stay numbers
    rows = [{"a": "=1+1", "b": -3}]
    assert opendata.to_csv(rows, [("a", ""), ("b", "")]) == "a,b\n'=1+1,-3\n"


def test_open_data_cells_of_wide_monthly_tables_keep_their_month(open_files):
    cells = list(csv.DictReader(io.StringIO(open_files["tal.csv"])))
    effekt = [c for c in cells if c["table_id"] == "effekt-leverandoer"]
    first = next(c for c in effekt if c["row_label"] == "Integro/For-forløb" and c["period"] == "2012-10")
    assert first["value"] == "37.7"  # the minutes' table: Integro/For-forløb, okt-12: 37,7
    assert len({c["period"] for c in effekt}) > 1
    tilbud = next(
        c
        for c in cells
        if c["table_id"] == "virksomhedsrettede-tilbud"
        and c["column"] == "4.kvt.2012"
        and c["row_label"] == "Match 1 - Kontanthjælpsmodtagere | Virksomhedspraktik"
    )
    assert tilbud["value"] == "31"  # 23% -> 31%
