"""The site says every fact the same way everywhere: how many goals a document met is stated
under one counting rule (generator/results/counts.py) on every page that states it, and no page shows
raw Markdown or doubled punctuation."""

import re

import pytest

from generator import formatting as fmt
from generator.results import counts as results
from generator.views import goals as goal_views
from htmltools import page, tables, text


@pytest.fixture(scope="module")
def revisions(dataset):
    docs = [d for d in dataset.documents if d.kind == "resultatrevision"]
    assert docs, "the seed has a revision"
    return docs


def test_the_counting_rule_on_the_seed_revision(revisions):
    [doc] = [d for d in revisions if d.jobcentre == "hvidovre" and d.year == 2013]
    s = results.summary(doc.model.goals)
    # Mål 1 not measured, 2 and 3 not met, 4 partly met (4 of its 7 sub-goals)
    assert s.goals.as_dict() == {"met": 0, "partly": 1, "not_met": 2, "no_target": 0, "not_measured": 1}
    assert s.subgoals.as_dict() == {"met": 4, "partly": 0, "not_met": 3, "no_target": 0, "not_measured": 0}
    assert s.sentence() == (
        "Af 4 mål er 0 opfyldt, 1 delvist opfyldt, 2 ikke opfyldt og 1 ikke målt. Af 7 delmål er 4 opfyldt og 3 ikke opfyldt."
    )
    assert s.headline() == "0 af 4 mål opfyldt (1 delvist, 1 ikke målt); 4 af 7 delmål opfyldt"


def test_every_page_states_a_revisions_result_the_same_way(built_site, dataset, revisions):
    for doc in revisions:
        s = results.summary(doc.model.goals)
        own = f"{doc.jobcentre}/{doc.year}/{doc.slug}/"
        assert s.sentence() in text(page(built_site, own)), own
        # the front page (newest documents), the jobcentre's timeline, the year across jobcentres
        for url in ["", f"{doc.jobcentre}/", f"aar/{doc.year}/"]:
            assert f"{doc.model.title} – {s.headline()}" in text(page(built_site, url)), url
        name = dataset.jobcentres[doc.jobcentre].name
        [row] = [r for r in tables(page(built_site, "maalopfyldelse/"))["tabel-maalopfyldelse"] if r[0] == name]
        assert [int(n) for n in row[2:6]] == [s.goals.met, s.goals.partly, s.goals.not_met, s.goals.not_measured]


def test_the_verdict_names_each_missed_goal_and_by_how_much(revisions):
    [doc] = [d for d in revisions if d.jobcentre == "hvidovre" and d.year == 2013]
    lines = [goal_views.miss_line(m) for m in results.misses(doc.model.goals)]
    assert lines == [
        "Mål 2: 94 mod højst 60 – misset med 34 personer",
        "Mål 3: 369 mod højst 368 – misset med 1 person",
        "Mål 4, delmål 4B: 154 mod mindst 229 – misset med 75 virksomheder",
        "Mål 4, delmål 4E: 17 mod mindst 25 – misset med 8 aftaler",
        "Mål 4, delmål 4G: ikke opfyldt efter dokumentets egen vurdering (målet har ingen tal)",
    ]
    # the main goals named are exactly those the counting rule counts as not met or partly met
    s = results.summary(doc.model.goals)
    assert len({m.label.split(",")[0] for m in results.misses(doc.model.goals)}) == s.goals.not_met + s.goals.partly


def test_a_missed_percentage_is_said_in_procentpoint_and_an_exact_target_either_way():
    from generator.data.kinds.revision import Goal

    pct = Goal(id="x", label="Mål 5", direction="at_least", unit="pct.", status=22.6, target=23)
    exact = Goal(id="y", label="Mål 6", direction="exactly", unit="personer", status=12, target=10)
    met = Goal(id="z", label="Mål 7", direction="at_most", unit="personer", status=10, target=10)
    assert [goal_views.miss_line(m) for m in results.misses([pct, exact, met])] == [
        "Mål 5: 22,6 pct. mod mindst 23 pct. – misset med 0,4 procentpoint",
        "Mål 6: 12 mod præcis 10 – misset med 2 personer",
    ]


def test_differences_are_said_in_their_unit():
    assert fmt.difference(1, "personer") == "1 person"
    assert fmt.difference(5, "personer") == "5 personer"
    assert fmt.difference(1, "virksomheder") == "1 virksomhed"
    assert fmt.difference(0.4, "pct.") == "0,4 procentpoint"
    assert fmt.difference(1, "pct.") == "1 procentpoint"
    assert fmt.difference(1234.5, "kr.") == "1.234,5 kr."
    assert fmt.difference(2, None) == "2"


def test_every_revision_and_plan_starts_with_its_verdict(built_site, dataset, revisions):
    """The verdict box comes right after the title and meta line, before the document's own
    introduction, and says what the counting rule and the misses say."""
    for doc in revisions:
        html = page(built_site, f"{doc.jobcentre}/{doc.year}/{doc.slug}/")
        box = re.search(r'<section class="jc-verdict".*?</section>', html, re.S).group(0)
        s = results.summary(doc.model.goals)
        assert s.sentence() in text(box)
        for m in results.misses(doc.model.goals):
            assert goal_views.miss_line(m) in re.sub(r"<[^>]+>", "", box)  # the label is a link
        article = html[html.index("<article") :]
        assert article.index('class="jc-meta"') < article.index('class="jc-verdict"') < article.index(text_start(doc.model.intro))
    hvidovre = text(page(built_site, "hvidovre/2013/resultatrevision/"))
    assert "Resultatet i korte træk Af 4 mål er 0 opfyldt, 1 delvist opfyldt, 2 ikke opfyldt og 1 ikke målt." in hvidovre
    assert "Mål 3 : 369 mod højst 368 – misset med 1 person;" in hvidovre
    assert '<a href="#langtidsledige">Mål 3</a>: 369 mod højst 368 – misset med 1 person;' in page(
        built_site, "hvidovre/2013/resultatrevision/"
    )  # the label links to the goal
    plan = page(built_site, "hvidovre/2020/beskaeftigelsesplan/")
    box = text(re.search(r'<section class="jc-verdict".*?</section>', plan, re.S).group(0))
    assert box.strip() == (
        "Planen i korte træk Planen har 16 mål under 5 pejlemærker; 2 af målene har måltal. "
        "Målene er endnu ikke gjort op: der er ingen resultatrevision for 2020 på sitet."
    )


def text_start(markdown: str) -> str:
    """The first words of a Markdown text, as they stand in the page."""
    return " ".join(markdown.split()[:4])


def visible_text(html: str) -> str:
    """The main content's text, without code (the staff guide shows YAML and Markdown as code)."""
    main = re.search(r"<article.*?</article>", html, re.S)
    body = re.sub(r"<(pre|code)[\s>].*?</\1>", " ", main.group(0) if main else html, flags=re.S)
    return text(body)


RAW_MARKDOWN = [r"\]\(", r"\{:", r"\*\*", r"(?<![\w.])\[[^\]]+\]\[", r"^#{1,6} "]


def test_no_raw_markdown_and_no_doubled_full_stop_on_any_page(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 15
    problems = []
    for path in pages:
        shown = visible_text(path.read_text(encoding="utf-8"))
        for pattern in RAW_MARKDOWN:
            for m in re.finditer(pattern, shown, re.M):
                problems.append(f"{path.relative_to(built_site)}: {shown[max(0, m.start() - 40) : m.end() + 40]!r}")
        for m in re.finditer(r"(?<!\.)\.\.(?!\.)", shown):
            problems.append(f"{path.relative_to(built_site)}: {shown[max(0, m.start() - 40) : m.end() + 20]!r}")
    assert problems == []


def test_the_checks_can_fail():
    assert re.search(RAW_MARKDOWN[0], visible_text("<article>Se [her](../index.md)</article>"))
    assert re.search(r"(?<!\.)\.\.(?!\.)", visible_text("<article>16 pct..</article>"))
