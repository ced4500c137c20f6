"""Synthetic data at national scale: N jobcentres x Y years of plans, revisions and letters.

    python bench/synth.py OUT [--scale 98x20] [--first-year 2007] [--seed 7]

writes OUT/data/ (a complete data tree that passes `python -m generator validate --data
OUT/data`) and OUT/mkdocs.yml, which builds the real docs/ pages with the synthetic data:

    mkdocs build -f OUT/mkdocs.yml

The shape and size follow the real documents in data/: a revision has 4-8 goals (one with
sub-goals), baseline/status/target, a 24-month series with jobcentre and cluster columns per
measured goal, a forsørgelsesgrupper table (20 rows) and a besparelsespotentiale table; a plan
has 5 focus areas with ~15 goals, fact boxes and minister goals; a feedback letter (tilbagemelding)
answers each revision. Committee minutes (referat) are still to come (see KINDS). Texts are Danish-looking
sentences of realistic length. Everything is drawn from a seeded random generator, so the same
arguments always write the same bytes.

Each document kind is one function in KINDS (kind -> writer). A writer gets the jobcentre, the
year and a random generator and returns {relative path: text} for the document's folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent

# The 98 municipalities by region; beyond 98, numbered ones are made up.
REGIONS = {
    "Hovedstaden": "Albertslund Allerød Ballerup Bornholm Brøndby Dragør Egedal Fredensborg Frederiksberg "
    "Frederikssund Furesø Gentofte Gladsaxe Glostrup Gribskov Halsnæs Helsingør Herlev Hillerød "
    "Hvidovre Høje-Taastrup Hørsholm Ishøj København Lyngby-Taarbæk Rudersdal Rødovre Tårnby Vallensbæk",
    "Sjælland": "Faxe Greve Guldborgsund Holbæk Kalundborg Køge Lejre Lolland Næstved Odsherred Ringsted Roskilde "
    "Slagelse Solrød Sorø Stevns Vordingborg",
    "Syddanmark": "Assens Billund Esbjerg Fanø Fredericia Faaborg-Midtfyn Haderslev Kerteminde Kolding Langeland "
    "Middelfart Nordfyns Nyborg Odense Svendborg Sønderborg Tønder Varde Vejen Vejle Ærø Aabenraa",
    "Midtjylland": "Favrskov Hedensted Herning Holstebro Horsens Ikast-Brande Lemvig Norddjurs Odder Randers "
    "Ringkøbing-Skjern Samsø Silkeborg Skanderborg Skive Struer Syddjurs Viborg Aarhus",
    "Nordjylland": "Brønderslev Frederikshavn Hjørring Jammerbugt Læsø Mariagerfjord Morsø Rebild Thisted Vesthimmerland Aalborg",
}
CLUSTERS = 8

WORDS = (
    "jobcentret indsatsen ledige borgere virksomheder udviklingen niveauet klyngen gennemsnittet "
    "målgruppen forløb samtaler uddannelse beskæftigelse tilgangen afgangen perioden året måneden "
    "sygedagpenge kontanthjælp a-dagpenge fleksjob ressourceforløb praktik løntilskud mentor "
    "opfølgning sagsbehandlere konsulenter samarbejdet kommunen regionen arbejdsmarkedet"
).split()
VERBS = "viser falder stiger ligger følger understøtter styrker fastholder øger begrænser".split()
LINKS = "og men samtidig desuden derfor dog især".split()

GOAL_TOPICS = [
    ("langtidsledige", "Langtidsledighed begrænses", "personer", "at_most"),
    ("foertidspension", "Færre på førtidspension", "personer", "at_most"),
    ("unge-i-uddannelse", "Flere unge i uddannelse", "pct.", "at_least"),
    ("sygedagpenge", "Kortere sygedagpengeforløb", "forløb", "at_most"),
    ("arbejdssteder", "Flere virksomheder med praktik og løntilskud", "arbejdssteder", "at_least"),
    ("flygtninge", "Flere flygtninge i job", "pct.", "at_least"),
    ("handicap", "Flere med handicap i job", "personer", "at_least"),
    ("kontanthjaelp", "Færre på kontanthjælp", "fuldtidspersoner", "at_most"),
]
SUBGOALS = ["virksomhedscentre", "kampagner", "rotationsprojekter", "voksenlaerlinge", "mentorforloeb"]
GROUPS = [
    ("Jobklar", ["A-dagpenge", "Kontanthjælp", "Uddannelseshjælp", "Revalidering", "Sygedagpenge"]),
    ("Indsatsklar", ["Kontanthjælp", "Uddannelseshjælp", "Sygedagpenge", "Revalidering", "Ledighedsydelse", "Ressourceforløb"]),
    ("Midlertidigt passive", ["Kontanthjælp", "Uddannelseshjælp", "Sygedagpenge", "Ledighedsydelse", "Ressourceforløb"]),
]
AREAS = ["Unge", "Langtidsforsørgede", "Virksomhedsindsats", "Integration", "Handicap", "Sygefravær", "Ledige"]


@dataclass
class JC:
    slug: str
    short: str  # the municipality's name, fx 'Hvidovre'
    region: str
    cluster: str

    @property
    def name(self) -> str:
        return f"Jobcenter {self.short}"


def slugify(name: str) -> str:
    out = name.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return "".join(ch if ch.isalnum() else "-" for ch in out).strip("-")


def jobcentres(n: int) -> list[JC]:
    names = [(short, region) for region, text in REGIONS.items() for short in text.split()]
    names += [(f"Syntetisk {i}", "Hovedstaden") for i in range(len(names) + 1, n + 1)]
    return [
        JC(slug=slugify(short), short=short, region=region, cluster=f"Klynge {i % CLUSTERS + 1}")
        for i, (short, region) in enumerate(names[:n])
    ]


# --------------------------------------------------------------------------- text


def sentence(rng: random.Random, words: int = 14) -> str:
    w = [rng.choice(WORDS) for _ in range(words)]
    w.insert(2, rng.choice(VERBS))
    w.insert(words // 2 + 1, rng.choice(LINKS))
    return " ".join(w).capitalize() + "."


def paragraph(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(sentence(rng, rng.randint(10, 18)) for _ in range(sentences))


def text(rng: random.Random, paragraphs: int = 2) -> str:
    return "\n\n".join(paragraph(rng, rng.randint(3, 5)) for _ in range(paragraphs)) + "\n"


def months(year: int, n: int = 24) -> list[str]:
    """n months ending in December of year."""
    start = year * 12 + 12 - n  # months since year 0, zero-based
    return [f"{m // 12}-{m % 12 + 1:02d}" for m in range(start, start + n)]


def csv_text(header: list[str], rows: list[list]) -> str:
    def cell(v):
        if v is None:
            return ""
        s = str(v)
        return f'"{s}"' if "," in s else s

    return "\n".join(",".join(cell(v) for v in row) for row in [header, *rows]) + "\n"


def dump(data: dict, comment: str) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: the national tree in seconds, not minutes
    return f"# {comment}\n" + yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)


# --------------------------------------------------------------------------- revision


def _series(rng: random.Random, jc: JC, year: int, level: float, trend: float) -> tuple[str, list[float]]:
    """A 24-month series for the jobcentre and its cluster, and the jobcentre's values."""
    own: list[float] = []
    cluster: list[float] = []
    for i, _ in enumerate(months(year)):
        own.append(round(level * (1 + trend * i / 24) * rng.uniform(0.95, 1.05)))
        cluster.append(round(level * 1.1 * (1 + trend * i / 30) * rng.uniform(0.97, 1.03)))
    rows = [[m, o, c] for m, o, c in zip(months(year), own, cluster)]
    return csv_text(["periode", jc.slug, "klynge"], rows), own


def _goal(rng: random.Random, jc: JC, year: int, n: int, topic, files: dict, tables: list) -> dict:
    ident, title, unit, direction = topic
    level = rng.randint(40, 1500) if unit != "pct." else rng.randint(10, 60)
    trend = rng.uniform(-0.3, 0.2)
    csv, own = _series(rng, jc, year, level, trend)
    baseline, status = own[0], own[-1]
    target = round(baseline * (0.9 if direction == "at_most" else 1.1))
    files[f"serier/{ident}.csv"] = csv
    tables.append(
        {
            "id": ident,
            "title": f"{title}: {jc.short} og klyngen",
            "file": f"serier/{ident}.csv",
            "columns": [
                {"key": "periode", "label": "Måned", "type": "period"},
                {"key": jc.slug, "label": jc.short, "unit": unit},
                {"key": "klynge", "label": "Klyngen (gennemsnit)", "unit": unit},
            ],
            "chart": {
                "kind": "line",
                "x": "periode",
                "y": [jc.slug, "klynge"],
                "y_title": unit.capitalize(),
                "target": target,
                "target_label": f"Mål dec. {year}",
            },
        }
    )
    change = (status - baseline) / baseline * 100 if baseline else 0
    goal = {
        "id": ident,
        "label": f"Mål {n}",
        "title": title,
        "type": "ministermål" if n <= 3 else "lokalt mål",
        "text": f"{title} til {target} {unit} i december {year}. " + sentence(rng),
        "direction": direction,
        "unit": unit,
        "baseline": baseline,
        "status": status,
        "target": target,
        "claims": [
            {"where": f"Tabel {n}", "quote": f"Ændring på {change:.1f} pct.".replace(".", ",", 1), "change_pct": round(change, 1)}
        ],
        "assessment": text(rng, 1),
        "explanation": text(rng, 2),
        "charts": [ident],
    }
    if rng.random() < 0.3:
        peers = rng.sample(range(1, 99), 5)
        goal["comparisons"] = [{"name": f"Jobcenter {p}", "value": round(rng.uniform(2, 15), 1)} for p in peers]
        goal["comparison_unit"] = "pct."
    return goal


def _subgoal_goal(rng: random.Random, n: int) -> dict:
    subs = []
    for i, ident in enumerate(rng.sample(SUBGOALS, rng.randint(3, 5))):
        target = rng.randint(3, 60)
        subs.append(
            {
                "id": ident,
                "label": f"{n}{'ABCDEFG'[i]}",
                "text": sentence(rng),
                "direction": "at_least",
                "unit": "antal",
                "status": target + rng.randint(-5, 5),
                "target": target,
                "assessment": paragraph(rng, 2),
            }
        )
    return {
        "id": "virksomhedssamarbejde",
        "label": f"Mål {n}",
        "title": "Styrket samarbejde med virksomheder",
        "type": "lokalt mål",
        "text": "Jobcentret vil:",
        "subgoals": subs,
    }


def _forsoergelsesgrupper(rng: random.Random, jc: JC, year: int) -> str:
    rows = []
    total = rng.randint(2000, 20000)
    rows.append(
        [
            "I alt",
            "Forsørgede i alt",
            "",
            total,
            rng.randint(-3, 3),
            rng.randint(-10, 10),
            rng.randint(-15, 0),
            rng.randint(-10, 5),
            "ja",
        ]
    )
    for group, benefits in GROUPS:
        rows.append(
            [
                group,
                f"{group} - fuldtidspersoner",
                "",
                total // 3,
                rng.randint(-3, 3),
                rng.randint(-10, 10),
                rng.randint(-15, 0),
                rng.randint(-10, 5),
                "ja",
            ]
        )
        for b in benefits:
            rows.append(
                [
                    group,
                    b,
                    f"Dec {year}",
                    rng.randint(5, total // 8),
                    rng.randint(-9, 9),
                    rng.randint(-30, 30),
                    rng.randint(-30, 0),
                    rng.randint(-15, 15),
                    "",
                ]
            )
    header = [
        "gruppe",
        "forsoergelsesgruppe",
        "periode",
        "niveau",
        "udv_maaned_pct",
        "udv_aar_pct",
        "klynge_bedste_pct",
        "klynge_gns_pct",
        "sum",
    ]
    return csv_text(header, rows[:20])


FORSOERGELSE_COLUMNS = [
    {"key": "gruppe", "label": "Gruppe", "type": "text", "show": False},
    {"key": "forsoergelsesgruppe", "label": "Forsørgelsesgrupper", "type": "text"},
    {"key": "periode", "label": "Periode", "type": "text"},
    {"key": "niveau", "label": "Niveau, antal", "unit": "fuldtidspersoner"},
    {"key": "udv_maaned_pct", "label": "Udvikling ift. måneden før, pct.", "unit": "pct."},
    {"key": "udv_aar_pct", "label": "Udvikling ift. samme måned året før, pct.", "unit": "pct."},
    {"key": "klynge_bedste_pct", "label": "Bedste udvikling i klyngen ift. året før, pct.", "unit": "pct."},
    {"key": "klynge_gns_pct", "label": "Gennemsnitlig udvikling i klyngen ift. året før, pct.", "unit": "pct."},
    {"key": "sum", "label": "Sumrække", "type": "text", "show": False},
]


def _besparelse(rng: random.Random) -> str:
    rows: list[list[Any]] = [
        [
            name,
            round(rng.uniform(1, 8), 2),
            round(rng.uniform(1, 8), 2),
            rng.randint(-200, 200),
            round(rng.uniform(-25, 25), 1),
            "",
        ]
        for name in [
            "A-dagpenge",
            "Kontanthjælp (inkl. revalidering, forrevalidering)",
            "Sygedagpenge",
            "Permanente ydelser (ledighedsydelse, fleksjob og førtidspension)",
        ]
    ]
    rows.append(
        [
            "I alt",
            round(sum(r[1] for r in rows), 2),
            round(sum(r[2] for r in rows), 2),
            sum(r[3] for r in rows),
            round(sum(r[4] for r in rows), 1),
            "ja",
        ]
    )
    return csv_text(["forsoergelsesydelse", "andel_pct", "forudsagt_pct", "reduktion", "besparelse_mio_kr", "sum"], rows)


def revision(jc: JC, year: int, rng: random.Random) -> dict[str, str]:
    files: dict[str, str] = {}
    tables: list[dict] = []
    topics = rng.sample(GOAL_TOPICS, rng.randint(3, 7))
    goals = [_goal(rng, jc, year, n, t, files, tables) for n, t in enumerate(topics, start=1)]
    goals.append(_subgoal_goal(rng, len(goals) + 1))
    files["tabeller/forsoergelsesgrupper.csv"] = _forsoergelsesgrupper(rng, jc, year)
    files["tabeller/besparelsespotentiale.csv"] = _besparelse(rng)
    tables += [
        {
            "id": "forsoergelsesgrupper",
            "title": f"Resultatoversigt – Forsørgelsesgrupper, {jc.short}",
            "file": "tabeller/forsoergelsesgrupper.csv",
            "emphasis_column": "sum",
            "columns": FORSOERGELSE_COLUMNS,
        },
        {
            "id": "besparelsespotentiale",
            "title": f"Besparelsespotentiale, {jc.name}, {year}",
            "file": "tabeller/besparelsespotentiale.csv",
            "emphasis_column": "sum",
            "columns": [
                {"key": "forsoergelsesydelse", "label": "Forsørgelsesydelse", "type": "text"},
                {"key": "andel_pct", "label": "Fuldtidspersoner i pct. af befolkningen", "unit": "pct.", "decimals": 2},
                {"key": "forudsagt_pct", "label": "Forudsagte fuldtidspersoner i pct.", "unit": "pct.", "decimals": 2},
                {"key": "reduktion", "label": "Potentiel reduktion", "unit": "fuldtidspersoner"},
                {"key": "besparelse_mio_kr", "label": "Besparelsespotentiale (mio. kr.)", "unit": "mio. kr.", "decimals": 1},
                {"key": "sum", "label": "Sumrække", "type": "text", "show": False},
            ],
        },
    ]
    doc = {
        "jobcentre": jc.slug,
        "year": year,
        "title": f"Resultatrevision {year}",
        "source_document": f"{jc.slug}-resultatrevision-{year}.pdf",
        "sources": [{"name": "jobindsats.dk", "url": "https://www.jobindsats.dk"}],
        "updated": f"{year + 1}-03-01",
        "baseline_period": f"{year - 1}-01",
        "status_period": f"{year}-12",
        "target_period": f"{year}-12",
        "intro": text(rng, 3),
        "notes": [{"text": paragraph(rng, 2)}],
        "goals_heading": "Jobcentrets resultater ift. målene",
        "goals": goals,
        "tables": tables,
        "sections": [
            {
                "number": "2",
                "heading": "Jobcentrets forsørgelsesgrupper",
                "body": "Forsørgelsesgrupperne fremgår af {ref:forsoergelsesgrupper}.\n\n" + text(rng, 3),
                "tables": ["forsoergelsesgrupper"],
            },
            {
                "number": "3",
                "heading": "Besparelsespotentiale",
                "body": "Besparelsespotentialet fremgår af {ref:besparelsespotentiale}.\n\n" + text(rng, 4),
                "tables": ["besparelsespotentiale"],
            },
            {"number": "4", "heading": "Opsamling og vurdering af indsats", "body": text(rng, 3)},
        ],
    }
    files["resultatrevision.yaml"] = dump(doc, f"Syntetisk resultatrevision {year} for {jc.name}")
    return files


# --------------------------------------------------------------------------- plan


def plan(jc: JC, year: int, rng: random.Random) -> dict[str, str]:
    revision_goals = [t[0] for t in GOAL_TOPICS]  # plan goals share ids with the revision's goals
    areas = []
    goal_no = 0
    for a, title in enumerate(rng.sample(AREAS, 5), start=1):
        goals = []
        for _ in range(rng.randint(2, 4)):
            goal_no += 1
            ident = revision_goals[goal_no - 1] if goal_no <= len(revision_goals) else f"maal-{goal_no}"
            goal: dict[str, Any] = {"id": ident, "text": paragraph(rng, 1)}
            if rng.random() < 0.3:
                goal["title"] = f"Måltal {goal_no}"
                goal["targets"] = [
                    {"label": "uddannelsesparate unge", "direction": "at_least", "value": rng.randint(10, 80), "unit": "pct."},
                    {"label": "aktivitetsparate unge", "direction": "at_least", "value": rng.randint(10, 80), "unit": "pct."},
                ]
            goals.append(goal)
        areas.append(
            {
                "id": slugify(title),
                "number": str(a),
                "title": title,
                "lead": paragraph(rng, 2),
                "body": text(rng, 3),
                "minister_goals": [rng.choice(["arbejdskraft", "flygtninge", "handicap"])],
                "objectives": [sentence(rng) for _ in range(rng.randint(2, 3))],
                "goals": goals,
            }
        )
    population = rng.randint(2000, 600000)
    doc = {
        "jobcentre": jc.slug,
        "year": year,
        "title": f"Beskæftigelsesplan {year}",
        "source_document": f"{jc.slug}-beskaeftigelsesplan-{year}.pdf",
        "updated": f"{year}-01-15",
        "lead": paragraph(rng, 2),
        "legal_frame": {
            "text": "Ifølge Lov om organisering og understøttelse af beskæftigelsesindsatsen gælder:",
            "requirements": [sentence(rng) for _ in range(3)],
        },
        "intro": text(rng, 2),
        "process_intro": "Processen bestod af fire trin:",
        "process": [sentence(rng) for _ in range(4)],
        "focus_areas_intro": f"Udvalget udpegede fem pejlemærker for {year}:",
        "focus_areas_text": text(rng, 2),
        "minister_goals": [
            {"id": "arbejdskraft", "number": "1", "text": "Virksomhederne skal sikres kvalificeret arbejdskraft."},
            {"id": "flygtninge", "number": "2", "text": "Flere flygtninge skal være selvforsørgende."},
            {"id": "handicap", "number": "3", "text": "Flere personer med handicap skal i beskæftigelse."},
        ],
        "facts": [
            {
                "id": "befolkning",
                "heading": f"Fakta om befolkning i {jc.short}",
                "chart_unit": "personer",
                "chart_title": f"Befolkningen i {jc.short}",
                "source": "Danmarks Statistik",
                "facts": [
                    {"text": "{} indbyggere", "value": population},
                    {
                        "text": "{} er i den arbejdsdygtige alder",
                        "value": round(population * 0.64),
                        "chart_label": "Arbejdsdygtig alder",
                    },
                    {"text": "{} er i arbejdsstyrken", "value": round(population * 0.5), "chart_label": "Arbejdsstyrken"},
                    {"text": "{} er beskæftigede", "value": round(population * 0.48), "chart_label": "Beskæftigede"},
                    {"text": "Bruttoledigheden er {}", "value": round(rng.uniform(2, 7), 1), "unit": "pct."},
                ],
            },
            {
                "id": "virksomheder",
                "heading": f"Virksomheder i {jc.short}",
                "chart_unit": "virksomheder",
                "facts": [
                    {"text": "{} store virksomheder", "value": rng.randint(1, 50), "chart_label": "Over 250 ansatte"},
                    {"text": "{} mellemstore virksomheder", "value": rng.randint(50, 900), "chart_label": "10-249 ansatte"},
                    {"text": "{} små virksomheder", "value": rng.randint(500, 9000), "chart_label": "Under 10 ansatte"},
                ],
            },
        ],
        "objectives_heading": "Udvalgets målsætninger",
        "goals_heading": "Mål",
        "focus_areas": areas,
        "sections": [{"heading": "Læsevejledning", "body": text(rng, 1)}],
    }
    return {"beskaeftigelsesplan.yaml": dump(doc, f"Syntetisk beskæftigelsesplan {year} for {jc.name}")}


# --------------------------------------------------------------------------- letter


def letter(jc: JC, year: int, rng: random.Random) -> dict[str, str]:
    """The regional authority's feedback on the revision: text only, no charts."""
    region = f"Beskæftigelsesregion {jc.region}"
    doc = {
        "jobcentre": jc.slug,
        "year": year,
        "title": f"Beskæftigelsesregionens tilbagemelding på resultatrevision {year}",
        "source_document": f"{jc.slug}-tilbagemelding-{year}.pdf",
        "updated": f"{year + 1}-06-01",
        "answers": "resultatrevision",
        "date": f"{year + 1}-05-{rng.randint(1, 28):02d}",
        "reference": f"{year + 1}-{rng.randint(1000000, 9999999):07d}",
        "sender": {"name": region, "address": ["Ny Østergade 7", "4000 Roskilde"]},
        "recipient": {"name": f"{jc.short} Kommune", "attention": "Jobcenterchefen"},
        "body": [paragraph(rng, rng.randint(3, 5)) for _ in range(rng.randint(4, 7))],
        "signature": {"closing": "Med venlig hilsen", "name": "Regionsdirektøren"},
    }
    return {"tilbagemelding.yaml": dump(doc, f"Syntetisk tilbagemelding {year} for {jc.name}")}


# --------------------------------------------------------------------------- kinds

# One writer per document kind, in the order they are written.
# TODO(referat): add a writer for committee minutes (kind 'referat': several a year, named
#   'referat-YYYY-MM-DD.yaml', with wide monthly series tables and charts; see
#   generator/skeletons/referat.yaml and data/hoeje-taastrup/2013/), e.g. 4 meetings a year,
#   each with 1-2 series of 24 months like _series() and a chart. A writer returns
#   {relative path: text}, so one writer can write several minutes.
KINDS = {
    "beskaeftigelsesplan": plan,
    "resultatrevision": revision,
    "tilbagemelding": letter,
}


# --------------------------------------------------------------------------- tree


def registry(jcs: list[JC]) -> str:
    data = {
        "jobcentres": [
            {"slug": j.slug, "name": j.name, "municipalities": [f"{j.short} Kommune"], "region": j.region, "cluster": j.cluster}
            for j in jcs
        ]
    }
    return dump(data, "Syntetisk register over jobcentre (bench/synth.py)")


def _env_tag(loader, node):
    """!ENV [NAME, default] in mkdocs.yml: keep the default."""
    seq = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    return seq[-1]


def site_config(project: Path = ROOT) -> str:
    """A config that inherits the project's mkdocs.yml but reads data/ beside itself.

    MkDocs' INHERIT replaces lists, so the plugins are copied from the parent with the
    jobcentres plugin's data_dir changed."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", _env_tag)
    parent = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    plugins = []
    for p in parent.get("plugins", []):
        name, options = (p, {}) if isinstance(p, str) else next(iter(p.items()))
        if name == "jobcentres":
            options = {**(options or {}), "data_dir": "data"}
        plugins.append({name: options} if options else name)
    config = {
        "INHERIT": str(project / "mkdocs.yml"),
        "docs_dir": str(project / "docs"),
        "site_dir": "site",
        "theme": {"custom_dir": str(project / "overrides")},
        "plugins": plugins,
    }
    return "# Builds the project's docs/ with the synthetic data beside this file (bench/synth.py)\n" + yaml.safe_dump(
        config, allow_unicode=True, sort_keys=False
    )


def write_tree(out: Path, n: int, years: int, first_year: int = 2007, seed: int = 7) -> dict[str, int]:
    """Write out/data and out/mkdocs.yml; returns counts of files and documents."""
    data = out / "data"
    if data.exists():
        shutil.rmtree(data)
    data.mkdir(parents=True)
    jcs = jobcentres(n)
    (data / "jobcentres.yaml").write_text(registry(jcs), encoding="utf-8")
    counts = {"documents": 0, "files": 1}
    for jc in jcs:
        for year in range(first_year, first_year + years):
            folder = data / jc.slug / str(year)
            for kind, writer in KINDS.items():
                rng = random.Random(f"{seed}/{jc.slug}/{year}/{kind}")
                for rel, content in writer(jc, year, rng).items():
                    path = folder / rel
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(content, encoding="utf-8")
                    counts["files"] += 1
                counts["documents"] += 1
    (out / "mkdocs.yml").write_text(site_config(), encoding="utf-8")
    return counts


def parse_scale(text: str) -> tuple[int, int]:
    n, _, y = text.lower().partition("x")
    return int(n), int(y or 1)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out", type=Path, help="folder to write data/ and mkdocs.yml into (not the project's data/)")
    p.add_argument("--scale", default="98x20", help="JOBCENTRES x YEARS (default 98x20)")
    p.add_argument("--first-year", type=int, default=2007)
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args(argv)
    out = args.out.resolve()
    if out / "data" == ROOT / "data" or ROOT / "data" in [out, *out.parents]:
        print(f"error: {out} is or holds the project's own data/; choose a folder elsewhere", file=sys.stderr)
        return 2
    n, years = parse_scale(args.scale)
    started = dt.datetime.now()
    counts = write_tree(out, n, years, args.first_year, args.seed)
    secs = (dt.datetime.now() - started).total_seconds()
    print(
        f"wrote {counts['documents']} documents in {counts['files']} files for {n} jobcentres x {years} years "
        f"into {out / 'data'} ({secs:.1f} s); build with: mkdocs build -f {out / 'mkdocs.yml'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
