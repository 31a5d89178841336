"""The command line: source add/list/show/delete, turns, case sheets, demo."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from qualcode.cli.main import cli
from qualcode.project import Project


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == code, result.output
    return result.output


def test_source_add_list_show_turns_delete(
    project_path: Path, interview_file: Path, fgd_file: Path, tmp_path: Path
) -> None:
    Project.create(project_path, coder="ana").close()
    target = str(project_path)
    out = run("source", "add", target, str(interview_file), "--coder", "ana")
    assert "imported W1_Kasi.txt as 'W1_Kasi' (interview, id, 2019-05-27), 4 turns" in out
    assert "P → Interviewer, I → IK-1" in out
    assert "informant_code: IK-1" in out
    assert "1 imported, 0 skipped, 0 failed" in out
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "FGD1.txt").write_bytes(fgd_file.read_bytes())
    (folder / "again.txt").write_bytes(interview_file.read_bytes())
    data = json.loads(run("source", "add", target, str(folder), "--kind", "focus-group", "--json"))
    by_file = {r["file"]: r for r in data}
    assert by_file["FGD1.txt"]["status"] == "imported"
    assert by_file["FGD1.txt"]["kind"] == "focus-group" and by_file["FGD1.txt"]["turns"] == 6
    assert by_file["again.txt"]["status"] == "skipped"
    assert "already in the project" in by_file["again.txt"]["warnings"][0]

    listed = json.loads(run("source", "list", target, "--json"))
    assert [(s["name"], s["kind"]) for s in listed] == [
        ("FGD1", "focus-group"), ("W1_Kasi", "interview"),
    ]  # fmt: skip
    shown = run("source", "show", target, "W1_Kasi", "--text")
    assert "turns: 4" in shown and "I: SDM aparatur kurang" in shown
    assert "header.place: Kantor Diskominfo Kukar" in shown

    turns = json.loads(run("turns", target, "FGD1", "--json"))
    assert [t["speaker"] for t in turns][:3] == ["Moderator", "Pak Darto", "Bu Sari"]
    assert set(turns[0]) == {"speaker", "case", "start", "end", "role"}
    assert turns[1]["case"] == "Pak Darto" and turns[1]["end"] > turns[1]["start"]

    assert "Deleted source FGD1" in run("source", "delete", target, "FGD1")
    assert json.loads(run("turns", target, "W1_Kasi", "--json"))[0]["case"] == "Interviewer"
    assert "no source named 'FGD1'" in run("turns", target, "FGD1", code=1)


def test_source_add_reports_failure_and_exit_code(project_path: Path, tmp_path: Path) -> None:
    Project.create(project_path, coder="ana").close()
    bad = tmp_path / "kosong.txt"
    bad.write_bytes(b"")
    out = run("source", "add", str(project_path), str(bad), code=1)
    assert "FAILED   kosong.txt: Cannot import kosong.txt: the file is empty." in out


def test_case_sheet_commands(project_path: Path, tmp_path: Path) -> None:
    Project.create(project_path, coder="ana").close()
    sheet = tmp_path / "informan.csv"
    sheet.write_text("Informan,Peringkat\nI1,1\nI2,2\n,3\n", encoding="utf-8")
    out = run("case", "import-sheet", str(project_path), str(sheet))
    assert "Cases named by column 'Informan'." in out
    assert "new cases: 2 I1, I2" in out and "skipped row 4" in out
    out_xlsx = tmp_path / "cases.xlsx"
    assert "Wrote 2 cases" in run("case", "export-sheet", str(project_path), str(out_xlsx))
    report = json.loads(
        run("case", "import-sheet", str(project_path), str(out_xlsx), "--key", "Case", "--json")
    )
    assert report["updated_values"] == 0 and report["unchanged_values"] == 2
    cases = json.loads(run("case", "list", str(project_path), "--json"))
    assert [(c["name"], c["attributes"]) for c in cases] == [
        ("I1", {"Peringkat": 1}), ("I2", {"Peringkat": 2}),
    ]  # fmt: skip


def test_demo_command(tmp_path: Path) -> None:
    path = tmp_path / "demo.qdaproj"
    out = run("demo", str(path), "--coder", "demo")
    assert "sources:    11 (1 document, 1 focus-group, 8 interview, 1 observation)" in out
    assert "cases:      16" in out and "turns:      308" in out
    assert "Peringkat (number)" in out and "Tanggal Wawancara (date)" in out
    assert "already exists" in run("demo", str(path), code=1)
    data = json.loads(run("demo", str(path), "--force", "--json", "--coder", "demo"))
    assert data["turns"] == 308 and data["project"]["sources"] == 11
