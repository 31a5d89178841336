"""``qualcode export display`` builds every display type ``display --help`` lists, directly."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from qualcode.cli.display_options import DISPLAY_TYPES
from qualcode.cli.main import cli


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_every_listed_type_is_in_display_help() -> None:
    text = run("display", "--help")
    for type_ in DISPLAY_TYPES:
        assert type_ in text


@pytest.mark.parametrize("type_", DISPLAY_TYPES)
def test_export_display_every_type_to_docx(
    type_: str, sample_study_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / f"{type_}.docx"
    assert "Wrote" in run("export", "display", str(sample_study_file), type_, str(out))
    doc = docx.Document(str(out))
    assert doc.tables, type_
    assert len(doc.tables[0].rows) > 1 and len(doc.tables[0].columns) > 1


@pytest.mark.parametrize(
    ("type_", "extra"),
    [
        ("role_ordered", ["--role", "Sektor", "--rank", "Peringkat"]),
        ("case_ordered", ["--rank", "Peringkat", "--ascending"]),
        ("clustered", ["--group", "Edwards=Komunikasi,Sumber daya"]),
        ("effects", ["--attribute", "Sektor"]),
        ("checklist", ["--variable", "Sumber daya"]),
    ],
)
def test_export_display_with_options(
    type_: str, extra: list[str], sample_study_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / f"{type_}.xlsx"
    run("export", "display", str(sample_study_file), type_, str(out), *extra)
    assert out.exists()


def _rows(output: str) -> list[str]:
    lines = [ln for ln in output.splitlines()[2:] if not ln.startswith("Coders counted:")]
    return [line.split("  ")[0] for line in lines]


def test_codes_narrow_the_code_axis_after_rows_override(sample_study_file: Path) -> None:
    out = run(
        "display", str(sample_study_file), "matrix", "--rows", "codes",
        "--codes", "Komunikasi/Kejelasan,Sumber daya/Anggaran", "--cols", "source_kind",
    )  # fmt: skip
    assert _rows(out) == ["Komunikasi/Kejelasan", "Sumber daya/Anggaran"]


def test_code_names_in_dimensions(sample_study_file: Path) -> None:
    out = run(
        "display", str(sample_study_file), "matrix", "--rows", "codes:Komunikasi/Kejelasan",
        "--cols", "source_kind",
    )  # fmt: skip
    assert _rows(out) == ["Komunikasi/Kejelasan"]
    out = run("display", str(sample_study_file), "matrix", "--rows", "children:Komunikasi")
    assert _rows(out)[0].startswith("Transmisi")


def test_unknown_code_name_is_a_clear_error(sample_study_file: Path) -> None:
    result = CliRunner().invoke(
        cli, ["display", str(sample_study_file), "matrix", "--rows", "codes:Tidak Ada"]
    )
    assert result.exit_code == 1
    assert "no code named 'Tidak Ada'" in result.output
    assert "Traceback" not in result.output


def test_codes_work_for_every_code_axis(sample_study_file: Path, tmp_path: Path) -> None:
    for type_ in DISPLAY_TYPES:
        out = tmp_path / f"{type_}.csv"
        run("export", "display", str(sample_study_file), type_, str(out),
            "--codes", "Komunikasi,Sumber daya")  # fmt: skip
        assert out.exists(), type_
