"""The code tree of a codebook table: hierarchy, labels and stable ids from its rows.

:mod:`qualcode.codebooks.tables` turns each row under the header into a :class:`Row`;
:func:`build_codes` decides the hierarchy (path column, grouping columns or a parent
column, outline numbering, indentation) and gives every code an id.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from typing import Any

from qualcode.codebooks.model import (
    REQUIRED_LANGUAGES,
    Codebook,
    CodebookCode,
    CodebookError,
    slug_id,
)
from qualcode.i18n import QT_TRANSLATE_NOOP

MAX_ID = 90  # a project keeps at most 100 characters of a code id
_PATH_SPLIT = re.compile(r"\s+/\s+|\s*>\s*|\s*\\\s*")
_CODE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_COLOR = re.compile(r"^#?([0-9A-Fa-f]{6})$")
# "1.", "1)", "(1)", "1.1", "1.1.2", "A.", "a)", "ii." before the label
_OUTLINE = re.compile(
    r"^(?P<open>\()?(?:(?P<dotted>\d+(?:\.\d+)+)\.?|(?P<num>\d+)[.)]|"
    r"(?P<roman>[ivx]{2,}|[IVX]{2,})[.)]|(?P<letter>[A-Za-z])[.)])\)?\s+(?P<rest>\S.*)$",
    re.S,
)
# the same in a column of its own, where the punctuation may be left out ("1", "1.1", "a")
_OUTLINE_CELL = re.compile(r"^\(?(?:(?P<dotted>\d+(?:\.\d+)*)|(?P<letter>[A-Za-z]))[.)]?\)?$")

_T = QT_TRANSLATE_NOOP
E_DUPLICATE = _T(
    "errors", "{file}, row {row}: code '{code}' is in the table twice (first on row {first})."
)
E_DUPLICATE_ID = _T(
    "errors", "{file}, row {row}: code id '{code}' is used twice (first on row {first})."
)
E_BAD_ID = _T(
    "errors",
    "{file}, row {row}: '{value}' is not a valid code id (letters, digits, '.', '_', '-').",
)
E_CYCLE = _T(
    "errors", "{file}, row {row}: the parent of '{code}' leads back to '{code}' (a cycle)."
)
E_BAD_COLOR = _T(
    "errors", "{file}, row {row}: colour '{value}' is not #RRGGBB (for example #1F77B4)."
)


@dataclass(frozen=True)
class Row:
    """The texts of one table row, by column role (empty when the table has no such column)."""

    number: int
    label: str = ""
    section: bool = False  # a heading row merged across the table
    indent: int = 0
    printed_id: str = ""
    groups: tuple[str, ...] = ()
    label_en: str = ""
    label_id: str = ""
    path: str = ""
    id: str = ""
    outline: str = ""
    definition: str = ""
    when_to_use: str = ""
    when_not_to_use: str = ""
    example: str = ""
    color: str = ""
    short: str = ""


@dataclass
class _Node:
    key: tuple[str, ...]
    row: Row | None = None
    children: list[_Node] = field(default_factory=list)


class _Tree:
    """Codes keyed by their label path, parents created when a row names them first."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.nodes: dict[tuple[str, ...], _Node] = {}
        self.roots: list[_Node] = []

    def node(self, key: tuple[str, ...]) -> _Node:
        found = self.nodes.get(key)
        if found is None:
            found = self.nodes[key] = _Node(key)
            siblings = self.node(key[:-1]).children if len(key) > 1 else self.roots
            siblings.append(found)
        return found

    def add(self, key: tuple[str, ...], row: Row) -> None:
        node = self.node(key)
        if node.row is not None:
            raise _error(E_DUPLICATE, self.file, row, code=" / ".join(key), first=node.row.number)
        node.row = row


def _error(template: str, file: str, row: Row, **params: object) -> CodebookError:
    return CodebookError(template, file=file, row=row.number, line=row.number, **params)


def _label(row: Row, lang: str) -> str:
    own = {"en": row.label_en, "id": row.label_id}.get(lang, "")
    return row.label or own or row.label_id or row.label_en


def strip_outline(text: str) -> str:
    """``text`` without a leading outline number ("1.1 Transmisi" -> "Transmisi")."""
    match = _OUTLINE.match(text)
    return match.group("rest").strip() if match else text


def _style(text: str, own_column: bool) -> tuple[str, int] | None:
    """The numbering style of a label ("1.1" -> ("num", 2), "a)" -> ("lower", 1))."""
    match = (_OUTLINE_CELL if own_column else _OUTLINE).match(text.strip())
    if not match:
        return None
    groups = match.groupdict()
    paren = "(" if groups.get("open") or text.strip().startswith("(") else ""
    if groups.get("dotted"):
        return (paren + "num", groups["dotted"].count(".") + 1)
    if groups.get("num"):
        return (paren + "num", 1)
    if groups.get("roman"):
        return (paren + ("roman" if groups["roman"].isupper() else "roman-lower"), 1)
    letter = groups["letter"]
    return (paren + ("upper" if letter.isupper() else "lower"), 1)


def build_codes(
    file: str,
    rows: list[Row],
    columns: dict[str, list[int]],
    lang: str,
    base: Codebook | None = None,
) -> tuple[CodebookCode, ...]:
    """The code tree of ``rows`` (in table order), with ids and texts in ``lang``.

    ``base`` is the same codebook as loaded before: what a table cannot hold (other
    languages, links, optional flags) and columns it does not have are kept from it.
    """
    rows = _join_continuations(rows, columns)
    tree = _Tree(file)
    if "path" in columns:
        for row in rows:
            # The path is the structure; the label columns only name the code.
            parts = [p.strip() for p in _PATH_SPLIT.split(row.path) if p.strip()]
            if not parts and _label(row, lang):
                parts = [_label(row, lang)]
            if parts:
                tree.add(tuple(parts), row)
    elif "group" in columns and _references(rows, lang):
        _by_reference(tree, rows, lang)
    elif "group" in columns:
        _by_groups(tree, rows, lang)
    elif _dotted_ids(rows) and not _numbered(rows, lang, "outline" in columns):
        # ids such as COM and COM.1: the part before the last dot names the parent
        ids = {row.id for row in rows}
        rows = [replace(row, groups=(_id_parent(row.id, ids),)) for row in rows]
        _by_reference(tree, rows, lang)
    else:
        _by_outline(tree, rows, lang, "outline" in columns)
    return _codes(tree, lang, set(columns), base)


def _id_parent(code_id: str, ids: set[str]) -> str:
    head = code_id.rpartition(".")[0]
    return head if head in ids else ""


def _dotted_ids(rows: list[Row]) -> bool:
    ids = {row.id for row in rows if row.id}
    return any(_id_parent(code_id, ids) for code_id in ids)


def _numbered(rows: list[Row], lang: str, own_column: bool) -> bool:
    """Whether most labelled rows carry outline numbers (in the label, or a number column)."""
    labelled = [row for row in rows if _label(row, lang)]
    texts = [row.outline if own_column else _label(row, lang) for row in labelled]
    numbered = sum(1 for text in texts if _style(text, own_column) is not None)
    return numbered > 0 and numbered * 2 >= len(labelled)


def _join_continuations(rows: list[Row], columns: dict[str, list[int]]) -> list[Row]:
    """A row with texts but no code continues the row above (a cell broken over rows)."""
    out: list[Row] = []
    for row in rows:
        names = row.label or row.label_en or row.label_id or row.path or any(row.groups)
        if names or not out:
            out.append(row)
            continue
        previous = out[-1]
        out[-1] = replace(
            previous,
            definition=_joined(previous.definition, row.definition),
            when_to_use=_joined(previous.when_to_use, row.when_to_use),
            when_not_to_use=_joined(previous.when_not_to_use, row.when_not_to_use),
            example=_joined(previous.example, row.example),
            short=_joined(previous.short, row.short),
        )
    return out


def _joined(first: str, more: str) -> str:
    return "\n".join(t for t in (first, more) if t)


def _references(rows: list[Row], lang: str) -> bool:
    """One parent column whose values name other rows (by code id or label)."""
    if any(len(row.groups) != 1 for row in rows):
        return False
    names = {row.id for row in rows if row.id} | {_label(row, lang) for row in rows}
    return any(row.groups[0] in names for row in rows if row.groups[0])


def _by_reference(tree: _Tree, rows: list[Row], lang: str) -> None:
    by_id = {row.id: n for n, row in reversed(list(enumerate(rows))) if row.id}
    by_label = {_label(row, lang): n for n, row in reversed(list(enumerate(rows)))}
    parents: dict[int, int | str | None] = {}
    for n, row in enumerate(rows):
        value = strip_outline(row.groups[0])
        target = by_id.get(value, by_label.get(value))
        if target == n:
            raise _error(E_CYCLE, tree.file, row, code=_label(row, lang))
        parents[n] = target if target is not None else (value or None)
    keys: dict[int, tuple[str, ...]] = {}

    def key(n: int, seen: tuple[int, ...]) -> tuple[str, ...]:
        if n in keys:
            return keys[n]
        if n in seen:
            row = rows[seen[0]]
            raise _error(E_CYCLE, tree.file, row, code=_label(row, lang))
        parent = parents[n]
        own = (strip_outline(_label(rows[n], lang)),)
        if isinstance(parent, int):
            result = key(parent, (*seen, n)) + own
        else:
            result = ((parent,) if parent else ()) + own
        keys[n] = result
        return result

    for n, row in enumerate(rows):
        if _label(row, lang):
            tree.add(key(n, ()), row)


def _by_groups(tree: _Tree, rows: list[Row], lang: str) -> None:
    """Grouping columns left to right; a blank cell repeats the one above it."""
    carried: list[str] = []
    for row in rows:
        given = [strip_outline(g) for g in row.groups]
        groups: list[str] = []
        changed = False
        for level, value in enumerate(given):
            if value:
                changed = changed or level >= len(carried) or carried[level] != value
                groups.append(value)
            else:
                above = carried[level] if level < len(carried) else ""
                groups.append("" if changed else above)
        carried = groups
        path = tuple(g for g in groups if g)
        label = strip_outline(_label(row, lang))
        if label:
            tree.add((*path, label), row)
        elif any(given):  # a row about the group itself ("Komunikasi | | | definition")
            deepest = max(n for n, value in enumerate(given) if value)
            tree.add(tuple(g for g in groups[: deepest + 1] if g), row)


def _by_outline(tree: _Tree, rows: list[Row], lang: str, own_column: bool) -> None:
    """Outline numbers ("1.", "1.1", "A.", "a)") or else indentation give the levels."""
    labelled = [row for row in rows if _label(row, lang)]
    styles = [
        _style(row.outline if own_column else _label(row, lang), own_column) for row in labelled
    ]
    use_numbers = _numbered(rows, lang, own_column)
    use_indent = not use_numbers and len({row.indent for row in labelled}) > 1
    stack: list[tuple[Any, tuple[str, ...]]] = []
    for row, style in zip(labelled, styles, strict=True):
        label = _label(row, lang)
        level: Any = None
        if row.section:  # a heading across the table holds the rows below it
            label = strip_outline(label)
            tree.add((label,), row)
            stack[:] = [(-1, (label,))]
            continue
        if use_numbers:
            label = label if own_column else strip_outline(label)
            level = style
            at = next((n for n, (s, _k) in enumerate(stack) if s == level), None)
            del stack[at if at is not None else len(stack) :]
        elif use_indent:
            level = row.indent
            while stack and stack[-1][0] >= row.indent:
                stack.pop()
        key = (*(stack[-1][1] if stack else ()), label)
        tree.add(key, row)
        if use_numbers or use_indent:
            stack.append((level, key))


def _texts(value: str, lang: str) -> dict[str, str]:
    return {lang: value} if value else {}


def _codes(
    tree: _Tree, lang: str, roles: set[str], base: Codebook | None
) -> tuple[CodebookCode, ...]:
    """CodebookCodes of the tree: explicit ids checked, the others made from the path."""
    ids: dict[tuple[str, ...], str] = {}
    first: dict[str, Row] = {}
    for node in tree.nodes.values():
        row = node.row
        given = (row.id or row.printed_id).strip() if row else ""
        if not given:
            continue
        assert row is not None
        if not _CODE_ID.match(given):
            raise _error(E_BAD_ID, tree.file, row, value=given)
        if given in first:
            raise _error(E_DUPLICATE_ID, tree.file, row, code=given, first=first[given].number)
        first[given] = row
        ids[node.key] = given
    used = set(ids.values())
    for key in tree.nodes:
        if key not in ids:
            wanted = _path_id(key)
            candidate, n = wanted, 2
            while candidate in used:
                candidate, n = f"{wanted}_{n}", n + 1
            used.add(candidate)
            ids[key] = candidate

    in_table = set(ids.values())

    def build(node: _Node) -> CodebookCode:
        row = node.row or Row(number=0)
        code_id = ids[node.key]
        old = base.code(code_id) if base is not None else None
        given = {k: v for k, v in (("en", row.label_en), ("id", row.label_id)) if v}
        given[lang] = strip_outline(_label(row, lang)) if row.label else given.get(lang, "")
        given[lang] = given[lang] or node.key[-1]
        labels = {**(old.label if old else {}), **given}
        for language in REQUIRED_LANGUAGES:
            labels.setdefault(language, given[lang])

        def texts(name: str) -> dict[str, str]:
            kept = dict(getattr(old, name)) if old else {}
            if name not in roles:
                return kept
            kept.pop(lang, None)
            return {**kept, **_texts(getattr(row, name), lang)}

        return CodebookCode(
            id=code_id,
            label=labels,
            definition=texts("definition"),
            short=texts("short"),
            when_to_use=texts("when_to_use"),
            when_not_to_use=texts("when_not_to_use"),
            example=row.example if "example" in roles or not old else old.example,
            color=_color(tree.file, row) if "color" in roles or not old else old.color,
            optional=old.optional if old else False,
            links=tuple(
                link
                for link in (old.links if old else ())
                if base is None or link.codebook_id != base.id or link.code_id in in_table
            ),
            children=tuple(build(child) for child in node.children),
            line=row.number or None,
        )

    return tuple(build(node) for node in tree.roots)


def _path_id(key: tuple[str, ...]) -> str:
    """A stable id from the label path: ("Komunikasi", "Transmisi") -> KOMUNIKASI.TRANSMISI."""
    wanted = ".".join(slug_id(part) for part in key)
    if len(wanted) > MAX_ID:
        digest = hashlib.sha1("\x1f".join(key).encode()).hexdigest()[:8]
        wanted = f"{wanted[: MAX_ID - 9].rstrip('._')}_{digest}"
    return wanted


def _color(file: str, row: Row) -> str | None:
    if not row.color:
        return None
    match = _COLOR.match(row.color.strip())
    if not match:
        raise _error(E_BAD_COLOR, file, row, value=row.color)
    return "#" + match.group(1).upper()
