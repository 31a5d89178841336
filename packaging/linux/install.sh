#!/usr/bin/env bash
# Add the QualCode bundle this script sits in to the desktop: a menu entry with its icon, the
# .qdaproj and .qdpx file types, and `qualcode` (the CLI) in ~/.local/bin. Nothing is copied
# out of the bundle folder: move the folder first if you want it elsewhere, then run this.
# Undo: bash install.sh --uninstall
set -euo pipefail
BUNDLE="$(cd "$(dirname "$0")" && pwd)"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
BIN="$HOME/.local/bin"
APPS="$DATA/applications"
ICONS="$DATA/icons/hicolor"
MIME="$DATA/mime"
refresh() {
  command -v update-mime-database >/dev/null && update-mime-database "$MIME" >/dev/null 2>&1 || true
  command -v update-desktop-database >/dev/null && update-desktop-database "$APPS" >/dev/null 2>&1 || true
}
if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$APPS/qualcode.desktop" "$ICONS/scalable/apps/qualcode.svg" "$ICONS/256x256/apps/qualcode.png" \
    "$MIME/packages/qualcode.xml"
  [ -L "$BIN/qualcode" ] && rm -f "$BIN/qualcode"
  refresh
  echo "QualCode removed from the desktop (the bundle folder $BUNDLE is left alone)."
  exit 0
fi
[ -x "$BUNDLE/QualCode" ] || { echo "install.sh must stay in the QualCode bundle folder" >&2; exit 1; }
mkdir -p "$APPS" "$ICONS/scalable/apps" "$ICONS/256x256/apps" "$MIME/packages" "$BIN"
cp "$BUNDLE/share/qualcode.svg" "$ICONS/scalable/apps/qualcode.svg"
cp "$BUNDLE/share/qualcode.png" "$ICONS/256x256/apps/qualcode.png"
cp "$BUNDLE/share/qualcode-mime.xml" "$MIME/packages/qualcode.xml"
# Exec needs the absolute path, quoted for the desktop-entry spec (and escaped for sed).
case "$BUNDLE" in *[\"\\\`\$]*)
  echo "Move the bundle to a folder whose path has no \" \\ \` or \$ in it, then run this again." >&2
  exit 1 ;;
esac
exec_path=$(printf '%s' "$BUNDLE/QualCode" | sed 's/[&|]/\\&/g')
sed "s|^Exec=QualCode %f$|Exec=\"$exec_path\" %f|" "$BUNDLE/share/qualcode.desktop" \
  > "$APPS/qualcode.desktop"
ln -sfn "$BUNDLE/qualcode-cli" "$BIN/qualcode"
refresh
echo "QualCode is in your applications menu; 'qualcode' runs the command line (from $BIN)."
