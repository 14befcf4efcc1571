"""(Re)create the analyst views in `sql/` on the warehouse, in dependency order.

One SQL source serves DuckDB and PostgreSQL: the files use only syntax both accept (tests run
every view on both), so there is nothing to translate and no second copy to keep in step.
Views cannot read the YAML config, so the few settings they need (the local time zone) are
stored in `report_settings` first.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine

from crosstalk.config import Settings
from models import warehouse
from models.schema import Base

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"


def view_files() -> list[Path]:
    """The view definitions, in file-name order (prefix numbers order dependencies)."""
    return sorted(SQL_DIR.glob("*.sql"))


def view_name(path: Path) -> str:
    """`sql/31_engagement_daily.sql` defines the view `engagement_daily`."""
    return re.sub(r"^\d+_", "", path.stem)


def view_names() -> list[str]:
    """Every view `create_views` makes, in creation order."""
    return [view_name(p) for p in view_files()]


def store_report_settings(engine: Engine, settings: Settings) -> None:
    """Write the config values the views read (today: `timezone`) to `report_settings`."""
    frame = pd.DataFrame(
        [{"setting": "timezone", "value": settings.timezone, "updated_at": datetime.now(UTC)}]
    )
    with engine.begin() as conn:
        warehouse.upsert(conn, "report_settings", frame)


def create_views(engine: Engine, settings: Settings | None = None) -> list[str]:
    """Drop and recreate every view in one transaction; return their names in creation order.

    Missing tables are created first (idempotent) so views also build on a fresh or older
    warehouse. With `settings`, `report_settings` is refreshed from the config; without, the
    stored values (or UTC) stay in use.
    """
    Base.metadata.create_all(engine)
    if settings is not None:
        store_report_settings(engine, settings)
    files = view_files()
    names = [view_name(p) for p in files]
    # PostgreSQL refuses to drop a view others depend on; DuckDB has no CASCADE for views but
    # does not track the dependency either, so dropping dependants first works on both.
    drop = "drop view if exists {} cascade" if engine.dialect.name == "postgresql" else "drop view if exists {}"
    with engine.begin() as conn:
        for name in reversed(names):
            conn.exec_driver_sql(drop.format(f'"{name}"'))
        for path, name in zip(files, names, strict=True):
            # Driver-level execution: SQL text is passed as written (no `:name` bind parsing).
            conn.exec_driver_sql(f'create view "{name}" as\n{path.read_text(encoding="utf-8")}')
    return names
