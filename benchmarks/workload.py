"""Synthetic workloads for benchmarks.

T: 30 sources x 8k words, 3k codings, 60 codes, 30 cases.
L: 1,000 sources x 10k words, 200k codings, 500 codes, 1,000 cases.

Projects are created with the real schema (``Project.create``) and filled with
bulk inserts in one transaction, the way an importer fills a project. The text
is Indonesian-like (a vocabulary of real words with affixed forms) so that
tokenisation and search behave as on real transcripts. Deterministic per seed.

Run ``python -m benchmarks.workload L out.qdaproj`` to build one by hand.
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert

from qualcode.project import Project
from qualcode.store import tables as t
from qualcode.store.engine import WRITE

VOCAB = (  # noqa: SIM905 - one readable block of words
    "pelayanan melayani dilayani layanan sosialisasi disosialisasikan mensosialisasikan "
    "koordinasi berkoordinasi dikoordinasikan kebijakan anggaran terbatas aplikasi data "
    "terintegrasi jaringan internet desa warga masyarakat pemerintah daerah dinas kominfo "
    "bupati kepala bidang seksi staf pegawai ASN SDM pelatihan bimtek infrastruktur server "
    "dashboard command center smart city program inovasi digital layanan publik perizinan "
    "online kendala hambatan dukungan komitmen pimpinan regulasi perbup SOP fragmentasi "
    "kewenangan fasilitas informasi transmisi kejelasan konsistensi disposisi insentif "
    "yang dan di ke dari itu ini dengan untuk pada adalah sudah belum masih juga karena "
    "jadi ya eee nah gitu kami kita mereka saya bapak ibu tahun bulan rapat laporan"
).split()
SPEAKERS = ("P", "I")


@dataclass(frozen=True)
class Size:
    """Shape of a workload."""

    sources: int
    words: int
    codings: int
    codes: int
    cases: int


SIZES = {
    "T": Size(sources=30, words=8_000, codings=3_000, codes=60, cases=30),
    "L": Size(sources=1_000, words=10_000, codings=200_000, codes=500, cases=1_000),
    # a tenth of L, for instruction counts (bench_refi_stream --instructions)
    "L10": Size(sources=100, words=10_000, codings=20_000, codes=500, cases=100),
}


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (nearest rank) of ``values``; 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def make_text(rng: random.Random, words: int) -> str:
    """A transcript-like text of ``words`` words in P:/I: turns of 20-120 words."""
    out: list[str] = []
    n = 0
    turn = 0
    while n < words:
        k = min(rng.randint(20, 120), words - n)
        out.append(f"{SPEAKERS[turn % 2]}: " + " ".join(rng.choices(VOCAB, k=k)) + ".")
        n += k
        turn += 1
    return "\n".join(out)


def build_workload(path: Path, size: str = "T", seed: int = 1) -> Path:
    """Create a project at ``path`` filled with workload ``size`` (T or L)."""
    shape = SIZES[size]
    rng = random.Random(seed)
    path.unlink(missing_ok=True)
    project = Project.create(path, coder="bench", title=f"workload {size}")
    with project, project.engine.connect().execution_options(**WRITE) as conn, conn.begin():
        conn.execute(insert(t.coder), [{"name": "bench"}, {"name": "second"}])
        parents = max(1, shape.codes // 10)
        code_rows = []
        for i in range(shape.codes):
            parent = None if i < parents else (i % parents) + 1
            code_rows.append(
                    {"id": i + 1, "name": f"Code {i + 1}", "parent_id": parent, "position": i,
                     "color": f"#{rng.randrange(0x1000000):06x}", "labels": {}}
                )  # fmt: skip
        conn.execute(insert(t.code), code_rows)
        conn.execute(
            insert(t.cases),
            [{"id": i + 1, "name": f"Informan {i + 1}"} for i in range(shape.cases)],
        )
        attr = conn.execute(
                insert(t.attribute)
                .values(name="Jabatan", owner="case", type="category",
                        allowed_values=["Kadis", "Kabid", "Kasi", "Staf", "Warga"])
                .returning(t.attribute.c.id)
            ).scalar_one()  # fmt: skip
        roles = ["Kadis", "Kabid", "Kasi", "Staf", "Warga"]
        conn.execute(
                insert(t.attribute_value),
                [{"attribute_id": attr, "case_id": i + 1, "value": roles[i % 5]}
                 for i in range(shape.cases)],
            )  # fmt: skip
        lengths: list[int] = []
        for s in range(shape.sources):
            text = make_text(rng, shape.words)
            lengths.append(len(text))
            conn.execute(
                    insert(t.source).values(id=s + 1, name=f"Source {s + 1:04d}",
                                            kind="interview", length=len(text), meta={})
                )  # fmt: skip
            conn.execute(insert(t.source_content).values(source_id=s + 1, text=text))
            conn.execute(insert(t.case_link).values(case_id=(s % shape.cases) + 1, source_id=s + 1))
        rows = []
        seen: set[tuple[int, int, int, int]] = set()
        while len(rows) < shape.codings:
            s = rng.randrange(shape.sources)
            start = rng.randrange(lengths[s] - 400)
            end = start + rng.randint(20, 400)
            code = rng.randrange(shape.codes) + 1
            coder = 1 if rng.random() < 0.9 else 2
            key = (s, code, start, coder)
            if key in seen:
                continue
            seen.add(key)
            rows.append(
                    {"source_id": s + 1, "code_id": code, "coder_id": coder, "start_pos": start,
                     "end_pos": end, "note": "",
                     "valence": rng.choice((None, "supporting", "inhibiting"))}
                )  # fmt: skip
        for i in range(0, len(rows), 20_000):
            conn.execute(insert(t.coding), rows[i : i + 20_000])
    return path


def main() -> None:
    """Build a workload from the command line."""
    size = sys.argv[1] if len(sys.argv) > 1 else "T"
    out = Path(sys.argv[2] if len(sys.argv) > 2 else f"workload-{size}.qdaproj")
    began = time.perf_counter()
    build_workload(out, size)
    print(f"built workload {size} at {out} in {time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
