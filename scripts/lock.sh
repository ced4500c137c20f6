#!/usr/bin/env bash
# Updates the lock files from pyproject.toml's ranges, for Linux x86_64 and Python 3.11:
#   lock/test.txt  the dependencies with the test and dev extras, and the build backend
#   lock/main.txt  the dependencies alone (same versions as in lock/test.txt)
# Exact versions with the sha256 of every file PyPI has for them; scripts/setup.sh installs
# from them with pip --require-hashes. Run it after changing a dependency in pyproject.toml.
# A version already locked is kept while the ranges allow it; arguments go to `uv pip compile`:
#   bash scripts/lock.sh                      add what pyproject.toml asks for, keep the rest
#   bash scripts/lock.sh --upgrade            newest versions the ranges allow
#   bash scripts/lock.sh --upgrade-package pandas
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=0.13.9
PY="${PYTHON:-python3}"

# uv in its own virtual environment under .cache/ (not a project dependency, not in the lock).
tool=.cache/lock-tool
if [ "$("$tool/bin/uv" --version 2>/dev/null)" != "uv $UV_VERSION" ]; then
  "$PY" -m venv "$tool"
  "$tool/bin/python" -m pip install -q --disable-pip-version-check "uv==$UV_VERSION"
fi

# The build backend from [build-system] too (on standard input; the lock names no source), so
# that setup.sh can install the project without fetching an unlocked setuptools
# (pip --no-build-isolation).
build_system() {
  "$PY" -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], sep="\n")'
}
compile() {
  build_system | UV_CUSTOM_COMPILE_COMMAND="bash scripts/lock.sh" "$tool/bin/uv" pip compile --quiet \
    --generate-hashes --python-version 3.11 --python-platform x86_64-unknown-linux-gnu \
    --index-url https://pypi.org/simple --no-config pyproject.toml - "$@"
}
mkdir -p lock
compile --extra test --extra dev -o lock/test.txt "$@"
compile -c lock/test.txt -o lock/main.txt "$@"
echo "lock: wrote lock/test.txt ($(grep -c '==' lock/test.txt) packages) and lock/main.txt ($(grep -c '==' lock/main.txt) packages)"
