"""Benchmark the desktop app: start to a usable window, and quick-code to stripe redraw.

Measures (offscreen, medians):
- process start until the main window is shown and has painted (target < 2 s), without a
  project, and until a project given on the command line is shown (opened after the window);
- applying a code to the selection (what Enter in the quick-code box does) until the document
  viewport has repainted with the new stripe (target < 50 ms), on a 60k-character interview
  with 600 codings.

Run: ``QT_QPA_PLATFORM=offscreen /work/venv/bin/python benchmarks/bench_app.py``
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STARTUP = """
import sys, time
from qualcode.ui.app import create_application, build_window
from PySide6.QtWidgets import QApplication
app = create_application()
window = build_window(None)
window.show()
app.processEvents()
print("window", flush=True)
if len(sys.argv) > 1:
    window.open_path(sys.argv[1])
    app.processEvents()
    assert window.workspace.source_id is not None
    print("project", flush=True)
window.close()
"""

WORDS = (  # noqa: SIM905 - a sentence is easier to edit than a list
    "kebijakan pelaksanaan smart city pemerintah daerah dinas komunikasi informatika anggaran "
    "sumber daya manusia aplikasi layanan publik masyarakat koordinasi sosialisasi disposisi "
    "struktur birokrasi pegawai pelatihan jaringan internet kendala dukungan pimpinan data"
).split()


def time_startup(config: str, project: str | None) -> tuple[float, float | None]:
    """Seconds from process start to 'window' and to 'project' lines."""
    env = dict(os.environ, QUALCODE_CONFIG_DIR=config, QT_QPA_PLATFORM="offscreen")
    args = [sys.executable, "-c", STARTUP] + ([project] if project else [])
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    window_at = project_at = None
    for line in proc.stdout:
        if line.strip() == "window":
            window_at = time.perf_counter() - t0
        elif line.strip() == "project":
            project_at = time.perf_counter() - t0
    proc.wait()
    assert window_at is not None, "the app did not start"
    return window_at, project_at


def build_project(path: Path) -> None:
    """A 60k-character interview with 600 codings over 12 codes."""
    from qualcode.project import Project

    rng = random.Random(7)
    lines = []
    for k in range(400):
        who = "P" if k % 2 == 0 else "I1"
        lines.append(f"{who}: " + " ".join(rng.choice(WORDS) for _ in range(18)) + ".")
    text = "\n".join(lines)
    with Project.create(path, coder="bench") as p:
        sid = p.sources.add_text("W1", text, kind="interview").result.id
        codes = [p.codes.create(f"Kode {k}").result.id for k in range(12)]
        rows = []
        for _ in range(600):
            start = rng.randrange(0, len(text) - 300)
            rows.append((codes[rng.randrange(12)], start, start + rng.randrange(20, 300)))
        with p.undo_group("bench"):
            for code_id, a, b in rows:
                p.codings.apply_ranges(code_id, [(sid, a, b)])


def time_quick_code(path: Path, runs: int = 30) -> tuple[list[float], list[float]]:
    """Milliseconds (wall, CPU) from apply_code to the finished repaint of the document.

    The CPU time leaves out waiting for the disk (each coding is committed with a
    full fsync) and for other processes on a busy machine.
    """
    from PySide6.QtWidgets import QApplication

    from qualcode.settings import Settings
    from qualcode.ui.app import create_application
    from qualcode.ui.main_window import MainWindow

    app = create_application()
    window = MainWindow(Settings(coder="bench"))
    window.resize(1400, 900)
    window.show()
    window.open_path(str(path))
    app.processEvents()
    editor = window.workspace.view.editor
    code = window.project.codes.create("Benchmark").result.id
    app.processEvents()
    times, cpu = [], []
    for k in range(runs):
        start = 40 + k * 37
        window.workspace.view.select_range(start, start + 25)
        app.processEvents()
        painted = editor.paint_count
        t0, c0 = time.perf_counter(), time.process_time()
        window.apply_code(code)
        while editor.paint_count == painted:
            QApplication.processEvents()
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    window.close()
    return times, cpu


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        config = str(tmp_path / "config")
        os.environ["QUALCODE_CONFIG_DIR"] = config
        project = tmp_path / "bench.qdaproj"
        build_project(project)
        time_startup(config, None)  # warm the file cache and .pyc files
        windows, projects = [], []
        for _ in range(3):
            w, p = time_startup(config, str(project))
            windows.append(w)
            projects.append(p or 0.0)
        print(f"app start to usable window:      {statistics.median(windows):.2f} s (target < 2 s)")
        print(f"app start to project shown:      {statistics.median(projects):.2f} s")
        times, cpu = time_quick_code(project)
        print(
            f"quick-code apply to stripe redraw: median {statistics.median(times):.1f} ms wall "
            f"({statistics.median(cpu):.1f} ms CPU), max {max(times):.1f} ms over {len(times)} "
            "(target < 50 ms)"
        )
        print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
