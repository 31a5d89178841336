#!/usr/bin/env bash
# Create .venv with Python >= 3.12 and install QualCode with its test tools into it.
set -eu
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
py=$(bash scripts/find-python.sh)
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)'; then
  rm -rf .venv
  "$py" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[test]"
echo "QualCode installed in .venv ($(.venv/bin/python --version))"
