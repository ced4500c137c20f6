"""The region's feedback letter: its page, its link to the revision it answers, its validation."""

import pytest

from conftest import REGISTRY, errors_of, write
from generator.data import loader
from generator.site import build
from htmltools import page, text

URL = "hvidovre/2012/tilbagemelding"


@pytest.fixture(scope="module")
def html(built_site):
    return page(built_site, URL)


def test_letter_page_shows_reference_date_sender_and_recipient(html):
    t = text(html)
    assert "J.nr.: 2013-0004285" in t
    assert "Den 23. april 2013" in t
    assert "Beskæftigelsesregion Hovedstaden & Sjælland" in t
    assert "CVR: 55568510" in t and "EAN: 5798000400535" in t
    assert "Jobcenterchef Casper Christensen" in t
    assert "Marianne Sumborg Kontorchef" in t


def test_key_statements_stay_text(html):
    assert "en 1. plads i klyngen af sammenlignelige jobcentre" in text(html)


def test_answered_revision_not_in_data_is_said_plainly(html):
    t = text(html)
    assert "Brevet svarer på jobcentrets resultatrevision for 2012. Den findes endnu ikke som data på dette site" in t
    assert 'href="../resultatrevision/' not in html


def test_revision_of_another_year_does_not_link_to_the_letter(built_site):
    html = page(built_site, "hvidovre/2013/resultatrevision")
    assert "jc-related" not in html and "Se også" not in text(html)


# --------------------------------------------------------------------------- tiny trees

LETTER = """
jobcentre: testby
year: 2013
title: Tilbagemelding på resultatrevision 2013
answers: resultatrevision
date: 2014-04-23
reference: 2014-1
sender: {name: Beskæftigelsesregionen}
recipient: {name: Testby Kommune}
body: [Tak for revisionen.]
signature: {name: A. Person, title: Kontorchef}
"""
REVISION = """
jobcentre: testby
year: 2013
title: Resultatrevision 2013
"""


def tree(tmp_path, letter=LETTER, revision=REVISION):
    files = {"jobcentres.yaml": REGISTRY, "testby/2013/tilbagemelding.yaml": letter}
    if revision:
        files["testby/2013/resultatrevision.yaml"] = revision
    return write(tmp_path / "data", files)


def built(tmp_path, **kw) -> dict[str, str]:
    ds = loader.load(tree(tmp_path, **kw))
    return {p.path: p.content for p in build.document_pages(ds)}


def test_letter_and_revision_link_to_each_other(tmp_path):
    out = built(tmp_path)
    letter = out["testby/2013/tilbagemelding.md"]
    revision = out["testby/2013/resultatrevision.md"]
    # links between pages are their addresses
    assert 'Brevet svarer på <a href="../resultatrevision/">Resultatrevision 2013</a>' in letter
    assert "findes endnu ikke" not in letter
    assert '<a href="../tilbagemelding/">Tilbagemelding på resultatrevision 2013</a> (23. april 2014)' in revision


def test_letter_without_revision_says_so(tmp_path):
    letter = built(tmp_path, revision=None)["testby/2013/tilbagemelding.md"]
    assert "resultatrevision for 2013. Den findes endnu ikke som data" in letter


def test_letter_text_is_escaped(tmp_path):
    letter = built(tmp_path, letter=LETTER.replace("Tak for revisionen.", "'<script>x</script>'"))
    content = letter["testby/2013/tilbagemelding.md"]
    assert "<script>x" not in content and "&lt;script&gt;x" in content


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "date: 2014-04-23",
            "date: 23-04-2014",
            "tilbagemelding.yaml:5: date: her skal stå en dato som ÅÅÅÅ-MM-DD, fx 2013-04-23; der står '23-04-2014'",
        ),
        (
            "answers: resultatrevision",
            "answers: resultatrevison",
            "tilbagemelding.yaml:4: answers: 'resultatrevison' er ikke en dokumenttype",
        ),
        (
            "sender: {name: Beskæftigelsesregionen}",
            "sender: {name: Beskæftigelsesregionen, cvr: 5556851}",
            "tilbagemelding.yaml:7: sender.cvr: her skal stå 8 cifre, men der står '5556851'",
        ),
        (
            "signature: {name: A. Person, title: Kontorchef}",
            "signature: {title: Kontorchef}",
            "tilbagemelding.yaml:10: signature.name: feltet mangler; det skal udfyldes (se docs/forfatter.md#tilbagemelding)",
        ),
        ("body: [Tak for revisionen.]", "body: []", "tilbagemelding.yaml:9: body: listen skal have mindst 1 element(er)"),
        (
            "recipient: {name: Testby Kommune}",
            "recipient: {name: Testby Kommune, atention: X}",
            "tilbagemelding.yaml:8: recipient.atention: feltet findes ikke her; mente du 'attention'?",
        ),
    ],
)
def test_letter_errors_name_file_line_and_field(tmp_path, old, new, expected):
    assert old in LETTER
    [err] = errors_of(tree(tmp_path, letter=LETTER.replace(old, new)))
    assert expected in err
