"""The site's search: a Pagefind index of the built site, in Danish.

`index_site(site_dir)` runs Pagefind (the binary in the `pagefind[bin]` package) over the HTML
files MkDocs wrote and puts the search bundle (library, index, fragments; the search UI is the
site's own, overrides/assets/javascripts/jc-search.js) in `site_dir/pagefind/`. The plugin calls it from on_post_build, so
`mkdocs build` and every `mkdocs serve` rebuild index the site they wrote.

What is indexed is decided in the HTML:
- only pages whose <article> carries `data-pagefind-body` (overrides/main.html sets it unless the
  page's front matter says `search: {exclude: true}`, as the staff guide's does): the header,
  navigation, table of contents and footer are never indexed;
- inside them, `data-pagefind-ignore` leaves out data tables, the figures in goal tables' cells,
  and a chart's numbers, text alternative and CSV link (the templates set it), and EXCLUDE below
  the charts, column headers and Material's page actions;
- the templates add the filters (jobcentre, year, document kind), the meta shown in results
  (a revision's overview line, a goal's result sentence) and weights.

Pagefind handles only the elements inside each page's <article> (ROOT): those of the header and
the national navigation, about a quarter of a page's HTML, are passed over instead of collected
and then dropped.

After Pagefind, `rechunk` regroups its word index so that a very common word has a chunk of its
own: Pagefind closes a chunk only once it holds 20,000 word positions, so a rare word alphabetically
next to a common one ("langtidsled" beside "led", for "ledige") came with all the common word's
positions on the reader's first search.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import shutil
import subprocess
import tempfile
import threading
import time
from importlib import metadata
from pathlib import Path

from pagefind.service import get_executable

from generator import cache, messages

log = logging.getLogger("mkdocs.plugins.jobcentres")
FOLDER = "pagefind"
LANGUAGE = "da"
ROOT = "article"  # what Pagefind parses of a page; the indexed one also has data-pagefind-body
# Elements left out of the text of an indexed page, besides those marked data-pagefind-ignore:
# a chart's live view and SVG fallback (their text is the chart's labels; the figure's caption
# and text alternative are indexed), tables' column headers (run together without their rows),
# Material's edit button, and heading permalinks (¶).
EXCLUDE = [".jc-chart", "thead", ".md-content__button", ".headerlink"]
# glibc gives each of Pagefind's many threads its own memory pool; two pools kept its peak RSS
# lower on a copy of the 20 x 5 site repeated 18 times; on the 98 x 20 site the difference is
# within the spread of the runs (bench/README.md).
MALLOC = {"MALLOC_ARENA_MAX": "2"}
# Files Pagefind writes into every bundle that this site never loads: its prebuilt UIs (the site's
# own is overrides/assets/javascripts/jc-search.js, on the library pagefind.js), the web worker
# (the site searches in the page's thread) and the WebAssembly for pages of no known language
# (every page is Danish). Removed from the bundle.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
    "pagefind-worker.js",
    "wasm.unknown.pagefind",
)


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


def index_site(site_dir: str | Path, store: cache.Store | None = None, folder: str = FOLDER) -> dict:
    """Index the HTML pages in site_dir and write the search bundle to site_dir/pagefind/
    (replacing the one an earlier build left). Returns {"pages": pages in the index,
    "seconds": the indexing's wall time, "peak_rss": the Pagefind process's peak RSS in bytes,
    "cached": whether the bundle came from the store}.

    With a store (the build's cache), the bundle is kept under a hash of every HTML file of the
    site, Pagefind's version and the options: a build whose pages are the same bytes as an
    earlier one's gets that bundle, checked, without running Pagefind.

    Runs the Pagefind binary of the `pagefind[bin]` package as a command, which exits only once
    every file is written. (The package's Python API stops its Pagefind service as soon as the
    service answers that the files are written, which is before they are: under load the bundle
    came out with empty files.) It runs in an empty folder, so no pagefind.yml it finds there
    changes what it does."""
    site = Path(site_dir).resolve()
    out = site / folder
    shutil.rmtree(out, ignore_errors=True)  # an earlier build's bundle: never indexed, never kept
    start = time.perf_counter()
    key = _bundle_key(site) if store is not None else None
    if store is not None and key is not None and _copy_bundle(store, key, out):
        entry = json.loads((out / "pagefind-entry.json").read_text(encoding="utf-8"))
        return {
            "pages": sum(language["page_count"] for language in entry["languages"].values()),
            "seconds": time.perf_counter() - start,
            "peak_rss": 0,
            "cached": True,
        }
    try:
        command = [
            str(get_executable() or "pagefind"),
            "--site",
            str(site),
            "--output-path",
            str(out),
            "--force-language",
            LANGUAGE,
            "--root-selector",
            ROOT,
            "--quiet",
        ]
        for selector in EXCLUDE:
            command += ["--exclude-selectors", selector]
        with tempfile.TemporaryDirectory() as empty:
            with subprocess.Popen(
                command, cwd=empty, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**MALLOC, **os.environ}
            ) as proc:
                assert proc.stdout is not None  # stdout=PIPE
                peak = _HighWater(proc.pid)
                output = proc.stdout.read().decode("utf-8", "replace")
                peak.stop()
        if proc.returncode != 0:
            raise SearchIndexError(f"exit code {proc.returncode}: {output.strip()[-2000:]}")
        entry = json.loads((out / "pagefind-entry.json").read_text(encoding="utf-8"))
        for name in UNUSED:
            (out / name).unlink(missing_ok=True)
        rechunk(out)
    except (OSError, ValueError, SearchIndexError) as e:
        raise SearchIndexError(messages.text("search.failed", site=site, error=e)) from None
    if store is not None and key is not None:
        _keep_bundle(store, key, out)
    return {
        "pages": sum(language["page_count"] for language in entry["languages"].values()),
        "seconds": time.perf_counter() - start,
        "peak_rss": peak.bytes,
        "cached": False,
    }


def _bundle_key(site: Path) -> str:
    """The search bundle's key: every HTML file of the site (not the bundle's own), Pagefind's
    version and how it is run."""
    parts: list[str | bytes] = [metadata.version("pagefind"), LANGUAGE, ROOT, *EXCLUDE, *UNUSED, SIGNATURE]
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site)
        if not rel.parts[0].startswith(FOLDER):
            parts += [rel.as_posix(), cache.digest(path.read_bytes())]
    return f"search/{cache.digest(*parts)}.json"


def _copy_bundle(store: cache.Store, key: str, out: Path) -> bool:
    """Write the bundle kept under key into out; False (and nothing left in out) if it or any of
    its files is missing or does not check out."""
    manifest = store.get(key)
    if manifest is None:
        return False
    try:
        for name, blob in json.loads(manifest).items():
            content = store.get(blob)
            if content is None:
                raise cache.CacheError(blob)
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            (out / name).write_bytes(content)
    except (cache.CacheError, ValueError, OSError):
        shutil.rmtree(out, ignore_errors=True)
        return False
    return True


def _keep_bundle(store: cache.Store, key: str, out: Path) -> None:
    """Keep the bundle in the store: each file under the hash of its content, and a manifest."""
    files = {}
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        files[path.relative_to(out).as_posix()] = store.put_blob(path.read_bytes())
    store.put(key, json.dumps(files).encode("utf-8"))


class _HighWater:
    """Follows a process's peak RSS (VmHWM in /proc) while it runs. Its rusage can't tell: Linux
    counts in ru_maxrss the memory the process had before it became Pagefind, i.e. the build
    process's, from which it was started."""

    def __init__(self, pid: int):
        self.bytes = 0
        self._status = Path(f"/proc/{pid}/status")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            for line in self._status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    self.bytes = max(self.bytes, int(line.split()[1]) * 1024)
        except (OSError, ValueError):
            pass

    def _run(self) -> None:
        self._read()  # at once: a small site's Pagefind is done in a few milliseconds
        while not self._stop.wait(0.01):
            self._read()

    def stop(self) -> None:
        """Called once its output has ended: Pagefind is exiting, not yet gone."""
        self._read()
        self._stop.set()
        self._thread.join()


# --------------------------------------------------------------------------- the word index's chunks

SIGNATURE = b"pagefind_dcd"  # what each of Pagefind's index files starts with, inside its gzip


def _head(data: bytes, i: int) -> tuple[int, int, int]:
    """A CBOR item's head at i -> (major type, argument, where its content starts)."""
    byte = data[i]
    major, info = byte >> 5, byte & 31
    if info < 24:
        return major, info, i + 1
    if info > 27:
        raise ValueError(f"CBOR item {byte:#x} at {i} is not one Pagefind writes")
    size = 1 << (info - 24)
    return major, int.from_bytes(data[i + 1 : i + 1 + size], "big"), i + 1 + size


def _skip(data: bytes, i: int) -> int:
    """Where the CBOR item at i ends (ints, strings, arrays and maps: what Pagefind writes)."""
    major, n, i = _head(data, i)
    if major < 2:
        return i
    if major < 4:
        return i + n
    if major == 5:
        n *= 2
    elif major != 4:
        raise ValueError(f"CBOR major type {major} is not one Pagefind writes")
    for _ in range(n):
        byte = data[i]
        if byte < 0x40:  # an integer, as most items are (a word's positions): inline for speed
            info = byte & 31
            i += 1 if info < 24 else 1 + (1 << (info - 24))
        else:
            i = _skip(data, i)
    return i


def _cbor_head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | info]) + n.to_bytes(size, "big")
    raise ValueError(n)


def _cbor_decode(data: bytes, i: int = 0):
    """The CBOR item at i as Python values -> (value, where it ends); for the meta file."""
    major, n, j = _head(data, i)
    if major == 0:
        return n, j
    if major == 1:
        return -1 - n, j
    if major in (2, 3):
        raw = data[j : j + n]
        return (raw if major == 2 else raw.decode("utf-8")), j + n
    if major == 4:
        items = []
        for _ in range(n):
            item, j = _cbor_decode(data, j)
            items.append(item)
        return items, j
    raise ValueError(f"CBOR item {data[i]:#x} at {i} is not one the meta file holds")


def _cbor_encode(value) -> bytes:
    if isinstance(value, int):
        return _cbor_head(0, value) if value >= 0 else _cbor_head(1, -1 - value)
    if isinstance(value, bytes):
        return _cbor_head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _cbor_head(3, len(raw)) + raw
    if isinstance(value, list):
        return _cbor_head(4, len(value)) + b"".join(_cbor_encode(v) for v in value)
    raise TypeError(type(value))


def _unpack(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path.name} does not start with {SIGNATURE!r}")
    return data


def _words(data: bytes) -> list[tuple[str, int, int]]:
    """An index chunk's words: (word, start, end) of each word's CBOR in data."""
    major, n, i = _head(data, len(SIGNATURE))  # Pagefind's WordIndex: [words]
    if major != 4 or n != 1:
        raise ValueError("not a word index")
    major, n, i = _head(data, i)
    if major != 4:
        raise ValueError("not a word index")
    out = []
    for k in range(n):
        major, _, j = _head(data, i)  # a word: [text, pages, ...]
        word, _ = _cbor_decode(data, j)
        if major != 4 or not isinstance(word, str):
            raise ValueError("not a word index")
        end = _skip(data, i) if k < n - 1 else len(data)  # the last (the largest, often) ends the file
        out.append((word, i, end))
        i = end
    return out


def _save(folder: Path, prefix: str, suffix: str, data: bytes, taken: set[str], length: int) -> str:
    """Writes data (signature and CBOR) as Pagefind does, gzip-compressed, under a name made of
    its hash as Pagefind names its files; returns the name's hash part (fx 'da_1a2b3c4')."""
    digest = hashlib.sha256(data).hexdigest()
    name = f"{LANGUAGE}_{digest[:length]}"
    while name in taken:
        length += 1
        name = f"{LANGUAGE}_{digest[:length]}"
    taken.add(name)
    (folder / f"{prefix}{name}{suffix}").write_bytes(gzip.compress(data, compresslevel=6, mtime=0))
    return name


def _prefixes(a: str, b: str) -> tuple[str, str]:
    """The shortest prefixes that still tell a chunk's last word from the next one's first
    (what Pagefind's get_prefixes does for its chunk ranges)."""
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return a[: common + 1], b[: common + 1]


def rechunk(bundle: Path) -> dict:
    """Gives each very common word a chunk of its own in the bundle's word index.

    Pagefind adds words to a chunk, in order, until it holds 20,000 positions, so the word that
    passes the mark is the chunk's last; when that word alone is larger than all the others in
    the chunk together (its encoded bytes), it is moved to a chunk of its own. Words, their order
    and their positions are unchanged; the meta file (chunk ranges and names) and
    pagefind-entry.json (the meta file's name) are rewritten. Returns {"chunks": (before, after)};
    leaves the bundle as it is if its files are not in the form this reads."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    language = entry["languages"].get(LANGUAGE)
    if set(entry["languages"]) != {LANGUAGE}:
        return {"chunks": None}
    meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
    data = _unpack(meta_path)
    meta, end = _cbor_decode(data, len(SIGNATURE))
    if end != len(data) or _cbor_encode(meta) != data[len(SIGNATURE) :] or not isinstance(meta[2], list):
        return {"chunks": None}  # a meta file this cannot write back as it was
    chunks = []  # (from, to, [word index bytes, ...])
    for start, stop, name in meta[2]:
        data = _unpack(bundle / "index" / f"{name}.pf_index")
        words = _words(data)
        rest = words[-1][1] - words[0][1] if words else 0
        last = words[-1][2] - words[-1][1] if words else 0
        if len(words) < 2 or last <= rest:
            chunks.append([start, stop, name, None])
            continue
        before, after = _prefixes(words[-2][0], words[-1][0])
        chunks.append([start, before, None, [data[w[1] : w[2]] for w in words[:-1]]])
        chunks.append([after, stop, None, [data[words[-1][1] : words[-1][2]]]])
    if len(chunks) == len(meta[2]):
        return {"chunks": (len(meta[2]), len(chunks))}
    taken = {name for _, _, name, _ in chunks if name}
    for old in {name for _, _, name in meta[2]} - taken:
        (bundle / "index" / f"{old}.pf_index").unlink()
    for chunk in chunks:
        if chunk[3] is not None:
            data = SIGNATURE + _cbor_head(4, 1) + _cbor_head(4, len(chunk[3])) + b"".join(chunk[3])
            chunk[2] = _save(bundle / "index", "", ".pf_index", data, taken, 7)
    chunks_before = len(meta[2])
    meta[2] = [chunk[:3] for chunk in chunks]
    meta_path.unlink()
    language["hash"] = _save(bundle, "pagefind.", ".pf_meta", SIGNATURE + _cbor_encode(meta), set(), 10)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return {"chunks": (chunks_before, len(chunks))}


THREAD = "pagefind"  # the name of Background's thread


class Background:
    """For `mkdocs serve`: the site is indexed in a thread after each build, into a folder beside
    the bundle that is swapped in when it is whole; the preview serves the last bundle meanwhile
    (a national site takes Pagefind a minute). Builds that come while it works are indexed
    once, after it."""

    def __init__(self):
        self.lock = threading.Lock()
        self.wanted: tuple | None = None
        self.thread: threading.Thread | None = None

    def index(self, site_dir: str | Path, store: cache.Store | None) -> None:
        with self.lock:
            self.wanted = (site_dir, store)
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._run, daemon=True, name=THREAD)
                self.thread.start()

    def _run(self) -> None:
        while True:
            with self.lock:
                if self.wanted is None:
                    return
                (site_dir, store), self.wanted = self.wanted, None
            site = Path(site_dir).resolve()
            try:
                index_site(site, store, folder=f"{FOLDER}.next")
                old = site / f"{FOLDER}.old"
                shutil.rmtree(old, ignore_errors=True)
                if (site / FOLDER).exists():
                    os.rename(site / FOLDER, old)
                os.rename(site / f"{FOLDER}.next", site / FOLDER)
                shutil.rmtree(old, ignore_errors=True)
            except (SearchIndexError, OSError) as e:
                log.warning(str(e))
