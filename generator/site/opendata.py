"""Open data: every goal with its computed result, and every table cell, as CSV and JSON.

The layout is stable: columns are only ever added at the end, never renamed or removed.
FILES documents each file for the site's data page; SCHEMA_VERSION changes when a column does.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from dataclasses import dataclass

from generator.data.kinds.plan import Plan, PlanGoal
from generator.data.kinds.revision import FollowUp, Goal, Range, Revision, StartEnd
from generator.data.loader import Dataset, Document
from generator.data.models import Span
from generator.results import goals as compute
from generator.views.goals import follow_up_rows
from generator.views.page import Context, Page, PageBuilder
from generator.views.tables import csv_cell, open_number

# 2: columns added at the end (issue 17: rank, whole status periods, follow-up, text figures);
# 3: a document's own tal.csv without the columns its place and its page state;
# 4: no tal.csv per document: each table's own CSV beside its page instead (figur-N.csv, tabel-ID.csv)
SCHEMA_VERSION = 4
DATA_PAGE = "data"

GOAL_FIELDS = [
    ("jobcentre", "jobcentrets slug (se jobcentre.csv)"),
    ("year", "året, dokumentet handler om"),
    ("document", "dokumentets navn, fx resultatrevision"),
    ("goal_id", "målets id, det samme i plan og revision"),
    ("parent_id", "id på det mål, delmålet hører under (tom for hovedmål)"),
    ("label", "dokumentets betegnelse, fx 'Mål 3' eller '4B'"),
    ("title", "målets titel"),
    ("type", "ministermål eller lokalt mål; tom, når dokumentet ikke siger det"),
    ("direction", "at_most, at_least, exactly eller qualitative; tom for et mål, der er målt uden mål"),
    ("unit", "enhed"),
    ("baseline", "nulpunkt"),
    ("baseline_period", "nulpunktets måned (ÅÅÅÅ-MM)"),
    ("status", "status (den værdi, der sammenlignes med målet)"),
    ("status_period", "statussens måned (ÅÅÅÅ-MM)"),
    ("target", "mål"),
    ("target_period", "målets måned (ÅÅÅÅ-MM)"),
    ("change_abs", "beregnet: status minus nulpunkt"),
    ("change_pct", "beregnet: ændring i pct. af nulpunktet"),
    ("state", "beregnet: met, not_met, partly, not_measured eller no_target (målt, uden mål)"),
    ("met_count", "beregnet, for mål med delmål: antal opfyldte delmål"),
    ("subgoal_count", "beregnet, for mål med delmål: antal målte delmål"),
    ("url", "sidens adresse på sitet, med anker til målet"),
    ("target_label", "i planer: hvad måltallet gælder, fx 'uddannelsesparate unge' (én række pr. måltal)"),
    ("rank_position", "jobcentrets placering, som dokumentet angiver den (fx 3 i 'nr. 3 af 6')"),
    ("rank_of", "antal, placeringen er blandt (fx 6)"),
    ("rank_among", "hvem placeringen er blandt, fx 'klyngen'"),
    ("status_period_kind", "statussens periode: month (en måned), range (flere måneder) eller year (et helt år)"),
    ("status_period_start", "statusperiodens første måned (ÅÅÅÅ-MM)"),
    ("status_period_end", "statusperiodens sidste måned (ÅÅÅÅ-MM)"),
    ("status_start", "status givet som start og slut: startværdien"),
    ("status_end", "status givet som start og slut: slutværdien"),
    ("status_min", "status givet som interval: mindste værdi"),
    ("status_max", "status givet som interval: største værdi"),
    ("status_mean", "status givet som interval: gennemsnittet"),
    ("part", "tom for årets mål; follow_up for tal fra afsnittet 'seneste udvikling' (efter året, tælles ikke med)"),
]

CELL_FIELDS = [
    ("jobcentre", "jobcentrets slug"),
    ("year", "året, dokumentet handler om"),
    ("document", "dokumentets navn"),
    ("table_id", "tabellens id i dokumentet (tom for et tal fra dokumentets tekst)"),
    ("table_title", "tabellens titel"),
    ("row", "rækkens nummer i tabellen, fra 1"),
    (
        "row_label",
        "rækkens tekstkolonner adskilt af ' | ' (eller måneden som ÅÅÅÅ-MM, hvis rækken kun har den; "
        "for et tal fra teksten: hvad det måler)",
    ),
    ("column", "kolonnens nøgle (for et tal fra teksten: tallets id)"),
    ("column_label", "kolonnens overskrift"),
    ("unit", "enhed"),
    ("value", "værdien (tal med punktum som decimaltegn)"),
    ("provenance", "table: fra en tabel; text: aflæst af dokumentets tekst"),
    ("period", "rækkens måned (ÅÅÅÅ-MM), hvis tabellen har en månedskolonne"),
    ("period_start", "for tal fra teksten: periodens første måned (ÅÅÅÅ-MM)"),
    ("period_end", "for tal fra teksten: periodens sidste måned (ÅÅÅÅ-MM)"),
]

JOBCENTRE_FIELDS = [
    ("slug", "jobcentrets slug"),
    ("name", "navn"),
    ("municipalities", "kommuner, adskilt af semikolon"),
    ("region", "region"),
    ("cluster", "klynge, hvor den kendes"),
]


# The data dictionary in Danish, beside the stable machine names: each column's Danish name, and
# the codes some columns hold with their Danish meaning. Shown on the data page and written into
# the JSON files' head ("fields": name, label, description; "codes").
LABELS = {
    "jobcentre": "Jobcenter",
    "year": "År",
    "document": "Dokument",
    "goal_id": "Målets id",
    "parent_id": "Hovedmålets id",
    "label": "Betegnelse",
    "title": "Titel",
    "type": "Måltype",
    "direction": "Retning",
    "unit": "Enhed",
    "baseline": "Nulpunkt",
    "baseline_period": "Nulpunktets måned",
    "status": "Status",
    "status_period": "Statussens måned",
    "target": "Mål",
    "target_period": "Målets måned",
    "change_abs": "Ændring",
    "change_pct": "Ændring i pct.",
    "state": "Resultat",
    "met_count": "Opfyldte delmål",
    "subgoal_count": "Målte delmål",
    "url": "Adresse",
    "target_label": "Måltallet gælder",
    "rank_position": "Placering",
    "rank_of": "Placering ud af",
    "rank_among": "Placering blandt",
    "status_period_kind": "Statusperiodens art",
    "status_period_start": "Statusperiodens første måned",
    "status_period_end": "Statusperiodens sidste måned",
    "status_start": "Status, start",
    "status_end": "Status, slut",
    "status_min": "Status, mindst",
    "status_max": "Status, størst",
    "status_mean": "Status, gennemsnit",
    "part": "Del",
    "table_id": "Tabellens id",
    "table_title": "Tabellens titel",
    "row": "Række",
    "row_label": "Rækkens navn",
    "column": "Kolonne",
    "column_label": "Kolonnens overskrift",
    "value": "Værdi",
    "provenance": "Oprindelse",
    "period": "Måned",
    "period_start": "Periodens første måned",
    "period_end": "Periodens sidste måned",
    "slug": "Jobcentrets id",
    "name": "Navn",
    "municipalities": "Kommuner",
    "region": "Region",
    "cluster": "Klynge",
}
CODES = {
    "direction": {"at_most": "højst", "at_least": "mindst", "exactly": "præcis", "qualitative": "kvalitativt mål (uden tal)"},
    "state": {**compute.STATE_WORDS},
    "part": {"follow_up": "seneste udvikling (efter året, tælles ikke med)"},
    "provenance": {"table": "fra en tabel", "text": "aflæst af dokumentets tekst"},
    "status_period_kind": {"month": "en måned", "range": "flere måneder", "year": "et helt år"},
}
LICENSE = "CC-BY-4.0"  # the open data's licence (docs/om-data.md#licens); the code's is MIT (LICENSE)
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/deed.da"


def _month(d) -> str:
    return d.strftime("%Y-%m") if d else ""


def _span_fields(span: Span | None, status) -> dict:
    """A status' period and values, whole: kind, first and last month, start/end or min/max/mean."""
    start, end, kind = (span.start, span.end, span.kind) if span else (None, None, "")
    if isinstance(status, StartEnd) and span is None:
        start, end, kind = status.start_period, status.end_period, "range"
    return {
        "status_period_kind": kind if status is not None else "",
        "status_period_start": _month(start) if status is not None else "",
        "status_period_end": _month(end) if status is not None else "",
        "status_start": open_number(status.start) if isinstance(status, StartEnd) else None,
        "status_end": open_number(status.end) if isinstance(status, StartEnd) else None,
        "status_min": open_number(status.min) if isinstance(status, Range) else None,
        "status_max": open_number(status.max) if isinstance(status, Range) else None,
        "status_mean": open_number(status.mean) if isinstance(status, Range) else None,
    }


def doc_url(doc: Document) -> str:
    return f"{doc.jobcentre}/{doc.year}/{doc.slug}/"


def goal_rows(dataset: Dataset) -> list[dict]:
    rows = []

    def add(doc: Document, goal: Goal, parent: str | None):
        o = compute.outcome(goal)
        m = doc.model
        span = goal.status_period or getattr(m, "status_period", None)
        rows.append(
            {
                "jobcentre": doc.jobcentre,
                "year": doc.year,
                "document": doc.slug,
                "goal_id": goal.id,
                "parent_id": parent or "",
                "label": goal.label,
                "title": goal.title or "",
                "type": goal.type or "",
                "direction": "" if o.state == "no_target" and goal.direction == "qualitative" else goal.direction,
                "unit": goal.unit or "",
                "baseline": open_number(goal.baseline),
                "baseline_period": _month(goal.baseline_period or getattr(m, "baseline_period", None))
                if goal.baseline is not None
                else "",
                "status": open_number(compute.compared_value(goal)),
                "status_period": _month(span.end if span else None) if goal.status is not None else "",
                "target": open_number(goal.target),
                "target_period": _month(goal.target_period or getattr(m, "target_period", None))
                if goal.target is not None
                else "",
                "change_abs": open_number(o.change_abs),
                "change_pct": None if o.change_pct is None else round(o.change_pct, 2),
                "state": o.state,
                "met_count": o.met_count,
                "subgoal_count": o.total,
                "url": f"{doc_url(doc)}#{goal.id}",
                "target_label": "",
                "rank_position": goal.rank.position if goal.rank else None,
                "rank_of": goal.rank.of if goal.rank else None,
                "rank_among": goal.rank.among if goal.rank else "",
                # a start-and-end status without a period of its own keeps its own two months
                **_span_fields(goal.status_period or (None if isinstance(goal.status, StartEnd) else span), goal.status),
                "part": "",
            }
        )
        for sub in goal.subgoals:
            add(doc, sub, goal.id)

    def add_follow_up(doc: Document, revision: Revision, f: FollowUp):
        """The follow-up's figures ('seneste udvikling'): part follow_up, each against its own target."""
        for r in follow_up_rows(revision):
            g = r.goal
            rows.append(
                {
                    "jobcentre": doc.jobcentre,
                    "year": doc.year,
                    "document": doc.slug,
                    "goal_id": g.id,
                    "parent_id": "",
                    "label": g.label,
                    "title": g.title or "",
                    "type": g.type or "",
                    "direction": g.direction if r.figure.target is not None and g.direction != "qualitative" else "",
                    "unit": g.unit or "",
                    "baseline": None,
                    "baseline_period": "",
                    "status": open_number(r.figure.status),
                    "status_period": _month(f.period.end),
                    "target": open_number(r.figure.target),
                    "target_period": _month(f.period.end) if r.figure.target is not None else "",
                    "change_abs": None,
                    "change_pct": None,
                    "state": r.state,
                    "met_count": None,
                    "subgoal_count": None,
                    "url": f"{doc_url(doc)}#seneste-udvikling",
                    "target_label": "",
                    "rank_position": None,
                    "rank_of": None,
                    "rank_among": "",
                    **_span_fields(f.period, r.figure.status),
                    "part": "follow_up",
                }
            )

    def add_plan_goal(doc: Document, area, goal: PlanGoal):
        base = {
            "jobcentre": doc.jobcentre,
            "year": doc.year,
            "document": doc.slug,
            "goal_id": goal.id,
            "parent_id": "",
            "label": "",
            "title": goal.title or "",
            "type": "lokalt mål",
            "direction": "qualitative",
            "unit": "",
            "baseline": None,
            "baseline_period": "",
            "status": None,
            "status_period": "",
            "target": None,
            "target_period": "",
            "change_abs": None,
            "change_pct": None,
            "state": "",
            "met_count": None,
            "subgoal_count": None,
            "url": f"{doc_url(doc)}#{goal.id}",
            "target_label": "",
            "rank_position": None,
            "rank_of": None,
            "rank_among": "",
            **_span_fields(None, None),
            "part": "",
        }
        if not goal.targets:
            rows.append(base)
        for t in goal.targets:
            rows.append(
                {
                    **base,
                    "direction": t.direction,
                    "unit": t.unit or "",
                    "target": open_number(t.value),
                    "target_period": _month(t.deadline) if t.deadline else f"{doc.year}-12",
                    "target_label": t.label,
                }
            )

    for doc in dataset.documents:
        if isinstance(doc.model, Plan):
            for area in doc.model.focus_areas:
                for goal in area.goals:
                    add_plan_goal(doc, area, goal)
        for goal in getattr(doc.model, "goals", []) or []:
            if isinstance(goal, Goal):
                add(doc, goal, None)
        if isinstance(doc.model, Revision) and doc.model.follow_up:
            add_follow_up(doc, doc.model, doc.model.follow_up)
    return rows


def cell_rows(dataset: Dataset) -> list[dict]:
    rows = []
    for doc in dataset.documents:
        for table in doc.model.tables:
            df = table.frame
            if df is None:
                continue
            texts = [c.key for c in table.columns if c.type == "text" and c.key != table.emphasis_column]
            period = next((c.key for c in table.columns if c.type == "period"), None)
            for i, rec in enumerate(table.records, start=1):
                month = _month(rec[period]) if period and rec[period] is not None else ""
                label = " | ".join(str(rec[k]) for k in texts if rec[k] not in (None, "")) or month
                for col in table.columns:
                    if col.type != "number":
                        continue
                    rows.append(
                        {
                            "jobcentre": doc.jobcentre,
                            "year": doc.year,
                            "document": doc.slug,
                            "table_id": table.id,
                            "table_title": table.title,
                            "row": i,
                            "row_label": label,
                            "column": col.key,
                            "column_label": col.label,
                            "unit": col.unit or "",
                            "value": open_number(rec[col.key]),
                            "provenance": table.provenance,
                            "period": month,
                            "period_start": "",
                            "period_end": "",
                        }
                    )
        rows.extend(text_fact_rows(doc))
    return rows


def text_fact_rows(doc: Document) -> list[dict]:
    """The figures a document's running text states (text_facts): provenance text, no table."""
    return [
        {
            "jobcentre": doc.jobcentre,
            "year": doc.year,
            "document": doc.slug,
            "table_id": "",
            "table_title": "",
            "row": None,
            "row_label": f.measures,
            "column": f.id,
            "column_label": f.measures,
            "unit": f.unit or "",
            "value": open_number(f.value),
            "provenance": "text",
            "period": _month(f.period.month) if f.period and f.period.month else "",
            "period_start": _month(f.period.start) if f.period else "",
            "period_end": _month(f.period.end) if f.period else "",
        }
        for f in doc.model.text_facts
    ]


def jobcentre_rows(dataset: Dataset) -> list[dict]:
    return [
        {
            "slug": j.slug,
            "name": j.name,
            "municipalities": ";".join(j.municipalities),
            "region": j.region,
            "cluster": j.cluster or "",
        }
        for j in dataset.registry.jobcentres
    ]


def to_csv(rows: list[dict], fields: list[tuple[str, str]]) -> str:
    """The rows as CSV with the fields' columns, in their order (a row's other keys left out)."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow([f for f, _ in fields])
    for r in rows:
        w.writerow(["" if r[f] is None else csv_cell(r[f]) for f, _ in fields])
    return out.getvalue()


def _json_rows(rows: list[dict]) -> str:
    # Compact, with the C encoder (indent makes json fall back to pure Python, much slower).
    return ",".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in rows)


def _json_head(name: str, fields: list[tuple[str, str]]) -> str:
    head = {
        "name": name,
        "schema_version": SCHEMA_VERSION,
        "license": LICENSE,
        "fields": [{"name": f, "label": LABELS[f], "description": d} for f, d in fields],
        "codes": {f: CODES[f] for f, _ in fields if f in CODES},
    }
    return json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1] + ',"rows":['


def to_json(rows: list[dict], name: str, fields: list[tuple[str, str]]) -> str:
    return _json_head(name, fields) + _json_rows(rows) + "]}"


FILES = {
    "maal": ("Alle mål med nulpunkt, status, mål og det beregnede resultat", GOAL_FIELDS, goal_rows),
    "tal": ("Alle tal i dokumenternes tabeller og serier, én værdi pr. række", CELL_FIELDS, cell_rows),
    "jobcentre": ("Registret over jobcentre", JOBCENTRE_FIELDS, jobcentre_rows),
}
PER_DOCUMENT = ("maal", "tal")  # the site-wide files made of each document's own rows (Part)
# A document's own rows published beside its page, as CSV: its goals. Its tables' numbers are
# there too, each table as its own CSV in the table's shape (figur-N.csv, tabel-ID.csv: made by
# the page, views/page.py); the long layout of every cell is in the site-wide tal.csv.gz only.
OWN_FILES = ("maal",)


# The site-wide files that are published gzip-compressed: uncompressed, at national scale, they
# would be a third of GitHub Pages' 1 GB for the site and too big to open in a browser
# (bench/README.md gives their sizes).
COMPRESSED = ("maal", "tal")


@dataclass
class Part:
    """One document's rows of one site-wide file, without header or brackets, each as a gzip
    member of its own: CSV lines and JSON objects. A site-wide file is its header's member and
    the documents' members one after the other (a gzip file may be several members; every
    reader takes them as one stream), so it is made again without compressing anything, and a
    document's members are kept in the build's cache with its page."""

    csv_gz: bytes
    json_gz: bytes
    rows: int


def _gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def _header(fields: list[tuple[str, str]]) -> str:
    return ",".join(f for f, _ in fields) + "\n"


def document_files(doc: Document, dataset: Dataset) -> tuple[dict[str, bytes], dict[str, Part]]:
    """The document's own open-data files beside its page (OWN_FILES: maal.csv, with only a
    header when empty), as UTF-8 bytes; and the document's parts of the site-wide files."""
    one = Dataset(root=dataset.root, registry=dataset.registry, documents=[doc])
    folder = doc_url(doc).rstrip("/")
    files, parts = {}, {}
    for name in PER_DOCUMENT:
        _, fields, rows_of = FILES[name]
        rows = rows_of(one)
        site_wide = to_csv(rows, fields).encode()
        if name in OWN_FILES:
            files[f"{folder}/{name}.csv"] = site_wide
        parts[name] = Part(
            csv_gz=_gz(site_wide[len(_header(fields).encode()) :]), json_gz=_gz(_json_rows(rows).encode()), rows=len(rows)
        )
    return files, parts


PER_JOBCENTRE = ("maal",)  # published plain, per jobcentre: data/<jobcentre>/maal.csv (see data_page)


class SiteWide:
    """The site-wide files made of every document's parts (maal, tal), in the dataset's order,
    and the plain per-jobcentre CSVs (PER_JOBCENTRE) made of the same parts."""

    def __init__(self, folder: str = "data"):
        self.folder = folder
        self.counts = {name: 0 for name in PER_DOCUMENT}
        self.by_jobcentre: dict[str, dict[str, list[bytes]]] = {}  # jobcentre -> name -> CSV members
        self.members: dict[str, list[bytes]] = {}
        for name in PER_DOCUMENT:
            _, fields, _ = FILES[name]
            self.members[f"{name}.csv"] = [_gz(_header(fields).encode())]
            self.members[f"{name}.json"] = [_gz(_json_head(name, fields).encode())]

    def add(self, parts: dict[str, Part], jobcentre: str | None = None) -> None:
        """One document's parts (of the jobcentre's, when given); documents in the dataset's order."""
        for name, part in parts.items():
            if jobcentre is not None and name in PER_JOBCENTRE and part.rows:
                self.by_jobcentre.setdefault(jobcentre, {}).setdefault(name, []).append(part.csv_gz)
            self.members[f"{name}.csv"].append(part.csv_gz)
            if part.rows:
                json_members = self.members[f"{name}.json"]
                if self.counts[name]:
                    json_members.append(_COMMA)
                json_members.append(part.json_gz)
            self.counts[name] += part.rows

    def files(self) -> dict[str, bytes]:
        return {
            f"{self.folder}/{file}.gz": b"".join(members + ([_END] if file.endswith(".json") else []))
            for file, members in self.members.items()
        }

    def jobcentre_files(self, jobcentres: list[str]) -> dict[str, bytes]:
        """Each jobcentre's plain CSVs, data/<jobcentre>/<name>.csv: the header and its
        documents' rows (a header only when it has none), in the site-wide files' layout."""
        out = {}
        for slug in jobcentres:
            for name in PER_JOBCENTRE:
                _, fields, _ = FILES[name]
                rows = b"".join(gzip.decompress(m) for m in self.by_jobcentre.get(slug, {}).get(name, []))
                out[f"{self.folder}/{slug}/{name}.csv"] = _header(fields).encode() + rows
        return out


_COMMA, _END = _gz(b","), _gz(b"]}")


def files(dataset: Dataset, site_wide: SiteWide | None = None, folder: str = "data") -> tuple[dict[str, bytes], dict[str, int]]:
    """All open-data files of the site: path -> content, and the number of rows of each name.
    site_wide: every document's parts added already (by the document pages), or None."""
    if site_wide is None:
        site_wide = SiteWide(folder)
        for d in dataset.documents:
            site_wide.add(document_files(d, dataset)[1], d.jobcentre)
    out, counts = site_wide.files(), dict(site_wide.counts)
    out.update(site_wide.jobcentre_files([j.slug for j in dataset.registry.jobcentres]))
    for name, (_, fields, rows_of) in FILES.items():
        if name not in PER_DOCUMENT:
            rows = rows_of(dataset)
            counts[name] = len(rows)
            for ext, text in (("csv", to_csv(rows, fields)), ("json", to_json(rows, name, fields))):
                data = text.encode()
                out[f"{folder}/{name}.{ext}" + (".gz" if name in COMPRESSED else "")] = _gz(data) if name in COMPRESSED else data
    return out, counts


def data_page(ctx: Context, dataset: Dataset, site_wide: SiteWide | None = None) -> Page:
    b = PageBuilder(ctx, dataset, folder=DATA_PAGE)
    all_files, counts = files(dataset, site_wide, folder=DATA_PAGE)
    b.assets.update(all_files)
    entries = []
    for name, (description, fields, _) in FILES.items():
        names = [f"{name}.{ext}" + (".gz" if name in COMPRESSED else "") for ext in ("csv", "json")]
        entries.append(
            {
                "name": name,
                "description": description,
                "fields": [(f, LABELS[f], d) for f, d in fields],
                "codes": [(f, CODES[f]) for f, _ in fields if f in CODES],
                "rows": counts[name],
                "files": [(n, len(all_files[f"{DATA_PAGE}/{n}"])) for n in names],
            }
        )
    jobcentres = [
        (j, [(f"{j.slug}/{name}.csv", len(all_files[f"{DATA_PAGE}/{j.slug}/{name}.csv"])) for name in PER_JOBCENTRE])
        for j in sorted(dataset.registry.jobcentres, key=lambda j: j.name)
    ]
    return b.render(
        "data.html.j2",
        "Åbne data",
        "Alle mål, resultater og tal fra jobcentrenes dokumenter som CSV og JSON",
        entries=entries,
        jobcentres=jobcentres,
        schema_version=SCHEMA_VERSION,
        license_url=LICENSE_URL,
    )
