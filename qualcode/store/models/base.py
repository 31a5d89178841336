"""Declarative base and column helpers shared by every model module."""

from __future__ import annotations

import os
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, MetaData
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator, TypeEngine

# Explicit constraint names keep migrations portable between SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class JSONDoc(TypeDecorator[Any]):
    """JSON on SQLite, JSONB on PostgreSQL (where ``json`` values cannot be compared)."""

    impl = JSON
    cache_ok = True

    def load_dialect_impl(self, dialect: Any) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import JSONB  # only loaded for a server

            jsonb: TypeEngine[Any] = dialect.type_descriptor(JSONB())
            return jsonb
        json: TypeEngine[Any] = dialect.type_descriptor(JSON())
        return json

    def result_processor(self, dialect: Any, coltype: Any) -> Any:
        """SQLite hands JSON over as text: an empty object or list (most code labels and
        source metadata) is made without the parser, a new one each time as it would be."""
        parse = super().result_processor(dialect, coltype)
        if parse is None or dialect.name != "sqlite":
            return parse

        def process(value: Any) -> Any:
            if value == "{}":
                return {}
            if value == "[]":
                return []
            return parse(value)

        return process


class Base(DeclarativeBase):
    """Base of all QualCode models."""

    metadata = MetaData(naming_convention=NAMING)


def new_guid() -> str:
    """A fresh GUID for an object (kept stable for REFI-QDA exchange).

    Version 7 (RFC 9562): a millisecond timestamp then random bits, so new rows
    land at the end of the GUID index instead of on a random page (cheaper writes
    on big projects) while staying a standard UUID other tools accept.
    """
    ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & 0xFFFF_FFFF_FFFF) << 80 | rand
    value = (value & ~(0xF << 76)) | (0x7 << 76)  # version 7
    value = (value & ~(0x3 << 62)) | (0x2 << 62)  # RFC 4122 variant
    return str(uuid.UUID(int=value))


def utcnow() -> datetime:
    """Timestamps are stored in UTC without tzinfo (portable across engines)."""
    return datetime.now(UTC).replace(tzinfo=None)
