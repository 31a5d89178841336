"""Encrypted vs plain project: applying one coding (target: encrypted within 1.5x of plain).

Builds workload T (or the size given), makes an encrypted copy with ``qualcode encrypt``'s
conversion, then applies codings on both in alternating rounds so that the machine's load
falls on both alike. Prints the load average, then wall and CPU medians and p95 per coding.
Run with ``python -m benchmarks.bench_encryption [T|L] [rounds]``.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.workload import SIZES, build_workload, percentile
from qualcode.encryption import encrypt_project
from qualcode.project import Project

PASSWORD = "benchmark password"


def _apply(
    p: Project, code_id: int, rng: random.Random, n: int, sources: int
) -> tuple[list[float], list[float]]:
    wall, cpu = [], []
    for _ in range(n):
        sid = rng.randrange(sources) + 1
        start = rng.randrange(5_000)
        w0, c0 = time.perf_counter(), time.process_time()
        p.codings.apply(sid, start, start + rng.randint(10, 300), code_id)
        cpu.append((time.process_time() - c0) * 1000)
        wall.append((time.perf_counter() - w0) * 1000)
    return wall, cpu


def main(size: str = "T", rounds: int = 10, per_round: int = 30) -> None:
    """Run the comparison on workload ``size`` and print the figures."""
    print(f"load average: {os.getloadavg()[0]:.2f}")
    folder = Path(tempfile.mkdtemp(prefix="qc-bench-enc-"))
    plain = folder / "plain.qdaproj"
    build_workload(plain, size)
    encrypted = folder / "encrypted.qdaproj"
    shutil.copy(plain, encrypted)
    t0 = time.perf_counter()
    encrypt_project(encrypted, PASSWORD)
    print(f"workload {size}: {plain.stat().st_size / 1e6:.1f} MB; "
          f"encrypting a copy took {time.perf_counter() - t0:.2f} s")  # fmt: skip
    results: dict[str, tuple[list[float], list[float]]] = {"plain": ([], []), "encrypted": ([], [])}
    projects = {
        "plain": Project.open(plain, coder="bench", backups=False),
        "encrypted": Project.open(encrypted, coder="bench", backups=False, password=PASSWORD),
    }
    try:
        codes = {k: p.codes.create("Benchmark code").result for k, p in projects.items()}
        rngs = {k: random.Random(7) for k in projects}
        for _ in range(rounds):
            for key, p in projects.items():
                code = codes[key]
                assert code is not None
                wall, cpu = _apply(p, code.id, rngs[key], per_round, SIZES[size].sources)
                results[key][0].extend(wall)
                results[key][1].extend(cpu)
    finally:
        for p in projects.values():
            p.close()
    for key, (wall, cpu) in results.items():
        print(f"{key:>9} apply one coding (n={len(wall)}): wall p50 {statistics.median(wall):6.2f} "
              f"ms p95 {percentile(wall, 0.95):6.2f} ms; CPU p50 {statistics.median(cpu):6.2f} ms "
              f"p95 {percentile(cpu, 0.95):6.2f} ms")  # fmt: skip
    ratio_wall = statistics.median(results["encrypted"][0]) / statistics.median(results["plain"][0])
    ratio_cpu = statistics.median(results["encrypted"][1]) / statistics.median(results["plain"][1])
    print(f"encrypted / plain: wall {ratio_wall:.2f}x, CPU {ratio_cpu:.2f}x (target <= 1.5x)")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "T", int(sys.argv[2]) if len(sys.argv) > 2 else 10)
