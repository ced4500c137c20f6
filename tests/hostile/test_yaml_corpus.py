"""Hostile and careless YAML: every YAML file kind (each document kind and data/jobcentres.yaml)
with the message it must give, naming file, line and field. Many cases run again as a build, which
must stop with the same message and keep site/ and .cache/ as they were.

The line numbers are those of the seed files (data/ in the repository) after the case's edit.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from hostile.harness import Case, append, delete, put, run_case, sub, symlink

R = "data/hvidovre/2013/resultatrevision.yaml"
P = "data/hvidovre/2020/beskaeftigelsesplan.yaml"
L = "data/hvidovre/2012/tilbagemelding.yaml"
M = "data/hoeje-taastrup/2013/referat-2013-03-06.yaml"
J = "data/jobcentres.yaml"

HOEJE_TAASTRUP = "  - slug: hoeje-taastrup\n"
J_REGION = "    region: Hovedstaden\n    # Klyngen er ikke navngivet i de dokumenter, vi har;"


def recode(rel: str, encoding: str):
    """Save a file in another encoding (as an editor on Windows might)."""

    def edit(project: Path) -> None:
        path = project / rel
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))

    return edit


def crlf(rel: str):
    """Windows line endings."""

    def edit(project: Path) -> None:
        path = project / rel
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))

    return edit


def insert_bytes(rel: str, after: str, raw: bytes):
    def edit(project: Path) -> None:
        path = project / rel
        data = path.read_bytes()
        at = data.index(after.encode()) + len(after.encode())
        path.write_bytes(data[:at] + raw + data[at:])

    return edit


def rename(rel: str, new: str):
    def edit(project: Path) -> None:
        (project / rel).rename(project / new)

    return edit


def mkdir(rel: str):
    def edit(project: Path) -> None:
        (project / rel).mkdir(parents=True)

    return edit


def new_skeleton(kind: str, year: int, *extra: str):
    """What `python -m generator new` writes, left as written."""

    def edit(project: Path) -> None:
        from generator import cli

        assert cli.main(["new", "hvidovre", str(year), kind, "--data", str(project / "data"), *extra]) == 0

    return edit


ALIAS_BOMB = (
    "".join([f"l0: &l0 [{', '.join(['x'] * 9)}]\n"] + [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 12)])
    + "jobcentre: hvidovre\n"
)

REVISION_2020 = """jobcentre: hvidovre
year: 2020
title: Resultatrevision 2020
goals:
  - id: handicap
    label: Mål 1
    plan_goal: findes-ikke
"""

CASES = [
    # ------------------------------------------------------------------ syntax
    Case(
        "syntax-revision-open-bracket",
        [sub(R, "title: Resultatrevision 2013", "title: [Resultatrevision 2013")],
        f"{R}:9: YAML-fejl: en liste i [ ] er ikke lukket rigtigt",
    ),
    Case(
        "syntax-plan-tab-indent",
        [sub(P, "year: 2020", "\tyear: 2020")],
        f"{P}:10: YAML-fejl: linjen er rykket ind med tabulator; YAML kræver mellemrum",
    ),
    Case("syntax-letter-open-quote", [sub(L, 'cvr: "55568510"', 'cvr: "55568510')], f"{L}:21: YAML-fejl:"),
    Case(
        "syntax-minutes-indent",
        [sub(M, "    type: M\n", "   type: M\n")],
        f"{M}:30: YAML-fejl: indrykningen passer ikke med linjerne over",
    ),
    Case(
        "syntax-registry-open-bracket",
        [sub(J, "  - slug: hvidovre", "  - slug: [hvidovre")],
        f"{J}:5: YAML-fejl: en liste i [ ] er ikke lukket rigtigt",
    ),
    Case(
        "control-character-in-a-registry-name",  # vl-convert aborted the build on it in a chart's text
        [sub(J, "name: Jobcenter Hvidovre", 'name: "Jobcenter Hvi\\x11dovre"')],
        f"{J}:5: jobcentres[0].name: teksten har et usynligt styretegn ('\\x11'), som ikke kan vises",
    ),
    Case(
        "control-character-in-a-registry-name-build",  # the build stops with the message, no abort
        [sub(J, "name: Jobcenter Hvidovre", 'name: "Jobcenter Hvi\\x11dovre"')],
        f"{J}:5: jobcentres[0].name: teksten har et usynligt styretegn ('\\x11')",
        command="build",
        isolated=True,
    ),
    Case(
        "control-character-in-a-revision-title",
        [sub(R, "title: Resultatrevision 2013", 'title: "Resultatrevision\\x00 2013"')],
        f"{R}:8: title: teksten har et usynligt styretegn ('\\x00')",
    ),
    Case(
        "syntax-python-tag-never-runs",
        [sub(R, "title: Resultatrevision 2013", "title: !!python/object/apply:os.system [echo pwned]")],
        f"{R}:8: YAML-fejl: et YAML-mærke (som !!python/…) kan ikke bruges i datafiler; slet mærket",
        secret=("pwned\n",),
    ),
    Case(
        "syntax-unhashable-key",
        [sub(R, "year: 2013\n", "year: 2013\n? [a, b]\n: c\n")],
        f"{R}:8: YAML-fejl: et feltnavn, der er en liste eller en mapping; et feltnavn skal være tekst",
    ),
    Case(
        "syntax-nesting-too-deep",
        [sub(R, "title: Resultatrevision 2013", "title: " + "[" * 20000 + "]" * 20000)],
        f"{R}:8: YAML-fejl: for mange lag af [ ] eller {{ }} inde i hinanden",
    ),
    # ------------------------------------------------------------------ wrong types
    Case(
        "type-revision-baseline-word",
        [sub(R, "    baseline: 231\n", "    baseline: mange\n")],
        f"{R}:80: goals[1].baseline: her skal stå et tal, men der står 'mange'",
    ),
    Case(
        "type-revision-year-word", [sub(R, "year: 2013", "year: tyve")], f"{R}:7: year: her skal stå et tal, men der står 'tyve'"
    ),
    Case(
        "type-revision-target-bool",
        [sub(R, "    target: 60\n", "    target: true\n")],
        f"{R}:82: goals[1].target: her skal stå et tal, men der står true",
    ),
    Case(
        "type-revision-status-list",
        [sub(R, "    status: 94\n", "    status: [94]\n")],
        f"{R}:81: goals[1].status: her skal stå et tal eller felterne start, start_period, end, end_period eller felterne min, max, mean, men der står en liste",
    ),
    Case(
        "type-revision-goal-type",
        [
            sub(
                R,
                '    type: ministermål           # "de fire ministermål" (afsnit 1.1)\n    text: >-\n      Tilgangen',
                "    type: minister\n    text: >-\n      Tilgangen",
            )
        ],
        f"{R}:74: goals[1].type: her skal stå en af disse værdier: 'ministermål' eller 'lokalt mål'; der står 'minister'",
    ),
    Case(
        "type-plan-fact-value-word",
        [sub(P, "value: 53416}", "value: mange}")],
        f"{P}:115: facts[0].facts[0].value: her skal stå et tal, men der står 'mange'",
    ),
    Case(
        "type-letter-cvr-digits",
        [sub(L, 'cvr: "55568510"', 'cvr: "5556851"')],
        f"{L}:20: sender.cvr: her skal stå 8 cifre, men der står '5556851'",
    ),
    Case(
        "type-minutes-item-number-word",
        [sub(M, "  - number: 1\n", "  - number: en\n")],
        f"{M}:29: items[0].number: her skal stå et tal, men der står 'en'",
    ),
    Case(
        "type-minutes-start-time",
        [sub(M, 'start: "16:00"', 'start: "25:00"')],
        f"{M}:15: start: her skal stå et klokkeslæt som TT:MM i anførselstegn, fx \"16:00\"; der står '25:00'",
    ),
    Case(
        "type-registry-municipalities-text",
        [sub(J, "municipalities: [Hvidovre Kommune]", "municipalities: Hvidovre Kommune")],
        f"{J}:6: jobcentres[0].municipalities: her skal stå en liste (linjer, der begynder med '- ', eller [a, b]), men der står 'Hvidovre Kommune'",
    ),
    Case(
        "type-key-is-a-number",
        [sub(R, "year: 2013\n", "year: 2013\n1: x\n")],
        f"{R}:8: [1]: 1 er ikke et feltnavn; feltnavne er tekst",
    ),
    Case(
        "type-revision-year-decimal",
        [sub(R, "year: 2013", "year: 2013.5")],
        f"{R}:7: year: her skal stå et helt tal, men der står 2013.5",
    ),
    # strict reading keeps valid files valid: Windows line endings, a byte order mark
    Case(
        "valid-crlf-and-bom",
        [recode(R, "utf-8-sig"), crlf(R), crlf(J)],
        "OK: 4 dokumenter og 2 jobcentre i data er i orden",
        exit_code=0,
    ),
    # ------------------------------------------------------------------ unknown fields
    Case(
        "unknown-revision-goal-field",
        [sub(R, "    title: Unge i uddannelse\n", "    titel: Unge i uddannelse\n")],
        f"{R}:47: goals[0].titel: feltet findes ikke her; mente du 'title'?",
    ),
    Case("unknown-plan-field", [sub(P, "lead: >-", "leed: >-")], f"{P}:15: leed: feltet findes ikke her; mente du 'lead'?"),
    Case(
        "unknown-letter-field",
        [sub(L, "  attention: Jobcenterchef", "  attn: Jobcenterchef")],
        f"{L}:25: recipient.attn: feltet findes ikke her",
    ),
    Case(
        "unknown-minutes-field", [sub(M, "room: Mødelokale B105", "rum: Mødelokale B105")], f"{M}:17: rum: feltet findes ikke her"
    ),
    Case(
        "unknown-registry-field",
        [sub(J, J_REGION, J_REGION.replace("region:", "regionen:"))],
        f"{J}:7: jobcentres[0].regionen: feltet findes ikke her; mente du 'region'?",
        also=(f"{J}:4: jobcentres[0].region: feltet mangler; det skal udfyldes",),
    ),
    # ------------------------------------------------------------------ missing required fields
    Case(
        "missing-revision-title",
        [sub(R, "title: Resultatrevision 2013\n", "")],
        f"{R}:6: title: feltet mangler; det skal udfyldes",
    ),
    Case(
        "missing-plan-focus-area-title",
        [sub(P, "    title: Handicap\n", "")],
        f"{P}:167: focus_areas[0].title: feltet mangler; det skal udfyldes",
    ),
    Case("missing-letter-date", [sub(L, "date: 2013-04-23\n", "")], f"{L}:5: date: feltet mangler; det skal udfyldes"),
    Case(
        "missing-minutes-committee",
        [sub(M, "committee: Arbejdsmarkedsudvalget\n", "")],
        f"{M}:7: committee: feltet mangler; det skal udfyldes",
    ),
    Case(
        "missing-registry-name",
        [sub(J, "    name: Jobcenter Hvidovre\n", "")],
        f"{J}:4: jobcentres[0].name: feltet mangler; det skal udfyldes",
    ),
    Case("missing-registry-file", [delete(J)], f"{J}: registret over jobcentre mangler"),
    # ------------------------------------------------------------------ duplicate keys
    Case(
        "duplicate-key-revision-year",
        [sub(R, "year: 2013\n", "year: 2013\nyear: 2014\n")],
        f"{R}:8: year: feltet 'year' står to gange samme sted",
    ),
    Case(
        "duplicate-key-revision-goal-status",
        [sub(R, "    status: 94\n", "    status: 94\n    status: 59\n")],
        f"{R}:82: goals[1].status: feltet 'status' står to gange",
    ),
    Case(
        "duplicate-key-plan-title",
        [sub(P, "title: Beskæftigelsesplan 2020\n", "title: Beskæftigelsesplan 2020\ntitle: Plan\n")],
        f"{P}:12: title: feltet 'title' står to gange",
    ),
    Case(
        "duplicate-key-letter-cvr",
        [sub(L, '  cvr: "55568510"\n', '  cvr: "55568510"\n  cvr: "11111111"\n')],
        f"{L}:21: sender.cvr: feltet 'cvr' står to gange",
    ),
    Case(
        "duplicate-key-minutes-date",
        [sub(M, "date: 2013-03-06\n", "date: 2013-03-06\ndate: 2013-03-07\n")],
        f"{M}:15: date: feltet 'date' står to gange",
    ),
    Case(
        "duplicate-key-registry-cluster",
        [sub(J, "    cluster: null\n" + HOEJE_TAASTRUP, "    cluster: null\n    cluster: Klynge 3\n" + HOEJE_TAASTRUP)],
        f"{J}:10: jobcentres[0].cluster: feltet 'cluster' står to gange",
    ),
    # ------------------------------------------------------------------ anchors and aliases
    Case(
        "alias-revision-unit",
        [
            sub(R, "    unit: personer\n    baseline: 231", "    unit: &u personer\n    baseline: 231"),
            sub(R, "    unit: personer\n    baseline: 413", "    unit: *u\n    baseline: 413"),
        ],
        f"{R}:79: goals[1].unit: YAML-ankre og -aliasser (&navn, *navn) må ikke bruges (anchor &u)",
    ),
    Case(
        "alias-registry-region",
        [
            sub(J, J_REGION, J_REGION.replace("region: Hovedstaden", "region: &r Hovedstaden")),
            sub(
                J,
                "    region: Hovedstaden\n    # Klyngen er ikke navngivet i de dokumenter, vi har.",
                "    region: *r\n    # Klyngen er ikke navngivet i de dokumenter, vi har.",
            ),
        ],
        f"{J}:7: jobcentres[0].region: YAML-ankre og -aliasser (&navn, *navn) må ikke bruges (anchor &r)",
    ),
    Case(
        "alias-letter-merge-key",
        [sub(L, "sender:\n", "sender: &s\n"), sub(L, "recipient:\n", "recipient:\n  <<: *s\n")],
        f"{L}:15: sender: YAML-ankre og -aliasser (&navn, *navn) må ikke bruges (anchor &s)",
    ),
    Case(
        "alias-minutes-alias-only",
        [sub(M, "absent: [Kemal Bektas]\n", "absent: *fravaer\n")],
        f"{M}:26: YAML-fejl: et alias (*navn) uden et anker; skriv værdien helt ud",
    ),
    Case("syntax-two-documents", [append(R, "---\ntitle: Nummer to\n")], f"{R}:"),
    Case(
        "alias-bomb",
        [put(R, ALIAS_BOMB)],
        f"{R}:1: l0: YAML-ankre og -aliasser (&navn, *navn) må ikke bruges (anchor &l0)",
        isolated=True,
    ),
    # ------------------------------------------------------------------ size
    Case(
        "too-large-file",
        [append(R, ("# " + "x" * 78 + "\n") * 30000)],
        f"{R}: filen fylder 2",
        also=("en YAML-fil må højst fylde 2 MB",),
        isolated=True,
    ),
    # ------------------------------------------------------------------ impossible dates (collected with the others)
    Case(
        "date-revision-updated-feb-30",
        [sub(R, "updated: 2026-11-26", "updated: 2013-02-30"), sub(R, "    target: 60\n", "    target: tres\n")],
        f"{R}:13: updated: '2013-02-30' er ikke en dato i kalenderen",
        also=(f"{R}:82: goals[1].target: her skal stå et tal",),
    ),
    Case(
        "date-revision-period-feb-30",
        [sub(R, "baseline_period: 2011-12", "baseline_period: 2011-02-30")],
        f"{R}:15: baseline_period: '2011-02-30' er ikke en dato i kalenderen",
    ),
    Case(
        "date-plan-updated-nov-31",
        [sub(P, "updated: 2026-11-26", "updated: 2026-11-31")],
        f"{P}:13: updated: '2026-11-31' er ikke en dato",
    ),
    Case(
        "date-letter-apr-31",
        [sub(L, "date: 2013-04-23", "date: 2013-04-31")],
        f"{L}:12: date: '2013-04-31' er ikke en dato i kalenderen",
    ),
    Case(
        "date-minutes-feb-30",
        [sub(M, "date: 2013-03-06", "date: 2013-02-30")],
        f"{M}:14: date: '2013-02-30' er ikke en dato i kalenderen",
    ),
    Case(
        "date-minutes-decision-month-13",
        [
            sub(
                M,
                "    decision:\n      absent: [Kemal Bektas]\n      text: Godkendt.\n",
                "    decision:\n      date: 2013-13-01\n      absent: [Kemal Bektas]\n      text: Godkendt.\n",
            )
        ],
        f"{M}:165: items[1].decision.date: '2013-13-01' er ikke en dato i kalenderen",
    ),
    # ------------------------------------------------------------------ non-finite and huge numbers
    Case(
        "number-revision-target-inf",
        [sub(R, "    target: 60\n", "    target: .inf\n")],
        f"{R}:82: goals[1].target: her skal stå et almindeligt tal, men der står inf",
    ),
    Case(
        "number-revision-status-nan",
        [sub(R, "    status: 94\n", "    status: .nan\n")],
        f"{R}:81: goals[1].status: her skal stå et almindeligt tal, men der står nan",
    ),
    Case(
        "number-revision-baseline-1e400",
        [sub(R, "    baseline: 231\n", "    baseline: 1e400\n")],
        f"{R}:80: goals[1].baseline: her skal stå et almindeligt tal, men der står '1e400'",
    ),
    Case(
        "number-revision-baseline-huge",
        [sub(R, "    baseline: 413\n", "    baseline: 1.0e+13\n")],
        f"{R}:115: goals[2].baseline: 10000000000000 er for stort; et tal her må højst være 1000000000000",
    ),
    Case(
        "number-revision-chart-target-inf",
        [sub(R, "target: 60, target_label", "target: .inf, target_label")],
        f"{R}:285: tables[1].chart.target: her skal stå et almindeligt tal, men der står inf",
    ),
    Case(
        "number-plan-fact-minus-inf",
        [sub(P, "value: 53416}", "value: -.inf}")],
        f"{P}:115: facts[0].facts[0].value: her skal stå et almindeligt tal, men der står -inf",
    ),
    Case(
        "number-plan-target-huge-negative",
        [sub(P, "direction: at_least, value: 16, unit: pct.}", "direction: at_least, value: -2.0e+15, unit: pct.}")],
        f"{P}:422: focus_areas[2].goals[3].targets[0].value: -2000000000000000 er for lille",
    ),
    Case(
        "number-minutes-attachment-huge",
        [
            sub(
                M,
                "{number: 1, access: Åben, title: Videreførelse",
                "{number: 99999999999999999999, access: Åben, title: Videreførelse",
            )
        ],
        f"{M}:35: items[0].attachments[0].number: 99999999999999999999 er for stort",
    ),
    # ------------------------------------------------------------------ empty required texts
    # (a goal's label may be empty since issue 17: the page numbers the goal itself)
    Case(
        "empty-revision-source-name",
        [sub(R, "  - name: jobindsats.dk", '  - name: ""')],
        f"{R}:11: sources[0].name: må ikke være tom",
    ),
    Case(
        "empty-revision-title-spaces", [sub(R, "title: Resultatrevision 2013", 'title: "   "')], f"{R}:8: title: må ikke være tom"
    ),
    Case(
        "empty-revision-goal-id",
        [sub(R, "  - id: foertidspension\n    label: Mål 2", '  - id: ""\n    label: Mål 2')],
        f"{R}:71: goals[1].id: her må kun stå små bogstaver (a-z), tal og bindestreg, fx 'langtidsledige'; der står ''",
    ),
    Case(
        "empty-plan-fact-heading",
        [sub(P, "    heading: Fakta om befolkning i Hvidovre", '    heading: ""')],
        f"{P}:110: facts[0].heading: må ikke være tom",
    ),
    Case("empty-letter-paragraph", [sub(L, "body:\n  - >-\n", 'body:\n  - ""\n  - >-\n')], f"{L}:28: body[0]: må ikke være tom"),
    Case(
        "empty-minutes-committee",
        [sub(M, "committee: Arbejdsmarkedsudvalget", "committee: ''")],
        f"{M}:13: committee: må ikke være tom",
    ),
    Case(
        "empty-minutes-member-name",
        [sub(M, "  - {name: Thomas Bak, party: A}", '  - {name: "", party: A}')],
        f"{M}:25: members[6].name: må ikke være tom",
    ),
    Case(
        "empty-registry-name",
        [sub(J, "    name: Jobcenter Hvidovre", '    name: ""')],
        f"{J}:5: jobcentres[0].name: må ikke være tom",
    ),
    # ------------------------------------------------------------------ skeleton text left in
    Case(
        "placeholder-revision-intro",
        [sub(R, "intro: |\n  Dette notat", "intro: |\n  «Skriv dokumentets indledning her» Dette notat")],
        f"{R}:19: intro: indeholder stadig skelettets tekst «Skriv dokumentets indledning her»",
    ),
    Case(
        "placeholder-letter-sender",
        [sub(L, "  name: Beskæftigelsesregion Hovedstaden & Sjælland", "  name: «Skriv afsenderen her»")],
        f"{L}:16: sender.name: indeholder stadig skelettets tekst «Skriv afsenderen her»",
    ),
    Case(
        "placeholder-minutes-item-title",
        [sub(M, "    title: Meddelelser Arbejdsmarkedudvalget marts 2013", "    title: «Skriv punktets titel her»")],
        f"{M}:31: items[0].title: indeholder stadig skelettets tekst",
    ),
    Case(
        "placeholder-plan-focus-area",
        [sub(P, "    title: Handicap\n", "    title: «Skriv pejlemærkets titel her»\n")],
        f"{P}:169: focus_areas[0].title: indeholder stadig skelettets tekst",
    ),
    Case(
        "new-revision-untouched",
        [new_skeleton("resultatrevision", 2031)],
        "data/hvidovre/2031/resultatrevision.yaml:21: intro: indeholder stadig skelettets tekst «Skriv dokumentets indledning her»",
    ),
    Case(
        "new-plan-untouched",
        [new_skeleton("beskaeftigelsesplan", 2031)],
        "data/hvidovre/2031/beskaeftigelsesplan.yaml:13: lead: indeholder stadig skelettets tekst «Skriv indledningens første, "
        "fremhævede afsnit her»",
        also=(
            "data/hvidovre/2031/beskaeftigelsesplan.yaml:36: focus_areas[0].title: indeholder stadig "
            "skelettets tekst «Skriv pejlemærkets titel her»",
        ),
    ),
    Case(
        "new-letter-untouched",
        [new_skeleton("tilbagemelding", 2031)],
        "data/hvidovre/2031/tilbagemelding.yaml:17: sender.name: indeholder stadig skelettets tekst «Skriv afsenderen her»",
    ),
    Case(
        "new-minutes-untouched",
        [new_skeleton("referat", 2031, "--suffix", "2031-05-04")],
        "data/hvidovre/2031/referat-2031-05-04.yaml:8: title: indeholder stadig skelettets tekst «Skriv udvalgets navn her»",
    ),
    Case(
        "new-minutes-without-date",
        [new_skeleton("referat", 2031)],
        "data/hvidovre/2031/referat.yaml:13: date: indeholder stadig skelettets tekst «Skriv mødets dato her»",
    ),
    # ------------------------------------------------------------------ wrong folder, year, kind, jobcentre
    Case(
        "place-revision-year", [sub(R, "year: 2013", "year: 2014")], f"{R}:7: year: siger 2014, men filen ligger i mappen '2013'"
    ),
    Case(
        "place-letter-jobcentre",
        [sub(L, "jobcentre: hvidovre", "jobcentre: hoeje-taastrup")],
        f"{L}:5: jobcentre: siger 'hoeje-taastrup', men filen ligger i mappen 'hvidovre'",
    ),
    Case(
        "place-minutes-unknown-jobcentre",
        [sub(M, "jobcentre: hoeje-taastrup", "jobcentre: atlantis")],
        f"{M}:7: jobcentre: ukendt jobcenter 'atlantis'",
    ),
    Case(
        "place-plan-kind",
        [sub(P, "year: 2020\n", "year: 2020\nkind: resultatrevision\n")],
        f"{P}:11: kind: siger 'resultatrevision', men filnavnet siger 'beskaeftigelsesplan'",
    ),
    Case(
        "place-unknown-kind",
        [put("data/hvidovre/2013/roman.yaml", "title: x\n")],
        "data/hvidovre/2013/roman.yaml: ukendt dokumenttype",
    ),
    Case(
        "minutes-name-date-differs",
        [sub(M, "date: 2013-03-06", "date: 2013-03-07")],
        f"{M}:14: date: siger 2013-03-07, men filnavnet referat-2013-03-06.yaml siger en anden dag",
    ),
    Case(
        "minutes-name-impossible-date",
        [rename(M, "data/hoeje-taastrup/2013/referat-2013-02-30.yaml")],
        "data/hoeje-taastrup/2013/referat-2013-02-30.yaml: filnavnet referat-2013-02-30.yaml har ingen dato, der findes i kalenderen",
    ),
    # ------------------------------------------------------------------ duplicate ids
    Case(
        "duplicate-goal-id",
        [sub(R, "  - id: langtidsledige\n    label: Mål 3", "  - id: foertidspension\n    label: Mål 3")],
        f"{R}:105: goals[2].id: mål-id'et 'foertidspension' er brugt to gange (først ved goals[1])",
    ),
    Case(
        "duplicate-table-id",
        [sub(R, "  - id: langtidsledige\n    number: Figur 3", "  - id: foertidspension\n    number: Figur 3")],
        f"{R}:292: tables[2].id: tabel-id'et 'foertidspension' er brugt to gange (først ved tables[1])",
    ),
    Case(
        "duplicate-minister-goal-id",
        [sub(P, '  - id: flygtninge\n    number: "2"', '  - id: arbejdskraft\n    number: "2"')],
        f"{P}:84: minister_goals[1].id: ministermål-id'et 'arbejdskraft' er brugt to gange",
    ),
    Case(
        "duplicate-minutes-item-number",
        [sub(M, "  - number: 3\n    type: A", "  - number: 2\n    type: A")],
        f"{M}:170: items[2].number: punktnummer 2 er brugt to gange (også ved items[1])",
    ),
    Case(
        "duplicate-registry-slug",
        [sub(J, HOEJE_TAASTRUP, "  - slug: hvidovre\n")],
        f"{J}:10: jobcentres[1].slug: slug'en 'hvidovre' er brugt to gange",
    ),
    # ------------------------------------------------------------------ dangling references
    Case(
        "dangling-ref-in-text",
        [sub(R, "{ref:forsoergelsesgrupper}.", "{ref:findes-ikke}.")],
        f"{R}:365: sections[1].body: {{ref:findes-ikke}} nævner ingen tabel eller figur i dette dokument",
    ),
    Case(
        "dangling-goal-chart",
        [sub(R, "    charts: [langtidsledige]", "    charts: [ukendt]")],
        f"{R}:139: goals[2].charts[0]: der er ingen tabel med id 'ukendt'",
    ),
    Case(
        "dangling-plan-goal",
        [put("data/hvidovre/2020/resultatrevision.yaml", REVISION_2020)],
        "data/hvidovre/2020/resultatrevision.yaml:7: goals[0].plan_goal: der er intet mål med id 'findes-ikke' i data/hvidovre/2020/beskaeftigelsesplan.yaml",
    ),
    Case(
        "dangling-minister-goal",
        [sub(P, "    minister_goals: [handicap]", "    minister_goals: [ukendt]")],
        f"{P}:170: focus_areas[0].minister_goals[0]: der er ingen ministermål med id 'ukendt'",
    ),
    Case(
        "dangling-letter-answers",
        [sub(L, "answers: resultatrevision", "answers: roman")],
        f"{L}:11: answers: 'roman' er ikke en dokumenttype",
    ),
    Case(
        "dangling-absent-member",
        [sub(M, "absent: [Kemal Bektas]", "absent: [Kemal Bektassen]")],
        f"{M}:26: absent[0]: 'Kemal Bektassen' står ikke blandt medlemmerne",
    ),
    # ------------------------------------------------------------------ reserved slugs (folders of the site)
    *[
        Case(
            f"reserved-slug-{slug}",
            [sub(J, HOEJE_TAASTRUP, f"  - slug: '{slug}'\n")],
            f"{J}:10: jobcentres[1].slug: '{slug}' er navnet på en af sitets egne mapper",
        )
        for slug in ("aar", "data", "maalopfyldelse", "assets", "search", "404")
    ],
    # ------------------------------------------------------------------ bytes and shapes
    Case("bytes-revision-cp1252", [recode(R, "cp1252")], f"{R}:2: filen er ikke gemt som UTF-8 (byte 0xe5 på denne linje)"),
    Case("bytes-registry-latin1", [recode(J, "latin-1")], f"{J}:1: filen er ikke gemt som UTF-8 (byte 0xc9 på denne linje)"),
    Case(
        "bytes-letter-ff",
        [insert_bytes(L, "  phone: 72 22", b"\xff")],
        f"{L}:18: filen er ikke gemt som UTF-8 (byte 0xff på denne linje)",
    ),
    Case(
        "shape-revision-list",
        [put(R, "- a\n- b\n")],
        f"{R}:1: øverst i filen skal der stå felter (navn: værdi), men der står en liste",
    ),
    Case(
        "shape-letter-scalar",
        [put(L, "bare en tekst\n")],
        f"{L}:1: øverst i filen skal der stå felter (navn: værdi), men der står 'bare en tekst'",
    ),
    Case("shape-minutes-empty", [put(M, "")], f"{M}:1: øverst i filen skal der stå felter (navn: værdi), men der står ingenting"),
    Case("shape-plan-number", [put(P, "42\n")], f"{P}:1: øverst i filen skal der stå felter (navn: værdi), men der står 42"),
    Case(
        "shape-registry-list", [put(J, "- slug: hvidovre\n")], f"{J}:1: her skal stå felter (navn: værdi), men der står en liste"
    ),
    Case("shape-registry-empty-list", [put(J, "jobcentres: []\n")], f"{J}:1: jobcentres: listen skal have mindst 1 element(er)"),
    Case(
        "shape-folder-named-yaml",
        [mkdir("data/hvidovre/2013/tilbagemelding.yaml")],
        "data/hvidovre/2013/tilbagemelding.yaml: er ikke en fil",
    ),
    Case(
        "outside-symlink-yaml",
        [
            put("outside.yaml", "jobcentre: hvidovre\nyear: 2013\ntitle: HEMMELIGT-INDHOLD\n"),
            symlink("data/hvidovre/2013/tilbagemelding.yaml", "../../../outside.yaml"),
        ],
        "data/hvidovre/2013/tilbagemelding.yaml: ligger uden for mappen data/",
        secret=("HEMMELIGT-INDHOLD",),
    ),
]

# A build meets the same data as validate: it must stop with the same message and keep site/ and .cache/.
BUILD_CASES = [
    dataclasses.replace(c, id=c.id + "-build", command="build")
    for c in CASES
    if c.id
    in {
        "syntax-revision-open-bracket",
        "type-plan-fact-value-word",
        "unknown-letter-field",
        "missing-minutes-committee",
        "duplicate-key-revision-goal-status",
        "duplicate-key-registry-cluster",
        "alias-revision-unit",
        "date-revision-updated-feb-30",
        "date-minutes-feb-30",
        "number-revision-target-inf",
        "number-revision-baseline-1e400",
        "number-plan-fact-minus-inf",
        "empty-revision-source-name",
        "placeholder-letter-sender",
        "minutes-name-date-differs",
        "reserved-slug-data",
        "reserved-slug-aar",
        "bytes-revision-cp1252",
        "shape-letter-scalar",
        "duplicate-goal-id",
    }
]


def test_the_corpus_is_large_and_its_ids_unique():
    ids = [c.id for c in CASES + BUILD_CASES]
    assert len(ids) == len(set(ids))
    assert len(CASES) >= 60 and len(BUILD_CASES) >= 15


@pytest.mark.parametrize("case", CASES + BUILD_CASES, ids=str)
def test_case(case, seed_project, tmp_path):
    run_case(case, seed_project, tmp_path)
