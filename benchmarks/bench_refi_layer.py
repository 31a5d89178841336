"""Time the REFI-QDA layer: real NVivo sample and a large synthetic project.

Run: .venv/bin/python benchmarks/bench_refi_layer.py
Prints medians of 3 runs; no assertions (figures go in reports, not in unit tests).
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from qualcode.interop.refi.format import new_guid, read_project, write_project
from qualcode.interop.refi.format.model import Code, Coding, Project, TextSelection, TextSource

ROOT = Path(__file__).resolve().parents[1]
NVIVO = ROOT / "tests" / "data" / "refi" / "nvivo-mac-12.7.0_OltasSzkepticizmus_17June.qdpx"
WORDS = [
    "kebijakan", "kota", "cerdas", "pelayanan", "publik", "anggaran",
    "koordinasi", "dinas", "😀", "warga", "🏙️", "data",
]  # fmt: skip


def _median(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _synthetic(n_sources: int, words_per_source: int, selections_per_source: int) -> Project:
    rng = random.Random(7)
    codes = tuple(Code(new_guid(), f"Kode {i}") for i in range(60))
    sources, selections = [], []
    for s in range(n_sources):
        words = [rng.choice(WORDS) for _ in range(words_per_source)]
        text = " ".join(words).replace("data", "data.\n", 200)
        source = TextSource(new_guid(), f"Wawancara {s}", text)
        sources.append(source)
        for _ in range(selections_per_source):
            a = rng.randrange(0, len(text) - 400)
            b = a + rng.randrange(20, 400)
            coding = Coding(new_guid(), rng.choice(codes).guid)
            selections.append(TextSelection(new_guid(), source.guid, a, b, codings=(coding,)))
    return Project(name="bench", codes=codes, sources=tuple(sources), selections=tuple(selections))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        nvivo = read_project(NVIVO)
        print(
            f"NVivo sample read (2 sources, 1.2M chars, 297 selections): "
            f"{_median(lambda: read_project(NVIVO)):.3f} s"
        )
        out = folder / "nvivo.qdpx"
        print(f"NVivo sample write (validated): {_median(lambda: write_project(nvivo, out)):.3f} s")
        big = _synthetic(200, 10_000, 100)
        chars = sum(len(s.text) for s in big.sources)
        path = folder / "big.qdpx"
        print(
            f"Synthetic write: 200 sources, {chars:,} chars, 20,000 selections: "
            f"{_median(lambda: write_project(big, path)):.3f} s "
            f"({path.stat().st_size / 1e6:.1f} MB)"
        )
        print(f"Synthetic read: {_median(lambda: read_project(path)):.3f} s")


if __name__ == "__main__":
    main()
