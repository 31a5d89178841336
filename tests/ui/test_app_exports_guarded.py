"""Every file the app writes for use outside the project follows File › Export ›
Pseudonymise exports through the one guard (register rewrite and leak check): charts,
figures, concept maps, coded transcripts, the REFI-QDA codebook and the review report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from qualcode.ui.shell import dialogs
from support.leak_scan import found, texts

NAMED = "Pendapat Pak Ujang dan Bu Sari"


def _masked(sample_window) -> object:
    """The sample study with a coded code that names an informant; pseudonymising on."""
    w = sample_window(coder="peneliti", size=(1400, 900))
    code = w.project.codes.create("Suara Yoga", description=NAMED).result
    for source in w.project.sources.all()[:3]:
        w.project.codings.apply(source.id, 0, 40, code.id)
    w.commands.trigger("export.pseudonymise")
    assert w.panes["exports"].pseudonymise
    return w


def _clean(w, path: Path) -> None:
    entries = [e.text for e in w.project.identities.all()]
    assert path.exists() and found(entries, texts(path)) == set()


def _save_to(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: str(path))


def test_chart_save(sample_window, qtbot, monkeypatch, tmp_path) -> None:
    w = _masked(sample_window)
    pane = w.show_pane("displays")
    pane.form.columns.setCurrentIndex(pane.form.columns.findData("attribute:Instansi"))
    pane.form.set_type("matrix")
    qtbot.mouseClick(pane.form.build, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.display is not None, timeout=15000)
    pane.chart.display = pane.display
    out = tmp_path / "chart.svg"
    _save_to(monkeypatch, out)
    pane.chart.save()
    _clean(w, out)
    assert "[instansi]" in out.read_text(encoding="utf-8")


def test_figure_save(sample_window, monkeypatch, tmp_path) -> None:
    w = _masked(sample_window)
    w.commands.trigger("figures.show")
    pane = w.panes["figures"]
    pane.kind.setCurrentIndex(pane.kind.findData("cluster"))
    out = tmp_path / "cluster.svg"
    _save_to(monkeypatch, out)
    pane.save()
    _clean(w, out)
    assert "Suara [Informan" in out.read_text(encoding="utf-8")


def test_map_export(sample_window, monkeypatch, tmp_path) -> None:
    w = _masked(sample_window)
    w.commands.trigger("maps.show")
    made = w.project.maps.create("Peta").result
    w.project.maps.add_nodes(made.id, [("note", None, NAMED, 0.0, 0.0)])
    pane = w.panes["maps"]
    pane.set_project(w.project)
    assert pane.map_id == made.id
    out = tmp_path / "map.svg"
    _save_to(monkeypatch, out)
    pane.export()
    w.dispatcher.wait_all()
    _clean(w, out)
    assert "Pak [Informan" in out.read_text(encoding="utf-8")


def test_coded_transcript_export(sample_window, monkeypatch, tmp_path) -> None:
    w = _masked(sample_window)
    w.open_source(w.project.sources.find("FGD1 Warga Desa Mekarwangi").id)
    out = tmp_path / "fgd.html"
    _save_to(monkeypatch, out)
    w.commands.trigger("export.transcript")
    w.dispatcher.wait_all()
    _clean(w, out)


def test_refi_codebook_export(sample_window, qtbot, monkeypatch, tmp_path) -> None:
    w = _masked(sample_window)
    out = tmp_path / "codes.qdc"
    _save_to(monkeypatch, out)
    monkeypatch.setattr(dialogs, "inform", lambda *_a: None)  # what REFI-QDA cannot carry
    w.commands.trigger("export.qdc")
    task = w.panes["exports"].last_task
    qtbot.waitUntil(lambda: task.finished, timeout=30000)
    _clean(w, out)
    assert "Suara [Informan" in out.read_text(encoding="utf-8")


def test_review_report_export(sample_window, monkeypatch, tmp_path) -> None:
    w = _masked(sample_window)
    coding = w.project.codings.list()[0]
    w.project.review.add("coding", coding.id, "Cek lagi kutipan Pak Ujang dari Desa Mekarwangi.")
    out = tmp_path / "laporan.docx"
    _save_to(monkeypatch, out)
    monkeypatch.setattr(dialogs, "ask", lambda *_a: True)
    w.commands.trigger("review.export")
    w.dispatcher.wait_all()
    _clean(w, out)


def test_a_leak_is_shown_and_written_only_when_accepted(
    sample_window, qtbot, monkeypatch, tmp_path
) -> None:
    """As --accept-leaks: the hits are listed; Cancel writes nothing, Yes writes the file."""
    import qualcode.export.leaks as leaks

    w = _masked(sample_window)
    monkeypatch.setattr(leaks, "rewrite_file", lambda path, engine: None)  # nothing replaced
    out = tmp_path / "laporan.docx"
    _save_to(monkeypatch, out)
    asked: list[str] = []
    answers = iter([False, True])
    monkeypatch.setattr(dialogs, "ask", lambda _p, _t, text: asked.append(text) or next(answers))
    w.commands.trigger("export.report")
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=60000)
    w.dispatcher.wait_all()
    entries = [e.text for e in w.project.identities.all()]
    assert "identifying text" in asked[0] and not out.exists()
    assert any(f"'{entry}'" in asked[0] for entry in entries)  # the hits are listed
    w.commands.trigger("export.report")
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=60000)
    qtbot.waitUntil(lambda: out.exists(), timeout=60000)
    w.dispatcher.wait_all()
    assert found(entries, texts(out))  # written as accepted, names and all


def test_a_figure_leak_is_offered_too(sample_window, monkeypatch, tmp_path) -> None:
    import qualcode.figures.pseudonymise as figures

    w = _masked(sample_window)
    monkeypatch.setattr(figures, "pseudonymise_figure", lambda fig, engine: None)
    w.commands.trigger("figures.show")
    pane = w.panes["figures"]
    pane.kind.setCurrentIndex(pane.kind.findData("cluster"))
    out = tmp_path / "cluster.png"
    _save_to(monkeypatch, out)
    monkeypatch.setattr(dialogs, "ask", lambda *_a: False)
    pane.save()
    assert not out.exists()
    monkeypatch.setattr(dialogs, "ask", lambda *_a: True)
    pane.save()
    assert out.exists()
