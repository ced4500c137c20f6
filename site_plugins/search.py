"""The site's search: a Pagefind index of the built site, in Danish.

`index_site(site_dir)` runs Pagefind (the binary in the `pagefind[bin]` package) over the HTML
files MkDocs wrote and puts the search bundle (library, index,
fragments, the search UI) in `site_dir/pagefind/`. The plugin calls it from on_post_build, so
`mkdocs build` and every `mkdocs serve` rebuild index the site they wrote.

What is indexed is decided in the HTML:
- only pages whose <article> carries `data-pagefind-body` (overrides/main.html sets it unless the
  page's front matter says `search: {exclude: true}`, as the staff guide's does): the header,
  navigation, table of contents and footer are never indexed;
- inside them, `data-pagefind-ignore` leaves out data tables and the numbers behind charts (the
  templates set it), and EXCLUDE below the charts, column headers and Material's page actions;
- the templates add the filters (jobcentre, year, document kind), the meta shown in results
  (a revision's overview line, a goal's result sentence) and weights.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from pagefind.service import get_executable

from generator import messages

FOLDER = "pagefind"
LANGUAGE = "da"
# Elements left out of the text of an indexed page, besides those marked data-pagefind-ignore:
# a chart's live view and SVG fallback (their text is the chart's labels; the figure's caption
# and text alternative are indexed), tables' column headers (run together without their rows),
# Material's edit button, and heading permalinks (¶).
EXCLUDE = [".jc-chart", "thead", ".md-content__button", ".headerlink"]
# glibc gives each of Pagefind's many threads its own memory pool; two pools keep its peak RSS
# lower (bench/README.md).
MALLOC = {"MALLOC_ARENA_MAX": "2"}


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


def index_site(site_dir: str | Path) -> dict:
    """Index the HTML pages in site_dir and write the search bundle to site_dir/pagefind/
    (replacing the one an earlier build left). Returns {"pages": pages in the index,
    "seconds": the indexing's wall time, "peak_rss": the Pagefind process's peak RSS in bytes}.

    Runs the Pagefind binary of the `pagefind[bin]` package as a command, which exits only once
    every file is written. (The package's Python API stops its Pagefind service as soon as the
    service answers that the files are written, which is before they are: under load the bundle
    came out with empty files.) It runs in an empty folder, so no pagefind.yml it finds there
    changes what it does."""
    site = Path(site_dir).resolve()
    out = site / FOLDER
    shutil.rmtree(out, ignore_errors=True)  # an earlier build's bundle: never indexed, never kept
    start = time.perf_counter()
    try:
        command = [str(get_executable() or "pagefind"), "--site", str(site), "--output-path", str(out),
                   "--force-language", LANGUAGE, "--quiet"]
        for selector in EXCLUDE:
            command += ["--exclude-selectors", selector]
        with tempfile.TemporaryDirectory() as empty:
            proc = subprocess.Popen(command, cwd=empty, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    env={**MALLOC, **os.environ})
            output = proc.stdout.read().decode("utf-8", "replace")
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise SearchIndexError(f"exit code {proc.returncode}: {output.strip()[-2000:]}")
        entry = json.loads((out / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, SearchIndexError) as e:
        raise SearchIndexError(messages.text("search.failed", site=site, error=e)) from None
    return {"pages": sum(language["page_count"] for language in entry["languages"].values()),
            "seconds": time.perf_counter() - start, "peak_rss": usage.ru_maxrss * 1024}
