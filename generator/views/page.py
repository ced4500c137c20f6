"""Markdown pages from the models, through Jinja templates.

Every text from data/ is escaped (autoescape): Markdown fields keep their Markdown, but any HTML
in them shows as text. Figures and tables are numbered per page in the order they appear, and
`{ref:ID}` in a Markdown field becomes a link with the right number ("tabel 4").
"""
from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape
import pandas as pd

from generator.views import charts

from generator.results import goals as compute

from generator.results import counts as results

from generator.results import trace
from generator import formatting as fmt
from generator.data.loader import Dataset, Document
from generator.data.models import Column, Goal, Range, Section, StartEnd, Table, kind_of

TEMPLATES = Path(__file__).parent / "templates"

# The blocks of pure HTML the templates write: figures (_figure.html.j2) and tables
# (table_html, _goal_table.html.j2 and the overview tables), each from its first line to
# its own closing line. Markdown has nothing to do inside them, and parsing them was most of
# MkDocs' time on a document page, so the plugin hides them from Markdown (see
# site_plugins/jobcentres.py). A new template block of pure HTML can start the same way. Plain
# prose is written as HTML as well (MarkdownField.block and .plain: paragraphs, lists, a plan's
# goals) and hidden the same way, as are the templates' one-line paragraphs (class="jc-...").
# A link to a page in such a block is written as in Markdown (href="../x/index.md#y"); the
# plugin makes it the page's address.
# (Matched line by line, "(?:[^\n]*\n)*?": 6 times as fast as ".*?^" with re.S.)
_LINES = r"(?:[^\n]*\n)*?"
HTML_BLOCK = re.compile(rf'^(?:<figure class="jc-figure"{_LINES}</figure>|<div class="jc-table-wrap"{_LINES}</div>'
                        rf'|<div class="jc-(?:letter|sources)">\n{_LINES}</div>'
                        rf'|<div class="jc-plan-goal" id="[^"\n]*">\n{_LINES}</div>|<ul>\n{_LINES}</ul>|<ol>\n{_LINES}</ol>'
                        r'|<p(?: class="jc-lead")?>[^<]*(?:<(?!/p>)[^<]*)*</p>|<p class="jc-[^"\n]*">[^\n]*</p>)[ \t]*$', re.M)

DIRECTION_WORDS = {"at_most": "højst", "at_least": "mindst", "exactly": "præcis"}
# Every document kind's name on the site (navigation, timelines). A new kind adds a line.
KIND_TITLES = {
    "beskaeftigelsesplan": "Beskæftigelsesplan",
    "resultatrevision": "Resultatrevision",
    "tilbagemelding": "Tilbagemelding",
    "referat": "Referat",
}


class Page:
    """A page for the site: a Markdown file and the files that belong to it (SVG, CSV).

    The Markdown is kept as UTF-8 (`data`); `content` gives it as text. At national scale the
    pages are held until MkDocs has built them all, and Python keeps a str with any character
    beyond Latin-1 (the en dash of every document title) at 2 bytes a character: ~500 MB as str,
    ~260 MB as UTF-8."""

    def __init__(self, path: str, title: str, content: str | bytes, assets: dict | None = None,
                 source: Path | None = None):
        self.path = path  # relative to the docs root, fx 'hvidovre/2013/resultatrevision/index.md'
        self.title = title
        self.data = content.encode("utf-8") if isinstance(content, str) else content
        self.assets: dict[str, str | bytes | Path] = {} if assets is None else assets  # path on the site -> content, or a file to copy
        self.source = source  # the data file the page is made from, for edit links

    @property
    def content(self) -> str:
        return self.data.decode("utf-8")

    @property
    def folder(self) -> str:
        return self.path.rsplit("/", 1)[0]


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


def doc_folder(doc: Document) -> str:
    """The stable, readable address of a document: <jobcentre>/<year>/<document>/"""
    return f"{doc.jobcentre}/{doc.year}/{doc.slug}"


def md_link(from_folder: str, to_page: str, anchor: str | None = None) -> str:
    """A relative Markdown link target from a page's folder to another page's .md file
    (MkDocs checks it and turns it into the page's address)."""
    rel = posixpath.relpath(to_page, from_folder or ".")
    return rel + (f"#{anchor}" if anchor else "")


def doc_link(from_folder: str, doc: Document, anchor: str | None = None) -> str:
    return md_link(from_folder, f"{doc_folder(doc)}/index.md", anchor)


@dataclass
class Link:
    """A link from one document's page to another's; href is None when the other is not in data/."""

    text: str
    href: str | None
    date: dt.date | None = None


def link(dataset: Dataset, source: Document, slug: str) -> Link:
    """A link to the document `slug` in source's folder, relative to source's page."""
    target = dataset.find(source.jobcentre, source.year, slug)
    if target is None:
        kind = kind_of(slug)
        return Link(text=f"{KIND_TITLES.get(kind, slug)} for {source.year}", href=None)
    href = doc_link(doc_folder(source), target)
    date = getattr(target.model, "date", None) or target.model.published
    return Link(text=target.model.title, href=href, date=date)


# --------------------------------------------------------------------------- escaping


def _json_script(value) -> Markup:
    """JSON safe inside <script>: no '<', '>' or '&' survive as such.

    Not for chart specs: Material's instant navigation re-creates inline scripts without their
    type, so a <script type="application/json"> would run as JavaScript (see _json_attr)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def _json_attr(value) -> Markup:
    """JSON as the value of a single-quoted HTML attribute (read back with
    JSON.parse(getAttribute())). The characters HTML would read (' & < >) are written as JSON
    escapes, so the value needs no HTML escaping: escaping every '"' as '&#34;' made a chart's
    spec 2.5 times as long, a third of a document page."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for ch in "'&<>":
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return Markup(text)


class Refs:
    """Page-wide numbering of figures and tables, for captions and for {ref:ID} in text."""

    def __init__(self):
        self.items: dict[str, tuple[str, int, str]] = {}
        self.counts = {"figur": 0, "tabel": 0}
        self.facts: dict[str, str] = {}  # {tal:ID} -> the figure, formatted (text_facts)

    def add(self, ident: str, kind: str) -> int:
        if ident not in self.items:
            self.counts[kind] += 1
            self.items[ident] = (kind, self.counts[kind], f"{kind}-{ident}")
        return self.items[ident][1]

    def anchor(self, ident: str) -> str:
        return self.items[ident][2]

    def label(self, ident: str) -> str:
        kind, n, _ = self.items[ident]
        return f"{kind.capitalize()} {n}"

    def link(self, m: re.Match, html: bool = False) -> str:
        """A Markdown link, or with html the HTML Markdown makes of it."""
        ident = m.group(1)
        if ident not in self.items:
            return m.group(0)  # shown as written, braces encoded
        kind, n, anchor = self.items[ident]
        return f'<a href="#{anchor}">{kind} {n}</a>' if html else f"[{kind} {n}](#{anchor})"

    def html_link(self, m: re.Match) -> str:
        return self.link(m, html=True)

    def fact(self, m: re.Match) -> str:
        """{tal:ID}: the figure text_facts records, formatted (as written when there is none)."""
        words = self.facts.get(m.group(1))
        return m.group(0) if words is None else f'<span class="jc-fact">{words}</span>'


# Characters that mean something to Markdown or its extensions (links, attr_list's {: ...},
# tables, code), written as numeric references: browsers show them as the characters, Markdown
# leaves them alone. '_' stays as it is: it is common in class names and words, and Markdown
# does not treat an underscore inside a word as emphasis.
_MD_SPECIAL = {c: f"&#{ord(c)};" for c in "\\`*[]{}|"}
_MD_SPECIAL_RE = re.compile("[" + re.escape("".join(_MD_SPECIAL)) + "]")
# Where a Markdown link or reference definition starts its address, and the address up to the
# first ')' (the end of an inline link) or blank line.
_LINK_ADDRESS_RE = re.compile(r"(\]\(|^[ ]{0,3}\[[^\]\n]*\]:)([^)]*?)(?=\)|\n[ \t]*\n|\Z)", re.M | re.S)
# A URL's scheme as a browser reads it: leading spaces and control characters are dropped, and
# tabs and line breaks anywhere.
_SCHEME_RE = re.compile(r"[\x00-\x20]*([a-z][a-z0-9+.-]*):", re.I)
_TAB_OR_NEWLINE_RE = re.compile(r"[\t\n\r]+")
SAFE_URL_SCHEMES = ("http", "https", "mailto")


def _safe_links(escaped: str) -> str:
    """Markdown (HTML already escaped) in which a link or reference definition whose address has
    a scheme other than http(s): or mailto: (javascript:, data:, vbscript:, file:, ...) is no
    link: its bracket is escaped, so Markdown shows it as the text that was written. Addresses
    without a scheme (links within the site, #anchors) stay links."""

    def check(m: re.Match) -> str:
        scheme = _SCHEME_RE.match(_TAB_OR_NEWLINE_RE.sub("", m.group(2)))
        if scheme and scheme.group(1).lower() not in SAFE_URL_SCHEMES:
            bracket = "]" if m.group(1).startswith("]") else "["
            return m.group(0).replace(bracket, "\\" + bracket, 1)
        return m.group(0)

    return _LINK_ADDRESS_RE.sub(check, escaped) if "]" in escaped else escaped


def markdown_text(text: str) -> str:
    """A Markdown field's text, ready for Markdown: HTML and attr_list's braces escaped, links
    only to the web, mail and the site (_safe_links)."""
    return _safe_links(MarkdownField._escaped(text))


def literal_text(value) -> Markup:
    """Any text from data as text, wherever a template puts it: in HTML, in an attribute or in a
    Markdown line. Every template's {{ ... }} goes through here (the environment's finalize);
    what is already Markup (md(), json_script, |safe) is left as it is."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    text = str(escape(" ".join(value.split()) if "\n" in value else value))
    return Markup(_MD_SPECIAL_RE.sub(lambda m: _MD_SPECIAL[m.group(0)], text))


def safe_url(value: str | None) -> Markup | None:
    """A web or mail address, percent-encoded so that it can stand in HTML or in a Markdown
    link; None for anything else (javascript:, data:, a bare word)."""
    value = (value or "").strip()
    if value.split(":", 1)[0].lower() not in SAFE_URL_SCHEMES or ":" not in value:
        return None
    return Markup(quote(value, safe="/:?#=&%+;,@!$~"))


# Prose that Markdown would only wrap in paragraphs, as it is: no character that Markdown or
# an extension reads (escapes, code, emphasis, links and images, admonitions, headings, tables,
# fences; & < > " ' and braces are escaped before Markdown sees them), no whitespace but spaces
# and line breaks, no line that starts or ends with a space (code block, hard line break) or
# with - + = (list item, setext underline, rule), no paragraph that starts like a numbered list
# item (within a paragraph, Markdown leaves "\n8. januar" alone).
_MARKDOWN_CHAR = re.compile(r"[\\`*_\[\]!|#~]")
_LINE_START = re.compile(r"\n[-+=]")
_NUMBERED_PARAGRAPH = re.compile(r"(?:\A|\n\n)\d+[.)](?:[ \n]|\Z)")
_PARAGRAPH_BREAK = re.compile(r"\n\n+")
_NUMBERED_LINE = re.compile(r"^\d+[.)](?: |$)", re.M)  # in a list item, any such line starts a new item
_REF = re.compile(r"&#123;ref:([a-z0-9-]+)&#125;")
_FACT = re.compile(r"&#123;tal:([a-z0-9-]+)&#125;")
# Plain prose is written as HTML (MarkdownField.block, .plain). False: all prose goes through
# Markdown, as before (the site comes out the same: tests/test_prose.py).
DIRECT_HTML = True


def plain_paragraphs(text: str) -> list[str] | None:
    """The paragraphs of a stripped text that Markdown would turn into nothing but <p> elements
    of the same text, or None when it might do more (be it only a line break)."""
    if (_MARKDOWN_CHAR.search(text) or text[:1] in " -+=" or text[-1:] == " " or "\n " in text or " \n" in text
            or _LINE_START.search(text) or _NUMBERED_PARAGRAPH.search(text) or not text.replace("\n", "").isprintable()):
        return None  # (several simple searches: one regex with ^ and $ took 3 times as long)
    return _PARAGRAPH_BREAK.split(text)


def plain_text(text: str | None) -> bool:
    """Whether Markdown would write the text as it is (one paragraph, no line that starts like a
    numbered list item) in a paragraph, a list item or a markdown="1" block alike. None and ""
    count as plain."""
    if not text:
        return True
    paragraphs = plain_paragraphs(text)
    return paragraphs is not None and len(paragraphs) == 1 and not _NUMBERED_LINE.search(text)


class MarkdownField:
    """Markdown written by staff: its Markdown works, HTML shows as text, attr_list's {...} and
    links to javascript: and the like show as text, and {ref:ID} becomes a numbered link.

    md(text) gives Markdown for any place in a template; md.block(text) is for a text that
    stands between blank lines at the top level of a page (not in a list, a note or a
    markdown="1" block): there, plain prose comes out as the HTML Markdown would make of it,
    which the plugin hides from MkDocs' Markdown step (most of a document page is such prose)."""

    def __init__(self, refs: Refs):
        self.refs = refs

    @staticmethod
    def _escaped(text: str) -> str:
        return str(escape(text)).replace("{", "&#123;").replace("}", "&#125;")

    def __call__(self, text: str | None) -> Markup:
        if not text:
            return Markup("")
        return Markup(_FACT.sub(self.refs.fact, _REF.sub(self.refs.link, markdown_text(text.strip()))))

    def plain(self, *texts) -> bool:
        """Whether a template may write the HTML of these texts itself (as it is for text that
        the environment escapes, md.html for Markdown fields), because Markdown would make the
        same of them (plain_text). Each argument is a text, a number, None, or an iterable of them."""
        if not DIRECT_HTML:
            return False
        values = [x for t in texts for x in ((t,) if t is None or isinstance(t, (str, int, float)) else t)]
        return all(plain_text(None if x is None else str(x)) for x in values)

    def html(self, text: str | None) -> Markup:
        """A Markdown field that md.plain() passed, as HTML inside an element the template writes."""
        return Markup(_FACT.sub(self.refs.fact, _REF.sub(self.refs.html_link, self._escaped((text or "").strip()))))

    def block(self, text: str | None, css_class: str | None = None) -> Markup:
        """css_class: the class of the text's last paragraph (attr_list's `{: .class }`)."""
        text = (text or "").strip()
        if not text:
            return Markup("")
        paragraphs = plain_paragraphs(text) if DIRECT_HTML else None
        if paragraphs is None:
            return self(text) + (Markup(f"\n{{: .{css_class} }}") if css_class else "")
        *first, last = [self.html(p) for p in paragraphs]
        html = [f"<p>{p}</p>" for p in first] + [f'<p class="{css_class}">{last}</p>' if css_class else f"<p>{last}</p>"]
        return Markup("\n\n".join(html))


def _number_filter(value, decimals=None):
    return fmt.number(value, decimals)


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=literal_text,
    )
    env.filters.update(
        number=_number_filter,
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
        json_script=_json_script,
        full_stop=fmt.full_stop,
        json_attr=_json_attr,
        safe_url=safe_url,
    )
    env.globals.update(state_words=compute.STATE_WORDS, direction_words=DIRECTION_WORDS, **_env_globals)
    return env


_ENV = None


def env() -> Environment:
    global _ENV
    if _ENV is None:
        _ENV = environment()
    return _ENV


# --------------------------------------------------------------------------- figures


def describe_table_chart(table: Table, goal_outcome: compute.Outcome | None = None) -> str:
    """A short text alternative made from the data: what is shown, first and last values (all
    values when the x axis holds categories), target."""
    spec = table.chart
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


def csv_cell(value):
    """Text a spreadsheet would run as a formula ('=', '+', '-', '@' first) gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _tuple(key) -> tuple:
    return key if isinstance(key, tuple) else (key,)


def _csv_text(table: Table) -> str:
    df = table.frame.copy()
    for c in table.columns:
        if c.type == "period":
            df[c.key] = df[c.key].map(lambda v: v.strftime("%Y-%m") if isinstance(v, dt.date) else v)
        elif c.type == "text":
            df[c.key] = df[c.key].map(csv_cell)
    df.columns = [csv_cell(str(k)) for k in df.columns]  # the headers are the data's column keys
    return df.to_csv(index=False, lineterminator="\n")


class PageBuilder:
    """Builds one document's page: numbers figures, renders charts and the template."""

    def __init__(self, dataset: Dataset, doc: Document | None, svg_cache: Path | None = None, folder: str | None = None):
        self.dataset = dataset
        self.doc = doc
        self.svg_cache = svg_cache
        self.refs = Refs()
        if doc is not None:
            self.refs.facts = {f.id: str(literal_text(fact_words(f))) for f in doc.model.text_facts}
        self.figures: dict[str, Figure] = {}
        self.assets: dict[str, str] = {}
        self.folder = folder or doc_folder(doc)

    def figure_for_table(self, table: Table, goal_outcome: compute.Outcome | None = None) -> Figure:
        if table.id in self.figures:
            return self.figures[table.id]
        n = self.refs.add(table.id, "figur")
        spec = charts.table_chart(table, table.title)
        fig = Figure(
            anchor=self.refs.anchor(table.id), number=n, title=table.title, spec=spec,
            description=describe_table_chart(table, goal_outcome), table=table,
        )
        self._add_files(fig, _csv_text(table))
        self.figures[table.id] = fig
        return fig

    def figure_for_peers(self, goal: Goal) -> Figure:
        title = f"{goal.shown_label}: sammenligning med andre jobcentre"
        if goal.rank:
            title += f" ({fmt.rank(goal.rank)})"
        ranked = sorted(goal.comparisons, key=lambda p: -p.value)
        own = own_entry(goal, self.jobcentre_short)
        desc = describe_values("Rangordnet søjlediagram", title,
                               [(p.name + (" (eget jobcenter)" if p is own else ""), fmt.quantity(p.value, goal.comparison_unit))
                                for p in ranked])
        spec = charts.peer_chart(goal.comparisons, goal.comparison_unit, title, highlight=own.name if own else self.jobcentre_short)
        return self.figure_for_values(f"{goal.id}-sammenligning", title, spec, desc, [(p.name, p.value) for p in ranked])

    def figure_for_values(self, ident: str, title: str, spec: dict, description: str,
                          items: list[tuple[str, float]]) -> Figure:
        """A chart of named values (no table in data/); its CSV is made from the values."""
        if ident in self.figures:
            return self.figures[ident]
        n = self.refs.add(ident, "figur")
        fig = Figure(anchor=self.refs.anchor(ident), number=n, title=title, spec=spec, description=description)
        rows = [(csv_cell(name), value) for name, value in items]
        csv_text = pd.DataFrame(rows, columns=["navn", "vaerdi"]).to_csv(index=False, lineterminator="\n")
        self._add_files(fig, csv_text)
        self.figures[ident] = fig
        return fig

    def section_items(self, section: Section) -> list[tuple[str, object]]:
        """A section's tables in order: ('figure', Figure) or ('table', (number, anchor, Table))."""
        items = []
        for t in section.tables:
            table = self.doc.table(t)
            if table.chart:
                fig = self.figure_for_table(table)
                fig.data_open = table.provenance == "table"
                items.append(("figure", fig))
            else:
                n = self.refs.add(table.id, "tabel")
                items.append(("table", (n, self.refs.anchor(table.id), table)))
        return items

    @property
    def jobcentre_short(self) -> str:
        return self.dataset.jobcentres[self.doc.jobcentre].name.replace("Jobcenter ", "")

    def _add_files(self, fig: Figure, csv_text: str) -> None:
        fig.svg_name = f"figur-{fig.number}.svg"
        fig.csv_name = f"figur-{fig.number}.csv"
        # With a cache, the SVG stays a file there (rendered in bulk by charts.render_pending).
        self.assets[f"{self.folder}/{fig.svg_name}"] = (
            charts.svg_file(fig.spec, self.svg_cache) if self.svg_cache else charts.svg(fig.spec))
        self.assets[f"{self.folder}/{fig.csv_name}"] = csv_text

    def render_page(self, template: str, title: str, **context) -> Page:
        """A page that belongs to no single document (overviews, data)."""
        content = env().get_template(template).render(page=self, title=title, md=MarkdownField(self.refs), **context)
        return Page(path=f"{self.folder}/index.md", title=title, content=content, assets=self.assets)

    def render(self, template: str, **context) -> Page:
        """A document's page."""
        jc = self.dataset.jobcentres[self.doc.jobcentre]
        tpl = env().get_template(template)
        content = tpl.render(
            doc=self.doc.model, document=self.doc, jobcentre=jc, page=self,
            md=MarkdownField(self.refs),
            references=[link(self.dataset, self.doc, slug) for slug in self.doc.model.references()],
            related=[link(self.dataset, self.doc, d.slug) for d in self.dataset.referring_to(self.doc)],
            **context,
        )
        title = f"{self.doc.model.title} – {jc.name}"
        return Page(path=f"{self.folder}/index.md", title=title, content=content, assets=self.assets,
                    source=self.doc.path)


# --------------------------------------------------------------------------- revision


@dataclass
class GoalView:
    goal: Goal
    outcome: compute.Outcome
    level: int
    figures: list[Figure]
    peers: Figure | None
    disagreements: list[str]
    subgoals: list["GoalView"]
    table_number: int | None = None
    table_anchor: str | None = None
    plan_link: tuple[str, str] | None = None  # (words, link) to the plan goal this reviews

    @property
    def numeric(self) -> bool:
        return self.goal.direction != "qualitative"


def _disagreements(goal: Goal, o: compute.Outcome) -> list[str]:
    return [f"Dokumentet skriver ({c.where}), at målet er {compute.STATE_WORDS[claimed]}"
            f", men tallene viser, at det er {compute.STATE_WORDS[o.state]}."
            for c, claimed in compute.contradicted_claims(goal, o)]


def revision_page(dataset: Dataset, doc: Document, svg_cache: Path | None = None) -> Page:
    b = PageBuilder(dataset, doc, svg_cache)
    model = doc.model
    plan, planned = trace.plan_goals(dataset, doc)
    plan_labels = trace.goal_labels(plan.model) if plan else {}

    def view(goal: Goal, level: int) -> GoalView:
        o = compute.outcome(goal)
        v = GoalView(goal=goal, outcome=o, level=level, figures=[], peers=None,
                     disagreements=_disagreements(goal, o), subgoals=[])
        planned_id = trace.reviewed_goal_id(goal)
        if planned_id in planned:
            v.plan_link = (f"{plan.model.title}, {plan_labels[planned_id].lower()}", doc_link(b.folder, plan, planned_id))
        # A goal table like the document's own (nulpunkt / status / mål).
        if level == 0 and (goal.direction != "qualitative" or goal.subgoals or o.state == "no_target"):
            v.table_number = b.refs.add(f"maal-{goal.id}", "tabel")
            v.table_anchor = b.refs.anchor(f"maal-{goal.id}")
        v.figures = [b.figure_for_table(doc.table(t), o) for t in goal.charts]
        if goal.comparisons:
            v.peers = b.figure_for_peers(goal)
        v.subgoals = [view(g, level + 1) for g in goal.subgoals]
        return v

    goals = [view(g, 0) for g in model.goals]
    sections = [(s, b.section_items(s)) for s in model.sections]
    overview = results.summary(model.goals)
    follow_up = None
    if model.follow_up:  # after the goals: its own figures and series, apart from the year's
        n = b.refs.add("seneste-udvikling", "tabel")
        follow_up = (model.follow_up, follow_up_rows(model), n, b.section_items(model.follow_up))
    return b.render("resultatrevision.md.j2", goals=goals, sections=sections, overview=overview,
                    baseline_period=model.baseline_period, status_period=model.status_period,
                    target_period=model.target_period, follow_up=follow_up)


def headline(doc: Document) -> str:
    """One line for lists and timelines: the kind's own headline from HEADLINES, else how its
    goals came out under the site's one counting rule (results.summary)."""
    if doc.kind in HEADLINES:
        return HEADLINES[doc.kind](doc)
    goals = getattr(doc.model, "goals", [])
    return results.summary(goals).headline() if goals else ""


# --------------------------------------------------------------------------- letter


def letter_page(dataset: Dataset, doc: Document, svg_cache: Path | None = None) -> Page:
    return PageBuilder(dataset, doc, svg_cache).render("tilbagemelding.md.j2")


# --------------------------------------------------------------------------- minutes


def minutes_page(dataset: Dataset, doc: Document, svg_cache: Path | None = None) -> Page:
    b = PageBuilder(dataset, doc, svg_cache)
    items = [(item, [(s, b.section_items(s)) for s in item.presentation]) for item in doc.model.items]
    return b.render("referat.md.j2", items=items)


# --------------------------------------------------------------------------- all pages

PAGE_BUILDERS = {
    "resultatrevision": revision_page,
    "tilbagemelding": letter_page,
    "referat": minutes_page,
}
HEADLINES: dict = {}  # kind -> function(Document) -> str, for kinds whose headline is not a goal count


def build_pages(dataset: Dataset, svg_cache: Path | None = None) -> list[Page]:
    pages = []
    for doc in dataset.documents:
        builder = PAGE_BUILDERS.get(doc.kind)
        if builder:
            pages.append(builder(dataset, doc, svg_cache))
    return pages


# --------------------------------------------------------------------------- goal cells


def _with_unit(value: float | None, unit: str | None) -> str:
    return fmt.quantity(value, unit)


def goal_cells(goal: Goal, o: compute.Outcome, doc, period_in_heading: bool = False) -> dict[str, str]:
    """The words in a goal's row: nulpunkt, status, mål and the computed result. The status
    names the goal's own status period unless period_in_heading (its table's heading does)."""
    unit = goal.unit
    status_period = goal.status_period or getattr(doc, "status_period", None)  # a models.Span
    cells = {"baseline": "", "status": "", "target": "", "change": "", "state": compute.STATE_WORDS[o.state]}
    if goal.baseline is not None:
        cells["baseline"] = _with_unit(goal.baseline, unit)
    s = goal.status
    if goal.status_text:
        cells["status"] = goal.status_text
    elif isinstance(s, StartEnd):
        cells["status"] = (f"{_with_unit(s.start, unit)} ({fmt.month(s.start_period)}) til "
                           f"{fmt.number(s.end)} ({fmt.month(s.end_period)})")
    elif isinstance(s, Range):
        cells["status"] = (f"mellem {fmt.number(s.min)} og {fmt.number(s.max)}"
                           f"{' ' + unit if unit else ''} pr. måned, gennemsnitlig {fmt.number(s.mean)}")
    elif s is not None:
        cells["status"] = _with_unit(s, unit)
    if (s is not None and goal.status_period and goal.status_period != getattr(doc, "status_period", None)
            and not period_in_heading):
        cells["status"] = f"{fmt.span(status_period).capitalize()}: {cells['status']}"
    if o.change_abs is not None:
        cells["change"] = f"{fmt.change(o.change_pct)} ({fmt.change_abs(o.change_abs, unit)})"
    if goal.target is not None:
        cells["target"] = target_words(goal.direction, goal.target, unit)
        if o.target_change_pct is not None:
            cells["target"] += f" ({fmt.change(o.target_change_pct)})"
    elif o.state == "no_target":
        cells["target"] = "intet mål"
    return cells


def target_words(direction: str, value: float, unit: str | None) -> str:
    """'mindst 16 pct.', 'højst 60 personer'"""
    return f"{DIRECTION_WORDS.get(direction, '')} {fmt.quantity(value, unit)}".strip()


def result_sentence(goal: Goal, o: compute.Outcome) -> str:
    """'Ikke opfyldt: 94 personer mod et mål på højst 60 personer; fald på 59,3 pct. ...'"""
    if goal.subgoals:
        return f"{o.met_count} ud af {o.total} mål er opfyldt."
    if o.state == "not_measured":
        return "Målet er ikke målt i dokumentet."
    if o.state == "no_target":
        return no_target_sentence(goal, o)
    if goal.direction == "qualitative":
        return fmt.full_stop(compute.STATE_WORDS[o.state].capitalize() + (f": {goal.status_text}" if goal.status_text else ""))
    text = (f"{compute.STATE_WORDS[o.state].capitalize()}: {fmt.quantity(o.compared, goal.unit)} mod et mål på "
            f"{target_words(goal.direction, goal.target, goal.unit)}")
    return fmt.full_stop(text + _change_and_rank(goal, o))


def no_target_sentence(goal: Goal, o: compute.Outcome) -> str:
    """'Målt, uden mål: 23,4 pct.; fald på 5,0 pct. siden nulpunktet; nr. 3 af 6 i klyngen.'"""
    text = f"{compute.STATE_WORDS['no_target'].capitalize()}: {fmt.quantity(o.compared, goal.unit)}"
    return fmt.full_stop(text + _change_and_rank(goal, o))


def _change_and_rank(goal: Goal, o: compute.Outcome) -> str:
    """'; fald på 5,0 pct. siden nulpunktet; nr. 3 af 6 i klyngen' (each part where it is known)."""
    text = f"; {fmt.change(o.change_pct)} siden nulpunktet" if o.change_pct is not None else ""
    return text + (f"; {fmt.rank(goal.rank)}" if goal.rank else "")


def own_entry(goal: Goal, short_name: str):
    """The jobcentre's own entry in a goal's comparison: the one marked own: true; failing that
    (older data), the one named as the registry's name without 'Jobcenter ' (docs/forfatter.md)."""
    return (next((p for p in goal.comparisons if p.own), None)
            or next((p for p in goal.comparisons if p.name == short_name), None))


def fact_words(fact) -> str:
    """A figure from the running text (models.TextFact), formatted: '4,2 pct.'"""
    return fmt.quantity(fact.value, fact.unit)


@dataclass
class FollowUpRow:
    goal: Goal
    figure: object  # models.FollowUpFigure
    state: str
    status: str
    target: str


def follow_up_rows(doc) -> list[FollowUpRow]:
    """The follow-up's figures ('seneste udvikling'), each against its own target where it has one.
    Not counted in the year's results (results.summary)."""
    goals = {g.id: g for g in compute.walk_goals(doc.goals)}
    rows = []
    for f in doc.follow_up.figures if doc.follow_up else []:
        g = goals[f.goal]
        target = "" if f.target is None else target_words(g.direction, f.target, g.unit)
        rows.append(FollowUpRow(goal=g, figure=f, state=compute.follow_up_state(g, f.status, f.target),
                                status=fmt.quantity(f.status, g.unit), target=target))
    return rows


def cell(value, column) -> str:
    if column.type == "period":
        return fmt.month(value) if isinstance(value, dt.date) else ""
    if column.type == "number":
        return "" if charts.missing(value) else fmt.number(value, column.decimals)
    return "" if value is None else str(value)


def table_html(table: Table, caption: str | None = None, anchor: str | None = None) -> Markup:
    """A data table as HTML (written in Python, as tables are most of a document page's HTML and
    a template took ~3 times as long). Every text goes through literal_text, like every {{ ... }}
    of a template. Body cells are numbers unless marked jc-text (jc-table--num): most are
    numbers, and a class on each was a twentieth of a revision page."""
    text = literal_text
    shown, rows = table_view(table)
    head_kinds = [' class="jc-num"' if c.type == "number" else "" for c in shown]
    kinds = ["" if c.type == "number" else ' class="jc-text"' for c in shown]
    table_id = f' id="{text(anchor)}"' if anchor else ""
    out = [f'<div class="jc-table-wrap" role="region" aria-label="{text(caption or table.title)}" tabindex="0">\n'
           f'<table class="jc-table jc-table--num"{table_id}>\n']
    if caption:
        out.append(f"<caption>{text(caption)}</caption>")
    out.append("<thead><tr>")
    out.extend(f'<th scope="col"{k}>{text(c.label)}</th>' for c, k in zip(shown, head_kinds))
    out.append("</tr></thead>\n<tbody data-pagefind-ignore>\n")
    emphasis = table.emphasis_column
    for row in rows:
        out.append('<tr class="jc-sum">' if emphasis and row[emphasis] else "<tr>")
        for i, (c, k) in enumerate(zip(shown, kinds)):
            value = text(cell(row[c.key], c))
            out.append(f'<th scope="row">{value}</th>' if i == 0 else f"<td{k}>{value}</td>")
        out.append("</tr>\n")
    out.append("</tbody>\n</table>\n</div>\n")
    return Markup("".join(out))


def table_view(table: Table) -> tuple[list[Column], list[dict]]:
    """The columns and rows a table is shown with. A wide table is shown wide again, as in the
    document: one column per value of wide.column (fx 'okt. 2012'), in the CSV's order."""
    shown = [c for c in table.columns if c.show]
    records = table.records
    if not table.wide:
        return shown, records
    spread_col, value_col = table.column(table.wide.column), table.column(table.wide.value)
    spread = list(dict.fromkeys(r[spread_col.key] for r in records))
    if not spread:
        return shown, records
    fixed = [c for c in shown if c.key not in (spread_col.key, value_col.key)]
    columns = fixed + [value_col.model_copy(update={"key": f"_{i}", "label": cell(v, spread_col)}) for i, v in enumerate(spread)]
    rows = []
    for start in range(0, len(records), len(spread)):
        chunk = records[start:start + len(spread)]  # the loader writes one CSV row's cells together
        rows.append({**chunk[0], **{f"_{i}": r[value_col.key] for i, r in enumerate(chunk)}})
    return columns, rows


_env_globals = dict(goal_cells=goal_cells, result_sentence=result_sentence, cell=cell, table_view=table_view,
                    table_html=table_html, fact_words=fact_words)

# Page kinds in their own modules register their builders when imported.
from generator.views import plan as plan_page  # noqa: E402,F401 - registers the plan page
