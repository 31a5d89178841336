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


# Plain domain words that are also table names: the UI uses them as kinds ("code", "case").
DOMAIN_WORDS = {"code", "coding", "source", "cases", "memo", "coder", "attribute", "conclusion"}
SEARCH_TABLES = {"search_doc", "search_meta", "search_fts", "search_vocab_ins", "search_vocab_col"}


def test_every_table_belongs_to_an_area() -> None:
    """The one table -> area map knows every table, so no change escapes the views' flags."""
    from qualcode.changes import TABLE_AREAS
    from qualcode.store.models import Base

    missing = sorted(set(Base.metadata.tables) - set(TABLE_AREAS))
    assert not missing, f"add these tables to qualcode.changes.TABLE_AREAS: {missing}"


def test_the_ui_names_no_table() -> None:
    """Views ask a change set's typed flags; table names stay in the core."""
    from qualcode.store.models import Base

    tables = (set(Base.metadata.tables) | SEARCH_TABLES) - DOMAIN_WORDS
    bad = []
    for p in _ui_files():
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            where = f"{p.relative_to(PACKAGE.parent)}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Constant) and node.value in tables:
                bad.append(f"{where} {node.value!r}")
            elif isinstance(node, ast.Attribute) and node.attr in ("touches", "touched"):
                bad.append(f"{where} .{node.attr}")
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "ids"
                and any(isinstance(a, ast.Constant) for a in node.args)
            ):
                bad.append(f"{where} .ids(<table>)")
    assert not bad, f"table names in qualcode/ui (use ChangeSet flags): {bad}"


# The parts of the package, lowest first. A module may import its own part and the parts below
# it, never one above (docs/architecture.md draws the same picture). Top-level modules are
# named by file.
LAYERS: list[set[str]] = [
    # kernel: words, ids, records, change sets, file and error plumbing, settings, keyring
    {"errors", "i18n", "ids", "records", "changes", "resources", "fileio", "failures", "safezip",
     "settings", "credentials", "lock", "text", "bulk", "__version__"},
    {"store"},
    # the domain: the project and its managers for sources, cases, codes and codings
    {"project", "ownership", "identity", "encryption", "changes_since", "sources", "cases",
     "coding"},
    # services over the domain
    {"analysis", "search", "export", "interop", "figures", "codebooks", "team"},
    {"app"},  # the sample study and other app-level assembly
    {"cli", "ui", "launcher", "__main__"},
]  # fmt: skip
# The composition root: Project wires every part's manager (lazily, inside methods).
COMPOSITION_ROOT = "qualcode/project.py"
# Team administration is reached only from the composition root, the app level and the shells.
TEAM_USERS = {"project", "app", "cli", "ui", "launcher", "__main__", "team"}


def _part(module: str) -> str:
    """``qualcode.analysis.cells`` -> ``analysis``; ``qualcode.project`` -> ``project``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "qualcode"


def _all_imports(path: Path) -> set[str]:
    """Every qualcode module ``path`` imports, at module level or inside functions."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "qualcode":
                out.update(f"qualcode.{a.name}" for a in node.names)
            elif node.module.startswith("qualcode."):
                out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("qualcode."))
    return out


def test_every_part_has_a_layer() -> None:
    parts = {_part(".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts))
             for p in PACKAGE.rglob("*.py")} - {"__init__"}  # fmt: skip
    known = set().union(*LAYERS)
    assert parts <= known, f"parts with no layer in LAYERS: {sorted(parts - known)}"


def test_no_part_imports_a_part_above_it() -> None:
    rank = {name: i for i, layer in enumerate(LAYERS) for name in layer}
    bad = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent)
        mine = _part(".".join(rel.with_suffix("").parts))
        if mine not in rank or rel.as_posix() == COMPOSITION_ROOT:
            continue
        for target in _all_imports(path):
            other = _part(target)
            if other in rank and rank[other] > rank[mine]:
                bad.append(f"{rel.as_posix()} -> {target}")
            if other == "team" and mine not in TEAM_USERS:
                bad.append(f"{rel.as_posix()} -> {target} (team/)")
    assert not bad, "imports against the layering:\n" + "\n".join(sorted(bad))
