"""Reads of many rows by id, the ids written into the statement's text.

Binding one parameter per id costs SQLAlchemy more (rendering and processing a few
hundred parameters on every call) than the engine's own work for a few hundred rows,
and an export of one code reads the texts, case links and cases of hundreds of
sources. The statement is still built with SQLAlchemy Core and compiled once per
dialect; only integers (each passed through ``int``) are written into it, in chunks.
Rows come as the driver gives them, without SQLAlchemy's type processing: only for
columns the driver returns as they are (integers and text).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, literal_column

from qualcode.store.recorder import chunks

_MARK = "__qualcode_ids__"


class ByIds:
    """``statement`` restricted to rows whose ``column`` is one of the ids given."""

    def __init__(self, statement: Select[Any], column: ColumnElement[Any]) -> None:
        self._statement = statement.where(column.op("IN")(literal_column(f"({_MARK})")))
        self._sql: dict[str, tuple[str, str]] = {}  # per dialect: the text around the ids

    def rows(self, conn: Connection, ids: Iterable[int]) -> list[Any]:
        """The rows for ``ids`` (none for no ids)."""
        head, tail = self._around(conn)
        out: list[Any] = []
        for part in chunks(sorted({int(i) for i in ids})):
            listed = ",".join(map(str, part))
            out.extend(conn.exec_driver_sql(f"{head}{listed}{tail}").all())
        return out

    def _around(self, conn: Connection) -> tuple[str, str]:
        found = self._sql.get(conn.dialect.name)
        if found is None:
            compiled = self._statement.compile(dialect=conn.dialect)
            if compiled.params:
                raise ValueError("a read by ids takes no other parameters")
            head, mark, tail = str(compiled).partition(_MARK)
            if not mark:
                raise ValueError("the ids' place was not found in the statement")
            found = self._sql[conn.dialect.name] = (head, tail)
        return found
