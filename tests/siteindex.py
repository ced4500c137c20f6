"""What a built site holds: its HTML pages grouped by page kind, their ids and their links.

Shared by the site-wide checks (links, HTML) and the browser suite, so that both cover every
page kind the generator makes, including kinds added later, without a list to keep in step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# A page's kind from its address (first match wins). Generated documents live at
# <jobcentre>/<year>/<slug>/ and take the first word of their slug as kind
# ('referat-2013-03-06' -> 'referat'). A new page kind with an address of its own adds a line.
KIND_RULES: list[tuple[str, str]] = [
    (r"", "forside"),
    (r"404\.html", "404"),
    (r"[a-z0-9-]+/", "jobcenter"),
    (r"aar/\d{4}/ministermaal/", "ministermaal"),  # a year's comparison (listings.minister_page), no document
    (r"[a-z0-9-]+/\d{4}/(?P<kind>[a-zæøå]+)[a-z0-9-]*/", ""),
]
HANDWRITTEN = "side"  # pages written by hand in docs/ (besides the home page)
FAKE_HOST = "http://site.invalid"  # a host to resolve links against; never requested


@dataclass
class HtmlPage:
    url: str  # relative to the site root, fx 'hvidovre/2013/resultatrevision/'
    path: Path
    kind: str = ""
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (tag/attribute, raw value)
    charts: int = 0


class _Collector(HTMLParser):
    def __init__(self, page: HtmlPage):
        super().__init__(convert_charrefs=True)
        self.page = page

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.page.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.page.ids.add(a["name"])
        if "data-jc-chart" in a:
            self.page.charts += 1
        for attr in ("href", "src"):
            if a.get(attr) is not None:
                self.page.links.append((f"{tag}/{attr}", a[attr]))


def page_kind(url: str, handwritten: set[str]) -> str:
    if url in handwritten and url != "":
        return HANDWRITTEN
    for pattern, kind in KIND_RULES:
        m = re.fullmatch(pattern, url)
        if m:
            return kind or m.group("kind")
    return HANDWRITTEN


def handwritten_urls(docs_dir: Path) -> set[str]:
    """Addresses of the Markdown pages in docs/ (use_directory_urls)."""
    out = set()
    for md in docs_dir.rglob("*.md"):
        rel = md.relative_to(docs_dir).with_suffix("").as_posix()
        if rel == "index" or rel.endswith("/index"):
            out.add(rel[: -len("index")])
        else:
            out.add(rel + "/")
    return out


def scan(site: Path, docs_dir: Path) -> dict[str, HtmlPage]:
    """Every HTML page of the site (not Material's assets, nor the small pages at moved addresses
    that only send the reader on: listings.moved_pages), by address."""
    handwritten = handwritten_urls(docs_dir)
    pages = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("assets/"):
            continue
        url = rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel
        page = HtmlPage(url=url, path=path)
        page.kind = page_kind(url, handwritten)
        text = path.read_text(encoding="utf-8")
        if '<meta http-equiv="refresh"' in text:
            continue
        _Collector(page).feed(text)
        pages[url] = page
    return pages


def by_kind(pages: dict[str, HtmlPage]) -> dict[str, list[HtmlPage]]:
    out: dict[str, list[HtmlPage]] = {}
    for page in pages.values():
        out.setdefault(page.kind, []).append(page)
    return dict(sorted(out.items()))


def representatives(pages: dict[str, HtmlPage]) -> dict[str, HtmlPage]:
    """One page per kind for the browser: the one with the most charts (then the first address)."""
    return {kind: min(group, key=lambda p: (-p.charts, p.url)) for kind, group in by_kind(pages).items()}


def site_url(project: Path) -> str:
    """The address the site is built for (mkdocs.yml's site_url), fx 'https://host/project/'."""
    from mkdocs.config import load_config

    return load_config(str(project / "mkdocs.yml")).site_url or "/"


def resolve(page: HtmlPage, raw: str, site_path: str = "/") -> tuple[str, str] | None:
    """An internal link as (site-relative path, fragment); None for other sites and schemes.
    site_path is where the site lives on its host (404.html links from there: /project/...)."""
    target = urlsplit(urljoin(FAKE_HOST + site_path + page.url, raw))
    if f"{target.scheme}://{target.netloc}" != FAKE_HOST:
        return None
    path = unquote(target.path)
    if not path.startswith(site_path):
        return ("../" + path, "")  # above the site: reported as missing
    return path[len(site_path) :], unquote(target.fragment)
