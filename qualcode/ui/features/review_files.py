"""File commands of supervision: the review report export and merging a reviewed copy back.

Both run one core call (:mod:`qualcode.export.review_report`,
:func:`qualcode.analysis.review_merge.merge_review`); the merge is one undo step.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ui.shell import dialogs
from qualcode.ui.shell.commands import Command, has_project, writable


def export_review(window: Any) -> Any:
    """Ask for a file (.docx or .html) and write the review report in the interface language."""
    from qualcode.export.review_report import write_review_docx, write_review_html

    actions = window.panes["exports"]
    path = actions.ask_save(
        QCoreApplication.translate("ReviewFiles", "Export the review report"),
        QCoreApplication.translate("ReviewFiles", "Word document (*.docx);;Web page (*.html)"),
        QCoreApplication.translate("ReviewFiles", "{project} review").format(
            project=actions._stem()
        ),
        (".docx", ".html"),
    )
    if not path:
        return None
    hide = dialogs.ask(
        window,
        QCoreApplication.translate("ReviewFiles", "Review report"),
        QCoreApplication.translate(
            "ReviewFiles", "Replace the names of informants and cases with pseudonyms?"
        ),
    )
    write = write_review_html if path.lower().endswith(".html") else write_review_docx
    project, language = window.project, actions.language()

    def work(progress: Any, cancel: Any) -> None:
        actions.guarded(  # the register rewrite and leak check when pseudonymising
            project, path, lambda target: write(project, target, language=language,
                                                pseudonymise=hide),
            pseudonymise=hide,
        )  # fmt: skip

    return actions.run(
        QCoreApplication.translate("ReviewFiles", "Exporting the review report…"),
        work,
        actions._saved(path),
    )


def merge_review_copy(window: Any) -> Any:
    """Ask for the copy the supervisor sent back and merge its review work in (one undo step)."""
    from qualcode.analysis.review_merge import merge_review

    path = dialogs.open_file(
        window,
        QCoreApplication.translate("ReviewFiles", "Merge a reviewed copy"),
        QCoreApplication.translate("ReviewFiles", "QualCode project (*.qdaproj)"),
    )
    if not path:
        return None
    if Path(path).resolve() == window.project.path:
        dialogs.inform(
            window,
            QCoreApplication.translate("ReviewFiles", "Merge review"),
            QCoreApplication.translate("ReviewFiles", "Choose the copy, not this project."),
        )
        return None
    made = window.dispatcher.run(merge_review, window.project, path)
    if made is None:
        return None
    r = made.result
    text = QCoreApplication.translate("ReviewFiles",
        "Merged {comments} comments, {replies} replies, {resolutions} resolutions and "
        "{codings} check codings."
    ).format(comments=r.comments, replies=r.replies, resolutions=r.resolutions,
             codings=r.codings)  # fmt: skip
    if r.conflicts:
        text += (
            "\n\n"
            + QCoreApplication.translate("ReviewFiles", "Conflicts:")
            + "\n"
            + "\n".join(r.conflicts)
        )
    dialogs.inform(window, QCoreApplication.translate("ReviewFiles", "Merge review"), text)
    return r


COMMANDS = (
    Command(
        "review.export",
        QT_TRANSLATE_NOOP("commands", "&Review report…"),
        "export",
        export_review,
        enabled=has_project,
        tip=QT_TRANSLATE_NOOP(
            "commands", "Every comment thread with its quoted text, for the bimbingan log"
        ),
    ),
    Command(
        "review.merge",
        QT_TRANSLATE_NOOP("commands", "&Merge a reviewed copy…"),
        "file",
        merge_review_copy,
        enabled=writable,
        tip=QT_TRANSLATE_NOOP(
            "commands",
            "Bring the supervisor's comments, replies, resolutions and check codings from a "
            "returned copy into this project",
        ),
    ),
)
