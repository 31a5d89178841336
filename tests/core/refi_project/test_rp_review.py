"""Review comments travel in REFI-QDA: notes on what they discuss, read back as comments
(threads, replies, status, who and when), pseudonymised when asked, imported once."""

from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from qualcode.cli.main import cli
from qualcode.interop.refi.format import schema_problems
from qualcode.interop.refi.project.exporter import export_qdpx
from qualcode.interop.refi.project.importer import import_refi, import_refi_as_new
from qualcode.project import Project

NS = "{urn:QDA-XML:project:1.0}"
TEXT = "P: Bagaimana sosialisasinya?\nI: Pak Ujang bilang sosialisasi belum sampai ke desa.\n"


def _reviewed(path: Path) -> dict[str, int]:
    with Project.create(path, coder="peneliti") as p:
        source = p.sources.add_text("W1 Kades", TEXT, language="id").result
        code = p.codes.create("Sosialisasi").result
        assert source is not None and code is not None
        start = TEXT.index("Pak Ujang")
        coding = p.codings.apply(source.id, start, start + 40, code.id).result
        claim = p.conclusions.create("Sosialisasi belum merata.").result
        p.identities.add("Ujang", kind="name", replacement="[Informan 3]")
    with Project.open(path, coder="pembimbing") as r:
        on_code = r.review.add("code", code.id, "Definisinya terlalu luas.").result
        on_coding = r.review.add("coding", coding.id, "Apakah Pak Ujang mewakili warga?").result
        r.review.add("excerpt", source.id, "Kutipan ini kuat.", row_key="0", col_key="20")
        r.review.add("conclusion", claim.id, "Bukti dari satu informan saja?")
        r.review.resolve(on_code.id)
    with Project.open(path, coder="peneliti") as p:
        p.review.reply(on_coding.id, "Ya, beliau ketua RT.")
    return {"code": code.id, "coding": coding.id}


def _threads(p: Project) -> list[tuple[object, ...]]:
    out = []
    for c in p.review.list(status=None):
        where = p.review.where(c)
        out.append((c.target, c.author, c.text, c.status, c.resolved_by, where.code, where.quote,
                    [(r.author, r.text) for r in c.replies]))  # fmt: skip
    return sorted(out, key=str)


def test_comments_round_trip_as_notes_on_their_targets(tmp_path: Path) -> None:
    path = tmp_path / "s.qdaproj"
    _reviewed(path)
    out = tmp_path / "s.qdpx"
    with Project.open(path, read_only=True) as p:
        report = export_qdpx(p, out)
        before = _threads(p)
        uids = sorted(c.uid for c in p.review.list(status=None))
    assert "review-comments" in report.kinds()
    qde = zipfile.ZipFile(out).read("project.qde")
    assert schema_problems(qde, "project") == []
    root = etree.fromstring(qde)
    notes = {n.get("guid"): n for n in root.iter(NS + "Note")}
    texts = {g: n.findtext(NS + "PlainTextContent") for g, n in notes.items()}
    code = next(c for c in root.iter(NS + "Code") if c.get("name") == "Sosialisasi")
    on_code = [texts[r.get("targetGUID")] for r in code.findall(NS + "NoteRef")]
    assert on_code == ["Definisinya terlalu luas."]
    coding = next(root.iter(NS + "Coding"))
    assert sorted(texts[r.get("targetGUID")] for r in coding.findall(NS + "NoteRef")) == [
        "Apakah Pak Ujang mewakili warga?", "Ya, beliau ketua RT."]  # fmt: skip
    project_refs = [texts[r.get("targetGUID")] for r in root.findall(NS + "NoteRef")]
    assert project_refs == ["Bukti dari satu informan saja?"]

    new = tmp_path / "back.qdaproj"
    import_refi_as_new(out, new, coder="peneliti")
    with Project.open(new, coder="peneliti") as back:
        after = _threads(back)
        assert sorted(c.uid for c in back.review.list(status=None)) == uids
        assert back.info().memos == 0  # comments, not memos
        assert after == before  # code, coding and excerpt found again; quotes kept
        again = import_refi(out, back)  # importing twice adds nothing
        assert again.counts.get("review comments") == 0
        assert again.matched.get("review comments") == 5
        assert _threads(back) == before


def test_pseudonymised_export_carries_no_name_in_comments(tmp_path: Path) -> None:
    path = tmp_path / "s.qdaproj"
    _reviewed(path)
    out = tmp_path / "masked.qdpx"
    done = CliRunner().invoke(cli, ["refi", "export", str(path), str(out), "--pseudonymise"])
    assert done.exit_code == 0, done.output
    with zipfile.ZipFile(out) as zf:
        raw = b"".join(zf.read(n) for n in zf.namelist())
    assert b"Ujang" not in raw and b"[Informan 3] mewakili warga?" in raw
    new = tmp_path / "back.qdaproj"
    import_refi_as_new(out, new, coder="peneliti")
    with Project.open(new, read_only=True) as back:
        texts = [c.text for c in back.review.list(status=None)]
        quotes = [back.review.where(c).quote for c in back.review.list(status=None)]
    assert "Apakah Pak [Informan 3] mewakili warga?" in texts
    assert not any("Ujang" in q for q in quotes)
