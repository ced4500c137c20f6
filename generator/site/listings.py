"""Pages that list documents, the lists on the front page, and the site's navigation.

Addresses (directory URLs):
    /<jobcentre>/                 the jobcentre's home: facts and a timeline of its documents,
                                  a heading per year (#<year>)
    /<jobcentre>/<year>/          moved to /<jobcentre>/#<year> (moved_pages)
    /<jobcentre>/<year>/<doc>/    a document (pages.doc_folder)
    /aar/                         every year with documents
    /aar/<year>/                  every document of one year, across jobcentres, and how many
                                  met each of the minister's goals
    /aar/<year>/ministermaal/     the minister's goals compared, jobcentre by jobcentre

Everything here works over dataset.documents and the document kinds (views/kinds/), so a new
document kind shows up in timelines, year pages and the navigation with no change here.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from generator import messages
from generator.data.loader import Dataset, Document
from generator.data.models import Jobcentre
from generator.results import compare
from generator.site import opendata, scorecard
from generator.views import goals, kinds
from generator.views import page as pages

YEARS_FOLDER = "aar"
MINISTER_FOLDER = "ministermaal"  # in a year's folder: the minister's goals compared
NEWEST = 10  # documents in the front page's list of newest documents
_EPOCH = dt.date(1, 1, 1)


@dataclass
class Entry:
    title: str
    link: str
    headline: str = ""
    who: str = ""  # the jobcentre, on pages that list several


@dataclass
class Group:
    heading: str
    link: str | None
    entries: list[Entry]


@dataclass
class Listing:
    title: str
    intro: str = ""  # text; Markup for HTML
    facts: list[tuple[str, str]] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    empty: str = "Der er endnu ingen dokumenter på sitet."


def kind_title(kind: str) -> str:
    return kinds.ALL[kind].title if kind in kinds.ALL else kind.replace("-", " ").capitalize()


def _kind_order(kind: str) -> int:
    return kinds.ALL[kind].order if kind in kinds.ALL else len(kinds.ALL) + 1


def headline(doc: Document) -> str:
    """One line for lists and timelines: the kind's own (views/kinds/)."""
    kind = kinds.ALL.get(doc.kind)
    return kind.headline(doc) if kind else ""


def ordered(docs: list[Document]) -> list[Document]:
    """Newest year first; within a year by kind (plan, revision, letter, minutes), then name."""
    return sorted(docs, key=lambda d: (-d.year, _kind_order(d.kind), d.slug))


def years(docs: list[Document]) -> list[int]:
    return sorted({d.year for d in docs}, reverse=True)


def _entry(ctx: pages.Context, doc: Document, from_page: str, dataset: Dataset | None = None) -> Entry:
    who = dataset.jobcentres[doc.jobcentre].name if dataset else ""
    return Entry(title=doc.model.title, link=ctx.url(from_page, pages.doc_page(doc)), headline=headline(doc), who=who)


def _count(n: int) -> str:
    return f"{n} dokument" + ("" if n == 1 else "er")


def _render(ctx: pages.Context, dataset: Dataset, listing: Listing, path: str) -> pages.Page:
    b = pages.PageBuilder(ctx, dataset, folder=path.rsplit("/", 1)[0])
    return b.render("listing.html.j2", listing.title, listing=listing, heading=True)


# --------------------------------------------------------------------------- pages


def jobcentre_facts(jc: Jobcentre, cluster_link: str | None = None) -> list[tuple[str, str]]:
    """cluster_link: the scorecard's comparison with the cluster, when the documents have one and
    the registry does not name the cluster."""
    cluster = jc.cluster or "Ikke oplyst: de dokumenter, sitet bygger på, nævner ikke klyngen ved navn."
    if not jc.cluster and cluster_link:
        cluster = Markup(
            "Ikke oplyst ved navn: dokumenterne sammenligner med klyngens gennemsnit "
            '(jobcentre med samme rammevilkår), se <a href="{}">{} og klyngen</a>.'
        ).format(cluster_link, jc.name)
    facts = [
        ("Kommune" if len(jc.municipalities) == 1 else "Kommuner", ", ".join(jc.municipalities)),
        ("Region", jc.region),
        ("Klynge", cluster),
    ]
    if jc.website:
        facts.append(("Hjemmeside", jc.website))
    return facts


def jobcentre_home(ctx: pages.Context, dataset: Dataset, jc: Jobcentre) -> pages.Page:
    path = f"{jc.slug}/index.md"
    docs = dataset.documents_of(jc.slug)
    cluster_link = (
        ctx.url(path, f"{scorecard.SCORECARD}/{jc.slug}/index.md", "klyngen")
        if scorecard.cluster_comparison(dataset, jc.slug) is not None
        else None
    )
    groups = [
        Group(
            heading=str(y),
            link=None,
            entries=[_entry(ctx, d, path) for d in ordered(docs) if d.year == y],
        )
        for y in years(docs)
    ]
    return _render(
        ctx,
        dataset,
        Listing(
            title=jc.name,
            intro=f"{_count(len(docs)).capitalize()} fra {jc.name}, nyeste først.",
            facts=jobcentre_facts(jc, cluster_link),
            groups=groups,
            empty=f"Der er endnu ingen dokumenter fra {jc.name} på sitet.",
        ),
        path,
    )


def moved_pages(dataset: Dataset) -> dict[str, str]:
    """The addresses of the pages that listed a jobcentre's documents of one year (until December
    2026): each a small page that sends the reader on to the year's heading on the
    jobcentre's page, which lists the same documents, so that published links keep working.
    As {site path: HTML}."""
    out = {}
    for jc in _jobcentres(dataset):
        name = escape(jc.name)
        for y in years(dataset.documents_of(jc.slug)):
            out[f"{jc.slug}/{y}/index.html"] = (
                f'<!doctype html><html lang="da"><head><meta charset="utf-8"><title>{name} – {y}</title>'
                f'<meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=../#{y}"></head>'
                f'<body><p><a href="../#{y}">{name}s dokumenter fra {y}</a></p></body></html>\n'
            )
    return out


def year_page(ctx: pages.Context, dataset: Dataset, year: int) -> pages.Page:
    """The year's documents by jobcentre, after how many jobcentres met each of the minister's
    goals (results.compare), when a revision of the year marks goals as the minister's; that
    comparison jobcentre by jobcentre is a page of its own (minister_page)."""
    path = f"{YEARS_FOLDER}/{year}/index.md"
    docs = [d for d in ordered(dataset.documents) if d.year == year]
    groups = [
        Group(
            heading=jc.name,
            link=ctx.url(path, f"{jc.slug}/index.md"),
            entries=[_entry(ctx, d, path) for d in docs if d.jobcentre == jc.slug],
        )
        for jc in _jobcentres(dataset)
        if any(d.jobcentre == jc.slug for d in docs)
    ]
    listing = Listing(title=f"Dokumenter for {year}", intro=f"{_count(len(docs)).capitalize()} for {year}.", groups=groups)
    b = pages.PageBuilder(ctx, dataset, folder=path.rsplit("/", 1)[0])
    matrix = compare.minister_matrix(dataset, year)
    return b.render(
        "listing.html.j2",
        listing.title,
        listing=listing,
        heading=True,
        matrix=matrix,
        matrix_link=b.url(minister_path(year)) if matrix else None,
    )


def minister_path(year: int) -> str:
    return f"{YEARS_FOLDER}/{year}/{MINISTER_FOLDER}/index.md"


def minister_page(ctx: pages.Context, dataset: Dataset, year: int) -> pages.Page:
    """The minister's goals across the year's revisions (results.compare), a jobcentre a row:
    a page of its own, since at national scale its table is most of a year page's bytes."""
    matrix = compare.minister_matrix(dataset, year)
    assert matrix is not None, year  # made only for a year with one (compare.minister_years)
    b = pages.PageBuilder(ctx, dataset, folder=minister_path(year).rsplit("/", 1)[0])
    return b.render(
        "ministermaal.html.j2",
        f"Ministerens mål {year} – jobcentrene sammenlignet",
        matrix=matrix,
        marks=goals.STATE_MARKS,
        short_names={j.slug: j.name.removeprefix("Jobcenter ") for j in dataset.registry.jobcentres},
        doc_url=b.doc_url,
        year_link=b.url(f"{YEARS_FOLDER}/{year}/index.md"),
    )


def years_page(ctx: pages.Context, dataset: Dataset) -> pages.Page:
    path = f"{YEARS_FOLDER}/index.md"
    entries = [
        Entry(
            title=str(y),
            link=ctx.url(path, f"{YEARS_FOLDER}/{y}/index.md"),
            headline=_count(sum(d.year == y for d in dataset.documents)),
        )
        for y in years(dataset.documents)
    ]
    return _render(
        ctx, dataset, Listing(title="Dokumenter efter år", groups=[Group(heading="", link=None, entries=entries)]), path
    )


def _jobcentres(dataset: Dataset) -> list[Jobcentre]:
    return sorted(dataset.registry.jobcentres, key=lambda j: j.name)


def overview_pages(ctx: pages.Context, dataset: Dataset) -> list[pages.Page]:
    return [make() for _, _, make in page_makers(ctx, dataset)]


def page_makers(ctx: pages.Context, dataset: Dataset) -> list[tuple[str, list[Document], Callable[[], pages.Page]]]:
    """Each listing page, as its path, the documents it is made from and a function that makes
    it (the site stage keeps a page in its cache under these and the registry)."""
    out: list[tuple[str, list[Document], Callable[[], pages.Page]]] = [
        (f"{YEARS_FOLDER}/index.md", dataset.documents, lambda: years_page(ctx, dataset))
    ]
    compared = set(compare.minister_years(dataset))
    for y in years(dataset.documents):
        in_year = [d for d in dataset.documents if d.year == y]
        out.append((f"{YEARS_FOLDER}/{y}/index.md", in_year, functools.partial(year_page, ctx, dataset, y)))
        if y in compared:
            out.append((minister_path(y), in_year, functools.partial(minister_page, ctx, dataset, y)))
    for jc in _jobcentres(dataset):
        docs = dataset.documents_of(jc.slug)
        out.append((f"{jc.slug}/index.md", docs, functools.partial(jobcentre_home, ctx, dataset, jc)))
    return out


# --------------------------------------------------------------------------- lists in hand-written pages


def _jobcentre_list(ctx: pages.Context, dataset: Dataset, from_page: str) -> Listing:
    entries = [
        Entry(
            title=jc.name,
            link=ctx.url(from_page, f"{jc.slug}/index.md"),
            headline=f"{', '.join(jc.municipalities)} · Region {jc.region} · {_count(len(dataset.documents_of(jc.slug)))}",
        )
        for jc in _jobcentres(dataset)
    ]
    return Listing(title="", groups=[Group(heading="", link=None, entries=entries)])


def _newest_list(ctx: pages.Context, dataset: Dataset, from_page: str) -> Listing:
    newest = sorted(
        dataset.documents,
        key=lambda d: (-d.year, -(d.model.published or d.model.updated or _EPOCH).toordinal(), _kind_order(d.kind), d.slug),
    )[:NEWEST]
    return Listing(title="", groups=[Group(heading="", link=None, entries=[_entry(ctx, d, from_page, dataset) for d in newest])])


# Lists a hand-written page can include with a marker line: <!-- jc:jobcentre --> or <!-- jc:nyeste -->
SNIPPETS = {"jobcentre": _jobcentre_list, "nyeste": _newest_list}


def fill(markdown: str, ctx: pages.Context, dataset: Dataset, page: str) -> str:
    """A hand-written page's Markdown (page: its source path) with each marker line
    (`<!-- jc:nyeste -->` alone on its line) replaced by the HTML of the named list. An unknown
    list is a ValueError with the message to show."""
    if "<!-- jc:" not in markdown:
        return markdown
    template = ctx.env.get_template("listing.html.j2")
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        marker = " ".join(line.split())
        if marker.startswith("<!-- jc:") and marker.endswith("-->"):
            make = SNIPPETS.get(marker[len("<!-- jc:") : -len("-->")].strip())
            if make is None:
                raise ValueError(
                    messages.text(
                        "build.unknown_list",
                        page=f"docs/{page}",
                        marker=marker,
                        known=", ".join(f"<!-- jc:{n} -->" for n in SNIPPETS),
                    )
                )
            lines[i] = template.render(listing=make(ctx, dataset, page), heading=False)
    return "\n".join(lines)


# --------------------------------------------------------------------------- navigation


# From this many jobcentres on, the navigation groups them by region. Material's navigation
# shows the siblings of every section on the way to the page, on every page: the 98 jobcentres
# of a national site were most of a short page's HTML and of the theme's time to render it.
NAV_REGIONS_FROM = 20


def _nav_title(text: str) -> str:
    return html.escape(text, quote=False)


STAFF_GUIDE = "forfatter.md"  # for staff, not citizens: last, under Om


def _doc_nav_title(doc: Document, in_year: list[Document]) -> str:
    """'Resultatrevision 2013' (the sidebar shows it without its year above it); a document's own
    title when the year has several of its kind ('Referat 6. marts 2013')."""
    if sum(d.kind == doc.kind for d in in_year) == 1:
        return f"{kind_title(doc.kind)} {doc.year}"
    return _nav_title(doc.model.title)


def navigation(dataset: Dataset, hand_written: list[str]) -> list:
    """The nav as MkDocs' `nav` setting: front page (Forside), Jobcentre (jobcentre -> year -> document;
    region -> jobcentre -> ... on a site with many jobcentres), År, Målopfyldelse (the scorecard,
    a page per jobcentre), Åbne data, then Om: the other hand-written pages, the staff guide
    last. Titles are Danish names, not folder names.
    MkDocs' theme prints nav titles as HTML, so titles from data are escaped here."""

    by_jobcentre = {}
    for jc in _jobcentres(dataset):
        docs = dataset.documents_of(jc.slug)
        year_items = []
        for y in years(docs):
            in_year = [d for d in ordered(docs) if d.year == y]
            year_items.append({str(y): [{_doc_nav_title(d, in_year): pages.doc_page(d)} for d in in_year]})
        by_jobcentre[jc.slug] = {_nav_title(jc.name): [f"{jc.slug}/index.md", *year_items]}
    jobcentres = list(by_jobcentre.values())
    if len(jobcentres) >= NAV_REGIONS_FROM:
        regions: dict[str, list] = {}
        for jc in _jobcentres(dataset):
            regions.setdefault(_nav_title(f"Region {jc.region}"), []).append(by_jobcentre[jc.slug])
        jobcentres = [{region: items} for region, items in sorted(regions.items())]
    compared = set(compare.minister_years(dataset))
    year_section = {
        "År": [f"{YEARS_FOLDER}/index.md"]
        + [
            {
                str(y): [f"{YEARS_FOLDER}/{y}/index.md", {"Ministerens mål": minister_path(y)}]
                if y in compared
                else f"{YEARS_FOLDER}/{y}/index.md"
            }
            for y in years(dataset.documents)
        ]
    }
    scores = {
        "Målopfyldelse": [f"{scorecard.SCORECARD}/index.md"]
        + [{_nav_title(jc.name): f"{scorecard.SCORECARD}/{jc.slug}/index.md"} for jc in _jobcentres(dataset)]
    }
    # "Forside", as the breadcrumbs say: under the navigation's title, the site's name again
    front = [{"Forside": p} for p in hand_written if p == "index.md"]
    about = sorted((p for p in hand_written if p != "index.md"), key=lambda p: p == STAFF_GUIDE)
    return [
        *front,
        {"Jobcentre": jobcentres},
        year_section,
        scores,
        {"Åbne data": f"{opendata.DATA_PAGE}/index.md"},
        *([{"Om": about}] if about else []),
    ]
