#!/usr/bin/env bash
# Set up (first time), check the code and run the test suite on a fresh Debian with Python 3.11.
# Idempotent: a second run installs nothing and goes straight to the checks and pytest.
#   bash scripts/test.sh                 all tests, the browser suite and full-site builds included
#   bash scripts/test.sh --fast          the inner loop: skips the tests marked slow
#   bash scripts/test.sh -k hostile      other arguments go to pytest (-n 0: in one process)
# Before pytest, in both: ruff check, ruff format --check and mypy (configured in pyproject.toml);
# a finding stops the run with the command that fixes it.
set -euo pipefail
cd "$(dirname "$0")/.."

fast=()
if [ "${1:-}" = "--fast" ]; then
  shift
  fast=(-m "not slow")
fi

# Debian packages for the slow tests: chromium for the browser suite (never a browser
# download), a Java runtime for the Nu HTML checker. apt-get waits for another apt run to
# finish instead of failing.
missing=()
if [ ${#fast[@]} -eq 0 ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v java >/dev/null || missing+=(default-jre-headless)
fi
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing ${missing[*]} with apt-get"
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"
fi

bash scripts/setup.sh test

# check NAME FIX COMMAND...: runs COMMAND quietly; on a finding shows its output and how to fix it.
check() {
  local name=$1 fix=$2 out
  shift 2
  if ! out=$("$@" 2>&1); then
    printf '%s\n' "$out"
    echo "test.sh: $name found problems (above); fix with: $fix" >&2
    exit 1
  fi
}
check "ruff check" ".venv/bin/ruff check --fix ." .venv/bin/ruff check --quiet .
check "ruff format" ".venv/bin/ruff format ." .venv/bin/ruff format --check --quiet .
# Incremental: it checks again only what changed since .mypy_cache/ was written.
check "mypy" "fix the errors above, then .venv/bin/mypy" .venv/bin/mypy

export NO_MKDOCS_2_WARNING=1
# On every core (pytest-xdist): each test file's tests on one worker, so that a file's fixtures
# (a built site, a served site, a browser) are made once.
exec .venv/bin/python -m pytest tests -n auto --dist loadfile "${fast[@]}" "$@"
