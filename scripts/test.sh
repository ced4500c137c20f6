#!/usr/bin/env bash
# Set up (first time) and run the whole test suite, the browser suite included, on a fresh
# Debian with Python 3.11. Idempotent: a second run installs nothing and goes straight to pytest.
#   bash scripts/test.sh                 all tests
#   bash scripts/test.sh -k hostile      arguments go to pytest
set -euo pipefail
cd "$(dirname "$0")/.."

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

bash scripts/setup.sh test
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest tests "$@"
