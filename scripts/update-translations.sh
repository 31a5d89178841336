#!/usr/bin/env bash
# Regenerate the desktop app's translation catalogues.
#
# 1. pyside6-lupdate scans qualcode/ui and every core module that marks strings
#    with QT_TRANSLATE_NOOP (operation labels, error templates) and updates
#    qualcode/ui/i18n/qualcode_id.ts, keeping the translations already there.
# 2. Translate the new entries (Qt Linguist: pyside6-linguist qualcode/ui/i18n/qualcode_id.ts),
#    then run this script again; tests/ui/test_app_i18n.py fails while any entry is unfinished.
# 3. pyside6-lrelease compiles the .ts into the .qm the app loads.
# Both files are committed; tests/ui/test_app_i18n.py checks the .qm is current.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${QUALCODE_VENV:-.venv}/bin"
[ -x "$BIN/pyside6-lupdate" ] || BIN="$(dirname "$(command -v pyside6-lupdate)")"
TS=qualcode/ui/i18n/qualcode_id.ts
QM=qualcode/ui/i18n/qualcode_id.qm

mapfile -t UI < <(find qualcode/ui -name '*.py' | LC_ALL=C sort)
# -w, not 'QT_TRANSLATE_NOOP(': a module that only aliases the marker must be scanned too.
mapfile -t CORE < <(grep -rlw --include='*.py' 'QT_TRANSLATE_NOOP' qualcode \
  | grep -v -e '^qualcode/ui/' -e '^qualcode/i18n.py$' | LC_ALL=C sort)

# Modules may shorten the marker (`_T = QT_TRANSLATE_NOOP`, or
# `import QT_TRANSLATE_NOOP as _T`); lupdate only sees such calls when told the alias.
mapfile -t ALIASES < <(grep -rhoE --include='*.py' \
  -e '^[[:space:]]*[A-Za-z_][A-Za-z0-9_]*[[:space:]]*=[[:space:]]*QT_TRANSLATE_NOOP[[:space:]]*$' \
  -e 'QT_TRANSLATE_NOOP[[:space:]]+as[[:space:]]+[A-Za-z_][A-Za-z0-9_]*' qualcode \
  | sed -E -e 's/^[[:space:]]*([A-Za-z0-9_]+)[[:space:]]*=.*/\1/' -e 's/.*[[:space:]]as[[:space:]]+//' \
  | LC_ALL=C sort -u)
ALIAS_ARGS=()
if [ "${#ALIASES[@]}" -gt 0 ]; then
  SPEC=""
  for a in "${ALIASES[@]}"; do SPEC="${SPEC:+$SPEC,}QT_TRANSLATE_NOOP+=$a"; done
  ALIAS_ARGS=(-tr-function-alias "$SPEC")
fi

"$BIN/pyside6-lupdate" -locations none -no-obsolete -source-language en_GB \
  -target-language id_ID "${ALIAS_ARGS[@]}" "${UI[@]}" "${CORE[@]}" -ts "$TS"
"$BIN/pyside6-lrelease" -silent "$TS" -qm "$QM"
echo "Updated $TS and $QM"
