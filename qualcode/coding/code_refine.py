"""Refining codes while coding: split a code, code in vivo (each ONE undoable operation).

First-cycle coding (Miles, Huberman & Saldaña) often shows that a provisional code holds
two ideas: *split* moves chosen codings to a new code (by default a sub-code of the
original). *In-vivo* coding names a code with the informant's own words ("pakai Excel
saja") and codes the selected passage with it in the same step.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from qualcode.changes import ChangeSet
from qualcode.errors import ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.records import Code, Coding

if TYPE_CHECKING:
    from qualcode.project import Project

INVIVO_MAX_CHARS = 60
QUOTES = ("\u201c", "\u201d")  # “ ”
STRIP = " \t\r\n\"'“”‘’«».,;:!?…-–—()[]"


def split_code(
    project: Project,
    code_id: int,
    coding_ids: Sequence[int],
    name: str,
    *,
    as_child: bool = True,
    color: str | None = None,
    description: str = "",
) -> ChangeSet[Code]:
    """Move ``coding_ids`` (codings of ``code_id``) to a new code ``name``.

    The new code is a sub-code of ``code_id`` when ``as_child``, else its sibling.
    """
    ids = list(dict.fromkeys(coding_ids))
    if not ids:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose the codings to split off."))
    with project.operation("code.split", QT_TRANSLATE_NOOP("operations", "Split code")) as op:
        original = project.codes.get(code_id)
        codings = [project.codings.get(i) for i in ids]
        stray = [c.id for c in codings if c.code_id != code_id]
        if stray:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Coding {id} is not coded with '{code}'."),
                id=stray[0],
                code=original.name,
            )
        parent = code_id if as_child else original.parent_id
        new = project.codes.create(
            name, parent_id=parent, color=color or original.color, description=description
        ).result
        assert new is not None
        project.codings.recode(ids, new.id, allow_others=True)
        op.note(code=original.name, into=new.name, codings=len(ids), child=as_child)
        op.result = project.codes.get(new.id)
    return op.changeset


def invivo_name(text: str, max_chars: int = INVIVO_MAX_CHARS) -> str:
    """A code name from selected words: one line, trimmed, cut at a word, in quotes."""
    words = " ".join(text.split()).replace("/", " ").strip(STRIP)
    words = " ".join(words.split())
    if not words:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Select some words to name an in-vivo code.")
        )
    if len(words) > max_chars:
        cut = words[:max_chars]
        space = cut.rfind(" ")
        cut = cut[:space] if space > max_chars // 2 else cut
        words = cut.rstrip(STRIP) + "…"
    return f"{QUOTES[0]}{words}{QUOTES[1]}"


def _unique(project: Project, parent_id: int | None, name: str) -> str:
    taken = {c.name.lower() for c in project.codes.children(parent_id)}
    if name.lower() not in taken:
        return name
    n = 2
    while f"{name} ({n})".lower() in taken:
        n += 1
    return f"{name} ({n})"


def code_in_vivo(
    project: Project,
    source_id: int,
    start: int,
    end: int,
    *,
    parent_id: int | None = None,
    name: str | None = None,
    **attributes: Any,
) -> ChangeSet[tuple[Code, Coding]]:
    """Create a code named from ``text[start:end]`` and code that range with it."""
    text = project.sources.text(source_id)
    if not (0 <= start < end <= len(text)):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The range {start}–{end} is not inside the text (0–{length})."
            ),
            start=start,
            end=end,
            length=len(text),
        )
    base = name or invivo_name(text[start:end])
    with project.operation("coding.invivo", QT_TRANSLATE_NOOP("operations", "Code in vivo")) as op:
        code = project.codes.create(_unique(project, parent_id, base), parent_id=parent_id).result
        assert code is not None
        coding = project.codings.apply(source_id, start, end, code.id, **attributes).result
        assert coding is not None
        op.note(code=code.name, source=source_id, start=start, end=end)
        op.result = (code, coding)
    return op.changeset
