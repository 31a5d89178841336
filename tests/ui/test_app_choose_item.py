"""``dialogs.choose_item``: a filter box over a list; Enter picks, Escape cancels, "new…" entry."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from qualcode.ui.shell import dialogs
from qualcode.ui.shell.dialogs import NEW_ITEM, ChooseItemDialog

CLAIMS = [
    ("Keterbatasan anggaran menghambat pelatihan operator", 11),
    ("Sosialisasi belum menjangkau warga desa", 12),
    ("Anggaran integrasi data belum tersedia", 13),
    ("Komitmen kepala dinas mendorong implementasi", 14),
]


def _dialog(qtbot, **kwargs) -> ChooseItemDialog:
    dialog = ChooseItemDialog(None, "Link evidence", "Which conclusion?", CLAIMS, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _shown(dialog: ChooseItemDialog) -> list[str]:
    return [item.text() for item in dialog.visible_items()]


def test_typing_filters_the_list_and_enter_picks_the_first_match(qtbot):
    dialog = _dialog(qtbot)
    assert _shown(dialog) == [text for text, _ in CLAIMS]
    assert dialog.focusWidget() is dialog.filter
    qtbot.keyClicks(dialog.filter, "ANGGARAN")  # case-insensitive
    assert _shown(dialog) == [CLAIMS[0][0], CLAIMS[2][0]]
    qtbot.keyClicks(dialog.filter, " data")  # every word must match
    assert _shown(dialog) == [CLAIMS[2][0]]
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.value == 13


def test_arrow_keys_in_the_filter_move_through_the_list(qtbot):
    dialog = _dialog(qtbot)
    qtbot.keyClicks(dialog.filter, "anggaran")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)
    assert dialog.list.currentItem().text() == CLAIMS[2][0]
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert dialog.value == 13


def test_no_match_disables_ok_and_enter_does_nothing(qtbot):
    dialog = _dialog(qtbot)
    qtbot.keyClicks(dialog.filter, "tidak ada")
    assert _shown(dialog) == []
    assert not dialog.ok.isEnabled()
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.value is None
    dialog.filter.clear()
    assert len(_shown(dialog)) == len(CLAIMS) and dialog.ok.isEnabled()


def test_the_new_entry_stays_under_any_filter(qtbot):
    dialog = _dialog(qtbot, allow_new="New conclusion…")
    qtbot.keyClicks(dialog.filter, "zzz")
    assert _shown(dialog) == ["New conclusion…"]
    assert dialog.new_item.font().italic()
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Enter)
    assert dialog.value is NEW_ITEM


def _answer(qtbot, keys: list) -> None:
    """Type into the modal choose_item dialog once it is shown."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ChooseItemDialog)
        for key in keys:
            if isinstance(key, str):
                qtbot.keyClicks(dialog.filter, key)
            else:
                qtbot.keyClick(dialog.filter, key)

    QTimer.singleShot(0, act)


def test_the_wrapper_returns_the_value_none_on_escape_and_new_item(qtbot):
    _answer(qtbot, ["desa", Qt.Key.Key_Return])
    assert dialogs.choose_item(None, "Link", "Which?", CLAIMS) == 12
    _answer(qtbot, ["desa", Qt.Key.Key_Escape])
    assert dialogs.choose_item(None, "Link", "Which?", CLAIMS) is None
    _answer(qtbot, ["nothing like it", Qt.Key.Key_Return])
    assert dialogs.choose_item(None, "Link", "Which?", CLAIMS, allow_new="New…") is NEW_ITEM
    _answer(qtbot, [Qt.Key.Key_Return])  # an empty list: only "new…" to pick
    assert dialogs.choose_item(None, "Link", "Which?", [], allow_new="New…") is NEW_ITEM
