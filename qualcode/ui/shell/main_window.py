"""The main window: navigation, codebook, document, details, excerpts; one project at a time.

It owns the :class:`Dispatcher` and the :class:`CommandTable`, opens and closes
projects, and routes every change set to the panes, each of which redraws only
what the set's flags touch. Coding and codebook commands live in
:class:`CodingActions`, imports in :class:`ImportActions`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QStandardPaths,
    Qt,
    QTime,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from qualcode.errors import ProjectLockedError, QualCodeError
from qualcode.settings import Settings
from qualcode.ui.features import features
from qualcode.ui.i18n import install_translator
from qualcode.ui.panes.code_tree import CodeTreeView, swatch
from qualcode.ui.panes.coding_actions import CodingActions
from qualcode.ui.panes.detail_pane import DetailPane
from qualcode.ui.panes.import_actions import ImportActions, _has
from qualcode.ui.panes.retrieval_pane import RetrievalPane
from qualcode.ui.shell import dialogs
from qualcode.ui.shell.commands import COMMANDS, CommandTable
from qualcode.ui.shell.dispatch import Dispatcher
from qualcode.ui.shell.navigation import NavigationPane
from qualcode.ui.shell.start_page import StartPage
from qualcode.ui.shell.window_parts import (
    LayoutMemory,
    _meant_visible,
    _msg,
    _role_label,
    made_codings,
    menu_text,
    scrolled,
)
from qualcode.ui.shell.workspace import Workspace

if TYPE_CHECKING:
    from qualcode.project import Project
    from qualcode.ui.features import Pane
    from qualcode.ui.panes.quick_code import QuickCodeBox

PROJECT_FILTER = "QualCode (*.qdaproj)"


class MainWindow(LayoutMemory, CodingActions, ImportActions, QMainWindow):
    """The QualCode desktop window."""

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or Settings.load()
        self.project: Project | None = None
        self.recent_codes: list[int] = []
        self.quick_box: QuickCodeBox | None = None
        self._labels_cache: tuple[str | None, str | None] | None = None
        self._shipped_filled: str | bool = False
        self._shipped_hooked = False
        self._code_cache: dict[int, Any] | None = None
        self.setAcceptDrops(True)
        self.dispatcher = Dispatcher(self)
        self.dispatcher.changed.connect(self.on_changes)
        self.dispatcher.error_shown.connect(lambda text: self.statusBar().showMessage(text, 8000))

        self.workspace = Workspace(self)
        self.workspace.view.find_shortcut.setEnabled(False)  # Edit › Find has Ctrl+F
        self.code_tree = CodeTreeView(self)
        self.navigation = NavigationPane(self)
        self.detail = DetailPane(self, self)
        self.retrieval = RetrievalPane(self)
        self.features = features()
        self.panes: dict[str, Pane] = {}
        for feature in self.features:
            if feature.pane is not None:
                self.panes[feature.key] = feature.pane(self)
        self.commands = CommandTable(
            self, COMMANDS + [c for f in self.features for c in f.commands]
        )
        self.start_page = StartPage(
            [self.commands.actions[k] for k in ("project.new", "project.open", "project.sample")],
            self,
        )
        self.central = QStackedWidget(self)
        self.central.addWidget(self.start_page)
        self.central.addWidget(self.workspace)
        self.setCentralWidget(self.central)
        self.docks: dict[str, QDockWidget] = {}
        left, right, bottom = (
            Qt.DockWidgetArea.LeftDockWidgetArea,
            Qt.DockWidgetArea.RightDockWidgetArea,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.code_filter = QLineEdit(self)
        self.code_filter.setObjectName("codebookFilter")
        self.code_filter.setClearButtonEnabled(True)
        self.code_filter.textChanged.connect(self.code_tree.set_filter)
        codebook = QWidget(self)
        codebook_layout = QVBoxLayout(codebook)
        codebook_layout.setContentsMargins(0, 0, 0, 0)
        codebook_layout.setSpacing(2)
        codebook_layout.addWidget(self.code_filter)
        codebook_layout.addWidget(self.code_tree, 1)
        for key, widget, area in (
            ("navigation", self.navigation, left),
            ("codebook", codebook, left),
            ("detail", self.detail, right),
            ("retrieval", self.retrieval, bottom),
        ):
            dock = QDockWidget(self)
            dock.setObjectName(f"dock.{key}")
            dock.setWidget(scrolled(widget))
            self.addDockWidget(area, dock)
            self.commands.submenus["panes"].addAction(dock.toggleViewAction())
            self.docks[key] = dock
        areas = {"left": left, "right": right, "bottom": bottom}
        # Panes share a tab group per side instead of stacking: the window fits 1366×768.
        first_of = {"left": "codebook", "right": "detail", "bottom": "retrieval"}
        for feature in self.features:
            if feature.pane is None or feature.area is None:
                continue
            dock = QDockWidget(self)
            dock.setObjectName(f"dock.{feature.key}")
            dock.setWidget(scrolled(self.panes[feature.key]))
            self.addDockWidget(areas[feature.area], dock)
            self.tabifyDockWidget(self.docks[feature.tab_with or first_of[feature.area]], dock)
            self.commands.submenus["panes"].addAction(dock.toggleViewAction())
            self.docks[feature.key] = dock
            dock.hide()  # shown by its command; the document keeps the room until then
        self.docks["retrieval"].raise_()
        self.docks["detail"].raise_()
        self.splitDockWidget(
            self.docks["navigation"], self.docks["codebook"], Qt.Orientation.Vertical
        )
        self.resizeDocks(
            [self.docks["navigation"], self.docks["detail"]], [280, 300], Qt.Orientation.Horizontal
        )
        self.resizeDocks(
            [self.docks["navigation"], self.docks["codebook"]], [300, 480], Qt.Orientation.Vertical
        )
        self._docks_shown: dict[str, bool] | None = None
        self.recent_bar = QToolBar(self)
        self.recent_bar.setObjectName("recentCodes")
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.recent_bar)
        self.status_saved = QLabel(self)
        self.status_saved.setObjectName("savedIndicator")
        self.statusBar().addPermanentWidget(self.status_saved)
        self.status_project = QLabel(self)
        self.status_review = QLabel(self)
        self.status_review.setObjectName("openComments")
        self.statusBar().addPermanentWidget(self.status_review)
        self.statusBar().addPermanentWidget(self.status_project)

        self.navigation.source_chosen.connect(self.open_source)
        self.navigation.case_chosen.connect(self._on_case_chosen)
        self.navigation.memo_chosen.connect(self.show_memo)
        self.code_tree.code_selected.connect(self._on_code_selected)
        self.code_tree.code_activated.connect(self.show_excerpts)
        self.code_tree.model_.rename_requested.connect(self.rename_code)
        self.code_tree.codes_dropped.connect(self.on_codes_dropped)
        self.code_tree.codes_dropped_on_root.connect(self.on_codes_dropped_on_root)
        self.code_tree.text_dropped.connect(self.apply_code)
        self.code_tree.accepts_text = self._is_selected_text
        self.code_tree.context_menu_wanted.connect(self._code_menu)
        self.workspace.selection_changed.connect(self._on_selection)
        self.workspace.view.coding_resize_requested.connect(self.resize_coding)
        self.workspace.view.context_menu_requested_for_coding.connect(self.coding_menu)
        self.workspace.view.editor.extend_context_menu = self._text_menu
        self.workspace.view.coding_clicked.connect(self.show_coding_details)
        self.retrieval.jump_requested.connect(self.jump_to)
        self.start_page.recent_chosen.connect(self.open_path)

        self._fill_dynamic_menus()
        self.retranslate()
        self.resize(1280, 820)  # app.run() fits it to a smaller screen (a 1366×768 laptop)
        self._restore_layout()
        self._show_project_state()

    # -- project lifecycle ---------------------------------------------------------------
    def open_path(
        self,
        path: str,
        *,
        read_only: bool = False,
        password: str | None = None,
        review: bool = False,
    ) -> bool:
        """Open the project at ``path`` (closing the current one); an encrypted one asks for
        its password unless the keyring or QUALCODE_PASSWORD has it.

        ``review``: open it for review (comments and one's own check codings only);
        a project someone else has open is offered for review or read-only.
        """
        from qualcode.errors import PasswordRequiredError
        from qualcode.project import Project

        self.close_project()
        try:
            project = Project.open(
                path,
                coder=self.settings.coder,
                read_only=read_only,
                password=password,
                review=review,
            )
        except PasswordRequiredError:
            choice: Any = dialogs.project_password(self, path, new=False)
            if choice is None:
                return False
            opened = self.open_path(
                path, read_only=read_only, password=choice.password, review=review
            )
            if opened and choice.remember:
                self._remember_password(path, choice.password)
            return opened
        except ProjectLockedError as exc:
            if read_only or review:
                return False
            choice = dialogs.choose(
                self,
                self.tr("Project in use"),
                _msg(exc),
                [self.tr("Open for review"), self.tr("Open read-only")],
            )
            if choice is None:
                return False
            return self.open_path(path, read_only=choice == 1, review=choice == 0)
        except QualCodeError as exc:
            self.dispatcher.show_error(exc)
            return False
        self.set_project(project)
        for warning in project.warnings:  # e.g. no backup copy: the disk is nearly full
            self.dispatcher.show_error(warning)
        return True

    def set_project(self, project: Any) -> None:
        """Show ``project`` in every pane and remember it as recent."""
        self.project = project
        self.dispatcher.attach(project)
        self.recent_codes = []
        self._labels_cache = None
        self._code_cache = None
        self.settings.remember_project(project.location)  # a server URL without its password
        self.settings.save()
        self.workspace.set_project(project)
        self.navigation.set_project(project)
        self.retrieval.set_project(project)
        for pane in self.panes.values():
            pane.set_project(project)
        self.code_tree.rebuild(project.codes.all(), project.codes.rollup())
        self.detail.codings.show_codings([])
        self.detail.code.show_code(None)
        self.detail.memo.show_target(None, "")
        first = self.navigation.first_source_id()
        if first is not None:
            self.open_source(first)
        self.rebuild_recent_bar()
        self._show_project_state()
        self.show_saved()
        waiting = project.review.open_count()
        if waiting:
            self.statusBar().showMessage(
                self.tr("Open review comment threads: {count}.").format(count=waiting), 15000
            )

    def close_project(self) -> None:
        """Close the open project (running imports are cancelled first)."""
        if self.project is None:
            return
        self.detail.memo.show_target(None, "")  # saves a memo still being written
        self.dispatcher.wait_all()
        self.dispatcher.attach(None)
        project, self.project = self.project, None
        project.close()
        self.workspace.set_project(None)
        self.navigation.set_project(None)
        self.retrieval.set_project(None)
        for pane in self.panes.values():
            pane.set_project(None)
        self.code_tree.rebuild([], {})
        self.detail.codings.show_codings([])
        self.detail.code.show_code(None)
        self.detail.memo.show_target(None, "")
        self.recent_codes = []
        self.rebuild_recent_bar()
        self._show_project_state()
        self.show_saved()

    def new_project(self) -> None:
        """Ask where to create a project, create it and open it."""
        from qualcode.project import Project

        path = dialogs.save_file(self, self.tr("New project"), PROJECT_FILTER)
        if not path:
            return
        if not path.endswith(".qdaproj"):
            path += ".qdaproj"
        choice: Any = dialogs.project_password(self, path, new=True)
        if choice is None:
            return
        self.close_project()
        project = self.dispatcher.run(
            Project.create, path, coder=self.settings.coder, password=choice.password
        )
        if project is not None:
            self.set_project(project)
            if choice.password is not None and choice.remember:
                self._remember_password(path, choice.password)

    def _text_menu(self, menu: Any) -> None:
        """Right-click on the text: code the selection or add it to the identity register."""
        self.commands.refresh()
        menu.addSeparator()
        for command_id in ("code.quick", "identity.add_selection"):
            action = self.commands.actions.get(command_id)
            if action is not None:
                menu.addAction(action)

    def _remember_password(self, path: str, password: str) -> None:
        from qualcode.credentials import remember_project_password

        self.dispatcher.run(remember_project_password, path, password)

    def open_project(self, *, review: bool = False) -> None:
        """Ask for a project file and open it (for review: see :meth:`open_path`)."""
        title = self.tr("Open for review") if review else self.tr("Open project")
        path = dialogs.open_file(self, title, PROJECT_FILTER)
        if path:
            self.open_path(path, review=review)

    def sample_available(self) -> bool:
        """Whether the sample-study builder is installed."""
        return _has("qualcode.app.demo")

    def sample_path(self) -> Path:
        """Where the sample study goes: the user's documents folder."""
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(docs or Path.home()) / "QualCode" / "Sukamaju-sample-study.qdaproj"

    def open_sample_study(self) -> Any:
        """Open the sample study, building it first (on a worker thread) if needed."""
        path = self.sample_path()
        if path.exists():
            self.open_path(str(path))
            return None
        from qualcode.app.demo import build_demo

        coder = self.settings.coder

        def work(progress: Any, cancel: Any) -> Any:
            del cancel  # the build is short and all-or-nothing
            return build_demo(path, progress=progress, coder=coder)

        self.close_project()
        return self.dispatcher.run_task(
            self.tr("Building the sample study…"), work, lambda _s: self.open_path(str(path))
        )

    # -- change sets ------------------------------------------------------------------------
    def on_changes(self, changes: Any, origin: object) -> None:
        """Route a change set to the panes; each redraws only what it touched."""
        if self.project is None:
            return
        self._labels_cache = None
        if changes.codes:
            self._code_cache = None
        self.workspace.on_changes(changes)  # first: its repaint is queued before the counts
        if changes.codes:
            self.code_tree.reload(self.project, changes)
            self.rebuild_recent_bar()
        elif changes.codings or changes.case_links:
            self.code_tree.refresh_counts(self.project, changes)
        self.navigation.on_changes(changes)
        self.detail.on_changes(changes, origin)
        self.retrieval.on_changes(changes)
        for pane in self.panes.values():
            pane.on_changes(changes)
        if changes.codings or changes.codes:
            here = self.workspace.codings_at_cursor()
            shown = self.detail.codings.form_id  # a clicked coding stays chosen after an edit
            if shown is not None and shown not in here:
                here = [*here, shown]
            self.detail.codings.show_codings(here, force=True, prefer=made_codings(changes))
        self._show_project_state()  # also refreshes the commands
        self.show_saved(changes)

    def show_saved(self, changes: Any = None) -> None:
        """Say in the status bar that every change is in the project file (each operation
        commits), with the time of the last one."""
        if self.project is None:
            self.status_saved.clear()
            return
        if self.project.read_only:
            self.status_saved.setText(self.tr("Read-only: nothing is changed"))
            return
        if changes is None:
            self.status_saved.setText(self.tr("Changes are saved as you work"))
        else:
            when = QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat)
            self.status_saved.setText(self.tr("✓ Saved {time}").format(time=when))
        self.status_saved.setToolTip(
            self.tr("Every change is written to the project file at once; there is no Save.")
        )

    def code_cache(self) -> dict[int, Any]:
        """Codes by id, read once per change of the code tree."""
        if self._code_cache is None:
            self._code_cache = {c.id: c for c in self.project.codes.all()}
        return self._code_cache

    def undo_label(self) -> str | None:
        """Label of the step Undo would take back (cached until the next change)."""
        if self.project is None:
            return None
        if self._labels_cache is None:
            self._labels_cache = (self.project.undo_label(), self.project.redo_label())
        return self._labels_cache[0]

    def redo_label(self) -> str | None:
        """Label of the step Redo would re-apply."""
        self.undo_label()
        return self._labels_cache[1] if self._labels_cache else None

    def undo(self) -> None:
        """Undo this coder's last operation."""
        self.dispatcher.run(self.project.undo)

    def redo(self) -> None:
        """Redo the last undone operation."""
        self.dispatcher.run(self.project.redo)

    # -- panes ---------------------------------------------------------------------------
    def open_source(self, source_id: int) -> None:
        """Show a source in the document view."""
        if self.project is None:
            return
        self.workspace.show_source(source_id)
        self.navigation.select_source(source_id)
        src = self.project.sources.get(source_id)
        self.detail.memo.show_target(("source", source_id), src.name)
        self.detail.codings.show_codings([])
        self.commands.refresh()

    def jump_to(self, source_id: int, start: int, end: int) -> None:
        """Open a source at a passage and select it."""
        if self.workspace.source_id != source_id:
            self.open_source(source_id)
        self.workspace.view.select_range(start, end)
        self.workspace.view.scroll_to(start)
        self.workspace.view.editor.setFocus()

    def show_excerpts(self, code_id: int | None = None) -> None:
        """List the excerpts of a code (the current one by default)."""
        code_id = code_id if code_id is not None else self.code_tree.current_code_id()
        if code_id is None:
            return
        self.retrieval.show_code(code_id)
        self.docks["retrieval"].show()
        self.docks["retrieval"].raise_()

    def show_pane(self, key: str) -> Any:
        """Show and raise a pane's dock; returns the pane widget."""
        self.docks[key].show()
        self.docks[key].raise_()
        return self.panes.get(key)

    def show_coding_details(self, coding_id: int) -> None:
        """Show one coding's attributes in the detail pane."""
        self.detail.codings.show_codings([coding_id])
        self.commands.refresh()  # the valence keys act on this coding now
        self.detail.setCurrentWidget(self.detail.codings)
        self.docks["detail"].show()

    def edit_code_definition(self) -> None:
        """Show the current code's definition form."""
        self.detail.code.show_code(self.code_tree.current_code_id())
        self.detail.setCurrentWidget(self.detail.code)
        self.docks["detail"].show()
        self.detail.code.fields["description"].setFocus()

    def _on_selection(self, start: int, end: int) -> None:
        if self.project is None:
            return
        self.detail.codings.show_codings(self.workspace.codings_at_cursor())
        keys = (
            self.commands.actions["code.quick"]
            .shortcut()
            .toString(QKeySequence.SequenceFormat.NativeText)
        )
        self.statusBar().showMessage(
            self.tr("{n} characters selected · {keys} codes them").format(n=end - start, keys=keys)
            if end > start
            else ""
        )
        self.commands.refresh()

    def _on_code_selected(self, code_id: int | None) -> None:
        if self.project is None:
            return
        self.detail.code.show_code(code_id)
        if code_id is not None:
            self.detail.memo.show_target(("code", code_id), self.project.codes.get(code_id).name)
        self.commands.refresh()

    def _on_case_chosen(self, case_id: int) -> None:
        case = self.project.cases.get(case_id)
        self.detail.memo.show_target(("case", case_id), case.name)
        self.detail.setCurrentWidget(self.detail.memo)

    def show_memo(self, memo_id: int) -> None:
        """Open a memo from the navigation pane in the detail pane (and its source, if any)."""
        memo = self.project.memos.get(memo_id)
        kind, target_id = memo.target
        if kind == "source" and target_id is not None:
            self.open_source(target_id)
        if kind in ("source", "case", "code") and target_id is not None:
            manager = {"source": self.project.sources, "case": self.project.cases,
                       "code": self.project.codes}[kind]  # fmt: skip
            self.detail.memo.show_target((kind, target_id), manager.get(target_id).name)
            self.detail.setCurrentWidget(self.detail.memo)
            self.docks["detail"].show()

    def _is_selected_text(self, text: str) -> bool:
        selected = self.workspace.selected_text()
        flat = " ".join
        return bool(selected) and flat(text.split()) == flat(selected.split())

    def _code_menu(self, code_id: int | None, pos: Any) -> None:
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ids = (
            ["code.selected", "code.retrieve", "codebook.new", "codebook.child",
             "codebook.rename", "codebook.recolor", "codebook.edit", "codebook.delete"]
            if code_id is not None
            else ["codebook.new"]
        )  # fmt: skip
        self.commands.refresh()
        for cid in ids:
            menu.addAction(self.commands.actions[cid])
        menu.popup(pos)

    def rebuild_recent_bar(self) -> None:
        """Buttons for the most recently used codes (click codes the selection)."""
        self.recent_bar.clear()
        if self.project is None:
            return
        codes = {c.id: c for c in self.project.codes.all()}
        self.recent_codes = [c for c in self.recent_codes if c in codes]
        for code_id in self.recent_codes:
            code = codes[code_id]
            action = QAction(swatch(code.color), menu_text(code.name), self.recent_bar)
            action.setToolTip(self.tr("Code the selection with '{code}'").format(code=code.name))
            action.triggered.connect(lambda _=False, c=code_id: self.apply_code(c))
            self.recent_bar.addAction(action)

    # -- settings, language, palette -----------------------------------------------------------
    def show_settings(self) -> None:
        """Edit the language and coder name; the language applies at once."""
        from qualcode.ui.shell.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if dialog.exec():
            dialog.apply_to(self.settings)
            self.settings.save()
            self.set_language(self.settings.language)
            self.apply_coder()
        dialog.deleteLater()

    def ask_coder_identity(self) -> bool:
        """First run: ask the coder's name and role once; True when answered."""
        from qualcode.ui.shell.settings_dialog import CoderDialog

        dialog = CoderDialog(self.settings, self)
        try:
            if not dialog.exec():
                return False
            dialog.apply_to(self.settings)
            self.settings.save()
            self.apply_coder()
            return True
        finally:
            dialog.deleteLater()

    def apply_coder(self) -> None:
        """Make the settings' coder the open project's coder at once (undo follows the coder)."""
        name = self.settings.coder
        if self.project is not None and name and name != self.project.coder:
            if self.project.role is not None:  # a team login: the server decides
                return
            self.dispatcher.run(self.project.switch_coder, name)
            self._labels_cache = None
            self.workspace.reload_codings()
        self._show_project_state()

    def set_language(self, language: str) -> None:
        """Switch the interface language live (and remember it)."""
        self.settings.language = language
        self.settings.save()
        install_translator(language)  # posts LanguageChange to every window
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def show_palette(self) -> Any:
        """Open the command palette."""
        from qualcode.ui.shell.palette import CommandPalette

        palette = CommandPalette(self.commands, self)
        palette.show()
        return palette

    def show_start_page(self) -> None:
        """Show the start page (the project stays open)."""
        self.start_page.set_recent(self.settings.recent_projects)
        self.central.setCurrentWidget(self.start_page)

    def show_about(self) -> None:
        """Version and licence."""
        import qualcode

        dialogs.inform(
            self,
            self.tr("About QualCode"),
            self.tr("QualCode {version}: qualitative coding for researchers.").format(
                version=qualcode.__version__
            ),
        )

    def retranslate(self) -> None:
        """Every text the window itself owns, in the current language."""
        self.commands.retranslate()
        self.code_tree.model_.set_headers()
        for key, title in (
            ("navigation", self.tr("Navigation")),
            ("codebook", self.tr("Codebook")),
            ("detail", self.tr("Details")),
            ("retrieval", self.tr("Excerpts")),
            *((f.key, QCoreApplication.translate("panes", f.title)) for f in self.features
              if f.pane is not None and f.area is not None),
        ):  # fmt: skip
            self.docks[key].setWindowTitle(title)
            self.docks[key].setAccessibleName(title)
        self.recent_bar.setWindowTitle(self.tr("Recent codes"))
        self.recent_bar.setAccessibleName(self.tr("Recent codes"))
        self.code_filter.setPlaceholderText(self.tr("Filter codes (name, label, abbreviation)…"))
        self.code_filter.setAccessibleName(self.tr("Filter codes"))
        self._fill_dynamic_menus()
        self.statusBar().clearMessage()  # a transient message in the old language
        self._show_project_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_dynamic_menus(self) -> None:
        recent = self.commands.submenus["recent"]
        recent.clear()
        for path in self.settings.recent_projects:
            action = recent.addAction(menu_text(Path(path).name))
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        recent.setEnabled(bool(self.settings.recent_projects))
        shipped = self.commands.submenus["shipped"]
        shipped.clear()
        self._shipped_filled = False
        shipped.setEnabled(_has("qualcode.codebooks.project"))
        if not self._shipped_hooked:
            shipped.aboutToShow.connect(self.fill_shipped_menu)
            self._shipped_hooked = True

    def fill_shipped_menu(self) -> None:
        """List the shipped codebooks (read on first use: parsing them takes a moment)."""
        shipped = self.commands.submenus["shipped"]
        language = self.settings.language
        if self._shipped_filled != language:  # titles follow the interface language
            from qualcode.codebooks.files import shipped_codebooks

            shipped.clear()
            for book in shipped_codebooks():
                title = book.title.get(language) or book.title.get("en") or book.id
                action = shipped.addAction(menu_text(title))  # "&" is no mnemonic
                action.setObjectName(f"codebook.load.{book.id}")
                action.triggered.connect(lambda _=False, b=book.id: self.load_shipped_codebook(b))
            self._shipped_filled = language
        self._enable_shipped()

    def _enable_shipped(self) -> None:
        writable = self.project is not None and not self.project.content_read_only
        for action in self.commands.submenus["shipped"].actions():
            action.setEnabled(writable)

    def _show_project_state(self) -> None:
        self._show_open_comments()
        if self.project is None:
            self.setWindowTitle("QualCode")
            self.status_project.setText(self.tr("No project open"))
            self.start_page.set_recent(self.settings.recent_projects)
            self.central.setCurrentWidget(self.start_page)
            if self._docks_shown is None:  # panes of a project have nothing to show
                self._docks_shown = {k: _meant_visible(d) for k, d in self.docks.items()}
                for dock in self.docks.values():
                    dock.hide()
        else:
            name = Path(self.project.location).stem
            flag = self.tr(" (read-only)") if self.project.read_only else ""
            if self.project.review_mode:
                flag = self.tr(" (review)")
            self.setWindowTitle(f"{name}{flag} — QualCode")
            role = self.project.role
            role_text = _role_label(role) if role else self._coder_role_label()
            self.status_project.setText(
                self.tr("Coder: {coder}").format(coder=self.project.coder)
                + (f" · {role_text}" if role_text else "")
                + flag
            )
            self.central.setCurrentWidget(self.workspace)
            if self._docks_shown is not None:
                for key, shown in self._docks_shown.items():
                    self.docks[key].setVisible(shown)
                self._docks_shown = None
        self.commands.refresh()

    def _coder_role_label(self) -> str:
        role = self.settings.coder_role
        if role == "supervisor":
            return self.tr("supervisor")
        if role == "researcher":
            return self.tr("researcher")
        return ""

    def _show_open_comments(self) -> None:
        """The status bar badge: how many review threads are open (hidden when none)."""
        count = self.project.review.open_count() if self.project is not None else 0
        text = self.tr("Open comments: {count}").format(count=count)
        self.status_review.setText(f"💬 {text}")
        self.status_review.setToolTip(
            self.tr("Open review comment threads: Analysis › Review comments")
        )
        self.status_review.setVisible(count > 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.close_project()
        super().closeEvent(event)
