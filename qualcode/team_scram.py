"""SCRAM-SHA-256 password verifiers, computed on the client.

``CREATE ROLE ... PASSWORD 'SCRAM-SHA-256$...'`` stores a verifier as is, so the
clear password never travels to the server nor lands in its statement log
(what ``psql``'s ``\\password`` does too). Format and key derivation follow
RFC 5802/7677 and PostgreSQL's ``scram_build_secret``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import stringprep
import unicodedata

ITERATIONS = 4096
"""PostgreSQL's default ``scram_iterations``."""


def saslprep(password: str) -> str | None:
    """RFC 4013 SASLprep of ``password``; None where PostgreSQL would use the raw bytes."""
    if password.isascii():
        return password
    mapped = "".join(
        " " if stringprep.in_table_c12(ch) else ch
        for ch in password
        if not stringprep.in_table_b1(ch)
    )
    text = unicodedata.normalize("NFKC", mapped)
    prohibited = (
        stringprep.in_table_c12, stringprep.in_table_c21, stringprep.in_table_c22,
        stringprep.in_table_c3, stringprep.in_table_c4, stringprep.in_table_c5,
        stringprep.in_table_c6, stringprep.in_table_c7, stringprep.in_table_c8,
        stringprep.in_table_c9, stringprep.in_table_a1,
    )  # fmt: skip
    if any(check(ch) for ch in text for check in prohibited):
        return None
    rtl = [stringprep.in_table_d1(ch) for ch in text]
    if any(rtl) and (any(stringprep.in_table_d2(ch) for ch in text) or not (rtl[0] and rtl[-1])):
        return None
    return text


def scram_verifier(
    password: str, *, salt: bytes | None = None, iterations: int = ITERATIONS
) -> str:
    """The verifier PostgreSQL stores for ``password`` (a fresh random salt by default)."""
    salt = os.urandom(16) if salt is None else salt
    prepared = saslprep(password)
    raw = password.encode() if prepared is None else prepared.encode()
    salted = hashlib.pbkdf2_hmac("sha256", raw, salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"
