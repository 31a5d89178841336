"""Concept maps: three nodes and two links survive saving, undo/redo and reopening; export SVG."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from qualcode.cli.main import cli
from qualcode.errors import ValidationError
from qualcode.project import Project
from support.snapshots import snapshot


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_map_round_trip_undo_redo_reopen(project_path: Path, tmp_path: Path) -> None:
    with Project.create(project_path, coder="ana") as p:
        a = p.codes.create("Anggaran").result
        s = p.codes.create("Sosialisasi").result
        case = p.cases.create("I1").result
        assert a and s and case
        empty = snapshot(p)
        m = p.maps.create("Model temuan").result
        assert m is not None
        nodes = p.maps.add_nodes(m.id, [("code", a.id, "", 0, 0), ("code", s.id, "", 200, 0),
                                        ("case", case.id, "", 100, 150)]).result  # fmt: skip
        assert nodes is not None
        p.maps.link(nodes[0], nodes[1], "causes")
        p.maps.link(nodes[2], nodes[1], "supports", "menyebut")
        p.maps.move_nodes([(nodes[0], -40, 10), (nodes[2], 120, 160)])
        before = snapshot(p)
        assert p.undo_label() == "Move map nodes"
        p.undo()
        assert p.maps.get(m.id).nodes[0].x == 0
        p.redo()
        assert snapshot(p) == before
    with Project.open(project_path, coder="ana") as p:
        record = p.maps.get(p.maps.find("model temuan"))
        assert [(n.kind, n.label, n.x) for n in record.nodes] == [
            ("code", "Anggaran", -40),
            ("code", "Sosialisasi", 200),
            ("case", "I1", 120),
        ]
        assert [(lk.relation, lk.label) for lk in record.links] == [
            ("causes", ""),
            ("supports", "menyebut"),
        ]
        p.codes.rename(a.id, "Keterbatasan anggaran")
        assert p.maps.get(record.id).nodes[0].label == "Keterbatasan anggaran"
        p.maps.remove_nodes([record.nodes[1].id])  # its two links go with it
        assert p.maps.get(record.id).links == []
        for _ in range(7):
            p.undo()
        assert snapshot(p) == empty


def test_bad_map_input_is_refused(project: Project) -> None:
    m = project.maps.create("Peta").result
    assert m is not None
    with pytest.raises(ValidationError, match="already exists"):
        project.maps.create("peta")
    with pytest.raises(ValidationError, match="needs some text"):
        project.maps.add_nodes(m.id, [("note", None, "  ", 0, 0)])
    (n,) = project.maps.add_nodes(m.id, [("note", None, "Kebijakan daerah", 0, 0)]).result or []
    with pytest.raises(ValidationError, match="two different nodes"):
        project.maps.link(n, n)
    with pytest.raises(ValidationError, match="relation"):
        project.maps.link(n, n + 1, "explains")


def test_map_cli_builds_links_codebook_relations_and_exports_svg(
    sample_study_file: Path, tmp_path: Path
) -> None:
    import shutil

    path = tmp_path / "s.qdaproj"
    shutil.copy(sample_study_file, path)
    run("map", "new", str(path), "Faktor")
    run(
        "map",
        "add",
        str(path),
        "Faktor",
        "code:Sumber daya",
        "code:Faktor penghambat",
        "case:I1",
        "note:Komitmen bupati",
        "--at",
        "0,0",
        "--at",
        "220,0",
    )
    run(
        "map",
        "link",
        str(path),
        "Faktor",
        "Faktor penghambat",
        "Sumber daya",
        "--relation",
        "causes",
    )
    run("map", "link", str(path), "Faktor", "I1", "Komitmen bupati", "--label", "menekankan")
    shown = json.loads(run("map", "show", str(path), "Faktor", "--json"))
    assert len(shown["nodes"]) == 4 and len(shown["links"]) >= 2
    svg = tmp_path / "m.svg"
    run("map", "export", str(path), "Faktor", str(svg))
    texts = " ".join(etree.parse(str(svg)).getroot().itertext())
    assert "Sumber daya" in texts and "menekankan" in texts and "menyebabkan" in texts
    assert json.loads(run("map", "list", str(path), "--json"))[0]["nodes"] == 4
