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
        [2, 1, 0],
        [1, 1, 0],
        [0, 0, 1],
        [1, 0, 0],
        [2, 0, 1],
        [1, 0, 0],
    ]
    out = json.loads(
        run("display", path, "factors", "--filter", "source_kinds=interview", "--json")
    )
    assert out["cells"] == [[1, 2, 0, 2], [0, 4, 0, 1], [1, 0, 0, 0]]
    out = json.loads(run("display", path, "checklist", "--variable", "Komunikasi", "--json"))
    assert out["ratings"][0] == ["partly", "partly", "absent"]
    assert out["quotes"][1][1]["text"] == "Informasi kebijakan belum jelas."
    out = json.loads(run("display", path, "matrix", "--cols", "attribute:Jabatan", "--cell",
                         "excerpts", "--codes", "Anggaran", "--json"))  # fmt: skip
    assert out["cells"] == [[2, 0, 0, 1]]
    assert [e["coding_id"] for e in out["excerpts"][0][0]] == [
        st.c["c13"],
        st.c["c2"],
    ]  # text order
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
