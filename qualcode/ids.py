"""Typed ids, so a code id cannot be passed where a source id is expected."""

from __future__ import annotations

from typing import NewType

SourceId = NewType("SourceId", int)
CaseId = NewType("CaseId", int)
CodeId = NewType("CodeId", int)
CodingId = NewType("CodingId", int)
CoderId = NewType("CoderId", int)
MemoId = NewType("MemoId", int)
AttributeId = NewType("AttributeId", int)
