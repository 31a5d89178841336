"""Progress and cancel: every export reports progress, and a cancelled one writes nothing."""

from __future__ import annotations

import pytest

from qualcode.errors import CancelledError, ExportFailedError
from qualcode.export.csv_out import write_table_csv
from qualcode.export.excerpts import export_excerpts, export_report
from qualcode.export.table import Table
from qualcode.export.tables_docx import write_tables_docx
from qualcode.export.tables_xlsx import write_tables_xlsx

EXCERPT_SUFFIXES = (".docx", ".xlsx", ".csv")


def cancel_after(n: int):
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > n

    return cancel


@pytest.mark.parametrize("suffix", EXCERPT_SUFFIXES)
def test_progress_reaches_total(study, tmp_path, suffix):
    seen: list[tuple[int, int]] = []
    export_excerpts(study, tmp_path / f"x{suffix}", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (9, 9)
    done = [d for d, _ in seen]
    assert done == sorted(done) and len(seen) >= 9


@pytest.mark.parametrize("suffix", EXCERPT_SUFFIXES)
@pytest.mark.parametrize("after", [0, 4])
def test_cancelled_excerpt_export_leaves_no_file(study, tmp_path, suffix, after):
    out = tmp_path / f"x{suffix}"
    with pytest.raises(CancelledError):
        export_excerpts(study, out, cancel=cancel_after(after))
    assert list(tmp_path.iterdir()) == []


def test_cancelled_xlsx_leaves_no_row_file_in_the_temp_folder(study, tmp_path, monkeypatch):
    import tempfile

    scratch = tmp_path / "temp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # where XlsxWriter streams rows
    with pytest.raises(CancelledError):
        export_excerpts(study, tmp_path / "x.xlsx", cancel=cancel_after(11))  # mid-sheet
    assert list(scratch.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir()] == ["temp"]


def test_cancel_keeps_the_previous_file(study, tmp_path):
    out = tmp_path / "x.docx"
    out.write_bytes(b"old")
    with pytest.raises(CancelledError):
        export_excerpts(study, out, cancel=cancel_after(3))
    assert out.read_bytes() == b"old" and list(tmp_path.iterdir()) == [out]


@pytest.mark.parametrize("suffix", [".docx", ".html"])
def test_cancelled_report_leaves_no_file(study, tmp_path, suffix):
    with pytest.raises(CancelledError):
        export_report(study, tmp_path / f"r{suffix}", cancel=cancel_after(2))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("writer", [write_tables_xlsx, write_tables_docx])
def test_cancelled_table_export_leaves_no_file(tmp_path, writer):
    t = Table.from_counts("M", [f"r{i}" for i in range(5)], ["a"], [[i] for i in range(5)])
    suffix = ".xlsx" if writer is write_tables_xlsx else ".docx"
    with pytest.raises(CancelledError):
        writer([t], tmp_path / f"t{suffix}", cancel=cancel_after(2))
    with pytest.raises(CancelledError):
        write_table_csv(t, tmp_path / "t.csv", cancel=cancel_after(2))
    assert list(tmp_path.iterdir()) == []


def test_unknown_suffix_and_missing_folder(study, tmp_path):
    with pytest.raises(ExportFailedError):
        export_excerpts(study, tmp_path / "x.pdf")
    with pytest.raises(ExportFailedError):
        export_excerpts(study, tmp_path / "nope" / "x.docx")
