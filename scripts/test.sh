#!/usr/bin/env bash
# Sets up and runs every test, the browser suite included, on a fresh Debian with Python 3.11.
# Idempotent: a second run installs nothing and goes straight to pytest.
#   scripts/test.sh                 all tests
#   scripts/test.sh -k hostile      arguments go to pytest
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=.venv

# Debian packages: chromium for the browser suite (never a browser download), a Java runtime
# for the Nu HTML checker. apt-get waits for another apt run to finish instead of failing.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing ${missing[*]} with apt-get"
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"
fi

# The project and its test tools in .venv; reinstalled only when pyproject.toml changes.
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
stamp="$VENV/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  "$VENV/bin/pip" install -q --upgrade pip
  "$VENV/bin/pip" install -q -e '.[test]'
  rm -f "$VENV"/.installed-* && touch "$stamp"
fi

export NO_MKDOCS_2_WARNING=1
exec "$VENV/bin/python" -m pytest tests "$@"
