"""Live updates: another coder's codings appear in the open window; its own never echo back."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.project import Project
from qualcode.store.engine import make_engine


@pytest.fixture
def second_coder(app_project_path: Path):
    """Budi, a second handle on the same project file (as another process would write it)."""
    path = app_project_path.resolve()
    budi = Project(make_engine(path), location=str(path), read_only=False, coder="budi")
    yield budi
    budi.close()


def _fast(window) -> object:
    poller = window.panes["team_live"]
    poller.timer.setInterval(30)
    return poller


def test_other_coders_coding_appears_in_the_document_view(main_window, second_coder, qtbot):
    window, budi = main_window, second_coder
    poller = _fast(window)
    source_id = window.workspace.source_id
    text = window.workspace.view.text()
    start = text.index("anggaran untuk pelatihan")
    end = start + len("anggaran untuk pelatihan")
    assert window.workspace.view.codings_at(start + 2) == []
    budget = budi.codes.find("Budget")
    coding = budi.codings.apply(source_id, start, end, budget.id).result
    qtbot.waitUntil(
        lambda: window.workspace.view.codings_at(start + 2) == [coding.id], timeout=5000
    )
    assert window.statusBar().currentMessage() == "budi coded a passage"
    assert poller.last_message == "budi coded a passage"
    # The codebook's counts follow too.
    model = window.code_tree.model_
    qtbot.waitUntil(lambda: model.counts_of(budget.id)[0][0] == 1, timeout=5000)

    # Budi removes it again: it disappears, and a non-coding change is named as such.
    budi.codings.remove([coding.id])
    qtbot.waitUntil(lambda: window.workspace.view.codings_at(start + 2) == [], timeout=5000)
    assert poller.last_message == "budi made a change"


def test_own_changes_do_not_echo(main_window, second_coder, qtbot, select_text):
    window = main_window
    _fast(window)
    seen: list[object] = []
    window.dispatcher.changed.connect(lambda changes, origin: seen.append((changes.op, origin)))
    start, end = select_text(window, "Data kependudukan")
    code = window.project.codes.find("Resources")
    window.dispatcher.run(window.project.codings.apply, window.workspace.source_id, start, end,
                          code.id)  # fmt: skip
    qtbot.wait(300)  # several polls
    assert [op for op, _origin in seen] == ["coding.apply"]
    assert window.panes["team_live"].last_message == ""
    # A remote change after it is still delivered, once.
    new = second_coder.codes.create("Disposition").result
    qtbot.waitUntil(lambda: new.id in window.code_tree.model_.code_ids(), timeout=5000)
    qtbot.wait(200)
    assert [op for op, _origin in seen] == ["coding.apply", "team.remote"]
    assert seen[1][1] is window.panes["team_live"]


def test_closing_the_project_stops_polling(main_window, second_coder, qtbot):
    window = main_window
    poller = _fast(window)
    window.close_project()
    assert not poller.timer.isActive() and poller.project is None
    second_coder.codes.create("After close")
    qtbot.wait(200)
    assert poller.last_message == ""


def test_open_a_team_project_on_a_server(main_window, pg_url, monkeypatch, qtbot):
    """File › Open a team project: the address is asked for, the server project opens
    with live updates, and the address (without password) is remembered."""
    from qualcode.ui.shell import dialogs

    with Project.create(pg_url, coder="sari") as p:
        p.sources.add_text("W1 Kepala Dinas", "Anggaran pelatihan masih terbatas.")
    asked: list[str] = []

    def answer(_parent, title, _label, _text=""):
        asked.append(title)
        return pg_url

    monkeypatch.setattr(dialogs, "get_text", answer)
    main_window.commands.trigger("project.open_server")
    assert asked == ["Open a team project"]
    assert main_window.project.path is None
    assert main_window.workspace.view.text() == "Anggaran pelatihan masih terbatas."
    assert main_window.panes["team_live"].timer.isActive()
    assert main_window.settings.recent_projects[0] == main_window.project.location
    assert ":" not in main_window.project.location.split("@")[0].split("//")[-1]  # no password


def test_open_a_team_project_refuses_a_file_path(main_window, monkeypatch):
    from qualcode.ui.shell import dialogs

    monkeypatch.setattr(dialogs, "get_text", lambda *_a, **_k: "/home/sari/study.qdaproj")
    before = main_window.project
    main_window.commands.trigger("project.open_server")
    assert main_window.project is before
    assert "not a PostgreSQL server address" in main_window.dispatcher.last_error
