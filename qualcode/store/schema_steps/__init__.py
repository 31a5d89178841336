"""DDL steps of schema upgrades, one module per area (see :func:`qualcode.store.migrations.step`).

A module here registers its steps with ``@step(VERSION, "area_name")`` and writes its DDL
explicitly (plain ``CREATE TABLE``/``ALTER TABLE`` or a frozen ``sqlalchemy.Table`` copy of the new
table, never the live models), so that it runs the same on SQLite and PostgreSQL.
"""
