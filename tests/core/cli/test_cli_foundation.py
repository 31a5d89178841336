"""The command-line forms scripts rely on, and that every command documents itself."""

from __future__ import annotations

import json
from pathlib import Path

import click
from click.testing import CliRunner

from qualcode.cli.main import cli
from qualcode.project import Project


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_foundation_forms(tmp_path: Path) -> None:
    path = str(tmp_path / "p.qdaproj")
    run("new", path, "--coder", "ana")
    run("code", "add", path, "Komunikasi", "--color", "#336699", "--coder", "ana")
    run("code", "add", path, "Transmisi", "--parent", "Komunikasi", "--coder", "ana")
    with Project.open(path, coder="ana") as p:
        p.sources.add_text("W1 Kadis", "Sosialisasi aplikasi 😀 belum merata di desa.")
    run("coding", "add", path, "--source", "W1 Kadis", "--start", "0", "--end", "11",
        "--code", "Transmisi", "--valence", "inhibiting", "--coder", "budi")  # fmt: skip
    info = json.loads(run("info", path, "--json"))
    assert {k: info[k] for k in ("sources", "cases", "codes", "codings", "memos")} == {
        "sources": 1, "cases": 0, "codes": 2, "codings": 1, "memos": 0,
    }  # fmt: skip
    assert info["schema_version"] >= 1
    codings = json.loads(run("codings", path, "--json"))
    assert len(codings) == 1
    c = codings[0]
    assert (c["source"], c["start"], c["end"], c["code"], c["coder"], c["text"]) == (
        "W1 Kadis", 0, 11, "Komunikasi/Transmisi", "budi", "Sosialisasi",
    )  # fmt: skip
    assert "Undid: Code text" in run("undo", path, "--coder", "budi")
    assert json.loads(run("codings", path, "--json")) == []
    assert "Redid: Code text" in run("redo", path, "--coder", "budi")
    assert len(json.loads(run("codings", path, "--json"))) == 1
    history = json.loads(run("history", path, "--json"))
    assert [h["op"] for h in history[:3]] == ["redo", "undo", "coding.apply"]


def test_more_code_and_coding_commands(tmp_path: Path) -> None:
    path = str(tmp_path / "p.qdaproj")
    run("new", path)
    for name in ("A", "B", "C"):
        run("code", "add", path, name)
    with Project.open(path) as p:
        p.sources.add_text("W1", "teks wawancara yang cukup panjang untuk dikode")
    run("coding", "add", path, "--source", "W1", "--start", "0", "--end", "4", "--code", "A")
    run("coding", "add", path, "--source", "W1", "--start", "5", "--end", "15", "--code", "B")
    run("coding", "resize", path, "1", "--start", "0", "--end", "5")
    run("coding", "recode", path, "1", "--code", "C")
    run("coding", "set", path, "2", "--magnitude", "high", "--note", "kuat")
    run("code", "rename", path, "C", "Komunikasi")
    run("code", "move", path, "B", "--parent", "Komunikasi")
    run("code", "merge", path, "A", "--into", "Komunikasi")
    codes = json.loads(run("code", "list", path, "--json"))
    assert [c["path"] for c in codes] == ["Komunikasi", "Komunikasi/B"]
    run("code", "delete", path, "Komunikasi")
    assert json.loads(run("info", path, "--json"))["codings"] == 0
    run("undo", path)
    assert json.loads(run("info", path, "--json"))["codings"] == 2
    run("case", "add", path, "I1")
    run("case", "set", path, "I1", "Peringkat", "3", "--type", "number")
    cases = json.loads(run("case", "list", path, "--json"))
    assert cases[0]["attributes"] == {"Peringkat": 3}


def test_errors_are_one_clear_line(tmp_path: Path) -> None:
    path = str(tmp_path / "p.qdaproj")
    run("new", path)
    result = CliRunner().invoke(cli, ["code", "add", path, "A", "--color", "red"])
    assert result.exit_code == 1
    assert "Error: 'red' is not a colour" in result.output
    result = CliRunner().invoke(cli, ["info", str(tmp_path / "missing.qdaproj")])
    assert result.exit_code == 1 and "does not exist" in result.output


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, cmd in sorted(group.commands.items()):
        out.append((f"{prefix}{name}", cmd))
        if isinstance(cmd, click.Group):
            out.extend(_commands(cmd, f"{prefix}{name} "))
    return out


def test_every_command_is_documented() -> None:
    undocumented = [name for name, cmd in _commands(cli) if not (cmd.help or "").strip()]
    assert not undocumented, f"commands without help text: {undocumented}"
    for name, _cmd in _commands(cli):
        assert run(*name.split(), "--help").startswith("Usage:")


def test_read_commands_work_while_the_app_has_the_project_open(tmp_path: Path) -> None:
    path = str(tmp_path / "p.qdaproj")
    run("new", path)
    run("code", "add", path, "A")
    with Project.open(path, coder="ana"):  # holds the write lock, like the desktop app
        assert json.loads(run("info", path, "--json"))["codes"] == 1
        assert json.loads(run("code", "list", path, "--json"))[0]["name"] == "A"
        assert json.loads(run("codings", path, "--json")) == []
        assert json.loads(run("history", path, "--json"))[0]["op"] == "code.create"
        result = CliRunner().invoke(cli, ["code", "add", path, "B"])
        assert result.exit_code == 1 and "open in another window" in result.output


def test_gui_without_a_screen_says_so(monkeypatch) -> None:
    import sys

    if sys.platform in ("win32", "darwin"):
        return
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    result = CliRunner().invoke(cli, ["gui"])
    assert result.exit_code == 2
    assert "no screen" in result.output
