"""Core ``Table`` objects under short names, for SQLAlchemy Core statements."""

from __future__ import annotations

from sqlalchemy import Table

from qualcode.store import models as m

project_info: Table = m.ProjectInfo.__table__  # type: ignore[assignment]
coder: Table = m.Coder.__table__  # type: ignore[assignment]
source: Table = m.Source.__table__  # type: ignore[assignment]
source_content: Table = m.SourceContent.__table__  # type: ignore[assignment]
cases: Table = m.Case.__table__  # type: ignore[assignment]
case_link: Table = m.CaseLink.__table__  # type: ignore[assignment]
attribute: Table = m.Attribute.__table__  # type: ignore[assignment]
attribute_value: Table = m.AttributeValue.__table__  # type: ignore[assignment]
code: Table = m.Code.__table__  # type: ignore[assignment]
coding: Table = m.Coding.__table__  # type: ignore[assignment]
memo: Table = m.Memo.__table__  # type: ignore[assignment]
undo_step: Table = m.UndoStep.__table__  # type: ignore[assignment]
audit_log: Table = m.AuditEntry.__table__  # type: ignore[assignment]
item_set: Table = m.core.ItemSet.__table__  # type: ignore[assignment]
item_set_member: Table = m.core.ItemSetMember.__table__  # type: ignore[assignment]
code_link: Table = m.core.CodeLink.__table__  # type: ignore[assignment]
