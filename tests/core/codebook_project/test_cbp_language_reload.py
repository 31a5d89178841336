"""Reloading a codebook in the other language renames the codes the researcher left alone."""

from __future__ import annotations

from pathlib import Path

from qualcode.codebooks.project import load_codebook_into
from qualcode.project import Project


def test_reload_in_indonesian_follows_the_language(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.qdaproj", coder="ana") as p:
        load_codebook_into(p, "edwards3", language="en")
        sop = next(c for c in p.codes.all() if c.codebook_code == "BUR.1")
        assert sop.name == "Standard operating procedures"
        staff = next(c for c in p.codes.all() if c.labels.get("en") == "Staff")
        p.codes.rename(staff.id, "Pegawai")  # the researcher's own name stays
        report = load_codebook_into(p, "edwards3", language="id")
        assert p.codes.get(sop.id).name == "Prosedur operasi standar (SOP)"
        assert p.codes.get(staff.id).name == "Pegawai"
        assert any(c.field == "name" for c in report.conflicts)
        assert report.updated
        p.undo()
        assert p.codes.get(sop.id).name == "Standard operating procedures"
