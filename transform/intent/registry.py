"""Which labeler version the views read: the `labelers` table, exactly one row `is_current`."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, text


def set_current_labeler(conn: Connection, version: str) -> None:
    """Register `version` (once) and make it the only current one, inside the caller's transaction."""
    conn.execute(
        text(
            "insert into labelers (labeler_version, is_current, registered_at) "
            "select cast(:v as varchar(40)), false, :at where not exists "
            "(select 1 from labelers where labeler_version = :v)"
        ),
        {"v": version, "at": datetime.now(UTC)},
    )
    conn.execute(text("update labelers set is_current = (labeler_version = :v)"), {"v": version})


def current_labeler(conn: Connection) -> str | None:
    """The current labeler version, or None when nothing has been labeled yet."""
    return conn.execute(text("select labeler_version from labelers where is_current")).scalar_one_or_none()
