"""Save a small project with every kind of object as tests/data/projects/schema-vN.qdaproj.

Run once per released schema version, *before* bumping SCHEMA_VERSION, so that the
tests keep opening projects written by every older QualCode.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from datetime import date
from pathlib import Path

from qualcode.project import Project
from qualcode.store.migrations import SCHEMA_VERSION

TEXT = (
    "P: Bagaimana sosialisasi aplikasi 😀 di desa?\n"
    "I: Sosialisasi sudah dilakukan, tapi jaringan internet masih terbatas.\n"
    "P: Apakah anggaran cukup?\n"
    "I: Anggaran kurang, koordinasi antar OPD juga lemah.\n"
)


def build(path: Path) -> None:
    """Fill a new project at ``path`` with one of everything the core knows."""
    with Project.create(path, coder="peneliti", title="Schema fixture") as p:
        src = p.sources.add_text(
            "W1 Kadis",
            TEXT,
            language="id",
            date_collected=date(2024, 3, 5),
            original=TEXT.encode(),
            original_name="w1.txt",
        ).result
        obs = p.sources.add_text("O1 Observasi", "Jaringan lambat.", kind="observation").result
        com = p.codes.create(
            "Komunikasi",
            labels={"en": "Communication", "id": "Komunikasi"},
            codebook="edwards3",
            codebook_code="COM",
        ).result
        tra = p.codes.create("Transmisi", parent_id=com.id, description="Penyaluran").result
        res = p.codes.create("Sumber daya").result
        informant = p.cases.create("I1").result
        opd = p.cases.create("Diskominfo", kind="organisation").result
        p.cases.set_parent(informant.id, opd.id)
        rank = p.attributes.define("Peringkat", type="number").result
        role = p.attributes.define("Jabatan", type="category", allowed_values=["Kadis"]).result
        when = p.attributes.define("Tanggal", owner="source", type="date").result
        p.attributes.set_value(rank.id, 2, case_id=informant.id)
        p.attributes.set_value(role.id, "Kadis", case_id=informant.id)
        p.attributes.set_value(when.id, "2024-03-05", source_id=src.id)
        start = TEXT.index("I: Sosialisasi")
        p.cases.link(informant.id, src.id, start, start + 70, speaker="I")
        p.cases.link(opd.id, obs.id)
        c1 = p.codings.apply(src.id, start + 3, start + 30, tra.id, valence="supporting").result
        p.codings.apply(
            src.id,
            TEXT.index("Anggaran kurang"),
            len(TEXT) - 1,
            res.id,
            valence="inhibiting",
            magnitude="high",
            period="2024",
        )
        p.memos.create("Sosialisasi timpang.", title="Memo", target="coding", target_id=c1.id)
        p.memos.create("Jurnal reflektif.", kind="reflexive")
        p.sets.create("Edwards", code_ids=[com.id, res.id], source_ids=[src.id])
        p.codes.link(res.id, target_ref="factors:BUDGET")
        p.codes.rename(res.id, "Sumber Daya")
        # analysis objects: a saved display with a cell summary, a conclusion, a comment
        from qualcode.analysis import review
        from qualcode.analysis.displays import ready_spec

        display = p.displays.save("Faktor", ready_spec(p, "factors")).result
        claim = p.conclusions.create("Sosialisasi timpang.", supporting=[c1.id]).result
        review.add_comment(p, "conclusion", claim.id, "Tambahkan bukti dari warga.")
        assert display is not None
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    con.close()


def main() -> None:
    """Write the fixture for the current schema version."""
    out = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else (Path(__file__).resolve().parents[1] / "tests" / "data" / "projects")
    )
    target = out / f"schema-v{SCHEMA_VERSION}.qdaproj"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / target.name
        build(work)
        target.write_bytes(work.read_bytes())
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
