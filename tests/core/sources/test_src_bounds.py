"""Bounded inputs: office documents are checked for zip bombs and text size while streamed."""

from __future__ import annotations

import io
import random
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from qualcode.errors import ImportFailedError
from qualcode.project import Project
from qualcode.sources.extract import extract_bytes
from qualcode.sources.importing import import_file

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WORDS = [
    "anggaran",
    "desa",
    "terbatas",
    "jaringan",
    "lemah",
    "pelayanan",
    "publik",
    "koordinasi",
    "dinas",
    "warga",
]


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def _docx_body(paragraphs: int) -> bytes:
    """Varied text, so it compresses like a real transcript (not like a bomb)."""
    rng = random.Random(16)
    body = "".join(
        f"<w:p><w:r><w:t>{' '.join(rng.choices(WORDS, k=70))} {n}</w:t></w:r></w:p>"
        for n in range(paragraphs)
    )
    return f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'.encode()


@pytest.fixture
def no_docx_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """python-docx must never be reached for a refused file."""
    import docx

    def boom(*_a: object, **_k: object) -> None:
        raise AssertionError("the document was parsed before the bounds were checked")

    monkeypatch.setattr(docx, "Document", boom)


def test_docx_of_zeros_is_refused_as_a_zip_bomb_with_little_memory(no_docx_parse: None) -> None:
    data = _zip({"word/document.xml": b"\0" * (200 * 1024 * 1024)})
    assert len(data) < 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(ImportFailedError, match="zip bomb"):
            extract_bytes(data, "bom.docx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024


def test_docx_with_too_much_text_is_stopped_while_streaming(no_docx_parse: None) -> None:
    data = _zip({"word/document.xml": _docx_body(3000)})  # about 1.4 MB of text
    with pytest.raises(ImportFailedError, match="more than 1 MB of text"):
        extract_bytes(data, "tebal.docx", max_text=1024 * 1024)


def test_docx_within_the_limits_still_imports(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for _ in range(50):
        document.add_paragraph("Anggaran desa terbatas, kata Pak Kades.")
    path = tmp_path / "wawancara.docx"
    document.save(path)
    source = extract_bytes(path.read_bytes(), path.name, max_text=10_000)
    assert source.text.count("Anggaran desa terbatas") == 50
    with pytest.raises(ImportFailedError, match="more than 0 MB"):
        extract_bytes(path.read_bytes(), path.name, max_text=500)


def test_odt_space_run_bomb_is_refused() -> None:
    content = (
        b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        b' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        b'<text:p>a<text:s text:c="2000000000"/>b</text:p></office:text></office:body>'
        b"</office:document-content>"
    )
    data = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": content})
    with pytest.raises(ImportFailedError, match="MB of text"):
        extract_bytes(data, "spasi.odt")


def test_the_settings_limit_applies_to_imports(tmp_path: Path) -> None:
    from qualcode.settings import Settings

    Settings(max_text_mb=1).save()
    path = tmp_path / "tebal.docx"
    path.write_bytes(_zip({"word/document.xml": _docx_body(3000)}))
    project_path = tmp_path / "p.qdaproj"
    with Project.create(project_path, coder="ana") as p:
        with pytest.raises(ImportFailedError, match="more than 1 MB"):
            import_file(p, path)
        assert p.sources.all() == []
