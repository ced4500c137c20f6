"""The site's navigation and table of contents as Material draws them, written in Python.

Material's partials `nav-item.html` and `toc.html` are recursive Jinja macros and includes; every
page renders the navigation (a jobcentre's years, its documents, the page's own headings) and
the page's headings a second time, and at national scale that was most of what a warm build
spent in the theme (bench/README.md). `overrides/partials/nav-item.html` and `toc.html` call
these two functions instead. They write the same elements, classes, ids and attributes as
Material's partials for this site's theme features, without the blank lines: the browser sees
the same document (tests/test_navigation.py renders every page both ways and compares them).

One difference from Material, on purpose: on a page below a section's own page (a jobcentre's
year or document), a list of sections without a page of their own (a region's jobcentres) shows
only the section the page is in, not its siblings; they are a click away on the section's page
(the jobcentre's page lists its region, and the breadcrumbs lead there). At national scale the
siblings were a large part of every document page's bytes (bench/README.md).

Supported are the features mkdocs.yml turns on: navigation.prune and navigation.indexes (with
instant, top, toc.follow and toc.integrate, which do not change this markup: toc.integrate only
leaves out Material's second copy of the page's headings, the sidebar at the right). Features that do change it are
refused when the site is configured (`check_features`), so that turning one on cannot silently
draw a different navigation from Material's.
"""

from __future__ import annotations

from markupsafe import Markup, escape
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import normalize_url

# Material features that change the markup of nav-item.html or toc.html.
UNSUPPORTED = ("navigation.tabs", "navigation.sections", "navigation.expand")
_ICON = '<span class="md-nav__icon md-icon"></span>'


def check_features(features: list[str]) -> list[str]:
    """The configured theme features this module does not draw as Material would."""
    return [f for f in features if f in UNSUPPORTED]


def _title(item) -> str:
    meta = getattr(item, "meta", None) or {}
    if meta.get("icon") or meta.get("subtitle") or meta.get("status"):
        raise ValueError(f"{item.title}: navigation icons, subtitles and status are not supported by site_plugins/navigation.py")
    return f'<span class="md-ellipsis">{item.title}</span>'


def _toc_items(items: list[AnchorLink], out: list[str]) -> None:
    for link in items:
        out.append(f'<li class="md-nav__item"><a href="{link.url}" class="md-nav__link">')
        out.append(f'<span class="md-ellipsis">{link.title}</span></a>')
        if link.children:
            label = escape(Markup(link.title).striptags())
            out.append(f'<nav class="md-nav" aria-label="{label}"><ul class="md-nav__list">')
            _toc_items(link.children, out)
            out.append("</ul></nav>")
        out.append("</li>")


def _headings(page: Page) -> list[AnchorLink]:
    toc = list(page.toc)
    if toc and toc[0].level == 1:
        return toc[0].children
    return toc


def toc(page: Page | None, title: str) -> Markup:
    """Material's partials/toc.html: the page's headings below its title."""
    headings = _headings(page) if page else []
    out = [f'<nav class="md-nav md-nav--secondary" aria-label="{escape(title)}">']
    if headings:
        out.append(f'<label class="md-nav__title" for="__toc">{_ICON}{title}</label>')
        out.append('<ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>')
        _toc_items(headings, out)
        out.append("</ul>")
    out.append("</nav>")
    return Markup("".join(out))


class _Drawer:
    """One page's navigation: the items on the way to the page open, every other section closed
    (navigation.prune) and linked to its first page."""

    def __init__(self, page: Page | None, base_url: str, toc_title: str):
        self.page, self.base_url, self.toc_title = page, base_url, toc_title
        self.out: list[str] = []

    def url(self, item) -> str:
        return normalize_url(item.url, page=self.page, base=self.base_url)

    def item(self, item, path: str, level: int) -> None:
        css = "md-nav__item md-nav__item--active" if item.active else "md-nav__item"
        if item.children:
            self.section(item, css, path, level)
        elif item == self.page:
            self.current(item, css)
        else:
            self.out.append(f'<li class="{css}"><a href="{self.url(item)}" class="md-nav__link">{_title(item)}</a></li>')

    def section(self, section, css: str, path: str, level: int) -> None:
        out = self.out
        if not section.active:
            out.append(f'<li class="{css} md-nav__item--pruned md-nav__item--nested">')
            self.pruned(section, section)
            out.append("</li>")
            return
        out.append(f'<li class="{css} md-nav__item--nested">')
        out.append(f'<input class="md-nav__toggle md-toggle " type="checkbox" id="{path}" checked>')
        index = next((c for c in section.children if getattr(c, "is_index", False)), None)
        label = f'<label class="md-nav__link{{}}" for="{path}" id="{path}_label" tabindex="0">{{}}{_ICON}</label>'
        if index is None:
            out.append(label.format("", _title(section)))
        else:
            active = "md-nav__link--active" if index == self.page else ""
            out.append('<div class="md-nav__link md-nav__container">')
            out.append(f'<a href="{self.url(index)}" class="md-nav__link {active}">{_title(section)}</a>')
            if len(section.children) > 1:
                out.append(label.format(f" {active}", ""))
            out.append("</div>")
        out.append(f'<nav class="md-nav" data-md-level="{level}" aria-labelledby="{path}_label" aria-expanded="true">')
        out.append(f'<label class="md-nav__title" for="{path}">{_ICON}{section.title}</label>')
        out.append('<ul class="md-nav__list" data-md-scrollfix>')
        narrow = index is None and any(self.below(child) for child in section.children)
        for n, child in enumerate(section.children, start=1):
            if child is not index and not (narrow and child.children and not child.active):
                self.item(child, f"{path}_{n}", level + 1)
        out.append("</ul></nav></li>")

    def below(self, section) -> bool:
        """The page lies below the section's own page: fx a year or a document of a jobcentre."""
        first = section.children[0] if section.children else None
        return section.active and getattr(first, "is_index", False) and first != self.page

    def pruned(self, section, ref) -> None:
        first = section.children[0]
        if first.children:
            self.pruned(first, ref)
            return
        self.out.append(f'<a href="{self.url(first)}" class="md-nav__link">{_title(ref)}{_ICON}</a>')

    def current(self, page, css: str) -> None:
        out = self.out
        out.append(f'<li class="{css}"><input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">')
        headings = _headings(page)
        if headings:
            out.append(f'<label class="md-nav__link md-nav__link--active" for="__toc">{_title(page)}{_ICON}</label>')
        out.append(f'<a href="{self.url(page)}" class="md-nav__link md-nav__link--active">{_title(page)}</a>')
        if headings:
            out.append(toc(page, self.toc_title))
        out.append("</li>")


def nav_item(item, path: str, level: int, page: Page | None, base_url: str, toc_title: str) -> Markup:
    """Material's partials/nav-item.html `render(item, path, level)` for one top-level item; the
    404 page has no page, its links are made from base_url."""
    drawer = _Drawer(page, base_url, toc_title)
    drawer.item(item, path, level)
    return Markup("".join(drawer.out))
