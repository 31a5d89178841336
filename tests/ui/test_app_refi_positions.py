"""File › Export › REFI-QDA project for NVivo: selection positions in UTF-16 units."""

from __future__ import annotations

import zipfile

from lxml import etree

from qualcode.ui.shell import dialogs


def test_nvivo_export_counts_utf16_units(main_window, qtbot, monkeypatch, tmp_path):
    w = main_window
    text = "Warga senang 😀😀 karena aplikasi berjalan lancar."
    source = w.project.sources.add_text("Emoji", text).result
    code = w.project.codes.find("Communication")
    start = text.index("aplikasi")
    w.project.codings.apply(source.id, start, start + len("aplikasi"), code.id)
    w.commands.refresh()
    assert "export.qdpx.nvivo" in [a.objectName() for a in w.commands.submenus["export"].actions()]
    out = tmp_path / "nvivo.qdpx"
    monkeypatch.setattr(dialogs, "save_file", lambda *_a, **_k: str(out))
    monkeypatch.setattr(dialogs, "inform", lambda *_a, **_k: None)
    w.commands.trigger("export.qdpx.nvivo")
    task = w.panes["exports"].last_task
    qtbot.waitUntil(lambda: task.finished, timeout=30000)
    with zipfile.ZipFile(out) as zf:
        root = etree.fromstring(zf.read("project.qde"))
        assert "UTF-16 code units" in root.get("origin")
        ns = "{urn:QDA-XML:project:1.0}"
        source_el = next(s for s in root.iter(f"{ns}TextSource") if s.get("name") == "Emoji")
        raw = zf.read("sources/" + source_el.get("plainTextPath").removeprefix("internal://"))
    units = raw.decode("utf-8").encode("utf-16-le")
    sel = next(source_el.iter(f"{ns}PlainTextSelection"))
    a, b = int(sel.get("startPosition")), int(sel.get("endPosition"))
    assert a == start + 2  # two emoji before it, each two units
    assert units[2 * a : 2 * b].decode("utf-16-le") == "aplikasi"
