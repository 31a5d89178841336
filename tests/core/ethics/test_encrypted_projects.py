"""Encrypted projects: nothing readable on disk, a wrong password changes nothing, and every
command works with the right one (given, from QUALCODE_PASSWORD or from the keyring)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from qualcode import credentials
from qualcode.cli.main import cli
from qualcode.encryption import decrypt_project, encrypt_project
from qualcode.errors import PasswordRequiredError, ProjectError, WrongPasswordError
from qualcode.project import Project
from qualcode.store import backup, cipher
from support.snapshots import snapshot

SENTENCE = "Pak Ujang bilang sinyal di Dusun Cikupa hilang setiap sore"
TEXT = f"P: Bagaimana jaringannya?\nI: {SENTENCE}.\nP: Terima kasih.\n"


class FakeKeyring:
    """An in-memory keyring backend."""

    priority = 1

    def __init__(self) -> None:
        self.store: dict[tuple[str, str], str] = {}

    def get_keyring(self) -> FakeKeyring:
        return self

    def get_password(self, service: str, name: str) -> str | None:
        return self.store.get((service, name))

    def set_password(self, service: str, name: str, value: str) -> None:
        self.store[(service, name)] = value

    def delete_password(self, service: str, name: str) -> None:
        self.store.pop((service, name), None)


@pytest.fixture(autouse=True)
def _no_outside_password(monkeypatch: pytest.MonkeyPatch) -> FakeKeyring:
    monkeypatch.delenv("QUALCODE_PASSWORD", raising=False)
    ring = FakeKeyring()
    monkeypatch.setattr(credentials, "_keyring", lambda: ring)
    return ring


def _raw(path: Path) -> bytes:
    """The file and whatever SQLite keeps beside it."""
    out = path.read_bytes()
    for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if extra.exists():
            out += extra.read_bytes()
    return out


def _build(path: Path, password: str | None) -> None:
    with Project.create(path, coder="ana", password=password) as p:
        source = p.sources.add_text("W1 Kades", TEXT, kind="interview", language="id").result
        code = p.codes.create("Jaringan").result
        assert source is not None and code is not None
        start = TEXT.index(SENTENCE)
        p.codings.apply(source.id, start, start + len(SENTENCE), code.id, note=SENTENCE)
        p.memos.create(f"Catatan: {SENTENCE}")


def test_no_transcript_text_on_disk_in_the_file_its_wal_or_its_backups(tmp_path: Path) -> None:
    path = tmp_path / "e.qdaproj"
    _build(path, "rahasia")
    for _ in range(2):  # opening for writing makes rolling backups
        with Project.open(path, coder="ana", password="rahasia") as p:
            from qualcode.search.index import open_index

            open_index(p)  # the FTS5 search index lives in the encrypted file too
            assert SENTENCE.encode() not in _raw(path)  # while open: WAL included
    assert path.read_bytes()[:16] != cipher.SQLITE_MAGIC
    copies = backup.list_backups(path)
    assert len(copies) >= 1  # a rolling copy at most every quarter of an hour
    for item in [path, *copies]:
        raw = _raw(item)
        assert (
            SENTENCE.encode() not in raw and b"Ujang" not in raw and b"SQLite format 3" not in raw
        )
        assert SENTENCE.encode("utf-16-le") not in raw
    lock = path.with_name(path.name + ".lock")
    assert b"Ujang" not in (lock.read_bytes() if lock.exists() else b"")  # holds no data
    with Project.open(copies[0], coder="ana", password="rahasia", read_only=True) as p:
        assert SENTENCE in p.sources.text(p.sources.all()[0].id)


def test_search_works_in_an_encrypted_project(tmp_path: Path) -> None:
    path = tmp_path / "e.qdaproj"
    _build(path, "rahasia")
    result = CliRunner().invoke(
        cli, ["search", str(path), "Cikupa", "--json"], env={"QUALCODE_PASSWORD": "rahasia"}
    )
    assert result.exit_code == 0, result.output
    assert "Cikupa" in result.output


def test_wrong_or_missing_password_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "e.qdaproj"
    _build(path, "rahasia")
    before = path.read_bytes()
    listing = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(WrongPasswordError):
        Project.open(path, coder="ana", password="salah")
    with pytest.raises(WrongPasswordError):
        Project.open(path, coder="ana", password="salah", read_only=True)
    with pytest.raises(PasswordRequiredError):
        Project.open(path, coder="ana")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no backup, WAL or lock
    result = CliRunner().invoke(cli, ["info", str(path)], env={"QUALCODE_PASSWORD": "salah"})
    assert result.exit_code == 1 and "does not open" in result.output
    assert "Traceback" not in result.output
    result = CliRunner().invoke(cli, ["info", str(path)])
    assert result.exit_code == 1 and "is encrypted" in result.output
    assert path.read_bytes() == before


def test_password_from_the_environment_or_the_keyring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _no_outside_password: FakeKeyring
) -> None:
    path = tmp_path / "e.qdaproj"
    _build(path, "rahasia")
    monkeypatch.setenv("QUALCODE_PASSWORD", "rahasia")
    with Project.open(path, coder="ana", read_only=True) as p:
        assert p.encrypted and p.info().codings == 1
    monkeypatch.delenv("QUALCODE_PASSWORD")
    credentials.remember_project_password(path, "rahasia")
    assert _no_outside_password.store  # kept in the keyring, not in a file
    with Project.open(path, coder="ana") as p:
        assert p.codes.all()[0].name == "Jaringan"
    assert credentials.forget_project_password(path)
    with pytest.raises(PasswordRequiredError):
        Project.open(path, coder="ana")


def test_every_cli_command_with_the_password(tmp_path: Path) -> None:
    path = tmp_path / "e.qdaproj"
    env = {"QUALCODE_PASSWORD": "rahasia"}

    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, list(args), env=env)
        assert result.exit_code == 0, result.output
        return result.output

    assert "(encrypted)" in run("new", str(path), "--encrypt")
    transcript = tmp_path / "W2.txt"
    transcript.write_text(TEXT, encoding="utf-8")
    run("source", "add", str(path), str(transcript), "--kind", "interview")
    run("code", "add", str(path), "Jaringan")
    run("identity", "add", str(path), "Ujang")
    assert "Ujang" in run("identity", "list", str(path))
    out = tmp_path / "x.docx"
    run("export", "excerpts", str(path), str(out), "--pseudonymise", "--quiet")
    assert "1" in run("info", str(path))
    assert SENTENCE.encode() not in _raw(path)


def test_a_password_is_asked_for_in_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import qualcode.cli.common as common

    path = tmp_path / "e.qdaproj"
    monkeypatch.setattr(common, "interactive", lambda: True)
    result = CliRunner().invoke(cli, ["new", str(path), "--encrypt"], input="abc\nabc\n")
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["info", str(path)], input="abc\n")
    assert result.exit_code == 0 and "schema_version" in result.output
    assert "abc" not in result.output  # typed hidden


def test_encrypt_and_decrypt_convert_the_file_and_its_backups(tmp_path: Path) -> None:
    path = tmp_path / "p.qdaproj"
    _build(path, None)
    with Project.open(path, coder="ana") as p:  # a plain rolling backup
        plain = snapshot(p)
    assert SENTENCE.encode() in path.read_bytes()
    assert encrypt_project(path, "baru") == 1
    for item in [path, *backup.list_backups(path)]:
        assert cipher.is_encrypted(item) and SENTENCE.encode() not in _raw(item)
    with Project.open(path, coder="ana", password="baru", backups=False) as p:
        assert snapshot(p) == plain
    with pytest.raises(ProjectError):
        encrypt_project(path, "lagi")
    with pytest.raises(WrongPasswordError):
        decrypt_project(path, "salah")
    assert decrypt_project(path, "baru") == 1
    assert path.read_bytes()[:16] == cipher.SQLITE_MAGIC
    with Project.open(path, coder="ana", backups=False) as p:
        assert snapshot(p) == plain


def test_a_failed_conversion_leaves_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.qdaproj"
    _build(path, None)
    before = path.read_bytes()
    real = cipher._counts
    calls = iter(range(10))
    monkeypatch.setattr(cipher, "_counts", lambda c: {**real(c), "x": next(calls)})
    with pytest.raises(ProjectError, match="did not check out"):
        encrypt_project(path, "baru")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == [
        "p.qdaproj"
    ]


@pytest.mark.parametrize("folder", ["data #1", "what?", "50% done"])
def test_folders_with_url_characters(tmp_path: Path, folder: str) -> None:
    """The engine opens the file by its path: '#', '?' and '%' are not URL syntax to it."""
    from sqlalchemy import text

    from qualcode.store.engine import make_engine

    path = tmp_path / folder / "s.qdaproj"
    path.parent.mkdir()
    engine = make_engine(path)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x TEXT)"))
        conn.execute(text("INSERT INTO t VALUES ('ok')"))
    engine.dispose()
    assert sorted(p.name for p in path.parent.iterdir())[0] == "s.qdaproj"
    reader = make_engine(path, read_only=True)
    with reader.connect() as conn:
        assert conn.execute(text("SELECT x FROM t")).scalar() == "ok"
    reader.dispose()
    encrypted = tmp_path / folder / "e.qdaproj"
    _build(encrypted, "k")
    with Project.open(encrypted, coder="ana", password="k") as p:
        assert p.info().codings == 1


def test_other_files_are_not_taken_for_encrypted_projects(tmp_path: Path) -> None:
    for name, data in (("notes.txt", b"catatan " * 1024), ("t.docx", b"PK\x03\x04" + bytes(4092))):
        path = tmp_path / name
        path.write_bytes(data)
        assert not cipher.is_encrypted(path)
        with pytest.raises(ProjectError, match="not a QualCode project"):
            Project.open(path, coder="ana")


def test_team_push_takes_the_password_like_every_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """No password known: a clear message, no traceback; from QUALCODE_PASSWORD or the
    keyring the encrypted project is copied to the server; an unreachable server is
    reported, not a traceback."""
    path = tmp_path / "e.qdaproj"
    _build(path, "rahasia")
    run = CliRunner().invoke
    dead = "postgresql+psycopg://ana@127.0.0.1:1/nowhere"
    missing = run(cli, ["team", "push", str(path), dead])
    assert missing.exit_code == 1 and "Traceback" not in missing.output
    assert "is encrypted" in missing.output and "QUALCODE_PASSWORD" in missing.output
    unreachable = run(cli, ["team", "push", str(path), dead], env={"QUALCODE_PASSWORD": "rahasia"})
    assert unreachable.exit_code == 1 and "Cannot connect" in unreachable.output
    assert "Traceback" not in unreachable.output
    url = str(request.getfixturevalue("pg_url"))  # skipped without PostgreSQL binaries
    credentials.remember_project_password(path, "rahasia")
    pushed = run(cli, ["team", "push", str(path), url])
    assert pushed.exit_code == 0, pushed.output
    with Project.open(url, read_only=True) as server:
        assert SENTENCE in server.sources.text(server.sources.all()[0].id)


def test_team_pull_over_an_encrypted_file_keeps_it_encrypted(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = str(request.getfixturevalue("pg_url"))  # skipped without PostgreSQL binaries
    path = tmp_path / "e.qdaproj"
    _build(path, "rahasia")
    env = {"QUALCODE_PASSWORD": "rahasia"}
    run = CliRunner().invoke
    assert run(cli, ["team", "push", str(path), url], env=env).exit_code == 0
    refused = run(cli, ["team", "pull", url, str(path), "--force"])
    assert refused.exit_code == 1 and "is encrypted" in refused.output
    pulled = run(cli, ["team", "pull", url, str(path), "--force"], env=env)
    assert pulled.exit_code == 0, pulled.output
    assert cipher.is_encrypted(path) and SENTENCE.encode() not in _raw(path)
    with Project.open(path, password="rahasia", read_only=True) as p:
        assert SENTENCE in p.sources.text(p.sources.all()[0].id)
