#!/usr/bin/env bash
# Build the desktop bundle with PyInstaller: dist/QualCode/ (Linux, Windows) or dist/QualCode.app (macOS).
#
# The build runs in its own venv (.build-venv, or $QUALCODE_BUILD_VENV) with QualCode installed from
# a wheel of this checkout (not editable), so the bundle holds exactly what an installed QualCode
# holds: the package, its data folders (codebooks, sample study), translations and schemas.
# Python: $QUALCODE_BUILD_PYTHON, else the one scripts/find-python.sh finds.
# Then run: bash scripts/smoke-test-app.sh   (see docs/packaging.md)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${QUALCODE_BUILD_VENV:-.build-venv}"
case "$VENV" in /*) ;; *) VENV="$PWD/$VENV" ;; esac
PY="${QUALCODE_BUILD_PYTHON:-$(bash scripts/find-python.sh)}"
start=$(date +%s)

venv_python() {  # a venv's interpreter: bin/python (Linux, macOS) or Scripts/python.exe (Windows)
  if [ -x "$VENV/bin/python" ]; then echo "$VENV/bin/python"; else echo "$VENV/Scripts/python.exe"; fi
}
if ! "$(venv_python)" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
fi
BPY="$(venv_python)"
rm -rf build/lib build/bdist.*  # setuptools never cleans these: a deleted module would stay in the wheel
"$BPY" -m pip install -q --upgrade pip
"$BPY" -m pip install -q "pyinstaller==6.22.*" "pyinstaller-hooks-contrib>=2026.9" .
# The version number does not change between builds: reinstall this checkout every time.
"$BPY" -m pip install -q --no-deps --force-reinstall .
echo "+ build venv ready ($(( $(date +%s) - start )) s)"

# Run from outside the checkout, with no PYTHONPATH and PYTHONSAFEPATH set (also for PyInstaller's
# helper processes): `import qualcode` must find the installed copy, not ./qualcode.
repo="$(pwd)"
mkdir -p build/pyinstaller
(cd build/pyinstaller && env -u PYTHONPATH PYTHONSAFEPATH=1 "$BPY" -m PyInstaller --noconfirm \
  --clean --log-level WARN --distpath "$repo/dist" --workpath "$repo/build/pyinstaller" \
  "$repo/packaging/qualcode.spec")
case "$(uname -s)" in
  Darwin) out=dist/QualCode.app ;;
  *) out=dist/QualCode ;;
esac
if [ "$(uname -s)" = Linux ]; then  # the freedesktop entry, icon and file types, and their installer
  mkdir -p "$out/share"
  cp packaging/linux/qualcode.desktop packaging/linux/qualcode-mime.xml packaging/icons/qualcode.svg \
    packaging/icons/qualcode.png "$out/share/"
  cp packaging/linux/install.sh "$out/install.sh"
fi
size=$(du -sh "$out" | cut -f1)
echo "Built $out ($size) in $(( $(date +%s) - start )) s"
