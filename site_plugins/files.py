"""MkDocs files whose content is an entry of the build's cache (generator/cache.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from generator import cache


class CachedFile(File):
    """A page or file whose content is a cache entry, copied into the site once its checksum is
    checked; `serve --dirty` compares the entry's time with the built file's."""

    store: cache.Store
    key: str

    @classmethod
    def of(cls, config, path: str, store: cache.Store, key: str) -> "CachedFile":
        f = cls.generated(config, path, abs_src_path=str(store.file(key)))
        assert isinstance(f, cls)  # File.generated makes an instance of cls (MkDocs annotates it as File)
        f.store, f.key = store, key
        return f

    def copy_file(self, dirty: bool = False) -> None:
        if not dirty or self.is_modified():
            copy_out(self.store, self.key, self.abs_dest_path)


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
