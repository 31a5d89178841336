"""Every project command takes a database URL as well as a file (the CLI forms on both engines)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qualcode.cli.main import cli
from qualcode.project import Project


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "p.qdaproj")
    return str(request.getfixturevalue("pg_url"))


def test_cli_forms_on_both_engines(target: str) -> None:
    assert "Created" in run("new", target, "--coder", "ana")
    run("code", "add", target, "Komunikasi", "--color", "#336699", "--coder", "ana")
    run("code", "add", target, "Transmisi", "--parent", "Komunikasi", "--coder", "ana")
    with Project.open(target, coder="ana") as p:
        p.sources.add_text("W1 Kadis", "Sosialisasi aplikasi 😀 belum merata di desa.")
    run("coding", "add", target, "--source", "W1 Kadis", "--start", "0", "--end", "11",
        "--code", "Transmisi", "--valence", "inhibiting", "--coder", "budi")  # fmt: skip
    info = json.loads(run("info", target, "--json"))
    assert (info["codes"], info["codings"]) == (2, 1)
    assert json.loads(run("codings", target, "--json"))[0]["text"] == "Sosialisasi"
    assert "Undid: Code text" in run("undo", target, "--coder", "budi")
    assert json.loads(run("codings", target, "--json")) == []
    assert "Redid: Code text" in run("redo", target, "--coder", "budi")
    run("code", "rename", target, "Transmisi", "Transmisi kebijakan")
    run("code", "merge", target, "Komunikasi/Transmisi kebijakan", "--into", "Komunikasi")
    codes = json.loads(run("code", "list", target, "--json"))
    assert [c["path"] for c in codes] == ["Komunikasi"]
    run("case", "add", target, "I1")
    run("case", "set", target, "I1", "Peringkat", "3", "--type", "number")
    assert json.loads(run("case", "list", target, "--json"))[0]["attributes"] == {"Peringkat": 3}
    history = json.loads(run("history", target, "--json"))
    oldest = [h["op"] for h in history[-4:]]
    assert oldest == ["coding.apply", "source.add", "code.create", "code.create"]


def test_new_on_a_url_that_holds_a_project_is_refused(pg_url: str) -> None:
    run("new", pg_url)
    result = CliRunner().invoke(cli, ["new", pg_url])
    assert result.exit_code == 1 and "already holds a project" in result.output


def test_team_push_and_pull_commands(tmp_path: Path, pg_url: str) -> None:
    file = tmp_path / "p.qdaproj"
    run("new", str(file))
    run("code", "add", str(file), "Komunikasi")
    report = json.loads(run("team", "push", str(file), pg_url, "--json"))
    assert report["rows"]["code"] == 1
    result = CliRunner().invoke(cli, ["team", "push", str(file), pg_url])
    assert result.exit_code == 1 and "--force" in result.output
    run("team", "push", str(file), pg_url, "--force")
    back = tmp_path / "back.qdaproj"
    assert "Copied" in run("team", "pull", pg_url, str(back))
    result = CliRunner().invoke(cli, ["team", "pull", pg_url, str(back)])
    assert result.exit_code == 1 and "already exists" in result.output
    assert [c["path"] for c in json.loads(run("code", "list", str(back), "--json"))] == [
        "Komunikasi"
    ]
