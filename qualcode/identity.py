"""The identity register: the facts that identify informants, and their replacements.

Ethics committees ask that no informant can be recognised in a thesis. The
register lists every identifying string of a project — names and nicknames, the
exact post, the institution, the village, phone numbers, other people named in
the transcripts — each with the text that replaces it in a pseudonymised export
(:mod:`qualcode.export.pseudonymise`). It is filled from the case attributes
marked identifying (Nama, Jabatan, Instansi...) and from the researcher's own
list; every change is one undoable operation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, select

from qualcode.changes import ChangeSet
from qualcode.errors import NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.store import tables as t
from qualcode.store.models import IdentityAttribute, IdentityEntry

if TYPE_CHECKING:
    from qualcode.project import Project

entry_table: Table = IdentityEntry.__table__  # type: ignore[assignment]
attribute_table: Table = IdentityAttribute.__table__  # type: ignore[assignment]

KINDS = ("name", "nickname", "post", "institution", "place", "phone", "person", "other")
"""What an entry is: the person's name, a nickname, their post (jabatan), institution,
a place (desa, kantor), a phone number, another person named in the data, other."""

# Generic replacements by kind, for entries not tied to a case's pseudonym.
PLACEHOLDERS: dict[str, dict[str, str]] = {
    "name": {"id": "[nama]", "en": "[name]"},
    "nickname": {"id": "[nama]", "en": "[name]"},
    "post": {"id": "[jabatan]", "en": "[post]"},
    "institution": {"id": "[instansi]", "en": "[institution]"},
    "place": {"id": "[tempat]", "en": "[place]"},
    "phone": {"id": "[nomor telepon]", "en": "[phone number]"},
    "person": {"id": "[nama orang]", "en": "[person]"},
    "other": {"id": "[disamarkan]", "en": "[withheld]"},
}

# Attribute names whose values are usually identifying, and the kind they give.
KIND_BY_ATTRIBUTE = {
    "nama": "name",
    "name": "name",
    "nama lengkap": "name",
    "panggilan": "nickname",
    "nickname": "nickname",
    "jabatan": "post",
    "role": "post",
    "position": "post",
    "instansi": "institution",
    "opd": "institution",
    "lembaga": "institution",
    "agency": "institution",
    "dinas": "institution",
    "organisation": "institution",
    "organization": "institution",
    "desa": "place",
    "alamat": "place",
    "address": "place",
    "telepon": "phone",
    "hp": "phone",
    "phone": "phone",
}

# "Dinas Kesehatan (Dinkes)": the full form, the name and the abbreviation all identify.
_ABBREVIATED = re.compile(r"^(?P<name>.+?)\s*\((?P<short>[^()\s]{2,15})\)$")
_TITLES = re.compile(r"^(?:(?:dr|drs|dra|ir|prof|h|hj|pak|bu|bapak|ibu)\.?\s+)+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Identity:
    """One register entry."""

    id: int
    text: str
    kind: str
    replacement: str
    case_id: int | None
    origin: str


def _from_row(row: Any) -> Identity:
    m = row._mapping
    return Identity(m["id"], m["text"], m["kind"], m["replacement"], m["case_id"], m["origin"])


def placeholder(kind: str, language: str = "id") -> str:
    """The generic replacement of an entry of ``kind`` ("[jabatan]", "[tempat]"...)."""
    words = PLACEHOLDERS.get(kind, PLACEHOLDERS["other"])
    return words.get(language, words["en"])


def variants(value: str, kind: str) -> list[str]:
    """The strings of an attribute value that identify: "Dinas X (DX)" gives all three forms,
    "Dr. RK" also "RK"."""
    value = " ".join(value.split())
    out = [value] if value else []
    m = _ABBREVIATED.match(value)
    if m and kind in ("institution", "place", "post"):
        out += [m["name"].strip().rstrip(","), m["short"].strip()]
    if kind in ("name", "nickname", "person"):
        bare = _TITLES.sub("", value).strip()
        if bare and bare != value:
            out.append(bare)
    return [v for v in dict.fromkeys(out) if v]


class IdentityManager:
    """Reads and operations on the identity register of one project."""

    def __init__(self, project: Project) -> None:
        self._p = project

    def all(self) -> list[Identity]:
        """Every entry, longest text first (the order replacements are tried in)."""
        with self._p.reading() as conn:
            rows = conn.execute(select(entry_table)).all()
        return sorted((_from_row(r) for r in rows), key=lambda e: (-len(e.text), e.text.casefold()))

    def get(self, entry_id: int) -> Identity:
        """The entry with ``entry_id``."""
        with self._p.reading() as conn:
            return _from_row(_require(conn, entry_id))

    def find(self, text: str) -> Identity:
        """The entry whose text is ``text`` (case-insensitive)."""
        key = " ".join(text.split()).casefold()
        for entry in self.all():
            if entry.text.casefold() == key:
                return entry
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "The identity register has no entry '{text}'."), text=text
        )

    def add(
        self,
        text: str,
        *,
        kind: str = "name",
        replacement: str | None = None,
        case_id: int | None = None,
        language: str = "id",
    ) -> ChangeSet[Identity]:
        """Add an identifying string; without ``replacement`` the case's pseudonym (for a
        name) or the kind's placeholder is used."""
        with self._p.operation(
            "identity.add", QT_TRANSLATE_NOOP("operations", "Add to identity register")
        ) as op:
            clean = _check_text(op.conn, text)
            _check_kind(kind)
            if case_id is not None:
                _require_case(op.conn, case_id)
            if not replacement:
                replacement = default_replacement(self._p, kind, case_id, language)
            new_id = op.insert(
                entry_table,
                {
                    "text": clean,
                    "kind": kind,
                    "replacement": replacement.strip(),
                    "case_id": case_id,
                    "origin": "user",
                },
            )
            op.note(kind=kind, case_id=case_id)
            op.result = _from_row(_require(op.conn, new_id))
        return op.changeset

    def update(
        self,
        entry_id: int,
        *,
        text: str | None = None,
        kind: str | None = None,
        replacement: str | None = None,
        case_id: int | bool | None = False,
    ) -> ChangeSet[Identity]:
        """Edit an entry (``case_id=None`` unlinks it from its case; False leaves it)."""
        with self._p.operation(
            "identity.update", QT_TRANSLATE_NOOP("operations", "Edit identity register entry")
        ) as op:
            _require(op.conn, entry_id)
            values: dict[str, Any] = {}
            if text is not None:
                values["text"] = _check_text(op.conn, text, exclude=entry_id)
            if kind is not None:
                values["kind"] = _check_kind(kind)
            if replacement is not None:
                values["replacement"] = replacement.strip()
            if case_id is not False:
                if isinstance(case_id, int) and not isinstance(case_id, bool):
                    _require_case(op.conn, case_id)
                    values["case_id"] = case_id
                else:
                    values["case_id"] = None
            if values:
                op.update(entry_table, entry_id, values)
            op.result = _from_row(_require(op.conn, entry_id))
        return op.changeset

    def remove(self, entry_ids: list[int]) -> ChangeSet[None]:
        """Remove entries from the register."""
        with self._p.operation(
            "identity.remove", QT_TRANSLATE_NOOP("operations", "Remove from identity register")
        ) as op:
            for entry_id in entry_ids:
                _require(op.conn, entry_id)
                op.delete(entry_table, entry_id)
            op.note(count=len(entry_ids))
        return op.changeset

    # -- identifying attributes ------------------------------------------------
    def identifying_attributes(self) -> dict[str, str]:
        """Case attribute name → kind, for the attributes marked identifying."""
        with self._p.reading() as conn:
            rows = conn.execute(
                select(t.attribute.c.name, attribute_table.c.kind).join(
                    attribute_table, attribute_table.c.attribute_id == t.attribute.c.id
                )
            ).all()
        return {name: kind for name, kind in rows}

    def mark_attribute(self, name: str, kind: str | None = "name") -> ChangeSet[None]:
        """Mark the case attribute ``name`` identifying (values are of ``kind``), or unmark
        it with ``kind=None``."""
        with self._p.operation(
            "identity.attribute",
            QT_TRANSLATE_NOOP("operations", "Mark attribute identifying"),
        ) as op:
            attr_id = op.conn.execute(
                select(t.attribute.c.id).where(
                    t.attribute.c.name == name, t.attribute.c.owner == "case"
                )
            ).scalar()
            if attr_id is None:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("errors", "There is no case attribute '{name}'."), name=name
                )
            op.delete_where(attribute_table, attribute_table.c.attribute_id == attr_id)
            if kind is not None:
                op.insert(attribute_table, {"attribute_id": attr_id, "kind": _check_kind(kind)})
            op.note(attribute=name, kind=kind)
        return op.changeset

    def fill(self, language: str = "id") -> ChangeSet[int]:
        """Add the values of the identifying attributes of every case (strings already in the
        register are kept as they are); the result is the number of entries added."""
        from qualcode.cases.attribution import AttributionStyle, Attributor

        marked = self.identifying_attributes()
        cases = self._p.cases.all()
        names = Attributor(cases, AttributionStyle(pseudonymise=True), language)
        with self._p.operation(
            "identity.fill", QT_TRANSLATE_NOOP("operations", "Fill identity register")
        ) as op:
            seen = {r[0].casefold() for r in op.conn.execute(select(entry_table.c.text)).all()}
            rows: list[dict[str, Any]] = []
            for case in sorted(cases, key=lambda c: c.id):
                for attr, kind in marked.items():
                    value = case.attributes.get(attr)
                    if value in (None, ""):
                        continue
                    for text in variants(str(value), kind):
                        if text.casefold() in seen or len(text) > 500:
                            continue
                        seen.add(text.casefold())
                        if kind in ("name", "nickname"):
                            repl = f"[{names.case_name(case)}]"
                        else:
                            repl = placeholder(kind, language)
                        rows.append(
                            {"text": text, "kind": kind, "replacement": repl,
                             "case_id": case.id, "origin": "attribute"}
                        )  # fmt: skip
            op.insert_many(entry_table, rows)
            op.note(added=len(rows))
            op.result = len(rows)
        return op.changeset


def default_replacement(project: Project, kind: str, case_id: int | None, language: str) -> str:
    """ "[Informan 13]" for a name of case 13, else the kind's placeholder."""
    if case_id is not None and kind in ("name", "nickname"):
        from qualcode.cases.attribution import AttributionStyle, Attributor

        cases = project.cases.all()
        names = Attributor(cases, AttributionStyle(pseudonymise=True), language)
        case = next((c for c in cases if c.id == case_id), None)
        if case is not None:
            return f"[{names.case_name(case)}]"
    return placeholder(kind, language)


def _check_text(conn: Connection, text: str, exclude: int | None = None) -> str:
    clean = " ".join(text.split())
    if not clean:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An identity register entry needs some text.")
        )
    if len(clean) > 500:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An identity register entry is at most 500 characters.")
        )
    for row in conn.execute(select(entry_table.c.id, entry_table.c.text)).all():
        if row[0] != exclude and row[1].casefold() == clean.casefold():
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "'{text}' is already in the identity register."),
                text=clean,
            )
    return clean


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An identity kind is one of {allowed}, not '{kind}'."),
            allowed=", ".join(KINDS),
            kind=kind,
        )
    return kind


def _require_case(conn: Connection, case_id: int) -> None:
    if conn.execute(select(t.cases.c.id).where(t.cases.c.id == case_id)).first() is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no case with id {id}."), id=case_id
        )


def _require(conn: Connection, entry_id: int) -> Any:
    row = conn.execute(select(entry_table).where(entry_table.c.id == entry_id)).first()
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no identity register entry with id {id}."),
            id=entry_id,
        )
    return row
