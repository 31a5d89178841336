"""Team roles enforced by PostgreSQL: what a coder, a reviewer and an owner may change.

Every member logs in with a password over TCP (the test server's superuser is the
only one trusted), exactly as on a real server.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

import psycopg
import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from qualcode.errors import ProjectError, RoleDeniedError, ValidationError
from qualcode.project import Project
from qualcode.team.roles import add_member, group_role, members, remove_member, role_of, setup_roles
from support.snapshots import TEXT, snapshot

PASSWORD = "rahasia-ü 1"  # non-ASCII: the client-side SCRAM verifier must match the server's


@dataclass
class Team:
    admin: str  # the superuser's URL of the team database
    urls: dict[str, str]  # coder name -> that member's URL (password included)
    logins: dict[str, str]  # coder name -> login role
    ids: dict[str, int]  # object name -> id, made by the owner
    database: str

    def raw(self, who: str) -> psycopg.Connection:
        """A plain psycopg connection as ``who`` (what a coder could do by hand)."""
        url = make_url(self.urls[who])
        return psycopg.connect(
            host=url.host, port=url.port, dbname=url.database, user=url.username,
            password=url.password, autocommit=True,
        )  # fmt: skip


@pytest.fixture
def team(pg_server: object) -> Iterator[Team]:
    """A project on the server with roles: ana owner, budi and citra coders, dewi reviewer."""
    suffix = uuid.uuid4().hex[:6]
    admin_url = pg_server.schema_database()  # type: ignore[attr-defined]
    database = str(make_url(admin_url).database)
    root = create_engine(pg_server.admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)  # type: ignore[attr-defined]
    ids: dict[str, int] = {}
    with Project.create(admin_url, coder="ana") as p:
        src = p.sources.add_text("W1 Kadis", TEXT).result
        code = p.codes.create("Komunikasi").result
        assert src and code
        ids.update(source=src.id, code=code.id)
    setup_roles(admin_url)
    roles = {"ana": "owner", "budi": "coder", "citra": "coder", "dewi": "reviewer"}
    logins = {name: f"{name}_{suffix}" for name in roles}
    for name, role in roles.items():
        add_member(admin_url, logins[name], role, coder=name, password=PASSWORD)
    base = make_url(pg_server.admin_url)  # type: ignore[attr-defined]
    urls = {
        name: f"postgresql+psycopg://{login}:{quote(PASSWORD)}@{base.host}:{base.port}/{database}"
        for name, login in logins.items()
    }
    yield Team(admin_url, urls, logins, ids, database)
    with root.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        for login in logins.values():
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{login}"')
        for role in ("owner", "coder", "reviewer"):
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{group_role(database, role)}"')
    root.dispose()


def _coding(team: Team, who: str, start: int = 0) -> int:
    with Project.open(team.urls[who]) as p:
        made = p.codings.apply(team.ids["source"], start, start + 10, team.ids["code"]).result
        assert made is not None
        return made.id


def test_the_login_decides_who_codes(team: Team) -> None:
    with Project.open(team.urls["budi"], coder="someone else") as p:
        assert p.coder == "budi" and role_of(p) == "coder"
        assert "rahasia" not in p.location and team.logins["budi"] in p.location
    with Project.open(team.admin, coder="ana") as p:  # the superuser is no member
        assert p.coder == "ana" and role_of(p) is None


def test_raw_connection_cannot_touch_another_coders_coding(team: Team) -> None:
    theirs = _coding(team, "budi")
    mine = _coding(team, "citra", start=20)
    with team.raw("citra") as conn:
        for sql in (
            f"DELETE FROM coding WHERE id = {theirs}",
            f"UPDATE coding SET note = 'mine now' WHERE id = {theirs}",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege) as err:
                conn.execute(sql)
            assert err.value.sqlstate == "42501"
            assert "was made by budi" in str(err.value)
        budi_id = conn.execute("SELECT id FROM coder WHERE name = 'budi'").fetchone()[0]
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(  # a coding in budi's name
                "INSERT INTO coding (guid, source_id, code_id, coder_id, start_pos, end_pos, "
                f"note, created_at, modified_at) VALUES ('g1', {team.ids['source']}, "
                f"{team.ids['code']}, {budi_id}, 0, 5, '', now(), now())"
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # handing my coding to budi
            conn.execute(f"UPDATE coding SET coder_id = {budi_id} WHERE id = {mine}")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # becoming budi
            conn.execute("UPDATE team_member SET coder = 'budi' WHERE coder = 'citra'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO audit_log (at, coder, op, label, summary) "
                         "VALUES (now(), 'budi', 'x', 'x', '{}')")  # fmt: skip
        # A temporary table cannot stand in for the member table.
        conn.execute("CREATE TEMP TABLE team_member (db_user TEXT, coder TEXT)")
        conn.execute("INSERT INTO team_member VALUES (session_user, 'budi')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f"DELETE FROM coding WHERE id = {theirs}")
        if conn.execute("SELECT to_regclass('search_meta')").fetchone()[0]:
            for sql in (  # derived data: the owners' to write, so nobody empties the search
                "INSERT INTO search_meta VALUES ('probe', 'x')",
                "DELETE FROM search_term",
                "UPDATE search_doc SET offsets = NULL",
                "TRUNCATE search_meta",
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(sql)
        # Her own coding is hers to change.
        done = conn.execute(f"UPDATE coding SET note = 'ok' WHERE id = {mine}")
        assert done.rowcount == 1
        # Undo history: others' steps are visible but not deletable (zero rows, no error).
        assert conn.execute("SELECT count(*) FROM undo_step WHERE coder = 'budi'").fetchone()[0]
        assert conn.execute("DELETE FROM undo_step WHERE coder = 'budi'").rowcount == 0
    with Project.open(team.admin) as p:
        assert {c.id for c in p.codings.list()} == {theirs, mine}


def test_coder_codes_and_undoes_through_the_project(team: Team) -> None:
    with Project.open(team.urls["budi"]) as p:
        src, code = team.ids["source"], team.ids["code"]
        first = p.codings.apply(src, 0, 10, code, valence="inhibiting").result
        assert first is not None
        p.codings.resize(first.id, 0, 12)
        p.memos.create("Sosialisasi belum merata.", title="Catatan", target="coding",
                       target_id=first.id)  # fmt: skip
        assert p.undo_label() == "New memo"
        p.undo()
        p.undo()
        assert p.codings.get(first.id).end == 10
        p.redo()
        assert p.codings.get(first.id).end == 12
        p.codings.remove([first.id])
        p.undo()
        assert p.codings.get(first.id).coder_id == first.coder_id
        log = p.audit_log(limit=20)
        assert {e.coder for e in log if e.op in ("coding.apply", "undo", "redo")} == {"budi"}


def test_coder_cannot_change_the_codebook_or_others_work(team: Team) -> None:
    theirs = _coding(team, "citra")
    with Project.open(team.urls["budi"]) as p:
        p.codings.apply(team.ids["source"], 0, 10, team.ids["code"])  # makes budi's coder row
        before = snapshot(p)
        with pytest.raises(RoleDeniedError, match=r"Your role \(coder\) does not allow") as err:
            p.codes.create("Disposisi")
        assert "permission denied for table code" in err.value.message
        with pytest.raises(RoleDeniedError):
            p.codes.rename(team.ids["code"], "Komunikasi kebijakan")
        with pytest.raises(RoleDeniedError, match="was made by citra"):
            p.codings.remove([theirs])
        with pytest.raises(RoleDeniedError, match="was made by citra"):
            p.codings.set_attributes(theirs, valence="supporting")
        with pytest.raises(RoleDeniedError):
            p.sources.add_text("W2", "Teks.")
        assert snapshot(p) == before
        assert p.undo_label() == "Code text"  # the refused operations left no undo steps


def test_reviewer_comments_but_does_not_code(team: Team) -> None:
    coding = _coding(team, "budi")
    with Project.open(team.urls["budi"]) as p:
        question = p.review.add("coding", coding, "Kenapa inhibiting?").result
        assert question is not None
    with Project.open(team.urls["dewi"]) as p:
        assert role_of(p) == "reviewer"
        thread = p.review.add("code", team.ids["code"], "Definisi terlalu luas.").result
        assert thread is not None and thread.author == "dewi"
        p.review.reply(question.id, "Lihat transkrip W1.")
        p.review.resolve(question.id)  # status on budi's thread: allowed
        assert p.review.list(target="coding")[0].status == "resolved"
        p.undo()  # her own undo step
        assert p.review.list(target="coding")[0].status == "open"
        before = snapshot(p)
        with pytest.raises(RoleDeniedError, match=r"\(reviewer\)"):
            p.codings.apply(team.ids["source"], 0, 5, team.ids["code"])
        with pytest.raises(RoleDeniedError):
            p.memos.create("Catatan supervisor.")
        with pytest.raises(RoleDeniedError, match="was made by budi"):
            p.review.delete(question.id)
        assert snapshot(p) == before


def test_owner_may_do_everything(team: Team) -> None:
    theirs = _coding(team, "budi")
    with Project.open(team.urls["ana"]) as p:
        assert p.coder == "ana" and role_of(p) == "owner"
        code = p.codes.create("Disposisi").result
        assert code is not None
        p.codes.rename(code.id, "Disposisi pelaksana")
        p.codings.recode([theirs], code.id)
        p.codings.remove([theirs])
        p.undo()
        assert p.codings.get(theirs).code_id == code.id
        p.sources.add_text("W2", "Teks kedua.")
        p.memos.create("Memo proyek.")
    report = setup_roles(team.admin)  # idempotent: a second run changes nothing for members
    assert "coding" in report.tables and report.created == []
    _coding(team, "citra", start=30)


def test_member_roles_change_and_end(team: Team) -> None:
    listed = {m.coder: m.role for m in members(team.admin)}
    assert listed == {"ana": "owner", "budi": "coder", "citra": "coder", "dewi": "reviewer"}
    add_member(team.admin, team.logins["citra"], "reviewer", coder="citra")
    with Project.open(team.urls["citra"]) as p:
        assert role_of(p) == "reviewer"
        with pytest.raises(RoleDeniedError):
            p.codings.apply(team.ids["source"], 0, 5, team.ids["code"])
    with pytest.raises(ValidationError, match="already belongs"):
        add_member(team.admin, team.logins["citra"], "coder", coder="budi")
    assert remove_member(team.admin, team.logins["citra"])
    assert "citra" not in {m.coder for m in members(team.admin)}
    with pytest.raises(ProjectError, match=r"Cannot connect .* permission denied for database"):
        Project.open(team.urls["citra"], coder="citra")  # no longer a member: no way in


def test_coder_searches_with_the_server_index(team: Team) -> None:
    """The search index is the owners' to write: a coder searches in memory while it is
    stale, and with the server's index once an owner's client has brought it up to date."""
    pytest.importorskip("qualcode.search.index_pg")
    from qualcode.search.index import MemoryIndex, PgIndex, open_index
    from qualcode.search.search import search

    with Project.open(team.urls["budi"]) as p:
        hits = search(p, "Sosialisasi")
        assert hits and {h.source_id for h in hits} == {team.ids["source"]}
        assert isinstance(open_index(p), MemoryIndex)
    with Project.open(team.urls["ana"]) as p:
        assert isinstance(open_index(p), PgIndex)  # the owner fills it
    with Project.open(team.urls["budi"]) as p:
        assert isinstance(open_index(p), PgIndex)
        assert {h.source_id for h in search(p, "Sosialisasi")} == {team.ids["source"]}


def test_server_decides_audit_time_resolution_member_and_coding_bounds(team: Team) -> None:
    mine = _coding(team, "budi")
    with Project.open(team.urls["dewi"]) as p:
        thread = p.review.add("coding", mine, "Cek lagi definisinya.").result
        assert thread is not None
    with team.raw("budi") as conn:
        conn.execute("INSERT INTO audit_log (at, coder, op, label, summary) "
                     "VALUES ('2001-01-01', 'budi', 'x', 'backdated', '{}')")  # fmt: skip
        at = conn.execute("SELECT at FROM audit_log WHERE label = 'backdated'").fetchone()[0]
        assert at.year >= 2025  # the server's clock, not the client's
        conn.execute(
            "UPDATE review_comment SET status = 'resolved', resolved_by = 'dewi', "
            f"resolved_at = '2001-01-01' WHERE id = {thread.id}"
        )
        by, when = conn.execute(
            f"SELECT resolved_by, resolved_at FROM review_comment WHERE id = {thread.id}"
        ).fetchone()
        assert by == "budi" and when.year >= 2025  # the acting member, at the server's time
        with pytest.raises(psycopg.errors.CheckViolation, match="past the end"):
            conn.execute(f"UPDATE coding SET end_pos = 100000 WHERE id = {mine}")
    with Project.open(team.admin) as p:
        assert max(c.end for c in p.codings.list()) <= len(TEXT)


def test_a_held_lock_gives_a_clear_busy_message(team: Team, monkeypatch) -> None:
    from click.testing import CliRunner

    from qualcode.cli.main import cli
    from qualcode.errors import ServerBusyError
    from qualcode.store import engine, sequences

    monkeypatch.setattr(engine, "LOCK_TIMEOUT_S", 1.0)
    with team.raw("budi") as conn, conn.transaction():
        conn.execute(f"SELECT pg_advisory_lock({sequences.MIGRATION_LOCK})")
        with pytest.raises(ServerBusyError, match="server is busy"):
            Project.open(team.urls["ana"])
        result = CliRunner().invoke(cli, ["info", team.urls["citra"]])
        assert result.exit_code == 1 and "The server is busy" in result.output
        conn.execute(f"SELECT pg_advisory_unlock({sequences.MIGRATION_LOCK})")
        with Project.open(team.urls["ana"]) as p:
            conn.execute("LOCK TABLE coding IN ACCESS EXCLUSIVE MODE")
            with pytest.raises(ServerBusyError):
                p.codings.list()


def test_a_coder_never_searches_an_altered_server_index(team: Team) -> None:
    """Rows of the shared index that do not follow from the text (altered by whoever could
    write them) are reported, and a coder's client searches with its own index instead."""
    from sqlalchemy import text as sql

    from qualcode.errors import SearchIndexAlteredLocalError
    from qualcode.search.index import MemoryIndex, PgIndex, index_warnings, open_index
    from qualcode.search.search import search

    with Project.open(team.urls["ana"]) as p:
        assert isinstance(open_index(p), PgIndex)
    with team.raw("budi") as raw, pytest.raises(psycopg.errors.InsufficientPrivilege):
        raw.execute("DELETE FROM search_term")
    with Project.open(team.admin) as admin, admin.engine.begin() as conn:
        conn.execute(sql("DELETE FROM search_term"))  # only someone with more rights could
    with Project.open(team.urls["budi"]) as p:
        assert {h.source_id for h in search(p, "Sosialisasi")} == {team.ids["source"]}
        assert isinstance(open_index(p), MemoryIndex)
        (warning,) = index_warnings(p)
        assert isinstance(warning, SearchIndexAlteredLocalError)
        assert "W1 Kadis" in str(warning) and "--rebuild-index" in str(warning)
    from click.testing import CliRunner

    from qualcode.cli.main import cli

    rebuilt = CliRunner().invoke(cli, ["search", team.urls["budi"], "--rebuild-index"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "on this computer" in rebuilt.stderr and "only a team owner" in rebuilt.stderr
    with Project.open(team.urls["ana"]) as p:  # an owner's client rebuilds it
        assert {h.source_id for h in search(p, "Sosialisasi")} == {team.ids["source"]}
        assert len(index_warnings(p)) == 1
    with Project.open(team.urls["budi"]) as p:
        assert isinstance(open_index(p), PgIndex) and index_warnings(p) == []


def test_coder_links_own_memos_to_displays_but_not_others_links(team: Team) -> None:
    """Memo links to displays belong to the memo's author: a coder links and unlinks their
    own memos (undoably); another member's link is refused, even on a raw connection; an
    owner manages every link."""
    from qualcode.analysis.displays import ready_spec

    _coding(team, "budi")  # a coding, so the display has a cell
    with Project.open(team.urls["ana"]) as p:
        case = p.cases.create("I1").result
        assert case is not None
        p.cases.link(case.id, team.ids["source"])
        saved = p.displays.save("Matriks", ready_spec(p, "matrix")).result
        assert saved is not None
        display = saved.id
        shown = p.displays.run(display)
        cell = (shown.rows[0].key, shown.columns[0].key)
        owners = p.memos.create("Pola umum.", target="display", target_id=display).result
        assert owners is not None
    with Project.open(team.urls["citra"]) as p:
        citras = p.memos.create("Memo citra.").result
        assert citras is not None
    with Project.open(team.urls["budi"]) as p:
        assert role_of(p) == "coder"
        written = p.memos.create("Di sel ini.", target="cell", target_id=display, cell=cell)
        assert written.result is not None
        own = p.memos.create("Memo budi.").result
        assert own is not None
        p.memos.link_display(own.id, display)  # link their own memo
        assert p.memos.targets([own])[own.id].kind == "display"
        p.memos.link_display(own.id, display, cell)  # move it to a cell
        assert p.memos.targets([own])[own.id].kind == "cell"
        p.memos.unlink_display(own.id)  # and unlink it
        assert p.memos.targets([own])[own.id].kind == "project"
        p.undo()
        assert p.memos.targets([own])[own.id].kind == "cell"
        before = snapshot(p)
        with pytest.raises(RoleDeniedError, match="was made by ana"):
            p.memos.unlink_display(owners.id)  # another member's link
        with pytest.raises(RoleDeniedError, match="was made by ana"):
            p.memos.link_display(owners.id, display, cell)  # moving it
        with pytest.raises(RoleDeniedError):
            p.memos.link_display(citras.id, display)  # linking another member's memo
        assert snapshot(p) == before
        p.memos.delete(written.result.id)  # deleting their own memo drops its link too
        assert written.result.id not in {m.id for m in p.memos.all()}
    with team.raw("budi") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="was made by ana"):
            conn.execute(f"DELETE FROM display_memo WHERE memo_id = {owners.id}")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="was made by ana"):
            conn.execute(f"UPDATE display_memo SET row_key = 'x' WHERE memo_id = {owners.id}")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(  # a link for citra's memo
                "INSERT INTO display_memo (memo_id, display_id, display_name, row_label, "
                f"col_label) VALUES ({citras.id}, {display}, 'Matriks', '', '')"
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # handing my link to citra
            conn.execute(f"UPDATE display_memo SET memo_id = {citras.id} "
                         f"WHERE memo_id = {own.id}")  # fmt: skip
    with Project.open(team.urls["ana"]) as p:  # the owner manages every link
        p.memos.unlink_display(own.id)
        p.memos.link_display(citras.id, display, cell)
        assert p.memos.targets([citras])[citras.id].kind == "cell"
        p.displays.delete(display)  # every link goes unlinked with it
        assert {p.memos.targets([m])[m.id].kind for m in (owners, citras)} == {"unlinked"}
