"""The site says every fact the same way everywhere: how many goals a document met is stated
under one counting rule (generator/results/counts.py) on every page that states it, and no page shows
raw Markdown or doubled punctuation."""
import re

import pytest

from generator.results import counts as results
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
    assert s.sentence() == ("Af 4 mål er 0 opfyldt, 1 delvist opfyldt, 2 ikke opfyldt og 1 ikke målt. "
                            "Af 7 delmål er 4 opfyldt og 3 ikke opfyldt.")
    assert s.headline() == "0 af 4 mål opfyldt (1 delvist, 1 ikke målt); 4 af 7 delmål opfyldt"


def test_every_page_states_a_revisions_result_the_same_way(built_site, dataset, revisions):
    for doc in revisions:
        s = results.summary(doc.model.goals)
        own = f"{doc.jobcentre}/{doc.year}/{doc.slug}/"
        assert s.sentence() in text(page(built_site, own)), own
        # the front page (newest documents), the jobcentre's timeline, its year, the year across jobcentres
        for url in ["", f"{doc.jobcentre}/", f"{doc.jobcentre}/{doc.year}/", f"aar/{doc.year}/"]:
            assert f"{doc.model.title} – {s.headline()}" in text(page(built_site, url)), url
        name = dataset.jobcentres[doc.jobcentre].name
        [row] = [r for r in tables(page(built_site, "maalopfyldelse/"))["tabel-maalopfyldelse"] if r[0] == name]
        assert [int(n) for n in row[2:6]] == [s.goals.met, s.goals.partly, s.goals.not_met, s.goals.not_measured]


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
                problems.append(f"{path.relative_to(built_site)}: {shown[max(0, m.start() - 40):m.end() + 40]!r}")
        for m in re.finditer(r"(?<!\.)\.\.(?!\.)", shown):
            problems.append(f"{path.relative_to(built_site)}: {shown[max(0, m.start() - 40):m.end() + 20]!r}")
    assert problems == []


def test_the_checks_can_fail():
    assert re.search(RAW_MARKDOWN[0], visible_text("<article>Se [her](../index.md)</article>"))
    assert re.search(r"(?<!\.)\.\.(?!\.)", visible_text("<article>16 pct..</article>"))
