"""REFI-QDA: a pseudonymised .qdpx keeps its selections on the right text, and the
identity register travels only when asked."""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from qualcode.cli.main import cli
from qualcode.export.leaks import scan_file
from qualcode.export.pseudonymise import Pseudonymiser
from qualcode.interop.refi.format.identity import REGISTER_MEMBER, _Shift
from qualcode.project import Project


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _coded(p: Project, rewrite=lambda s: s) -> Counter[str]:  # type: ignore[no-untyped-def]
    out: Counter[str] = Counter()
    for source in p.sources.all():
        text = p.sources.text(source.id)
        for coding in p.codings.in_source(source.id):
            out[rewrite(text[coding.start : coding.end])] += 1
    return out


def test_shift_moves_positions_with_the_text() -> None:
    text = "Pak Ujang dan Sari."
    engine = Pseudonymiser([("Ujang", "[I13]"), ("Sari", "[Informan 10]")])
    new = engine.apply(text)
    shift = _Shift(engine.spans(text))
    assert new == "Pak [I13] dan [Informan 10]."
    assert new[shift.map(0, is_end=False) : shift.map(9, is_end=True)] == "Pak [I13]"
    assert new[shift.map(14, is_end=False) : shift.map(19, is_end=True)] == "[Informan 10]."
    # a selection that starts or ends inside a replaced name covers the whole replacement
    assert new[shift.map(6, is_end=False) : shift.map(7, is_end=True)] == "[I13]"


def test_pseudonymised_qdpx_round_trips_with_codings_on_the_replaced_text(
    sample_study_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "p.qdpx"
    _run("refi", "export", str(sample_study_file), str(out), "--pseudonymise")
    with Project.open(sample_study_file, read_only=True) as original:
        engine = Pseudonymiser.for_project(original)
        expected = _coded(original, engine.apply)
    assert scan_file(out, engine) == []
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
    assert not any(n.endswith((".docx", ".pdf")) for n in names)  # originals left out
    assert REGISTER_MEMBER not in names
    target = tmp_path / "copy.qdaproj"
    _run("refi", "import", str(out), str(target))
    with Project.open(target, read_only=True) as copy:
        assert _coded(copy) == expected
        assert copy.identities.all() == []
        assert "FGD1 Warga [instansi]" in {s.name for s in copy.sources.all()}


def test_the_register_travels_only_when_asked(sample_study_file: Path, tmp_path: Path) -> None:
    plain, carried = tmp_path / "plain.qdpx", tmp_path / "carried.qdpx"
    _run("refi", "export", str(sample_study_file), str(plain))
    _run("refi", "export", str(sample_study_file), str(carried), "--with-identity-register")
    with zipfile.ZipFile(plain) as zf:
        assert REGISTER_MEMBER not in zf.namelist()
    target = tmp_path / "copy.qdaproj"
    _run("refi", "import", str(carried), str(target))
    with Project.open(sample_study_file, read_only=True) as a, Project.open(target) as b:
        cases_a = {c.id: c.name for c in a.cases.all()}
        cases_b = {c.id: c.name for c in b.cases.all()}
        want = {(e.text, e.kind, e.replacement, cases_a.get(e.case_id)) for e in a.identities.all()}
        got = {(e.text, e.kind, e.replacement, cases_b.get(e.case_id)) for e in b.identities.all()}
        assert got == want and len(got) > 60
        assert b.identities.identifying_attributes() == a.identities.identifying_attributes()
        b.undo()  # the import, register included, is one undo step
        assert b.identities.all() == [] and b.cases.all() == []
    result = CliRunner().invoke(
        cli, ["refi", "export", str(sample_study_file), str(tmp_path / "x.qdpx"),
              "--pseudonymise", "--with-identity-register"],
    )  # fmt: skip
    assert result.exit_code != 0 and not (tmp_path / "x.qdpx").exists()


@pytest.mark.parametrize("suffix", [".qdpx"])
def test_check_finds_the_register_in_a_plain_qdpx(
    sample_study_file: Path, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"plain{suffix}"
    _run("refi", "export", str(sample_study_file), str(out))
    result = CliRunner().invoke(cli, ["export", "check", str(out), "--project",
                                      str(sample_study_file)])  # fmt: skip
    assert result.exit_code == 1 and "sources/" in result.output
