"""Reading the sources of a project: text sources, PDF text, media (reported, not read)."""

from __future__ import annotations

import operator
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.interop.refi.format.model import (
    OriginalFile,
    SelectionColumns,
    SourceKind,
    TextSource,
)
from qualcode.interop.refi.format.reader_base import ReaderBase
from qualcode.interop.refi.format.safexml import local_name
from qualcode.interop.refi.format.xmlutil import (
    child,
    child_text,
    children,
    parse_datetime,
)

if TYPE_CHECKING:
    from lxml import etree


_SECOND, _THIRD = operator.itemgetter(1), operator.itemgetter(2)  # of column rows

_MEDIA_KINDS = {
    "PictureSource": QT_TRANSLATE_NOOP("refi", "picture"),
    "AudioSource": QT_TRANSLATE_NOOP("refi", "audio"),
    "VideoSource": QT_TRANSLATE_NOOP("refi", "video"),
}


class SourcesReader(ReaderBase):
    """Turns ``Sources`` into text sources and collects their selections."""

    def _source(self, element: etree._Element) -> TextSource | None:
        """One child of ``Sources``: a text or PDF source (media are reported, not read)."""
        name = local_name(element)
        if name == "TextSource":
            return self._text_source(element, element, SourceKind.TEXT, element.get("richTextPath"))
        if name == "PDFSource":
            return self._pdf_source(element)
        if name in _MEDIA_KINDS:
            self._skip_media(element, name)
        return None

    def _count_selections(self, element: etree._Element) -> int:
        return sum(1 for e in element.iter() if local_name(e).endswith("Selection"))

    def _skip_media(self, element: etree._Element, tag: str) -> None:
        self.warn(
            "unsupported-source",
            QT_TRANSLATE_NOOP(
                "refi",
                "{kind} source {source} was not imported (QualCode imports text and PDF text "
                "only); {count} selection(s) and {transcripts} transcript(s) on it were skipped.",
            ),
            kind=_MEDIA_KINDS[tag],
            source=source_name(element) or element.get("guid"),
            count=self._count_selections(element),
            transcripts=sum(1 for _ in children(element, "Transcript")),
        )

    def _text_source(
        self,
        outer: etree._Element,
        text_element: etree._Element,
        kind: SourceKind,
        original_uri: str | None,
    ) -> TextSource | None:
        """Build a source from ``outer`` (TextSource/PDFSource) and its text element."""
        guid, _ = self.canon(outer.get("guid"))
        name = source_name(outer, text_element) or guid
        raw = self.load_text(text_element)
        if raw is None:
            self.warn(
                "missing-text",
                QT_TRANSLATE_NOOP(
                    "refi",
                    "Source {source}: its text ({path}) is missing from the project; the source "
                    "and its {count} selection(s) were not imported.",
                ),
                source=name,
                path=text_element.get("plainTextPath") or "",
                count=sum(1 for _ in children(text_element, "PlainTextSelection")),
            )
            return None
        original = self._original(original_uri, name)
        creator = self.user(outer.get("creatingUser"))
        project_creator = self.guids.canon(self.root.get("creatingUserGUID"))
        raws = self._selections(text_element, guid, creator or project_creator)
        stored = self.selections.add_source(guid, name, raw, raws)
        return TextSource(
            guid=guid,
            name=name,
            text=stored,
            kind=kind,
            original=original,
            description=child_text(outer, "Description"),
            values=self.values(outer),
            note_guids=self.note_refs(outer),
            codings=self.codings(outer, creator or project_creator),
            creating_user=creator,
            created=parse_datetime(outer.get("creationDateTime")),
            modifying_user=self.user(outer.get("modifyingUser")),
            modified=parse_datetime(outer.get("modifiedDateTime")),
        )

    def _selections(
        self, text_element: etree._Element, source_guid: str, fallback_user: str | None
    ) -> SelectionColumns:
        """The ``PlainTextSelection`` children as written, positions in the producer's
        units (:class:`SelectionBuilder` converts them); each child looked at once (a
        large project has 200k: the look-ups are bound once, not per selection).

        Most files need no repair: :meth:`_selections_as_written` reads those with one
        check for the whole source, and this reading, which checks and repairs each
        GUID and reference, is for the rest."""
        fast = self._selections_as_written(text_element, source_guid, fallback_user)
        if fast is not None:
            return fast
        out = SelectionColumns(source_guid)
        user, own, names = self.user, self.guids.canon_unreferenced, self.local_names
        spelling = self.user_spelling  # user() of the few users, without the call
        coding_list, note_ref_list = self.coding_list, self.note_ref_list
        stamps, stamp = self.stamps, self.stamp
        for sel in text_element.iterchildren("{*}PlainTextSelection"):
            get = sel.get
            sel_guid, missing = own(get("guid"))
            if missing:
                self.problems["missing-guid"] += 1
            try:
                start = int(get("startPosition", ""))
                end = int(get("endPosition", ""))
            except ValueError:
                self.problems["bad-position"] += 1
                continue
            description: str | None = None
            codings: list[etree._Element] = []
            notes: list[etree._Element] = []
            for item in sel:
                name = names.get(item.tag) or self.local_name_of(item.tag)
                if name == "Coding":
                    codings.append(item)
                elif name == "NoteRef":
                    notes.append(item)
                elif name == "Description" and description is None:
                    description = item.text or ""
            creator, created = get("creatingUser"), get("creationDateTime")
            sel_user = (spelling.get(creator) or user(creator)) if creator else None
            at = len(out.guids)
            coded = coding_list(codings, sel_user or fallback_user) if codings else ()
            out.codings += [
                (at, c.guid, c.code_guid, c.creating_user, c.created, c.note_guids) for c in coded
            ]
            out.notes += [(at, note) for note in (note_ref_list(notes) if notes else ())]
            out.guids.append(sel_guid)
            out.starts.append(start)
            out.ends.append(end)
            out.users.append(sel_user)
            out.created.append((stamps.get(created) or stamp(created)) if created else None)
            self._selection_rest(sel, out, at, description)
        return out

    def _selections_as_written(
        self, text_element: etree._Element, source_guid: str, fallback_user: str | None
    ) -> SelectionColumns | None:
        """:meth:`_selections` of a source that needs no repair, or ``None``.

        Every GUID and reference is taken as written and all are checked at once at the
        end (:meth:`GuidTable.as_written`), not one by one (200k selections and their
        codings and notes: a look-up and a pattern match each); the selections are kept
        in columns, not as objects. ``None``, with nothing changed but what the careful
        reading would record as well (users met, stamps parsed), as soon as anything
        needs that reading: a missing GUID or reference, one spelled otherwise, a code
        that does not exist, an unreadable position, or notes that came before the
        sources.
        """
        if self.notes_read:
            return None
        out = SelectionColumns(source_guid)
        guids, starts, ends, users, created_at = (
            out.guids, out.starts, out.ends, out.users, out.created
        )  # fmt: skip
        codings, notes = out.codings, out.notes
        coding_note_refs: list[str] = []  # (the GUIDs are taken from the columns at the end)
        user, names, local_name_of = self.user, self.local_names, self.local_name_of
        spelling, code_guids = self.user_spelling, self.code_guids
        stamps, stamp = self.stamps, self.stamp
        for sel in text_element.iterchildren("{*}PlainTextSelection"):
            get = sel.get
            sel_guid = get("guid")
            if sel_guid is None:
                return None
            try:
                start = int(get("startPosition", ""))
                end = int(get("endPosition", ""))
            except ValueError:
                return None
            at = len(guids)
            creator, created = get("creatingUser"), get("creationDateTime")
            sel_user = (spelling.get(creator) or user(creator)) if creator else None
            guids.append(sel_guid)
            starts.append(start)
            ends.append(end)
            users.append(sel_user)
            created_at.append((stamps.get(created) or stamp(created)) if created else None)
            coder = sel_user or fallback_user
            description: str | None = None
            count = len(sel)
            # by index when one or two (an iterator costs five times as much; 200k each)
            for item in (sel[0],) if count == 1 else (sel[0], sel[1]) if count == 2 else sel:
                name = names.get(item.tag) or local_name_of(item.tag)
                if name == "Coding":
                    code: str | None = None
                    coding_notes: tuple[str, ...] = ()
                    parts = len(item)
                    only = item[0] if parts == 1 else None
                    if (
                        only is not None
                        and (names.get(only.tag) or local_name_of(only.tag)) == "CodeRef"
                    ):  # the usual coding: its CodeRef alone
                        code = only.get("targetGUID")
                    else:
                        for sub in (item[0], item[1]) if parts == 2 else item:
                            sub_name = names.get(sub.tag) or local_name_of(sub.tag)
                            if sub_name == "CodeRef":
                                if code is None:
                                    code = sub.get("targetGUID")
                            elif sub_name == "NoteRef":
                                target = sub.get("targetGUID")
                                if target is None:
                                    return None
                                coding_notes += (target,)
                    coding_guid = item.get("guid")
                    if code is None or code not in code_guids or coding_guid is None:
                        return None
                    if coding_notes:
                        coding_note_refs += coding_notes
                    by, when = item.get("creatingUser"), item.get("creationDateTime")
                    codings.append(
                        (
                            at,
                            coding_guid,
                            code,
                            ((spelling.get(by) or user(by)) if by else None) or coder,
                            (stamps.get(when) or stamp(when)) if when else None,
                            coding_notes,
                        )
                    )
                elif name == "NoteRef":
                    target = item.get("targetGUID")
                    if target is None:
                        return None
                    notes.append((at, target))
                elif name == "Description" and description is None:
                    description = item.text or ""
            # most selections have no description and no attribute but those read above
            if description or len(sel.attrib) != 3 + (creator is not None) + (created is not None):
                self._selection_rest(sel, out, at, description)
        note_refs = [*map(_SECOND, notes), *coding_note_refs]
        owned = [*guids, *map(_SECOND, codings)]
        if not self.guids.as_written(owned, [*map(_THIRD, codings), *note_refs]):
            return None
        self.early_note_refs.update(note_refs)  # as note_ref_list counts them
        return out

    def _selection_rest(
        self, sel: etree._Element, out: SelectionColumns, at: int, description: str | None
    ) -> None:
        """Selection ``at``'s description, name and modification into ``out``: what both
        readings take the same way, after its place, users and children."""
        if description and (description := description.strip()):
            out.descriptions[at] = description
        get = sel.get
        label, modifier, modified = get("name"), get("modifyingUser"), get("modifiedDateTime")
        if label:
            out.names[at] = label
        if modifier or modified:
            out.modified[at] = (
                self.user(modifier) if modifier else None,
                (self.stamps.get(modified) or self.stamp(modified)) if modified else None,
            )

    def _original(self, uri: str | None, source: str) -> OriginalFile | None:
        if not uri:
            return None
        data = self.load_file(uri)
        if data is None:
            self.info(
                "missing-original",
                QT_TRANSLATE_NOOP(
                    "refi",
                    "Source {source}: the original file {path} is missing; "
                    "the plain text was imported.",
                ),
                source=source,
                path=uri,
            )
            return None
        return OriginalFile(Path(uri.replace("\\", "/").rsplit("/", 1)[-1]).name, data)

    def _pdf_source(self, element: etree._Element) -> TextSource | None:
        name = source_name(element) or element.get("guid") or ""
        regions = sum(1 for _ in children(element, "PDFSelection"))
        if regions:
            self.warn(
                "pdf-regions",
                QT_TRANSLATE_NOOP(
                    "refi",
                    "PDF {source}: {count} area selection(s) on pages were not imported (text "
                    "selections are).",
                ),
                source=name,
                count=regions,
            )
        representation = child(element, "Representation")
        if representation is None:
            self.warn(
                "pdf-no-text",
                QT_TRANSLATE_NOOP(
                    "refi", "PDF {source} has no text representation; it was not imported."
                ),
                source=name,
            )
            return None
        return self._text_source(element, representation, SourceKind.PDF, element.get("path"))


_PATH_ATTRIBUTES = ("path", "richTextPath", "plainTextPath")


def source_name(*elements: etree._Element) -> str:
    """A source's name: its ``name``, else the name of the file it came from.

    Files inside the archive (``internal://<guid>.txt``) are named by GUID and say
    nothing, so only ``relative://`` and ``absolute://`` paths (or bare file names)
    give a name; ``""`` when none does.
    """
    from urllib.parse import unquote

    for element in elements:
        name = " ".join((element.get("name") or "").split())
        if name:
            return name
    for element in elements:
        for attribute in _PATH_ATTRIBUTES:
            uri = element.get(attribute) or ""
            if not uri or uri.lower().startswith("internal://"):
                continue
            tail = unquote(uri.replace("\\", "/")).rsplit("/", 1)[-1].strip()
            if tail:
                return tail
    return ""
