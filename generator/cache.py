"""The one rule for what the build keeps in .cache/: every entry is checked when it is read.

An entry is a file in a Store (a folder: .cache/charts, .cache/files) named by its key: a hash of
the inputs it was made from (and of the versions of what made it: `digest`) for chart SVGs,
the Vega bundle, loaded documents and page manifests, or of its own content (`put_blob`) for
the pages' bodies and files. The file holds a header line with a checksum over the key and the
content, then the content:

    jc-cache 1 <sha256 of key, NUL, content>\\n<content>

- Read (`Store.get`): an entry that is missing, cut short, damaged, copied from another key
  (swapped) or not a file at all reads as None, and the caller makes it again. A read entry
  gets its modification time brought up to date (at most once an hour), so entries no build
  has used for a while can be pruned by age (`find .cache -type f -mtime +30 -delete`).
- Written (`Store.put`): to a temporary file with this process's id in its name in the store's
  `.tmp/` folder, then renamed onto the entry: a reader sees the old entry or the new one,
  never half of one; two builds sharing the cache never write the same temporary file; a build
  killed while writing leaves only a temporary file, which the next build removes (`sweep`).
- Published (`Store.copy_out`): the content, checked, is copied into the site; the site never
  shares a file with the cache, so changing the cache later does not change a published site.
- Checked once: a Store lives for one build and notes each entry it has checked (its file's
  inode, size and modification time, as git's index does). An entry read again in the same build
  whose file is still the one checked is not hashed again; a changed file is checked afresh.

Nothing here knows what the entries mean; generator/views/charts.py, generator/data/loader.py,
generator/site/build.py and site_plugins/search.py decide what goes in.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import time
from pathlib import Path

from generator import messages

MAGIC = b"jc-cache 1 "
HEADER_SIZE = len(MAGIC) + 64 + 1  # the magic, a sha256 in hex, a line break
TMP = ".tmp"
TOUCH_AFTER = 3600  # seconds: a used entry older than this gets the current time
# Damaged entries are reported here: not under "mkdocs", so `mkdocs build --strict` does not
# count them (the build makes them again and succeeds); the plugin prints them.
log = logging.getLogger("jobcentres.cache")


class CacheError(Exception):
    """The cache cannot be written (or an entry changed while the build used it); the message says
    what to do. Pickles with its message (raised in a worker process, re-raised in the build)."""


def digest(*parts: str | bytes) -> str:
    """A key for an entry made from these inputs: the sha256 of the parts, each ended by a NUL."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


def _checksum(key: str, content: bytes) -> bytes:
    return hashlib.sha256(key.encode("utf-8") + b"\0" + content).hexdigest().encode("ascii")


def wrap(key: str, content: bytes) -> bytes:
    """The bytes of an entry: header and content."""
    return MAGIC + _checksum(key, content) + b"\n" + content


def unwrap(key: str, raw: bytes) -> bytes | None:
    """The content of an entry's bytes if they are whole and were written for this key, else None."""
    if len(raw) < HEADER_SIZE or not raw.startswith(MAGIC) or raw[HEADER_SIZE - 1 : HEADER_SIZE] != b"\n":
        return None
    content = raw[HEADER_SIZE:]
    return content if raw[len(MAGIC) : HEADER_SIZE - 1] == _checksum(key, content) else None


def _new_file(dest: str | Path) -> int:
    """A descriptor of dest, created for writing: a fresh build's folder has no file there yet,
    `serve --dirty` replaces the last build's (never writing through it: it could be a link)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC
    try:
        return os.open(dest, flags, 0o666)
    except FileNotFoundError:  # the folder is not there yet
        os.makedirs(os.path.dirname(dest), exist_ok=True)
    except FileExistsError:
        os.unlink(dest)
    return os.open(dest, flags, 0o666)


def alive(pid: int) -> bool:
    """Whether a process with this id runs (the owner of a temporary file or partial site)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


class Store:
    """A folder of entries; see the module's docstring. key: a name relative to the folder
    (posix, no `..`), which is also the entry's file name."""

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self._prefix = str(self.root) + os.sep
        self._checked: dict[str, tuple[int, int, int]] = {}  # key -> the checked file's stamp

    def file(self, key: str) -> Path:
        return self.root / key

    def location(self, key: str) -> str:
        """file(key) as a string, made without pathlib (tens of thousands of times a build)."""
        return self._prefix + key

    def key_of(self, path: str | Path) -> str:
        """The key of a file in this store (ValueError if the path is not in it)."""
        return Path(path).relative_to(self.root).as_posix()

    def _read(self, key: str, report: bool = True) -> tuple[bytes | None, os.stat_result | None]:
        """The entry's content (None if it is missing or does not check out) and its file's stat.
        report: say so when the entry is damaged (in this format but does not check out, or a
        folder); one in no format of ours (fx written by an older version) is never reported."""
        path = self.location(key)
        try:
            with open(path, "rb") as f:
                st = os.fstat(f.fileno())
                raw = f.read()
        except FileNotFoundError:
            return None, None
        except OSError:  # a folder, unreadable
            if report:
                log.warning(messages.text("build.cache_damaged", path=_shown(path)))
            return None, None
        stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
        if self._checked.get(key) == stamp:
            return raw[HEADER_SIZE:], st
        content = unwrap(key, raw)
        if content is None:
            if report and raw[: len(MAGIC)] == MAGIC[: len(raw)]:
                log.warning(messages.text("build.cache_damaged", path=_shown(path)))
        else:
            self._checked[key] = stamp
        return content, st

    def get(self, key: str, touch: bool = True, report: bool = True) -> bytes | None:
        """The entry's content if it is there and whole, else None. touch: note the use (see
        TOUCH_AFTER); the generated files (.cache/files) are not touched, since `mkdocs serve
        --dirty` reads their time as the time their content changed. report: see _read."""
        content, st = self._read(key, report)
        if content is not None and st is not None and touch and time.time() - st.st_mtime > TOUCH_AFTER:
            try:
                os.utime(self.file(key))
            except OSError:
                pass  # a read-only cache is still read
        return content

    def put(self, key: str, content: bytes) -> Path:
        """Write the entry (atomically, see the module's docstring); returns its file."""
        target = self.file(key)
        tmp_dir = self.root / TMP
        tmp = tmp_dir / f"{os.getpid()}-{os.urandom(6).hex()}"
        try:
            tmp_dir.mkdir(parents=True, exist_ok=True)
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as f:
                f.write(wrap(key, content))
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)  # a folder where an entry belongs is not an entry
            os.replace(tmp, target)
        except OSError as e:
            try:
                tmp.unlink()
            except OSError:
                pass
            raise CacheError(messages.text("build.cache_unwritable", path=_shown(target), reason=e.strerror or e)) from None
        return target

    def put_blob(self, content: bytes, suffix: str = "") -> str:
        """Store content under its own hash, in blobs/ (once: an entry that checks out is kept,
        and noted as used); returns its key."""
        key = f"blobs/{digest(content)}{suffix}"
        if self.get(key) is None:
            self.put(key, content)
        return key

    def copy_out(self, key: str, dest: str | Path) -> None:
        """Write the entry's content to dest (a new file, its folder made if need be; a file or
        link there is replaced)."""
        content = self._read(key)[0]
        if content is None:
            raise CacheError(messages.text("build.cache_changed", path=_shown(self.file(key))))
        with open(_new_file(dest), "wb") as f:
            f.write(content)

    def faults(self) -> list[str]:
        """What is wrong in the store: entries that do not check out, temporary files left (by a
        process that still runs, or was killed since the last sweep). Empty when all is well."""
        out = []
        for path in sorted(self.root.rglob("*")):
            key = self.key_of(path)
            if key.split("/")[0] == TMP:
                out += [key] if path.is_file() else []
            elif path.is_file() and self._read(key, report=False)[0] is None:
                out.append(key)
        return out

    def sweep(self) -> None:
        """Remove the temporary files of processes that ended without renaming them (killed)."""
        try:
            names = os.listdir(self.root / TMP)
        except OSError:
            return
        for name in names:
            pid = name.split("-", 1)[0]
            if not pid.isdigit() or not alive(int(pid)):
                try:
                    os.unlink(self.root / TMP / name)
                except OSError:
                    pass


def _shown(path: str | Path) -> str:
    from generator.data.csvdata import display_path

    return display_path(path)
