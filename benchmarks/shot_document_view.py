"""Screenshot of the document view with a sample interview, for a visual check.

Run under a real X server (not offscreen), e.g.:
``xvfb-run -s "-screen 0 1400x1000x24" env QT_QPA_PLATFORM=xcb \\
.venv/bin/python benchmarks/shot_document_view.py [out.png] [--scale 2]``
Writes ``docs/screenshots/document_view.png`` by default.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
if "--scale" in sys.argv:
    os.environ["QT_SCALE_FACTOR"] = sys.argv[sys.argv.index("--scale") + 1]
os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

from PySide6.QtWidgets import QApplication  # noqa: E402

from qualcode.ui.widgets import CodingSpan, DocumentView, TurnSpan  # noqa: E402

TURNS = [
    ("Pewawancara", "Selamat pagi, Bu. Bagaimana awal mula program smart city di dinas ini?"),
    (
        "Informan",
        "Awalnya dari Perwali tahun 2019 😀. Kami di Diskominfo ditunjuk sebagai leading "
        "sector, tapi jujur saja sosialisasinya ke OPD lain belum merata. Banyak kepala "
        "bidang yang belum paham apa itu smart city, jadi koordinasinya sering tersendat.",
    ),
    ("Pewawancara", "Lalu bagaimana dengan anggaran dan sumber daya manusianya?"),
    (
        "Informan",
        "Anggaran terbatas, Pak. Untuk aplikasi layanan publik kami hanya dapat sebagian "
        "kecil dari APBD. SDM juga kurang: programmer kami cuma tiga orang 👩🏽‍💻, dan mereka "
        "harus mengurus jaringan internet di kecamatan juga. Pelatihan dari provinsi ada, "
        "tapi setahun sekali saja.",
    ),
    ("Pewawancara", "Apa faktor pendukung yang paling terasa?"),
    (
        "Informan",
        "Dukungan wali kota sangat kuat. Beliau sendiri memantau dasbor command center "
        "setiap minggu, dan itu membuat OPD lebih disiplin mengisi data. Warga juga mulai "
        "aktif melapor lewat aplikasi pengaduan.",
    ),
]

CODES = {
    "Komunikasi": (1, "#e6194b"),
    "Sumber daya": (2, "#3cb44b"),
    "Disposisi": (3, "#4363d8"),
    "Struktur birokrasi": (4, "#f58231"),
    "Faktor pendukung": (5, "#911eb4"),
    "Smart governance": (6, "#42d4f4"),
}


def sample() -> tuple[str, list[CodingSpan], list[TurnSpan]]:
    """The sample transcript, codings on real phrases (some overlapping), and turns."""
    lines, turns, pos = [], [], 0
    for speaker, body in TURNS:
        line = f"{speaker}: {body}"
        turns.append(TurnSpan(pos, pos + len(line), speaker, speaker == "Pewawancara"))
        lines.append(line)
        pos += len(line) + 1
    text = "\n".join(lines) + "\n"

    def code(cid: int, phrase: str, name: str, coder: str = "ana", until: str | None = None):
        start = text.index(phrase)
        end = text.index(until) + len(until) if until else start + len(phrase)
        code_id, colour = CODES[name]
        return CodingSpan(cid, start, end, code_id, name, colour, coder)

    codings = [
        code(1, "sosialisasinya ke OPD lain belum merata", "Komunikasi"),
        code(
            2,
            "Banyak kepala",
            "Komunikasi",
            "budi",
            until="koordinasinya sering tersendat.",
        ),
        code(3, "koordinasinya sering tersendat", "Struktur birokrasi", "budi"),
        code(4, "Anggaran terbatas", "Sumber daya", until="setahun sekali saja."),
        code(5, "SDM juga kurang", "Disposisi", "budi", until="kecamatan juga."),
        code(6, "Dukungan wali kota sangat kuat.", "Faktor pendukung", until="mengisi data."),
        code(7, "memantau dasbor command center", "Smart governance", "budi"),
        code(8, "Kami di Diskominfo ditunjuk", "Struktur birokrasi", until="leading sector"),
    ]
    return text, codings, turns


def main() -> None:
    out = Path(next((a for a in sys.argv[1:] if a.endswith(".png")), ""))
    if not out.name:
        out = ROOT / "docs" / "screenshots" / "document_view.png"
    app = QApplication.instance() or QApplication([])
    text, codings, turns = sample()
    view = DocumentView()
    view.resize(900, 560)
    view.set_document(text, codings, turns)
    view.show()
    view.find_bar.open_bar()
    view.find_bar.field.setText("OPD")
    view.find("OPD")  # selects the first match, outlines the other
    for _ in range(20):
        app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    view.grab().save(str(out))
    print(f"saved {out} ({view.width()}x{view.height()}, dpr {view.devicePixelRatioF()})")
    view.close()


if __name__ == "__main__":
    main()
