"""Staff Markdown is rendered once, in the generator, with the site's Markdown
(views/markup.py MarkdownRenderer): prose that Markdown would only wrap in paragraphs takes a
short way, and comes out as Markdown makes it; everything else goes through Markdown."""

from __future__ import annotations

import random

import markdown
import pytest
from mkdocs.config import load_config

from conftest import ROOT
from generator.views import markup
from generator.views.page import Fields


@pytest.fixture(scope="module")
def site_markdown():
    """Python-Markdown as MkDocs sets it up for this site (its extensions and their settings)."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert config.markdown_extensions == markup.EXTENSIONS  # the generator renders with the same
    assert config.mdx_configs == markup.EXTENSION_CONFIGS
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)

    def convert(text: str) -> str:
        """A Markdown field as Markdown alone makes it, {ref:...} as the renderer links it."""
        md.reset()
        return _refs().links(md.convert(markup.markdown_text(text.strip())))

    return convert


def _refs() -> markup.Refs:
    refs = markup.Refs()
    refs.add("forsoergelsesgrupper", "tabel")
    refs.add("ledighed", "figur")
    return refs


def rendered(text: str) -> str:
    renderer = markup.MarkdownRenderer()
    renderer.toc = markup.Toc()  # headings get ids and permalinks, as on a page
    return str(renderer.html(text, _refs()))


PLAIN = [
    "Ledigheden faldt.",
    "Æ, ø og å: Ærø, Øresund og Århus. ÆØÅ æøå é ü.",
    "Jobcentret kalder det \"Job først\" og 'ret og pligt'; «citat» og „citat“ – og – et — langt.",
    "Job & Co og R&D; 5 < 7 > 3 og &amp; og &lt;b&gt; som tekst.",
    "Se https://www.jobindsats.dk/jobindsats/public/forside?a=1&b=2 og mailto:jc@hvidovre.dk.",
    "Tal: 2.500 personer (12,5 pct.), +3 og 1/3 af 100 %. § 12, stk. 2. 8.000 kr. / md.",
    "Første linje\nanden linje, som en YAML-blok holder dem\ntredje.",
    "Første afsnit.\n\nAndet afsnit\nmed to linjer.\n\n\nTredje efter to tomme linjer.",
    "Der er pr.\n8. januar 2014 beregnet et potentiale, og i\n2012. Her var antallet 108.",
    "Status for\n2021.",
    "Antallet fremgår af {ref:forsoergelsesgrupper} og {ref:ledighed}.",
    "En ukendt {ref:findes-ikke} og {ingen ref} og {: .klasse } som tekst.",
    "Tekst med a-dagpenge - en bindestreg - og 3-4 måneder og -5 midt i.",
    "Spørgsmål? Ja. Semikolon; kolon: og (parentes) og 50 $ og @navn.",
    "Et emoji 🙂 og en ligatur ﬁ og græsk αβγ.",
    "E. Den 24-10-2012 blev aftalen indgået. A. Jobcenter følger op.",
]

MARKDOWN = [  # texts that must go through Markdown (their syntax works)
    "Ordet *fremhævet* og **fed**.",
    "snake_case og _kursiv_.",
    "Kode `x = 1`.",
    "Et [link](https://example.com) og et billede ![alt](x.png).",
    "## Overskrift i teksten",
    "Afsnit\n\n- punkt 1\n- punkt 2",
    "- punkt",
    "+ punkt",
    "1. punkt\n2. punkt",
    "Afsnit.\n\n2. punkt",
    "Titel\n=====",
    "Titel\n-----",
    "Tabel | med | lodrette streger",
    "En linje med hårdt linjeskift  \nog mere.",
    "Linje\n    indrykket fortsættelse",
    "!!! note\n    Bemærk",
    "Hej!",
    "Tilde ~~~",
    "Et \\* escaped tegn.",
    "Tab\tmellem ord.",
    "Hårdt\u00a0mellemrum.",
    "Blødt bindestreg\u00adord.",
    "Linjeskift\u2028midt i.",
    "Afsnit med [reference][1].\n\n[1]: https://example.com",
    "Entiteten &#123; og et #-tegn.",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_prose_is_written_as_markdown_would_write_it(site_markdown, text):
    assert markup.plain_paragraphs(text.strip()) is not None
    assert rendered(text).startswith("<p>")
    assert rendered(text) == site_markdown(text)


@pytest.mark.parametrize("text", MARKDOWN)
def test_text_with_markdown_goes_through_markdown(site_markdown, text):
    assert markup.plain_paragraphs(text.strip()) is None
    assert rendered(text) == site_markdown(text)


def test_refs_are_links():
    assert rendered("Se {ref:forsoergelsesgrupper}.") == '<p>Se <a href="#tabel-forsoergelsesgrupper">tabel 1</a>.</p>'
    assert rendered("Se *{ref:ledighed}*.") == '<p>Se <em><a href="#figur-ledighed">figur 1</a></em>.</p>'


def test_the_class_goes_on_the_last_paragraph():
    md = Fields(markup.MarkdownRenderer(), _refs())
    assert md("Et afsnit.", "jc-lead") == '<p class="jc-lead">Et afsnit.</p>'
    assert (
        md("Første afsnit.\n\nAndet & sidste.", "jc-lead") == '<p>Første afsnit.</p>\n<p class="jc-lead">Andet &amp; sidste.</p>'
    )
    assert md("Et *fremhævet* afsnit.", "jc-lead") == '<p class="jc-lead">Et <em>fremhævet</em> afsnit.</p>'


def test_empty_text_is_nothing():
    md = Fields(markup.MarkdownRenderer(), _refs())
    assert md(None) == md("") == md.inline("  ") == ""


def test_inline_drops_the_paragraph_of_one_paragraph_only():
    md = Fields(markup.MarkdownRenderer(), _refs())
    assert md.inline("Et *ord*.") == "Et <em>ord</em>."
    assert md.inline("Et.\n\nTo.") == "<p>Et.</p>\n<p>To.</p>"


def test_random_prose_is_what_markdown_makes_of_it(site_markdown):
    """Texts from words, Danish letters, numbers, punctuation, Markdown's characters, spaces and
    line breaks: whether it takes the short way or not, the renderer writes what Markdown makes
    of the text. The second half leaves out the characters that always send a text to
    Markdown, so that most texts take the short way."""
    rng = random.Random(2024)
    prose = [
        "Ledigheden",
        "faldt",
        "ærø",
        "ØRESUND",
        "å",
        "2.500",
        "8.",
        "12)",
        "2021.",
        "3.",
        "-",
        "+",
        "=",
        "–",
        ".",
        ",",
        ";",
        ":",
        "?",
        "(",
        ")",
        "/",
        "%",
        "'",
        '"',
        "&",
        "&amp;",
        "<",
        ">",
        "<b>",
        "§",
        "…",
        "1.",
        "1. ",
        "- ",
        "+ ",
        "= ",
        "https://a.dk/x?y=1&z=2",
        "{ref:ledighed}",
        "{ref:ukendt}",
        "{",
        "}",
        "    ",
        "  ",
        " ",
        "\n",
        "\n",
        "\n\n",
        "\n\n\n",
        "\n ",
        " \n",
    ]
    markdown_chars = ["*", "_", "`", "[", "]", "!", "|", "\\", "~", "\t", "\u00a0", "\x02"]
    taken = 0
    for i in range(6000):
        pieces = prose + markdown_chars if i < 3000 else prose
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n"]) for _ in range(rng.randint(1, 25)))
        if not text.strip():
            continue
        taken += markup.plain_paragraphs(text.strip()) is not None
        assert rendered(text) == site_markdown(text), repr(text)
    assert taken > 600  # the sample exercises the short way


def test_links_to_pages_get_the_page_address():
    renderer = markup.MarkdownRenderer()
    renderer.page_path = "a/2020/plan/index.md"
    html = renderer.html("[x](../revision/index.md#maal-1) [om](../../../om.md) [y](#y) [z](z.csv) [w](https://a.dk/b.md)")
    assert html == (
        '<p><a href="../revision/#maal-1">x</a> <a href="../../../om/">om</a> <a href="#y">y</a> '
        '<a href="z.csv">z</a> <a href="https://a.dk/b.md">w</a></p>'
    )


def test_headings_in_a_field_are_sections_of_the_page():
    renderer = markup.MarkdownRenderer()
    renderer.toc = toc = markup.Toc()
    toc.heading(2, "Overblik")
    html = renderer.html("## Overblik\n\nTekst.\n\n### Æble & pære")
    assert html == (
        '<h2 id="overblik_1">Overblik<a class="headerlink" href="#overblik_1" title="Link til dette afsnit">&para;</a></h2>\n'
        '<p>Tekst.</p>\n<h3 id="ble-pre">Æble &amp; pære<a class="headerlink" href="#ble-pre" '
        'title="Link til dette afsnit">&para;</a></h3>'
    )
    assert [(t["id"], [c["id"] for c in t["children"]]) for t in toc.nested()] == [("overblik", []), ("overblik_1", ["ble-pre"])]


def test_relative_urls_are_as_mkdocs_writes_them():
    url = markup.relative_url
    assert url("index.md", "hvidovre/index.md") == "hvidovre/"
    assert (
        url("hvidovre/2013/resultatrevision/index.md", "hvidovre/2020/beskaeftigelsesplan/index.md", "a")
        == "../../2020/beskaeftigelsesplan/#a"
    )
    assert url("om-data.md", "data/index.md") == "../data/"
    assert url("data/index.md", "om-data.md") == "../om-data/"
    assert url("aar/index.md", "aar/index.md") == "./"
    assert url("a/b/index.md", "a/c/index.md", directory_urls=False) == "../c/index.html"
    assert url("om.md", "index.md", directory_urls=False) == "index.html"
