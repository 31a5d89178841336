"""Read a REFI-QDA project (``.qdpx`` or bare ``.qde``) into the intermediate model.

Tolerant where real files are sloppy (missing "required" attributes, GUIDs in any
case or with braces, old namespaces, repeated selections) and explicit about what it
leaves out: everything skipped ends up in ``Project.messages`` (spec §7).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.errors import ImportFailedError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.interop.refi.format.archive import DEFAULT_LIMITS, ArchiveLimits, open_package
from qualcode.interop.refi.format.model import (
    EXTENSION_FOLDER,
    Case,
    Code,
    Link,
    LinkDirection,
    Note,
    Project,
    Set,
    User,
    Variable,
    VariableType,
)
from qualcode.interop.refi.format.reader_base import ExternalResolver
from qualcode.interop.refi.format.reader_sources import SourcesReader
from qualcode.interop.refi.format.safexml import local_name, parse_xml
from qualcode.interop.refi.format.xmlutil import (
    child,
    child_text,
    children,
    parse_code_tree,
    parse_datetime,
)

if TYPE_CHECKING:
    from lxml import etree


def read_project(
    path: str | Path,
    *,
    limits: ArchiveLimits = DEFAULT_LIMITS,
    resolve_external: ExternalResolver | None = None,
) -> Project:
    """Read a ``.qdpx`` archive or a bare ``.qde`` file.

    Raises ``ImportFailedError`` when the file is unsafe or not a REFI-QDA project;
    anything partially imported is described in ``Project.messages``.
    """
    with open_package(path, limits) as package:
        root = parse_xml(package.qde, package.display_name)
        return _ProjectReader(package, root, resolve_external).read()


_PROBLEM_TEXTS = {
    "missing-guid": QT_TRANSLATE_NOOP(
        "refi",
        "{count} object(s) had no GUID; new ones were given.",
    ),
    "foreign-id": QT_TRANSLATE_NOOP(
        "refi",
        "{count} identifier(s) were not GUIDs; stable GUIDs were derived from them.",
    ),
    "code-name": QT_TRANSLATE_NOOP(
        "refi",
        "{count} code(s) had no name.",
    ),
    "code-guid": QT_TRANSLATE_NOOP(
        "refi",
        "{count} code(s) had no GUID; new ones were given.",
    ),
    "code-color": QT_TRANSLATE_NOOP(
        "refi",
        "{count} code colour(s) were unreadable and dropped.",
    ),
    "variable-type": QT_TRANSLATE_NOOP(
        "refi",
        "{count} variable(s) had an unknown type; read as Text.",
    ),
    "bad-value": QT_TRANSLATE_NOOP(
        "refi",
        "{count} attribute value(s) could not be read and were skipped.",
    ),
    "bad-position": QT_TRANSLATE_NOOP(
        "refi",
        "{count} selection(s) had unreadable positions and were skipped.",
    ),
    "dangling-code": QT_TRANSLATE_NOOP(
        "refi",
        "{count} reference(s) to codes that do not exist were dropped.",
    ),
    "dangling-note": QT_TRANSLATE_NOOP(
        "refi",
        "{count} reference(s) to notes that do not exist were dropped.",
    ),
    "dangling-variable": QT_TRANSLATE_NOOP(
        "refi",
        "{count} value(s) of variables that do not exist were dropped.",
    ),
    "dangling-source": QT_TRANSLATE_NOOP(
        "refi",
        "{count} reference(s) to sources that were not imported were dropped.",
    ),
    "dangling-selection": QT_TRANSLATE_NOOP(
        "refi",
        "{count} reference(s) to selections that were not imported were dropped.",
    ),
}


class _ProjectReader(SourcesReader):
    def read(self) -> Project:
        root = self.root
        if local_name(root) != "Project":
            hint = (
                " (a codebook: import it as a codebook)" if local_name(root) == "CodeBook" else ""
            )
            raise ImportFailedError(
                QT_TRANSLATE_NOOP(
                    "errors", "{file}: not a REFI-QDA project (root element {root}){hint}."
                ),
                file=self.package.display_name,
                root=local_name(root),
                hint=hint,
            )
        known = {
            "Users", "CodeBook", "Variables", "Cases", "Sources", "Notes",
            "Links", "Sets", "Graphs", "Description", "NoteRef",
        }  # fmt: skip
        for element in root:
            name = local_name(element)
            if name and name not in known:
                self.warn(
                    "unknown-element",
                    QT_TRANSLATE_NOOP(
                        "refi", "Element {element} is not part of REFI-QDA 1.5; skipped."
                    ),
                    element=name,
                )
        users = self._users()
        notes = self._notes()
        codes = self._codes()
        self._variables()
        sources = self._sources()
        selections, remap = self.selections.build(self.messages)
        source_guids = {s.guid for s in sources}
        selection_guids = {s.guid for s in selections} | set(remap)
        cases = self._cases(source_guids, selection_guids, remap)
        sets = self._sets(source_guids)
        known_objects = (
            self.code_guids | self.note_guids | source_guids | selection_guids
            | {c.guid for c in cases} | {s.guid for s in sets} | set(self.variables)
        )  # fmt: skip
        links = self._links(known_objects, remap)
        graphs = child(root, "Graphs")
        if graphs is not None:
            count = len(list(children(graphs, "Graph")))
            self.warn(
                "graphs",
                QT_TRANSLATE_NOOP("refi", "{count} graph(s) (network views) were not imported."),
                count=count,
            )
        project_notes = self.note_refs(root)
        all_users = self._complete_users(users)
        self._report_problems()
        name = root.get("name")
        if name is None:
            name = Path(self.package.display_name).stem
        return Project(
            name=name,
            origin=self.origin,
            description=child_text(root, "Description"),
            creating_user=self.user(root.get("creatingUserGUID")),
            created=parse_datetime(root.get("creationDateTime")),
            modifying_user=self.user(root.get("modifyingUserGUID")),
            modified=parse_datetime(root.get("modifiedDateTime")),
            users=all_users,
            codes=codes,
            variables=tuple(self.variables.values()),
            cases=cases,
            sources=sources,
            selections=selections,
            notes=notes,
            links=links,
            sets=sets,
            note_guids=project_notes,
            messages=tuple(self.messages),
            extensions=self.package.read_folder(EXTENSION_FOLDER),
        )

    def _users(self) -> list[User]:
        out: list[User] = []
        section = child(self.root, "Users")
        for element in children(section, "User") if section is not None else ():
            guid, _ = self.canon(element.get("guid"))
            out.append(User(guid, element.get("name") or "", element.get("id") or ""))
        return out

    def _complete_users(self, users: list[User]) -> tuple[User, ...]:
        """Add users that are referenced but not listed, so every reference resolves."""
        listed = {u.guid for u in users}
        missing = [g for g in self.users_seen if g not in listed]
        if missing:
            self.info(
                "unlisted-users",
                QT_TRANSLATE_NOOP(
                    "refi", "{count} user(s) referenced but not listed were added without a name."
                ),
                count=len(missing),
            )
        return (*users, *(User(g) for g in missing))

    def _notes(self) -> tuple[Note, ...]:
        section = child(self.root, "Notes")
        if section is None:
            return ()
        elements = [(e, self.canon(e.get("guid"))[0]) for e in children(section, "Note")]
        self.note_guids.update(guid for _, guid in elements)  # NoteRefs may point at any note
        out: list[Note] = []
        for element, guid in elements:
            text = self.load_text(element)
            if text is None:
                self.warn(
                    "missing-note-text",
                    QT_TRANSLATE_NOOP(
                        "refi", "Note {note}: its text file is missing; imported empty."
                    ),
                    note=element.get("name") or guid,
                )
                text = ""
            dropped = sum(1 for _ in children(element, "PlainTextSelection"))
            if dropped:
                self.warn(
                    "note-selections",
                    QT_TRANSLATE_NOOP(
                        "refi",
                        "Note {note}: {count} coded selection(s) in the note were not imported.",
                    ),
                    note=element.get("name") or guid,
                    count=dropped,
                )
            out.append(
                Note(
                    guid=guid,
                    name=element.get("name") or "",
                    text=text.replace("\r\n", "\n").removeprefix("\ufeff"),
                    description=child_text(element, "Description"),
                    creating_user=self.user(element.get("creatingUser")),
                    created=parse_datetime(element.get("creationDateTime")),
                    modifying_user=self.user(element.get("modifyingUser")),
                    modified=parse_datetime(element.get("modifiedDateTime")),
                )
            )
        return tuple(out)

    def _codes(self) -> tuple[Code, ...]:
        book = child(self.root, "CodeBook")
        codes = child(book, "Codes") if book is not None else None
        if codes is None:
            return ()

        def on_problem(kind: str, _name: str) -> None:
            self.problems[kind] += 1

        tree = tuple(
            parse_code_tree(c, self.guids.canon_or_new, self.note_refs, on_problem)
            for c in children(codes, "Code")
        )
        for root in tree:
            self.code_guids.update(c.guid for c in root.walk())
        return tree

    def _variables(self) -> None:
        section = child(self.root, "Variables")
        for element in children(section, "Variable") if section is not None else ():
            guid, _ = self.canon(element.get("guid"))
            raw_type = (element.get("typeOfVariable") or "Text").strip()
            try:
                kind = VariableType(raw_type)
            except ValueError:
                self.problems["variable-type"] += 1
                kind = VariableType.TEXT
            self.variables[guid] = Variable(
                guid, element.get("name") or "", kind, child_text(element, "Description")
            )

    def _cases(
        self, sources: set[str], selections: set[str], remap: dict[str, str]
    ) -> tuple[Case, ...]:
        section = child(self.root, "Cases")
        out: list[Case] = []
        for element in children(section, "Case") if section is not None else ():
            guid, _ = self.canon(element.get("guid"))
            out.append(
                Case(
                    guid=guid,
                    name=element.get("name") or "",
                    description=child_text(element, "Description"),
                    values=self.values(element),
                    source_guids=self._refs(element, "SourceRef", sources, "dangling-source"),
                    code_guids=self._refs(element, "CodeRef", self.code_guids, "dangling-code"),
                    selection_guids=tuple(
                        dict.fromkeys(
                            remap.get(g, g)
                            for g in self._refs(
                                element, "SelectionRef", selections, "dangling-selection"
                            )
                        )
                    ),
                )
            )
        return tuple(out)

    def _refs(
        self, element: etree._Element, tag: str, known: set[str], problem: str
    ) -> tuple[str, ...]:
        out: dict[str, None] = {}
        for ref in children(element, tag):
            guid = self.guids.canon(ref.get("targetGUID") or ref.get("guid"))
            if guid in known:
                out[guid] = None
            else:
                self.problems[problem] += 1
        return tuple(out)

    def _sets(self, sources: set[str]) -> tuple[Set, ...]:
        section = child(self.root, "Sets")
        out: list[Set] = []
        for element in children(section, "Set") if section is not None else ():
            guid, _ = self.canon(element.get("guid"))
            out.append(
                Set(
                    guid=guid,
                    name=element.get("name") or "",
                    description=child_text(element, "Description"),
                    code_guids=self._refs(element, "MemberCode", self.code_guids, "dangling-code"),
                    source_guids=self._refs(element, "MemberSource", sources, "dangling-source"),
                    note_guids=self.note_refs(element, "MemberNote"),
                )
            )
        return tuple(out)

    def _links(self, known: set[str], remap: dict[str, str]) -> tuple[Link, ...]:
        section = child(self.root, "Links")
        out: list[Link] = []
        for element in children(section, "Link") if section is not None else ():
            guid, _ = self.canon(element.get("guid"))
            origin = self.guids.canon(element.get("originGUID"))
            target = self.guids.canon(element.get("targetGUID"))
            if (origin is not None and origin not in known) or (
                target is not None and target not in known
            ):
                self.warn(
                    "link-dropped",
                    QT_TRANSLATE_NOOP(
                        "refi",
                        "Link {link} was not imported: "
                        "it connects an object that was not imported.",
                    ),
                    link=element.get("name") or guid,
                )
                continue
            direction = element.get("direction")
            out.append(
                Link(
                    guid=guid,
                    name=element.get("name") or "",
                    origin_guid=remap.get(origin, origin) if origin else None,
                    target_guid=remap.get(target, target) if target else None,
                    direction=LinkDirection(direction) if direction in LinkDirection else None,
                    color=element.get("color"),
                    note_guids=self.note_refs(element),
                )
            )
        return tuple(out)

    def _report_problems(self) -> None:
        if self.guids.replaced:
            self.problems["foreign-id"] += self.guids.replaced
        texts = _PROBLEM_TEXTS
        for kind, count in sorted(self.problems.items()):
            self.warn(kind, texts.get(kind, kind + ": {count}"), count=count)
