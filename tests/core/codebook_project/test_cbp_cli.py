"""The command-line forms: codebook list/show/load/export, code split, coding invivo."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from qualcode.cli.main import cli
from qualcode.codebooks.files import find_codebook, load_codebook
from qualcode.project import Project


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def test_list_and_show() -> None:
    listed = json.loads(run("codebook", "list", "--json"))
    assert len(listed) == 8 and {"edwards3", "factors"} <= {b["id"] for b in listed}
    assert "smartcity-kominfo" in run("codebook", "list")
    shown = run("codebook", "show", "edwards3")
    assert "RES.5  Budget (optional)" in shown and "Set COM" in shown
    assert "Anggaran" in run("codebook", "show", "edwards3", "--language", "id")
    assert json.loads(run("codebook", "show", "factors", "--json"))["id"] == "factors"
    assert "No codebook 'nope'" in run("codebook", "show", "nope", code=1)


def test_load_and_export(tmp_path: Path) -> None:
    path = str(tmp_path / "p.qdaproj")
    run("new", path, "--coder", "ana")
    out = run("codebook", "load", path, "edwards3", "--skip-optional", "--coder", "ana")
    assert "created: 16" in out and "optional codes skipped: RES.5" in out
    out = run("codebook", "load", path, "edwards3", "--coder", "ana")
    assert "created: 1" in out and "unchanged: 16" in out and "conflicts: 0" in out
    with Project.open(path, coder="ana") as p:
        com1 = next(c for c in p.codes.all() if c.codebook_code == "COM.1")
        p.codes.update(com1.id, description="Versi saya.")
    file = str(find_codebook("edwards3").source)
    report = json.loads(run("codebook", "load", path, file, "--json", "--coder", "ana"))
    # the edit is kept and reported as differing from the codebook
    assert report["created"] == [] and len(report["unchanged"]) == 17
    assert [(c["code"], c["field"], c["project_value"]) for c in report["conflicts"]] == [
        ("edwards3:COM.1", "description", "Versi saya.")
    ]
    yaml_out = tmp_path / "edwards3.yaml"
    run("codebook", "export", path, str(yaml_out), "--codebook", "edwards3")
    exported = load_codebook(yaml_out)
    com1_out = exported.code("COM.1")
    assert com1_out is not None and com1_out.definition["id"] == "Versi saya."
    assert exported.code_ids() == find_codebook("edwards3").code_ids()
    run("codebook", "export", path, str(tmp_path / "all.xlsx"), "--language", "en")
    run("codebook", "export", path, str(tmp_path / "cb.docx"), "--codebook", "edwards3")
    assert (tmp_path / "all.xlsx").stat().st_size > 0 and (tmp_path / "cb.docx").is_file()
    assert "Export to .yaml" in run("codebook", "export", path, str(tmp_path / "x.pdf"), code=1)


def test_split_and_invivo(tmp_path: Path) -> None:
    path = str(tmp_path / "p.qdaproj")
    run("new", path, "--coder", "ana")
    run("code", "add", path, "Integrasi", "--coder", "ana")
    text = "Data dikirim pakai Excel saja tiap bulan. Dashboard tidak real-time."
    with Project.open(path, coder="ana") as p:
        p.sources.add_text("W2", text)
    for start, end in ((0, 41), (42, 68)):
        run("coding", "add", path, "--source", "W2", "--start", str(start), "--end", str(end),
            "--code", "Integrasi", "--coder", "ana")  # fmt: skip
    with Project.open(path, coder="ana") as p:
        first = p.codings.list()[0].id
    out = run("code", "split", path, "Integrasi", str(first), "--into", "Rekap Excel",
              "--coder", "ana")  # fmt: skip
    assert "into Integrasi / Rekap Excel" in out
    start = text.index("pakai Excel saja")
    out = run("coding", "invivo", path, "--source", "W2", "--start", str(start), "--end",
              str(start + 16), "--parent", "Integrasi/Rekap Excel", "--coder", "ana")  # fmt: skip
    assert "“pakai Excel saja”" in out
    with Project.open(path, coder="ana") as p:
        invivo = p.codes.find("Integrasi/Rekap Excel/“pakai Excel saja”")
        assert [(c.start, c.end) for c in p.codings.list() if c.code_id == invivo.id] == [
            (start, start + 16)
        ]
        split = p.codes.find("Integrasi/Rekap Excel")
        assert [c.id for c in p.codings.list() if c.code_id == split.id] == [first]
        assert p.undo_label() == "Code in vivo"
    data = json.loads(run("coding", "invivo", path, "--source", "W2", "--start", "0", "--end",
                          "4", "--json", "--coder", "ana"))  # fmt: skip
    assert data["code"]["name"] == "“Data”" and data["coding"]["end"] == 4
