"""The identity register: entries, identifying attributes, filling, and the CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from qualcode.cli.main import cli
from qualcode.errors import NotFoundError, ValidationError
from qualcode.identity import variants
from qualcode.project import Project


def _informants(p: Project) -> tuple[int, int]:
    a = p.cases.create("I1").result
    b = p.cases.create("F5").result
    assert a is not None and b is not None
    nama = p.attributes.define("Nama").result
    instansi = p.attributes.define("Instansi").result
    assert nama is not None and instansi is not None
    p.attributes.set_value(nama.id, "Dr. RK", case_id=a.id)
    p.attributes.set_value(instansi.id, "Dinas Kesehatan (Dinkes)", case_id=a.id)
    p.attributes.set_value(nama.id, "Ujang", case_id=b.id)
    p.attributes.set_value(instansi.id, "Desa Mekarwangi", case_id=b.id)
    return a.id, b.id


def test_add_defaults_to_the_case_pseudonym_or_a_placeholder(project: Project) -> None:
    _a, b = _informants(project)
    ujang = project.identities.add("Pak Ujang", case_id=b).result
    phone = project.identities.add("0812-3456-7890", kind="phone").result
    assert ujang is not None and ujang.replacement == "[Informan 2]"
    assert phone is not None and phone.replacement == "[nomor telepon]"
    english = project.identities.add("Kang Ujang", case_id=b, language="en").result
    assert english is not None and english.replacement == "[Informant 2]"


def test_invalid_entries_are_refused_and_change_nothing(project: Project) -> None:
    project.identities.add("Sari", kind="name", replacement="[F2]")
    label = project.undo_label()
    with pytest.raises(ValidationError):
        project.identities.add("  SARI ")  # the same entry, whatever the case and spaces
    with pytest.raises(ValidationError):
        project.identities.add("   ")
    with pytest.raises(ValidationError):
        project.identities.add("Yoga", kind="nick")
    with pytest.raises(NotFoundError):
        project.identities.add("Yoga", case_id=999)
    with pytest.raises(NotFoundError):
        project.identities.mark_attribute("Nope")
    assert [e.text for e in project.identities.all()] == ["Sari"]
    assert project.undo_label() == label


def test_fill_from_identifying_attributes(project: Project) -> None:
    a, b = _informants(project)
    project.identities.mark_attribute("Nama", "name")
    project.identities.mark_attribute("Instansi", "institution")
    project.identities.add("Ujang", kind="nickname", replacement="[warga]")  # user's: kept
    added = project.identities.fill().result
    entries = {e.text: e for e in project.identities.all()}
    assert added == len(entries) - 1
    assert entries["Dr. RK"].replacement == "[Informan 1]" and entries["RK"].case_id == a
    assert {"Dinas Kesehatan (Dinkes)", "Dinas Kesehatan", "Dinkes"} <= set(entries)
    assert entries["Dinkes"].replacement == "[instansi]"
    assert entries["Ujang"].replacement == "[warga]" and entries["Ujang"].origin == "user"
    assert entries["Desa Mekarwangi"].case_id == b
    assert project.identities.fill().result == 0  # nothing new the second time
    assert project.identities.identifying_attributes() == {
        "Nama": "name", "Instansi": "institution"
    }  # fmt: skip
    project.identities.mark_attribute("Nama", None)
    assert project.identities.identifying_attributes() == {"Instansi": "institution"}


def test_longest_first_listing_and_find(project: Project) -> None:
    project.identities.add("Sari", replacement="[F2]")
    project.identities.add("UMKM Keripik Sari", kind="institution")
    assert [e.text for e in project.identities.all()] == ["UMKM Keripik Sari", "Sari"]
    assert project.identities.find("umkm keripik  SARI").kind == "institution"


def test_variants_split_abbreviations_and_titles_only() -> None:
    assert variants("Badan Perencanaan (Bappeda)", "institution") == [
        "Badan Perencanaan (Bappeda)", "Badan Perencanaan", "Bappeda",
    ]  # fmt: skip
    assert variants("Warga (petani dan tukang ojek)", "post") == ["Warga (petani dan tukang ojek)"]
    assert variants("Dr. RK", "name") == ["Dr. RK", "RK"]
    assert variants("Pak  Ujang", "name") == ["Pak Ujang", "Ujang"]


def test_identity_cli(project_path, tmp_path) -> None:
    with Project.create(project_path, coder="ana") as p:
        _informants(p)
    run = CliRunner().invoke
    base = str(project_path)
    assert run(cli, ["identity", "mark", base, "Nama"]).exit_code == 0
    assert run(cli, ["identity", "mark", base, "Instansi", "--kind", "institution"]).exit_code == 0
    out = run(cli, ["identity", "fill", base])
    assert out.exit_code == 0 and "Added 7 entries" in out.output
    out = run(cli, ["identity", "add", base, "Mas Yoga", "--kind", "person"])
    assert out.exit_code == 0 and "[nama orang]" in out.output
    out = run(cli, ["identity", "edit", base, "mas yoga", "--replacement", "[pemuda]"])
    assert out.exit_code == 0
    listed = json.loads(run(cli, ["identity", "list", base, "--json"]).output)
    texts = {e["text"]: e for e in listed["entries"]}
    assert texts["Mas Yoga"]["replacement"] == "[pemuda]" and texts["Ujang"]["case"] == "F5"
    assert listed["identifying_attributes"] == {"Nama": "name", "Instansi": "institution"}
    out = run(cli, ["identity", "remove", base, "Mas Yoga", "Dinkes"])
    assert out.exit_code == 0 and "Removed 2 entries" in out.output
    out = run(cli, ["identity", "remove", base, "Nobody"])
    assert out.exit_code == 1 and "no entry 'Nobody'" in out.output
    table = run(cli, ["identity", "list", base]).output
    assert "Dinas Kesehatan" in table and "Mas Yoga" not in table
