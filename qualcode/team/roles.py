"""Team roles enforced by PostgreSQL: owner, coder and reviewer.

``setup_roles(url)`` turns a project database into a team database. It creates
three group roles scoped to the database (``<db>_qualcode_owner``, ``..._coder``,
``..._reviewer``), gives the tables to the owner group, GRANTs per table and
enables *and forces* row-level security with these rules:

owner
    Everything: codebook, sources, cases, settings, migrations, others' codings.
coder
    Reads everything. Writes codings and memos whose ``coder_id`` is their own,
    the links of their own memos to displays and cells (rows that belong to the
    owner of the row they point at, ``OWN_VIA``), review comments they wrote,
    their own undo steps and audit entries, and their own row of the ``coder``
    table. Nothing else (no codes, no sources).
reviewer
    Reads everything. Writes review comments (a thread's status may be set on
    anyone's comment, its text only by its author), their own undo steps and
    audit entries and their own ``coder`` row.

Who is who: the table ``team_member(db_user, coder)`` maps each login role to
one coder name; the database computes "my coder" from ``session_user`` (which a
client cannot change), so a coder with a raw connection cannot act as another
coder. :func:`current_member` gives the same answer to the app, and
:meth:`Project.open` uses it as ``project.coder`` on such a database. Inserting
a row that is not yours is refused by a row-level security policy; updating or
deleting one is refused by a guard trigger, both with SQLSTATE 42501, which
:func:`install_denial_translation` turns into :class:`RoleDeniedError`.

Tables whose names start with ``search_`` hold derived data (indexes rebuilt
from the sources): only owners write them, so no member can empty or corrupt
everyone's search; the others read them while they are current (see
:func:`qualcode.search.index.may_write_index`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Connection, func, select, text

from qualcode.errors import ProjectError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ownership import APPEND_OWN, DERIVED_PREFIXES, HISTORY, OWN_ROWS, OWN_VIA, ROLES
from qualcode.store import migrations, sequences
from qualcode.store.engine import is_url, make_engine, public_location
from qualcode.store.server import Member, engine_member
from qualcode.team.facts import FUNCTION as FACTS_FUNCTION
from qualcode.team.facts import facts_function_sql, facts_trigger_sql

if TYPE_CHECKING:
    from qualcode.project import Project

MEMBER_TABLE = "team_member"


@dataclass(frozen=True, slots=True)
class RolesReport:
    """What :func:`setup_roles` did."""

    database: str
    groups: dict[str, str]
    tables: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)


def group_role(database: str, role: str) -> str:
    """The group role for ``role`` on ``database`` (at most 63 bytes, PostgreSQL's limit)."""
    name = f"{database}_qualcode_{role}"
    if len(name.encode()) <= 63:
        return name
    digest = hashlib.sha256(database.encode()).hexdigest()[:8]
    head = database.encode()[:32].decode("utf-8", errors="ignore")
    return f"{head}_{digest}_qualcode_{role}"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# -- connections ------------------------------------------------------------------------------


@contextmanager
def _admin(url: str) -> Iterator[Connection]:
    """One transaction on the server at ``url`` (which must be PostgreSQL)."""
    if not is_url(url):
        raise ProjectError(QT_TRANSLATE_NOOP("errors", "{path} is not a database URL."), path=url)
    engine = make_engine(url)
    try:
        if engine.dialect.name != "postgresql":
            raise ProjectError(
                QT_TRANSLATE_NOOP("errors", "Team roles need a PostgreSQL server, not {url}."),
                url=public_location(url),
            )
        with engine.connect() as conn, conn.begin():
            conn.execute(select(func.pg_advisory_xact_lock(sequences.MIGRATION_LOCK)))
            yield conn
    finally:
        engine.dispose()


@dataclass(frozen=True, slots=True)
class _Ctx:
    database: str
    schema: str
    groups: dict[str, str]

    def q(self, name: str) -> str:
        return f"{_ident(self.schema)}.{_ident(name)}"

    def g(self, role: str) -> str:
        return _ident(self.groups[role])


def _context(conn: Connection) -> _Ctx:
    db, schema = conn.execute(text("SELECT current_database(), current_schema()")).one()
    return _Ctx(str(db), str(schema), {r: group_role(str(db), r) for r in ROLES})


def _role_exists(conn: Connection, name: str) -> bool:
    found = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
    return found is not None


def _require_setup(conn: Connection, ctx: _Ctx) -> None:
    ready = (
        all(_role_exists(conn, g) for g in ctx.groups.values())
        and conn.execute(text("SELECT to_regclass(:t)"), {"t": ctx.q(MEMBER_TABLE)}).scalar()
    )
    if not ready:
        raise ProjectError(
            QT_TRANSLATE_NOOP(
                "errors", "{database} has no team roles yet: run 'qualcode team setup-roles' first."
            ),
            database=ctx.database,
        )


# -- setting up ---------------------------------------------------------------------------------


def is_set_up(url: str) -> bool:
    """True if ``url``'s database already has QualCode's group roles and member table."""
    with _admin(url) as conn:
        ctx = _context(conn)
        try:
            _require_setup(conn, ctx)
        except ProjectError:
            return False
    return True


def setup_roles(url: str) -> RolesReport:
    """Create the group roles and secure every table of ``url``'s database (idempotent).

    Run by a superuser (or a CREATEROLE user owning the database) once; run it
    again after ``team push --force`` or an upgrade that adds tables (an owner
    who owns the new tables may do that once the roles exist).
    """
    with _admin(url) as conn:
        ctx = _context(conn)
        # The functions name tables a database without a project yet does not have.
        conn.exec_driver_sql("SET LOCAL check_function_bodies = off")
        created = []
        for name in ctx.groups.values():
            if not _role_exists(conn, name):
                conn.exec_driver_sql(f"CREATE ROLE {_ident(name)} NOLOGIN")
                created.append(name)
        everyone = ", ".join(ctx.g(r) for r in ROLES)
        # Only members (and superusers) may connect; non-owners get a warning, not an error.
        conn.exec_driver_sql(f"REVOKE CONNECT ON DATABASE {_ident(ctx.database)} FROM PUBLIC")
        conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {_ident(ctx.database)} TO {everyone}")
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {_ident(ctx.schema)} TO {everyone}")
        conn.exec_driver_sql(f"REVOKE CREATE ON SCHEMA {_ident(ctx.schema)} FROM PUBLIC")
        conn.exec_driver_sql(f"GRANT CREATE ON SCHEMA {_ident(ctx.schema)} TO {ctx.g('owner')}")
        _derived_tables(conn)
        conn.exec_driver_sql(
            f"CREATE TABLE IF NOT EXISTS {ctx.q(MEMBER_TABLE)} (db_user TEXT PRIMARY KEY, "
            "coder TEXT NOT NULL UNIQUE CHECK (length(btrim(coder)) BETWEEN 1 AND 200))"
        )
        _functions(conn, ctx)
        tables = [
            str(name)
            for (name,) in conn.execute(
                text(
                    "SELECT c.relname FROM pg_class c JOIN pg_namespace n "
                    "ON n.oid = c.relnamespace WHERE n.nspname = :s AND c.relkind IN ('r', 'p') "
                    "ORDER BY c.relname"
                ),
                {"s": ctx.schema},
            )
        ]
        old_policies: dict[str, list[str]] = {}
        for table, policy in conn.execute(
            text(
                "SELECT tablename, policyname FROM pg_policies WHERE schemaname = :s "
                "AND policyname LIKE 'qc\\_%'"
            ),
            {"s": ctx.schema},
        ):
            old_policies.setdefault(str(table), []).append(str(policy))
        statements: list[str] = []
        for table in tables:
            statements += _secure_table(ctx, table, old_policies.get(table, []))
        conn.exec_driver_sql(";\n".join(statements))  # one round trip for some 400 statements
        conn.exec_driver_sql(
            f"GRANT ALL ON ALL SEQUENCES IN SCHEMA {_ident(ctx.schema)} TO {ctx.g('owner')}"
        )
        conn.exec_driver_sql(
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {_ident(ctx.schema)} "
            f"TO {ctx.g('coder')}, {ctx.g('reviewer')}"
        )
    return RolesReport(ctx.database, dict(ctx.groups), tables, created)


def _derived_tables(conn: Connection) -> None:
    """Create the server-side search index tables now, so they are secured with the rest.

    The first search would otherwise create them (and re-create them when the
    index format changes), which needs the owner's rights; prepared here at the
    current format, every member's search only fills them (see ``DERIVED_PREFIXES``).
    """
    try:
        from qualcode.search.index_base import INDEX_VERSION
        from qualcode.search.index_pg import PgIndex
    except ImportError:  # no server-side search index in this version
        return
    if migrations.read_version(conn) is None:
        return  # no project yet: the owner's push makes the tables, then roles are re-applied
    tables, ddl = getattr(PgIndex, "TABLES", ()), getattr(PgIndex, "DDL", ())
    if not tables or not ddl:
        return
    current = None
    if conn.execute(text("SELECT to_regclass('search_meta')")).scalar() is not None:
        current = conn.execute(text("SELECT value FROM search_meta WHERE key = 'version'")).scalar()
    if current == INDEX_VERSION:
        return
    for name in tables:
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {_ident(name)}")
    for statement in ddl:
        conn.exec_driver_sql(statement)
    conn.execute(
        text("INSERT INTO search_meta (key, value) VALUES ('version', :v)"), {"v": INDEX_VERSION}
    )


def _functions(conn: Connection, ctx: _Ctx) -> None:
    """The identity functions and the ownership guard; every name schema-qualified.

    ``search_path`` is pinned with ``pg_temp`` last so a temporary table named
    ``team_member`` cannot stand in for the real one.
    """
    safe = "SET search_path = pg_catalog, pg_temp"
    members, coders = ctx.q(MEMBER_TABLE), ctx.q("coder")
    coder_fn, coder_id_fn = ctx.q("qualcode_coder"), ctx.q("qualcode_coder_id")
    conn.exec_driver_sql(
        f"CREATE OR REPLACE FUNCTION {coder_fn}() RETURNS text LANGUAGE sql STABLE {safe} "
        f"AS $f$ SELECT coder FROM {members} WHERE db_user = session_user $f$"
    )
    conn.exec_driver_sql(
        f"CREATE OR REPLACE FUNCTION {coder_id_fn}() RETURNS integer LANGUAGE sql STABLE "
        f"{safe} AS $f$ SELECT c.id FROM {coders} c JOIN {members} m ON m.coder = c.name "
        "WHERE m.db_user = session_user $f$"
    )

    def guard(name: str, declare: str, kind: int, check: str) -> None:
        """One ownership guard: an owner passes; ``mine`` is the session's coder (by id or
        name, as ``TG_ARGV[kind]`` says); ``check`` returns for the author; anyone else
        is refused, naming the author."""
        conn.exec_driver_sql(
            (
                f"CREATE OR REPLACE FUNCTION {ctx.q(name)}() RETURNS trigger "
                f"LANGUAGE plpgsql {safe} AS $f$\n"
                f"DECLARE\n{declare}  mine text;\n  who text;\nBEGIN\n"
                f"  IF pg_has_role(current_user, {_lit(ctx.groups['owner'])}, 'USAGE') THEN\n"
                "    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;\n"
                "    RETURN NEW;\n"
                "  END IF;\n"
                f"  mine := CASE WHEN TG_ARGV[{kind}] = 'id' THEN {coder_id_fn}()::text "
                f"ELSE {coder_fn}() END;\n"
                f"{check}"
                "  who := author;\n"
                f"  IF TG_ARGV[{kind}] = 'id' AND author IS NOT NULL THEN\n"
                f"    SELECT name INTO who FROM {coders} WHERE id = author::integer;\n"
                "  END IF;\n"
                "  RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = format(\n"
                "    'this %s was made by %s; only they or an owner may change it',\n"
                "    replace(TG_TABLE_NAME, '_', ' '), coalesce(who, 'no coder'));\n"
                "END $f$"
            ).replace("%", "%%")  # the driver reads a lone % as a parameter
        )

    guard(
        "qualcode_guard_row",
        "  old_row jsonb := to_jsonb(OLD);\n"
        "  author text := old_row ->> TG_ARGV[0];\n"
        "  free text[] := TG_ARGV[2:];\n",
        1,
        "  IF TG_OP = 'DELETE' THEN\n"
        "    IF mine IS NOT NULL AND author = mine THEN RETURN OLD; END IF;\n"
        "  ELSIF mine IS NOT NULL AND author = mine AND to_jsonb(NEW) ->> TG_ARGV[0] = mine THEN\n"
        "    RETURN NEW;\n"
        "  ELSIF cardinality(free) > 0 AND (old_row - free) = (to_jsonb(NEW) - free) THEN\n"
        "    RETURN NEW;\n"
        "  END IF;\n",
    )
    guard(
        "qualcode_guard_via",
        "  parent_sql text := format('SELECT (to_jsonb(p) ->> %L) FROM %s p WHERE p.id = $1',\n"
        "                            TG_ARGV[2], TG_ARGV[1]);\n"
        "  author text;\n"
        "  new_author text;\n",
        3,
        "  EXECUTE parent_sql INTO author USING (to_jsonb(OLD) ->> TG_ARGV[0])::integer;\n"
        "  IF TG_OP = 'DELETE' THEN\n"
        "    IF mine IS NOT NULL AND author = mine THEN RETURN OLD; END IF;\n"
        "  ELSE\n"
        "    EXECUTE parent_sql INTO new_author USING (to_jsonb(NEW) ->> TG_ARGV[0])::integer;\n"
        "    IF mine IS NOT NULL AND author = mine AND new_author = mine THEN RETURN NEW; END IF;\n"
        "  END IF;\n",
    )
    conn.exec_driver_sql(facts_function_sql(ctx.q, ctx.groups["owner"]))
    for fn in (
        "qualcode_coder()",
        "qualcode_coder_id()",
        "qualcode_guard_row()",
        "qualcode_guard_via()",
        f"{FACTS_FUNCTION}()",
    ):
        conn.exec_driver_sql(f"ALTER FUNCTION {_ident(ctx.schema)}.{fn} OWNER TO {ctx.g('owner')}")


def _secure_table(ctx: _Ctx, table: str, old_policies: list[str]) -> list[str]:
    """The statements giving one table its owner, grants, forced row-level security, policies."""
    q, owner = ctx.q(table), ctx.g("owner")
    others = f"{ctx.g('coder')}, {ctx.g('reviewer')}"
    out = [
        f"ALTER TABLE {q} OWNER TO {owner}",
        f"REVOKE ALL ON {q} FROM PUBLIC, {others}",
        f"GRANT ALL ON {q} TO {owner}",
        f"GRANT SELECT ON {q} TO {others}",
        f"ALTER TABLE {q} ENABLE ROW LEVEL SECURITY",
        f"ALTER TABLE {q} FORCE ROW LEVEL SECURITY",
        *(f"DROP POLICY {_ident(policy)} ON {q}" for policy in old_policies),
        f"DROP TRIGGER IF EXISTS qc_guard ON {q}",
        f"CREATE POLICY qc_owner ON {q} FOR ALL TO {owner} USING (true) WITH CHECK (true)",
        f"CREATE POLICY qc_read ON {q} FOR SELECT TO {others} USING (true)",
        *facts_trigger_sql(ctx.q, table),
    ]
    run = out.append

    def mine(column: str, kind: str) -> str:
        fn = "qualcode_coder_id" if kind == "id" else "qualcode_coder"
        return f"{_ident(column)} = (SELECT {ctx.q(fn)}())"

    if table.startswith(DERIVED_PREFIXES):
        pass  # the owners' alone (qc_owner); members read them (qc_read)
    elif table in OWN_VIA:
        column, parent = OWN_VIA[table]
        author, kind, roles, _free = OWN_ROWS[parent]
        writers = ", ".join(ctx.g(r) for r in roles)
        own = f"{_ident(column)} IN (SELECT id FROM {ctx.q(parent)} WHERE {mine(author, kind)})"
        run(f"GRANT INSERT, UPDATE, DELETE ON {q} TO {writers}")
        run(f"CREATE POLICY qc_insert ON {q} FOR INSERT TO {writers} WITH CHECK ({own})")
        # Others' links stay visible to UPDATE/DELETE so the guard can refuse them loudly.
        run(f"CREATE POLICY qc_update ON {q} FOR UPDATE TO {writers} USING (true) "
            f"WITH CHECK ({own})")  # fmt: skip
        run(f"CREATE POLICY qc_delete ON {q} FOR DELETE TO {writers} USING (true)")
        args = ", ".join(_lit(a) for a in (column, ctx.q(parent), author, kind))
        run(
            f"CREATE TRIGGER qc_guard BEFORE UPDATE OR DELETE ON {q} FOR EACH ROW "
            f"EXECUTE FUNCTION {ctx.q('qualcode_guard_via')}({args})"
        )
    elif table in OWN_ROWS:
        column, kind, roles, free = OWN_ROWS[table]
        writers = ", ".join(ctx.g(r) for r in roles)
        own = mine(column, kind)
        run(f"GRANT INSERT, UPDATE, DELETE ON {q} TO {writers}")
        run(f"CREATE POLICY qc_insert ON {q} FOR INSERT TO {writers} WITH CHECK ({own})")
        # Others' rows stay visible to UPDATE/DELETE so the guard can refuse them loudly.
        check = "true" if free else own
        run(f"CREATE POLICY qc_update ON {q} FOR UPDATE TO {writers} USING (true) "
            f"WITH CHECK ({check})")  # fmt: skip
        run(f"CREATE POLICY qc_delete ON {q} FOR DELETE TO {writers} USING (true)")
        args = ", ".join(_lit(a) for a in (column, kind, *free))
        run(
            f"CREATE TRIGGER qc_guard BEFORE UPDATE OR DELETE ON {q} FOR EACH ROW "
            f"EXECUTE FUNCTION {ctx.q('qualcode_guard_row')}({args})"
        )
    elif table in HISTORY:
        own = mine(HISTORY[table], "name")
        run(f"GRANT INSERT, UPDATE, DELETE ON {q} TO {others}")
        run(f"CREATE POLICY qc_history ON {q} FOR ALL TO {others} USING ({own}) "
            f"WITH CHECK ({own})")  # fmt: skip
        # qc_history's USING would hide others' steps from SELECT too: qc_read shows them.
    elif table in APPEND_OWN:
        own = mine(APPEND_OWN[table], "name")
        run(f"GRANT INSERT ON {q} TO {others}")
        run(f"CREATE POLICY qc_append ON {q} FOR INSERT TO {others} WITH CHECK ({own})")
    return out


# -- members ------------------------------------------------------------------------------------


def _verifier(conn: Connection, db_user: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password``, computed by libpq on this client.

    ``CREATE ROLE ... PASSWORD 'SCRAM-SHA-256$...'`` stores a verifier as is, so the
    clear password never travels to the server nor lands in its statement log (what
    ``psql``'s ``\\password`` does too); libpq does the SASLprep and salting.
    """
    pgconn = conn.connection.driver_connection.pgconn  # type: ignore[union-attr]
    verifier: bytes = pgconn.encrypt_password(password.encode(), db_user.encode(), b"scram-sha-256")
    return verifier.decode("ascii")


def add_member(
    url: str, db_user: str, role: str, *, coder: str | None = None, password: str | None = None
) -> Member:
    """Create (or update) login ``db_user`` as a ``role`` of the team, acting as ``coder``.

    A new login gets ``password`` (None: no password, for certificate or peer
    login); an existing one gets it only if given. The password reaches the
    server as a SCRAM verifier, never in clear (so not in its logs either). A
    member has exactly one role: changing it revokes the others.
    """
    if role not in ROLES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A team role is {allowed}, not '{value}'."),
            allowed=", ".join(ROLES),
            value=role,
        )
    name = (coder or db_user).strip()
    if not db_user.strip() or not name or len(name) > 200:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A member needs a login and a coder name.")
        )
    with _admin(url) as conn:
        ctx = _context(conn)
        _require_setup(conn, ctx)
        if db_user in ctx.groups.values():
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "{user} is a group role, not a login."), user=db_user
            )
        taken = conn.execute(
            text(f"SELECT db_user FROM {ctx.q(MEMBER_TABLE)} WHERE coder = :c AND db_user <> :u"),
            {"c": name, "u": db_user},
        ).scalar()
        if taken is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The coder name {coder} already belongs to {user}."),
                coder=name,
                user=str(taken),
            )
        secret = "" if password is None else f" PASSWORD {_lit(_verifier(conn, db_user, password))}"
        if not _role_exists(conn, db_user):
            conn.exec_driver_sql(f"CREATE ROLE {_ident(db_user)} LOGIN{secret}")
        elif secret:
            conn.exec_driver_sql(f"ALTER ROLE {_ident(db_user)}{secret}")
        for other in ROLES:
            if other != role and _is_member(conn, db_user, ctx.groups[other]):
                conn.exec_driver_sql(f"REVOKE {ctx.g(other)} FROM {_ident(db_user)}")
        conn.exec_driver_sql(f"GRANT {ctx.g(role)} TO {_ident(db_user)}")
        conn.execute(
            text(
                f"INSERT INTO {ctx.q(MEMBER_TABLE)} (db_user, coder) VALUES (:u, :c) "
                "ON CONFLICT (db_user) DO UPDATE SET coder = excluded.coder"
            ),
            {"u": db_user, "c": name},
        )
    return Member(db_user, name, role)


def _is_member(conn: Connection, user: str, group: str) -> bool:
    found = conn.execute(
        text(
            "SELECT 1 FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
            "JOIN pg_roles u ON u.oid = a.member WHERE g.rolname = :g AND u.rolname = :u"
        ),
        {"g": group, "u": user},
    ).first()
    return found is not None


def remove_member(url: str, db_user: str) -> bool:
    """Take ``db_user`` out of the team (the login itself stays); False if not a member."""
    with _admin(url) as conn:
        ctx = _context(conn)
        _require_setup(conn, ctx)
        removed = False
        for role in ROLES:
            if _is_member(conn, db_user, ctx.groups[role]):
                conn.exec_driver_sql(f"REVOKE {ctx.g(role)} FROM {_ident(db_user)}")
                removed = True
        gone = conn.execute(
            text(f"DELETE FROM {ctx.q(MEMBER_TABLE)} WHERE db_user = :u"), {"u": db_user}
        ).rowcount
    return removed or bool(gone)


_ROLE_SQL = (
    "(SELECT CASE WHEN bool_or(g.rolname = :o) THEN 'owner' WHEN bool_or(g.rolname = :c) "
    "THEN 'coder' WHEN bool_or(g.rolname = :r) THEN 'reviewer' END FROM pg_roles g "
    "WHERE g.rolname IN (:o, :c, :r) AND pg_has_role({user}, g.oid, 'USAGE'))"
)


def _role_params(ctx: _Ctx) -> dict[str, str]:
    return {"o": ctx.groups["owner"], "c": ctx.groups["coder"], "r": ctx.groups["reviewer"]}


def members(url: str) -> list[Member]:
    """Every mapped login with its coder name and its current role (None: no longer a member)."""
    with _admin(url) as conn:
        ctx = _context(conn)
        _require_setup(conn, ctx)
        role = _ROLE_SQL.format(user="u.oid")
        rows = conn.execute(
            text(
                f"SELECT m.db_user, m.coder, CASE WHEN u.oid IS NULL THEN NULL ELSE {role} END "
                f"FROM {ctx.q(MEMBER_TABLE)} m LEFT JOIN pg_roles u ON u.rolname = m.db_user "
                "ORDER BY m.db_user"
            ),
            _role_params(ctx),
        ).all()
    return [Member(str(u), str(c), r) for u, c, r in rows]


def current_member(conn: Connection) -> Member | None:
    """Who this connection's login is on a team database; None elsewhere or if unmapped."""
    if conn.dialect.name != "postgresql":
        return None
    ctx = _context(conn)
    found = conn.execute(text("SELECT to_regclass(:t)"), {"t": ctx.q(MEMBER_TABLE)}).scalar()
    if found is None:
        return None
    readable = conn.execute(
        text("SELECT has_table_privilege(CAST(:t AS regclass), 'SELECT')"),
        {"t": ctx.q(MEMBER_TABLE)},
    ).scalar()
    if not readable:
        return None
    row = conn.execute(
        text(
            f"SELECT session_user, m.coder, {_ROLE_SQL.format(user='session_user')} "
            f"FROM {ctx.q(MEMBER_TABLE)} m WHERE m.db_user = session_user"
        ),
        _role_params(ctx),
    ).first()
    return Member(str(row[0]), str(row[1]), row[2]) if row else None


# -- the app's side -----------------------------------------------------------------------------


def member_of(project: Project) -> Member | None:
    """The team member an open project acts as; None for files and databases without roles."""
    return engine_member(project.engine)


def role_of(project: Project) -> str | None:
    """``"owner"``, ``"coder"`` or ``"reviewer"`` on a team database, else None."""
    member = member_of(project)
    return member.role if member else None
