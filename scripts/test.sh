#!/usr/bin/env bash
# Set up (first time) and run the whole test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
NO_MKDOCS_2_WARNING=1 .venv/bin/python -m pytest "$@"
