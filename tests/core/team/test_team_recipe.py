"""The recipe of docs/team-server.md, run against the test server with real passwords."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from qualcode.cli.main import cli
from qualcode.project import Project
from support.snapshots import TEXT


def run(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def team_db(pg_server: object) -> object:
    """Roles and a database made with the docs' SQL; dropped afterwards."""
    suffix = uuid.uuid4().hex[:6]
    team, ana, budi, db = (f"{n}_{suffix}" for n in ("studi_team", "ana", "budi", "studi"))
    admin = create_engine(pg_server.admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)  # type: ignore[attr-defined]
    statements = [
        f"CREATE ROLE {team} NOLOGIN",
        f"CREATE ROLE {ana} LOGIN PASSWORD 'ana-secret' IN ROLE {team}",
        f"CREATE ROLE {budi} LOGIN PASSWORD 'budi-secret' IN ROLE {team}",
        f"ALTER ROLE {ana} SET role = '{team}'",
        f"ALTER ROLE {budi} SET role = '{team}'",
        f"CREATE DATABASE {db} OWNER {team}",
    ]
    with admin.connect() as conn:
        for sql in statements:
            conn.exec_driver_sql(sql)
    base = make_url(pg_server.admin_url)  # type: ignore[attr-defined]
    yield {
        "ana": f"postgresql+psycopg://{ana}@{base.host}:{base.port}/{db}",
        "budi": f"postgresql+psycopg://{budi}@{base.host}:{base.port}/{db}",
        "pgpass": f"{base.host}:{base.port}:{db}:{budi}:budi-secret\n",
    }
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
        for role in (ana, budi, team):
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {role}")
    admin.dispose()


def test_recipe(team_db: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.delenv("PGPASSFILE", raising=False)
    file = tmp_path / "studi.qdaproj"
    with Project.create(file, coder="ana") as p:
        src = p.sources.add_text("W1 Kadis", TEXT).result
        code = p.codes.create("Komunikasi").result
        assert src and code
        p.codings.apply(src.id, 0, 10, code.id)
    # Ana pushes with PGPASSWORD; the URL holds no password.
    out = run("team", "push", str(file), team_db["ana"], env={"PGPASSWORD": "ana-secret"})
    assert "Copied" in out and "secret" not in out
    # Budi opens the URL with a .pgpass file.
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(team_db["pgpass"])
    pgpass.chmod(0o600)
    env = {"PGPASSFILE": str(pgpass)}
    info = json.loads(run("info", team_db["budi"], "--json", env=env))
    assert (info["sources"], info["codes"], info["codings"]) == (1, 1, 1)
    run("code", "add", team_db["budi"], "Disposisi", "--coder", "budi", env=env)
    codings = json.loads(run("codings", team_db["budi"], "--json", env=env))
    assert [c["code"] for c in codings] == ["Komunikasi"]
    # The tables belong to the team role: Ana (who pushed) and Budi both write.
    os.environ["PGPASSWORD"] = "ana-secret"
    try:
        with Project.open(team_db["ana"], coder="ana") as p:
            assert {c.name for c in p.codes.all()} == {"Komunikasi", "Disposisi"}
            p.codes.create("Struktur birokrasi")
            with p.reading() as conn:
                owner = conn.execute(
                    text("SELECT tableowner FROM pg_tables WHERE tablename = 'coding'")
                ).scalar()
            assert str(owner).startswith("studi_team_")
    finally:
        del os.environ["PGPASSWORD"]
    back = tmp_path / "archive.qdaproj"
    run("team", "pull", team_db["budi"], str(back), env=env)
    with Project.open(back, backups=False) as p:
        assert p.info().codes == 3


def test_wrong_password_is_one_clear_error(team_db: dict[str, str]) -> None:
    result = CliRunner().invoke(cli, ["info", team_db["budi"]], env={"PGPASSWORD": "nope"})
    assert result.exit_code != 0
    assert "password authentication failed" in str(result.output) + str(result.exception)
