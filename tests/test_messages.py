"""The staff's messages (generator/messages.py): Danish, and each link to the authoring guide
leads to a section that exists."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from generator import messages

GUIDE = (ROOT / "docs/forfatter.md").read_text(encoding="utf-8")
ANCHORS = set(re.findall(r"\{#([a-z0-9-]+)\}", GUIDE))


def test_every_link_to_the_guide_leads_to_a_section():
    linked = {m for text in messages.MESSAGES.values() for m in re.findall(r"docs/forfatter\.md#([a-z0-9-]+)", text)}
    linked |= {m for m in messages.KIND_SECTIONS.values()}
    assert linked, "no message links to the guide"
    assert linked <= ANCHORS, linked - ANCHORS
    assert {"tal", "tekst", "felter", "datoer", "import", "editor"} <= ANCHORS


@pytest.mark.parametrize("key", sorted(messages.MESSAGES))
def test_no_message_is_left_in_english(key):
    words = re.findall(r"[A-Za-zæøåÆØÅ]+", re.sub(r"`[^`]*`|'[^']*'|\"[^\"]*\"|\{[^}]*\}", "", messages.MESSAGES[key]))
    english = {"the", "expected", "got", "is", "not", "must", "file", "found", "error", "warning", "cannot", "with"}
    assert not english & {w.lower() for w in words}, messages.MESSAGES[key]


def test_a_typo_gets_the_closest_name():
    assert messages.close_match("taget", ["target", "tolerance", "title"]) == "'target'"
    assert messages.close_match("xyz", ["target", "title"]) is None
    assert messages.count("yaml.count_documents", 1) == "1 dokument"
    assert messages.count("yaml.count_documents", 4) == "4 dokumenter"
