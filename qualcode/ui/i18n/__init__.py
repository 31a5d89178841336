"""Translations of the desktop app: Qt ``.ts`` sources and compiled ``.qm`` files.

English is the source language; ``qualcode_id.qm`` holds Bahasa Indonesia. The
same catalogue covers the UI (``self.tr``), the menus (``commands`` context) and
the core's operation labels and error templates (``operations`` and ``errors``
contexts, marked with ``QT_TRANSLATE_NOOP``). Regenerate with
``scripts/update-translations.sh``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

FOLDER = Path(__file__).resolve().parent
LANGUAGES = {"en": "English", "id": "Bahasa Indonesia"}

_installed: list[QTranslator] = []


def qm_path(language: str) -> Path:
    """The compiled catalogue for ``language``."""
    return FOLDER / f"qualcode_{language}.qm"


def install_translator(language: str) -> bool:
    """Make ``language`` the app's language (replacing the previous one), live.

    Returns False when there is no catalogue (English needs none). Widgets that
    listen for ``QEvent.LanguageChange`` retranslate themselves.
    """
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(language_locale(language)))
    if language == "en":
        return False
    translator = QTranslator(app)
    if not translator.load(str(qm_path(language))):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    # Qt's own strings (standard dialog buttons) when the system ships them.
    from PySide6.QtCore import QLibraryInfo

    base = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if base.load(QLocale(language_locale(language)), "qtbase", "_", qt_dir):
        app.installTranslator(base)
        _installed.append(base)
    return True


def language_locale(language: str) -> str:
    """Qt locale name of an app language (dates and numbers follow it)."""
    return {"id": "id_ID", "en": "en_GB"}.get(language, language)


def translate_error(err: object) -> str:
    """A :class:`QualCodeError` in the current language, parameters filled in."""
    template = getattr(err, "template_text", str(err))
    params = getattr(err, "params", {})
    text = QCoreApplication.translate("errors", template)
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text


def translate_operation(label: str) -> str:
    """An operation label ("Merge codes") in the current language."""
    return QCoreApplication.translate("operations", label)
