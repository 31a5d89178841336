"""Time REFI-QDA export and import of whole projects (workloads T and L).

Run: .venv/bin/python benchmarks/bench_refi.py [T] [L]
Builds each workload once (L takes about a minute), exports it to .qdpx, imports
that file into a fresh project, and prints the times; no assertions.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from benchmarks.workload import SIZES, build_workload
from qualcode.interop.refi.project.exporter import export_qdpx
from qualcode.interop.refi.project.importer import import_refi
from qualcode.project import Project


def _timed(label: str, fn):
    start = time.perf_counter()
    result = fn()
    print(f"  {label}: {time.perf_counter() - start:.2f} s", flush=True)
    return result


def bench(size: str, folder: Path) -> None:
    """Build workload ``size`` once, then time export, import and a merging re-import."""
    shape = SIZES[size]
    print(
        f"Workload {size}: {shape.sources} sources x {shape.words} words, "
        f"{shape.codings} codings, {shape.codes} codes, {shape.cases} cases",
        flush=True,
    )
    project_path = _timed("build", lambda: build_workload(folder / f"{size}.qdaproj", size))
    out = folder / f"{size}.qdpx"
    with Project.open(project_path, coder="bench", read_only=True) as p:
        report = _timed("export .qdpx", lambda: export_qdpx(p, out))
    print(f"    {out.stat().st_size / 2**20:.1f} MB, {report.counts}")
    with Project.open(project_path, coder="bench", read_only=True) as p:
        _timed("export .qdc", lambda: __import__(
            "qualcode.interop.refi.project.exporter", fromlist=["export_qdc"]
        ).export_qdc(p, folder / f"{size}.qdc"))  # fmt: skip
    with Project.create(folder / f"{size}-imported.qdaproj", coder="bench") as fresh:
        report = _timed("import into a new project", lambda: import_refi(out, fresh))
        print(f"    {report.counts}")
        report = _timed("import again (all matched)", lambda: import_refi(out, fresh))
        print(f"    matched {report.matched}")


def main() -> None:
    sizes = [a for a in sys.argv[1:] if a in SIZES] or ["T", "L"]
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            bench(size, Path(tmp))


if __name__ == "__main__":
    main()
