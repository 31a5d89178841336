"""Selection positions on export: code points (the standard) or UTF-16 units (NVivo).

An NVivo-for-Windows-style project (BOM, CRLF, emoji; positions in UTF-16 units) is
built from the real NVivo sample, imported, exported again with ``--positions nvivo``
and read back by a minimal NVivo-style reader written here: every selection's text
must be exactly the text NVivo coded.
"""

from __future__ import annotations

import zipfile
from bisect import bisect_left
from collections import Counter
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from qualcode.cli.main import cli
from qualcode.interop.refi.project.exporter import export_qdpx
from qualcode.interop.refi.project.importer import import_refi
from qualcode.project import Project


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _member(names: list[str], path: str) -> str:
    wanted = "sources/" + path.removeprefix("internal://")
    return next(n for n in names if n.lower() == wanted.lower())


def read_selections(qdpx: Path, *, utf16: bool) -> Counter[tuple[str, str, str]]:
    """(source name, selected text with LF breaks, code name) for every coding.

    The text is sliced from the stored ``.txt`` (a BOM counts 0) by UTF-16 code
    units when ``utf16`` (NVivo's way), else by code points (the standard's).
    """
    with zipfile.ZipFile(qdpx) as zf:
        names = zf.namelist()
        qde = next(n for n in names if n.endswith(".qde"))
        root = etree.fromstring(zf.read(qde))
        codes = {e.get("guid"): e.get("name") for e in root.iter() if _local(e.tag) == "Code"}
        out: Counter[tuple[str, str, str]] = Counter()
        for source in root.iter():
            if _local(source.tag) != "TextSource":
                continue
            raw = zf.read(_member(names, source.get("plainTextPath"))).decode("utf-8")
            raw = raw.removeprefix("\ufeff")
            units = raw.encode("utf-16-le")
            for sel in source:
                if _local(sel.tag) != "PlainTextSelection":
                    continue
                a, b = int(sel.get("startPosition")), int(sel.get("endPosition"))
                if utf16:
                    text = units[2 * a : 2 * b].decode("utf-16-le", errors="replace")
                else:
                    text = raw[a:b]
                text = text.replace("\r\n", "\n")
                for coding in sel:
                    if _local(coding.tag) != "Coding":
                        continue
                    ref = next(c for c in coding if _local(c.tag) == "CodeRef")
                    out[(source.get("name"), text, codes[ref.get("targetGUID")])] += 1
    return out


def windows_style(sample: Path, out: Path) -> Path:
    """The NVivo-for-Mac sample rewritten the way NVivo for Windows writes: BOM + CRLF.

    Positions stay UTF-16 units; every line break before a position now counts 2.
    """
    with zipfile.ZipFile(sample) as zf:
        files = {n: zf.read(n) for n in zf.namelist()}
    root = etree.fromstring(files["project.qde"])
    root.set("origin", "NVivo 14.23.0 (Windows)")
    for source in root.iter():
        if _local(source.tag) != "TextSource":
            continue
        member = _member(list(files), source.get("plainTextPath"))
        text = files[member].decode("utf-8")
        assert "\r" not in text and not text.startswith("\ufeff")
        units = text.encode("utf-16-le")
        breaks = [i // 2 for i in range(0, len(units), 2) if units[i : i + 2] == b"\n\x00"]
        for sel in source.iter():
            if _local(sel.tag) == "PlainTextSelection":
                for attr in ("startPosition", "endPosition"):
                    pos = int(sel.get(attr))
                    sel.set(attr, str(pos + bisect_left(breaks, pos)))
        files[member] = ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8")
    files["project.qde"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return out


def test_nvivo_windows_project_round_trips_exact_in_utf16(samples, tmp_path):
    original = windows_style(samples.nvivo, tmp_path / "windows.qdpx")
    expected = read_selections(original, utf16=True)
    assert expected == read_selections(samples.nvivo, utf16=True)
    assert sum(expected.values()) == 297
    # The built file really has emoji, CRLF and a BOM before coded text.
    assert any("\U0001f621" in text for _s, text, _c in expected)

    project = tmp_path / "p.qdaproj"
    with Project.create(project, coder="ana") as p:
        import_refi(original, p)
    nvivo = tmp_path / "nvivo.qdpx"
    result = CliRunner().invoke(
        cli, ["refi", "export", str(project), str(nvivo), "--positions", "nvivo"]
    )
    assert result.exit_code == 0, result.output
    assert "UTF-16 code units (NVivo)" in result.output
    got = read_selections(nvivo, utf16=True)
    # NVivo repeats a selection per coding; QualCode merges them: compare what is coded.
    assert set(got) == set(expected)
    assert sum(got.values()) == sum(expected.values())

    # The standard's code points read exact with a code-point reader, and wrong the
    # NVivo way (so the reader above can tell the two apart).
    spec = tmp_path / "spec.qdpx"
    with Project.open(project, read_only=True) as p:
        report = export_qdpx(p, spec)
    assert "unit-model" in report.kinds()
    assert set(read_selections(spec, utf16=False)) == set(expected)
    assert set(read_selections(spec, utf16=True)) != set(expected)


def test_own_nvivo_export_reimports_to_the_same_codings(tmp_path):
    stored = "P: Halo 😀 semua\nI: Anggaran 💸 kurang\nP: 𝕏 baik\n"
    project = tmp_path / "a.qdaproj"
    with Project.create(project, coder="ana") as p:
        src = p.sources.add_text("W1", stored).result
        code = p.codes.create("Anggaran").result
        assert src is not None and code is not None
        for phrase in ("Anggaran 💸 kurang", "𝕏 baik", "😀"):
            start = stored.index(phrase)
            p.codings.apply(src.id, start, start + len(phrase), code.id)
    out = tmp_path / "a.qdpx"
    with Project.open(project, read_only=True) as p:
        export_qdpx(p, out, positions="nvivo")
    assert set(read_selections(out, utf16=True)) == {
        ("W1", "Anggaran 💸 kurang", "Anggaran"),
        ("W1", "𝕏 baik", "Anggaran"),
        ("W1", "😀", "Anggaran"),
    }
    again = tmp_path / "b.qdaproj"
    with Project.create(again, coder="ana") as p:
        report = import_refi(out, p)
        assert "unit-model-fallback" not in report.kinds()
        src2 = p.sources.all()[0]
        texts = {p.sources.text(src2.id)[c.start : c.end] for c in p.codings.in_source(src2.id)}
    assert texts == {"Anggaran 💸 kurang", "𝕏 baik", "😀"}
