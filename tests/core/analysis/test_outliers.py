"""Outliers and extreme cases: the documented z-score rule over the study's code profiles."""

from __future__ import annotations

import json
from math import sqrt
from pathlib import Path

import pytest
from click.testing import CliRunner

from qualcode.analysis.outliers import outliers
from qualcode.cli.main import cli
from qualcode.errors import ValidationError


def _expected() -> dict[str, tuple[float, list[float]]]:
    """The rule by hand: I1 codes Komunikasi 2, Sumber daya 2, Disposisi 1 (coder ana's
    passages); I2 Komunikasi 2; I3 Sumber daya 2."""
    counts = {"I1": [2, 2, 1], "I2": [2, 0, 0], "I3": [0, 2, 0]}
    shares = {k: [n / sum(v) for n in v] for k, v in counts.items()}
    means = [sum(s[c] for s in shares.values()) / 3 for c in range(3)]
    sds = [sqrt(sum((s[c] - means[c]) ** 2 for s in shares.values()) / 2) for c in range(3)]
    out = {}
    for case, s in shares.items():
        z = [(s[c] - means[c]) / sds[c] for c in range(3)]
        out[case] = (sqrt(sum(v * v for v in z) / 3), z)
    return out


def test_cases_ranked_by_deviation_with_drivers_and_evidence(study) -> None:
    p, st = study
    view = outliers(p, min_codings=1, case_kind=None)
    expected = _expected()
    assert view.codes == ["Komunikasi", "Sumber daya", "Disposisi"]
    assert [o.case for o in view.cases] == ["I2", "I3", "I1"]  # a tie is ordered by name
    for o in view.cases:
        deviation, z = expected[o.case]
        assert o.deviation == pytest.approx(deviation, abs=1e-3)
        assert max(abs(d.z) for d in o.drivers) == pytest.approx(max(map(abs, z)), abs=0.01)
        assert not o.flagged  # no |z| reaches 2 among three cases
    i1 = view.cases[2]
    assert i1.drivers[0].code == "Disposisi" and i1.drivers[0].z > 0
    assert i1.evidence_code == "Disposisi" and [e.coding_id for e in i1.evidence] == [st.c["c3"]]
    assert [e.coding_id for e in view.cases[0].evidence] == [st.c["c6"], st.c["c7"]]
    flagged = outliers(p, min_codings=1, case_kind=None, threshold=1.1)
    assert [o.case for o in flagged.cases if o.flagged] == ["I1"]  # Disposisi z 1.15
    # I2 and I3 have 2 passages: left out at 3, and then too few cases remain
    with pytest.raises(ValidationError, match="Too few cases"):
        outliers(p, min_codings=3, case_kind=None)
    with pytest.raises(ValidationError, match="two codes"):
        outliers(p, codes=[st.code["Komunikasi"]], min_codings=1)


def test_cli_lists_outliers(study, tmp_path: Path) -> None:
    p, _st = study
    p.close()
    path = str(tmp_path / "study.qdaproj")
    result = CliRunner().invoke(cli, ["outliers", path, "--min-codings", "1", "--cases", "",
                                      "--threshold", "1.1"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "! I1  deviation 0.6" in result.output and "Disposisi +1.1" in result.output
    assert "Komitmen pimpinan tinggi sekali." in result.output
    shown = json.loads(
        CliRunner()
        .invoke(cli, ["outliers", path, "--min-codings", "1", "--cases", "", "--json"])
        .output
    )
    assert [c["case"] for c in shown["cases"]] == ["I2", "I3", "I1"]
