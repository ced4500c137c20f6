"""The site's plan, and what would clash with it: checked by `validate` and by the build alike.

`plan` lists every page a dataset makes (its Markdown path and the data file it comes from)
without making any. `problems` compares the plan with itself and with the hand-written files in
docs/: a jobcentre slug that is the name of a top-level page or folder in docs/, a page in docs/
at the address of a generated page, and two generated pages at one address. Both `python -m
generator validate` and the MkDocs plugin (before it writes anything) report these with the
same messages (generator/messages.py, BUILD).
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path

from generator import messages
from generator.data.csvdata import display_path
from generator.data.errors import DataIssue
from generator.data.loader import REGISTRY_FILE, Dataset, LineMap, _lookup_line
from generator.data.models import field_path
from generator.results import compare
from generator.site import listings as overview
from generator.site.opendata import DATA_PAGE
from generator.site.scorecard import SCORECARD
from generator.views import page as pages


@dataclass(frozen=True)
class Planned:
    path: str  # the page's Markdown path, fx 'hvidovre/2013/resultatrevision.md'
    file: str | None  # the data file it is made from, as messages show it; None for a site listing
    line: int | None = None
    field: str = ""


def address(src: str) -> str:
    """The address of a file in docs/ (or of a generated page) with directory URLs, as MkDocs
    gives it: 'a/index.md' and 'a.md' are both 'a/'; a file that is no page keeps its path."""
    if not src.endswith(".md"):
        return src
    folder, name = posixpath.split(src[:-3])
    if name not in ("index", "README"):
        folder = posixpath.join(folder, name)
    return folder + "/" if folder else ""


def plan(dataset: Dataset) -> list[Planned]:
    """Every page the dataset makes (site/build.py makes exactly these), in no special order."""
    reg_path = dataset.root / REGISTRY_FILE
    reg, lines = display_path(reg_path), LineMap(reg_path)
    out = [
        Planned(f"{overview.YEARS_FOLDER}/index.md", None),
        Planned(f"{SCORECARD}/index.md", None),
        Planned(f"{DATA_PAGE}/index.md", None),
    ]
    out += [Planned(f"{overview.YEARS_FOLDER}/{y}/index.md", None) for y in overview.years(dataset.documents)]
    out += [Planned(overview.minister_path(y), None) for y in compare.minister_years(dataset)]
    for i, jc in enumerate(dataset.registry.jobcentres):
        where = (reg, lines.get(("jobcentres", i, "slug")), f"jobcentres[{i}].slug")
        out.append(Planned(f"{jc.slug}/index.md", *where))
        out.append(Planned(f"{SCORECARD}/{jc.slug}/index.md", *where))
    out += [Planned(pages.doc_page(d), display_path(d.path), 1) for d in dataset.documents]
    return out


def docs_paths(docs_dir: str | Path) -> list[str]:
    """The files in docs/ as MkDocs reads them (without hidden files and the top-level
    templates/ folder, which MkDocs leaves out by default), posix paths relative to docs_dir."""
    root = Path(docs_dir)
    out = []
    for folder, dirs, files in os.walk(root):
        rel = Path(folder).relative_to(root).as_posix()
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (rel == "." and d == "templates"))
        out += [posixpath.normpath(posixpath.join(rel, f)) for f in sorted(files) if not f.startswith(".")]
    return out


def problems(
    dataset: Dataset, docs: list[str], docs_dir: str = "docs", planned_pages: list[Planned] | None = None
) -> list[DataIssue]:
    """Every clash of the site's plan (planned_pages: plan(dataset), made here when not given)
    with itself and with the files in docs/ (paths relative to docs_dir, see docs_paths), each
    once, naming the data file and line it comes from."""
    issues: list[DataIssue] = []
    if planned_pages is None:
        planned_pages = plan(dataset)

    def issue(at: Planned, key: str, **slots) -> None:
        assert at.file is not None  # only a page made from a data file is blamed on one (callers check)
        issues.append(DataIssue(at.file, at.line, at.field, messages.text(f"build.{key}", **slots)))

    slugs: dict[str, Planned] = {}
    for p in planned_pages:
        if p.path.count("/") == 1 and p.field.startswith("jobcentres["):  # a jobcentre's home page
            slugs[p.path.split("/")[0]] = p
    # (a slug that is a folder the site writes is refused with the registry: models.RESERVED_SLUGS)
    planned: dict[str, Planned] = {}
    for p in planned_pages:
        url = address(p.path)
        first = planned.setdefault(url, p)
        if first is not p:
            for a, b in ((p, first), (first, p)):
                if a.file is not None:
                    issue(
                        a,
                        "generated_twice",
                        url=url,
                        other=f"{b.file}:{b.line}" if b.file else messages.text("build.the_site_itself"),
                    )

    named: set[str] = set()
    for path in docs:
        url = address(path)
        top = url.split("/")[0]
        if url in planned:
            at = planned[url]
            if at.file is None:
                issues.append(DataIssue(f"{docs_dir}/{path}", None, "", messages.text("build.docs_in_site_folder", url=url)))
            else:
                issue(at, "docs_at_generated", docs=f"{docs_dir}/{path}", url=url)
        elif top in slugs and top not in named:
            named.add(top)
            issue(slugs[top], "slug_is_docs_name", slug=top, docs=f"{docs_dir}/{path}")
    return sorted(set(issues))


def data_links(dataset: Dataset, existing: set[str]) -> list[DataIssue]:
    """Links in the texts of data/ to pages of the site that do not exist. existing: every
    page's Markdown path, generated (plan) and hand-written (docs/), fx 'om-data.md'."""
    issues = []
    addresses = {address(p) for p in existing}
    for doc in dataset.documents:
        folder = pages.doc_folder(doc)
        lines = None
        for loc, target in doc.page_links:
            path = posixpath.normpath(posixpath.join(folder, target))
            wanted = address(path) if target.endswith(".md") else ("" if path == "." else f"{path}/")
            if wanted not in addresses:
                lines = lines or LineMap(doc.path)
                issues.append(
                    DataIssue(
                        display_path(doc.path),
                        _lookup_line(lines, loc),
                        field_path(loc),
                        messages.text("build.link_to_nowhere", target=target, page=address(f"{folder}/index.md")),
                    )
                )
    return issues


def check(dataset: Dataset, docs_dir: str | Path) -> list[DataIssue]:
    """problems() with the files of docs_dir (none when it is no folder)."""
    docs = Path(docs_dir)
    files = docs_paths(docs) if docs.is_dir() else []
    planned_pages = plan(dataset)
    existing = {p.path for p in planned_pages} | {f for f in files if f.endswith(".md")}
    return sorted(set(problems(dataset, files, display_path(docs), planned_pages) + data_links(dataset, existing)))
