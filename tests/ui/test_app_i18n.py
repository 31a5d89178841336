"""Languages: the Indonesian catalogue is complete and compiled, and switching is live."""

from __future__ import annotations

import ast
import filecmp
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from qualcode.ui.i18n import FOLDER, install_translator
from qualcode.ui.shell.commands import COMMANDS, MENUS, SUBMENUS

ROOT = Path(__file__).resolve().parents[2]
TS = FOLDER / "qualcode_id.ts"
QM = FOLDER / "qualcode_id.qm"
BIN = Path(sys.executable).parent


def _catalogue(path: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) -> finished translation (None when unfinished or empty)."""
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            text = tr.text if tr is not None else None
            if tr is not None and msg.get("numerus") == "yes":  # plural forms, one per line
                text = "\n".join(f.text or "" for f in tr.iter("numerusform"))
            done = tr is not None and tr.get("type") not in ("unfinished", "vanished") and text
            out[(name, msg.findtext("source"))] = text if done else None
    return out


@pytest.fixture
def english_after():
    yield
    install_translator("en")


def _tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else shutil.which(name) or name


def test_the_compiled_catalogue_matches_the_ts_file(tmp_path):
    fresh = tmp_path / "fresh.qm"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert filecmp.cmp(fresh, QM, shallow=False), "run scripts/update-translations.sh"


def test_every_string_of_the_ui_is_in_the_ts_file_and_translated(tmp_path):
    # The UI's own tr() strings, scanned afresh (the core's are checked from the sources below).
    ui = sorted(str(p) for p in (ROOT / "qualcode/ui").rglob("*.py"))
    scan = tmp_path / "scan.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), "-locations", "none", *ui, "-ts", str(scan)],
        check=True,
        capture_output=True,
    )
    committed = _catalogue(TS)
    missing = [key for key in _catalogue(scan) if committed.get(key) is None]
    assert not missing, f"untranslated (run scripts/update-translations.sh): {missing[:10]}"


MARKER = "QT_TRANSLATE_NOOP"


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _marked_strings() -> dict[tuple[str, str], str]:
    """(context, source) -> module, for every QT_TRANSLATE_NOOP call (or alias) in qualcode."""
    found: dict[tuple[str, str], str] = {}
    for path in sorted((ROOT / "qualcode").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {MARKER}
        for node in ast.walk(tree):  # `_T = QT_TRANSLATE_NOOP` or `import QT_TRANSLATE_NOOP as _T`
            if isinstance(node, ast.Assign) and getattr(node.value, "id", None) == MARKER:
                names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
            elif isinstance(node, ast.ImportFrom):
                names |= {a.asname for a in node.names if a.name == MARKER and a.asname}
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) in names
                and len(node.args) >= 2
                and all(_is_text(a) for a in node.args[:2])
            ):
                key = (node.args[0].value, node.args[1].value)
                found.setdefault(key, str(path.relative_to(ROOT)))
    return found


def test_no_message_of_the_catalogue_is_left_unfinished():
    # UI and core alike: lupdate adds new strings as "unfinished"; each needs a translation.
    root = ET.parse(TS).getroot()
    left = []
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            forms = [f.text or "" for f in tr.iter("numerusform")] if tr is not None else []
            text = (
                " ".join(forms)
                if msg.get("numerus") == "yes"
                else (tr.text if tr is not None else "")
            )
            if tr is None or tr.get("type") is not None or not (text or "").strip():
                left.append((ctx.findtext("name"), msg.findtext("source")))
    assert not left, f"{len(left)} untranslated or obsolete in {TS.name}: {left[:10]}"


def test_every_string_marked_in_the_code_is_in_the_catalogue_and_translated():
    # Catches strings the script never collected (not run, or a marker lupdate cannot see).
    assert len(_marked_strings()) > 300  # the scan itself works
    committed = _catalogue(TS)
    missing = [(key, where) for key, where in _marked_strings().items() if not committed.get(key)]
    assert not missing, f"run scripts/update-translations.sh and translate: {missing[:10]}"


def test_translations_keep_every_placeholder():
    field = re.compile(r"\{[A-Za-z_]\w*\}")
    wrong = [
        (source, text)
        for (_, source), text in _catalogue(TS).items()
        if text is not None and sorted(field.findall(source)) != sorted(field.findall(text))
    ]
    assert not wrong, wrong[:10]


def test_every_menu_string_has_an_indonesian_translation():
    committed = _catalogue(TS)
    labels = [c.label for c in COMMANDS] + [t for _, t in MENUS] + list(SUBMENUS.values())
    labels += [c.tip for c in COMMANDS if c.tip]
    for label in labels:
        translated = committed.get(("commands", label))
        assert translated and translated != label, label


def test_switching_to_bahasa_indonesia_translates_menus_undo_errors_and_dates(
    main_window, select_text, english_after
):
    w = main_window
    w.set_language("id")
    titles = [w.commands.menus[key].title() for key, _ in MENUS]
    assert titles == [
        "&Berkas", "&Sunting", "&Kode", "Buku k&ode", "&Analisis", "&Tampilan", "B&antuan"
    ]  # fmt: skip
    assert w.commands.actions["code.quick"].text() == "Kode &cepat…"
    assert w.docks["codebook"].windowTitle() == "Buku kode"
    assert w.navigation.box.itemText(0) == "Sumber"
    assert w.code_tree.model_.headerData(1, w.code_tree.header().orientation()) == "Pengodean"
    # Strings of the coding mixin resolve through the window's class hierarchy.
    w.workspace.view.select_range(0, 0)
    w.apply_code(w.project.codes.find("Budget").id)
    assert w.statusBar().currentMessage() == "Pilih teks terlebih dahulu."
    # Operation labels from the core, in the Undo menu entry.
    select_text(w, "rapat koordinasi")
    w.apply_code(w.project.codes.find("Budget").id)
    w.commands.refresh()
    assert w.commands.actions["edit.undo"].text() == "Urungkan Kode teks"
    # Error templates from the core, translated then filled in.
    w.apply_code(w.project.codes.find("Budget").id)
    assert w.dispatcher.last_error.startswith("Bagian teks ini sudah memiliki kode tersebut")
    for box in [b for b in w.findChildren(type(w.window())) if b.objectName() == "errorBox"]:
        box.close()
    from PySide6.QtWidgets import QApplication

    for box in [b for b in QApplication.topLevelWidgets() if b.objectName() == "errorBox"]:
        box.close()
    # Dates follow the locale.
    assert (
        QLocale().toString(date(2024, 3, 12), QLocale.FormatType.LongFormat).endswith("Maret 2024")
    )
    w.set_language("en")
    assert w.commands.menus["file"].title() == "&File"
    assert w.settings.language == "en"


def test_every_message_is_filed_under_a_context_the_app_asks_for():
    """lupdate files a string under the wrong key when a call hides its context (an alias
    of ``QCoreApplication.translate``, a nested ``def tr``): the app then never finds the
    translation although the catalogue has it."""
    root = ET.parse(FOLDER / "qualcode_id.ts").getroot()
    contexts = {ctx.findtext("name") or "" for ctx in root.iter("context")}
    assert "" not in contexts
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            assert msg.find("comment") is None, (ctx.findtext("name"), msg.findtext("source"))
            assert msg.findtext("source") not in contexts, (
                ctx.findtext("name"),
                msg.findtext("source"),
            )
