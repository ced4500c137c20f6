"""The site's pages and files from entries of the build's cache (generator/cache.py)."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from generator import cache


class CachedFile(File):
    """A generated page for MkDocs: its body is a cache entry (read, checked, by the plugin's
    on_page_content); `serve --dirty` compares the entry's time with the built page's."""

    @classmethod
    def of(cls, config, path: str, store: cache.Store, key: str) -> "CachedFile":
        f = cls.generated(config, path, abs_src_path=str(store.file(key)))
        assert isinstance(f, cls)  # File.generated makes an instance of cls (MkDocs annotates it as File)
        return f


def write_all(site_dir: str, entries: dict[str, tuple[cache.Store, str]], written: dict[str, str] | None = None) -> None:
    """The site's files other than pages (SVG and CSV files, open data, the chart runtime)
    written into the site from their cache entries, checked. They are not MkDocs files: MkDocs
    would only copy them, and at national scale its bookkeeping of tens of thousands of files
    cost more than the copying.
    written (`serve --dirty`: the entry each site file was last written from, kept between
    builds): a file whose entry is the same is left as it is; one this process has not written
    yet is written when its entry is newer than the file."""
    for path, (store, key) in entries.items():
        dest, src = os.path.join(site_dir, path), store.location(key)
        if written is not None:
            unchanged = written.get(path) == src or (path not in written and _newer_or_same(dest, src))
            written[path] = src
            if unchanged:
                continue
        copy_out(store, key, dest)


def _newer_or_same(dest: str, src: str) -> bool:
    try:
        return os.path.getmtime(dest) >= os.path.getmtime(src)
    except OSError:
        return False


def copy_out(store: cache.Store, key: str, dest: str) -> None:
    """The entry's checked content written to dest in the site (never a link to the cache)."""
    try:
        store.copy_out(key, dest)
    except cache.CacheError as e:
        raise PluginError(str(e)) from None


def edit_url(config, source: str | None) -> str | None:
    """A generated page's edit link: MkDocs' edit_uri with the page's data file in place of docs/."""
    if source is None:
        return None
    base = config.edit_uri.rstrip("/").removesuffix(Path(config.docs_dir).name).rstrip("/")
    return f"{config.repo_url.rstrip('/')}/{base}/{source}"
