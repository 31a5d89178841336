"""Passwords never in plain text: settings, URLs we keep, the OS keyring (a fake backend here)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

import keyring
import keyring.errors
import pytest
from click.testing import CliRunner
from keyring.backend import KeyringBackend
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from qualcode import credentials
from qualcode.cli.main import cli
from qualcode.credentials import CredentialsError, strip_password
from qualcode.errors import ProjectError
from qualcode.project import Project
from qualcode.settings import Settings, config_dir
from qualcode.store.engine import project_url, public_location
from qualcode.team.roles import add_member, group_role, role_of, setup_roles


class FakeKeyring(KeyringBackend):
    """An in-memory keyring (CI machines have no real one)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


@pytest.fixture
def fake_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeKeyring]:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    previous = keyring.get_keyring()
    fake = FakeKeyring()
    keyring.set_keyring(fake)
    yield fake
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


URL = "postgresql+psycopg://budi:s3cr%40t@db.kampus.ac.id:5433/studi?sslmode=require"


def test_strip_password_from_every_place_a_url_holds_one() -> None:
    bare = "postgresql+psycopg://budi@db.kampus.ac.id:5433/studi?sslmode=require"
    assert strip_password(URL) == bare
    assert strip_password("postgresql://budi@h/db?password=x&sslmode=require") == (
        "postgresql://budi@h/db?sslmode=require"
    )
    assert strip_password("postgresql://h/db") == "postgresql://h/db"
    assert strip_password("/home/ana/studi.qdaproj") == "/home/ana/studi.qdaproj"
    assert "x" not in public_location("postgresql://budi@h/db?password=x").split("budi")[1]
    assert "s3cr" not in public_location(URL)


def test_settings_never_hold_a_password() -> None:
    settings = Settings()
    settings.remember_project(URL)
    settings.remember_project("/home/ana/studi.qdaproj")
    settings.remember_project(URL.replace("s3cr%40t", "other"))  # same place, other password
    settings.save()
    saved = (config_dir() / "settings.json").read_text(encoding="utf-8")
    assert "s3cr" not in saved and "other" not in saved
    assert json.loads(saved)["recent_projects"] == [strip_password(URL), "/home/ana/studi.qdaproj"]
    # A file written before (by hand, or an older version) is cleaned when read.
    (config_dir() / "settings.json").write_text(json.dumps({"recent_projects": [URL]}))
    assert Settings.load().recent_projects == [strip_password(URL)]


def test_keyring_store_lookup_and_order(
    fake_keyring: FakeKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    bare = project_url(strip_password(URL))
    assert credentials.stored_password(bare) is None
    name = credentials.store_password(bare, "from-keyring")
    assert name == "budi@db.kampus.ac.id:5433/studi"
    assert fake_keyring.items == {(credentials.SERVICE, name): "from-keyring"}
    assert credentials.password_for_connect(bare) == "from-keyring"
    assert credentials.password_for_connect(project_url(URL)) is None  # the URL's own wins
    monkeypatch.setenv("PGPASSWORD", "from-env")
    assert credentials.password_for_connect(bare) is None  # libpq uses PGPASSWORD
    monkeypatch.delenv("PGPASSWORD")
    assert credentials.forget_password(URL) and not credentials.forget_password(URL)
    assert credentials.password_for_connect(bare) is None  # then libpq's .pgpass


def test_without_a_keyring_lookups_fall_back_and_storing_says_why(no_keyring: None) -> None:
    bare = project_url(strip_password(URL))
    assert credentials.stored_password(bare) is None
    assert credentials.keyring_status() is not None
    with pytest.raises(CredentialsError, match=r"No keyring is available.*\.pgpass"):
        credentials.store_password(bare, "x")
    result = CliRunner().invoke(cli, ["team", "login", URL, "--no-check"], input="x\n")
    assert result.exit_code == 1 and "No keyring is available" in result.output


@pytest.fixture
def login_db(pg_url: str, pg_server: object) -> Iterator[dict[str, str]]:
    """A project database with team roles; cleaned up afterwards."""
    with Project.create(pg_url, coder="ana") as p:
        p.codes.create("Komunikasi")
    database = str(make_url(pg_url).database)
    login = f"kr_{uuid.uuid4().hex[:8]}"
    base = make_url(pg_server.admin_url)  # type: ignore[attr-defined]
    yield {
        "admin": pg_url,
        "login": login,
        "url": f"postgresql+psycopg://{login}@{base.host}:{base.port}/{database}",
    }
    root = create_engine(pg_server.admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)  # type: ignore[attr-defined]
    with root.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        conn.exec_driver_sql(f"DROP ROLE IF EXISTS {login}")
        for role in ("owner", "coder", "reviewer"):
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{group_role(database, role)}"')
    root.dispose()


def test_add_member_login_and_open_without_a_password(
    login_db: dict[str, str], fake_keyring: FakeKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSFILE", "/nonexistent/pgpass")
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, code: int = 0) -> str:
        result = runner.invoke(cli, list(args), input=input, catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result.output

    invoke("team", "setup-roles", login_db["admin"])
    # The password is typed twice at a hidden prompt, never on the command line.
    out = invoke("team", "add-member", login_db["admin"], login_db["login"], "--role", "coder",
                 "--coder", "budi", input="k-secret\nk-secret\n")  # fmt: skip
    assert "is now coder (coder budi)" in out and "k-secret" not in out
    # An existing login keeps its password (no prompt) unless --set-password.
    invoke("team", "add-member", login_db["admin"], login_db["login"], "--role", "reviewer",
           "--coder", "budi")  # fmt: skip
    with pytest.raises(ProjectError, match=r"Cannot connect.*no password supplied"):
        Project.open(login_db["url"])
    out = invoke("team", "login", login_db["url"], input="wrong\n", code=1)
    assert "Cannot sign in" in out and not fake_keyring.items
    out = invoke("team", "login", login_db["url"], input="k-secret\n")
    assert "stored in the keyring" in out
    with Project.open(login_db["url"]) as p:
        assert p.coder == "budi" and role_of(p) == "reviewer"
        assert "k-secret" not in p.location
    assert "No password" not in invoke("team", "logout", login_db["url"])
    assert not fake_keyring.items
    members = json.loads(invoke("team", "members", login_db["admin"], "--json"))
    assert members == [{"db_user": login_db["login"], "coder": "budi", "role": "reviewer"}]
    assert "no longer a member" in invoke("team", "remove-member", login_db["admin"],
                                          login_db["login"])  # fmt: skip


def test_passwords_reach_the_server_as_libpq_scram_verifiers(
    login_db: dict[str, str], pg_server: object
) -> None:
    """libpq computes the verifier (SASLprep, salt, 4096 rounds); the server gets no clear text."""
    from urllib.parse import quote

    setup_roles(login_db["admin"])
    # a soft hyphen: SASLprep maps it to nothing, so both spellings are one password (long enough
    # that the clear text cannot turn up by chance inside the base64 verifier)
    add_member(
        login_db["admin"], login_db["login"], "coder", coder="budi", password="Kunci\u00adRahasia"
    )
    root = create_engine(pg_server.admin_url, poolclass=NullPool)  # type: ignore[attr-defined]
    with root.connect() as conn:
        stored = conn.execute(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = :r"), {"r": login_db["login"]}
        ).scalar_one()
    root.dispose()
    assert stored.startswith("SCRAM-SHA-256$4096:") and "Rahasia" not in stored
    user = login_db["login"]
    for typed in ("Kunci\u00adRahasia", "KunciRahasia"):
        url = login_db["url"].replace(f"//{user}@", f"//{user}:{quote(typed)}@")
        with Project.open(url) as p:
            assert p.coder == "budi"
    wrong = login_db["url"].replace(f"//{user}@", f"//{user}:IY@")
    with pytest.raises(ProjectError, match="Cannot connect"):
        Project.open(wrong)
