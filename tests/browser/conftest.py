"""The browser suite: the built site served on 127.0.0.1, one Debian chromium per session.

Page kinds come from the built site (tests/siteindex.py), so pages that other branches add are
covered when they are merged. Each test adds its figures to REPORT, which is printed per page
kind at the end of the run.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import siteindex
from browser.serving import serve

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[2]

# kind -> {column: value}; filled by the tests, printed by pytest_terminal_summary below.
REPORT: dict[str, dict[str, object]] = {}
REPORT_COLUMNS = [
    "page",
    "console errors",
    "external requests",
    "axe serious/critical (light)",
    "axe serious/critical (dark)",
    "charts rendered",
    "no-JS SVG charts",
    "keyboard stops",
    "transfer before scrolling (1280px)",
    "transfer before scrolling (390px)",
]


def report(kind: str, column: str, value) -> None:
    REPORT.setdefault(kind, {})[column] = value


@pytest.fixture(scope="session")
def site_pages(built_site) -> dict[str, siteindex.HtmlPage]:
    return siteindex.scan(built_site, ROOT / "docs")


@pytest.fixture(scope="session")
def kinds(site_pages) -> dict[str, siteindex.HtmlPage]:
    """One page per page kind found in the built site."""
    reps = siteindex.representatives(site_pages)
    for kind, page in reps.items():
        report(kind, "page", "/" + page.url)
    return reps


@pytest.fixture(scope="session")
def site_url() -> str:
    return siteindex.site_url(ROOT)


@pytest.fixture(scope="session")
def base_url(built_site, site_url):
    """The built site over HTTP on 127.0.0.1, on a free port, under its site_url's path."""
    with serve(built_site, urlsplit(site_url).path or "/") as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: scripts/test.sh installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watch:
    """Console errors, uncaught exceptions and requests to other hosts, for one browser context.

    Material's instant navigation follows only links listed in sitemap.xml, matched by protocol
    and host name but not port; so the sitemap's addresses are rebased onto the test server,
    where they match as they do on the real host."""

    def __init__(self, context, base_url: str, site_url: str):
        self.base_url = base_url
        self.site_url = site_url
        self.errors: list[str] = []
        self.external: list[str] = []
        context.route("**/*", self._route)
        context.on("console", self._console)
        context.on("weberror", lambda err: self.errors.append(str(err.error)))

    def _console(self, msg) -> None:
        if msg.type == "error":
            self.errors.append(f"{msg.text} ({msg.location.get('url')})")

    def _route(self, route):
        url = route.request.url
        if url == self.base_url + "sitemap.xml":
            sitemap = route.fetch().text().replace(self.site_url, self.base_url)
            route.fulfill(body=sitemap, content_type="application/xml")
        elif url.startswith(self.base_url) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:  # record and never let it leave the machine
            self.external.append(url)
            route.abort()

    def take(self) -> tuple[list[str], list[str]]:
        out = (list(self.errors), list(self.external))
        self.errors.clear()
        self.external.clear()
        return out


@pytest.fixture(scope="session")
def js_context(browser, base_url, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    context.watch = Watch(context, base_url, site_url)
    yield context
    context.close()


@pytest.fixture(scope="session")
def js_page(js_context):
    """One tab reused by the JavaScript tests."""
    return js_context.new_page()


def pytest_terminal_summary(terminalreporter):
    if not REPORT:
        return
    tr = terminalreporter
    tr.section("browser report per page kind")
    for kind, row in sorted(REPORT.items()):
        tr.write_line(f"{kind}:")
        for col in REPORT_COLUMNS:
            if col in row:
                tr.write_line(f"    {col:30} {row[col]}")
