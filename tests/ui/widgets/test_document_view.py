"""The document view, driven like a user would (pytest-qt, offscreen)."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFont, QHelpEvent, QTextCursor, QTextFormat
from PySide6.QtWidgets import QToolTip

from qualcode.ui.widgets import CodingSpan, DocumentView, TurnSpan

pytestmark = pytest.mark.ui

INTERVIEW = (
    "Pewawancara: Bagaimana sosialisasi aplikasi 😀 kepada warga?\n"
    "Informan: Sosialisasi 👍🏽 sudah jalan lewat kelurahan, tetapi anggaran dan SDM "
    "masih terbatas, jadi belum semua warga tahu. Kebijakan smart city ini butuh "
    "dukungan pimpinan dan koordinasi antar dinas yang lebih baik.\n"
    "Pewawancara: Apa kendala utama di dinas?\n"
    "Informan: Jaringan internet di kecamatan 🙂 belum merata dan pegawai kurang pelatihan.\n"
)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def coding(cid: int, text: str, phrase: str, code: int, colour: str, coder: str = "ana"):
    start = text.index(phrase)
    return CodingSpan(cid, start, start + len(phrase), code, f"Kode {code}", colour, coder)


def turns_of(text: str) -> list[TurnSpan]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line:
            speaker = line.split(":", 1)[0]
            out.append(TurnSpan(pos, pos + len(line), speaker, speaker == "Pewawancara"))
        pos += len(line) + 1
    return out


@pytest.fixture
def view(qtbot) -> DocumentView:
    widget = DocumentView()
    qtbot.addWidget(widget)
    widget.resize(720, 480)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def coded(view: DocumentView) -> tuple[DocumentView, list[CodingSpan]]:
    spans = [
        coding(1, INTERVIEW, "anggaran dan SDM masih terbatas", 10, "#e6194b", "ana"),
        coding(
            2, INTERVIEW, "SDM masih terbatas, jadi belum semua warga tahu", 20, "#3cb44b", "budi"
        ),
        coding(
            3, INTERVIEW, "Jaringan internet di kecamatan 🙂 belum merata", 30, "#4363d8", "ana"
        ),
    ]
    view.set_document(INTERVIEW, spans, turns_of(INTERVIEW))
    return view, spans


def test_selection_after_emoji_is_in_code_points(view: DocumentView, qtbot) -> None:
    view.set_document(INTERVIEW, [], turns_of(INTERVIEW))
    phrase = "sudah jalan lewat kelurahan"
    start = INTERVIEW.index(phrase)
    # Select as the user would, with Qt's UTF-16 positions computed independently.
    cursor = view.editor.textCursor()
    cursor.setPosition(utf16_len(INTERVIEW[:start]))
    with qtbot.waitSignal(view.selection_changed) as signal:
        cursor.setPosition(utf16_len(INTERVIEW[: start + len(phrase)]), QTextCursor.KeepAnchor)
        view.editor.setTextCursor(cursor)
    sel = view.selection()
    assert sel == (start, start + len(phrase))
    assert INTERVIEW[sel[0] : sel[1]] == phrase
    assert signal.args == [start, start + len(phrase)]
    assert utf16_len(INTERVIEW[:start]) != start  # the emoji really shift Qt's positions


def test_select_range_round_trips(view: DocumentView) -> None:
    view.set_document(INTERVIEW, [])
    rng = random.Random(3)
    for _ in range(60):
        a, b = sorted(rng.sample(range(len(INTERVIEW) + 1), 2))
        view.select_range(a, b)
        assert view.selection() == (a, b)
        selected = view.editor.textCursor().selectedText().replace("\u2029", "\n")
        assert selected == INTERVIEW[a:b]
    view.select_range(5, 5)
    assert view.selection() is None


def test_overlapping_codings_get_different_stripe_columns(coded) -> None:
    view, _spans = coded
    columns = view.editor.columns
    assert columns[0] != columns[1]  # codings 1 and 2 overlap
    assert view.editor.column_count >= 2
    assert view.stripes.width() >= 2 * view.stripes.fontMetrics().height() // 2


def test_clicking_a_stripe_emits_its_coding_and_selects_it(coded, qtbot) -> None:
    view, spans = coded
    rect = view.stripes.bar_rect(3)
    assert rect is not None
    with qtbot.waitSignal(view.coding_clicked) as signal:
        qtbot.mouseClick(view.stripes, Qt.LeftButton, pos=rect.center().toPoint())
    assert signal.args == [3]
    assert view.selection() == (spans[2].start, spans[2].end)
    assert view.editor.active_index == 2


def test_stripe_click_outside_bars_emits_nothing(coded, qtbot) -> None:
    view, _spans = coded
    with qtbot.assertNotEmitted(view.coding_clicked):
        qtbot.mouseClick(view.stripes, Qt.LeftButton, pos=QPoint(view.stripes.width() - 1, 2))


def test_stripe_tooltip_names_code_and_coder(coded, qtbot) -> None:
    view, _spans = coded
    point = view.stripes.bar_rect(2).center().toPoint()
    expected = "Kode 20\nCoded by budi"
    assert view.stripes.tooltip_text_at(point) == expected
    event = QHelpEvent(QEvent.ToolTip, point, view.stripes.mapToGlobal(point))
    view.stripes.event(event)
    assert QToolTip.text() == expected
    QToolTip.hideText()
    assert view.stripes.tooltip_text_at(QPoint(view.stripes.width() - 1, 1)) is None


def test_dragging_a_highlight_end_requests_a_resize(coded, qtbot) -> None:
    view, spans = coded
    target = spans[2]  # after an emoji, so UTF-16 and code points differ
    editor = view.editor
    editor.set_active_index(2)  # its grips are shown
    grab = editor.point_of(target.end).toPoint()
    new_end = INTERVIEW.index("merata") + len("merata dan")
    drop = editor.point_of(new_end).toPoint()
    viewport = editor.viewport()
    with qtbot.waitSignal(view.coding_resize_requested) as signal:
        qtbot.mousePress(viewport, Qt.LeftButton, pos=grab)
        qtbot.mouseMove(viewport, pos=drop)
        assert editor.spans[2].end == new_end  # live preview while dragging
        qtbot.mouseRelease(viewport, Qt.LeftButton, pos=drop)
    assert signal.args == [3, target.start, new_end]
    assert editor.spans[2].end == target.end  # the owner applies it via set_codings
    assert view.selection() is None  # the drag did not select text


def test_dragging_a_highlight_start_past_its_end_keeps_one_character(coded, qtbot) -> None:
    view, spans = coded
    target = spans[0]
    editor = view.editor
    editor.set_active_index(0)
    viewport = editor.viewport()
    far = editor.point_of(target.end + 10).toPoint()
    with qtbot.waitSignal(view.coding_resize_requested) as signal:
        qtbot.mousePress(viewport, Qt.LeftButton, pos=editor.point_of(target.start).toPoint())
        qtbot.mouseRelease(viewport, Qt.LeftButton, pos=far)
    assert signal.args == [1, target.end - 1, target.end]


def test_a_press_on_a_highlights_first_letter_selects_text(coded, qtbot) -> None:
    view, spans = coded
    editor = view.editor
    target = spans[0]
    viewport = editor.viewport()
    start = editor.point_of(target.start).toPoint()
    drop = editor.point_of(target.start + 8).toPoint()
    with qtbot.assertNotEmitted(view.coding_resize_requested):
        qtbot.mousePress(viewport, Qt.LeftButton, pos=start)
        qtbot.mouseMove(viewport, pos=drop)
        qtbot.mouseRelease(viewport, Qt.LeftButton, pos=drop)
    assert view.selection() == (target.start, target.start + 8)
    assert editor.handle_index() is None  # no coding became active: no grips


def test_a_click_on_a_highlight_shows_its_grips(coded, qtbot) -> None:
    view, spans = coded
    editor = view.editor
    inside = editor.point_of(spans[2].start + 3).toPoint()
    qtbot.mouseClick(editor.viewport(), Qt.LeftButton, pos=inside)
    assert editor.active_index == 2 and editor.handle_index() == 2
    assert editor.edge_at(editor.point_of(spans[2].end).toPoint()) == (2, False)


def test_another_coders_coding_gets_no_grips_when_only_ones_own_resize(coded, qtbot) -> None:
    view, spans = coded
    editor = view.editor
    editor.resizable_coder = "budi"  # review mode for budi: ana's codings stay put
    editor.set_active_index(0)
    assert editor.handle_index() is None
    assert editor.edge_at(editor.point_of(spans[0].end).toPoint()) is None
    rect = view.stripes.bar_rect(1)
    bottom = QPoint(round(rect.center().x()), round(rect.bottom()))
    with qtbot.assertNotEmitted(view.coding_resize_requested):
        qtbot.mousePress(view.stripes, Qt.LeftButton, pos=bottom)
        qtbot.mouseRelease(view.stripes, Qt.LeftButton, pos=QPoint(bottom.x(), bottom.y() + 40))
    editor.set_active_index(1)
    assert editor.handle_index() == 1  # budi's own


def test_dragging_a_stripe_end_requests_a_resize(coded, qtbot) -> None:
    view, spans = coded
    rect = view.stripes.bar_rect(1)
    bottom = QPoint(round(rect.center().x()), round(rect.bottom()))
    lower = QPoint(bottom.x(), round(view.editor.line_rect_y(len(INTERVIEW) - 2)[0] + 2))
    with qtbot.waitSignal(view.coding_resize_requested) as signal:
        qtbot.mousePress(view.stripes, Qt.LeftButton, pos=bottom)
        qtbot.mouseMove(view.stripes, pos=lower)
        qtbot.mouseRelease(view.stripes, Qt.LeftButton, pos=lower)
    coding_id, start, end = signal.args
    assert (coding_id, start) == (1, spans[0].start)
    assert end == len(INTERVIEW) - 1  # end of the last paragraph's line
    assert INTERVIEW[end] == "\n"


def test_find_counts_hits_and_wraps(view: DocumentView) -> None:
    view.set_document(INTERVIEW, [])
    hits = [i for i in range(len(INTERVIEW)) if INTERVIEW.lower().startswith("warga", i)]
    assert len(hits) == 2
    assert view.find("WARGA")
    assert view.selection() == (hits[0], hits[0] + 5)
    assert view.find_status() == (1, 2)
    assert view.find("warga")
    assert view.selection() == (hits[1], hits[1] + 5)
    assert view.find("warga")  # wraps around
    assert view.selection() == (hits[0], hits[0] + 5)
    assert view.find("warga", forward=False)  # wraps backwards
    assert view.selection() == (hits[1], hits[1] + 5)
    assert not view.find("WARGA", case_sensitive=True)
    assert view.find_status() == (0, 0)
    assert view.find("🙂")
    start = INTERVIEW.index("🙂")
    assert view.selection() == (start, start + 1)


def test_find_bar_opens_with_ctrl_f_and_shows_the_count(view: DocumentView, qtbot) -> None:
    view.set_document(INTERVIEW, [])
    view.editor.setFocus()
    qtbot.keyClick(view.editor, Qt.Key_F, Qt.ControlModifier)
    assert view.find_bar.isVisible()
    assert view.find_bar.field.hasFocus() or view.find_bar.field.isVisible()
    qtbot.keyClicks(view.find_bar.field, "dinas")
    starts = [i for i in range(len(INTERVIEW)) if INTERVIEW.startswith("dinas", i)]
    assert len(starts) == 3  # "koordinasi" contains it too
    assert view.find_bar.status.text() == "1 of 3"
    qtbot.keyClick(view.find_bar.field, Qt.Key_Return)
    assert view.find_bar.status.text() == "2 of 3"
    qtbot.keyClick(view.find_bar.field, Qt.Key_Return, Qt.ShiftModifier)
    assert view.find_bar.status.text() == "1 of 3"
    assert view.selection() == (starts[0], starts[0] + 5)
    qtbot.keyClick(view.find_bar.field, Qt.Key_F3, Qt.ShiftModifier)  # wraps to the last
    assert view.selection() == (starts[2], starts[2] + 5)
    assert view.editor.find_hits == [(s, s + 5) for s in starts]
    qtbot.keyClick(view.find_bar.field, Qt.Key_Escape)
    assert not view.find_bar.isVisible()


def test_set_codings_keeps_scroll_and_updates_highlights(view: DocumentView, qtbot) -> None:
    long_text = INTERVIEW * 40
    view.set_document(long_text, [CodingSpan(1, 0, 30, 1, "Kode 1", "#e6194b", "ana")])
    bar = view.editor.verticalScrollBar()
    assert bar.maximum() > 50
    bar.setValue(bar.maximum() // 2)
    qtbot.wait(1)
    value = bar.value()
    top_block = view.editor.firstVisibleBlock().blockNumber()
    doc = view.editor.document()
    blocks = view.editor.visible_blocks()
    first_visible = view.editor.offset_map.from_utf16(blocks[1][0].position())
    span = CodingSpan(9, first_visible, first_visible + 12, 4, "Kode 4", "#4363d8", "ana")
    painted = view.editor.paint_count
    view.set_codings([span])
    qtbot.waitUntil(lambda: view.editor.paint_count > painted)
    assert bar.value() == value
    assert view.editor.document() is doc  # not rebuilt
    assert [(r.start, r.end) for r in view.editor.highlight_runs] == [(span.start, span.end)]
    # The highlight is really painted in the code's colour (blended with the base).
    blocks = view.editor.visible_blocks()
    rect = view.editor.highlighter.segment_rects(blocks[1][0], blocks[1][1], span.start, span.end)[
        0
    ]
    image = view.editor.viewport().grab().toImage()
    ratio = view.editor.viewport().devicePixelRatioF()
    pixel = image.pixelColor(round((rect.left() + 1) * ratio), round((rect.top() + 1) * ratio))
    assert pixel.blue() > pixel.red() + 30  # a light blue, not the white page
    # More stripe columns widen the margin; the reader still sees the same paragraph.
    overlapping = [
        CodingSpan(10 + k, first_visible, first_visible + 40 + k, k, "K", "#3cb44b", "ana")
        for k in range(4)
    ]
    view.set_codings([span, *overlapping])
    qtbot.wait(1)
    assert view.editor.column_count == 5
    assert view.editor.firstVisibleBlock().blockNumber() == top_block
    # Removing codings does not shrink the margin (no reflow), so nothing moves at all.
    value = bar.value()
    view.set_codings([span])
    qtbot.wait(1)
    assert view.editor.reserved_columns == 5
    assert bar.value() == value


def test_code_filter_hides_other_codes(coded) -> None:
    view, _spans = coded
    view.set_visible_codes({20})
    runs = view.editor.highlight_runs
    assert runs and all(view.editor.spans[i].code_id == 20 for r in runs for i in r.codings)
    assert view.stripes.bar_rect(1) is None and view.stripes.bar_rect(2) is not None
    assert view.codings_at(INTERVIEW.index("SDM")) == [2]
    view.set_visible_codes(None)
    assert sorted(view.codings_at(INTERVIEW.index("SDM"))) == [1, 2]


def test_speaker_labels_bold_and_interviewer_muted(coded) -> None:
    view, _spans = coded
    doc = view.editor.document()

    def char_format(offset: int):
        cursor = QTextCursor(doc)
        cursor.setPosition(view.editor.offset_map.to_utf16(offset) + 1)
        return cursor.charFormat()

    informant = INTERVIEW.index("Informan:")
    assert char_format(informant).fontWeight() == QFont.Weight.Bold
    assert char_format(informant + len("Informan: ")).fontWeight() != QFont.Weight.Bold
    question = INTERVIEW.index("Bagaimana")
    answer = INTERVIEW.index("Sosialisasi 👍")
    muted = char_format(question).foreground().color()
    assert char_format(question).hasProperty(QTextFormat.Property.ForegroundBrush)
    assert muted != view.editor.palette().text().color()
    assert not char_format(answer).hasProperty(QTextFormat.Property.ForegroundBrush)


def test_paragraph_numbers_toggle(coded) -> None:
    view, _spans = coded
    left = view.editor.viewport().geometry().left()
    assert view.numbers.width() > 0
    view.set_paragraph_numbers_visible(False)
    assert view.editor.viewport().geometry().left() < left
    view.set_paragraph_numbers_visible(True)
    assert view.editor.viewport().geometry().left() == left


def test_crlf_text_keeps_offsets(view: DocumentView) -> None:
    text = "Pewawancara: Halo 😀\r\nInforman: Baik.\r\n"
    view.set_document(text, [CodingSpan(1, 22, 30, 1, "K", "#e6194b", "ana")])
    assert view.editor.document().blockCount() == 3
    view.select_range(22, 30)
    assert view.selection() == (22, 30)
    assert view.editor.textCursor().selectedText() == text[22:30]


def test_scroll_to_brings_the_offset_into_view(view: DocumentView) -> None:
    long_text = INTERVIEW * 40
    view.set_document(long_text, [])
    target = len(long_text) - 200
    view.scroll_to(target)
    top, bottom = view.editor.line_rect_y(target)
    assert top >= 0 and bottom <= view.editor.viewport().height()
    assert view.selection() is None
    view.scroll_to(0)
    assert view.editor.verticalScrollBar().value() == 0


def test_context_menu_on_a_stripe_names_the_coding(coded, qtbot) -> None:
    view, _spans = coded
    point = view.stripes.bar_rect(1).center().toPoint()
    with qtbot.waitSignal(view.context_menu_requested_for_coding) as signal:
        event_pos = view.stripes.mapToGlobal(point)
        from PySide6.QtGui import QContextMenuEvent

        view.stripes.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Mouse, point, event_pos))
    assert signal.args == [1, event_pos]


def test_context_menu_on_coded_text_names_the_innermost_coding(coded, qtbot) -> None:
    from PySide6.QtGui import QContextMenuEvent

    view, spans = coded
    editor = view.editor
    inside_both = spans[1].start + 1  # "SDM": covered by codings 1 and 2; 1 is shorter
    point = editor.point_of(inside_both).toPoint()
    global_pos = editor.viewport().mapToGlobal(point)
    with qtbot.waitSignal(view.context_menu_requested_for_coding) as signal:
        editor.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Mouse, point, global_pos))
    assert signal.args == [1, global_pos]


def test_stripes_toggle_gives_the_width_back_to_the_text(coded) -> None:
    view, _spans = coded
    width = view.editor.viewport().width()
    view.set_stripes_visible(False)
    assert view.editor.viewport().width() > width
    assert view.stripes.isHidden()
    view.set_stripes_visible(True)
    assert view.editor.viewport().width() == width
