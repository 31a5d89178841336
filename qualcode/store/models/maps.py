"""Concept maps: a canvas of codes, cases, memos, conclusions and notes joined by labelled links.

A node refers to a project item by ``kind`` and ``ref_id`` (no foreign key, like
the analysis tables: deleting a code must not fail because a map shows it; the
map then shows the node as deleted). Links belong to one map and join two of
its nodes.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from qualcode.store.models.base import Base, JSONDoc, new_guid, utcnow

_AUTOINC = {"sqlite_autoincrement": True}


class ConceptMap(Base):
    """A named concept map."""

    __tablename__ = "concept_map"
    __table_args__ = _AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(40), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class MapNode(Base):
    """A box on a map: a code, case, source, memo or conclusion (``ref_id``), or a free note."""

    __tablename__ = "map_node"
    __table_args__ = _AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    map_id: Mapped[int] = mapped_column(ForeignKey("concept_map.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    ref_id: Mapped[int | None] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(Text, default="")
    x: Mapped[float] = mapped_column(Float, default=0.0)
    y: Mapped[float] = mapped_column(Float, default=0.0)


class MapLink(Base):
    """An arrow from one node to another, with a relation and an optional label."""

    __tablename__ = "map_link"
    __table_args__ = _AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    map_id: Mapped[int] = mapped_column(ForeignKey("concept_map.id"), index=True)
    source_node: Mapped[int] = mapped_column(ForeignKey("map_node.id"), index=True)
    target_node: Mapped[int] = mapped_column(ForeignKey("map_node.id"), index=True)
    relation: Mapped[str] = mapped_column(String(32), default="associated")
    label: Mapped[str] = mapped_column(Text, default="")
    # A causal network's arrow: its sign (+ / -), strength and the codings it rests on.
    sign: Mapped[str | None] = mapped_column(String(8))
    strength: Mapped[str | None] = mapped_column(String(16))
    evidence: Mapped[list[int] | None] = mapped_column(JSONDoc())
