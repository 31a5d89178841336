"""File › Restore from backup: put an automatic backup copy in place of a project file.

Works with no project open too, since a damaged project cannot be opened: the
user then picks the project file first. The restore itself is the core's
(``Project.restore_backup``), which keeps the replaced file as a backup.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ui.features import Feature
from qualcode.ui.shell import dialogs
from qualcode.ui.shell.commands import Command

PROJECT_FILTER = "QualCode (*.qdaproj)"


def reason_label(reason: str) -> str:
    """Why a copy was made, in the interface language."""
    if reason == "auto":
        return QCoreApplication.translate("Backups", "automatic")
    if reason.startswith("before-upgrade"):
        return QCoreApplication.translate("Backups", "before a format upgrade")
    if reason == "before-restore":
        return QCoreApplication.translate("Backups", "before a restore")
    if reason == "damaged":
        return QCoreApplication.translate("Backups", "damaged file set aside")
    return reason


def backup_items(infos: list[Any]) -> list[tuple[str, object]]:
    """``(text, number)`` for each backup: when, why and how big, newest first."""
    items: list[tuple[str, object]] = []
    for info in infos:
        when = info.created.astimezone().strftime("%Y-%m-%d %H:%M")
        size = QCoreApplication.translate("Backups", "{n} KB").format(
            n=max(1, round(info.size / 1024))
        )
        items.append((f"{when}  ·  {reason_label(info.reason)}  ·  {size}", info.number))
    return items


def restore_from_backup(window: Any) -> bool:
    """Ask which backup of which project to restore, restore it and open the project."""
    from qualcode.project import Project

    project = window.project
    path = str(project.path) if project is not None and project.path is not None else None
    if path is None:
        path = dialogs.open_file(
            window, QCoreApplication.translate("Backups", "Restore which project?"), PROJECT_FILTER
        )
        if not path:
            return False
    infos = window.dispatcher.run(Project.backups, path)
    if not infos:
        dialogs.inform(
            window,
            QCoreApplication.translate("Backups", "Restore from backup"),
            QCoreApplication.translate("Backups", "This project has no backup copies yet."),
        )
        return False
    number = dialogs.choose_item(
        window,
        QCoreApplication.translate("Backups", "Restore from backup"),
        QCoreApplication.translate("Backups", "Backup copy to restore:"),
        backup_items(infos),
    )
    if number is None:
        return False
    chosen = next(info for info in infos if info.number == number)
    question = QCoreApplication.translate(
        "Backups",
        "Replace the project with the copy made {when}? The current file is kept in the "
        "backups folder, so this can be taken back the same way.",
    ).format(when=chosen.created.astimezone().strftime("%Y-%m-%d %H:%M"))
    if not dialogs.ask(
        window, QCoreApplication.translate("Backups", "Restore from backup"), question
    ):
        return False
    window.close_project()
    restored = window.dispatcher.run(
        Project.restore_backup, path, str(chosen.number), coder=window.settings.coder
    )
    if restored is None:
        return False
    return bool(window.open_path(path))


FEATURE = Feature(
    key="backups",
    pane=None,
    area=None,
    commands=(
        Command(
            "project.restore_backup",
            QT_TRANSLATE_NOOP("commands", "Restore from &backup…"),
            "file",
            restore_from_backup,
            after="project.close",
            tip=QT_TRANSLATE_NOOP(
                "commands", "Replace a project with one of its automatic backup copies"
            ),
        ),
    ),
)
