"""A project on a PostgreSQL server: who the connection acts as, and its refusals.

The store keeps, per engine, the team member a connection logs in as (set by
:meth:`qualcode.project.Project.open` from :func:`qualcode.team.roles.current_member`) so
that a refusal by the server's row-level security reads as a :class:`RoleDeniedError`
naming the member's role. Team administration (roles, members, sync) lives in
:mod:`qualcode.team`, above the domain; the store needs only these facts.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, event

from qualcode.errors import RoleDeniedError


@dataclass(frozen=True, slots=True)
class Member:
    """A login role of the team database, the coder it acts as and its role."""

    db_user: str
    coder: str
    role: str | None


_MEMBERS: weakref.WeakKeyDictionary[Engine, Member] = weakref.WeakKeyDictionary()


def remember(engine: Engine, member: Member | None) -> None:
    """Record who ``engine`` connects as (for :func:`role_of` and refusal messages)."""
    if member is None:
        _MEMBERS.pop(engine, None)
    else:
        _MEMBERS[engine] = member


def engine_member(engine: Engine) -> Member | None:
    """The member ``engine`` connects as; None for files and databases without roles."""
    return _MEMBERS.get(engine)


def install_denial_translation(engine: Engine) -> None:
    """Turn PostgreSQL's "insufficient privilege" (42501) into :class:`RoleDeniedError`."""

    @event.listens_for(engine, "handle_error")
    def _on_error(context: Any) -> None:
        original = context.original_exception
        if getattr(original, "sqlstate", None) != "42501":
            return
        diag = getattr(original, "diag", None)
        what = (getattr(diag, "message_primary", None) or str(original)).strip().rstrip(".")
        member = _MEMBERS.get(context.engine) if context.engine is not None else None
        if member is not None and member.role:
            raise RoleDeniedError(role=member.role, what=what) from original
        raise RoleDeniedError(RoleDeniedError.NO_ROLE, what=what) from original
