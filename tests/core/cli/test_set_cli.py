"""``qualcode set ...``: code and source sets from the command line, each one undo step."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from qualcode.cli.main import cli
from qualcode.project import Project
from support.snapshots import snapshot


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def test_sets_from_create_to_delete(tmp_path: Path) -> None:
    path = str(tmp_path / "p.qdaproj")
    with Project.create(path, coder="ana") as p:
        p.sources.add_text("W1 Kadis", "Anggaran terbatas.")
        p.sources.add_text("O1 Desa", "Jaringan lambat.")
        parent = p.codes.create("Sumber daya").result
        assert parent is not None
        p.codes.create("Anggaran", parent_id=parent.id)
        p.codes.create("Komunikasi")
    run("set", "create", path, "Teori", "--code", "Sumber daya/Anggaran", "--coder", "ana")
    out = run(
        "set",
        "add",
        path,
        "teori",
        "--code",
        "Komunikasi",
        "--source",
        "W1 Kadis",
        "--coder",
        "ana",
    )
    assert "2 codes, 1 sources" in out
    run("set", "remove", path, "Teori", "--code", "Sumber daya/Anggaran", "--coder", "ana")
    run(
        "set",
        "edit",
        path,
        "Teori",
        "--rename",
        "Edwards",
        "--description",
        "Model",
        "--coder",
        "ana",
    )
    [listed] = json.loads(run("set", "list", path, "--json"))
    assert listed["name"] == "Edwards" and listed["description"] == "Model"
    assert (listed["codes"], listed["sources"]) == (["Komunikasi"], ["W1 Kadis"])
    assert "no set named" in run("set", "delete", path, "Nope", code=1)
    with Project.open(path, coder="ana") as p:  # each command was one undo step
        before = snapshot(p)
    run("set", "delete", path, "Edwards", "--coder", "ana")
    assert json.loads(run("set", "list", path, "--json")) == []
    with Project.open(path, coder="ana") as p:
        assert p.undo_label() == "Delete set"
        p.undo()
        assert snapshot(p) == before
        assert p.undo_label() == "Edit set"
        p.undo()
        assert p.undo_label() == "Remove from set"
        p.undo()
        assert p.undo_label() == "Add to set"
        p.undo()
        assert [s.name for s in p.sets.all()] == ["Teori"]
        assert p.sets.find("Teori").source_ids == ()
