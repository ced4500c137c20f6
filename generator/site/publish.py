"""Replacing the published site only when a whole build succeeded.

A build writes into a folder beside the site (`site.partial-<pid>`); `commit` swaps it with the
site in one step (Linux' renameat2 with RENAME_EXCHANGE: the site folder always exists, whole,
old or new) and removes the old one; `abort` removes the new one. A build that dies in between
(a kill) leaves its partial folder, which the next build removes once the process that made it
has ended (`sweep`); the published site is never touched before `commit`.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
from pathlib import Path

from generator.cache import alive

PARTIAL = ".partial-"
OLD = ".old-"  # only where the swap is two renames (no renameat2): the old site, for a moment


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step; False where the system cannot (not Linux, old C library)."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL):  # no such call, or a file system without it
        return False
    raise OSError(err, os.strerror(err), str(b))


def sweep(site: Path) -> None:
    """Remove the partial folders of builds that ended without committing (killed); put back an
    old site that a killed two-rename swap left without its place."""
    for path in site.parent.glob(f"{site.name}.*-*"):
        kind, _, pid = path.name[len(site.name) :].rpartition("-")
        if kind + "-" not in (PARTIAL, OLD) or not pid.isdigit() or alive(int(pid)):
            continue
        if kind + "-" == OLD and not site.exists():
            os.rename(path, site)
        else:
            shutil.rmtree(path, ignore_errors=True)


class Staging:
    """A new site for `site`, built in a folder beside it."""

    def __init__(self, site: str | Path):
        self.site = Path(site)
        self.partial = self.site.with_name(f"{self.site.name}{PARTIAL}{os.getpid()}")
        sweep(self.site)
        shutil.rmtree(self.partial, ignore_errors=True)  # an earlier build of this process that failed

    def commit(self) -> None:
        """Put the new site in the old one's place; remove the old one."""
        self.site.parent.mkdir(parents=True, exist_ok=True)
        old = None
        lock = os.open(self.site.parent, os.O_RDONLY)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX)  # two builds publishing at the same moment take turns
            if self.site.exists() and _exchange(self.partial, self.site):
                old = self.partial  # now the old site
            elif self.site.exists():
                old = self.site.with_name(f"{self.site.name}{OLD}{os.getpid()}")
                os.rename(self.site, old)
                os.rename(self.partial, self.site)
            else:
                os.rename(self.partial, self.site)
        finally:
            os.close(lock)
        if old is not None:  # after the lock: another build may publish while this one removes
            shutil.rmtree(old)

    def abort(self) -> None:
        shutil.rmtree(self.partial, ignore_errors=True)


def staged(config) -> Staging | None:
    """For `mkdocs build`: a Staging for config.site_dir, which now names the staging folder."""
    staging = Staging(config.site_dir)
    config.site_dir = str(staging.partial)
    return staging


def finish(staging: Staging | None, config, failed: bool) -> None:
    """At the end of a build: the new site swapped in, or (failed) dropped, and config.site_dir
    back where gh-deploy and the caller look for the site."""
    if staging is None:
        return
    staging.abort() if failed else staging.commit()
    config.site_dir = str(staging.site)
