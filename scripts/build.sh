#!/usr/bin/env bash
# Set up (first time) and build the site into site/. Extra arguments go to `mkdocs build`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
NO_MKDOCS_2_WARNING=1 .venv/bin/python -m mkdocs build --strict "$@"
