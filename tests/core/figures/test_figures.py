"""Figures: charts of displays, cluster analysis (checked by hand), hierarchy and comparison."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from qualcode.cli.main import cli
from qualcode.errors import ValidationError
from qualcode.figures.cluster import cluster, similarity
from qualcode.figures.hierarchy import compare_codes, squarify
from qualcode.project import Project


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_factors_png_and_matrix_svg(sample_study_file: Path, tmp_path: Path) -> None:
    png = tmp_path / "f.png"
    run("chart", str(sample_study_file), "factors", str(png))
    width, height = _png_size(png)
    assert 1400 <= width <= 1430  # 12 cm at 300 dpi
    assert height > 600
    svg = tmp_path / "m.svg"
    run("chart", str(sample_study_file), "matrix", str(svg), "--language", "en")
    tree = etree.parse(str(svg))
    texts = " ".join(t for t in tree.getroot().itertext())
    assert "Kejelasan" in texts and "Fragmentasi" in texts  # code labels are text, not paths
    assert "Number of codings" in texts


def test_every_display_type_charts(sample_study_file: Path, tmp_path: Path) -> None:
    for type_ in ("coverage", "cooccurrence", "framework", "time_ordered", "role_ordered"):
        out = tmp_path / f"{type_}.svg"
        run("chart", str(sample_study_file), type_, str(out))
        assert etree.parse(str(out)).getroot().tag.endswith("svg")
    run(
        "chart",
        str(sample_study_file),
        "checklist",
        str(tmp_path / "c.pdf"),
        "--variable",
        "Sumber daya",
    )
    assert (tmp_path / "c.pdf").read_bytes()[:4] == b"%PDF"


def test_bad_format_and_kind_are_clear(sample_study_file: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["chart", str(sample_study_file), "factors", str(tmp_path / "x.bmp")]
    )
    assert result.exit_code != 0 and ".png, .svg or .pdf" in result.output
    assert not (tmp_path / "x.bmp").exists()


def _tiny(path: Path) -> Project:
    """Three codes over four lines of one source, coded by hand-chosen lines."""
    p = Project.create(path, coder="ana")
    text = "satu baris\ndua baris\ntiga baris\nempat baris"
    src = p.sources.add_text("S1", text).result
    a, b, c = (p.codes.create(n).result for n in ("A", "B", "C"))
    assert src and a and b and c
    starts = [0, 11, 21, 32]

    def line(i: int) -> tuple[int, int]:
        return starts[i], starts[i] + 4

    for code, lines in ((a, [0, 1, 2]), (b, [1, 2, 3]), (c, [3])):
        for i in lines:
            p.codings.apply(src.id, *line(i), code.id)
    return p


def test_coding_similarity_by_hand(tmp_path: Path) -> None:
    with _tiny(tmp_path / "t.qdaproj") as p:
        sim = similarity(p, by="coding", items="codes", measure="jaccard")
        assert sim.labels == ["A", "B", "C"]
        m = sim.matrix
        # A={1,2,3}, B={2,3,4}, C={4}: J(A,B)=2/4, J(A,C)=0, J(B,C)=1/3
        assert m[0, 1] == pytest.approx(0.5) and m[0, 2] == 0 and m[1, 2] == pytest.approx(1 / 3)
        sor = similarity(p, by="coding", items="codes", measure="sorensen").matrix
        # S(A,B)=2*2/6, S(B,C)=2*1/4
        assert sor[0, 1] == pytest.approx(2 / 3) and sor[1, 2] == pytest.approx(0.5)
        result = cluster(sim)
        # A and B (distance 0.5) join first, then C at the average of 1 and 2/3.
        assert result.linkage[0][:3].tolist() == [0.0, 1.0, pytest.approx(0.5)]
        assert result.linkage[1][2] == pytest.approx((1.0 + 2 / 3) / 2)


def test_cluster_cli_json_and_words(sample_study_file: Path, tmp_path: Path) -> None:
    out = json.loads(
        run(
            "cluster",
            str(sample_study_file),
            "--by",
            "coding",
            "--items",
            "sources",
            "--measure",
            "pearson",
            "--json",
        )
    )
    n = len(out["labels"])
    assert n == 11 and len(out["matrix"]) == n
    assert all(out["matrix"][i][i] == 1 for i in range(n))
    svg = tmp_path / "c.svg"
    run("cluster", str(sample_study_file), str(svg), "--by", "words", "--items", "sources")
    assert "W1 Kepala Diskominfo" in " ".join(etree.parse(str(svg)).getroot().itertext())


def test_cluster_needs_two_items(tmp_path: Path) -> None:
    with Project.create(tmp_path / "e.qdaproj", coder="ana") as p:
        p.codes.create("A")
        with pytest.raises(ValidationError, match="at least two"):
            cluster(similarity(p))


def test_squarify_fills_the_rectangle() -> None:
    rects = squarify([6, 6, 4, 3, 2, 2, 1], (0, 0, 6, 4))
    assert sum(w * h for _x, _y, w, h in rects) == pytest.approx(24)
    for (x, y, w, h), size in zip(rects, [6, 6, 4, 3, 2, 2, 1], strict=True):
        assert w * h == pytest.approx(size)
        assert x >= 0 and y >= 0 and x + w <= 6 + 1e-9 and y + h <= 4 + 1e-9


def test_hierarchy_and_comparison(sample_study_file: Path, tmp_path: Path) -> None:
    run("chart", str(sample_study_file), "hierarchy", str(tmp_path / "h.svg"))
    texts = " ".join(etree.parse(str(tmp_path / "h.svg")).getroot().itertext())
    assert "Sumber daya" in texts
    with Project.open(sample_study_file, read_only=True) as p:
        cmp = compare_codes(p, "cases", "I1", "F1")
    assert set(cmp.both).isdisjoint(cmp.only_first) and set(cmp.both).isdisjoint(cmp.only_second)
    run("chart", str(sample_study_file), "compare", str(tmp_path / "c.png"), "--cases", "I1", "F1")
    assert _png_size(tmp_path / "c.png")[0] > 1000


def test_export_display_with_chart_has_image_and_seq_caption(
    sample_study_file: Path, tmp_path: Path
) -> None:
    import zipfile

    out = tmp_path / "f.docx"
    run("export", "display", str(sample_study_file), "factors", str(out), "--chart")
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        body = z.read("word/document.xml").decode("utf-8")
    assert any(n.startswith("word/media/") and n.endswith(".png") for n in names)
    assert "SEQ Gambar" in body and "Gambar " in body
    result = CliRunner().invoke(
        cli,
        [
            "export",
            "display",
            str(sample_study_file),
            "factors",
            str(tmp_path / "f.xlsx"),
            "--chart",
        ],
    )
    assert result.exit_code != 0 and ".docx" in result.output


def test_report_with_charts_in_word_and_html(sample_study_file: Path, tmp_path: Path) -> None:
    import zipfile

    docx = tmp_path / "r.docx"
    run(
        "export",
        "report",
        str(sample_study_file),
        str(docx),
        "--display",
        "factors",
        "--no-excerpts",
        "--charts",
        "--quiet",
    )
    with zipfile.ZipFile(docx) as z:
        assert any(n.startswith("word/media/") for n in z.namelist())
        assert "SEQ Gambar" in z.read("word/document.xml").decode("utf-8")
    html = tmp_path / "r.html"
    run(
        "export",
        "report",
        str(sample_study_file),
        str(html),
        "--display",
        "factors",
        "--no-excerpts",
        "--charts",
        "--quiet",
        "--language",
        "en",
    )
    text = html.read_text(encoding="utf-8")
    assert "<svg" in text and "Figure 1." in text
