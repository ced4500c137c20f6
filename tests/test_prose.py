"""Plain prose written as HTML by the generator (pages.MarkdownField.block) instead of going
through MkDocs' Markdown step gives the same site: the same HTML as Markdown makes of it, text by
text, and the same files, page by page, as the old path (pages.DIRECT_HTML = False)."""
from __future__ import annotations

import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import markdown
import pytest
from markupsafe import Markup
from mkdocs.config import load_config

from conftest import DATA, ROOT, run_mkdocs_build
from generator.data import loader
from generator.views import page as pages
from generator.site import build as site
from test_synth import synth


@pytest.fixture(scope="module")
def site_markdown():
    """Python-Markdown as MkDocs sets it up for this site (its extensions and their settings)."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)

    def convert(text: str) -> str:
        md.reset()
        return md.convert(text)

    return convert


def _refs() -> pages.Refs:
    refs = pages.Refs()
    refs.add("forsoergelsesgrupper", "tabel")
    refs.add("ledighed", "figur")
    return refs


def both_ways(text: str, css_class: str | None = None) -> tuple[Markup, Markup]:
    """(what md.block writes with the shortcut, what it writes without: Markdown for MkDocs)"""
    md = pages.MarkdownField(_refs())
    fast = md.block(text, css_class)
    try:
        pages.DIRECT_HTML = False
        slow = md.block(text, css_class)
    finally:
        pages.DIRECT_HTML = True
    return fast, slow


def as_markdown_joins(html: str) -> str:
    """md.block puts a blank line between paragraphs (each is an HTML block of the page's
    Markdown); Markdown joins its paragraphs with a line break."""
    return str(html).replace("</p>\n\n<p", "</p>\n<p")


PLAIN = [
    "Ledigheden faldt.",
    "Æ, ø og å: Ærø, Øresund og Århus. ÆØÅ æøå é ü.",
    'Jobcentret kalder det "Job først" og \'ret og pligt\'; «citat» og „citat“ – og – et — langt.',
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
    fast, slow = both_ways(text)
    assert pages.plain_paragraphs(text.strip()) is not None
    assert fast != slow and fast.startswith("<p>")
    assert pages.HTML_BLOCK.sub("", fast).strip() == ""  # the plugin hides every paragraph
    assert as_markdown_joins(fast) == site_markdown(slow)


@pytest.mark.parametrize("text", MARKDOWN)
def test_text_with_markdown_goes_through_markdown(site_markdown, text):
    fast, slow = both_ways(text)
    assert pages.plain_paragraphs(text.strip()) is None
    assert fast == slow == pages.MarkdownField(_refs())(text)


def test_refs_are_links_both_ways(site_markdown):
    fast, slow = both_ways("Se {ref:forsoergelsesgrupper}.")
    assert fast == '<p>Se <a href="#tabel-forsoergelsesgrupper">tabel 1</a>.</p>' == site_markdown(slow)


def test_the_class_goes_on_the_last_paragraph(site_markdown):
    for text in ("Et afsnit.", "Første afsnit.\n\nAndet & sidste."):
        fast, slow = both_ways(text, "jc-lead")
        assert slow.endswith("\n{: .jc-lead }")
        assert as_markdown_joins(fast) == site_markdown(slow)
        assert fast.endswith('</p>') and fast.count('<p class="jc-lead">') == 1
    fast, slow = both_ways("Et *fremhævet* afsnit.", "jc-lead")
    assert fast == slow and '<p class="jc-lead">Et <em>fremhævet</em> afsnit.</p>' == site_markdown(slow)


def test_empty_text_is_nothing():
    md = pages.MarkdownField(_refs())
    assert md.block(None) == md.block("") == md(None) == ""


def test_random_prose_is_either_markdown_or_what_markdown_makes_of_it(site_markdown):
    """Texts from words, Danish letters, numbers, punctuation, Markdown's characters, spaces and
    line breaks: whenever the shortcut takes a text, Markdown makes the same HTML of it. The
    second half leaves out the characters that always send a text to Markdown, so that most
    texts take the shortcut, with their numbers, dashes and spaces at the start and end of lines
    and paragraphs."""
    rng = random.Random(2024)
    prose = ["Ledigheden", "faldt", "ærø", "ØRESUND", "å", "2.500", "8.", "12)", "2021.", "3.", "-", "+", "=", "–",
             ".", ",", ";", ":", "?", "(", ")", "/", "%", "'", '"', "&", "&amp;", "<", ">", "<b>", "§", "…", "1.",
             "1. ", "- ", "+ ", "= ", "https://a.dk/x?y=1&z=2", "{ref:ledighed}", "{ref:ukendt}", "{", "}",
             "    ", "  ", " ", "\n", "\n", "\n\n", "\n\n\n", "\n ", " \n"]
    markdown_chars = ["*", "_", "`", "[", "]", "#", "!", "|", "\\", "~", "\t", "\u00a0", "\x02"]
    taken = 0
    for i in range(6000):
        pieces = prose + markdown_chars if i < 3000 else prose
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n"]) for _ in range(rng.randint(1, 25)))
        fast, slow = both_ways(text)
        if fast == slow:
            assert not text.strip() or pages.plain_paragraphs(text.strip()) is None
            continue
        taken += 1
        assert as_markdown_joins(fast) == site_markdown(slow), repr(text)
    assert taken > 600  # the sample exercises the shortcut


def test_plain_texts_are_the_same_in_lists_and_goal_blocks(site_markdown):
    """md.plain/md.html: what the plan's templates write as HTML is what Markdown makes of the
    same text in a list item, a numbered list item and a plan goal's markdown="1" block."""
    rng = random.Random(7)
    pieces = ["Ledigheden", "faldt", "ærø", "Å", "2.500", "8.", "8. ", "12)", "2021.", "-", "+", "=", "–", ".", ",",
              ":", "(", ")", "'", '"', "&", "<", ">", "{ref:ledighed}", "{", "}", "*", "_", "  ", " ", "\n", "\n\n"]
    md = pages.MarkdownField(_refs())
    taken = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n"]) for _ in range(rng.randint(1, 12)))
        if not text.strip() or not md.plain(text):
            continue
        taken += 1
        html = md.html(text)
        for marker, tag in (("-", "ul"), ("1.", "ol")):  # as the templates indent an item's lines
            item, html_item = (x.replace("\n", "\n" + " " * (len(marker) + 1)) for x in (md(text), html))
            assert site_markdown(f"{marker} {item}") == f"<{tag}>\n<li>{html_item}</li>\n</{tag}>", repr(text)
        block = f'<div class="jc-plan-goal" id="x" markdown="1">\n**Mål 1.** {md(text)}\n</div>'
        assert site_markdown(block) == f'<div class="jc-plan-goal" id="x">\n<p><strong>Mål 1.</strong> {html}</p>\n</div>', repr(text)
    assert taken > 300
    assert not md.plain("Første.\n\nAndet.") and not md.plain("Linje\n8. januar") and md.plain(None, "", 2021, ["a", None])


def test_links_to_pages_in_hidden_html_get_the_page_address(caplog):
    from mkdocs.structure.files import File, Files

    from site_plugins.jobcentres import _page_links

    files = Files([File(p, "/docs", "/site", True) for p in ("a/2020/plan/index.md", "a/2020/revision/index.md", "om.md")])
    page = type("Page", (), {"file": files.get_file_from_path("a/2020/plan/index.md")})()
    html = '<p><a href="../revision/index.md#maal-1">x</a> <a href="../../../om.md">om</a> <a href="#y">y</a> <a href="z.csv">z</a></p>'
    assert _page_links(html, page, files) == ('<p><a href="../revision/#maal-1">x</a> <a href="../../../om/">om</a> '
                                              '<a href="#y">y</a> <a href="z.csv">z</a></p>')
    assert _page_links('<a href="../mangler/index.md">', page, files) == '<a href="../mangler/index.md">'
    assert "target 'a/2020/mangler/index.md' is not found" in caplog.text


# --------------------------------------------------------------------------- whole sites

OLD_PATH = "import sys; from generator import pages; pages.DIRECT_HTML = False; from mkdocs.__main__ import cli; cli()"


def build_old_path(project: Path, site_dir: Path) -> None:
    """The site built with all prose through Markdown (each HTML block hidden by itself)."""
    result = subprocess.run(
        [sys.executable, "-c", OLD_PATH, "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, cwd=project, env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _compared(site: Path) -> list[Path]:
    """The site's files, but of the search bundle only the index and the pages' records: Pagefind
    writes its filter and meta files in an order that differs from run to run (its issue #638)."""
    return sorted(r for r in (p.relative_to(site) for p in site.rglob("*") if p.is_file())
                  if r.parts[0] != "pagefind" or r.parts[1] in ("index", "fragment"))


def assert_same_files(new: Path, old: Path) -> int:
    files = _compared(new)
    assert files == _compared(old)
    differ = [str(f) for f in files if (new / f).read_bytes() != (old / f).read_bytes()]
    assert not differ, differ
    return sum(f.suffix == ".html" for f in files)


def html_blocks(data: Path) -> Counter:
    """The kinds of blocks the generator writes as HTML for this data (the tests are not vacuous)."""
    return Counter(re.match(r"<\w+(?: class=\"[\w-]+)?", b).group(0) for p in site.document_pages(loader.load(data))
                   for b in pages.HTML_BLOCK.findall(p.content))


def test_the_seed_site_is_the_same_with_prose_as_html(built_site, tmp_path):
    build_old_path(ROOT, tmp_path / "old")
    assert assert_same_files(built_site, tmp_path / "old") > 20
    assert html_blocks(DATA)["<p"] > 50


def with_markdown_in_every_kind_of_field(data: Path) -> None:
    """One plan and one revision of a synthetic tree get Markdown in each field that a template
    writes as HTML when it is plain, so that those pages take the Markdown way."""
    import yaml

    def edit(path: Path, change) -> None:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(doc)
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def plan(d):
        d["lead"] += " Med *fremhævning*."
        d["legal_frame"]["requirements"][0] += " _Kursiv_."
        d["process"][1] = "Trin med **fed** skrift."
        d["minister_goals"][0]["text"] += " _Ministerens_ ord."
        d["facts"][0]["facts"][0]["text"] = "{} *indbyggere*"
        d["facts"][0]["source"] = "Danmarks Statistik, _Statistikbanken_"  # a literal field, but for "_"
        area = d["focus_areas"][0]
        area["title"] += " _i fokus_"
        area["objectives"][0] += "\n\nEt afsnit mere med [et link](https://www.jobindsats.dk)."
        area["goals"][0]["text"] = "Mål med `kode` og\n\net afsnit mere."
        area["goals"][1]["title"] = "Titel med _understregning_"

    def revision(d):
        goal = next(g for g in d["goals"] if g.get("assessment"))
        goal["assessment"] = "Vurdering med *fremhævning*.\n\n- et punkt\n- et punkt mere"
        d["sources"].append({"name": "Tal & tabeller", "url": "https://www.jobindsats.dk/?a=1&b=2"})

    def letter(d):
        d["title"] += " _nr. 2_"  # in the revision's "Se også" line

    def revision_2007(d):
        d["sources"][0]["name"] = "_jobindsats_"
        d["title"] += " _rettet_"  # in the letter's "Brevet svarer på" line

    edit(data / "albertslund/2008/beskaeftigelsesplan.yaml", plan)
    edit(data / "albertslund/2008/resultatrevision.yaml", revision)
    edit(data / "albertslund/2008/tilbagemelding.yaml", letter)
    edit(data / "albertslund/2007/resultatrevision.yaml", revision_2007)


def test_a_synthetic_site_is_the_same_with_prose_as_html(tmp_path):
    out = synth(tmp_path / "s", "2x2")
    with_markdown_in_every_kind_of_field(out / "data")
    result = run_mkdocs_build(out, out / "new")
    assert result.returncode == 0, result.stdout + result.stderr
    build_old_path(out, out / "old")
    assert assert_same_files(out / "new", out / "old") > 20
    kinds = html_blocks(out / "data")
    assert kinds["<p"] > 200 and kinds['<p class="jc-lead'] and kinds["<ul"] and kinds["<ol"], kinds
    assert kinds['<div class="jc-plan-goal'] and kinds['<div class="jc-sources'] and kinds['<p class="jc-related'], kinds
    plan = (out / "new/albertslund/2008/beskaeftigelsesplan/index.html").read_text(encoding="utf-8")
    for html in ("<em>fremhævning</em>", "<em>Kursiv</em>", "<strong>fed</strong>", "<em>Ministerens</em>",
                 "<em>indbyggere</em>", "<em>Statistikbanken</em>", "<em>i fokus</em>", '<a href="https://www.jobindsats.dk">',
                 "<code>kode</code>", "<em>understregning</em>"):
        assert html in plan, html
    assert '<a href="../resultatrevision/#' in plan  # a goal's link, written as HTML
    revision = (out / "new/albertslund/2008/resultatrevision/index.html").read_text(encoding="utf-8")
    assert "<em>fremhævning</em>" in revision and "<li>et punkt</li>" in revision
    assert '<p class="jc-trace">Målet i planen: <a href="../beskaeftigelsesplan/#' in revision
    assert '<a href="https://www.jobindsats.dk/?a=1&amp;b=2">Tal &amp; tabeller</a>' in revision
    assert '<a href="../tilbagemelding/">Beskæftigelsesregionens tilbagemelding på resultatrevision 2008 <em>nr. 2</em></a>' in revision
    assert '<a href="../../../om-data/">om data</a>' in revision  # a link in the sources, from Markdown
    letter = (out / "new/albertslund/2007/tilbagemelding/index.html").read_text(encoding="utf-8")
    assert '<a href="../resultatrevision/">Resultatrevision 2007 <em>rettet</em></a>' in letter
    other = next(p for p in (out / "new").glob("*/2008/resultatrevision/index.html") if "albertslund" not in str(p))
    assert '<a href="../../../om-data/">om data</a>' in other.read_text(encoding="utf-8")  # ... and from HTML
