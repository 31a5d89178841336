"""Load a theory-driven codebook into a project, merging by codebook id and code id.

A codebook (``codebooks/<id>.yaml``) is brought into a project as ordinary codes that
remember where they came from (``codebook`` = codebook id, ``codebook_code`` = code id).
Re-loading the same or a newer file merges by those ids, in ONE undoable operation:

- codes missing from the project are created (also codes the researcher deleted);
- a field the researcher has not touched follows the file; a field the researcher edited
  is kept and reported as a :class:`CodebookConflict` (on every load, as long as it
  differs from the file);
- codes the researcher added stay, and codes no longer in the file stay and are reported;
- loading an unchanged file again changes nothing (no undo step is recorded).

**Language.** Indonesian students code in Indonesian while the theory is written in
English, so a code's *name* is its label in one chosen language (default ``id``) and
``labels`` keeps every label (``{"en": ..., "id": ...}``); definition, inclusion and
exclusion texts are taken in the same language (falling back to English). The chosen
language is remembered per codebook, so a re-load without ``language`` uses it again.
A ``/`` in a label becomes a look-alike division slash in the name (``/`` separates code
paths), and a name a sibling already has gets the code id appended (``Ekonomi cerdas (ECO)``).

To tell "edited by the researcher" from "changed in the file", the codebook as last
loaded is kept as JSON in ``project_info`` under ``codebook:<id>`` (the *baseline*);
:mod:`qualcode.codebooks.export` also uses it to write the other languages back.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from qualcode.changes import ChangeSet
from qualcode.codebooks.baseline import book_from_json, dumps
from qualcode.codebooks.files import Codebook, CodebookCode, find_codebook
from qualcode.errors import ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.records import Code
from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.project import Project

DEFAULT_LANGUAGE = "id"
BASELINE_PREFIX = "codebook:"
# Project fields a codebook fills, in the order conflicts are reported.
# Slashes separate code paths, so a label's "/" becomes a look-alike division slash.
SLASH_STANDIN = "\u2215"
FIELDS = ("name", "color", "short", "description", "inclusion", "exclusion", "example", "labels")


@dataclass(frozen=True)
class CodebookConflict:
    """A field the researcher edited that the codebook file would set differently."""

    code: str  # "codebook:CODE"
    path: str  # the code's path in the project, "Komunikasi / Transmisi"
    field: str
    project_value: Any
    file_value: Any


@dataclass(frozen=True)
class CodebookLoadReport:
    """What :func:`load_codebook_into` did; code lists hold codebook code ids."""

    codebook: str
    language: str
    created: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    conflicts: tuple[CodebookConflict, ...] = ()
    removed_from_file: tuple[str, ...] = ()
    skipped_optional: tuple[str, ...] = ()
    sets_created: tuple[str, ...] = ()
    links_created: int = 0
    changes: ChangeSet[Any] | None = field(default=None, compare=False, repr=False)

    @property
    def changed(self) -> bool:
        """True when the load wrote anything (so there is an undo step)."""
        return bool(self.changes and self.changes.touched)


def file_fields(code: CodebookCode, language: str) -> dict[str, Any]:
    """The project fields a codebook code gives, in ``language`` (English as fallback)."""
    return {
        "name": code_name(code.text("label", language)),
        "color": code.color.lower() if code.color else None,
        "short": code.text("short", language) if code.short else "",
        "description": code.text("definition", language) if code.definition else "",
        "inclusion": code.text("when_to_use", language) if code.when_to_use else "",
        "exclusion": code.text("when_not_to_use", language) if code.when_not_to_use else "",
        "example": code.example,
        "labels": dict(code.label),
    }


def code_name(label: str) -> str:
    """A label usable as a code name: one line, no path separator."""
    return " ".join(label.split()).replace("/", SLASH_STANDIN)


def same_value(name: str, project_value: Any, file_value: Any, code_id: str) -> bool:
    """Whether a project field holds what the file gives (names may carry a clash suffix)."""
    if name == "color" and file_value is None:
        return True  # the file leaves the colour to the project
    if name == "name":
        return project_value in (file_value, f"{file_value} ({code_id})")
    return bool(project_value == file_value)


def baseline_key(codebook_id: str) -> str:
    """The ``project_info`` key that holds a codebook's baseline."""
    return f"{BASELINE_PREFIX}{codebook_id}"[:64]


def read_baselines(project: Project) -> dict[str, tuple[Codebook, str]]:
    """Every loaded codebook's baseline: ``{codebook id: (codebook, language)}``."""
    info = t.project_info.c
    with project.reading() as conn:
        rows = conn.execute(
            select(info.key, info.value).where(info.key.like(f"{BASELINE_PREFIX}%"))
        ).all()
    out: dict[str, tuple[Codebook, str]] = {}
    for _key, value in rows:
        data = json.loads(value)
        book = book_from_json(data["codebook"])
        out[book.id] = (book, data.get("language", DEFAULT_LANGUAGE))
    return out


def _as_codebook(
    codebook: Codebook | str | os.PathLike[str],
    language: str | None,
    baselines: dict[str, tuple[Codebook, str]],
) -> Codebook:
    # A codebook table has texts in one language only: the one asked for, else Indonesian;
    # a table of a codebook loaded before keeps that codebook's other texts.
    if isinstance(codebook, Codebook):
        return codebook
    loaded = {book_id: book for book_id, (book, _lang) in baselines.items()}
    return find_codebook(codebook, language=language or DEFAULT_LANGUAGE, loaded=loaded)


def load_codebook_into(
    project: Project,
    codebook: Codebook | str | os.PathLike[str],
    *,
    language: str | None = None,
    skip_optional: bool = False,
) -> CodebookLoadReport:
    """Load (or re-load) a codebook into ``project`` as one undoable operation.

    ``codebook`` is a :class:`Codebook`, a shipped codebook id (``edwards3``) or a file
    (YAML, or a codebook table: .xlsx, .csv, .docx).
    ``skip_optional`` leaves out codes marked ``optional: true`` (and their sub-codes)
    that are not in the project yet.
    """
    baselines = read_baselines(project)
    book = _as_codebook(codebook, language, baselines)
    old_book, old_language = baselines.get(book.id, (None, None))
    lang = language or old_language or DEFAULT_LANGUAGE
    if lang not in book.languages:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Codebook '{codebook}' has no texts in '{language}'."),
            codebook=book.id,
            language=lang,
        )
    with project.operation("codebook.load", QT_TRANSLATE_NOOP("operations", "Load codebook")) as op:
        # The baseline in ITS language tells which fields the researcher left alone: those
        # follow the file, so reloading in another language renames the codes too.
        merger = _Merger(project, op, book, lang, old_book, skip_optional, old_language or lang)
        merger.run()
        _store_baseline(op, book, lang)
        op.note(
            codebook=book.id,
            created=len(merger.created),
            updated=len(merger.updated),
            conflicts=len(merger.conflicts),
        )
    return CodebookLoadReport(
        codebook=book.id,
        language=lang,
        created=tuple(merger.created),
        updated=tuple(merger.updated),
        unchanged=tuple(merger.unchanged),
        conflicts=tuple(merger.conflicts),
        removed_from_file=tuple(merger.removed),
        skipped_optional=tuple(merger.skipped),
        sets_created=tuple(merger.sets_created),
        links_created=merger.links_created,
        changes=op.changes,
    )


def _store_baseline(op: Any, book: Codebook, language: str) -> None:
    key = baseline_key(book.id)
    value = dumps(book, language=language)
    info = t.project_info.c
    current = op.conn.execute(select(info.value).where(info.key == key)).scalar()
    if current == value:
        return
    if current is not None:
        op.delete_where(t.project_info, info.key == key)
    op.insert(t.project_info, {"key": key, "value": value})


class _Merger:
    """One load: walks the file's tree and brings the project in line with it."""

    def __init__(
        self,
        project: Project,
        op: Any,
        book: Codebook,
        language: str,
        old_book: Codebook | None,
        skip_optional: bool,
        old_language: str | None = None,
    ) -> None:
        self.p, self.op, self.book, self.lang = project, op, book, language
        self.old_lang = old_language or language
        self.old_book, self.skip_optional = old_book, skip_optional
        self.created: list[str] = []
        self.updated: list[str] = []
        self.unchanged: list[str] = []
        self.conflicts: list[CodebookConflict] = []
        self.removed: list[str] = []
        self.skipped: list[str] = []
        self.sets_created: list[str] = []
        self.links_created = 0
        self.mine: dict[str, Code] = {}  # codebook code id -> project code

    def run(self) -> None:
        for code in self.p.codes.all():
            if code.codebook == self.book.id and code.codebook_code not in (None, *self.mine):
                self.mine[code.codebook_code] = code  # type: ignore[index]
        self._merge_codes(self.book.codes, None, None)
        in_file = set(self.book.code_ids())
        self.removed = [cid for cid in self.mine if cid not in in_file]
        self._merge_links()
        self._resolve_pending_links()
        self._merge_sets()

    # -- codes ---------------------------------------------------------------
    def _merge_codes(
        self, codes: tuple[CodebookCode, ...], parent: int | None, file_parent: str | None
    ) -> None:
        for code in codes:
            existing = self.mine.get(code.id)
            if existing is None:
                if code.optional and self.skip_optional:
                    self.skipped.extend(c.id for _p, c in _subtree(code))
                    continue
                existing = self._create(code, parent)
            else:
                self._update(code, existing, parent, file_parent)
            self._merge_codes(code.children, existing.id, code.id)

    def _create(self, code: CodebookCode, parent: int | None) -> Code:
        values = file_fields(code, self.lang)
        name = values.pop("name")
        siblings = {c.name.lower() for c in self.p.codes.children(parent)}
        if name.lower() in siblings:
            name = f"{name} ({code.id})"
        created = self.p.codes.create(
            name, parent_id=parent, codebook=self.book.id, codebook_code=code.id, **values
        ).result
        assert created is not None
        self.mine[code.id] = created
        self.created.append(code.id)
        return created

    def _update(
        self, code: CodebookCode, existing: Code, parent: int | None, file_parent: str | None
    ) -> None:
        new = file_fields(code, self.lang)
        old_code = self.old_book.code(code.id) if self.old_book else None
        old = file_fields(old_code, self.old_lang) if old_code else None
        patch: dict[str, Any] = {}
        for name in FIELDS:
            value = getattr(existing, name)
            if same_value(name, value, new[name], code.id):
                continue
            if old is not None and same_value(name, value, old[name], code.id):
                patch[name] = new[name]
            else:
                self.conflicts.append(
                    CodebookConflict(
                        f"{self.book.id}:{code.id}",
                        self.p.codes.path_text(existing.id),
                        name,
                        value,
                        new[name],
                    )
                )
        moved = self._maybe_move(code, existing, parent)
        if patch:
            self.p.codes.update(existing.id, **patch)
        if patch or moved:
            self.updated.append(code.id)
        else:
            self.unchanged.append(code.id)

    def _maybe_move(self, code: CodebookCode, existing: Code, parent: int | None) -> bool:
        """Follow a move in the file unless the researcher moved the code themselves."""
        if existing.parent_id == parent:
            return False
        old_parent = self.old_book.parent_of(code.id) if self.old_book else None
        old_parent_code = self.mine.get(old_parent.id) if old_parent else None
        expected = old_parent_code.id if old_parent_code else None
        if self.old_book is not None and existing.parent_id == expected:
            self.p.codes.move(existing.id, parent)
            return True
        self.conflicts.append(
            CodebookConflict(
                f"{self.book.id}:{code.id}",
                self.p.codes.path_text(existing.id),
                "parent",
                existing.parent_id,
                parent,
            )
        )
        return False

    # -- links -----------------------------------------------------------------
    def _project_code(self, codebook_id: str, code_id: str) -> int | None:
        if codebook_id == self.book.id:
            found = self.mine.get(code_id)
            return found.id if found else None
        c = t.code.c
        row = self.op.conn.execute(
            select(c.id).where(c.codebook == codebook_id, c.codebook_code == code_id).order_by(c.id)
        ).first()
        return int(row[0]) if row else None

    def _merge_links(self) -> None:
        for _path, code in self.book.iter_codes():
            source = self.mine.get(code.id)
            if source is None or not code.links:
                continue
            have = self.p.codes.links(source.id)
            for link in code.links:
                target = self._project_code(link.codebook_id, link.code_id)
                if any(
                    x.from_code_id == source.id
                    and x.relation == link.relation
                    and (x.to_code_id == target if target else x.target_ref == link.target)
                    for x in have
                ):
                    continue
                if target is not None:
                    self.p.codes.link(
                        source.id, to_code_id=target, relation=link.relation, note=link.note
                    )
                else:
                    self.p.codes.link(
                        source.id, target_ref=link.target, relation=link.relation, note=link.note
                    )
                self.links_created += 1

    def _resolve_pending_links(self) -> None:
        """Links of other codebooks that pointed here by reference now point to the codes."""
        c = t.code_link.c
        rows = self.op.conn.execute(
            select(c.id, c.target_ref).where(c.target_ref.like(f"{self.book.id}:%"))
        ).all()
        for link_id, ref in rows:
            target = self.mine.get(ref.split(":", 1)[1])
            if target is not None:
                self.op.update(t.code_link, link_id, {"to_code_id": target.id, "target_ref": None})

    # -- sets ------------------------------------------------------------------
    def _merge_sets(self) -> None:
        existing = {s.codebook_set: s for s in self.p.sets.all() if s.codebook == self.book.id}
        names = {s.name.lower() for s in self.p.sets.all()}
        for code_set in self.book.sets:
            members = [self.mine[c].id for c in code_set.codes if c in self.mine]
            found = existing.get(code_set.id)
            if found is not None:
                missing = [m for m in members if m not in found.code_ids]
                if missing:
                    self.p.sets.add(found.id, code_ids=missing)
                continue
            name = code_set.label.get(self.lang) or code_set.label["en"]
            for candidate in (name, f"{name} ({self.book.id})", f"{code_set.id} ({self.book.id})"):
                if candidate.lower() not in names:
                    name = candidate
                    break
            names.add(name.lower())
            self.p.sets.create(
                name,
                code_ids=members,
                description=code_set.description.get(self.lang, ""),
                labels=dict(code_set.label),
                codebook=self.book.id,
                codebook_set=code_set.id,
            )
            self.sets_created.append(code_set.id)


def _subtree(code: CodebookCode) -> list[tuple[tuple[str, ...], CodebookCode]]:
    from qualcode.codebooks.model import iter_codes

    return list(iter_codes((code,)))
