"""Two clean builds of the seed are byte-identical, and so is a build from a warm cache.

With SOURCE_DATE_EPOCH set (as scripts/build.sh sets it from the last commit), MkDocs takes the
sitemap's dates and the time in sitemap.xml.gz's gzip header from it instead of from the clock.
The projects lie in different folders: nothing of where a project lies reaches its site.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys

from conftest import copy_project
from hostile.harness import UNSTABLE

EPOCH = "1700000000"  # 2023-11-14


def build(project, site):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    return {path: data for path, data in files.items() if not UNSTABLE.match(path)}


def test_two_clean_builds_and_a_warm_one_are_byte_identical(tmp_path):
    a, b = tmp_path / "a" / "project", tmp_path / "b" / "other-name"
    a.mkdir(parents=True)
    b.mkdir(parents=True)
    first = build(copy_project(a), tmp_path / "site-a")
    second = build(copy_project(b), tmp_path / "site-b")
    assert len(first) > 100 and "sitemap.xml.gz" in first
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []
    warm = build(a, tmp_path / "site-a-warm")  # from the cache the first build filled
    assert [path for path in first if warm.get(path) != first[path]] == [] and sorted(warm) == sorted(first)
    # the dates come from SOURCE_DATE_EPOCH
    assert b"<lastmod>2023-11-14</lastmod>" in first["sitemap.xml"]
    assert gzip.decompress(first["sitemap.xml.gz"]) == first["sitemap.xml"]
    assert int.from_bytes(first["sitemap.xml.gz"][4:8], "little") == 1699920000  # gzip's time: that day, 00:00 UTC
