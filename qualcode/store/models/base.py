"""Declarative base and column helpers shared by every model module."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Explicit constraint names keep migrations portable between SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of all QualCode models."""

    metadata = MetaData(naming_convention=NAMING)


def new_guid() -> str:
    """A fresh GUID for an object (kept stable for REFI-QDA exchange)."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """Timestamps are stored in UTC without tzinfo (portable across engines)."""
    return datetime.now(UTC).replace(tzinfo=None)
