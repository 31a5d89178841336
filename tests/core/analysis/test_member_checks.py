"""Member checks of conclusions and informants: recorded, undone, verified, exported."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from qualcode.analysis.verification import verify
from qualcode.cli.main import cli
from qualcode.errors import NotFoundError, ValidationError
from qualcode.export.conclusions_export import claim_entries
from support.snapshots import snapshot


def test_checks_are_recorded_verified_and_exported(study) -> None:
    p, st = study
    claim = p.conclusions.create("Anggaran menghambat.", supporting=[st.c["c2"], st.c["c8"]]).result
    assert claim is not None
    assert p.member_checks.get("conclusion", claim.id).status == "not_asked"
    before = snapshot(p)
    p.member_checks.set("conclusion", claim.id, "sent", checked_on="2024-05-20")
    p.member_checks.set("conclusion", claim.id, "confirmed", note="Setuju", checked_on="2024-06-01")
    p.member_checks.set("case", st.case["I3"], "disputed", note="Angka desa keliru")
    check = p.member_checks.get("conclusion", claim.id)
    assert (check.status, check.note, check.checked_on) == ("confirmed", "Setuju", date(2024, 6, 1))
    v = verify(p, claim.id)
    assert v.member_check.status == "confirmed"
    assert v.informant_checks == (("I1", "not_asked"), ("I3", "disputed"))
    assert ("Member check: I3 disputed their account.") in v.warnings
    assert not any("conclusion was disputed" in w for w in v.warnings)
    (entry,) = claim_entries(p, language="id")
    assert "Member check: dikonfirmasi (2024-06-01) \u2014 Setuju" in entry.figures
    assert any("I3 (dibantah)" in f for f in entry.figures)
    assert "Member check: I3 membantah uraiannya." in entry.warnings
    (english,) = claim_entries(p, language="en")
    assert "Member check: confirmed (2024-06-01) \u2014 Setuju" in english.figures
    p.member_checks.set("conclusion", claim.id, "disputed")
    assert "Member check: the conclusion was disputed." in verify(p, claim.id).warnings
    # back to "not asked" without a note or date removes the record
    p.member_checks.set("case", st.case["I3"], "not_asked")
    assert p.member_checks.all("case") == {}
    for bad in ({"status": "maybe"}, {"status": "sent", "checked_on": "2024-13-40"}):
        with pytest.raises(ValidationError):
            p.member_checks.set("conclusion", claim.id, **bad)  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        p.member_checks.set("case", 9999, "sent")
    with pytest.raises(ValidationError):
        p.member_checks.set("case", st.case["I2"], "not_asked")
    for _ in range(5):
        p.undo()
    assert snapshot(p) == before
    # deleting a conclusion takes its check along
    p.member_checks.set("conclusion", claim.id, "sent")
    p.conclusions.delete(claim.id)
    assert p.member_checks.all("conclusion") == {}


def test_cli_records_and_lists_member_checks(study, tmp_path: Path) -> None:
    p, st = study
    claim = p.conclusions.create("Staf terbatas.", supporting=[st.c["c4"]]).result
    assert claim is not None
    p.close()
    path = str(tmp_path / "study.qdaproj")

    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, list(args))
        assert result.exit_code == 0, result.output
        return result.output

    run("conclusion", "member-check", path, str(claim.id), "disputed", "--note", "Staf cukup",
        "--date", "2024-06-02")  # fmt: skip
    run("case", "member-check", path, "I1", "confirmed")
    listed = run("member-checks", path)
    assert "disputed" in listed and "Staf cukup" in listed and "I1" in listed
    shown = run("conclusion", "verify", path, str(claim.id))
    assert "member check: disputed (2024-06-02)" in shown and "I1 (confirmed)" in shown
    out = tmp_path / "kesimpulan.html"
    run("export", "conclusions", path, str(out))
    assert "dibantah (2024-06-02)" in out.read_text(encoding="utf-8")
    bad = CliRunner().invoke(cli, ["case", "member-check", path, "I1", "sent", "--date", "kemarin"])
    assert bad.exit_code != 0 and "not a date" in bad.output and "Traceback" not in bad.output
