#!/usr/bin/env bash
# Build sample exports from sample_transcripts/ and render them to PDF and PNG for a visual check.
#
#   scripts/render-exports.sh [OUTDIR] [--docs]
#
# OUTDIR (default build/exports) receives the .docx/.xlsx/.csv/.html exports, pdf/ and png/.
# --docs also copies one rendered page of each (docx, xlsx) to docs/exports/.
# Needs LibreOffice and poppler (not needed by the tests):
#   apt-get update && apt-get install -y --no-install-recommends \
#     libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils \
#     fonts-liberation fonts-crosextra-carlito
# (Liberation Serif / Carlito are metric-compatible stand-ins for Times New Roman / Calibri.)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
out="build/exports"
docs=0
for arg in "$@"; do
  case "$arg" in
    --docs) docs=1 ;;
    *) out="$arg" ;;
  esac
done
python="${PYTHON:-}"
if [ -z "$python" ]; then
  if [ -x "$repo/.venv/bin/python" ]; then python="$repo/.venv/bin/python"; else python="$("$here/find-python.sh")"; fi
fi
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (see the header of $0)" >&2; exit 1; }
done

mkdir -p "$out"
(cd "$repo" && "$python" "$here/render_exports_sample.py" "$out")
# The matrix sample is a real command-line export (the writer `display --out` and the app use too).
(cd "$repo" && "$python" -m qualcode export display "$out/sample.qdaproj" matrix "$out/matriks.xlsx" \
  --cols cases:informant --pseudonymise --title "Kode × Informan" >/dev/null)
rm -rf "$out/pdf" "$out/png"
mkdir -p "$out/pdf/docx" "$out/pdf/xlsx" "$out/png"
# One profile dir per run: a LibreOffice already open for the user does not get in the way.
profile="file://$(mktemp -d)"
soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$out/pdf/docx" \
  "$out"/kutipan.docx "$out"/displays.docx "$out"/laporan.docx >/dev/null
soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$out/pdf/xlsx" \
  "$out"/kutipan.xlsx "$out"/displays.xlsx "$out"/matriks.xlsx >/dev/null
for pdf in "$out"/pdf/docx/*.pdf "$out"/pdf/xlsx/*.pdf; do
  kind="$(basename "$(dirname "$pdf")")"
  pdftoppm -png -r 80 "$pdf" "$out/png/$(basename "$pdf" .pdf)-$kind"
done
echo "Rendered pages:"
ls "$out/png"
if [ "$docs" = 1 ]; then
  mkdir -p "$repo/docs/exports"
  # page 2 of the excerpts: code and case headings, quotes, citations and code chips
  cp "$(ls "$out"/png/kutipan-docx-*2.png | head -1)" "$repo/docs/exports/excerpts-docx.png"
  # first page of `qualcode export display ... matriks.xlsx`: the code x informant matrix
  # with its colour scale
  cp "$(ls "$out"/png/matriks-xlsx-*1.png | head -1)" "$repo/docs/exports/displays-xlsx.png"
  echo "Copied to docs/exports/"
fi
