"""Every command of the app, declared once (napari's action manager, made small).

A :class:`Command` names its id, its label (translatable, ``commands`` context),
shortcut, tooltip, when it is enabled and what it runs. :class:`CommandTable`
builds the ``QAction``s, the menus, the toolbar and the command palette's list
from :data:`COMMANDS`; nothing else creates actions for these commands.
Callbacks and conditions take the main window, so the table stays data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ui.i18n import translate_operation

if TYPE_CHECKING:  # the window imports this table; the type is only for checkers
    from qualcode.ui.shell.main_window import MainWindow as Window


@dataclass(frozen=True, slots=True)
class Command:
    """One user command."""

    id: str
    label: str  # English, marked with QT_TRANSLATE_NOOP("commands", ...)
    menu: str
    run: Callable[[Window], object]
    enabled: Callable[[Window], bool] = lambda w: True
    shortcut: str | QKeySequence.StandardKey | None = None
    tip: str = ""
    toolbar: bool = False
    dynamic_label: Callable[[Window], str | None] | None = None
    after: str | None = None
    """Place the command in its menu right after this command id (else at the end)."""


MENUS: list[tuple[str, str]] = [
    ("file", QT_TRANSLATE_NOOP("commands", "&File")),
    ("edit", QT_TRANSLATE_NOOP("commands", "&Edit")),
    ("code", QT_TRANSLATE_NOOP("commands", "&Code")),
    ("codebook", QT_TRANSLATE_NOOP("commands", "Code&book")),
    ("analysis", QT_TRANSLATE_NOOP("commands", "&Analysis")),
    ("view", QT_TRANSLATE_NOOP("commands", "&View")),
    ("help", QT_TRANSLATE_NOOP("commands", "&Help")),
]

SUBMENUS: dict[str, str] = {
    "recent": QT_TRANSLATE_NOOP("commands", "Open &recent"),
    "shipped": QT_TRANSLATE_NOOP("commands", "Load a shipped &codebook"),
    "panes": QT_TRANSLATE_NOOP("commands", "&Panes"),
    "export": QT_TRANSLATE_NOOP("commands", "&Export"),
}
"""Submenus; a command whose ``menu`` names one goes there (``export`` sits in File)."""


def has_project(w: Window) -> bool:
    """Enabled-when: a project is open (feature commands use these too)."""
    return w.project is not None


def writable(w: Window) -> bool:
    """Enabled-when: the project's content may change (open for writing, not for review)."""
    return w.project is not None and not w.project.content_read_only


def can_review(w: Window) -> bool:
    """Enabled-when: comments and one's own codings may change (also in review mode)."""
    return w.project is not None and not w.project.read_only


def _selection(w: Window) -> bool:
    return can_review(w) and w.workspace.selection() is not None


def _code(w: Window) -> bool:
    return writable(w) and w.code_tree.current_code_id() is not None


def _coding_chosen(w: Window) -> bool:
    return writable(w) and w.detail.codings.form_id is not None


def _undo_label(w: Window) -> str | None:
    label = w.undo_label()
    if label is None:
        return None
    return QCoreApplication.translate("commands", "Undo {operation}").format(
        operation=translate_operation(label)
    )


def _redo_label(w: Window) -> str | None:
    label = w.redo_label()
    if label is None:
        return None
    return QCoreApplication.translate("commands", "Redo {operation}").format(
        operation=translate_operation(label)
    )


KS = QKeySequence.StandardKey

COMMANDS: list[Command] = [
    # File
    Command(
        "project.new",
        QT_TRANSLATE_NOOP("commands", "&New project…"),
        "file",
        lambda w: w.new_project(),
        shortcut=KS.New,
        tip=QT_TRANSLATE_NOOP("commands", "Create an empty project file"),
        toolbar=True,
    ),
    Command(
        "project.open",
        QT_TRANSLATE_NOOP("commands", "&Open project…"),
        "file",
        lambda w: w.open_project(),
        shortcut=KS.Open,
        tip=QT_TRANSLATE_NOOP("commands", "Open a QualCode project (.qdaproj)"),
        toolbar=True,
    ),
    Command(
        "project.review",
        QT_TRANSLATE_NOOP("commands", "Open for re&view…"),
        "file",
        lambda w: w.open_project(review=True),
        tip=QT_TRANSLATE_NOOP(
            "commands",
            "Open a student's project to comment and check-code without changing their work",
        ),
    ),
    Command(
        "project.sample",
        QT_TRANSLATE_NOOP("commands", "Open the &sample study"),
        "file",
        lambda w: w.open_sample_study(),
        enabled=lambda w: w.sample_available(),
        tip=QT_TRANSLATE_NOOP(
            "commands", "Build the fictional Sukamaju smart-regency study and open it"
        ),
    ),
    Command(
        "project.close",
        QT_TRANSLATE_NOOP("commands", "&Close project"),
        "file",
        lambda w: w.close_project(),
        enabled=has_project,
        shortcut=KS.Close,
    ),
    Command(
        "import.files",
        QT_TRANSLATE_NOOP("commands", "&Import files…"),
        "file",
        lambda w: w.import_files(),
        enabled=lambda w: writable(w) and w.import_available(),
        shortcut="Ctrl+I",
        tip=QT_TRANSLATE_NOOP(
            "commands", "Import transcripts and documents (Word, text, PDF, ODT, RTF…)"
        ),
        toolbar=True,
    ),
    Command(
        "import.folder",
        QT_TRANSLATE_NOOP("commands", "Import a &folder…"),
        "file",
        lambda w: w.import_folder(),
        enabled=lambda w: writable(w) and w.import_available(),
        tip=QT_TRANSLATE_NOOP("commands", "Import every supported file of a folder"),
    ),
    Command(
        "import.casesheet",
        QT_TRANSLATE_NOOP("commands", "Import a &classification sheet…"),
        "file",
        lambda w: w.import_casesheet(),
        enabled=lambda w: writable(w) and w.casesheet_available(),
        tip=QT_TRANSLATE_NOOP(
            "commands", "Read cases and their attributes from an Excel or CSV sheet"
        ),
    ),
    Command(
        "app.settings",
        QT_TRANSLATE_NOOP("commands", "&Settings…"),
        "file",
        lambda w: w.show_settings(),
        shortcut=KS.Preferences,
        tip=QT_TRANSLATE_NOOP("commands", "Language and coder name"),
    ),
    Command(
        "app.quit",
        QT_TRANSLATE_NOOP("commands", "&Quit"),
        "file",
        lambda w: w.close(),
        shortcut=KS.Quit,
    ),
    # Edit
    Command(
        "edit.undo",
        QT_TRANSLATE_NOOP("commands", "&Undo"),
        "edit",
        lambda w: w.undo(),
        enabled=lambda w: can_review(w) and w.undo_label() is not None,
        shortcut=KS.Undo,
        dynamic_label=_undo_label,
        toolbar=True,
    ),
    Command(
        "edit.redo",
        QT_TRANSLATE_NOOP("commands", "&Redo"),
        "edit",
        lambda w: w.redo(),
        enabled=lambda w: can_review(w) and w.redo_label() is not None,
        shortcut=KS.Redo,
        dynamic_label=_redo_label,
        toolbar=True,
    ),
    Command(
        "edit.find",
        QT_TRANSLATE_NOOP("commands", "&Find in document…"),
        "edit",
        lambda w: w.workspace.view.find_bar.open_bar(),
        enabled=lambda w: w.workspace.source_id is not None,
        shortcut=KS.Find,
    ),
    Command(
        "app.palette",
        QT_TRANSLATE_NOOP("commands", "Command &palette…"),
        "edit",
        lambda w: w.show_palette(),
        shortcut="Ctrl+Shift+P",
        tip=QT_TRANSLATE_NOOP("commands", "Find and run any command by name"),
    ),
    # Code
    Command(
        "code.quick",
        QT_TRANSLATE_NOOP("commands", "&Quick code…"),
        "code",
        lambda w: w.quick_code(),
        enabled=_selection,
        shortcut="Ctrl+K",
        toolbar=True,
        tip=QT_TRANSLATE_NOOP(
            "commands", "Type part of a code name (English or Indonesian) and press Enter"
        ),
    ),
    Command(
        "code.selected",
        QT_TRANSLATE_NOOP("commands", "Code with the &selected code"),
        "code",
        lambda w: w.code_with_selected(),
        enabled=lambda w: _selection(w) and w.code_tree.current_code_id() is not None,
        shortcut="Ctrl+Return",
    ),
    Command(
        "code.repeat",
        QT_TRANSLATE_NOOP("commands", "Code with the &last code"),
        "code",
        lambda w: w.repeat_last_code(),
        enabled=lambda w: _selection(w) and bool(w.recent_codes),
        shortcut="Ctrl+L",
    ),
    Command(
        "code.invivo",
        QT_TRANSLATE_NOOP("commands", "&In-vivo code"),
        "code",
        lambda w: w.in_vivo(),
        enabled=lambda w: writable(w) and _selection(w),
        shortcut="Ctrl+Shift+I",
        tip=QT_TRANSLATE_NOOP(
            "commands", "Create a code named from the selected words and apply it"
        ),
    ),
    Command(
        "code.uncode",
        QT_TRANSLATE_NOOP("commands", "&Remove codings at cursor"),
        "code",
        lambda w: w.uncode_at_cursor(),
        enabled=lambda w: can_review(w) and bool(w.workspace.codings_at_cursor()),
    ),
    *[
        Command(
            f"coding.valence.{valence or 'none'}",
            label,
            "code",
            lambda w, v=valence: w.detail.codings.set_valence(v),
            enabled=_coding_chosen,
            shortcut=key,
            tip=QT_TRANSLATE_NOOP(
                "commands", "Set the valence of the coding shown in the Coding details"
            ),
        )
        for valence, label, key in (
            ("supporting", QT_TRANSLATE_NOOP("commands", "Valence: &supporting"), "1"),
            ("inhibiting", QT_TRANSLATE_NOOP("commands", "Valence: &inhibiting"), "2"),
            ("neutral", QT_TRANSLATE_NOOP("commands", "Valence: &neutral"), "3"),
            (None, QT_TRANSLATE_NOOP("commands", "Valence: n&one"), "0"),
        )
    ],
    Command(
        "code.retrieve",
        QT_TRANSLATE_NOOP("commands", "Show &excerpts of the code"),
        "code",
        lambda w: w.show_excerpts(),
        enabled=lambda w: has_project(w) and _code_any(w),
        shortcut="Ctrl+E",
        tip=QT_TRANSLATE_NOOP("commands", "Every passage coded with the selected code"),
    ),
    # Codebook
    Command(
        "codebook.new",
        QT_TRANSLATE_NOOP("commands", "&New code…"),
        "codebook",
        lambda w: w.new_code(),
        enabled=writable,
        shortcut="Ctrl+Shift+N",
    ),
    Command(
        "codebook.child",
        QT_TRANSLATE_NOOP("commands", "New &sub-code…"),
        "codebook",
        lambda w: w.new_code(child=True),
        enabled=_code,
    ),
    Command(
        "codebook.rename",
        QT_TRANSLATE_NOOP("commands", "&Rename code"),
        "codebook",
        lambda w: w.code_tree.edit_current(),
        enabled=_code,
        shortcut="F2",
    ),
    Command(
        "codebook.recolor",
        QT_TRANSLATE_NOOP("commands", "&Colour…"),
        "codebook",
        lambda w: w.recolor_code(),
        enabled=_code,
    ),
    Command(
        "codebook.edit",
        QT_TRANSLATE_NOOP("commands", "&Definition…"),
        "codebook",
        lambda w: w.edit_code_definition(),
        enabled=_code,
        tip=QT_TRANSLATE_NOOP(
            "commands", "Definition, when to use, when not to use, example, labels"
        ),
    ),
    Command(
        "codebook.delete",
        QT_TRANSLATE_NOOP("commands", "&Delete code…"),
        "codebook",
        lambda w: w.delete_code(),
        enabled=_code,
        shortcut="Ctrl+Shift+Delete",
    ),
    Command(
        "codebook.load_file",
        QT_TRANSLATE_NOOP("commands", "&Load a codebook file…"),
        "codebook",
        lambda w: w.load_codebook_file(),
        enabled=writable,
        tip=QT_TRANSLATE_NOOP(
            "commands",
            "A codebook file (.yaml) or a codebook table in Excel, CSV or Word; "
            "loading it again merges by code",
        ),
    ),
    # View
    Command(
        "view.start",
        QT_TRANSLATE_NOOP("commands", "&Start page"),
        "view",
        lambda w: w.show_start_page(),
    ),
    # Help
    Command(
        "help.about",
        QT_TRANSLATE_NOOP("commands", "&About QualCode"),
        "help",
        lambda w: w.show_about(),
    ),
]


def _code_any(w: Window) -> bool:
    return w.code_tree.current_code_id() is not None


def _menu_order(commands: list[Command]) -> list[Command]:
    """Commands in menu order: each one with ``after`` moves right behind that command
    (behind the commands already placed there, in their declared order)."""
    placed = [c for c in commands if c.after is None]
    for cmd in commands:
        if cmd.after is None:
            continue
        ids = [c.id for c in placed]
        at = ids.index(cmd.after) + 1 if cmd.after in ids else len(placed)
        while at < len(placed) and placed[at].after == cmd.after:
            at += 1
        placed.insert(at, cmd)
    return placed


def tr(text: str) -> str:
    """Translate in the ``commands`` context."""
    return QCoreApplication.translate("commands", text)


class CommandTable(QObject):
    """The actions, menus and toolbar of one main window, built from :data:`COMMANDS`."""

    def __init__(self, window: QMainWindow, commands: list[Command] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.commands = {c.id: c for c in (commands or COMMANDS)}
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self.submenus: dict[str, QMenu] = {}
        for cmd in self.commands.values():
            action = QAction(window)
            action.setObjectName(cmd.id)
            if cmd.shortcut is not None:
                action.setShortcut(QKeySequence(cmd.shortcut))
            action.triggered.connect(lambda _=False, c=cmd: self.trigger(c.id))
            window.addAction(action)  # shortcuts work even when a menu is hidden
            self.actions[cmd.id] = action
        bar = window.menuBar()
        for menu_id, _title in MENUS:
            menu = bar.addMenu("")
            menu.setObjectName(f"menu.{menu_id}")
            menu.aboutToShow.connect(self.refresh)
            self.menus[menu_id] = menu
        for cmd in _menu_order(list(self.commands.values())):
            if cmd.menu in SUBMENUS:
                continue
            if cmd.id == "app.settings":
                self.submenus["export"] = self.menus["file"].addMenu("")
            if cmd.id in (
                "import.files", "app.settings", "edit.find", "code.retrieve",
                "coding.valence.supporting",
            ):  # fmt: skip
                self.menus[cmd.menu].addSeparator()
            self.menus[cmd.menu].addAction(self.actions[cmd.id])
            if cmd.id == "project.sample":
                self.submenus["recent"] = self.menus["file"].addMenu("")
        for cmd in self.commands.values():
            if cmd.menu in SUBMENUS:
                self.submenus[cmd.menu].addAction(self.actions[cmd.id])
        self.submenus["shipped"] = self.menus["codebook"].addMenu("")
        self.submenus["panes"] = self.menus["view"].addMenu("")
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("mainToolbar")
        for cmd in self.commands.values():
            if cmd.toolbar:
                self.toolbar.addAction(self.actions[cmd.id])
        window.addToolBar(self.toolbar)
        self.retranslate()

    def trigger(self, command_id: str) -> None:
        """Run a command if it is enabled now."""
        cmd = self.commands[command_id]
        if cmd.enabled(self.window):
            cmd.run(self.window)
        self.refresh()

    def label(self, command_id: str) -> str:
        """The command's current label, translated, without the mnemonic ampersand."""
        return self.actions[command_id].text().replace("&", "")

    def retranslate(self) -> None:
        """Set every text in the current language."""
        for menu_id, title in MENUS:
            self.menus[menu_id].setTitle(tr(title))
            self.menus[menu_id].menuAction().setVisible(not self.menus[menu_id].isEmpty())
        for key, title in SUBMENUS.items():
            self.submenus[key].setTitle(tr(title))
        export = self.submenus["export"]
        export.menuAction().setVisible(not export.isEmpty())
        self.toolbar.setWindowTitle(QCoreApplication.translate("commands", "Main toolbar"))
        for cmd in self.commands.values():
            action = self.actions[cmd.id]
            action.setText(tr(cmd.label))
            tip = tr(cmd.tip) if cmd.tip else tr(cmd.label).replace("&", "")
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
            action.setStatusTip(tip)
        self.refresh()

    def refresh(self) -> None:
        """Update enabled states and dynamic labels (Undo Merge codes)."""
        for cmd in self.commands.values():
            action = self.actions[cmd.id]
            try:
                enabled = bool(cmd.enabled(self.window))
            except Exception:  # a closing window must not crash the menu
                enabled = False
            action.setEnabled(enabled)
            if cmd.dynamic_label is not None:
                dynamic = cmd.dynamic_label(self.window) if enabled else None
                action.setText(dynamic.replace("&", "&&") if dynamic else tr(cmd.label))

    def palette_entries(self) -> list[tuple[str, str, str]]:
        """(command id, label, shortcut) of every enabled command, for the palette."""
        self.refresh()
        out = []
        for cmd_id, action in self.actions.items():
            if action.isEnabled():
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                out.append((cmd_id, self.label(cmd_id), keys))
        return out
