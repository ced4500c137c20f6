"""Build the site at seed and national scale and print one table of what it costs.

    .venv/bin/python bench/benchmark.py                      # seed scale and 98 x 20
    .venv/bin/python bench/benchmark.py --scale seed --scale 5x3
    .venv/bin/python bench/benchmark.py --search-only /tmp/national/site   # the search alone
    .venv/bin/python bench/benchmark.py --sizes /tmp/national/site         # what a built site's bytes are

For each scale: write the data (bench/synth.py; 'seed' copies the real data/) into a work
folder outside the project, build it with an empty chart cache (cold), build it again with the
cache warm, then change one data file and time the rebuild on the preview path: the same
in-process `build()` that `mkdocs serve` runs after a change, once as serve does by default
(full) and once as `mkdocs serve --dirty` does. Each build runs in a fresh child process, so
peak RSS is that build's own. After the warm build, a reader's first searches in Chromium (see
first_search; --no-browser leaves them out). --search-only SITE builds nothing: it indexes an
already built site again and searches it. --sizes SITE builds nothing either: it splits a built
site's bytes by what they are (site_sizes), as the table after each build does.

This is a measurement, not a test: it takes minutes at national scale and is not run by pytest.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

# --------------------------------------------------------------------------- child: one build


def _timed_plugin():
    """Wrap the jobcentres plugin's hooks so the time spent in our code can be told apart, and
    the search indexing (part of on_post_build) within it."""
    from site_plugins import search
    from site_plugins.jobcentres import JobcentrePlugin

    spent = {"generator": 0.0, "search": 0.0, "search_rss": 0}
    index_site = search.index_site

    def timed_index(*a, **kw):
        figures = index_site(*a, **kw)
        spent["search"] += figures["seconds"]
        spent["search_rss"] = max(spent["search_rss"], figures["peak_rss"])
        return figures

    search.index_site = timed_index
    for name in [n for n in vars(JobcentrePlugin) if n.startswith("on_")]:
        original = getattr(JobcentrePlugin, name)

        def wrapper(self, *a, _original=original, **kw):
            t = time.perf_counter()
            try:
                return _original(self, *a, **kw)
            finally:
                spent["generator"] += time.perf_counter() - t

        setattr(JobcentrePlugin, name, wrapper)
    return spent


def _build(config_file: str, site_dir: str, serve_url: str | None = None, dirty: bool = False) -> dict:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    t = time.perf_counter()
    config = load_config(config_file=config_file, site_dir=site_dir)
    if serve_url:
        config.site_url = serve_url
    config.plugins.on_startup(command="serve" if serve_url else "build", dirty=dirty)
    build(config, serve_url=serve_url, dirty=dirty)
    return {"wall": time.perf_counter() - t}


def _bump(path: Path) -> str:
    """Change one figure in a data file, the way an author would; returns the old text."""
    old = path.read_text(encoding="utf-8")
    m = re.search(r"^(\s*status: )(\d+)$", old, flags=re.M)
    if m is None:
        raise ValueError(f"{path} has no 'status: <number>' line to change")
    new = old[: m.start(2)] + str(int(m.group(2)) + 1) + old[m.end(2) :]
    path.write_text(new, encoding="utf-8")
    return old


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _tree(pid: int) -> list[int]:
    """RSS of a process and of each of its descendants (the SVG pool, Pagefind), from /proc."""
    out = [_rss(pid)]
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids = (task / "children").read_text().split()
        except OSError:
            continue
        for k in kids:
            out += _tree(int(k))
    return out


class PeakRSS:
    """Samples the RSS of this process and its children every 0.2 s. getrusage() of children
    reports a spawned worker's RSS at fork time, i.e. the whole parent's, so it is not used."""

    def __init__(self):
        self.peak = 0
        self.largest = 0  # of one process
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.wait(0.2):
            rss = _tree(os.getpid())
            self.peak = max(self.peak, sum(rss))
            self.largest = max(self.largest, *rss)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return max(self.peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)


def child(args) -> None:
    from site_plugins import search

    logging_off()
    spent = _timed_plugin()
    peak = PeakRSS()
    out = {}
    if args.child == "build":
        out = _build(args.config, args.site)
    else:  # rebuild: the initial build of `mkdocs serve`, one change, the rebuild it triggers
        url = "http://127.0.0.1:8000/"
        _build(args.config, args.site, url, args.dirty)
        # The author edits once serve's first build is indexed (the preview serves the site
        # meanwhile): the timed rebuild shares the machine with its own work only.
        for thread in threading.enumerate():
            if thread.name == search.THREAD:
                thread.join()
        spent["generator"] = 0.0
        old = _bump(Path(args.change))
        try:
            out = _build(args.config, args.site, url, args.dirty)
        finally:
            Path(args.change).write_text(old, encoding="utf-8")
    out["generator"] = spent["generator"]
    out["search"] = spent["search"]
    out["search_rss"] = spent["search_rss"]
    out["rss"] = peak.stop()
    out["largest_rss"] = max(peak.largest, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
    print("RESULT " + json.dumps(out))


def logging_off() -> None:
    import logging

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    logging.getLogger("jobcentres.data").setLevel(logging.ERROR)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"


# --------------------------------------------------------------------------- parent


def run_child(*argv: str, log: Path) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with open(log, "a", encoding="utf-8") as f:
        f.write(f"$ benchmark.py --child {' '.join(argv)}\n")
        f.flush()
        proc = subprocess.run([sys.executable, __file__, "--child", *argv], stdout=subprocess.PIPE, stderr=f, text=True, env=env)
    line = next((row for row in proc.stdout.splitlines() if row.startswith("RESULT ")), None)
    if proc.returncode != 0 or line is None:
        raise SystemExit(f"build failed (exit {proc.returncode}); see {log}")
    return json.loads(line[len("RESULT ") :])


def prepare(scale: str, work: Path) -> Path:
    """Write the data tree and its mkdocs.yml; returns the config file."""
    if scale == "seed":
        if (work / "data").exists():
            shutil.rmtree(work / "data")
        shutil.copytree(ROOT / "data", work / "data")
        (work / "mkdocs.yml").write_text(synth.site_config(), encoding="utf-8")
    else:
        n, years = synth.parse_scale(scale)
        synth.write_tree(work, n, years)
    return work / "mkdocs.yml"


def site_facts(site: Path) -> dict:
    html = [(p.stat().st_size, p) for p in site.rglob("*.html")]
    largest = max(html)
    return {
        # not the small pages at moved addresses (listings.moved_pages), which only send the reader on
        "pages": sum(1 for p in site.rglob("index.html") if b'http-equiv="refresh"' not in p.read_bytes()[:400]),
        "charts": sum(1 for _ in site.rglob("figur-*.svg")),
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "largest_bytes": largest[0],
        "largest_page": str(largest[1].relative_to(site)),
        "search_bytes": sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file()),
        "sizes": site_sizes(site),
    }


SIZES = (
    "HTML: theme and navigation (outside the article)",
    "HTML: content (the article, less the next two)",
    "HTML: chart specs (data-jc-spec)",
    "HTML: of which the charts' data (datasets)",
    "SVG fallbacks (figur-*.svg)",
    "CSV per document (tal.csv, maal.csv)",
    "CSV per chart (figur-*.csv)",
    "CSV per table (tabel-*.csv)",
    "Site-wide open data (data/)",
    "Search bundle (pagefind/)",
    "Theme files (assets/)",
    "Other",
)
_SPEC = re.compile(r"data-jc-spec='([^']*)'")


def site_sizes(site: Path) -> dict[str, int]:
    """A built site's bytes by what they are (SIZES); the datasets are part of the chart specs."""
    out = dict.fromkeys(SIZES, 0)
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        rel, size = path.relative_to(site).as_posix(), path.stat().st_size
        if rel.startswith("pagefind/"):
            key = SIZES[9]
        elif rel.startswith("assets/"):
            key = SIZES[10]
        elif rel.startswith("data/"):
            key = SIZES[8]
        elif path.name.startswith("figur-") and path.suffix in (".svg", ".csv"):
            key = SIZES[4] if path.suffix == ".svg" else SIZES[6]
        elif path.name.startswith("tabel-") and path.suffix == ".csv":
            key = SIZES[7]
        elif path.name in ("tal.csv", "maal.csv"):
            key = SIZES[5]
        elif path.suffix == ".html":
            text = path.read_bytes()
            start, end = text.find(b"<article"), text.find(b"</article>")
            if start < 0 or end < 0:
                out[SIZES[0]] += size
                continue
            specs = [m.encode() for m in _SPEC.findall(text[start:end].decode("utf-8"))]
            spec = sum(map(len, specs))
            out[SIZES[0]] += size - (end - start)
            out[SIZES[1]] += end - start - spec
            out[SIZES[2]] += spec
            out[SIZES[3]] += sum(len(s) - s.find(b'"datasets":') for s in specs if b'"datasets":' in s)
            continue
        else:
            key = SIZES[11]
        out[key] += size
    return out


def sizes_table(rows: list[dict]) -> str:
    out = ["| Site size | " + " | ".join(r["scale"] for r in rows) + " |", "|---|" + "---|" * len(rows)]
    for name in SIZES:
        out.append(f"| {name} | " + " | ".join(_mb(r["sizes"][name]) for r in rows) + " |")
    out.append("| Whole site | " + " | ".join(_mb(r["site_bytes"]) for r in rows) + " |")
    return "\n".join(out)


QUERIES = ("langtidsledige", "Hvidovre")
SEARCH_SCRIPT = "/assets/javascripts/jc-search.js"  # the search's UI, loaded with every page
# Set on the page before the search button is pressed: the page's own clock at the click and when
# the first result link is in the dialog (what a reader sees, without the driver's polling).
CLOCK = """() => { window.__jcClock = {};
    new MutationObserver(() => {
        if (!window.__jcClock.shown && document.querySelector('#jc-search .jc-search__result a'))
            window.__jcClock.shown = performance.now();
    }).observe(document.body, {childList: true, subtree: true});
    document.querySelector('button.jc-search-open').addEventListener(
        'click', () => { window.__jcClock.click = performance.now(); }, {capture: true}); }"""


def first_search(site: Path, queries=QUERIES) -> dict:
    """A reader's first search in Chromium (the browser suite's), for each query in a new browser
    context (empty cache): open the search on the front page, type the query, wait for the first
    results. What it transferred from the site (library, UI, index, filters, fragments: every
    request after the button was pressed, and the search's own script, which every page loads
    with it: SEARCH_SCRIPT), that with gzip for the files a host compresses
    (Pagefind's own index files are gzip already), and the time from the click to the first result
    in the dialog, by the page's clock (with the UI's 300 ms wait for typing to stop).
    Returns {query: {"bytes", "gzip", "files", "ms", "by_file": [(name, bytes), ...]}}."""
    import gzip

    sys.path.insert(0, str(ROOT / "tests"))
    from playwright.sync_api import sync_playwright

    from browser.serving import serve

    compressible = (".js", ".css", ".json", ".html")
    out = {}
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        for query in queries:
            context = browser.new_context()
            page = context.new_page()
            files: list[tuple[str, bytes]] = []

            def keep(request, files: list[tuple[str, bytes]] = files) -> None:
                response = request.response()
                if response is not None:
                    files.append((request.url.split("?")[0], response.body()))

            page.on("requestfinished", keep)
            page.goto(base)
            page.wait_for_load_state("networkidle")
            files[:] = [f for f in files if f[0].endswith(SEARCH_SCRIPT)]
            assert len(files) == 1, f"the page did not load {SEARCH_SCRIPT}"
            page.evaluate(CLOCK)
            page.click("button.jc-search-open")
            page.fill("#jc-search .jc-search__input", query)
            page.wait_for_selector("#jc-search .jc-search__result a", timeout=60_000)
            clock = page.evaluate("window.__jcClock")
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            context.close()
            out[query] = {
                "bytes": sum(len(b) for _, b in files),
                "gzip": sum(len(gzip.compress(b)) if u.endswith(compressible) else len(b) for u, b in files),
                "files": len(files),
                "ms": clock["shown"] - clock["click"],
                "by_file": [(u.rsplit("/", 1)[-1], len(b)) for u, b in files],
            }
        browser.close()
    return out


def search_only(site: Path) -> dict:
    """Index an already built site again (its pagefind/ replaced) and search it: the figures of
    the search alone, without a build."""
    sys.path.insert(0, str(ROOT))
    from site_plugins import search

    figures = search.index_site(site)
    return {
        "scale": site.name,
        "search_pages": figures["pages"],
        "warm_search": figures["seconds"],
        "search_rss": figures["peak_rss"],
        "search_bytes": sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file()),
    }


def measure(scale: str, work: Path, log: Path, skip_cold: bool = False, browser: bool = True) -> dict:
    work.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    config = prepare(scale, work)
    row = {"scale": scale, "synth": time.perf_counter() - t}
    site = work / "site"
    cache = work / ".cache"
    cold = {}
    if not skip_cold:
        shutil.rmtree(cache, ignore_errors=True)
        cold = run_child("build", str(config), str(site), log=log)
        row.update(cold_wall=cold["wall"], cold_generator=cold["generator"], cold_rss=cold["rss"])
    warm = run_child("build", str(config), str(site), log=log)
    row.update(
        warm_wall=warm["wall"],
        warm_generator=warm["generator"],
        warm_rss=warm["rss"],
        warm_search=warm["search"],
        search_rss=max(warm["search_rss"], cold.get("search_rss", 0)),
        largest_rss=max(warm["largest_rss"], cold.get("largest_rss", 0)),
    )
    row.update(site_facts(site))
    if browser:
        row["first_search"] = first_search(site)
    change = next(p for p in sorted((work / "data").glob("*/*/resultatrevision.yaml")))
    row["changed"] = str(change.relative_to(work))
    for dirty in (False, True):
        rb = run_child(
            "rebuild", str(config), str(work / "serve-site"), "--change", str(change), *(["--dirty"] if dirty else []), log=log
        )
        row["dirty_rebuild" if dirty else "rebuild"] = rb["wall"]
        row["rebuild_rss"] = max(row.get("rebuild_rss", 0), rb["rss"])
    return row


def _mb(n: float) -> str:
    return f"{n / 1e6:,.1f} MB"


def _first(query: str):
    def cell(r: dict) -> str:
        f = r.get("first_search", {}).get(query)
        if not f:
            return "–"
        return f"{f['bytes'] / 1e3:,.0f} KB in {f['files']} files ({f['gzip'] / 1e3:,.0f} KB); {f['ms']:,.0f} ms"

    return cell


def table(rows: list[dict]) -> str:
    cols = [
        ("Scale (jobcentres x years)", lambda r: r["scale"]),
        ("Pages", lambda r: f"{r['pages']:,}"),
        ("Charts", lambda r: f"{r['charts']:,}"),
        ("Full build, cold cache", lambda r: f"{r['cold_wall']:.1f} s" if "cold_wall" in r else "–"),
        ("Full build, warm cache", lambda r: f"{r['warm_wall']:.1f} s"),
        ("Our generator (warm)", lambda r: f"{r['warm_generator']:.1f} s ({r['warm_generator'] / r['warm_wall']:.0%})"),
        ("MkDocs + Material (warm)", lambda r: f"{r['warm_wall'] - r['warm_generator']:.1f} s"),
        (
            "Peak RSS (build; serve after its 2 builds)",
            lambda r: f"{_mb(max(r.get('cold_rss', 0), r['warm_rss']))}; {_mb(r['rebuild_rss'])}",
        ),
        ("Site size", lambda r: _mb(r["site_bytes"])),
        ("Largest page HTML", lambda r: f"{r['largest_bytes'] / 1e3:,.0f} KB ({r['largest_page']})"),
        (
            "Search indexing (Pagefind, within the warm build; its peak RSS)",
            lambda r: f"{r['warm_search']:.1f} s; {_mb(r['search_rss'])}",
        ),
        ("Largest single process RSS (indexing included)", lambda r: _mb(r["largest_rss"])),
        ("Search bundle on disk (pagefind/)", lambda r: _mb(r["search_bytes"])),
        *[(f"First search '{q}' in Chromium: transferred (with gzip); first results", _first(q)) for q in QUERIES],
        ("Rebuild after one change (serve)", lambda r: f"{r['rebuild']:.1f} s"),
        ("Rebuild (serve --dirty)", lambda r: f"{r['dirty_rebuild']:.1f} s"),
    ]
    out = ["| Measure | " + " | ".join(r["scale"] for r in rows) + " |", "|---|" + "---|" * len(rows)]
    for name, get in cols[1:]:
        out.append(f"| {name} | " + " | ".join(get(r) for r in rows) + " |")
    return "\n".join(out)


def search_table(rows: list[dict]) -> str:
    cols = [
        ("Pages indexed", lambda r: f"{r['search_pages']:,}"),
        (
            "Indexing (Pagefind and the chunk pass); Pagefind's peak RSS",
            lambda r: f"{r['warm_search']:.1f} s; {_mb(r['search_rss'])}",
        ),
        ("Search bundle on disk (pagefind/)", lambda r: _mb(r["search_bytes"])),
        *[(f"First search '{q}' in Chromium: transferred (with gzip); first results", _first(q)) for q in QUERIES],
    ]
    out = ["| Measure | " + " | ".join(r["scale"] for r in rows) + " |", "|---|" + "---|" * len(rows)]
    out += [f"| {name} | " + " | ".join(get(r) for r in rows) + " |" for name, get in cols]
    return "\n".join(out)


def machine() -> str:
    cpu = next(
        (row.split(":", 1)[1].strip() for row in Path("/proc/cpuinfo").read_text().splitlines() if row.startswith("model name")),
        platform.processor(),
    )
    mem = int(next(row.split()[1] for row in Path("/proc/meminfo").read_text().splitlines() if row.startswith("MemTotal")))
    return (
        f"{os.cpu_count()} cores ({cpu}), {mem / 1024 / 1024:.0f} GB RAM, Python {platform.python_version()}, {platform.system()}"
    )


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--scale", action="append", help="'seed' (the real data/) or JOBCENTRESxYEARS; repeatable (default: seed and 98x20)"
    )
    p.add_argument("--work", type=Path, default=Path("/tmp/jc-bench"), help="work folder (default /tmp/jc-bench)")
    p.add_argument("--skip-cold", action="store_true", help="keep the chart cache: warm builds only")
    p.add_argument("--json", type=Path, help="also append the figures as JSON lines to this file")
    p.add_argument("--no-browser", action="store_true", help="skip the first searches in Chromium")
    p.add_argument(
        "--search-only",
        type=Path,
        action="append",
        metavar="SITE",
        help="no build: index this built site again and search it (repeatable)",
    )
    p.add_argument("--sizes", type=Path, action="append", metavar="SITE", help="no build: this built site's bytes by kind")
    p.add_argument("--child", choices=["build", "rebuild"], help=argparse.SUPPRESS)
    p.add_argument("config", nargs="?", help=argparse.SUPPRESS)
    p.add_argument("site", nargs="?", help=argparse.SUPPRESS)
    p.add_argument("--change", help=argparse.SUPPRESS)
    p.add_argument("--dirty", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        child(args)
        return 0
    if args.search_only:

        def one(site: Path) -> dict:
            row = search_only(site)
            if not args.no_browser:
                row["first_search"] = first_search(site)
            return row

        return report([one(site) for site in args.search_only], args.json, search_table)
    if args.sizes:
        rows = [{"scale": str(site), **site_facts(site)} for site in args.sizes]
        return report(rows, args.json, sizes_table)
    scales = args.scale or ["seed", "98x20"]
    args.work.mkdir(parents=True, exist_ok=True)
    log = args.work / "benchmark.log"
    log.write_text("", encoding="utf-8")

    def build_one(scale: str) -> dict:
        print(f"{scale}: building (log: {log}) ...", file=sys.stderr, flush=True)
        return measure(scale, args.work / scale, log, args.skip_cold, not args.no_browser)

    return report(map(build_one, scales), args.json, lambda rows: table(rows) + "\n\n" + sizes_table(rows))


def report(rows, json_file: Path | None, make_table) -> int:
    """Takes the rows as they are measured (each appended to json_file at once, if given), then
    prints the machine and the table."""
    done = []
    for row in rows:
        row["machine"] = machine()
        done.append(row)
        if json_file:
            with open(json_file, "a", encoding="utf-8") as f:
                f.write(json.dumps(row) + "\n")
    print(f"\nMachine: {machine()}\n")
    print(make_table(done))
    return 0


if __name__ == "__main__":
    sys.exit(main())
