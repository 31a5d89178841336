"""Codebook tables loaded into a project: own-export round trips, merging, undo, CLI."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from qualcode.cli.main import cli
from qualcode.codebooks.files import CodebookError
from qualcode.codebooks.office import export_codebook_docx, export_codebook_xlsx
from qualcode.codebooks.project import load_codebook_into, read_baselines
from qualcode.errors import NotFoundError
from qualcode.project import Project
from support.codebook_tables import write_csv, write_docx, write_xlsx
from support.snapshots import snapshot

TABLE = [
    ["Tabel 3.2 Operasionalisasi konsep"],
    ["Variabel", "Indikator", "Definisi", "Kapan digunakan"],
    ["Komunikasi", "Sosialisasi", "Informasi sampai ke warga.", "Cerita sosialisasi"],
    [None, "Kejelasan", "Juknis jelas.", ""],
    ["Sumber daya", "Staf", "Pegawai cukup.", ""],
]


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    p = Project.create(tmp_path / "p.qdaproj", coder="ana")
    try:
        yield p
    finally:
        p.close()


def _tree(project: Project) -> list[tuple[str, str | None, str, str, Any]]:
    return [
        (project.codes.path_text(c.id), c.codebook_code, c.description, c.inclusion, c.labels)
        for c in project.codes.all()
    ]


def test_load_table_is_one_undo_step_and_reload_merges(project: Project, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "operasional.xlsx", TABLE)
    before = project.undo_label()
    report = load_codebook_into(project, path)
    assert report.codebook == "operasional" and report.language == "id"
    assert len(report.created) == 5
    names = [project.codes.path_text(c.id) for c in project.codes.all()]
    assert names == [
        "Komunikasi", "Komunikasi / Sosialisasi", "Komunikasi / Kejelasan", "Sumber daya",
        "Sumber daya / Staf",
    ]  # fmt: skip
    sosialisasi = next(c for c in project.codes.all() if c.name == "Sosialisasi")
    assert sosialisasi.description == "Informasi sampai ke warga."
    assert sosialisasi.inclusion == "Cerita sosialisasi"
    again = load_codebook_into(project, path)
    assert not again.changed and len(again.unchanged) == 5 and len(project.codes.all()) == 5
    # The researcher edits the table: a new indicator and a sharper definition.
    edited = [*TABLE[:4], ["Sumber daya", "Staf", "Pegawai cukup dan kompeten.", ""]]
    edited.append([None, "Anggaran", "Dana tersedia.", ""])
    third = load_codebook_into(project, write_xlsx(path, edited))
    assert third.created == ("SUMBER_DAYA.ANGGARAN",)
    assert third.updated == ("SUMBER_DAYA.STAF",) and len(project.codes.all()) == 6
    project.undo()  # the edited table's load goes back as a whole
    assert len(project.codes.all()) == 5
    project.undo()
    project.undo()
    assert project.codes.all() == [] and project.undo_label() == before
    project.redo()
    assert len(project.codes.all()) == 5


@pytest.mark.parametrize("language", [None, "id", "en"])
def test_own_xlsx_export_round_trip(project: Project, tmp_path: Path, language: str | None) -> None:
    load_codebook_into(project, "edwards3")
    out = export_codebook_xlsx(project, tmp_path / "cb.xlsx", "edwards3", language=language)
    with Project.create(tmp_path / "fresh.qdaproj", coder="ana") as fresh:
        report = load_codebook_into(fresh, out, language=language or "id")
        assert report.codebook == "edwards3"
        if language == "en":  # names and texts in English now
            with Project.create(tmp_path / "en.qdaproj", coder="ana") as english:
                load_codebook_into(english, "edwards3", language="en")
                assert _tree(fresh) == _tree(english)
        else:
            assert _tree(fresh) == _tree(project)
    # Back into the project it came from: nothing doubles; in its own language nothing changes
    # (in English the codes are renamed, as reloading any codebook in another language does).
    again = load_codebook_into(project, out, language=language or "id")
    assert len(project.codes.all()) == 17 and not again.created and not again.conflicts
    assert again.changed == (language == "en")


def test_own_docx_export_round_trip(project: Project, tmp_path: Path) -> None:
    load_codebook_into(project, "edwards3")
    out = export_codebook_docx(project, tmp_path / "lampiran.docx", "edwards3", language="id")
    with Project.create(tmp_path / "fresh.qdaproj", coder="ana") as fresh:
        report = load_codebook_into(fresh, out)
        assert report.codebook == "edwards3" and len(report.created) == 17
        mine = [(path, code, desc, inc) for path, code, desc, inc, _labels in _tree(project)]
        theirs = [(path, code, desc, inc) for path, code, desc, inc, _labels in _tree(fresh)]
        assert theirs == mine
    # The Word table has one language; reloading it keeps the English labels and texts.
    baseline = read_baselines(project)["edwards3"][0]
    again = load_codebook_into(project, out)
    assert not again.changed
    assert read_baselines(project)["edwards3"][0] == baseline


def test_edited_export_merges_into_its_codebook(project: Project, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    load_codebook_into(project, "edwards3")
    out = export_codebook_xlsx(project, tmp_path / "edit.xlsx", "edwards3", language="id")
    book = load_workbook(out)
    sheet = book.active
    assert sheet is not None
    for row in sheet.iter_rows(min_row=2):
        if row[1].value == "COM.1":
            row[5].value = "Definisi baru dari pembimbing."
    sheet.append(["Komunikasi / Umpan balik", "COM.4", "Feedback", "Umpan balik", "", "Balikan."])
    book.save(out)
    report = load_codebook_into(project, out)
    assert report.created == ("COM.4",) and report.updated == ("COM.1",)
    com1 = next(c for c in project.codes.all() if c.codebook_code == "COM.1")
    assert com1.description == "Definisi baru dari pembimbing."
    baseline = read_baselines(project)["edwards3"][0]
    code = baseline.code("COM.1")
    assert code is not None and code.definition["en"].startswith("Whether the policy")  # kept
    assert baseline.reference is not None and baseline.sets  # kept from the YAML codebook


@pytest.mark.parametrize(
    ("name", "rows", "error"),
    [
        ("nohead.csv", [["Nama", "Umur"], ["Ani", "30"]], CodebookError),
        ("dupe.csv", [["Kategori", "Kode"], ["A", "Satu"], [None, "Satu"]], CodebookError),
        ("cycle.csv", [["Kode", "Induk"], ["Satu", "Dua"], ["Dua", "Satu"]], CodebookError),
        ("missing.xlsx", None, NotFoundError),
        ("codes.qdc", [["x"]], CodebookError),
    ],
)
def test_bad_input_leaves_the_project_as_it_was(
    project: Project, tmp_path: Path, name: str, rows: list[list[str]] | None, error: type
) -> None:
    load_codebook_into(project, write_xlsx(tmp_path / "ok.xlsx", TABLE))
    state, baselines, step = snapshot(project), read_baselines(project), project.undo_label()
    path = tmp_path / name
    if rows is not None:
        write_csv(path, rows)
    with pytest.raises(error, match=name.replace(".", r"\.")):
        load_codebook_into(project, path)
    assert snapshot(project) == state and read_baselines(project) == baselines
    assert project.undo_label() == step


def test_word_table_loads_in_english(project: Project, tmp_path: Path) -> None:
    rows = [
        ["Code", "Definition", "Example"],
        ["1. Communication", "How orders travel.", ""],
        ["1.1 Transmission", "Passed on.", "We held a briefing."],
    ]
    report = load_codebook_into(project, write_docx(tmp_path / "cb.docx", rows), language="en")
    assert report.language == "en"
    codes = project.codes.all()
    assert [project.codes.path_text(c.id) for c in codes] == [
        "Communication", "Communication / Transmission",
    ]  # fmt: skip
    assert codes[1].example == "We held a briefing." and codes[1].description == "Passed on."


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def test_cli_load_table_end_to_end(tmp_path: Path) -> None:
    path = str(tmp_path / "p.qdaproj")
    run("new", path, "--coder", "ana")
    table = str(write_csv(tmp_path / "kerangka.csv", TABLE, delimiter=";", encoding="cp1252"))
    out = run("codebook", "load", path, table, "--coder", "ana")
    assert "Codebook kerangka (id)" in out and "created: 5" in out
    out = run("codebook", "load", path, table, "--coder", "ana")
    assert "created: 0" in out and "unchanged: 5" in out
    assert "Komunikasi" in run("codebook", "show", table)
    bad = str(write_csv(tmp_path / "bad.csv", [["Nama"], ["Ani"]]))
    out = run("codebook", "load", path, bad, "--coder", "ana", code=1)
    assert "bad.csv: no column of codes found" in out and "Traceback" not in out
    qdc = tmp_path / "cb.qdc"
    qdc.write_text("<CodeBook/>", encoding="utf-8")
    out = run("codebook", "load", path, str(qdc), "--coder", "ana", code=1)
    assert ".yaml, .xlsx, .csv and .docx" in out and "looked in" not in out
    with Project.open(path, coder="ana") as p:
        assert len(p.codes.all()) == 5
