"""SQLAlchemy 2 typed models of a QualCode project.

One module per area; all share :data:`Base` and its metadata. Importing this
package registers every table. Schema changes go through
:mod:`qualcode.store.migrations` (see ``docs/architecture.md``).
"""

from qualcode.store.models.analysis import (
    CellSummary,
    Conclusion,
    ConclusionDisplay,
    ConclusionEvidence,
    ConclusionMemo,
    ReviewComment,
    SavedDisplay,
)
from qualcode.store.models.base import Base
from qualcode.store.models.cells import CellRating
from qualcode.store.models.core import (
    Attribute,
    AttributeValue,
    AuditEntry,
    Case,
    CaseLink,
    Code,
    Coder,
    Coding,
    Memo,
    ProjectInfo,
    Source,
    SourceContent,
    UndoStep,
)
from qualcode.store.models.identity import IdentityAttribute, IdentityEntry
from qualcode.store.models.maps import ConceptMap, MapLink, MapNode
from qualcode.store.models.memo_links import DisplayMemo
from qualcode.store.models.tactics import DecisionRule, EffectType, MemberCheck

__all__ = [
    "Attribute",
    "AttributeValue",
    "AuditEntry",
    "Base",
    "Case",
    "CaseLink",
    "CellRating",
    "CellSummary",
    "Code",
    "Coder",
    "Coding",
    "ConceptMap",
    "Conclusion",
    "ConclusionDisplay",
    "ConclusionEvidence",
    "ConclusionMemo",
    "DecisionRule",
    "DisplayMemo",
    "EffectType",
    "IdentityAttribute",
    "IdentityEntry",
    "MapLink",
    "MapNode",
    "MemberCheck",
    "Memo",
    "ProjectInfo",
    "ReviewComment",
    "SavedDisplay",
    "Source",
    "SourceContent",
    "UndoStep",
]
