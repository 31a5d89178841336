"""Write very large column values (a 95 MB transcript, its original file) without copies.

Binding a 95 MB string to an ``INSERT`` makes the driver copy it (and, for
text beyond ASCII, cache a UTF-8 copy on the string for as long as it lives),
then SQLite copies it again into the row. On SQLite, :func:`insert_row`
instead inserts a placeholder of the right size and streams the value into it
a megabyte at a time through SQLite's incremental blob I/O; the stored value
is the same (TEXT stays TEXT). Other engines, and drivers without blob I/O
(SQLCipher), get an ordinary insert.

The recorder leaves such values out of an insert's undo image: undoing an
insert needs only the row's key, and :mod:`qualcode.store.history` reads the
values back from the row when the insert is undone, so redo can restore it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Protocol, runtime_checkable

from sqlalchemy import Connection, Table, Text, cast, func, insert, literal_column

LARGE = 1 << 16
"""Characters (or bytes) from which a value counts as large and is kept out of undo images."""

_CHUNK = 1 << 20
_WRITE_CACHE = -4096  # KiB of page cache while a large value is written


@runtime_checkable
class ByteStream(Protocol):
    """Bytes too large to hold twice, read in chunks (an original file re-read from disk)."""

    size: int

    def chunks(self) -> Iterator[bytes]:
        """The bytes in order; raises if they are not the ``size`` bytes expected."""
        ...


def is_large(value: Any) -> bool:
    """Whether ``value`` is written by streaming and left out of undo images."""
    if isinstance(value, ByteStream):
        return True
    return isinstance(value, str | bytes | bytearray | memoryview) and len(value) > LARGE


def materialise(value: Any) -> Any:
    """``value`` as a plain Python value a driver can bind (a stream read whole)."""
    return b"".join(value.chunks()) if isinstance(value, ByteStream) else value


def insert_row(
    conn: Connection, table: Table, values: Mapping[str, Any], returning: list[str]
) -> dict[str, Any]:
    """Insert one row, streaming its large values where the engine allows; return the
    ``returning`` columns of the new row."""
    values = dict(values)
    large = {k: v for k, v in values.items() if is_large(v)}
    blobopen = _blobopen(conn) if large else None
    columns = [table.c[name] for name in returning]
    if blobopen is None:
        plain = {k: materialise(v) for k, v in values.items()}
        stmt = insert(table).values(plain)
        if not columns:
            conn.execute(stmt)
            return {}
        return dict(conn.execute(stmt.returning(*columns)).one()._mapping)
    sizes: dict[str, int] = {}
    for name, value in large.items():
        sizes[name] = _byte_size(value)
        placeholder = func.zeroblob(sizes[name])
        values[name] = cast(placeholder, Text) if isinstance(value, str) else placeholder
    # The pages written need not stay cached (the project's cache is 64 MB).
    cache = int(conn.exec_driver_sql("PRAGMA cache_size").scalar() or 0)
    conn.exec_driver_sql(f"PRAGMA cache_size={_WRITE_CACHE}")
    try:
        row = conn.execute(
            insert(table).values(values).returning(*columns, literal_column("rowid"))
        ).one()
        rowid = int(row[-1])
        for name, value in large.items():
            with blobopen(table.name, name, rowid) as blob:
                written = 0
                for chunk in _chunks(value):
                    blob.write(chunk)
                    written += len(chunk)
            if written != sizes[name]:
                raise ValueError(f"{table.name}.{name}: {written} of {sizes[name]} bytes written")
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={cache}")
    return {c.name: row[i] for i, c in enumerate(columns)}


def _blobopen(conn: Connection) -> Any:
    """The driver's ``blobopen`` on a UTF-8 SQLite database, else None."""
    if conn.dialect.name != "sqlite":
        return None
    driver = conn.connection.driver_connection
    opener = getattr(driver, "blobopen", None)
    if opener is None:
        return None
    encoding = conn.exec_driver_sql("PRAGMA encoding").scalar()
    return opener if str(encoding).upper() == "UTF-8" else None


def _byte_size(value: Any) -> int:
    if isinstance(value, ByteStream):
        return int(value.size)
    if isinstance(value, str):
        return sum(len(value[i : i + _CHUNK].encode("utf-8")) for i in range(0, len(value), _CHUNK))
    return len(value)


def _chunks(value: Any) -> Iterator[bytes]:
    if isinstance(value, ByteStream):
        yield from value.chunks()
    elif isinstance(value, str):
        for i in range(0, len(value), _CHUNK):
            yield value[i : i + _CHUNK].encode("utf-8")
    else:
        view = memoryview(value)
        for i in range(0, len(view), _CHUNK):
            yield view[i : i + _CHUNK].tobytes()
