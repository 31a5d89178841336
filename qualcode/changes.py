"""What an operation changed, reported to listeners and returned to callers.

Views subscribe to the project and redraw only what a change set touches (the
Anki ``OpChanges`` idea). The set is derived from the rows the operation wrote,
so it cannot forget anything. Views ask about *areas* (codes, conclusions,
review comments...) through typed flags; which tables make up an area is written
once, in :data:`TABLE_AREAS`, so no view ever names a table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Area(StrEnum):
    """A part of a project that views redraw as a whole."""

    CODES = "codes"
    CODE_LINKS = "code_links"
    CODINGS = "codings"
    SOURCES = "sources"
    CASES = "cases"
    CASE_LINKS = "case_links"
    ATTRIBUTES = "attributes"
    MEMOS = "memos"
    SETS = "sets"
    DISPLAYS = "displays"
    SUMMARIES = "summaries"
    CONCLUSIONS = "conclusions"
    REVIEW = "review"
    CODERS = "coders"
    PROJECT = "project"
    HISTORY = "history"
    SEARCH_INDEX = "search_index"
    MAPS = "maps"
    IDENTITIES = "identities"


TABLE_AREAS: Mapping[str, frozenset[Area]] = {
    table: frozenset(areas)
    for table, areas in {
        "code": (Area.CODES,),
        "code_link": (Area.CODE_LINKS,),
        "coding": (Area.CODINGS,),
        # The search index is derived from the sources' text: it is stale when they change.
        "source": (Area.SOURCES, Area.SEARCH_INDEX),
        "source_content": (Area.SOURCES, Area.SEARCH_INDEX),
        "cases": (Area.CASES,),
        "case_link": (Area.CASE_LINKS,),
        "attribute": (Area.ATTRIBUTES,),
        "attribute_value": (Area.ATTRIBUTES,),
        "memo": (Area.MEMOS,),
        "display_memo": (Area.MEMOS,),
        "item_set": (Area.SETS,),
        "item_set_member": (Area.SETS,),
        "saved_display": (Area.DISPLAYS,),
        "cell_summary": (Area.SUMMARIES,),
        "cell_rating": (Area.SUMMARIES,),
        "effect_type": (Area.SUMMARIES,),
        "decision_rule": (Area.SUMMARIES,),
        "concept_map": (Area.MAPS,),
        "map_node": (Area.MAPS,),
        "map_link": (Area.MAPS,),  # a researcher's rating of a cell condenses it too
        "conclusion": (Area.CONCLUSIONS,),
        "conclusion_evidence": (Area.CONCLUSIONS,),
        "conclusion_display": (Area.CONCLUSIONS,),
        "conclusion_memo": (Area.CONCLUSIONS,),
        "member_check": (Area.CONCLUSIONS,),
        "review_comment": (Area.REVIEW,),
        "identity_entry": (Area.IDENTITIES,),
        "identity_attribute": (Area.IDENTITIES,),
        "coder": (Area.CODERS,),
        "project_info": (Area.PROJECT,),
        "audit_log": (Area.HISTORY,),
        "undo_step": (Area.HISTORY,),
    }.items()
}
"""Every table of the project schema -> the areas a change to it belongs to (the one map)."""


def areas_of(tables: Mapping[str, object] | frozenset[str] | set[str]) -> frozenset[Area]:
    """The areas that changing ``tables`` touches."""
    return frozenset(a for table in tables for a in TABLE_AREAS.get(table, ()))


@dataclass(frozen=True, slots=True)
class ChangeSet[T]:
    """The outcome of one operation.

    ``touched`` maps a table name to the ids of its rows the operation inserted,
    updated or deleted (for the core; views use :attr:`areas` and the flags);
    ``result`` is what the operation returns (e.g. the new code);
    ``undo``/``redo`` say whether this change set came from undo or redo.
    """

    op: str
    label: str
    touched: Mapping[str, frozenset[int]] = field(default_factory=dict)
    result: T | None = None
    undo: bool = False
    redo: bool = False

    def touches(self, *tables: str) -> bool:
        """True if any of ``tables`` changed (core use; views ask :meth:`changed`)."""
        return any(t in self.touched for t in tables)

    def ids(self, table: str) -> frozenset[int]:
        """Ids of the rows of ``table`` that changed."""
        return self.touched.get(table, frozenset())

    @property
    def areas(self) -> frozenset[Area]:
        """Every area this change touched."""
        return areas_of(frozenset(self.touched))

    def changed(self, *areas: Area) -> bool:
        """True if any of ``areas`` changed."""
        return not self.areas.isdisjoint(areas)

    # -- flags --------------------------------------------------------------------------
    @property
    def codes(self) -> bool:
        """The code tree changed."""
        return self.changed(Area.CODES)

    @property
    def code_links(self) -> bool:
        """Relations between codes changed."""
        return self.changed(Area.CODE_LINKS)

    @property
    def codings(self) -> bool:
        """Codings changed."""
        return self.changed(Area.CODINGS)

    @property
    def sources(self) -> bool:
        """Sources or their content changed."""
        return self.changed(Area.SOURCES)

    @property
    def cases(self) -> bool:
        """Cases, their links or attribute values changed."""
        return self.changed(Area.CASES, Area.CASE_LINKS, Area.ATTRIBUTES)

    @property
    def case_links(self) -> bool:
        """Which passages belong to which case (or speaker) changed."""
        return self.changed(Area.CASE_LINKS)

    @property
    def attributes(self) -> bool:
        """Attributes or their values changed."""
        return self.changed(Area.ATTRIBUTES)

    @property
    def memos(self) -> bool:
        """Memos changed."""
        return self.changed(Area.MEMOS)

    @property
    def sets(self) -> bool:
        """Code sets or source sets changed."""
        return self.changed(Area.SETS)

    @property
    def displays(self) -> bool:
        """Saved displays changed."""
        return self.changed(Area.DISPLAYS)

    @property
    def summaries(self) -> bool:
        """Summaries written in display cells changed."""
        return self.changed(Area.SUMMARIES)

    @property
    def conclusions(self) -> bool:
        """Conclusions, their evidence, displays or memos changed."""
        return self.changed(Area.CONCLUSIONS)

    @property
    def identities(self) -> bool:
        """The identity register or the attributes marked identifying changed."""
        return self.changed(Area.IDENTITIES)

    @property
    def review(self) -> bool:
        """Review comments changed."""
        return self.changed(Area.REVIEW)

    @property
    def coders(self) -> bool:
        """The coders known to the project changed."""
        return self.changed(Area.CODERS)

    @property
    def project(self) -> bool:
        """Project settings (title and other facts) changed."""
        return self.changed(Area.PROJECT)

    @property
    def search_index(self) -> bool:
        """What the search index is built from changed: it must catch up before a search."""
        return self.changed(Area.SEARCH_INDEX)

    # -- ids ---------------------------------------------------------------------------
    @property
    def code_ids(self) -> frozenset[int]:
        """Ids of the codes that changed."""
        return self.ids("code")

    @property
    def coding_ids(self) -> frozenset[int]:
        """Ids of the codings that changed."""
        return self.ids("coding")

    @property
    def source_ids(self) -> frozenset[int]:
        """Ids of the sources whose listing or text changed."""
        return self.ids("source") | self.ids("source_content")
