"""Every CLI command that writes a file for use outside the project goes through the one
export guard: ``--pseudonymise`` rewrites every identity register entry and the leak check
reads the file back (issue: protecting informants).

The study is the sample with a code description, a code note and a concept map that name
informants, so each export has names to leak; each plain export is checked to name them
(the test can fail) and each pseudonymised one to name none.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from qualcode.cli.main import cli
from qualcode.project import Project
from support.leak_scan import found as _found
from support.leak_scan import register as _register
from support.leak_scan import texts as _texts

NAMED = "Pendapat Pak Ujang dan Bu Sari dari Desa Mekarwangi"


@pytest.fixture(scope="module")
def study(sample_study_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("guarded") / "s.qdaproj"
    shutil.copy(sample_study_file, path)
    with Project.open(path, coder="peneliti", backups=False) as p:
        code = p.codes.create("Suara Yoga", description=NAMED, example="Kata Yoga: KIM").result
        assert code is not None
        for source in p.sources.all()[:3]:  # coded: the treemap and the clusters show it
            p.codings.apply(source.id, 0, 40, code.id)
    run = CliRunner().invoke
    assert run(cli, ["map", "new", str(path), "Peta Ujang"]).exit_code == 0
    added = run(cli, ["map", "add", str(path), "Peta Ujang", "case:F5", f"note:{NAMED}",
                      "code:Suara Yoga"])  # fmt: skip
    assert added.exit_code == 0, added.output
    return path


# command builder (project, out) -> argv; file names; whether the plain file names informants
PATHS = {
    "display --out xlsx": (lambda p, o: ["display", p, "matrix", "--cols", "attribute:Instansi",
                                         "--out", o], "m.xlsx"),
    "display --out docx": (lambda p, o: ["display", p, "matrix", "--cols", "attribute:Instansi",
                                         "--out", o], "m.docx"),
    "display --out csv": (lambda p, o: ["display", p, "framework", "--out", o], "f.csv"),
    "case export-sheet xlsx": (lambda p, o: ["case", "export-sheet", p, o], "c.xlsx"),
    "case export-sheet csv": (lambda p, o: ["case", "export-sheet", p, o], "c.csv"),
    "codebook export docx": (lambda p, o: ["codebook", "export", p, o], "cb.docx"),
    "codebook export xlsx": (lambda p, o: ["codebook", "export", p, o], "cb.xlsx"),
    "codebook export yaml": (lambda p, o: ["codebook", "export", p, o], "cb.yaml"),
    "refi export-codebook": (lambda p, o: ["refi", "export-codebook", p, o], "cb.qdc"),
    "chart svg": (lambda p, o: ["chart", p, "matrix", o, "--cols", "attribute:Instansi"],
                  "ch.svg"),
    "cluster svg": (lambda p, o: ["cluster", p, o, "--items", "codes"], "cl.svg"),
    "map export svg": (lambda p, o: ["map", "export", p, "Peta Ujang", o], "map.svg"),
}  # fmt: skip


@pytest.mark.parametrize("what", list(PATHS))
def test_pseudonymised_file_names_nobody(study: Path, tmp_path: Path, what: str) -> None:
    argv, name = PATHS[what]
    entries = _register(study)
    run = CliRunner().invoke
    plain = tmp_path / f"plain-{name}"
    done = run(cli, argv(str(study), str(plain)))
    assert done.exit_code == 0, done.output
    assert _found(entries, _texts(plain)), "the plain export must name someone"
    masked = tmp_path / name
    done = run(cli, [*argv(str(study), str(masked)), "--pseudonymise"])
    assert done.exit_code == 0, done.output
    assert _found(entries, _texts(masked)) == set()
    check = run(cli, ["export", "check", str(masked), "--project", str(study)])
    assert check.exit_code == 0, check.output


@pytest.mark.parametrize("suffix", [".png", ".pdf"])
def test_pictures_are_rewritten_before_drawing(study: Path, tmp_path: Path, suffix: str) -> None:
    """A PNG keeps no text to read back: the drawn figure itself is checked (as SVG)."""
    from qualcode.export.pseudonymise import Pseudonymiser
    from qualcode.figures.concept_map import draw_map
    from qualcode.figures.pseudonymise import figure_leaks, pseudonymise_figure

    with Project.open(study, read_only=True) as p:
        engine = Pseudonymiser.for_project(p)
        fig = draw_map(p.maps.get(p.maps.find("Peta Ujang"), "id"), "id")
    assert {leak.entry for leak in figure_leaks(fig, engine)} >= {"Ujang", "Yoga"}
    pseudonymise_figure(fig, engine)
    assert figure_leaks(fig, engine) == []
    out = tmp_path / f"map{suffix}"
    done = CliRunner().invoke(
        cli, ["map", "export", str(study), "Peta Ujang", str(out), "--pseudonymise"]
    )
    assert done.exit_code == 0, done.output and out.stat().st_size > 1000


def test_a_leak_the_guard_cannot_rewrite_fails_unless_accepted(
    study: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same behaviour on every path: hits listed, nothing written; --accept-leaks writes."""
    import qualcode.figures.pseudonymise as figures

    monkeypatch.setattr(figures, "pseudonymise_figure", lambda fig, engine: None)
    out = tmp_path / "map.png"
    argv = ["map", "export", str(study), "Peta Ujang", str(out), "--pseudonymise"]
    refused = CliRunner().invoke(cli, argv)
    assert refused.exit_code == 1 and "'Ujang'" in refused.output and not out.exists()
    accepted = CliRunner().invoke(cli, [*argv, "--accept-leaks"])
    assert accepted.exit_code == 0 and out.exists()
    assert "accepted leak" in accepted.output


def test_display_pseudonymise_needs_a_file(study: Path) -> None:
    done = CliRunner().invoke(cli, ["display", str(study), "matrix", "--pseudonymise"])
    assert done.exit_code == 2 and "--out" in done.output
