#!/usr/bin/env bash
# Smoke-test the desktop bundle built by scripts/build-app.sh, the way a user runs it: with a bare
# environment (env -i) and no Python on PATH. The bundled CLI lists the codebooks, builds the
# sample study, searches it by lemma (spaCy lookups + Sastrawi), builds a display and exports
# excerpts to .docx; the app starts on a fresh copy of the sample study and must show its
# window (it writes $QUALCODE_READY_FILE when the project is on screen; on Linux the X window
# is checked too, under a private Xvfb when there is no DISPLAY).
# Usage: bash scripts/smoke-test-app.sh [FOLDER_WITH_THE_EXECUTABLES]
set -euo pipefail
cd "$(dirname "$0")/.."
EXE=""
case "$(uname -s)" in
  Darwin) BIN="${1:-dist/QualCode.app/Contents/MacOS}" ;;
  MINGW* | MSYS* | CYGWIN*) BIN="${1:-dist/QualCode}"; EXE=".exe" ;;
  *) BIN="${1:-dist/QualCode}" ;;
esac
BIN="$(cd "$BIN" && pwd)"
WORK="$(mktemp -d)"
APP_PID=""
XVFB_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$WORK/home" "$WORK/config" "$WORK/no-python"
fail() { echo "SMOKE TEST FAILED: $*" >&2; exit 1; }
now_ms() {  # bash 5 has EPOCHREALTIME; macOS's bash 3.2 gets whole seconds
  if [ -n "${EPOCHREALTIME:-}" ]; then local t=${EPOCHREALTIME/[.,]/}; echo $(( t / 1000 ));
  else echo $(( $(date +%s) * 1000 )); fi
}

# A bare environment: no PATH with a Python on it, no PYTHON* variables, no venv.
KEEP=()
for var in SYSTEMROOT WINDIR TEMP TMP USERPROFILE APPDATA LOCALAPPDATA; do  # Windows needs these
  [ -n "${!var:-}" ] && KEEP+=("$var=${!var}")
done
bare() {
  env -i ${KEEP[@]+"${KEEP[@]}"} HOME="$WORK/home" PATH="$WORK/no-python" LANG=C.UTF-8 \
    QUALCODE_CONFIG_DIR="$WORK/config" QUALCODE_CODER=smoke "$@"
}
cli() { bare "$BIN/qualcode-cli$EXE" "$@"; }
cd "$WORK"
bare /bin/sh -c 'command -v python3 python' >/dev/null 2>&1 && fail "a Python is reachable in the bare environment"

echo "+ codebooks"
[ "$(cli codebook list | tail -n +3 | grep -c .)" = 8 ] || fail "expected 8 shipped codebooks"
echo "+ sample study"
cli demo sample.qdaproj | tee demo.txt
grep -q "sources:    11" demo.txt && grep -q "codings:    334" demo.txt || fail "sample study incomplete"
echo "+ lemma search (spaCy lookups and Sastrawi)"
cli search sample.qdaproj sosialisasi --mode lemma > search.txt
grep -q "\[disosialisasikan\]" search.txt || fail "lemma search did not find disosialisasikan"
echo "+ display"
cli display sample.qdaproj factors > factors.txt
grep -q "Komunikasi" factors.txt || fail "factors display has no Komunikasi row"
cli display sample.qdaproj factors --out factors.xlsx
echo "+ excerpts to Word"
cli export excerpts sample.qdaproj excerpts.docx --code Komunikasi --language id
[ "$(head -c 2 excerpts.docx)" = "PK" ] && [ "$(wc -c < excerpts.docx)" -gt 10000 ] || fail "bad .docx"
echo "+ --cli on the app executable"
bare "$BIN/QualCode$EXE" --cli --version | grep -q "qualcode" || fail "QualCode --cli does not run the CLI"

echo "+ the app on a fresh copy of the sample study"
cli demo gui.qdaproj > /dev/null
DISPLAY_VARS=()
if [ "$(uname -s)" = Linux ]; then
  if [ -z "${DISPLAY:-}" ]; then
    command -v Xvfb >/dev/null || fail "no DISPLAY and no Xvfb"
    number=$(( 90 + RANDOM % 800 ))
    while [ -e "/tmp/.X11-unix/X$number" ] || [ -e "/tmp/.X$number-lock" ]; do number=$(( number + 1 )); done
    Xvfb ":$number" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    export DISPLAY=":$number"
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$number" ] && break; sleep 0.1; done
  fi
  DISPLAY_VARS=(DISPLAY="$DISPLAY")
fi
started=$(now_ms)
bare ${DISPLAY_VARS[@]+"${DISPLAY_VARS[@]}"} QUALCODE_READY_FILE="$WORK/ready" "$BIN/QualCode$EXE" "$WORK/gui.qdaproj" \
  > app.log 2>&1 &
APP_PID=$!
for _ in $(seq 1200); do
  [ -s "$WORK/ready" ] && break
  kill -0 "$APP_PID" 2>/dev/null || { cat app.log >&2; fail "the app exited before its window was up"; }
  sleep 0.1
done
[ -s "$WORK/ready" ] || { cat app.log >&2; fail "no window within 120 s"; }
ended=$(now_ms)
title="$(cat "$WORK/ready")"
case "$title" in gui*QualCode) ;; *) fail "window title is '$title', not the project's" ;; esac
if [ "$(uname -s)" = Linux ] && command -v xwininfo >/dev/null; then
  xwininfo -root -tree | grep -q "QualCode" || fail "no QualCode window on $DISPLAY"
fi
echo "  window up with the project in $(( ended - started )) ms: $title"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
echo "SMOKE TEST PASSED ($BIN)"
