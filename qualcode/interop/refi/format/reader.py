"""Read a REFI-QDA project (``.qdpx`` or bare ``.qde``) into the intermediate model.

Tolerant where real files are sloppy (missing "required" attributes, GUIDs in any
case or with braces, old namespaces, repeated selections) and explicit about what it
leaves out: everything skipped ends up in ``Project.messages`` (spec §7).
"""

from __future__ import annotations

from array import array
from collections.abc import Container
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from qualcode.errors import ImportFailedError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.interop.refi.format.archive import (
    DEFAULT_LIMITS,
    ArchiveLimits,
    ProjectPackage,
    open_package,
)
from qualcode.interop.refi.format.guids import are_guid_keys, guid_key
from qualcode.interop.refi.format.model import (
    EXTENSION_FOLDER,
    Case,
    Code,
    Link,
    LinkDirection,
    Note,
    Project,
    SelectionColumns,
    Set,
    Severity,
    TextSelection,
    TextSource,
    User,
    Variable,
    VariableType,
    report,
)
from qualcode.interop.refi.format.reader_base import ExternalResolver
from qualcode.interop.refi.format.reader_sources import SourcesReader
from qualcode.interop.refi.format.safexml import iter_xml, local_name
from qualcode.interop.refi.format.xmlutil import (
    child,
    child_text,
    children,
    parse_code_tree,
    parse_datetime,
)

if TYPE_CHECKING:
    from lxml import etree


class ProjectSink(Protocol):
    """Takes a project while it is read: the small sections, then each source and note.

    With a sink, :func:`read_project` keeps no source, selection or handled note: the
    project it returns has no ``sources``, only the ``selections`` its cases refer to,
    and the notes :meth:`note` did not take.
    """

    def begin(self, head: Project) -> None:
        """Users, codes and variables read so far (before the first source, or at the
        end); ``users`` lists only the users listed in the file."""
        ...

    def source(self, source: TextSource, selections: SelectionColumns) -> None:
        """One source and its selections (merged, positions converted)."""
        ...

    def note(self, note: Note, earlier: str | None) -> bool:
        """One note :meth:`take_note` did not take (``earlier``: the spelling its
        references used, when another); True when the sink took it for good (the project
        returned leaves it out)."""
        ...

    def take_note(self, guid: str, earlier: str | None, description: str) -> bool:
        """:meth:`note` for a note the sink can take from its description alone, asked
        before the note is built (a large project has 100k notes of coding attributes:
        their text, users and dates are never read); False: it comes to :meth:`note`."""
        ...


def read_project(
    path: str | Path,
    *,
    limits: ArchiveLimits = DEFAULT_LIMITS,
    resolve_external: ExternalResolver | None = None,
    sink: ProjectSink | None = None,
) -> Project:
    """Read a ``.qdpx`` archive or a bare ``.qde`` file.

    Raises ``ImportFailedError`` when the file is unsafe or not a REFI-QDA project;
    anything partially imported is described in ``Project.messages``. With a
    ``sink``, sources and notes go to it as they are read (see :class:`ProjectSink`).
    """
    with open_package(path, limits) as package:
        stream = package.open_qde()
        try:
            reader: _ProjectReader | None = None
            for root, element in iter_xml(stream, package.display_name, _STREAMED):
                if reader is None:
                    reader = _ProjectReader(package, root, resolve_external, sink)
                    reader.check_root()
                if element is root:
                    break
                reader.take(element)
            assert reader is not None
            return reader.finish()
        finally:
            stream.close()


def project_name(path: str | Path, *, limits: ArchiveLimits = DEFAULT_LIMITS) -> str:
    """The project's name (``Project@name``, else the file's stem), read from the
    start of the file only."""
    with open_package(path, limits) as package:
        stream = package.open_qde()
        try:
            for root, _element in iter_xml(stream, package.display_name, _STREAMED):
                return root.get("name") or Path(package.display_name).stem
        finally:
            stream.close()
    return Path(path).stem


#: Elements handled as soon as they are complete (then cleared): the sections and,
#: within ``Sources`` and ``Notes``, each source and note on its own.
_STREAMED = tuple(
    "{*}" + name
    for name in (
        "Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Links", "Sets",
        "Graphs", "TextSource", "PDFSource", "PictureSource", "AudioSource", "VideoSource",
        "Note",
    )
)  # fmt: skip
#: Sections read at the end, once the sources and notes they refer to are known.
_LATER = {"Cases", "Links", "Sets", "Graphs"}


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
    """Reads one project as the parser goes: sources and notes one at a time."""

    def __init__(
        self,
        package: ProjectPackage,
        root: etree._Element,
        resolve_external: ExternalResolver | None,
        sink: ProjectSink | None = None,
    ) -> None:
        super().__init__(package, root, resolve_external)
        self.sink = sink
        self._begun = False
        self._spans = _Spans()  # streaming: every selection, for the cases read last
        self._held = 0  # handled elements not yet removed from their section
        self._section: etree._Element | None = None  # the parent of the last element taken
        self._section_name = ""  # its name when it is a section of the project, else ""
        self._remap: dict[str, str] = {}
        self._source_guids: set[str] = set()
        self._users_read: list[User] = []
        self._codes_read: tuple[Code, ...] = ()
        self._sources_read: list[TextSource] = []
        self._notes_read: list[Note] = []
        self.respelled: dict[str, str] = {}  # note GUID as referenced early → as defined

    def check_root(self) -> None:
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

    def take(self, element: etree._Element) -> None:
        """Handle one complete element, then free it (unless read at the end)."""
        parent = element.getparent()
        if parent is None:
            return
        if parent is self.root:
            name = local_name(element)
            if name == "Users":
                self._users_read = self._users()
            elif name == "CodeBook":
                self._codes_read = self._codes()
            elif name == "Variables":
                self._variables()
            elif name == "Notes":
                self.notes_read = True
            if name not in _LATER:
                element.clear()  # kept as an empty node: the later sections stay in place
            return
        if parent is not self._section:  # a new parent (one look per section, not per child)
            self._section = parent
            self._section_name = local_name(parent) if parent.getparent() is self.root else ""
        section = self._section_name
        if section == "Notes":  # first: a large project has 100k notes, a thousand sources
            if (self.local_names.get(element.tag) or self.local_name_of(element.tag)) == "Note":
                read = self._note(element)
                if read is not None and (self.sink is None or not self.sink.note(*read)):
                    self._notes_read.append(read[0])
        elif section == "Sources":
            source = self._source(element)
            if source is not None:
                if self.sink is not None:
                    self._stream(source)
                else:
                    self._sources_read.append(source)
        else:
            return  # a nested element of the same name (read with its section)
        element.clear()
        self._held += 1
        if self._held > _FREED_AT_ONCE:  # the handled siblings go in one slice deletion
            del parent[: parent.index(element)]
            self._held = 0

    def _begin(self) -> None:
        if self.sink is None or self._begun:
            return
        self._begun = True
        self.sink.begin(
            Project(
                name=self.root.get("name") or Path(self.package.display_name).stem,
                origin=self.origin,
                users=tuple(self._users_read),
                codes=self._codes_read,
                variables=tuple(self.variables.values()),
                extensions=self.package.read_folder(EXTENSION_FOLDER),
            )
        )

    def _stream(self, source: TextSource) -> None:
        """Hand one source and its selections to the sink, keeping only their spans."""
        assert self.sink is not None
        self._begin()
        built = self.selections.build_last(self._remap)
        selections = built if built is not None else SelectionColumns(source.guid)
        self._spans.add(source.guid, selections)
        self._source_guids.add(source.guid)
        self.sink.source(source, selections)

    def finish(self) -> Project:
        root = self.root
        self.notes_read = True
        known = {
            "Users", "CodeBook", "Variables", "Cases", "Sources", "Notes",
            "Links", "Sets", "Graphs", "Description", "NoteRef",
        }  # fmt: skip
        unknown = [
            report(
                "unknown-element",
                QT_TRANSLATE_NOOP(
                    "refi", "Element {element} is not part of REFI-QDA 1.5; skipped."
                ),
                Severity.WARNING,
                element=local_name(element),
            )
            for element in root
            if local_name(element) and local_name(element) not in known
        ]
        self.messages[:0] = unknown
        codes, sources = self._codes_read, tuple(self._sources_read)
        spelled, early = self.respelled, self.early_note_refs
        if spelled:
            dangling = sum(n for g, n in early.items() if spelled.get(g, g) not in self.note_guids)
        else:  # 100k references in a large project: one set difference
            dangling = sum(early[g] for g in early.keys() - self.note_guids)
        if dangling:
            self.problems["dangling-note"] += dangling
        if dangling or spelled:
            codes, sources = self._fix_early_note_refs(codes, sources)
        known_selections: Container[str]
        if self.sink is not None:
            self._begin()
            self.selections.report(self.messages)
            selections: tuple[TextSelection, ...] = ()
            remap = self._remap
            source_guids = self._source_guids
            known_selections = _Either(self._spans, remap)
        else:
            selections, remap = self.selections.build(self.messages)
            source_guids = {s.guid for s in sources}
            known_selections = {s.guid for s in selections} | set(remap)
        cases = self._cases(source_guids, known_selections, remap)
        if self.sink is not None:  # only the selections cases refer to
            wanted = dict.fromkeys(g for c in cases for g in c.selection_guids)
            selections = tuple(self._spans.selection(g) for g in wanted if g in self._spans)
            self._spans = _Spans()
        sets = self._sets(source_guids)
        known_objects = _Either(
            self.code_guids, self.note_guids, source_guids, known_selections,
            {c.guid for c in cases}, {s.guid for s in sets}, self.variables,
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
        all_users = self._complete_users(self._users_read)
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
            notes=tuple(self._notes_read),
            links=links,
            sets=sets,
            note_guids=project_notes,
            messages=tuple(self.messages),
            extensions=self.package.read_folder(EXTENSION_FOLDER),
        )

    def _fix_early_note_refs(
        self, codes: tuple[Code, ...], sources: tuple[TextSource, ...]
    ) -> tuple[tuple[Code, ...], tuple[TextSource, ...]]:
        """References read before the notes: spelled as their note, kept where it exists."""
        known, spelled = self.note_guids, self.respelled

        def keep(guids: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(s for s in (spelled.get(g, g) for g in guids) if s in known)

        def code(c: Code) -> Code:
            return replace(
                c, note_guids=keep(c.note_guids), children=tuple(code(k) for k in c.children)
            )

        def source(s: TextSource) -> TextSource:
            codings = tuple(replace(c, note_guids=keep(c.note_guids)) for c in s.codings)
            return replace(s, note_guids=keep(s.note_guids), codings=codings)

        self.selections.keep_notes(keep)
        return tuple(code(c) for c in codes), tuple(source(s) for s in sources)

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

    def _note(self, element: etree._Element) -> tuple[Note, str | None] | None:
        """A note and the spelling its references used when another; ``None`` when the
        sink took it from its description (:meth:`ProjectSink.take_note`)."""
        earlier: str | None = None
        get = element.get
        value = get("guid")
        if value is None:
            guid = self.canon(None)[0]
        else:
            guid, earlier = self.guids.define(value)
            if earlier is not None:
                self.respelled[earlier] = guid
        self.note_guids.add(guid)
        sink = self.sink
        names = self.local_names
        usual: str | None = None  # the description of a note written the usual way
        if sink is not None and len(element) == 2:  # a Description, then the text
            first, second = element[0], element[1]  # (no iterator: half the cost)
            if names.get(first.tag) == "Description" and (
                names.get(second.tag) == "PlainTextContent"
            ):
                usual = first.text or ""
            # gone before the note is cleared: clearing a node whose children have
            # live proxies copies their namespaces (about 6k instructions a note)
            del first, second
            if usual and sink.take_note(guid, earlier, usual):
                return None  # taken before it is built (100k notes in a large project)
        content: etree._Element | None = None
        description: str | None = None
        dropped = 0
        for item in element:  # each child looked at once
            name = names.get(item.tag) or self.local_name_of(item.tag)
            if name == "PlainTextContent":
                content = item if content is None else content
            elif name == "Description":
                description = (item.text or "") if description is None else description
            elif name == "PlainTextSelection":
                dropped += 1
        if (
            sink is not None
            and usual is None  # another shape: not offered yet
            and description
            and not dropped
            and sink.take_note(guid, earlier, description)
        ):
            return None
        text = (content.text or "") if content is not None else self.load_text(element)
        if text is None:
            self.warn(
                "missing-note-text",
                QT_TRANSLATE_NOOP("refi", "Note {note}: its text file is missing; imported empty."),
                note=element.get("name") or guid,
            )
            text = ""
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
        if "\r" in text:
            text = text.replace("\r\n", "\n")
        modifier, created, modified = (
            get("modifyingUser"), get("creationDateTime"), get("modifiedDateTime")
        )  # fmt: skip
        note = Note(
            guid,
            get("name") or "",
            text.removeprefix("\ufeff"),
            description or "",
            self.user(get("creatingUser")),
            parse_datetime(created) if created else None,
            self.user(modifier) if modifier else None,
            parse_datetime(modified) if modified else None,
        )
        return note, earlier

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
        self, sources: set[str], selections: Container[str], remap: dict[str, str]
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
        self, element: etree._Element, tag: str, known: Container[str], problem: str
    ) -> tuple[str, ...]:
        out: dict[str, None] = {}
        for ref in children(element, tag):
            guid = self.guids.canon(ref.get("targetGUID") or ref.get("guid"))
            if guid is not None and guid in known:
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

    def _links(self, known: Container[str], remap: dict[str, str]) -> tuple[Link, ...]:
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


class _Either:
    """Membership in any of several containers (without building their union)."""

    def __init__(self, *parts: Container[str]) -> None:
        self.parts = parts

    def __contains__(self, item: object) -> bool:
        return any(item in part for part in self.parts)


class _Spans:
    """Where each selection read lies, compactly (a large project has 200k of them).

    A source's selections are kept as they come (GUIDs, positions, names); the index by
    GUID is built when first asked for, which most imports never do (cases that name
    sources, not selections; no links).
    """

    def __init__(self) -> None:
        self._pending: list[tuple[str, list[str], array[int], array[int], dict[int, str]]] = []
        self._index: dict[str, int] = {}  # guid key -> row
        self._guids: list[str] = []
        self._source_ids: dict[str, int] = {}
        self._sources: list[str] = []
        self._rows = array("q")  # source index, start, end per selection
        self._names: dict[int, str] = {}

    def add(self, source_guid: str, selections: SelectionColumns) -> None:
        """The selections of one source (read one source at a time)."""
        self._pending.append(
            (
                source_guid,
                list(selections.guids),
                array("q", selections.starts),
                array("q", selections.ends),
                dict(selections.names),
            )
        )

    def _indexed(self) -> dict[str, int]:
        """The index by GUID key, with the sources added since it was last asked for."""
        index = self._index
        for source_guid, guids, starts, ends, names in self._pending:
            source = self._source_ids.setdefault(source_guid, len(self._sources))
            if source == len(self._sources):
                self._sources.append(source_guid)
            first = len(self._guids)
            keys = guids if are_guid_keys(guids) else [guid_key(g) for g in guids]
            if len(set(keys)) == len(keys) and index.keys().isdisjoint(keys):  # each one new
                index.update(zip(keys, range(first, first + len(keys)), strict=True))
            else:
                for row, key in enumerate(keys, first):
                    index.setdefault(key, row)  # the first of a GUID given twice
            spans = zip(starts, ends, strict=True)
            self._rows.extend([n for span in spans for n in (source, *span)])
            self._names.update({first + row: name for row, name in names.items()})
            self._guids += guids
        self._pending.clear()
        return index

    def __contains__(self, guid: object) -> bool:
        return isinstance(guid, str) and guid_key(guid) in self._indexed()

    def selection(self, guid: str) -> TextSelection:
        """The selection (without codings or notes) of a GUID that is here."""
        row = self._indexed()[guid_key(guid)]
        source, start, end = self._rows[3 * row : 3 * row + 3]
        return TextSelection(
            self._guids[row], self._sources[source], start, end, self._names.get(row, "")
        )


#: Handled sources and notes are cleared at once and removed from their section in
#: batches of this many (an lxml ``len`` or ``index`` walks the children).
_FREED_AT_ONCE = 512
