"""(Re)create the analyst views in `sql/` on the warehouse, in dependency order."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Engine, text

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"


def view_files() -> list[Path]:
    """The view definitions, in file-name order (prefix numbers order dependencies)."""
    return sorted(SQL_DIR.glob("*.sql"))


def view_name(path: Path) -> str:
    """`sql/10_engagement_daily.sql` defines the view `engagement_daily`."""
    return re.sub(r"^\d+_", "", path.stem)


def create_views(engine: Engine) -> list[str]:
    """Drop and recreate every view in one transaction; return their names in creation order."""
    files = view_files()
    names = [view_name(p) for p in files]
    with engine.begin() as conn:
        for name in reversed(names):
            conn.execute(text(f'drop view if exists "{name}" cascade' if engine.dialect.name == "postgresql" else f'drop view if exists "{name}"'))
        for path, name in zip(files, names, strict=True):
            conn.execute(text(f'create view "{name}" as\n{path.read_text(encoding="utf-8")}'))
    return names
