#!/usr/bin/env bash
# Set up (first time) and build the site into site/. Extra arguments go to `mkdocs build`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Reproducible builds: MkDocs takes the sitemap's dates from SOURCE_DATE_EPOCH when it is set;
# here the time of the last commit, so the same commit builds the same bytes.
if [ -z "${SOURCE_DATE_EPOCH:-}" ] && git rev-parse --git-dir >/dev/null 2>&1; then
  SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"
  export SOURCE_DATE_EPOCH
fi
NO_MKDOCS_2_WARNING=1 .venv/bin/python -m mkdocs build --strict "$@"
