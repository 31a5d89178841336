"""Done when: pseudonymised exports of the sample study hold no register entry anywhere.

Every part of every .docx/.xlsx is unzipped and searched, and .csv/.html files are
searched, by a matcher written here independently of the engine (tags stripped,
entities decoded, whitespace collapsed, case folded).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from qualcode.cli.main import cli
from qualcode.project import Project
from support.leak_scan import found as _found
from support.leak_scan import register as _register
from support.leak_scan import texts as _texts

EXPORTS = [  # kind, file, whether to check that the plain export does name informants
    ("excerpts", "e.docx", True), ("excerpts", "e.xlsx", False), ("excerpts", "e.csv", False),
    ("report", "r.docx", False), ("report", "r.html", True),
    ("display:matrix", "m.docx", False), ("display:matrix", "m.xlsx", True),
    ("display:matrix", "m.csv", False), ("display:framework", "fw.html", False),
]  # fmt: skip


def _export(project: Path, kind: str, out: Path, *extra: str) -> None:
    if kind.startswith("display:"):
        args = ["export", "display", str(project), kind[8:], str(out)]
        if kind == "display:matrix":  # offices as columns: the headers name institutions
            args += ["--cols", "attribute:Instansi"]
    else:
        args = ["export", kind, str(project), str(out), "--quiet"]
        if kind == "report":
            args += ["--display", "matrix"]
    result = CliRunner().invoke(cli, [*args, *extra])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def entries(sample_study_file: Path) -> list[str]:
    found = _register(sample_study_file)
    assert {"Ujang", "Sari", "Yoga", "Rina", "Mekarwangi", "Diskominfo"} <= set(found)
    assert "Kepala Dinas Komunikasi dan Informatika" in found
    return found


@pytest.mark.parametrize(("kind", "name", "plain_too"), EXPORTS)
def test_pseudonymised_export_holds_no_register_entry(
    sample_study_file: Path, entries: list[str], tmp_path: Path, kind: str, name: str,
    plain_too: bool,
) -> None:  # fmt: skip
    masked = tmp_path / name
    _export(sample_study_file, kind, masked, "--pseudonymise")
    assert _found(entries, _texts(masked)) == set()
    if plain_too:  # the same export without --pseudonymise does name them: the test can fail
        plain = tmp_path / f"plain-{name}"
        _export(sample_study_file, kind, plain)
        assert _found(entries, _texts(plain))


def test_the_names_the_issue_cites_are_replaced_keeping_honorifics(
    sample_study_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r.docx"
    _export(sample_study_file, "report", out, "--pseudonymise")
    text = " ".join(_texts(out))
    for name in ("ujang", "sari", "yoga", "diskominfo", "kepala dinas komunikasi"):
        assert name not in text.replace("[", " ")
    assert "pak [informan 13]" in text and "seperti [pemuda desa] dan [informan 11]" in text
    assert "informan 1 — [jabatan], [instansi], 12 maret 2024" in text
    assert "informan 10 — [jabatan], [instansi], 4 mei 2024" in text


def test_export_check_command(sample_study_file: Path, tmp_path: Path) -> None:
    plain, masked = tmp_path / "plain.docx", tmp_path / "masked.docx"
    _export(sample_study_file, "excerpts", plain)
    _export(sample_study_file, "excerpts", masked, "--pseudonymise")
    run = CliRunner().invoke
    found = run(cli, ["export", "check", str(plain), "--project", str(sample_study_file)])
    assert (
        found.exit_code == 1 and "'Ujang'" in found.output and "word/document.xml" in found.output
    )
    clean = run(cli, ["export", "check", str(masked), "--project", str(sample_study_file)])
    assert clean.exit_code == 0, clean.output
    assert "none of the" in clean.output


def test_conclusions_export_is_pseudonymised_and_checked(
    sample_study_file: Path, tmp_path: Path
) -> None:
    import shutil

    copy = tmp_path / "s.qdaproj"
    shutil.copy(sample_study_file, copy)
    with Project.open(copy, coder="peneliti", backups=False) as p:
        p.conclusions.create("Pak Ujang dan Bu Sari di Mekarwangi belum mengenal SiMaju")
    out = tmp_path / "k.docx"
    result = CliRunner().invoke(
        cli, ["export", "conclusions", str(copy), str(out), "--pseudonymise"]
    )
    assert result.exit_code == 0, result.output
    text = " ".join(_texts(out))
    assert "pak [informan 13] dan bu [informan 10] di [desa]" in text
    assert _found(_register(copy), _texts(out)) == set()
