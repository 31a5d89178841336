"""Commands that only read work while another process (the app) holds the project."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from qualcode.cli.main import cli
from qualcode.project import Project
from support.snapshots import file_checksum


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def held(sample_study_file: Path, tmp_path: Path):
    path = tmp_path / "s.qdaproj"
    path.write_bytes(sample_study_file.read_bytes())
    with Project.open(path, coder="budi", backups=False):  # the app has it open
        yield path


def test_read_commands_work_while_the_app_holds_the_project(held: Path, tmp_path: Path) -> None:
    p = str(held)
    before = file_checksum(held)
    assert "hit(s)" in run("search", p, "anggaran").output
    run("words", p, "--top", "5")
    run("display", p, "coverage")
    run("agreement", p, "--coders", "peneliti,pembimbing")
    run("export", "excerpts", p, str(tmp_path / "k.csv"))
    run("autocode", p, "--code", "Anggaran", "--query", "anggaran")
    assert file_checksum(held) == before


def test_a_write_still_says_who_holds_it(held: Path) -> None:
    result = CliRunner().invoke(cli, ["code", "add", str(held), "Baru"])
    assert result.exit_code == 1 and "budi" in result.output


def test_query_beginning_with_a_dash(tmp_path: Path) -> None:
    path = tmp_path / "p.qdaproj"
    with Project.create(path, coder="ana") as project:
        project.sources.add_text("W1", "Kata -an dipakai di akhir kata.", kind="interview")
    assert "-an" in run("search", str(path), "--mode", "exact", "--", "-an").output
    assert "-an" in run("search", str(path), "--mode", "exact", "-an").output


def test_rebuild_index_from_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "p.qdaproj"
    with Project.create(path, coder="ana") as project:
        project.sources.add_text("W1", "Anggaran desa terbatas.", kind="interview")
    result = run("search", str(path), "--rebuild-index")
    assert "Search index rebuilt (1 source(s))" in result.output
    assert "anggaran" in run("search", str(path), "anggaran", "--rebuild-index").output.lower()
    missing = CliRunner().invoke(cli, ["search", str(path)])
    assert missing.exit_code == 2 and "Missing argument 'QUERY'" in missing.output
