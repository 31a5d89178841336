"""Benchmark the desktop app: start to a usable window, and quick-code to stripe redraw.

Measures (offscreen; medians and 95th percentiles of wall and CPU time):
- process start until the main window is shown and has painted (target < 2 s), without a
  project, and until a project given on the command line is shown (opened after the window);
- applying a code to the selection (what Enter in the quick-code box does) until the document
  viewport has repainted with the new stripe (target < 50 ms), on a workload-L-sized
  interview: 300k characters, 3,000 codings over a two-level codebook, speaker turns linked
  to cases. The time each pane spends on the change set is printed too (CPU medians), so a
  slow pane can be named.

CPU time (``time.process_time``) leaves out waiting for the disk (each coding is committed
with a full fsync) and for other processes; on a shared machine read both.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_app.py [--runs N]``
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STARTUP = """
import sys, time
from qualcode.ui.shell.app import create_application, build_window
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
    """A 300k-character interview with 3,000 codings, 4 parent codes with 12 sub-codes."""
    from benchmarks.bench_document_view import make_transcript
    from qualcode.project import Project

    text, turns, rng = make_transcript()
    with Project.create(path, coder="bench") as p:
        sid = p.sources.add_text("W1", text, kind="interview").result.id
        informant = p.cases.create("Informan").result.id
        interviewer = p.cases.create("Pewawancara").result.id
        with p.undo_group("turns"):
            for turn in turns:
                who = interviewer if turn.is_interviewer else informant
                p.cases.link(who, sid, turn.start, turn.end, turn.speaker)
        parents = [p.codes.create(f"Dimensi {k}").result.id for k in range(4)]
        codes = [p.codes.create(f"Kode {k}", parent_id=parents[k % 4]).result.id for k in range(12)]
        with p.undo_group("bench"):
            for k in range(3000):
                start = rng.randrange(0, len(text) - 700)
                end = start + rng.randint(20, 600)
                p.codings.apply_ranges(codes[k % len(codes)], [(sid, start, end)])


def _stage_timers(window: object) -> dict[str, list[float]]:
    """Wrap each pane's change-set handler to collect its CPU milliseconds per change."""
    stages: dict[str, list[float]] = {}

    def wrap(owner: object, name: str, label: str) -> None:
        original = getattr(owner, name)
        stages[label] = []

        def timed(*args: object, **kwargs: object) -> object:
            c0 = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                stages[label].append((time.process_time() - c0) * 1000)

        setattr(owner, name, timed)

    w: Any = window
    wrap(w.project.codings, "apply", "core: codings.apply (incl. all panes)")
    wrap(w.code_tree, "flush_counts", "code tree counts")
    wrap(w.workspace, "on_changes", "document view (workspace)")
    wrap(w.navigation, "on_changes", "navigation")
    wrap(w.detail, "on_changes", "detail pane")
    wrap(w.detail.codings, "show_codings", "codings at the cursor")
    wrap(w.retrieval, "on_changes", "excerpts (retrieval)")
    for key, pane in w.panes.items():
        wrap(pane, "on_changes", f"feature pane {key}")
    wrap(w.commands, "refresh", "commands.refresh")
    wrap(w.workspace.view.editor, "paintEvent", "paint: text and highlights")
    wrap(w.workspace.view.stripes, "paintEvent", "paint: stripes")
    return stages


def time_quick_code(
    path: Path, runs: int = 40
) -> tuple[list[float], list[float], dict[str, list[float]], list[tuple[float, float]]]:
    """Milliseconds (wall, CPU) from apply_code to the finished repaint of the document,
    the CPU milliseconds of each stage, and (wall, CPU) until the code tree's counts
    (redrawn after the repaint) are up to date too."""
    from PySide6.QtWidgets import QApplication

    from qualcode.settings import Settings
    from qualcode.ui.shell.app import create_application
    from qualcode.ui.shell.main_window import MainWindow

    app = create_application()
    window = MainWindow(Settings(coder="bench"))
    window.resize(1400, 900)
    window.show()
    window.open_path(str(path))
    app.processEvents()
    editor = window.workspace.view.editor
    code = window.project.codes.find("Kode 5").id
    window.show_excerpts(window.project.codes.find("Dimensi 0").id)  # a pane that listens
    app.processEvents()
    stages = _stage_timers(window)
    stamps: list[tuple[float, float]] = []
    editor.viewport_painted.connect(
        lambda: stamps.append((time.perf_counter() - t0, time.process_time() - c0))
    )
    t0 = c0 = 0.0
    times: list[float] = []
    cpu: list[float] = []
    settled: list[tuple[float, float]] = []
    text_length = len(window.workspace.view.text())
    for k in range(runs + 3):
        start = (40 + k * 7919) % (text_length - 100)
        window.workspace.view.select_range(start, start + 25)
        window.workspace.view.scroll_to(start)
        app.processEvents()
        painted = editor.paint_count
        stamps.clear()
        t0, c0 = time.perf_counter(), time.process_time()
        window.apply_code(code)
        while editor.paint_count == painted or window.code_tree.counts_pending():
            QApplication.processEvents()
        wall, used = stamps[0]  # the first finished repaint of the text after the change
        if k < 3:  # warm-up: first statements compiled, caches filled
            for values in stages.values():
                values.clear()
            continue
        times.append(wall * 1000)
        cpu.append(used * 1000)
        settled.append(((time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000))
    window.close()
    return times, cpu, stages, settled


def p95(values: list[float]) -> float:
    """95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 40
    loads = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        config = str(tmp_path / "config")
        os.environ["QUALCODE_CONFIG_DIR"] = config
        project = tmp_path / "bench.qdaproj"
        build_project(project)
        time_startup(config, None)  # warm the file cache and .pyc files
        windows, projects = [], []
        for _ in range(5):
            w, p = time_startup(config, str(project))
            windows.append(w)
            projects.append(p or 0.0)
        loads.append(os.getloadavg()[0])
        print(f"app start to usable window:      {statistics.median(windows):.2f} s (target < 2 s)")
        print(f"app start to project shown:      {statistics.median(projects):.2f} s")
        times, cpu, stages, settled = time_quick_code(project, runs)
        loads.append(os.getloadavg()[0])
        print(
            f"quick-code apply to stripe redraw over {len(times)} runs (target < 50 ms):\n"
            f"  wall median {statistics.median(times):.1f} ms, p95 {p95(times):.1f} ms\n"
            f"  CPU  median {statistics.median(cpu):.1f} ms, p95 {p95(cpu):.1f} ms"
        )
        after_wall, after_cpu = [w for w, _ in settled], [c for _, c in settled]
        print(
            f"  until the code tree's counts are redrawn too: wall median "
            f"{statistics.median(after_wall):.1f} ms (p95 {p95(after_wall):.1f}), CPU median "
            f"{statistics.median(after_cpu):.1f} ms (p95 {p95(after_cpu):.1f})"
        )
        print("  CPU per stage (median ms per coding applied):")
        for label, values in stages.items():
            if values:
                print(f"    {label:<40} {statistics.median(values):6.2f}  (x{len(values)})")
        print(
            "load average (1 min) before/after start-up/after quick-code: "
            + " / ".join(f"{x:.1f}" for x in loads)
            + f" on {os.cpu_count()} cores"
        )


if __name__ == "__main__":
    main()
