"""HTML from data: escaping, staff Markdown, headings and the page's table of contents, links.

A page's body is HTML, written by its template; the only Markdown on a generated page is what
staff wrote in a Markdown field, rendered here once, with the site's Markdown extensions
(`MarkdownRenderer`). Every text from data/ is escaped: Markdown fields keep their Markdown,
but HTML in them shows as text, attr_list's braces show as text, and links go only to the
web, mail and the site. `{ref:ID}` in a Markdown field becomes a link to the numbered figure
or table ("figur 2").
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import markdown
from markdown.extensions.toc import nest_toc_tokens, render_inner_html, slugify, strip_tags, unique
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE
from markupsafe import Markup, escape

# The site's Markdown as MkDocs sets it up from mkdocs.yml (MkDocs' own toc, tables and
# fenced_code first); the plugin passes MkDocs' settings, and a test checks that these are the same.
EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition"]
PERMALINK_TITLE = "Link til dette afsnit"
EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {"toc": {"permalink": True, "permalink_title": PERMALINK_TITLE}}
SAFE_URL_SCHEMES = ("http", "https", "mailto")


# --------------------------------------------------------------------------- addresses


def page_url(path: str, directory_urls: bool = True) -> str:
    """The address of a page's source path within the site: 'a/b/index.md' -> 'a/b/', 'om-data.md'
    -> 'om-data/' (MkDocs' use_directory_urls), or '.../index.html' without directory URLs."""
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        folder = stem[: -len("index")]
        return folder if directory_urls else folder + "index.html"
    return stem + "/" if directory_urls else stem + ".html"


def relative_url(from_page: str, to_page: str, anchor: str | None = None, directory_urls: bool = True) -> str:
    """A relative link from one page (its source path) to another, as MkDocs writes a Markdown
    link between them: '../resultatrevision/#maal-3'."""
    here = page_url(from_page, directory_urls)
    here = (here if here.endswith("/") else posixpath.dirname(here) + "/").strip("/") or "."
    target = page_url(to_page, directory_urls)
    rel = posixpath.relpath(target or ".", here)
    if target.endswith("/") or not target:
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")


# --------------------------------------------------------------------------- escaping


def json_attr(value) -> Markup:
    """JSON as the value of a single-quoted HTML attribute (read back with
    JSON.parse(getAttribute())). The characters HTML would read (' & < >) are written as JSON
    escapes, so the value needs no HTML escaping. (Not a <script type="application/json">:
    Material's instant navigation re-creates inline scripts without their type and would run it.)"""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for ch in "'&<>":
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return Markup(text)


def safe_url(value: str | None) -> Markup | None:
    """A web or mail address, percent-encoded so that it can stand in an HTML attribute; None
    for anything else (javascript:, data:, a bare word)."""
    value = (value or "").strip()
    if value.split(":", 1)[0].lower() not in SAFE_URL_SCHEMES or ":" not in value:
        return None
    return Markup(quote(value, safe="/:?#=&%+;,@!$~").replace("&", "&amp;"))


# Where a Markdown link or reference definition starts its address, and the address up to the
# first ')' (the end of an inline link) or blank line.
_LINK_ADDRESS_RE = re.compile(r"(\]\(|^[ ]{0,3}\[[^\]\n]*\]:)([^)]*?)(?=\)|\n[ \t]*\n|\Z)", re.M | re.S)
# A URL's scheme as a browser reads it: leading spaces and control characters are dropped, and
# tabs and line breaks anywhere.
_SCHEME_RE = re.compile(r"[\x00-\x20]*([a-z][a-z0-9+.-]*):", re.I)
_TAB_OR_NEWLINE_RE = re.compile(r"[\t\n\r]+")


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


def _escaped(text: str) -> str:
    """HTML and attr_list's braces escaped."""
    return str(escape(text)).replace("{", "&#123;").replace("}", "&#125;")


def markdown_text(text: str) -> str:
    """A Markdown field's text, ready for Markdown: HTML and attr_list's braces escaped, links
    only to the web, mail and the site (_safe_links)."""
    return _safe_links(_escaped(text))


# --------------------------------------------------------------------------- staff Markdown


class _PageLinks(Treeprocessor):
    """Links in staff Markdown to pages of the site ('../../om-data.md#x') get the page's
    address, as MkDocs gives a Markdown link (validate and the build have checked that the
    page exists: site/sitecheck.py)."""

    def __init__(self, md, renderer: "MarkdownRenderer"):
        super().__init__(md)
        self.renderer = renderer

    def run(self, root):
        for a in root.iter("a"):
            href = a.get("href", "")
            path, _, anchor = href.partition("#")
            if not path.endswith(".md") or _SCHEME_RE.match(path) or path.startswith("/"):
                continue
            page = self.renderer.page_path
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
            a.set("href", relative_url(page, target, anchor or None, self.renderer.directory_urls))


class _Headings(Treeprocessor):
    """Headings in staff Markdown are sections of the page: each gets an id unique on the page
    and a permalink, as the toc extension gives them, and a place in the page's table of contents."""

    HEADINGS = {f"h{n}": n for n in range(1, 7)}

    def __init__(self, md, renderer: "MarkdownRenderer"):
        super().__init__(md)
        self.renderer = renderer

    def run(self, root):
        toc = self.renderer.toc
        if toc is None:
            return
        for el in root.iter():
            level = self.HEADINGS.get(el.tag)
            if level is None:
                continue
            inner = render_inner_html(el, self.md)
            name = strip_tags(inner)
            ident = toc.register(level, html.unescape(name), inner, el.get("id"), name=name)
            el.set("id", ident)
            link = etree.SubElement(el, "a", {"href": f"#{ident}", "class": "headerlink", "title": toc.permalink_title})
            link.text = f"{AMP_SUBSTITUTE}para;"


class _Extension(markdown.Extension):
    def __init__(self, renderer: "MarkdownRenderer"):
        super().__init__()
        self.renderer = renderer

    def extendMarkdown(self, md):
        md.treeprocessors.register(_PageLinks(md, self.renderer), "jc_page_links", 1)
        md.treeprocessors.register(_Headings(md, self.renderer), "jc_headings", 2)


# Prose that Markdown would only wrap in paragraphs, as it is: no character that Markdown or
# an extension reads (escapes, code, emphasis, links and images, admonitions, headings, tables,
# fences; & < > " ' and braces are escaped before Markdown sees them), no whitespace but spaces
# and line breaks, no line that starts or ends with a space (code block, hard line break) or
# with - + = (list item, setext underline, rule), no paragraph that starts like a numbered list
# item. tests/test_prose.py checks that such text comes out as Markdown makes it.
_MARKDOWN_CHAR = re.compile(r"[\\`*_\[\]!|#~]")
_LINE_START = re.compile(r"\n[-+=]")
_NUMBERED_PARAGRAPH = re.compile(r"(?:\A|\n\n)\d+[.)](?:[ \n]|\Z)")
_PARAGRAPH_BREAK = re.compile(r"\n\n+")


def plain_paragraphs(text: str) -> list[str] | None:
    """The paragraphs of a stripped text that Markdown would turn into nothing but <p> elements
    of the same text, or None when it might do more (be it only a line break)."""
    if (
        _MARKDOWN_CHAR.search(text)
        or text[:1] in " -+="
        or text[-1:] == " "
        or "\n " in text
        or " \n" in text
        or _LINE_START.search(text)
        or _NUMBERED_PARAGRAPH.search(text)
        or not text.replace("\n", "").isprintable()
    ):
        return None
    return _PARAGRAPH_BREAK.split(text)


class MarkdownRenderer:
    """Staff Markdown to HTML, with the site's Markdown extensions (headings in a field are not
    sections of the page: the table of contents extension is left out). One per build; pages
    are rendered one at a time."""

    def __init__(self, extensions: list | None = None, configs: dict | None = None, directory_urls: bool = True):
        extensions = [e for e in (EXTENSIONS if extensions is None else extensions) if e != "toc"]
        configs = {k: v for k, v in (EXTENSION_CONFIGS if configs is None else configs).items() if k != "toc"}
        self.md = markdown.Markdown(extensions=[*extensions, _Extension(self)], extension_configs=configs)
        self.directory_urls = directory_urls
        self.page_path = "index.md"  # the page being rendered: links are relative to it
        self.toc: Toc | None = None  # its headings

    def html(self, text: str | None, refs: "Refs | None" = None, inline: bool = False) -> Markup:
        """A Markdown field as HTML. inline: one paragraph's content, without its <p> (for a list
        item or a table cell); a text of several blocks stays as blocks."""
        text = (text or "").strip()
        if not text:
            return Markup("")
        paragraphs = plain_paragraphs(text)
        if paragraphs is not None:
            out = "\n".join(f"<p>{_escaped(p)}</p>" for p in paragraphs)
        else:
            self.md.reset()
            out = self.md.convert(markdown_text(text))
        if inline and out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
            out = out[3:-4]
        if refs is not None and ("&#123;ref:" in out or "&#123;tal:" in out):
            out = refs.links(out)
        return Markup(out)


# --------------------------------------------------------------------------- numbering, headings


class Refs:
    """Page-wide numbering of figures and tables, for captions and for {ref:ID} in text."""

    _REF = re.compile(r"&#123;(ref|tal):([a-z0-9-]+)&#125;")

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

    def links(self, html_text: str) -> str:
        """{ref:ID} (as escaped in a rendered field) as a link: '<a href="#figur-x">figur 2</a>';
        {tal:ID} as the figure text_facts records, formatted. Unknown ids stay as written."""

        def link(m: re.Match) -> str:
            if m.group(1) == "tal":
                words = self.facts.get(m.group(2))
                return m.group(0) if words is None else f'<span class="jc-fact">{escape(words)}</span>'
            item = self.items.get(m.group(2))
            return m.group(0) if item is None else f'<a href="#{item[2]}">{item[0]} {item[1]}</a>'

        return self._REF.sub(link, html_text)


@dataclass
class Toc:
    """The page's headings: each written with its id and permalink as Markdown's toc extension
    writes them, and collected for the table of contents (MkDocs' page.toc) and the page's anchors."""

    permalink_title: str = PERMALINK_TITLE
    tokens: list[dict] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    def register(self, level: int, plain: str, inner: str, ident: str | None = None, name: str | None = None) -> str:
        """A heading with this text (plain) and HTML (inner); returns its id: ident, else one made
        from its text as the toc extension does, unique on the page."""
        ident = ident if ident else unique(slugify(plain, "-"), self.ids)
        self.ids.add(ident)
        self.tokens.append(
            {
                "level": level,
                "id": ident,
                "name": html.escape(plain, quote=False) if name is None else name,
                "html": inner,
                "data-toc-label": "",
                "children": [],
            }
        )
        return ident

    def heading(self, level: int, content, ident: str | None = None, attrs: str = "") -> Markup:
        """content: text (escaped here) or Markup. ident: the heading's id, else made from its
        text as the toc extension does."""
        inner = content if isinstance(content, Markup) else escape(content)
        ident = self.register(level, Markup(inner).striptags(), str(inner), ident)
        extra = f" {attrs}" if attrs else ""
        return Markup(
            f'<h{level} id="{escape(ident)}"{extra}>{inner}<a class="headerlink" href="#{escape(ident)}" '
            f'title="{escape(self.permalink_title)}">&para;</a></h{level}>'
        )

    def nested(self) -> list[dict]:
        return nest_toc_tokens([dict(t, children=[]) for t in self.tokens])
