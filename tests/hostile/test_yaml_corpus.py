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


ALIAS_BOMB = "".join(
    [f"l0: &l0 [{', '.join(['x'] * 9)}]\n"]
    + [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 12)]
) + "jobcentre: hvidovre\n"

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
    Case("syntax-revision-open-bracket", [sub(R, "title: Resultatrevision 2013", "title: [Resultatrevision 2013")],
         f"{R}:9: YAML syntax error"),
    Case("syntax-plan-tab-indent", [sub(P, "year: 2020", "\tyear: 2020")], f"{P}:10: YAML syntax error"),
    Case("syntax-letter-open-quote", [sub(L, 'cvr: "55568510"', 'cvr: "55568510')], f"{L}:21: YAML syntax error"),
    Case("syntax-minutes-indent", [sub(M, "    type: M\n", "   type: M\n")], f"{M}:30: YAML syntax error"),
    Case("syntax-registry-open-bracket", [sub(J, "  - slug: hvidovre", "  - slug: [hvidovre")], f"{J}:5: YAML syntax error"),
    Case("syntax-python-tag-never-runs", [sub(R, "title: Resultatrevision 2013", "title: !!python/object/apply:os.system [echo pwned]")],
         f"{R}:8: YAML syntax error: could not determine a constructor for the tag", secret=("pwned\n",)),
    Case("syntax-unhashable-key", [sub(R, "year: 2013\n", "year: 2013\n? [a, b]\n: c\n")], f"{R}:8: YAML syntax error: found unhashable key"),
    Case("syntax-nesting-too-deep", [sub(R, "title: Resultatrevision 2013", "title: " + "[" * 20000 + "]" * 20000)],
         f"{R}:8: YAML syntax error: exceeded maximum nesting depth"),
    # ------------------------------------------------------------------ wrong types
    Case("type-revision-baseline-word", [sub(R, "    baseline: 231\n", "    baseline: mange\n")],
         f"{R}:80: goals[1].baseline: expected a number, got 'mange'"),
    Case("type-revision-year-word", [sub(R, "year: 2013", "year: tyve")], f"{R}:7: year: expected a number, got 'tyve'"),
    Case("type-revision-target-bool", [sub(R, "    target: 60\n", "    target: true\n")], f"{R}:82: goals[1].target: expected a number, got True"),
    Case("type-revision-status-list", [sub(R, "    status: 94\n", "    status: [94]\n")],
         f"{R}:81: goals[1].status: expected a number or a mapping with start, start_period, end, end_period or a mapping with min, max, mean, got a list"),
    Case("type-revision-goal-type", [sub(R, "    type: ministermål           # \"de fire ministermål\" (afsnit 1.1)\n    text: >-\n      Tilgangen",
                                         "    type: minister\n    text: >-\n      Tilgangen")],
         f"{R}:74: goals[1].type: expected one of 'ministermål' or 'lokalt mål', got 'minister'"),
    Case("type-plan-fact-value-word", [sub(P, "value: 53416}", "value: mange}")],
         f"{P}:115: facts[0].facts[0].value: expected a number, got 'mange'"),
    Case("type-letter-cvr-digits", [sub(L, 'cvr: "55568510"', 'cvr: "5556851"')], f"{L}:20: sender.cvr: expected 8 digits, got '5556851'"),
    Case("type-minutes-item-number-word", [sub(M, "  - number: 1\n", "  - number: en\n")], f"{M}:29: items[0].number: expected a number, got 'en'"),
    Case("type-minutes-start-time", [sub(M, 'start: "16:00"', 'start: "25:00"')], f"{M}:15: start: expected a time as HH:MM, got '25:00'"),
    Case("type-registry-municipalities-text", [sub(J, "municipalities: [Hvidovre Kommune]", "municipalities: Hvidovre Kommune")],
         f"{J}:6: jobcentres[0].municipalities: expected a list, got 'Hvidovre Kommune'"),
    Case("type-key-is-a-number", [sub(R, "year: 2013\n", "year: 2013\n1: x\n")], f"{R}:8: [1]: the key 1 is not a field name"),
    Case("type-revision-year-decimal", [sub(R, "year: 2013", "year: 2013.5")], f"{R}:7: year: expected a whole number, got 2013.5"),
    # strict reading keeps valid files valid: Windows line endings, a byte order mark
    Case("valid-crlf-and-bom", [recode(R, "utf-8-sig"), crlf(R), crlf(J)],
         "OK: 4 documents and 2 jobcentre(s) in data are valid", exit_code=0),
    # ------------------------------------------------------------------ unknown fields
    Case("unknown-revision-goal-field", [sub(R, "    title: Unge i uddannelse\n", "    titel: Unge i uddannelse\n")],
         f"{R}:47: goals[0].titel: unknown field"),
    Case("unknown-plan-field", [sub(P, "lead: >-", "leed: >-")], f"{P}:15: leed: unknown field"),
    Case("unknown-letter-field", [sub(L, "  attention: Jobcenterchef", "  attn: Jobcenterchef")], f"{L}:25: recipient.attn: unknown field"),
    Case("unknown-minutes-field", [sub(M, "room: Mødelokale B105", "rum: Mødelokale B105")], f"{M}:17: rum: unknown field"),
    Case("unknown-registry-field", [sub(J, J_REGION, J_REGION.replace("region:", "regionen:"))],
         f"{J}:7: jobcentres[0].regionen: unknown field", also=(f"{J}:4: jobcentres[0].region: required field is missing",)),
    # ------------------------------------------------------------------ missing required fields
    Case("missing-revision-title", [sub(R, "title: Resultatrevision 2013\n", "")], f"{R}:6: title: required field is missing"),
    Case("missing-plan-focus-area-title", [sub(P, "    title: Handicap\n", "")], f"{P}:167: focus_areas[0].title: required field is missing"),
    Case("missing-letter-date", [sub(L, "date: 2013-04-23\n", "")], f"{L}:5: date: required field is missing"),
    Case("missing-minutes-committee", [sub(M, "committee: Arbejdsmarkedsudvalget\n", "")], f"{M}:7: committee: required field is missing"),
    Case("missing-registry-name", [sub(J, "    name: Jobcenter Hvidovre\n", "")], f"{J}:4: jobcentres[0].name: required field is missing"),
    Case("missing-registry-file", [delete(J)], f"{J}: the registry of jobcentres is missing"),
    # ------------------------------------------------------------------ duplicate keys
    Case("duplicate-key-revision-year", [sub(R, "year: 2013\n", "year: 2013\nyear: 2014\n")],
         f"{R}:8: year: the key 'year' is written twice in the same place"),
    Case("duplicate-key-revision-goal-status", [sub(R, "    status: 94\n", "    status: 94\n    status: 59\n")],
         f"{R}:82: goals[1].status: the key 'status' is written twice"),
    Case("duplicate-key-plan-title", [sub(P, "title: Beskæftigelsesplan 2020\n", "title: Beskæftigelsesplan 2020\ntitle: Plan\n")],
         f"{P}:12: title: the key 'title' is written twice"),
    Case("duplicate-key-letter-cvr", [sub(L, '  cvr: "55568510"\n', '  cvr: "55568510"\n  cvr: "11111111"\n')],
         f"{L}:21: sender.cvr: the key 'cvr' is written twice"),
    Case("duplicate-key-minutes-date", [sub(M, "date: 2013-03-06\n", "date: 2013-03-06\ndate: 2013-03-07\n")],
         f"{M}:15: date: the key 'date' is written twice"),
    Case("duplicate-key-registry-cluster", [sub(J, "    cluster: null\n" + HOEJE_TAASTRUP, "    cluster: null\n    cluster: Klynge 3\n" + HOEJE_TAASTRUP)],
         f"{J}:10: jobcentres[0].cluster: the key 'cluster' is written twice"),
    # ------------------------------------------------------------------ anchors and aliases
    Case("alias-revision-unit", [sub(R, "    unit: personer\n    baseline: 231", "    unit: &u personer\n    baseline: 231"),
                                 sub(R, "    unit: personer\n    baseline: 413", "    unit: *u\n    baseline: 413")],
         f"{R}:79: goals[1].unit: YAML anchors and aliases are not allowed here (anchor &u)"),
    Case("alias-registry-region", [sub(J, J_REGION, J_REGION.replace("region: Hovedstaden", "region: &r Hovedstaden")),
                                   sub(J, "    region: Hovedstaden\n    # Klyngen er ikke navngivet i de dokumenter, vi har.",
                                       "    region: *r\n    # Klyngen er ikke navngivet i de dokumenter, vi har.")],
         f"{J}:7: jobcentres[0].region: YAML anchors and aliases are not allowed here (anchor &r)"),
    Case("alias-letter-merge-key", [sub(L, "sender:\n", "sender: &s\n"), sub(L, "recipient:\n", "recipient:\n  <<: *s\n")],
         f"{L}:15: sender: YAML anchors and aliases are not allowed here (anchor &s)"),
    Case("alias-minutes-alias-only", [sub(M, "absent: [Kemal Bektas]\n", "absent: *fravaer\n")],
         f"{M}:26: YAML syntax error: found undefined alias"),
    Case("syntax-two-documents", [append(R, "---\ntitle: Nummer to\n")], f"{R}:"),
    Case("alias-bomb", [put(R, ALIAS_BOMB)], f"{R}:1: l0: YAML anchors and aliases are not allowed here (anchor &l0)", isolated=True),
    # ------------------------------------------------------------------ size
    Case("too-large-file", [append(R, ("# " + "x" * 78 + "\n") * 30000)],
         f"{R}: the file is 2", also=("a YAML file may be at most 2 MB",), isolated=True),
    # ------------------------------------------------------------------ impossible dates (collected with the others)
    Case("date-revision-updated-feb-30", [sub(R, "updated: 2026-11-26", "updated: 2013-02-30"), sub(R, "    target: 60\n", "    target: tres\n")],
         f"{R}:13: updated: '2013-02-30' is not a date in the calendar", also=(f"{R}:82: goals[1].target: expected a number",)),
    Case("date-revision-period-feb-30", [sub(R, "baseline_period: 2011-12", "baseline_period: 2011-02-30")],
         f"{R}:15: baseline_period: '2011-02-30' is not a date in the calendar"),
    Case("date-plan-updated-nov-31", [sub(P, "updated: 2026-11-26", "updated: 2026-11-31")], f"{P}:13: updated: '2026-11-31' is not a date"),
    Case("date-letter-apr-31", [sub(L, "date: 2013-04-23", "date: 2013-04-31")], f"{L}:12: date: '2013-04-31' is not a date in the calendar"),
    Case("date-minutes-feb-30", [sub(M, "date: 2013-03-06", "date: 2013-02-30")], f"{M}:14: date: '2013-02-30' is not a date in the calendar"),
    Case("date-minutes-decision-month-13", [sub(M, "    decision:\n      absent: [Kemal Bektas]\n      text: Godkendt.\n",
                                                "    decision:\n      date: 2013-13-01\n      absent: [Kemal Bektas]\n      text: Godkendt.\n")],
         f"{M}:165: items[1].decision.date: '2013-13-01' is not a date in the calendar"),
    # ------------------------------------------------------------------ non-finite and huge numbers
    Case("number-revision-target-inf", [sub(R, "    target: 60\n", "    target: .inf\n")], f"{R}:82: goals[1].target: expected a finite number, got inf"),
    Case("number-revision-status-nan", [sub(R, "    status: 94\n", "    status: .nan\n")], f"{R}:81: goals[1].status: expected a finite number, got nan"),
    Case("number-revision-baseline-1e400", [sub(R, "    baseline: 231\n", "    baseline: 1e400\n")],
         f"{R}:80: goals[1].baseline: expected a finite number, got '1e400'"),
    Case("number-revision-baseline-huge", [sub(R, "    baseline: 413\n", "    baseline: 1.0e+13\n")],
         f"{R}:115: goals[2].baseline: 10000000000000 is too large; a number here must be at most 1000000000000"),
    Case("number-revision-chart-target-inf", [sub(R, "target: 60, target_label", "target: .inf, target_label")],
         f"{R}:285: tables[1].chart.target: expected a finite number, got inf"),
    Case("number-plan-fact-minus-inf", [sub(P, "value: 53416}", "value: -.inf}")], f"{P}:115: facts[0].facts[0].value: expected a finite number, got -inf"),
    Case("number-plan-target-huge-negative", [sub(P, "direction: at_least, value: 16, unit: pct.}", "direction: at_least, value: -2.0e+15, unit: pct.}")],
         f"{P}:422: focus_areas[2].goals[3].targets[0].value: -2000000000000000 is too small"),
    Case("number-minutes-attachment-huge", [sub(M, "{number: 1, access: Åben, title: Videreførelse", "{number: 99999999999999999999, access: Åben, title: Videreførelse")],
         f"{M}:35: items[0].attachments[0].number: 99999999999999999999 is too large"),
    # ------------------------------------------------------------------ empty required texts
    # (a goal's label may be empty since issue 17: the page numbers the goal itself)
    Case("empty-revision-source-name", [sub(R, "  - name: jobindsats.dk", '  - name: ""')], f"{R}:11: sources[0].name: must not be empty"),
    Case("empty-revision-title-spaces", [sub(R, "title: Resultatrevision 2013", 'title: "   "')], f"{R}:8: title: must not be empty"),
    Case("empty-revision-goal-id", [sub(R, "  - id: foertidspension\n    label: Mål 2", '  - id: ""\n    label: Mål 2')],
         f"{R}:71: goals[1].id: expected lowercase letters, digits and hyphens, got ''"),
    Case("empty-plan-fact-heading", [sub(P, "    heading: Fakta om befolkning i Hvidovre", '    heading: ""')], f"{P}:110: facts[0].heading: must not be empty"),
    Case("empty-letter-paragraph", [sub(L, "body:\n  - >-\n", 'body:\n  - ""\n  - >-\n')], f"{L}:28: body[0]: must not be empty"),
    Case("empty-minutes-committee", [sub(M, "committee: Arbejdsmarkedsudvalget", "committee: ''")], f"{M}:13: committee: must not be empty"),
    Case("empty-minutes-member-name", [sub(M, "  - {name: Thomas Bak, party: A}", '  - {name: "", party: A}')], f"{M}:25: members[6].name: must not be empty"),
    Case("empty-registry-name", [sub(J, "    name: Jobcenter Hvidovre", '    name: ""')], f"{J}:5: jobcentres[0].name: must not be empty"),
    # ------------------------------------------------------------------ skeleton text left in
    Case("placeholder-revision-intro", [sub(R, "intro: |\n  Dette notat", "intro: |\n  «Skriv dokumentets indledning her» Dette notat")],
         f"{R}:19: intro: still holds the skeleton's text «Skriv dokumentets indledning her»"),
    Case("placeholder-letter-sender", [sub(L, "  name: Beskæftigelsesregion Hovedstaden & Sjælland", "  name: «Skriv afsenderen her»")],
         f"{L}:16: sender.name: still holds the skeleton's text «Skriv afsenderen her»"),
    Case("placeholder-minutes-item-title", [sub(M, "    title: Meddelelser Arbejdsmarkedudvalget marts 2013", "    title: «Skriv punktets titel her»")],
         f"{M}:31: items[0].title: still holds the skeleton's text"),
    Case("placeholder-plan-focus-area", [sub(P, "    title: Handicap\n", "    title: «Skriv pejlemærkets titel her»\n")],
         f"{P}:169: focus_areas[0].title: still holds the skeleton's text"),
    Case("new-revision-untouched", [new_skeleton("resultatrevision", 2031)],
         "data/hvidovre/2031/resultatrevision.yaml:20: intro: still holds the skeleton's text «Skriv dokumentets indledning her»"),
    Case("new-letter-untouched", [new_skeleton("tilbagemelding", 2031)],
         "data/hvidovre/2031/tilbagemelding.yaml:16: sender.name: still holds the skeleton's text «Skriv afsenderen her»"),
    Case("new-minutes-untouched", [new_skeleton("referat", 2031, "--suffix", "2031-05-04")],
         "data/hvidovre/2031/referat-2031-05-04.yaml:7: title: still holds the skeleton's text «Skriv udvalgets navn her»"),
    Case("new-minutes-without-date", [new_skeleton("referat", 2031)],
         "data/hvidovre/2031/referat.yaml:12: date: still holds the skeleton's text «Skriv mødets dato her»"),
    # ------------------------------------------------------------------ wrong folder, year, kind, jobcentre
    Case("place-revision-year", [sub(R, "year: 2013", "year: 2014")], f"{R}:7: year: says 2014 but the file lies in the folder '2013'"),
    Case("place-letter-jobcentre", [sub(L, "jobcentre: hvidovre", "jobcentre: hoeje-taastrup")],
         f"{L}:5: jobcentre: says 'hoeje-taastrup' but the file lies in the folder 'hvidovre'"),
    Case("place-minutes-unknown-jobcentre", [sub(M, "jobcentre: hoeje-taastrup", "jobcentre: atlantis")],
         f"{M}:7: jobcentre: unknown jobcentre 'atlantis'"),
    Case("place-plan-kind", [sub(P, "year: 2020\n", "year: 2020\nkind: resultatrevision\n")],
         f"{P}:11: kind: says 'resultatrevision' but the file name says 'beskaeftigelsesplan'"),
    Case("place-unknown-kind", [put("data/hvidovre/2013/roman.yaml", "title: x\n")], "data/hvidovre/2013/roman.yaml: unknown document kind"),
    Case("minutes-name-date-differs", [sub(M, "date: 2013-03-06", "date: 2013-03-07")],
         f"{M}:14: date: says 2013-03-07 but the file name referat-2013-03-06.yaml says another day"),
    Case("minutes-name-impossible-date", [rename(M, "data/hoeje-taastrup/2013/referat-2013-02-30.yaml")],
         "data/hoeje-taastrup/2013/referat-2013-02-30.yaml: the file name referat-2013-02-30.yaml holds no date in the calendar"),
    # ------------------------------------------------------------------ duplicate ids
    Case("duplicate-goal-id", [sub(R, "  - id: langtidsledige\n    label: Mål 3", "  - id: foertidspension\n    label: Mål 3")],
         f"{R}:105: goals[2].id: duplicate goal id 'foertidspension' (first used at goals[1])"),
    Case("duplicate-table-id", [sub(R, "  - id: langtidsledige\n    number: Figur 3", "  - id: foertidspension\n    number: Figur 3")],
         f"{R}:292: tables[2].id: duplicate table id 'foertidspension' (first used at tables[1])"),
    Case("duplicate-minister-goal-id", [sub(P, '  - id: flygtninge\n    number: "2"', '  - id: arbejdskraft\n    number: "2"')],
         f"{P}:84: minister_goals[1].id: duplicate minister goal id 'arbejdskraft'"),
    Case("duplicate-minutes-item-number", [sub(M, "  - number: 3\n    type: A", "  - number: 2\n    type: A")],
         f"{M}:170: items[2].number: item number 2 is used twice (also items[1])"),
    Case("duplicate-registry-slug", [sub(J, HOEJE_TAASTRUP, "  - slug: hvidovre\n")], f"{J}:10: jobcentres[1].slug: duplicate slug 'hvidovre'"),
    # ------------------------------------------------------------------ dangling references
    Case("dangling-ref-in-text", [sub(R, "{ref:forsoergelsesgrupper}.", "{ref:findes-ikke}.")],
         f"{R}:365: sections[1].body: {{ref:findes-ikke}} names no table or figure of this document"),
    Case("dangling-goal-chart", [sub(R, "    charts: [langtidsledige]", "    charts: [ukendt]")], f"{R}:139: goals[2].charts[0]: no table with id 'ukendt'"),
    Case("dangling-plan-goal", [put("data/hvidovre/2020/resultatrevision.yaml", REVISION_2020)],
         "data/hvidovre/2020/resultatrevision.yaml:7: goals[0].plan_goal: no goal with id 'findes-ikke' in data/hvidovre/2020/beskaeftigelsesplan.yaml"),
    Case("dangling-minister-goal", [sub(P, "    minister_goals: [handicap]", "    minister_goals: [ukendt]")],
         f"{P}:170: focus_areas[0].minister_goals[0]: no minister goal with id 'ukendt'"),
    Case("dangling-letter-answers", [sub(L, "answers: resultatrevision", "answers: roman")], f"{L}:11: answers: 'roman' is no document kind"),
    Case("dangling-absent-member", [sub(M, "absent: [Kemal Bektas]", "absent: [Kemal Bektassen]")],
         f"{M}:26: absent[0]: 'Kemal Bektassen' is not among the members"),
    # ------------------------------------------------------------------ reserved slugs (folders of the site)
    *[Case(f"reserved-slug-{slug}", [sub(J, HOEJE_TAASTRUP, f"  - slug: '{slug}'\n")],
           f"{J}:10: jobcentres[1].slug: '{slug}' is a folder of the site itself")
      for slug in ("aar", "data", "maalopfyldelse", "assets", "search", "404")],
    # ------------------------------------------------------------------ bytes and shapes
    Case("bytes-revision-cp1252", [recode(R, "cp1252")], f"{R}:2: file is not UTF-8 (byte 0xe5 at this line)"),
    Case("bytes-registry-latin1", [recode(J, "latin-1")], f"{J}:1: file is not UTF-8 (byte 0xc9 at this line)"),
    Case("bytes-letter-ff", [insert_bytes(L, "  phone: 72 22", b"\xff")], f"{L}:18: file is not UTF-8 (byte 0xff at this line)"),
    Case("shape-revision-list", [put(R, "- a\n- b\n")], f"{R}:1: expected a mapping of fields (key: value) at the top of the file, got a list"),
    Case("shape-letter-scalar", [put(L, "bare en tekst\n")], f"{L}:1: expected a mapping of fields (key: value) at the top of the file, got 'bare en tekst'"),
    Case("shape-minutes-empty", [put(M, "")], f"{M}:1: expected a mapping of fields (key: value) at the top of the file, got nothing"),
    Case("shape-plan-number", [put(P, "42\n")], f"{P}:1: expected a mapping of fields (key: value) at the top of the file, got 42"),
    Case("shape-registry-list", [put(J, "- slug: hvidovre\n")], f"{J}:1: expected a mapping (key: value), got a list"),
    Case("shape-registry-empty-list", [put(J, "jobcentres: []\n")], f"{J}:1: jobcentres: needs at least 1 item(s)"),
    Case("shape-folder-named-yaml", [mkdir("data/hvidovre/2013/tilbagemelding.yaml")],
         "data/hvidovre/2013/tilbagemelding.yaml: is not a file"),
    Case("outside-symlink-yaml", [put("outside.yaml", "jobcentre: hvidovre\nyear: 2013\ntitle: HEMMELIGT-INDHOLD\n"),
                                  symlink("data/hvidovre/2013/tilbagemelding.yaml", "../../../outside.yaml")],
         "data/hvidovre/2013/tilbagemelding.yaml: lies outside the data folder", secret=("HEMMELIGT-INDHOLD",)),
]

# A build meets the same data as validate: it must stop with the same message and keep site/ and .cache/.
BUILD_CASES = [
    dataclasses.replace(c, id=c.id + "-build", command="build")
    for c in CASES
    if c.id in {
        "syntax-revision-open-bracket", "type-plan-fact-value-word", "unknown-letter-field", "missing-minutes-committee",
        "duplicate-key-revision-goal-status", "duplicate-key-registry-cluster", "alias-revision-unit",
        "date-revision-updated-feb-30", "date-minutes-feb-30", "number-revision-target-inf", "number-revision-baseline-1e400",
        "number-plan-fact-minus-inf", "empty-revision-source-name", "placeholder-letter-sender", "minutes-name-date-differs",
        "reserved-slug-data", "reserved-slug-aar", "bytes-revision-cp1252", "shape-letter-scalar", "duplicate-goal-id",
    }
]


def test_the_corpus_is_large_and_its_ids_unique():
    ids = [c.id for c in CASES + BUILD_CASES]
    assert len(ids) == len(set(ids))
    assert len(CASES) >= 60 and len(BUILD_CASES) >= 15


@pytest.mark.parametrize("case", CASES + BUILD_CASES, ids=str)
def test_case(case, seed_project, tmp_path):
    run_case(case, seed_project, tmp_path)
