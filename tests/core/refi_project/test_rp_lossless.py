"""What REFI-QDA can hold survives export and import: the sample study through the CLI.

Both languages of every codebook-loaded code, the project title and every set come
back; sets that cannot be imported are named in the report; a source without a
name is named after its file, not its GUID.
"""

from __future__ import annotations

import json
import re
import zipfile

import pytest
from click.testing import CliRunner

from qualcode.cli.main import cli
from qualcode.codebooks.export import export_codebook
from qualcode.codebooks.model import iter_codes
from qualcode.interop.refi.format import read_project
from qualcode.interop.refi.project.importer import import_refi, import_refi_as_new
from qualcode.project import Project

_TEXTS = ("label", "definition", "short", "when_to_use", "when_not_to_use")


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lossless")
    runner = CliRunner()
    study, qdpx, back = folder / "x.qdaproj", folder / "x.qdpx", folder / "y.qdaproj"
    for args in (
        ["demo", str(study)],
        ["refi", "export", str(study), str(qdpx)],
        ["refi", "import", str(qdpx), str(back), "--json"],
    ):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
    return study, qdpx, back, json.loads(result.output)


def _texts(path):
    """Every codebook code's texts per language, and the codebook set labels."""
    with Project.open(path, read_only=True) as p:
        book = export_codebook(p).book
    codes = {
        code.id: {name: dict(getattr(code, name)) for name in _TEXTS}
        for _path, code in iter_codes(book.codes)
    }
    return codes, {s.id: (dict(s.label), dict(s.description), s.codes) for s in book.sets}


def test_both_languages_of_definitions_come_back(round_trip):
    study, _qdpx, back, _report = round_trip
    before, sets_before = _texts(study)
    after, sets_after = _texts(back)
    english = sum(1 for c in before.values() for t in c.values() if t.get("en"))
    indonesian = sum(1 for c in before.values() for t in c.values() if t.get("id"))
    assert english > 200 and indonesian > 200
    assert after == before
    assert sets_after == sets_before


def test_other_tools_see_the_english_definition_in_the_description(round_trip):
    _study, qdpx, _back, _report = round_trip
    model = read_project(qdpx)
    described = [c.description for c in model.all_codes() if "Definition (en): " in c.description]
    assert len(described) > 40
    with zipfile.ZipFile(qdpx) as zf:
        assert "qualcode/codebooks.json" in zf.namelist()


def test_title_sets_and_names_come_back(round_trip):
    study, _qdpx, back, report = round_trip
    with Project.open(study, read_only=True) as a, Project.open(back, read_only=True) as b:
        assert b.info().title == a.info().title != back.stem
        sets_a = {(s.name, len(s.code_ids), len(s.source_ids)) for s in a.sets.all()}
        sets_b = {(s.name, len(s.code_ids), len(s.source_ids)) for s in b.sets.all()}
        assert sets_b == sets_a and len(sets_a) == 15
        assert {s.name for s in b.sources.all()} == {s.name for s in a.sources.all()}
    assert "sets-dropped" not in [m["kind"] for m in report["messages"]]


def test_sets_that_cannot_be_imported_are_named(samples, tmp_path):
    with Project.create(tmp_path / "a.qdaproj", coder="ana") as p:
        report = import_refi(samples.atlas_mac, p)
        kept = {s.name for s in p.sets.all()}
    dropped = next(m for m in report.messages if m.kind == "sets-dropped")
    names = set(dropped.params["names"].split(", "))
    assert {"Images", "PDFs", "Video and Audio", "Text files"} <= names
    assert not names & kept
    assert dropped.params["count"] == 16 - len(kept) == len(names)


def test_a_source_without_a_name_is_named_after_its_file(tmp_path):
    ns = "urn:QDA-XML:project:1.0"
    qde = f"""<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="{ns}" name="  Studi   Desa " origin="Some tool">
<Sources>
<TextSource guid="11111111-1111-1111-1111-111111111111"
 richTextPath="relative:///Wawancara%20Kades.docx" plainTextPath="internal://a.txt"/>
<TextSource guid="22222222-2222-2222-2222-222222222222" plainTextPath="relative:///W2%20Camat.txt"/>
</Sources>
</Project>"""
    qdpx = tmp_path / "n.qdpx"
    with zipfile.ZipFile(qdpx, "w") as zf:
        zf.writestr("project.qde", qde)
        zf.writestr("sources/a.txt", b"Teks pertama.")
    model = read_project(qdpx)
    assert [s.name for s in model.sources] == ["Wawancara Kades.docx"]
    missing = next(m for m in model.messages if m.kind == "missing-text")
    assert missing.params["source"] == "W2 Camat.txt"  # its text is outside the archive
    target = tmp_path / "baru.qdaproj"
    import_refi_as_new(qdpx, target)
    with Project.open(target, read_only=True) as p:
        assert p.info().title == "Studi Desa"
        assert "Wawancara Kades.docx" in {s.name for s in p.sources.all()}


def test_clean_files_give_no_word_boundary_warning(round_trip, samples):
    _study, _qdpx, _back, report = round_trip
    kinds = [m["kind"] for m in report["messages"]]
    assert "positions-doubtful" not in kinds and "bare-selections" not in kinds
    for sample in (samples.nvivo, samples.maxqda, samples.atlas_mac):
        assert "positions-doubtful" not in [m.kind for m in read_project(sample).messages]


def test_misaligned_positions_warn_per_source(round_trip, tmp_path):
    _study, qdpx, _back, _report = round_trip
    shifted = tmp_path / "shifted.qdpx"
    with zipfile.ZipFile(qdpx) as zf, zipfile.ZipFile(shifted, "w") as out:
        for name in zf.namelist():
            data = zf.read(name)
            if name == "project.qde":
                data = re.sub(
                    rb'(startPosition|endPosition)="(\d+)"',
                    lambda m: m.group(1) + b'="' + str(int(m.group(2)) + 2).encode() + b'"',
                    data,
                )
            out.writestr(name, data)
    doubtful = [m for m in read_project(shifted).messages if m.kind == "positions-doubtful"]
    assert len(doubtful) >= 9
