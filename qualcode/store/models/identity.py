"""The identity register: what identifies an informant, and what replaces it in exports.

``identity_entry`` holds one identifying string (a name, nickname, post,
institution, place, phone number or another person named in a transcript) with
its replacement and, optionally, the case it belongs to. ``identity_attribute``
marks the case attributes whose values identify a person (Nama, Jabatan,
Instansi...), from which the register is filled. Case and attribute ids are plain
integer columns, not foreign keys: core operations delete cases and attributes
without knowing about these tables; readers skip ids that no longer exist.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from qualcode.store.models.base import Base, utcnow

_AUTOINC = {"sqlite_autoincrement": True}


class IdentityEntry(Base):
    """One identifying string and the text that replaces it when pseudonymising."""

    __tablename__ = "identity_entry"
    __table_args__ = (Index("uq_identity_entry_text", "text", unique=True), _AUTOINC)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(24))
    replacement: Mapped[str] = mapped_column(String(500), default="")
    case_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    origin: Mapped[str] = mapped_column(String(16), default="user")  # user | attribute
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class IdentityAttribute(Base):
    """A case attribute whose values identify a person (filled into the register)."""

    __tablename__ = "identity_attribute"
    __table_args__ = (
        Index("uq_identity_attribute", "attribute_id", unique=True),
        _AUTOINC,
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attribute_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(24))
