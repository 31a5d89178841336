"""The recipe of docs/team-server.md, run against the test server with real passwords.

The administrator is the test server's superuser; each member signs in with a
password (PGPASSWORD, a .pgpass file) over TCP, as in the docs.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from qualcode.cli.main import cli
from qualcode.project import Project
from qualcode.team.roles import group_role
from support.snapshots import TEXT


def run(*args: str, env: dict[str, str] | None = None, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture
def team_db(pg_server: object) -> Iterator[dict[str, str]]:
    """An empty database ('createdb studi'), its admin URL and the members' URLs; dropped after."""
    suffix = uuid.uuid4().hex[:6]
    db = f"studi_{suffix}"
    logins = {n: f"{n}_{suffix}" for n in ("ana", "budi", "dewi")}
    root = create_engine(pg_server.admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)  # type: ignore[attr-defined]
    with root.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {db}")
    base = make_url(pg_server.admin_url)  # type: ignore[attr-defined]
    where = f"{base.host}:{base.port}/{db}"
    yield {
        "db": db,
        "admin": f"postgresql+psycopg://{base.username}@{where}",
        **{n: f"postgresql+psycopg://{login}@{where}" for n, login in logins.items()},
        **{f"{n}_login": login for n, login in logins.items()},
        "budi_pgpass": f"{base.host}:{base.port}:{db}:{logins['budi']}:budi-secret\n",
    }
    with root.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
        for login in logins.values():
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {login}")
        for role in ("owner", "coder", "reviewer"):
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {group_role(db, role)}")
    root.dispose()


def test_recipe(team_db: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.delenv("PGPASSFILE", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    admin = team_db["admin"]
    # 1. The administrator: roles, then members (passwords as a script gives them).
    out = run("team", "setup-roles", admin)
    assert f"{team_db['db']}_qualcode_coder (created)" in out
    for name, role, secret in (("ana", "owner", "ana-secret"), ("budi", "coder", "budi-secret"),
                               ("dewi", "reviewer", "dewi-secret")):  # fmt: skip
        login = team_db[f"{name}_login"]
        out = run("team", "add-member", admin, login, "--role", role, "--coder", name,
                  env={"QUALCODE_MEMBER_PASSWORD": secret})  # fmt: skip
        assert f"is now {role} (coder {name})" in out and secret not in out
    listed = json.loads(run("team", "members", admin, "--json"))
    assert {(m["coder"], m["role"]) for m in listed} == {
        ("ana", "owner"),
        ("budi", "coder"),
        ("dewi", "reviewer"),
    }
    # 2. Ana pushes her project with PGPASSWORD; the URL holds no password.
    file = tmp_path / "studi.qdaproj"
    with Project.create(file, coder="ana") as p:
        src = p.sources.add_text("W1 Kadis", TEXT).result
        code = p.codes.create("Komunikasi").result
        assert src and code
        p.codings.apply(src.id, 0, 10, code.id)
    ana = {"PGPASSWORD": "ana-secret"}
    out = run("team", "push", str(file), team_db["ana"], env=ana)
    assert "Copied" in out and "Team roles applied" in out and "secret" not in out
    # 3. Budi opens the URL with a .pgpass file and codes as himself.
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(team_db["budi_pgpass"])
    pgpass.chmod(0o600)
    budi = {"PGPASSFILE": str(pgpass)}
    info = json.loads(run("info", team_db["budi"], "--json", env=budi))
    assert (info["sources"], info["codes"], info["codings"]) == (1, 1, 1)
    run("coding", "add", team_db["budi"], "--source", "W1 Kadis", "--start", "20", "--end", "30",
        "--code", "Komunikasi", "--coder", "ana", env=budi)  # fmt: skip
    refused = run("code", "add", team_db["budi"], "Disposisi", env=budi, code=1)
    assert "Your role (coder) does not allow this change" in refused
    codings = json.loads(run("codings", team_db["budi"], "--json", env=budi))
    assert sorted(c["coder"] for c in codings) == ["ana", "budi"]  # --coder ana was ignored
    # The reviewer comments on a coding but cannot code.
    dewi = {"PGPASSWORD": "dewi-secret"}
    run("comment", "add", team_db["dewi"], "--on", f"coding:{codings[0]['id']}", "Kenapa?",
        env=dewi)  # fmt: skip
    refused = run("coding", "add", team_db["dewi"], "--source", "W1 Kadis", "--start", "0",
                  "--end", "5", "--code", "Komunikasi", env=dewi, code=1)  # fmt: skip
    assert "Your role (reviewer)" in refused
    # The owner changes the codebook; the tables belong to the owner group.
    run("code", "add", team_db["ana"], "Disposisi", env=ana)
    with Project.open(admin) as p, p.reading() as conn:
        owner = conn.execute(
            text("SELECT tableowner FROM pg_tables WHERE tablename = 'coding'")
        ).scalar()
        assert owner == group_role(team_db["db"], "owner")
    back = tmp_path / "archive.qdaproj"
    run("team", "pull", team_db["budi"], str(back), env=budi)
    with Project.open(back, backups=False) as p:
        assert (p.info().codes, p.info().codings) == (2, 2)


def test_wrong_password_is_one_clear_error(team_db: dict[str, str]) -> None:
    run("team", "setup-roles", team_db["admin"])
    run("team", "add-member", team_db["admin"], team_db["budi_login"], "--role", "coder",
        env={"QUALCODE_MEMBER_PASSWORD": "budi-secret"})  # fmt: skip
    result = CliRunner().invoke(cli, ["info", team_db["budi"]], env={"PGPASSWORD": "nope"})
    assert result.exit_code != 0
    assert "password authentication failed" in str(result.output) + str(result.exception)
