"""Coding and codebook commands of the main window, each one core operation.

A mixin of :class:`~qualcode.ui.shell.main_window.MainWindow`: it reads the window's
``project``, ``dispatcher``, ``workspace`` and ``code_tree``. Every change goes
through ``dispatcher.run`` so errors are shown translated and the change set
reaches every view. A combined action (create a code and apply it, code in
vivo, move several codes) is one core operation too: one undo step, and a
failed step leaves nothing behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu

from qualcode.ui.panes.code_tree import ABOVE, BELOW
from qualcode.ui.panes.quick_code import QuickCodeBox, place_beside_selection
from qualcode.ui.shell import dialogs

if TYPE_CHECKING:
    from qualcode.changes import ChangeSet
    from qualcode.project import Project
    from qualcode.records import Code, Coding
    from qualcode.settings import Settings
    from qualcode.ui.panes.code_tree import CodeTreeView
    from qualcode.ui.shell.dispatch import Dispatcher
    from qualcode.ui.shell.workspace import Workspace

RECENT_CODES = 8


class CodingActions:
    """Apply, in-vivo, uncode, recode, resize; create, rename, recolour, move, merge, delete."""

    project: Project | None
    dispatcher: Dispatcher
    workspace: Workspace
    code_tree: CodeTreeView
    settings: Settings
    recent_codes: list[int]
    quick_box: QuickCodeBox | None

    # -- coding -----------------------------------------------------------------------------
    def apply_code(self, code_id: int, valence: str | None = None) -> ChangeSet[Coding] | None:
        """Code the selection of the shown source with ``code_id`` (and a valence)."""
        sel = self.workspace.selection()
        if self.project is None or sel is None or sel[0] == sel[1]:
            self.statusBar().showMessage(self.tr("Select some text first."), 4000)
            return None
        result = self.dispatcher.run(
            self.project.codings.apply,
            self.workspace.source_id,
            sel[0],
            sel[1],
            code_id,
            origin=self.workspace,
            **({"valence": valence} if valence else {}),
        )
        if result is not None:
            self.remember_code(code_id)
        return result

    def remember_code(self, code_id: int) -> None:
        """Put ``code_id`` first in the recent-codes bar."""
        if self.recent_codes and self.recent_codes[0] == code_id:
            return  # already first: the bar stays as it is
        self.recent_codes = [code_id] + [c for c in self.recent_codes if c != code_id]
        del self.recent_codes[RECENT_CODES:]
        self.rebuild_recent_bar()

    def quick_code(self, *, recode: list[int] | None = None) -> QuickCodeBox | None:
        """Open the quick-code box over the selection (or to recode ``recode``)."""
        if self.project is None:
            return None
        codes = self.project.codes.all()
        box = QuickCodeBox(
            codes, self.settings.language, self, current_code_id=self.code_tree.current_code_id()
        )
        if recode:
            box.setWindowTitle(self.tr("Recode as…"))
            box.valence.hide()
            box.code_chosen.connect(lambda cid: self.recode(recode, cid))
            box.create_requested.connect(
                lambda name, parent: self._create_and_recode(recode, name, parent)
            )
        else:
            box.code_chosen.connect(lambda cid: self.apply_code(cid, box.chosen_valence()))
            box.create_requested.connect(
                lambda name, parent: self.create_and_apply(name, parent, box.chosen_valence())
            )
        place_beside_selection(box, self.workspace.view.editor)
        box.show()
        box.edit.setFocus()
        self.quick_box = box
        return box

    def create_and_apply(
        self, name: str, parent_id: int | None = None, valence: str | None = None
    ) -> None:
        """Create a code called ``name`` (under ``parent_id``) and code the selection with it:
        one core operation, one undo step."""
        sel = self.workspace.selection()
        if self.project is None or sel is None or sel[0] == sel[1]:
            return
        done = self.dispatcher.run(
            self.project.codings.apply_new_code,
            self.workspace.source_id,
            sel[0],
            sel[1],
            name,
            parent_id=parent_id,
            origin=self.workspace,
            **({"valence": valence} if valence else {}),
        )
        if done is not None:
            self.remember_code(done.result[0].id)

    def code_with_selected(self) -> None:
        """Code the selection with the code selected in the codebook."""
        code_id = self.code_tree.current_code_id()
        if code_id is not None:
            self.apply_code(code_id)

    def repeat_last_code(self) -> None:
        """Code the selection with the most recently used code."""
        if self.recent_codes:
            self.apply_code(self.recent_codes[0])

    def in_vivo(self) -> None:
        """Code the selection with a code named from its own words (created if new)."""
        sel = self.workspace.selection()
        if self.project is None or sel is None or sel[0] == sel[1]:
            self.statusBar().showMessage(self.tr("Select some text first."), 4000)
            return
        done = self.dispatcher.run(
            self.project.codings.in_vivo,
            self.workspace.source_id,
            sel[0],
            sel[1],
            origin=self.workspace,
        )
        if done is not None:
            self.remember_code(done.result[0].id)

    def confirm_others(self, coding_ids: list[int]) -> bool | None:
        """Whether changing these codings changes another coder's work, asked first.

        Returns the ``allow_others`` flag for the core (False: all are one's own),
        or None when the user said no (or, in review mode, cannot).
        """
        others = self.project.codings.by_others(coding_ids)
        if not others:
            return False
        coders = ", ".join(sorted(set(others.values())))
        if self.project.review_mode:
            dialogs.inform(
                self,
                self.tr("Open for review"),
                self.tr("These codings were made by {coders}; in review mode only your own "
                        "codings can change.").format(coders=coders),
            )  # fmt: skip
            return None
        question = self.tr(
            "{count} of these codings were made by {coders}. Change another coder's work?"
        ).format(count=len(others), coders=coders)
        return True if dialogs.ask(self, self.tr("Another coder's coding"), question) else None

    def uncode(self, coding_ids: list[int]) -> None:
        """Remove codings (asking first for another coder's, or for ones with comments)."""
        if not coding_ids:
            return
        allow = self.confirm_others(coding_ids)
        if allow is None or not self.confirm_commented("coding", coding_ids):
            return
        self.dispatcher.run(
            self.project.codings.remove, coding_ids, allow_others=allow, origin=self.workspace
        )

    def confirm_commented(self, target: str, ids: list[int]) -> bool:
        """Ask before deleting targets that review threads are about (their text stays quoted)."""
        threads = self.project.review.on_targets(target, ids)
        if not threads:
            return True
        question = self.tr(
            "{count} review comment thread(s) are about what you are deleting. The threads "
            "keep the quoted text. Delete anyway?"
        ).format(count=len(threads))
        return dialogs.ask(self, self.tr("Commented"), question)

    def uncode_at_cursor(self) -> None:
        """Remove every coding at the cursor (one undo step)."""
        self.uncode(self.workspace.codings_at_cursor())

    def recode(self, coding_ids: list[int], code_id: int) -> None:
        """Give codings another code (asking first for another coder's)."""
        allow = self.confirm_others(coding_ids)
        if allow is None:
            return
        done = self.dispatcher.run(
            self.project.codings.recode, coding_ids, code_id, allow_others=allow
        )
        if done is not None:
            self.remember_code(code_id)

    def _create_and_recode(
        self, coding_ids: list[int], name: str, parent_id: int | None = None
    ) -> None:
        if self.project is None:
            return
        done = self.dispatcher.run(
            self.project.codings.recode_new_code, coding_ids, name, parent_id=parent_id
        )
        if done is not None:
            self.remember_code(done.result[0].id)

    def resize_coding(self, coding_id: int, start: int, end: int) -> None:
        """Move a coding's edges (from a drag in the document view; another coder's: asked)."""
        allow = self.confirm_others([coding_id])
        if allow is None:
            self.workspace.reload_codings()  # the dragged preview snaps back
            return
        self.dispatcher.run(self.project.codings.resize, coding_id, start, end, allow_others=allow)

    def coding_menu(self, coding_id: int, pos: QPoint) -> QMenu:
        """The context menu of a coding stripe or highlight: uncode, recode, details."""
        menu = QMenu(self)
        try:
            coding = self.project.codings.get(coding_id)
            name = self.project.codes.get(coding.code_id).name
        except Exception:  # vanished meanwhile
            return menu
        menu.addAction(
            self.tr("Remove coding '{code}'").format(code=name.replace("&", "&&")),
            lambda: self.uncode([coding_id]),
        )
        menu.addAction(self.tr("Recode as…"), lambda: self.quick_code(recode=[coding_id]))
        menu.addAction(self.tr("Coding details"), lambda: self.show_coding_details(coding_id))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(pos)
        return menu

    # -- codebook ---------------------------------------------------------------------------
    def new_code(self, *, child: bool = False) -> None:
        """Ask for a name and create a code (under the current code for a sub-code)."""
        parent = self.code_tree.current_code_id() if child else None
        name = dialogs.get_text(self, self.tr("New code"), self.tr("Name of the new code:"))
        if name:
            self.create_code(name, parent)

    def create_code(self, name: str, parent_id: int | None = None) -> ChangeSet[Code] | None:
        """Create a code and select it in the tree."""
        created = self.dispatcher.run(self.project.codes.create, name, parent_id=parent_id)
        if created is not None:
            self.code_tree.select_code(created.result.id)
        return created

    def rename_code(self, code_id: int, name: str) -> None:
        """Rename a code (from an in-place edit)."""
        self.dispatcher.run(self.project.codes.rename, code_id, name)

    def recolor_code(self) -> None:
        """Pick a new colour for the current code."""
        code_id = self.code_tree.current_code_id()
        if code_id is None:
            return
        code = self.project.codes.get(code_id)
        color = dialogs.get_color(
            self, self.tr("Colour of '{code}'").format(code=code.name), code.color
        )
        if color:
            self.dispatcher.run(self.project.codes.recolor, code_id, color)

    def delete_code(self) -> None:
        """Delete the current code after saying how many codings go with it."""
        code_id = self.code_tree.current_code_id()
        if code_id is None:
            return
        code = self.project.codes.get(code_id)
        ids = [code_id, *self.project.codes.descendants(code_id)]
        codings = self.project.codes.rollup([code_id])[code_id].all_codings
        text = self.tr(
            "Delete the code '{code}' with {subcodes} sub-codes and {codings} codings? "
            "Undo brings them back."
        ).format(code=code.name, subcodes=len(ids) - 1, codings=codings)
        threads = self.project.review.on_code_tree(ids)
        if threads:
            text += "\n\n" + self.tr(
                "{count} review comment thread(s) are about this code or its codings; they keep "
                "the quoted text."
            ).format(count=len(threads))
        if dialogs.ask(self, self.tr("Delete code"), text):
            self.dispatcher.run(self.project.codes.delete, code_id)

    def merge_codes(self, source_ids: list[int], target_id: int, *, confirm: bool = True) -> None:
        """Merge codes into ``target_id`` after confirmation naming the codings moved."""
        counts = self.project.codes.counts()
        names = ", ".join(f"'{self.project.codes.get(s).name}'" for s in source_ids)
        target = self.project.codes.get(target_id)
        moved = sum(counts.get(s, (0, 0))[0] for s in source_ids)
        text = self.tr("Merge {codes} into '{target}'? {count} codings move to '{target}'.").format(
            codes=names, target=target.name, count=moved
        )
        if not confirm or dialogs.ask(self, self.tr("Merge codes"), text):
            self.dispatcher.run(self.project.codes.merge, source_ids, target_id)

    def on_codes_dropped(self, dragged: list[int], target_id: int, where: str) -> None:
        """A code dragged in the tree: merge into / nest under the target, or move beside it."""
        target = self.project.codes.get(target_id)
        if where in (ABOVE, BELOW):
            self.dispatcher.run(
                self.project.codes.move_many, dragged, beside=target_id, after=where == BELOW
            )
            return
        names = ", ".join(f"'{self.project.codes.get(s).name}'" for s in dragged)
        choice = dialogs.choose(
            self,
            self.tr("Drop on '{code}'").format(code=target.name),
            self.tr("What should happen to {codes}?").format(codes=names),
            [
                self.tr("Merge into '{code}'").format(code=target.name),
                self.tr("Make sub-code of '{code}'").format(code=target.name),
            ],
        )
        if choice == 0:
            self.merge_codes(dragged, target_id)
        elif choice == 1:
            self.dispatcher.run(self.project.codes.move_many, dragged, target_id)

    def on_codes_dropped_on_root(self, dragged: list[int]) -> None:
        """A code dropped on empty space becomes a top-level code."""
        self.dispatcher.run(self.project.codes.move_many, dragged, None)

    def load_codebook_file(self) -> None:
        """Load a codebook file: YAML, or a table drafted in Excel, CSV or Word (one undo step).

        A table holds its texts in one language, so the researcher says which.
        """
        from qualcode.codebooks.files import TABLE_SUFFIXES
        from qualcode.codebooks.project import load_codebook_into

        path = dialogs.open_file(
            self,
            self.tr("Load a codebook file"),
            self.tr("Codebook (*.yaml *.yml *.xlsx *.csv *.docx)")
            + ";;"
            + self.tr("All files (*)"),
        )
        if not path:
            return
        language = self.settings.language if self.settings.language in ("en", "id") else None
        if Path(path).suffix.lower() in TABLE_SUFFIXES:
            choice = dialogs.choose(
                self,
                self.tr("Load a codebook file"),
                self.tr("In which language are the code names and definitions of {file}?").format(
                    file=Path(path).name
                ),
                [self.tr("Bahasa Indonesia"), self.tr("English")],
            )
            if choice is None:
                return
            language = ("id", "en")[choice]
        report = self.dispatcher.run(load_codebook_into, self.project, path, language=language)
        if report is not None:
            self.statusBar().showMessage(
                self.tr("Codebook loaded: {created} new codes, {updated} updated.").format(
                    created=len(report.created), updated=len(report.updated)
                ),
                8000,
            )

    def load_shipped_codebook(self, codebook_id: str) -> None:
        """Load a codebook shipped with QualCode (one undo step)."""
        from qualcode.codebooks.project import load_codebook_into

        language = self.settings.language if self.settings.language in ("en", "id") else None
        report = self.dispatcher.run(
            load_codebook_into, self.project, codebook_id, language=language
        )
        if report is not None:
            self.statusBar().showMessage(
                self.tr("Codebook loaded: {created} new codes, {updated} updated.").format(
                    created=len(report.created), updated=len(report.updated)
                ),
                8000,
            )
