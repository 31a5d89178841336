"""The ``[QualCode]`` extras block and the report's printed and JSON forms."""

from __future__ import annotations

import json

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.interop.refi.format.model import Severity
from qualcode.interop.refi.project.common import RefiReport, decode_extras, encode_extras

KEYS = ("Inclusion", "Exclusion", "Example")


def test_extras_round_trip_with_multiline_values():
    extras = {
        "Inclusion": "baris satu\nbaris dua 😀",
        "Exclusion": "",
        "Example": "contoh: dengan titik dua",
        "Label (id)": "Komunikasi",
    }
    text = encode_extras("Definisi kode.\n\nParagraf kedua.", extras)
    assert text.startswith("Definisi kode.\n\nParagraf kedua.\n\n[QualCode]\n")
    description, found = decode_extras(text, KEYS)
    assert description == "Definisi kode.\n\nParagraf kedua."
    assert found == {
        "Inclusion": "baris satu\nbaris dua 😀",
        "Example": "contoh: dengan titik dua",
        "Label (id)": "Komunikasi",
    }


def test_extras_absent_or_foreign_text_unchanged():
    assert encode_extras("Hanya deskripsi", {"Inclusion": None, "Example": ""}) == (
        "Hanya deskripsi"
    )
    assert decode_extras("Hanya deskripsi", KEYS) == ("Hanya deskripsi", {})
    odd = "Teks\n[QualCode]\nbukan kunci: nilai"
    assert decode_extras(odd, KEYS) == (odd, {})
    only = encode_extras("", {"Inclusion": "x"})
    assert only == "[QualCode]\nInclusion: x"
    assert decode_extras(only, KEYS) == ("", {"Inclusion": "x"})


def test_report_lines_and_json():
    report = RefiReport("import", "a.qdpx", counts={"codes": 3, "sources": 0, "codings": 5})
    report.matched = {"codes": 2, "sources": 0}
    report.add("info-kind", QT_TRANSLATE_NOOP("refi", "Read {count} thing(s)."), Severity.INFO,
               count=1)  # fmt: skip
    report.add("lost", QT_TRANSLATE_NOOP("refi", "{count} graph(s) not imported."), count=2)
    lines = report.lines()
    assert lines[0] == "Imported a.qdpx"
    assert lines[1] == "  3 codes, 5 codings"
    assert lines[2] == "  matched existing: 2 codes"
    assert lines[3] == "  ! 2 graph(s) not imported."  # warnings first
    assert lines[4] == "  - Read 1 thing(s)."
    data = json.loads(json.dumps(report.to_dict()))
    assert data["messages"][1] == {
        "kind": "lost",
        "severity": "warning",
        "message": "2 graph(s) not imported.",
        "template": "{count} graph(s) not imported.",
        "params": {"count": 2},
    }
    assert [m.kind for m in report.warnings] == ["lost"]


def test_export_reports_progress_and_can_be_cancelled(rich_path, tmp_path) -> None:
    import pytest

    from qualcode.errors import CancelledError
    from qualcode.interop.refi.project.exporter import export_qdpx
    from qualcode.project import Project

    stages: list[tuple[str, int, int]] = []
    out = tmp_path / "out.qdpx"
    with Project.open(rich_path, coder="ana", read_only=True) as p:
        export_qdpx(p, out, progress=lambda *a: stages.append(a))
        assert stages == [("model", 0, 2), ("write", 1, 2), ("write", 2, 2)]
        out.unlink()

        def cancel_at_write(stage: str, done: int, total: int) -> None:
            if stage == "write":
                raise CancelledError()

        with pytest.raises(CancelledError):
            export_qdpx(p, out, progress=cancel_at_write)
    assert not out.exists() and list(tmp_path.iterdir()) == []
