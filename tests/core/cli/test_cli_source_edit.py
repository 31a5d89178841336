"""``qualcode source edit``: a transcript corrected from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from qualcode.cli.main import cli
from qualcode.project import Project

TEXT = "I: Sosialisasi sudah dilakuakn di desa.\nP: Lalu?\nI: Anggaran belum cukup."


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def _project(tmp_path: Path) -> tuple[str, dict[str, int]]:
    path = str(tmp_path / "p.qdaproj")
    with Project.create(path, coder="ana") as p:
        src = p.sources.add_text("W1 Kadis", TEXT).result
        k = p.codes.create("Sosialisasi").result
        assert src and k
        ids = {}
        for name, phrase in [("typo", "sudah dilakuakn"), ("lalu", "Lalu?"), ("dana", "Anggaran")]:
            s = TEXT.index(phrase)
            c = p.codings.apply(src.id, s, s + len(phrase), k.id).result
            assert c
            ids[name] = c.id
    return path, ids


def test_replace_flags_the_coding_and_undo_restores(tmp_path: Path) -> None:
    path, ids = _project(tmp_path)
    code, out = _invoke(
        "source", "edit", path, "W1 Kadis", "--replace", "dilakuakn", "dilakukan", "--json",
        "--coder", "ana",
    )  # fmt: skip
    assert code == 0, out
    report = json.loads(out)
    assert [f["coding"] for f in report["flagged"]] == [ids["typo"]]
    assert report["flagged"][0]["new_text"] == "sudah dilakukan"
    with Project.open(path, coder="ana", read_only=True) as p:
        assert "dilakukan di desa" in p.sources.text(1)
    code, out = _invoke("coding", "flagged", path, "--json")
    assert [r["id"] for r in json.loads(out)] == [ids["typo"]]
    assert _invoke("coding", "reviewed", path, str(ids["typo"]), "--coder", "ana")[0] == 0
    assert json.loads(_invoke("coding", "flagged", path, "--json")[1]) == []
    assert _invoke("undo", path, "--coder", "ana")[0] == 0
    assert [r["id"] for r in json.loads(_invoke("coding", "flagged", path, "--json")[1])] == [
        ids["typo"]
    ]
    assert _invoke("undo", path, "--coder", "ana")[0] == 0
    with Project.open(path, coder="ana", read_only=True) as p:
        assert p.sources.text(1) == TEXT


def test_removal_needs_yes_and_dry_run_changes_nothing(tmp_path: Path) -> None:
    path, ids = _project(tmp_path)
    revised = tmp_path / "revised.txt"
    revised.write_text(TEXT.replace("P: Lalu?\n", ""), encoding="utf-8")
    before = Path(path).read_bytes()
    code, out = _invoke("source", "edit", path, "W1 Kadis", "--from-file", str(revised))
    assert code != 0 and "--yes" in out and "'Lalu?'" in out
    code, out = _invoke(
        "source", "edit", path, "W1 Kadis", "--from-file", str(revised), "--dry-run", "--json"
    )
    assert code == 0 and [r["coding"] for r in json.loads(out)["removed"]] == [ids["lalu"]]
    with Project.open(path, coder="ana", read_only=True) as p:
        assert p.sources.text(1) == TEXT
    code, out = _invoke(
        "source", "edit", path, "W1 Kadis", "--from-file", str(revised), "--yes", "--coder", "ana"
    )
    assert code == 0, out
    with Project.open(path, coder="ana", read_only=True) as p:
        assert {c.id for c in p.codings.list()} == {ids["typo"], ids["dana"]}
    assert before  # the file existed; the edit went through the normal operation path


def test_missing_text_is_a_clear_error(tmp_path: Path) -> None:
    path, _ = _project(tmp_path)
    code, out = _invoke("source", "edit", path, "W1 Kadis", "--replace", "tidak ada", "x")
    assert code != 0 and "does not occur" in out and "Traceback" not in out
