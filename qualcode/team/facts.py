"""Facts a team server decides itself, whatever a member's client sends.

A member with a raw connection could otherwise backdate an audit entry, mark
a review thread resolved in another member's name or store a coding that
reaches past the end of its text (which ``team pull`` would then copy). One
trigger function, installed by ``team setup`` (:func:`qualcode.team.roles.setup_roles`)
on ``audit_log``, ``review_comment`` and ``coding``:

- audit timestamps are the server's ``now()`` (owners keep theirs: ``team push``
  copies a project's history with its dates);
- a review thread's resolution records the acting member (from the login, as
  :func:`qualcode_coder` computes it) and the server's time;
- a coding's range must lie inside its source's text (SQLSTATE 23514, the
  check-constraint violation a CHECK across two tables would raise).
"""

from __future__ import annotations

from collections.abc import Callable

FACTS_TABLES = ("audit_log", "review_comment", "coding")
FUNCTION = "qualcode_server_facts"


def facts_function_sql(q: Callable[[str], str], owner_group: str) -> str:
    """``CREATE FUNCTION`` for the trigger; ``q`` schema-qualifies a name."""
    lit_owner = "'" + owner_group.replace("'", "''") + "'"
    return (
        f"CREATE OR REPLACE FUNCTION {q(FUNCTION)}() RETURNS trigger LANGUAGE plpgsql "
        "SET search_path = pg_catalog, pg_temp AS $f$\n"
        "DECLARE\n"
        "  text_length integer;\n"
        f"  is_owner boolean := pg_has_role(current_user, {lit_owner}, 'USAGE');\n"
        "  server_now timestamp := now() AT TIME ZONE 'UTC';\n"
        "BEGIN\n"
        "  IF TG_TABLE_NAME = 'audit_log' THEN\n"
        "    IF NOT is_owner THEN NEW.at := server_now; END IF;\n"
        "  ELSIF TG_TABLE_NAME = 'review_comment' THEN\n"
        "    IF TG_OP = 'INSERT' AND NOT is_owner THEN NEW.created_at := server_now; END IF;\n"
        "    IF NEW.resolved_at IS NOT NULL AND (TG_OP = 'INSERT'\n"
        "        OR NEW.resolved_at IS DISTINCT FROM OLD.resolved_at\n"
        "        OR NEW.resolved_by IS DISTINCT FROM OLD.resolved_by\n"
        "        OR NEW.status IS DISTINCT FROM OLD.status) AND NOT is_owner THEN\n"
        f"      NEW.resolved_by := {q('qualcode_coder')}();\n"
        "      NEW.resolved_at := server_now;\n"
        "    END IF;\n"
        "  ELSIF TG_TABLE_NAME = 'coding' THEN\n"
        f"    SELECT length INTO text_length FROM {q('source')} WHERE id = NEW.source_id;\n"
        "    IF text_length IS NOT NULL AND NEW.end_pos > text_length THEN\n"
        "      RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = format(\n"
        "        'coding %s-%s reaches past the end of its source (%s characters)',\n"
        "        NEW.start_pos, NEW.end_pos, text_length);\n"
        "    END IF;\n"
        "  END IF;\n"
        "  RETURN NEW;\n"
        "END $f$"
    ).replace("%", "%%")  # the driver reads a lone % as a parameter


def facts_trigger_sql(q: Callable[[str], str], table: str) -> list[str]:
    """The statements (re)installing the trigger on ``table`` (none for other tables)."""
    if table not in FACTS_TABLES:
        return []
    return [
        f"DROP TRIGGER IF EXISTS qc_facts ON {q(table)}",
        f"CREATE TRIGGER qc_facts BEFORE INSERT OR UPDATE ON {q(table)} FOR EACH ROW "
        f"EXECUTE FUNCTION {q(FUNCTION)}()",
    ]
