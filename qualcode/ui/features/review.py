"""The Review pane: supervisor comments on cells, conclusions, codes and codings.

A supervisor opens the student's project and comments on a code definition, a
coding, a conclusion or a display cell; the student lists the open threads,
reads each one, replies, jumps to what it is about and resolves it. Every
change goes through the dispatcher as one undoable core operation
(``qualcode.analysis.review``); the author is the project's coder.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ui.features import Feature, ReloadWhenShown
from qualcode.ui.features.review_files import COMMANDS as FILE_COMMANDS
from qualcode.ui.shell import dialogs
from qualcode.ui.shell.commands import Command, can_review, has_project

ID_ROLE = Qt.ItemDataRole.UserRole + 1
FILTERS = ("open", "resolved", None)


def flat(text: str, limit: int = 120) -> str:
    """The first line of a text, cut to ``limit`` characters."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def target_words(project: Any, comment: Any) -> str:
    """What a comment is about, in words (e.g. "Coding: Sumber daya · W1 ¶55").

    A deleted target reads from the snapshot taken when the thread started.
    """
    where = project.review.where(comment)
    if where.kind == "code":
        text = QCoreApplication.translate("ReviewPane", "Code: {name}").format(name=where.code)
    elif where.kind == "coding":
        text = QCoreApplication.translate(
            "ReviewPane", "Coding: {code} · {source} ¶{paragraph}"
        ).format(code=where.code, source=where.source, paragraph=where.paragraph)
    elif where.kind == "excerpt":
        text = QCoreApplication.translate("ReviewPane", "Excerpt: {source} ¶{paragraph}").format(
            source=where.source, paragraph=where.paragraph
        )
    elif where.kind == "conclusion":
        text = QCoreApplication.translate("ReviewPane", "Conclusion: {text}").format(
            text=flat(where.quote, 40)
        )
    elif where.kind == "summary":
        text = QCoreApplication.translate(
            "ReviewPane", "Cell summary: {display} · {row} × {column}"
        ).format(display=where.display, row=where.row, column=where.column)
    else:
        text = QCoreApplication.translate(
            "ReviewPane", "Display cell: {display} · {row} × {column}"
        ).format(display=where.display, row=where.row, column=where.column)
    if not where.exists:
        text = QCoreApplication.translate("ReviewPane", "{target} (deleted)").format(target=text)
    return text


def local(when: datetime) -> datetime:
    """A stored (naive UTC) timestamp in the computer's time zone, for display."""
    return when.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def status_words(status: str) -> str:
    """A thread's status in the UI language."""
    return (
        QCoreApplication.translate("ReviewPane", "Open")
        if status == "open"
        else QCoreApplication.translate("ReviewPane", "Resolved")
    )


class ReviewPane(ReloadWhenShown, QWidget):
    """Comment threads (filtered by status) and the chosen thread in full."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review")
        self.window_ = window
        self.project: Any = None
        self.threads: list[Any] = []
        self._dirty = False

        self.filter = QComboBox(self)
        self.filter.setObjectName("reviewFilter")
        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        self._filter_label = QLabel(self)
        self._filter_label.setBuddy(self.filter)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("reviewCount")
        self.reply_button = QPushButton(self)
        self.reply_button.setObjectName("reviewReply")
        self.reply_button.clicked.connect(self.reply_current)
        self.status_button = QPushButton(self)
        self.status_button.setObjectName("reviewStatus")
        self.status_button.clicked.connect(self.toggle_status)
        self.goto_button = QPushButton(self)
        self.goto_button.setObjectName("reviewGoTo")
        self.goto_button.clicked.connect(self.go_to)

        self.list = QTreeWidget(self)
        self.list.setObjectName("reviewList")
        self.list.setColumnCount(6)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 200)
        for col in (1, 2, 3, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.list.currentItemChanged.connect(lambda *_: self.show_thread())
        self.list.itemDoubleClicked.connect(lambda *_: self.go_to())

        self.thread = QTextBrowser(self)
        self.thread.setObjectName("reviewThread")
        self.thread.setOpenLinks(False)

        bar = QHBoxLayout()
        bar.addWidget(self._filter_label)
        bar.addWidget(self.filter)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        for button in (self.reply_button, self.status_button, self.goto_button):
            bar.addWidget(button)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.list, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.thread)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.retranslate()

    # -- pane protocol -----------------------------------------------------------------------
    def set_project(self, project: Any) -> None:
        """Show a newly opened project's comment threads (None: closed)."""
        self.project = project
        self.reload()

    def on_changes(self, changes: Any) -> None:
        """Reload when comments, or the things they name, changed."""
        if self.project is None:
            return
        named = changes.conclusions or changes.displays or changes.codes
        coded = changes.codings or changes.sources
        if changes.review or (self.threads and (named or coded)):
            self._refresh()

    # -- reads -------------------------------------------------------------------------------
    def current_id(self) -> int | None:
        """Id of the chosen thread."""
        item = self.list.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def current(self) -> Any:
        """The chosen thread (a ``Comment`` with its replies), or None."""
        cid = self.current_id()
        return next((c for c in self.threads if c.id == cid), None)

    def select(self, comment_id: int) -> None:
        """Choose a thread (showing all threads if the filter hides it)."""
        for _ in range(2):
            for i in range(self.list.topLevelItemCount()):
                item = self.list.topLevelItem(i)
                if item.data(0, ID_ROLE) == comment_id:
                    self.list.setCurrentItem(item)
                    return
            self.filter.setCurrentIndex(FILTERS.index(None))

    def reload(self) -> None:
        """Read the threads again and redraw."""
        self._dirty = False
        keep = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        self.threads = []
        if self.project is not None:
            self.threads = self.project.review.list(status=self.filter.currentData())
        locale = QLocale()
        for c in self.threads:
            when = locale.toString(local(c.created_at).date(), QLocale.FormatType.ShortFormat)
            item = QTreeWidgetItem(
                [target_words(self.project, c), c.author, when, status_words(c.status),
                 flat(c.text), str(len(c.replies))]
            )  # fmt: skip
            item.setData(0, ID_ROLE, c.id)
            item.setToolTip(0, item.text(0))
            item.setToolTip(4, c.text[:2000])
            item.setTextAlignment(5, Qt.AlignmentFlag.AlignRight)
            self.list.addTopLevelItem(item)
            if c.id == keep:
                self.list.setCurrentItem(item)
        total = self.project.review.summary()["total"] if self.project is not None else None
        self.count_label.setText(
            ""
            if total is None
            else self.tr("{open} open · {resolved} resolved").format(
                open=total["open"], resolved=total["resolved"]
            )
        )
        if self.list.currentItem() is None and self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self.list.blockSignals(False)
        self.show_thread()

    def show_thread(self) -> None:
        """Show the chosen thread: its target, first comment and every reply."""
        c = self.current()
        if c is None:
            empty = self.tr("No review comments to show.")
            self.thread.setHtml(
                "" if self.project is None else f"<p><i>{html.escape(empty)}</i></p>"
            )
            self._enable()
            return
        locale = QLocale()
        parts = [f"<p><b>{html.escape(target_words(self.project, c))}</b> — "
                 f"{html.escape(status_words(c.status))}</p>"]  # fmt: skip
        quote = self.project.review.where(c).quote
        if quote:
            body = html.escape(quote[:600])
            parts.append(f"<blockquote><i>“{body.replace(chr(10), '<br>')}”</i></blockquote>")
        for msg in (c, *c.replies):
            when = locale.toString(local(msg.created_at), QLocale.FormatType.ShortFormat)
            body = html.escape(msg.text).replace("\n", "<br>")
            parts.append(f"<p><b>{html.escape(msg.author)}</b> · {html.escape(when)}<br>{body}</p>")
        if c.status == "resolved" and c.resolved_by:
            when = (
                locale.toString(local(c.resolved_at), QLocale.FormatType.ShortFormat)
                if c.resolved_at
                else ""
            )
            note = self.tr("Resolved by {coder} {date}").format(coder=c.resolved_by, date=when)
            parts.append(f"<p><i>{html.escape(note)}</i></p>")
        self.thread.setHtml("".join(parts))
        self._enable()

    # -- changes -----------------------------------------------------------------------------
    def _writable(self) -> bool:
        return self.project is not None and not self.project.read_only

    def _run(self, fn: Any, *args: Any) -> Any:
        return self.window_.dispatcher.run(fn, *args, origin=self)

    def reply_current(self) -> None:
        """Ask for a reply and add it to the chosen thread."""
        c = self.current()
        if c is None or not self._writable():
            return
        text = dialogs.get_multiline_text(self, self.tr("Reply to comment"), self.tr("Reply:"))
        if text:
            self._run(self.project.review.reply, c.id, text)
            self.reload()

    def toggle_status(self) -> None:
        """Resolve an open thread, reopen a resolved one."""
        c = self.current()
        if c is None or not self._writable():
            return
        self._run(
            self.project.review.set_status, c.id, "resolved" if c.status == "open" else "open"
        )
        self.reload()

    def go_to(self) -> None:
        """Show what the chosen thread is about."""
        from qualcode.errors import QualCodeError

        c = self.current()
        if c is None or self.project is None:
            return
        w = self.window_
        try:
            if c.target == "code":
                w.code_tree.select_code(c.target_id)
            elif c.target == "coding":
                coding = self.project.codings.get(c.target_id)
                w.jump_to(coding.source_id, coding.start, coding.end)
            elif c.target == "excerpt":
                w.jump_to(c.target_id, int(c.row_key or 0), int(c.col_key or 0))
            elif c.target == "conclusion":
                pane = w.show_pane("conclusions")
                if pane is not None:
                    pane.select(c.target_id)
            else:
                pane = w.show_pane("displays")
                display_id = c.target_id
                if c.target == "summary":
                    display_id = int((c.context or {}).get("display_id", 0))
                spec = (c.context or {}).get("spec")
                if pane is not None and display_id:
                    pane.open_saved(display_id)
                elif pane is not None and spec:
                    from qualcode.analysis.spec import DisplaySpec

                    pane.run_spec(DisplaySpec.from_dict(spec), None, None)
        except QualCodeError:
            dialogs.inform(self, self.tr("Go to"), self.tr("What this comment is about is gone."))

    def _enable(self) -> None:
        c = self.current()
        can_write = self._writable()
        self.reply_button.setEnabled(c is not None and can_write)
        self.status_button.setEnabled(c is not None and can_write)
        self.goto_button.setEnabled(c is not None)
        resolved = c is not None and c.status == "resolved"
        self.status_button.setText(self.tr("Reopen") if resolved else self.tr("Resolve"))
        tip = self.tr("Open the thread again") if resolved else self.tr("Mark the thread resolved")
        self.status_button.setToolTip(tip)
        self.status_button.setAccessibleName(tip)

    # -- language ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Texts in the current language."""
        self._filter_label.setText(self.tr("S&how:"))
        keep = self.filter.currentIndex()
        self.filter.blockSignals(True)
        self.filter.clear()
        for value, text in zip(
            FILTERS, (self.tr("Open"), self.tr("Resolved"), self.tr("All")), strict=True
        ):
            self.filter.addItem(text, value)
        self.filter.setCurrentIndex(max(keep, 0))
        self.filter.blockSignals(False)
        self.filter.setAccessibleName(self.tr("Show comment threads of status"))
        for button, text, tip in (
            (self.reply_button, self.tr("Reply…"), self.tr("Reply in the chosen thread")),
            (self.goto_button, self.tr("Go to"), self.tr("Show what the comment is about")),
        ):
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
        self.list.setHeaderLabels(
            [self.tr("On"), self.tr("Author"), self.tr("Date"), self.tr("Status"),
             self.tr("Comment"), self.tr("Replies")]
        )  # fmt: skip
        self.list.setAccessibleName(self.tr("Review comment threads"))
        self.list.setToolTip(self.tr("Double-click a thread to go to what it is about"))
        self.thread.setAccessibleName(self.tr("The chosen comment thread"))
        if self.project is not None:
            self.reload()
        else:
            self.show_thread()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# -- commands ------------------------------------------------------------------------------


def _conclusion_id(window: Any) -> int | None:
    pane = window.panes.get("conclusions")
    return pane.current_id() if pane is not None else None


def _comment(window: Any, target: str, target_id: int, what: str, **where: Any) -> int | None:
    """Ask for the text and start a thread on a target; returns the thread's id."""
    title = QCoreApplication.translate("ReviewPane", "Review comment")
    label = QCoreApplication.translate("ReviewPane", "Comment on {what}:").format(what=what)
    text = dialogs.get_multiline_text(window, title, label)
    if not text:
        return None
    pane: ReviewPane = window.panes["review"]
    made = window.dispatcher.run(
        window.project.review.add, target, target_id, text, origin=pane, **where
    )
    if made is None:
        return None
    window.show_pane("review")
    pane.reload()
    pane.select(made.result.id)
    return made.result.id


def comment_on_code(window: Any) -> int | None:
    """Comment on the code chosen in the code tree."""
    code_id = window.code_tree.current_code_id()
    if code_id is None or not can_review(window):
        return None
    what = window.project.codes.path_text(code_id)
    return _comment(window, "code", code_id, what)


def comment_on_coding(window: Any) -> int | None:
    """Comment on the coding at the cursor (asking which one if several overlap)."""
    ids = window.workspace.codings_at_cursor()
    if not ids or not can_review(window):
        return None
    project = window.project
    if len(ids) > 1:
        items = []
        for cid in ids:
            coding = project.codings.get(cid)
            excerpt = project.sources.text(coding.source_id)[coding.start : coding.end]
            name = project.codes.path_text(coding.code_id)
            items.append((f"{name} — {flat(excerpt, 80)}", cid))
        chosen = dialogs.choose_item(
            window,
            QCoreApplication.translate("ReviewPane", "Comment on a coding"),
            QCoreApplication.translate("ReviewPane", "Which coding at the cursor?"),
            items,
        )
        if chosen is None:
            return None
        coding_id = int(chosen)  # type: ignore[call-overload]
    else:
        coding_id = ids[0]
    coding = project.codings.get(coding_id)
    what = project.codes.path_text(coding.code_id)
    return _comment(window, "coding", coding_id, what)


def comment_on_conclusion(window: Any) -> int | None:
    """Comment on the conclusion chosen in the Conclusions pane."""

    cid = _conclusion_id(window)
    if cid is None or not can_review(window):
        return None
    return _comment(window, "conclusion", cid, flat(window.project.conclusions.get(cid).text, 60))


def _display_cell(window: Any) -> tuple[Any, int, int] | None:
    """(display, row, column) of the cell opened in the Displays pane, if any."""
    pane = window.panes.get("displays")
    if pane is None or pane.display is None or pane.current is None:
        return None
    r, c = pane.current
    return pane.display, r, c


def comment_on_cell(window: Any) -> int | None:
    """Comment on the display cell opened in the Displays pane (saved or not)."""
    found = _display_cell(window)
    if found is None or not can_review(window):
        return None
    display, r, c = found
    row, col = display.rows[r], display.columns[c]
    what = f"{row.label} × {col.label}"
    if display.saved_id is not None:
        return _comment(window, "cell", display.saved_id, what, row_key=row.key, col_key=col.key)
    return _comment(window, "cell", 0, what, row_key=row.key, col_key=col.key, spec=display.spec)


def _cell_summary(window: Any) -> Any:
    found = _display_cell(window)
    if found is None:
        return None
    display, r, c = found
    return display.summaries.get((r, c))


def comment_on_summary(window: Any) -> int | None:
    """Comment on the summary of the opened framework cell."""
    summary = _cell_summary(window)
    if summary is None or not getattr(summary, "id", None) or not can_review(window):
        return None
    return _comment(window, "summary", summary.id, flat(summary.text, 60))


def comment_on_excerpt(window: Any) -> int | None:
    """Comment on the text selected in the document (not on a coding)."""
    sel = window.workspace.selection()
    source_id = window.workspace.source_id
    if sel is None or source_id is None or not can_review(window):
        return None
    start, end = sel
    quote = window.project.sources.text(source_id)[start:end]
    return _comment(window, "excerpt", source_id, f"“{flat(quote, 60)}”",
                    row_key=str(start), col_key=str(end))  # fmt: skip


FEATURE = Feature(
    key="review",
    title=QT_TRANSLATE_NOOP("panes", "Review comments"),
    pane=lambda window: ReviewPane(window),
    area="right",
    tab_with="detail",
    commands=(
        Command(
            "review.comment.code",
            QT_TRANSLATE_NOOP("commands", "Comment on the code…"),
            "analysis",
            comment_on_code,
            enabled=lambda w: can_review(w) and w.code_tree.current_code_id() is not None,
            tip=QT_TRANSLATE_NOOP("commands", "Leave a review comment on the current code"),
        ),
        Command(
            "review.comment.coding",
            QT_TRANSLATE_NOOP("commands", "Comment on the coding at the cursor…"),
            "analysis",
            comment_on_coding,
            enabled=lambda w: can_review(w) and bool(w.workspace.codings_at_cursor()),
            tip=QT_TRANSLATE_NOOP("commands", "Leave a review comment on a coded passage"),
        ),
        Command(
            "review.comment.conclusion",
            QT_TRANSLATE_NOOP("commands", "Comment on the conclusion…"),
            "analysis",
            comment_on_conclusion,
            enabled=lambda w: can_review(w) and _conclusion_id(w) is not None,
            tip=QT_TRANSLATE_NOOP(
                "commands", "Leave a review comment on the conclusion chosen in its pane"
            ),
        ),
        Command(
            "review.comment.excerpt",
            QT_TRANSLATE_NOOP("commands", "Comment on the selected text…"),
            "analysis",
            comment_on_excerpt,
            enabled=lambda w: can_review(w) and w.workspace.selection() is not None,
            tip=QT_TRANSLATE_NOOP("commands", "Leave a review comment on the selected passage"),
        ),
        Command(
            "review.comment.cell",
            QT_TRANSLATE_NOOP("commands", "Comment on the display cell…"),
            "analysis",
            comment_on_cell,
            enabled=lambda w: can_review(w) and _display_cell(w) is not None,
            tip=QT_TRANSLATE_NOOP(
                "commands", "Leave a review comment on the cell opened in the Displays pane"
            ),
        ),
        Command(
            "review.comment.summary",
            QT_TRANSLATE_NOOP("commands", "Comment on the cell summary…"),
            "analysis",
            comment_on_summary,
            enabled=lambda w: can_review(w) and bool(getattr(_cell_summary(w), "id", None)),
            tip=QT_TRANSLATE_NOOP(
                "commands", "Leave a review comment on the summary of the opened cell"
            ),
        ),
        Command(
            "review.show",
            QT_TRANSLATE_NOOP("commands", "Review comments"),
            "analysis",
            lambda w: w.show_pane("review"),
            enabled=has_project,
            tip=QT_TRANSLATE_NOOP("commands", "List the supervisor's comments and resolve them"),
        ),
        *FILE_COMMANDS,
    ),
)
