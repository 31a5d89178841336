"""House rules: only qualcode/ui imports Qt, and the UI never touches SQL."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "qualcode"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.add(node.module.split(".")[0])
    return names


def test_only_the_ui_imports_pyside6() -> None:
    leaks = [
        str(p.relative_to(PACKAGE.parent))
        for p in PACKAGE.rglob("*.py")
        if "ui" not in p.relative_to(PACKAGE).parts[:1] and "PySide6" in _imports(p)
    ]
    assert not leaks, f"PySide6 imported outside qualcode/ui: {leaks}"


def test_the_ui_does_not_import_sqlalchemy_or_the_store() -> None:
    bad = []
    for p in (PACKAGE / "ui").rglob("*.py"):
        names = _imports(p)
        if "sqlalchemy" in names or any(n.startswith("qualcode.store") for n in names):
            bad.append(str(p.relative_to(PACKAGE.parent)))
    assert not bad, f"qualcode/ui reaches past the core: {bad}"


def test_every_core_module_imports_without_qt() -> None:
    """Import every non-UI module with PySide6 made unimportable."""
    modules = sorted(
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        for p in PACKAGE.rglob("*.py")
        if p.relative_to(PACKAGE).parts[0] != "ui" and p.name != "__main__.py"
    )
    script = (
        "import sys, importlib\n"
        "sys.modules['PySide6'] = None\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "assert not any(k.startswith('PySide6.') for k in sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def _ui_files() -> list[Path]:
    return sorted((PACKAGE / "ui").rglob("*.py"))


def test_the_ui_never_groups_operations() -> None:
    """A user action is ONE core operation: the UI never assembles one from several."""
    bad = [
        str(p.relative_to(PACKAGE.parent))
        for p in _ui_files()
        if any(
            isinstance(n, ast.Attribute | ast.Name)
            and (n.attr if isinstance(n, ast.Attribute) else n.id) == "undo_group"
            for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        )
    ]
    assert not bad, f"undo_group used in qualcode/ui (add a core operation instead): {bad}"
