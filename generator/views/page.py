"""A page of the site as its views make it: HTML from a Jinja template, its figures and files.

Each document kind's page is made by its module in generator/views/kinds/ (see kinds.py); what
they share is here: the page (`Page`), the builder that numbers figures and tables, renders
charts and the template (`PageBuilder`), and links between pages. Templates write HTML; every
text from data/ is escaped by the environment (autoescape), and Markdown fields are rendered by
markup.MarkdownRenderer. Figures and tables are numbered per page in the order they appear.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator import formatting as fmt
from generator.data.kinds import kind_of
from generator.data.kinds.revision import FollowUp, Goal
from generator.data.loader import Dataset, Document
from generator.data.models import Section, Table
from generator.results import goals as compute
from generator.views import charts, goals, markup, tables
from generator.views.markup import MarkdownRenderer, Refs, Toc

TEMPLATES = Path(__file__).parent / "templates"


class Page:
    """A page for the site: its HTML body, title and description, table of contents and
    anchors, and the files that belong to it (SVG, CSV).

    The HTML is kept as UTF-8 (`data`): at national scale pages are held until they are written,
    and Python keeps a str with any character beyond Latin-1 at 2 bytes a character."""

    def __init__(
        self,
        path: str,
        title: str,
        body: str | bytes,
        assets: dict | None = None,
        source: Path | None = None,
        description: str | None = None,
        toc: list | None = None,
        anchors: set[str] | None = None,
    ):
        self.path = path  # relative to the docs root, fx 'hvidovre/2013/resultatrevision/index.md'
        self.title = title
        self.description = description
        self.data = body.encode("utf-8") if isinstance(body, str) else body
        self.toc = toc or []  # nested toc tokens (Markdown's toc extension's form)
        self.anchors = anchors or set()
        self.assets: dict[str, str | bytes | Path] = (
            {} if assets is None else assets
        )  # path on the site -> content, or a file to copy
        self.source = source  # the data file the page is made from, for edit links
        self.searchable = True  # False: the site search leaves the page out (overrides/main.html)

    @property
    def content(self) -> str:
        return self.data.decode("utf-8")

    @property
    def meta(self) -> dict:
        """The page's metadata as MkDocs reads it from front matter. MkDocs and Material write
        these into the page unescaped, so they are HTML-escaped here."""
        meta: dict[str, str | dict[str, bool]] = {"title": html.escape(self.title)}
        if self.description:
            meta["description"] = html.escape(self.description)
        if not self.searchable:
            meta["search"] = {"exclude": True}
        return meta


def doc_folder(doc: Document) -> str:
    """The stable, readable address of a document: <jobcentre>/<year>/<document>/"""
    return f"{doc.jobcentre}/{doc.year}/{doc.slug}"


def doc_page(doc: Document) -> str:
    """A document's page as a Markdown path: '<jobcentre>/<year>/<document>.md', at the address
    doc_folder. Not an index.md: a year of a jobcentre is a section of the navigation without a
    page of its own, and Material takes a section's first index.md for the section's page."""
    return f"{doc_folder(doc)}.md"


@dataclass
class Link:
    """A link from one document's page to another's; href is None when the other is not in data/."""

    text: str
    href: str | None
    date: dt.date | None = None


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        number=lambda value, decimals=None: fmt.number(value, decimals),
        pct=fmt.pct,
        month=fmt.month,
        span=fmt.span,
        document_date=fmt.document_date,
        long_date=fmt.long_date,
        weekday_date=fmt.weekday_date,
        clock=fmt.clock,
        change=fmt.change,
        change_abs=fmt.change_abs,
        quantity=fmt.quantity,
        full_stop=fmt.full_stop,
        json_attr=markup.json_attr,
        safe_url=markup.safe_url,
    )
    env.globals.update(
        state_words=compute.STATE_WORDS,
        direction_words=goals.DIRECTION_WORDS,
        table_html=tables.table_html,
        Markup=Markup,
    )
    return env


@dataclass
class Context:
    """What the views of one build share: MkDocs' settings that change a page's HTML, the
    Markdown renderer, the templates, and the chart cache (SVG fallbacks are files there, rendered
    in bulk by charts.SvgFallbacks; without a cache they are rendered as they come)."""

    svg_cache: Path | None = None
    directory_urls: bool = True
    markdown_extensions: list | None = None
    markdown_configs: dict | None = None
    kind_titles: dict[str, str] = field(default_factory=dict)  # fx 'resultatrevision' -> 'Resultatrevision'
    # the templates; `mkdocs serve` keeps one between builds (it reloads a template that changed)
    env: Environment = field(default_factory=environment)
    markdown: MarkdownRenderer = field(init=False)

    svgs: charts.SvgFallbacks | None = field(init=False)

    def __post_init__(self):
        self.svgs = charts.SvgFallbacks(self.svg_cache) if self.svg_cache else None
        self.markdown = MarkdownRenderer(self.markdown_extensions, self.markdown_configs, self.directory_urls)
        configs = self.markdown_configs or markup.EXTENSION_CONFIGS
        self.permalink_title = configs.get("toc", {}).get("permalink_title", "Permanent link")

    @property
    def fingerprint(self) -> str:
        """The settings that change a page's HTML, for cache keys."""
        return json.dumps([self.directory_urls, self.markdown_extensions, self.markdown_configs], sort_keys=True, default=str)

    def url(self, from_page: str, to_page: str, anchor: str | None = None) -> str:
        return markup.relative_url(from_page, to_page, anchor, self.directory_urls)


class Fields:
    """Markdown fields in a template: md(text) as blocks, md.inline(text) inside an element."""

    def __init__(self, renderer: MarkdownRenderer, refs: Refs):
        self.renderer, self.refs = renderer, refs

    def __call__(self, text: str | None, css_class: str | None = None) -> Markup:
        """css_class: the class of the text's last paragraph (fx a lead in bold)."""
        out = self.renderer.html(text, self.refs)
        if css_class and out.endswith("</p>"):
            i = out.rfind("<p>")
            out = Markup(f'{out[:i]}<p class="{css_class}">{out[i + 3 :]}')
        return out

    def inline(self, text: str | None) -> Markup:
        return self.renderer.html(text, self.refs, inline=True)


@dataclass
class Figure:
    anchor: str
    number: int
    title: str
    spec: dict
    description: str
    table: Table | None = None
    svg_name: str = ""
    csv_name: str = ""
    data_open: bool = False  # the numbers are shown unfolded: a document's own table, charted by the site
    source: str = ""  # said under the chart: where its numbers come from
    subtitle: str | None = None  # a goal's chart: the goal and the result, under the title


@dataclass
class ShownTable:
    """A data table shown as a table (not charted): its number and anchor on the page, and its
    numbers as a CSV beside the page (csv_name, made as a figure's CSV is: tables.csv_text)."""

    number: int
    anchor: str
    table: Table
    csv_name: str


def describe_table_chart(table: Table, goal_outcome: compute.Outcome | None = None) -> str:
    """A short text alternative made from the data: what is shown, first and last values (all
    values when the x axis holds categories), target."""
    spec = charts.chart_of(table)
    long = charts.long_records(table)
    temporal = table.column(spec.x).type == "period"
    kinds = {"line": "Linjediagram", "ranked_bar": "Rangordnet søjlediagram"}
    parts = [fmt.full_stop(f"{kinds.get(spec.kind, 'Søjlediagram')}: {table.title}")]
    units = {c.label: c.unit for c in table.columns if c.key in spec.y}
    show_x = (lambda v: fmt.month(dt.date.fromisoformat(v))) if temporal else str
    keys = ["facet", "serie"] if spec.facet else ["serie"]
    order = {k: {v: i for i, v in enumerate(dict.fromkeys(r[k] for r in long))} for k in keys}
    grouped: dict[tuple, list[dict]] = {}
    for r in long:  # as pandas' groupby did, without pandas: rows without a key are left out
        key = tuple(r[k] for k in keys)
        if not any(pd.isna(v) for v in key):
            grouped.setdefault(key, []).append(r)
    groups = sorted(grouped.items(), key=lambda g: [order[k][v] for k, v in zip(keys, g[0])])
    for key, rows in groups:
        *facet, serie = _tuple(key)
        unit = table.column(spec.y[0]).unit if spec.series else units.get(serie)
        unit = f" {unit}" if unit else ""
        name = ", ".join(str(k) for k in [*facet, serie])
        values = [(fmt.number(r["værdi"]) + unit, show_x(r["x"])) for r in rows]
        if not temporal:
            parts.append(fmt.full_stop(f"{name}: " + ", ".join(f"{x} {v}" for v, x in values)))
        elif len(values) == 1:
            parts.append(fmt.full_stop(f"{name}: {values[0][0]} i {values[0][1]}"))
        else:
            parts.append(fmt.full_stop(f"{name}: fra {values[0][0]} i {values[0][1]} til {values[-1][0]} i {values[-1][1]}"))
    if spec.target is not None:
        parts.append(fmt.full_stop(f"{spec.target_label}: {fmt.number(spec.target)}"))
    if goal_outcome is not None and goal_outcome.state in ("met", "not_met"):
        parts.append(f"Målet er {compute.STATE_WORDS[goal_outcome.state]}.")
    return " ".join(parts)


def describe_values(kind: str, title: str, pairs: list[tuple[str, str]]) -> str:
    """'Søjlediagram: Titel. Navn 1: værdi; Navn 2: værdi.'"""
    return fmt.full_stop(f"{fmt.full_stop(f'{kind}: {title}')} " + "; ".join(f"{name}: {value}" for name, value in pairs))


def _tuple(key) -> tuple:
    return key if isinstance(key, tuple) else (key,)


class PageBuilder:
    """Builds one page in `folder`: numbers figures and tables, renders charts, writes headings
    with their ids (the page's table of contents), and renders the template. A document's page
    is built by a DocumentPageBuilder."""

    def __init__(self, ctx: Context, dataset: Dataset, folder: str):
        self.ctx = ctx
        self.dataset = dataset
        self.refs = Refs()
        self.toc = Toc(ctx.permalink_title)
        self.figures: dict[str, Figure] = {}
        self.assets: dict[str, str | bytes | Path] = {}
        self.folder = folder
        self.path = f"{self.folder}/index.md"
        self.source: Path | None = None  # the data file the page is made from
        # Under every chart: where its numbers come from (a document's page names the document).
        self.figure_source = "jobcentrenes resultatrevisioner; målopfyldelsen er beregnet af sitet"

    def url(self, to_page: str, anchor: str | None = None) -> str:
        """A link from this page to another page of the site (its source path, fx 'om-data.md')."""
        return self.ctx.url(self.path, to_page, anchor)

    def doc_url(self, doc: Document, anchor: str | None = None) -> str:
        return self.url(doc_page(doc), anchor)

    def figure_for_table(self, table: Table, goal_outcome: compute.Outcome | None = None, subtitle: str | None = None) -> Figure:
        """A table's chart; a goal's chart says the goal and the result in its subtitle."""
        if table.id in self.figures:
            return self.figures[table.id]
        n = self.refs.add(table.id, "figur")
        spec = charts.table_chart(table, table.title)
        fig = Figure(
            anchor=self.refs.anchor(table.id),
            number=n,
            title=table.title,
            spec=spec,
            description=describe_table_chart(table, goal_outcome),
            table=table,
            source=self.figure_source,
            subtitle=subtitle,
        )
        self._add_files(fig, tables.csv_text(table))
        self.figures[table.id] = fig
        return fig

    def figure_for_values(self, ident: str, title: str, spec: dict, description: str, items: list[tuple[str, float]]) -> Figure:
        """A chart of named values (no table in data/); its CSV is made from the values."""
        if ident in self.figures:
            return self.figures[ident]
        n = self.refs.add(ident, "figur")
        fig = Figure(
            anchor=self.refs.anchor(ident), number=n, title=title, spec=spec, description=description, source=self.figure_source
        )
        rows = [(tables.csv_cell(name), tables.csv_number(value)) for name, value in items]
        csv_text = pd.DataFrame(rows, columns=["navn", "vaerdi"]).to_csv(index=False, lineterminator="\n")
        self._add_files(fig, csv_text)
        self.figures[ident] = fig
        return fig

    def _add_files(self, fig: Figure, csv_text: str) -> None:
        fig.svg_name = f"figur-{fig.number}.svg"
        fig.csv_name = f"figur-{fig.number}.csv"
        # With a cache, the SVG stays a file there (rendered in bulk by SvgFallbacks.render).
        svgs = self.ctx.svgs
        self.assets[f"{self.folder}/{fig.svg_name}"] = svgs.file(fig.spec) if svgs else charts.svg(fig.spec)
        self.assets[f"{self.folder}/{fig.csv_name}"] = csv_text

    def render(self, template: str, title: str, description: str | None = None, **context) -> Page:
        """The page: the template gets this builder as `page`, Markdown fields as `md`, headings
        as `h(level, text, id)` and links as `url(page, anchor)`."""
        self.ctx.markdown.page_path, self.ctx.markdown.toc = self.path, self.toc
        body = self.ctx.env.get_template(template).render(
            page=self, title=title, md=Fields(self.ctx.markdown, self.refs), h=self.toc.heading, url=self.url, **context
        )
        return Page(
            path=self.path,
            title=title,
            body=body,
            assets=self.assets,
            source=self.source,
            description=description,
            toc=self.toc.nested(),
            anchors=anchors(body),
        )


class DocumentPageBuilder(PageBuilder):
    """Builds a document's page (in its folder, doc_folder): the document's texts may name its
    figures ({tal:ID}), its tables are its sections', and it links the documents it refers to."""

    def __init__(self, ctx: Context, dataset: Dataset, doc: Document):
        super().__init__(ctx, dataset, doc_folder(doc))
        self.path = doc_page(doc)
        self.doc = doc
        self.source = doc.path
        jc = dataset.jobcentres[doc.jobcentre]
        self.figure_source = f"{doc.model.title}, {jc.name}" + "".join(f"; {s.name}" for s in doc.model.sources)
        # {tal:ID} in its texts: the figures text_facts records, formatted
        self.refs.facts = {f.id: goals.fact_words(f) for f in doc.model.text_facts}

    def link(self, slug: str) -> Link:
        """A link to the document `slug` in this document's folder."""
        target = self.dataset.find(self.doc.jobcentre, self.doc.year, slug)
        if target is None:
            kind = kind_of(slug) or slug
            return Link(text=f"{self.ctx.kind_titles.get(kind, kind.capitalize())} for {self.doc.year}", href=None)
        date = getattr(target.model, "date", None) or target.model.published
        return Link(text=target.model.title, href=self.doc_url(target), date=date)

    def figure_for_peers(self, goal: Goal) -> Figure:
        title = f"{goal.shown_label}: sammenligning med andre jobcentre"
        if goal.rank:
            title += f" ({fmt.rank(goal.rank)})"
        ranked = sorted(goal.comparisons, key=lambda p: -p.value)
        own = goals.own_entry(goal, self.jobcentre_short)
        desc = describe_values(
            "Rangordnet søjlediagram",
            title,
            [(p.name + (" (eget jobcenter)" if p is own else ""), fmt.quantity(p.value, goal.comparison_unit)) for p in ranked],
        )
        spec = charts.peer_chart(
            goal.comparisons, goal.comparison_unit, title, highlight=own.name if own else self.jobcentre_short
        )
        return self.figure_for_values(f"{goal.id}-sammenligning", title, spec, desc, [(p.name, p.value) for p in ranked])

    def section_items(self, section: Section | FollowUp) -> list[tuple[str, object]]:
        """A section's (or the follow-up's) tables in order: ('figure', Figure) or ('table', ShownTable)."""
        items: list[tuple[str, object]] = []
        for t in section.tables:
            table = self.doc.table(t)
            if table.chart:
                fig = self.figure_for_table(table)
                fig.data_open = table.provenance == "table"
                items.append(("figure", fig))
            else:
                items.append(("table", self.shown_table(table)))
        return items

    def shown_table(self, table: Table) -> ShownTable:
        """A table shown as a table: numbered, and its CSV (tabel-<id>.csv) beside the page."""
        n, anchor = self.refs.add(table.id, "tabel"), self.refs.anchor(table.id)
        shown = ShownTable(number=n, anchor=anchor, table=table, csv_name=f"{anchor}.csv")
        self.assets[f"{self.folder}/{shown.csv_name}"] = tables.csv_text(table)
        return shown

    @property
    def jobcentre_short(self) -> str:
        return self.dataset.jobcentres[self.doc.jobcentre].name.replace("Jobcenter ", "")

    def render_document(self, template: str, description: str, **context) -> Page:
        """A document's page: the template also gets the document (`doc`, `document`), its
        jobcentre, and links to the documents it refers to and that refer to it."""
        jc = self.dataset.jobcentres[self.doc.jobcentre]
        return self.render(
            template,
            f"{self.doc.model.title} – {jc.name}",
            description,
            doc=self.doc.model,
            document=self.doc,
            jobcentre=jc,
            references=[self.link(slug) for slug in self.doc.model.references()],
            related=[self.link(d.slug) for d in self.dataset.referring_to(self.doc)],
            **context,
        )


_ID = re.compile(r'\sid="([^"]+)"')


def anchors(body: str) -> set[str]:
    """The ids of a page's elements: what a link to the page may name after its '#'."""
    return {html.unescape(i) for i in _ID.findall(body)}
