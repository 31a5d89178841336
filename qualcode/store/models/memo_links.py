"""Memos about saved displays and their cells.

The memo table has one column per core target (source, case, code, coding); a
display or one cell of it (saved display, row key, column key, keyed like cell
summaries) is linked here instead. The display's name and the cell's row and
column labels are kept with the link: when the display is deleted the memo
stays, unlinked (``display_id`` empty), and still says what it was written on.
References are plain integers, like the other analysis tables.
"""

from __future__ import annotations

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from qualcode.store.models.base import Base


class DisplayMemo(Base):
    """A memo written on a saved display (no row/column key) or on one of its cells."""

    __tablename__ = "display_memo"
    __table_args__ = (
        Index("uq_display_memo_memo", "memo_id", unique=True),
        {"sqlite_autoincrement": True},
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    memo_id: Mapped[int] = mapped_column(Integer)
    display_id: Mapped[int | None] = mapped_column(Integer, index=True)
    row_key: Mapped[str | None] = mapped_column(String(200))
    col_key: Mapped[str | None] = mapped_column(String(200))
    display_name: Mapped[str] = mapped_column(String(300), default="")
    row_label: Mapped[str] = mapped_column(String(300), default="")
    col_label: Mapped[str] = mapped_column(String(300), default="")
