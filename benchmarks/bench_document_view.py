"""Benchmark the document view on a long transcript: 300k characters, 3,000 codings.

Measures (offscreen, median of a few runs):
- ``set_document`` until the viewport's first paint has finished (target < 300 ms);
- ``set_codings`` (a changed coding list) until the repaint has finished;
- ``update_codings`` (one coding added, what quick-code does) until the repaint has finished;
- scrolling one page until the repaint has finished.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_document_view.py``
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from qualcode.ui.widgets import CodingSpan, DocumentView, TurnSpan

WORDS = (  # noqa: SIM905 - a sentence is easier to edit than a list
    "kebijakan pelaksanaan smart city pemerintah daerah dinas komunikasi informatika "
    "anggaran sumber daya manusia aplikasi layanan publik masyarakat koordinasi "
    "sosialisasi disposisi struktur birokrasi pegawai pelatihan jaringan internet "
    "kendala dukungan pimpinan wali kota data terpadu integrasi sistem yang dan "
    "untuk dengan tidak sudah belum karena jadi memang kami mereka itu ini ada"
).split()
CODES = [
    ("Komunikasi", "#e6194b"),
    ("Sumber daya", "#3cb44b"),
    ("Disposisi", "#4363d8"),
    ("Struktur birokrasi", "#f58231"),
    ("Smart governance", "#911eb4"),
    ("Smart living", "#42d4f4"),
    ("Faktor pendukung", "#f032e6"),
    ("Faktor penghambat", "#bfef45"),
]


def make_transcript(
    chars: int = 300_000, seed: int = 7
) -> tuple[str, list[TurnSpan], random.Random]:
    """Alternating interviewer/informant turns of Indonesian-like words, with a few emoji."""
    rng = random.Random(seed)
    parts: list[str] = []
    turns: list[TurnSpan] = []
    pos = 0
    n = 0
    while pos < chars:
        interviewer = n % 2 == 0
        speaker = "Pewawancara" if interviewer else "Informan"
        words = rng.randint(12, 40) if interviewer else rng.randint(60, 260)
        body = " ".join(rng.choice(WORDS) for _ in range(words))
        if rng.random() < 0.05:
            body += " 🙂"
        line = f"{speaker}: {body.capitalize()}."
        turns.append(TurnSpan(pos, pos + len(line), speaker, interviewer))
        parts.append(line)
        pos += len(line) + 1
        n += 1
    return "\n".join(parts), turns, rng


def make_codings(text: str, rng: random.Random, count: int = 3000) -> list[CodingSpan]:
    """Random codings of 20–600 characters; many overlap."""
    out = []
    for k in range(count):
        start = rng.randrange(0, len(text) - 700)
        end = start + rng.randint(20, 600)
        name, colour = CODES[k % len(CODES)]
        out.append(CodingSpan(k + 1, start, end, k % len(CODES), name, colour, "peneliti"))
    return out


def wait_for_paint(app: QApplication, view: DocumentView, before: int) -> None:
    """Process events until the viewport paint counter moved past ``before``."""
    deadline = time.perf_counter() + 10
    while view.editor.paint_count <= before and time.perf_counter() < deadline:
        app.processEvents()


class Timer:
    """Wall-clock and process CPU time of one step (CPU time is steadier on a busy machine)."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def start(self) -> None:
        self._t = (time.perf_counter(), time.process_time())

    def stop(self) -> None:
        self.wall.append(time.perf_counter() - self._t[0])
        self.cpu.append(time.process_time() - self._t[1])

    def report(self, label: str) -> str:
        wall = statistics.median(self.wall) * 1000
        cpu = statistics.median(self.cpu) * 1000
        worst = max(self.wall) * 1000
        return f"{label:<30} median {wall:7.1f} ms wall ({cpu:6.1f} ms CPU), max {worst:7.1f} ms"


def main() -> None:
    app = QApplication.instance() or QApplication([])
    text, turns, rng = make_transcript()
    codings = make_codings(text, rng)
    print(f"text: {len(text):,} characters, {len(turns):,} turns, {len(codings):,} codings")

    first_paint, recode, update, scroll = Timer(), Timer(), Timer(), Timer()
    for _ in range(7):
        view = DocumentView()
        view.resize(1100, 800)
        view.show()
        app.processEvents()
        before = view.editor.paint_count
        first_paint.start()
        view.set_document(text, codings, turns)
        wait_for_paint(app, view, before)
        first_paint.stop()

        view.scroll_to(len(text) // 2)
        app.processEvents()
        middle = len(text) // 2
        changed = [
            *codings[:-1],
            CodingSpan(99_999, middle, middle + 300, 0, "Baru", "#000075", "x"),
        ]
        before = view.editor.paint_count
        recode.start()
        view.set_codings(changed)
        wait_for_paint(app, view, before)
        recode.stop()

        added = CodingSpan(100_000, middle + 50, middle + 120, 1, "Tambah", "#aa6e28", "x")
        before = view.editor.paint_count
        update.start()
        view.update_codings([added])
        wait_for_paint(app, view, before)
        update.stop()

        bar = view.editor.verticalScrollBar()
        for _step in range(10):
            before = view.editor.paint_count
            scroll.start()
            bar.setValue(bar.value() + bar.pageStep())
            wait_for_paint(app, view, before)
            scroll.stop()
        columns = view.editor.column_count
        view.close()
        view.deleteLater()
        app.processEvents()

    print(first_paint.report("set_document -> first paint:") + "  (target < 300 ms)")
    print(recode.report("set_codings -> repaint:"))
    print(update.report("update_codings (1 new) -> repaint:"))
    print(scroll.report("scroll one page -> repaint:"))
    print(f"stripe columns: {columns}; load average: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
