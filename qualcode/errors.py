"""Typed errors raised by the core.

Every error carries an English message *template* (marked for translation) and
named parameters, so the CLI can print it as is and the UI can translate the
template before filling it in. Catch :class:`QualCodeError` to catch them all.
"""

from __future__ import annotations

from typing import Any, ClassVar

from qualcode.i18n import QT_TRANSLATE_NOOP


class QualCodeError(Exception):
    """Base class of every error the core raises on purpose."""

    template: ClassVar[str] = QT_TRANSLATE_NOOP("errors", "{message}")

    def __init__(self, template: str | None = None, /, **params: Any) -> None:
        self.template_text = template if template is not None else self.template
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The message in English with its parameters filled in."""
        try:
            return self.template_text.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.template_text


class ValidationError(QualCodeError):
    """Input to an operation is not acceptable (bad range, duplicate name, cycle...)."""


class NotFoundError(QualCodeError):
    """An object named by id or name does not exist in the project."""


class ConflictError(QualCodeError):
    """The data changed under an operation (another process or coder edited it)."""


class ProjectError(QualCodeError):
    """A project file cannot be opened or written as asked."""


class NewerSchemaError(ProjectError):
    """The project was written by a newer QualCode; opening it could damage it."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "This project was saved by a newer version of QualCode (schema {found}; this version "
        "understands up to {supported}). Update QualCode to open it; the file was not changed.",
    )


class OlderSchemaError(ProjectError):
    """A read-only open of a project that needs an upgrade first."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "{path} uses an older project format; open it once for writing to "
        "upgrade it (a backup copy is made first).",
    )


class ProjectLockedError(ProjectError):
    """Another process has the project open for writing."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "The project is open in another window or on another computer ({owner}). "
        "It can be opened read-only.",
    )


class ReadOnlyError(ProjectError):
    """A change was attempted on a project opened read-only."""

    template = QT_TRANSLATE_NOOP(
        "errors", "The project is open read-only; changes cannot be saved."
    )


class ReviewModeError(ProjectError):
    """A change to the student's work was attempted on a project opened for review."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "The project is open for review: only review comments and your own codings can "
        "change ({what}). Nothing was changed.",
    )


class OthersCodingError(ConflictError):
    """A coder tried to change another coder's coding without confirming it."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "Coding {id} was made by {owner}; confirm before changing another coder's coding. "
        "Nothing was changed.",
    )


class ImportFailedError(QualCodeError):
    """A file could not be imported; the project was left unchanged."""


class ExportFailedError(QualCodeError):
    """An export could not be written."""


class CancelledError(QualCodeError):
    """A long task was cancelled by the user; nothing was changed."""

    template = QT_TRANSLATE_NOOP("errors", "Cancelled.")


class RoleDeniedError(QualCodeError):
    """The database server refused a change the acting member's team role does not allow.

    Raised for PostgreSQL's ``insufficient_privilege`` (SQLSTATE 42501): a
    missing GRANT, a row-level security policy, or QualCode's ownership guard
    (a coder changing another coder's coding). The transaction was rolled back.
    """

    template = QT_TRANSLATE_NOOP("errors", "Your role ({role}) does not allow this change: {what}.")
    NO_ROLE = QT_TRANSLATE_NOOP(
        "errors", "The database server refused this for your account: {what}."
    )


class PasswordRequiredError(ProjectError):
    """An encrypted project was opened without a password (none given, stored or set)."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "{path} is encrypted. Type its password, keep it in the keyring, or set "
        "QUALCODE_PASSWORD for scripts.",
    )


class WrongPasswordError(ProjectError):
    """The password does not open an encrypted project (the file was not changed)."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "The password does not open {path} (or the file is not a QualCode project). "
        "The file was not changed.",
    )


class ProjectBusyError(ProjectError):
    """Another process is in the middle of writing to the project file; waiting did not help."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "The project is busy: {owner} is writing to it. Wait until it finishes (or close "
        "the project there) and try again; nothing was changed.",
    )


class ProjectDamagedError(ProjectError):
    """The project file is corrupted (SQLite reports a malformed database)."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "{path} is damaged ({reason}). Restore a backup with `qualcode backups restore "
        "PROJECT` or File › Restore from backup.",
    )


class DiskFullError(QualCodeError):
    """The disk ran out of space while writing; what was being written was not kept."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "The disk is full: free at least {needed} MB on the drive of {where} and try again. "
        "Nothing was changed.",
    )


class ServerBusyError(ProjectError):
    """A team server did not answer within the time limit (a lock held or a slow query)."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "The server is busy: {reason}. Another member may be holding a lock; try again in "
        "a moment. Nothing was changed.",
    )


class BackupSkippedError(QualCodeError):
    """A warning, not a failure: the rolling backup copy could not be made; the project opened."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "No backup copy was made this time ({reason}); the project is open and your work is "
        "saved as usual. Free some disk space so backups resume.",
    )


class RegexTimeoutError(ValidationError):
    """A regular-expression search ran past its time limit and was stopped."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "The regular expression was stopped after {seconds} seconds. Patterns with nested "
        "repeats such as (\\w+\\s?)+ can run almost forever; simplify it (for example "
        "\\w+(\\s\\w+)*) or search with another mode.",
    )


class SearchIndexAlteredError(QualCodeError):
    """A team server's search index rows do not follow from the texts (someone altered them).

    Reported, not raised: the search goes on with a rebuilt or a local index.
    """

    template = QT_TRANSLATE_NOOP(
        "errors",
        "The team server's search index did not match the text of {sources} (someone altered "
        "it); those sources were indexed again.",
    )


class SearchIndexAlteredLocalError(SearchIndexAlteredError):
    """As :class:`SearchIndexAlteredError`, for a member who may not rewrite the index."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "The team server's search index did not match the text of {sources} (someone altered "
        "it); this computer searches with its own index until an owner runs "
        "'qualcode search PROJECT --rebuild-index'.",
    )
