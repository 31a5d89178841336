"""The analysis commands: display, agreement, conclusion, comment."""

from __future__ import annotations

import json

from click.testing import CliRunner

from qualcode.cli.main import cli


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_display_json_and_files(study, tmp_path) -> None:
    p, st = study
    path = str(p.path)
    p.close()
    out = json.loads(run("display", path, "matrix", "--rows", "codes", "--cols", "cases", "--json"))
    assert out["columns"] == ["I1", "I2", "I3"]
    assert out["rows"][1] == "Komunikasi/Transmisi"
    assert out["cells"] == [
        [0, 0, 0],
        [1, 1, 0],  # budi's c12 repeats ana's c1: one passage
        [1, 1, 0],
        [0, 0, 1],
        [1, 0, 0],
        [1, 0, 1],  # c13 repeats c2
        [1, 0, 0],
    ]
    out = json.loads(
        run("display", path, "factors", "--filter", "source_kinds=interview", "--json")
    )
    assert out["cells"] == [[1, 2, 0, 2], [0, 4, 0, 1], [1, 0, 0, 0]]
    out = json.loads(run("display", path, "checklist", "--variable", "Komunikasi", "--json"))
    # Transmisi × I1: one passage (budi's unrated c12 repeats c1 "high"), rated by c1
    assert out["ratings"][0] == ["adequate", "inadequate", "not_mentioned"]
    assert out["quotes"][1][1]["text"] == "Informasi kebijakan belum jelas."
    out = json.loads(run("display", path, "matrix", "--cols", "attribute:Jabatan", "--cell",
                         "excerpts", "--codes", "Anggaran", "--json"))  # fmt: skip
    # c13 (budi, "Anggaran kurang") repeats ana's c2: one passage, its excerpt the union
    assert out["cells"] == [[1, 0, 0, 1]]
    assert [e["coding_id"] for e in out["excerpts"][0][0]] == [st.c["c2"]]
    assert out["excerpts"][0][0][0]["text"] == "Anggaran kurang untuk pelatihan."
    assert out["scope"] == {"coders": None, "origin": "all", "unit": "passages",
                            "counted": ["ana", "budi"]}  # fmt: skip
    run("display", path, "coverage", "--out", str(tmp_path / "cov.csv"))
    assert (tmp_path / "cov.csv").read_text(encoding="utf-8-sig").startswith(",D1,O1,W1,W2")
    run("display", path, "cooccurrence", "--op", "same_turn", "--out", str(tmp_path / "co.xlsx"))
    assert (tmp_path / "co.xlsx").stat().st_size > 0
    run("display", path, "factors", "--save", "Faktor")
    text = run("display", path, "factors")
    assert "Sumber daya" in text and "inhibiting" in text


def test_agreement_conclusion_comment(study) -> None:
    p, st = study
    path = str(p.path)
    p.close()
    out = json.loads(run("agreement", path, "--coders", "ana,budi", "--json"))
    assert out["coders"] == ["ana", "budi"]
    assert out["overall"]["kappa"] is not None
    assert "kappa" in run("agreement", path, "--coders", "ana,budi", "--level", "segment")

    assert run("conclusion", "add", path, "Anggaran menghambat", "--support",
               f"{st.c['c2']},{st.c['c8']}") == "Created conclusion 1\n"  # fmt: skip
    run("conclusion", "link", path, "1", str(st.c["c11"]), "--contradicting")
    v = json.loads(run("conclusion", "verify", path, "1", "--json"))
    assert v["cases"] == ["I1", "I3"] and v["unaddressed"] == [st.c["c11"]]
    jabatan = run("conclusion", "verify", path, "1", "--role", "Jabatan")
    assert "silent roles (Jabatan): Kabid, Kasi" in jabatan
    # By default, the attribute grouping informants (OPD here), not one value per informant.
    assert "silent roles (OPD): -" in run("conclusion", "verify", path, "1")
    run("conclusion", "status", path, "1", "verified")
    listed = json.loads(run("conclusion", "list", path, "--json"))
    assert listed[0]["status"] == "verified" and len(listed[0]["evidence"]) == 3

    run("comment", "add", path, "--on", "conclusion:1", "Cek informan lain", "--coder", "dosen")
    run("comment", "add", path, "--on", "code:Transmisi", "Definisi?", "--coder", "dosen")
    run("comment", "reply", path, "1", "Sudah", "--coder", "ana")
    assert "Cek informan lain" in run("comment", "list", path)
    run("comment", "resolve", path, "1")
    open_now = json.loads(run("comment", "list", path, "--json"))
    assert [c["text"] for c in open_now] == ["Definisi?"]
    summary = json.loads(run("comment", "list", path, "--summary", "--json"))
    assert summary["total"] == {"open": 1, "resolved": 1}


def _sheets(path) -> dict[str, list[list[object]]]:
    from openpyxl import load_workbook

    book = load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in book}


def test_display_out_writes_the_styled_workbook_of_every_other_door(study, tmp_path) -> None:
    """`display --out`, `export display` and the app (write_display_file) give one workbook."""
    from openpyxl import load_workbook

    from qualcode.analysis.displays import customised_spec
    from qualcode.analysis.engine import build_display
    from qualcode.export.display_file import write_display_file
    from qualcode.project import Project

    p, _st = study
    path = str(p.path)
    p.close()
    cli_out, export_out, app_out = (tmp_path / f"{n}.xlsx" for n in ("cli", "export", "app"))
    run("display", path, "factors", "--out", str(cli_out), "--language", "en")
    run("export", "display", path, "factors", str(export_out), "--language", "en")
    with Project.open(path, read_only=True) as q:
        display = build_display(q, customised_spec(q, "factors", {}))
        write_display_file(display, app_out, project=q, language="en")  # what the app runs
    cli_sheets = _sheets(cli_out)
    assert cli_sheets == _sheets(export_out) == _sheets(app_out)
    assert len(cli_sheets) >= 2  # the table and the sheet about it, not a bare grid
    ws = load_workbook(cli_out).worksheets[0]
    assert ws.freeze_panes is not None and any(c.font.bold for c in ws[3])
    assert "Sumber daya" in [row[0] for row in cli_sheets[ws.title]]
