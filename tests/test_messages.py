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


@pytest.mark.parametrize(
    "code, words",
    [
        ("ENOENT", "filen eller mappen findes ikke"),
        ("EACCES", "ingen adgang: du har ikke rettigheder til den"),
        ("EISDIR", "det er en mappe, ikke en fil"),
        ("ENOSPC", "disken er fuld"),
        ("EROFS", "drevet er skrivebeskyttet"),
        ("ECONNRESET", "systemfejl ECONNRESET"),  # one no data file meets: named, not explained
    ],
)
def test_the_systems_reasons_are_said_in_danish(code, words):
    import errno
    import os

    number = getattr(errno, code)
    assert messages.os_reason(OSError(number, os.strerror(number))) == words


def test_the_csv_modules_reasons_are_said_in_danish():
    import csv
    import io

    from generator.data import csvdata

    def reason(text: str) -> str:
        try:
            list(csv.reader(io.StringIO(text, newline=""), strict=True))
        except csv.Error as e:
            return csvdata.csv_reason(e)
        raise AssertionError("read")

    assert reason('a,"b"c\n') == "der står mere tekst efter et lukkende anførselstegn i samme celle"
    assert reason('a,"b\n') == "et anførselstegn er ikke lukket, før filen slutter"
    assert reason("a," + "x" * 200_000 + "\n") == "en celle er længere, end en CSV-celle må være"


def test_a_yaml_file_that_cannot_be_read_is_said_in_danish(tmp_path, monkeypatch):
    """Its status can be read, its content not (rights): the reason in Danish, not strerror."""
    import errno
    from pathlib import Path

    from generator.data import loader
    from generator.data.errors import IssueLog

    path = tmp_path / "resultatrevision.yaml"
    path.write_text("title: x\n", encoding="utf-8")

    def refusing(self):
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refusing)
    log = IssueLog()
    assert loader.read_yaml(path, log) is None
    assert [i.message for i in log.issues] == ["kan ikke læses (ingen adgang: du har ikke rettigheder til den)"]


def test_an_export_that_is_no_workbook_is_said_in_danish(tmp_path):
    import io
    import zipfile

    from generator.data import importer

    broken = tmp_path / "a.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"x" * 100)
    empty_zip = tmp_path / "b.xlsx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "x")
    empty_zip.write_bytes(buf.getvalue())
    for path, reason in ((broken, "import.reason_not_zip"), (empty_zip, "import.reason_no_workbook")):
        with pytest.raises(importer.Refused) as exc:
            importer.read_sheet(path)
        assert f"({messages.text(reason)})" in str(exc.value), str(exc.value)
