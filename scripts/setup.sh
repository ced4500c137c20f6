#!/usr/bin/env bash
# Creates .venv and installs the locked dependencies into it, then the project itself.
#   bash scripts/setup.sh        lock/main.txt: what building the site needs
#   bash scripts/setup.sh test   lock/test.txt: that, the test extra and the dev tools
# Exact versions checked against the lock's hashes (pip --require-hashes); the project is
# installed editable without its dependencies. Sourced by build.sh and test.sh; does nothing
# when neither the lock file nor pyproject.toml has changed since the last install.
# To change a dependency: edit pyproject.toml, then `bash scripts/lock.sh`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
extras="${1:-}"
PY="${PYTHON:-python3}"

case "$extras" in
  "") lock=lock/main.txt ;;
  test) lock=lock/test.txt ;;
  *) echo "setup: unknown extra '$extras' (use nothing or 'test')" >&2; exit 2 ;;
esac

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x .venv/bin/python ]; then
  if ! "$PY" -m venv --help >/dev/null 2>&1 || ! "$PY" -c "import ensurepip" >/dev/null 2>&1; then
    echo "setup: installing python3-venv with apt-get" >&2
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
  fi
  "$PY" -m venv .venv
fi

# One stamp per state of the lock files and pyproject.toml; lock/test.txt holds lock/main.txt's
# versions and more, so a test install serves a plain build too.
state=$(cat lock/main.txt lock/test.txt pyproject.toml | sha256sum | cut -c1-16)
if [ ! -f ".venv/.installed-$state-${extras:-base}" ] && [ ! -f ".venv/.installed-$state-test" ]; then
  echo "setup: installing $lock into .venv" >&2
  pip=(.venv/bin/python -m pip install -q --disable-pip-version-check)
  "${pip[@]}" --require-hashes -r "$lock"
  # The build backend (setuptools) comes from the lock too: no unlocked download at build time.
  "${pip[@]}" --no-deps --no-build-isolation -e .
  find .venv -maxdepth 1 -name '.installed-*' ! -name ".installed-$state-*" -delete
  touch ".venv/.installed-$state-${extras:-base}"
fi
