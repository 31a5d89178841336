#!/usr/bin/env bash
# Regenerate the desktop app's translation catalogues.
#
# 1. pyside6-lupdate scans qualcode/ui and every core module that marks strings
#    with QT_TRANSLATE_NOOP (operation labels, error templates) and updates
#    qualcode/ui/i18n/qualcode_id.ts, keeping the translations already there.
# 2. Translate the new entries (Qt Linguist: pyside6-linguist qualcode/ui/i18n/qualcode_id.ts).
# 3. pyside6-lrelease compiles the .ts into the .qm the app loads.
# Both files are committed; tests/ui/test_app_i18n.py checks the .qm is current.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${QUALCODE_VENV:-/work/venv}/bin"
[ -x "$BIN/pyside6-lupdate" ] || BIN="$(dirname "$(command -v pyside6-lupdate)")"
TS=qualcode/ui/i18n/qualcode_id.ts
QM=qualcode/ui/i18n/qualcode_id.qm

mapfile -t UI < <(find qualcode/ui -name '*.py' | LC_ALL=C sort)
mapfile -t CORE < <(grep -rl --include='*.py' 'QT_TRANSLATE_NOOP(' qualcode \
  | grep -v -e '^qualcode/ui/' -e '^qualcode/i18n.py$' | LC_ALL=C sort)

"$BIN/pyside6-lupdate" -locations none -no-obsolete -source-language en_GB \
  -target-language id_ID "${UI[@]}" "${CORE[@]}" -ts "$TS"
"$BIN/pyside6-lrelease" -silent "$TS" -qm "$QM"
echo "Updated $TS and $QM"
