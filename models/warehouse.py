"""Warehouse access: engines, schema creation and bulk loads on DuckDB and PostgreSQL.

Loads are set-based: a frame is bulk-copied into a temporary stage table (DuckDB: Arrow
append; PostgreSQL: COPY), then merged with one DELETE and one INSERT. No row-by-row ORM inserts.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import pyarrow as pa
from sqlalchemy import Connection, Engine, Integer, Table, create_engine, event, text
from sqlalchemy.engine import make_url

from models.schema import Base


def make_engine(url: str) -> Engine:
    """An engine for a warehouse URL; sessions run in UTC; DuckDB parent folders are created."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "duckdb":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, poolclass=None)

        @event.listens_for(engine, "connect")
        def _utc(dbapi_connection, _record) -> None:  # noqa: ANN001
            dbapi_connection.execute("SET TimeZone = 'UTC'")

        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(url, connect_args={"options": "-c timezone=UTC"})
    return create_engine(url)


def is_duckdb(bind: Engine | Connection) -> bool:
    """True when the warehouse is DuckDB."""
    return bind.dialect.name == "duckdb"


def create_schema(engine: Engine) -> None:
    """Create every table that does not exist yet (idempotent)."""
    Base.metadata.create_all(engine)


def table(name: str) -> Table:
    """The model table called `name`."""
    return Base.metadata.tables[name]


def _conform(frame: pd.DataFrame, tbl: Table) -> pd.DataFrame:
    """Columns in table order; missing columns become NULL; unknown columns are an error."""
    unknown = set(frame.columns) - set(tbl.columns.keys())
    if unknown:
        raise ValueError(f"{tbl.name}: columns not in the schema: {sorted(unknown)}")
    out = frame.reindex(columns=list(tbl.columns.keys()))
    for column in tbl.columns:
        if isinstance(column.type, Integer) and out[column.name].dtype.kind == "f":
            # NaN made pandas widen ints to float; COPY and Arrow need them back as integers.
            out[column.name] = out[column.name].astype("Int64")
    return out.astype(object).where(out.notna(), None)


def _stage(conn: Connection, frame: pd.DataFrame, tbl: Table) -> str:
    """Bulk-copy `frame` into a new temporary table shaped like `tbl`; return its name."""
    name = f"stage_{tbl.name}_{uuid.uuid4().hex[:8]}"
    cols = list(tbl.columns.keys())
    conformed = _conform(frame, tbl)
    if is_duckdb(conn):
        raw = conn.connection.driver_connection
        arrow = pa.Table.from_pandas(conformed, preserve_index=False) if len(conformed) else None
        conn.execute(text(f'create temporary table "{name}" as select * from "{tbl.name}" limit 0'))
        if arrow is not None:
            view = f"arrow_{name}"
            raw.register(view, arrow)
            try:
                col_list = ", ".join(f'"{c}"' for c in cols)
                raw.execute(f'insert into "{name}" ({col_list}) select {col_list} from "{view}"')
            finally:
                raw.unregister(view)
        return name
    conn.execute(text(f'create temporary table "{name}" (like "{tbl.name}") on commit drop'))
    if len(conformed):
        cursor = conn.connection.driver_connection.cursor()
        col_list = ", ".join(f'"{c}"' for c in cols)
        with cursor.copy(f'copy "{name}" ({col_list}) from stdin') as copy:
            for row in conformed.itertuples(index=False, name=None):
                copy.write_row(row)
    return name


def _drop_stage(conn: Connection, name: str) -> None:
    if is_duckdb(conn):
        conn.execute(text(f'drop table if exists "{name}"'))


def append(conn: Connection, name: str, frame: pd.DataFrame) -> int:
    """Append all rows of `frame` to table `name`."""
    if frame.empty:
        return 0
    tbl = table(name)
    stage = _stage(conn, frame, tbl)
    cols = ", ".join(f'"{c}"' for c in tbl.columns.keys())
    conn.execute(text(f'insert into "{tbl.name}" ({cols}) select {cols} from "{stage}"'))
    _drop_stage(conn, stage)
    return len(frame)


def replace_where(conn: Connection, name: str, column: str, value: object, frame: pd.DataFrame) -> int:
    """Delete the rows whose `column` equals `value`, then append `frame` (one batch's rows)."""
    conn.execute(text(f'delete from "{name}" where "{column}" = :value'), {"value": value})
    return append(conn, name, frame)


def upsert(
    conn: Connection,
    name: str,
    frame: pd.DataFrame,
    newer_than: str | None = None,
    replace_by: Sequence[str] | None = None,
    tiebreak: str | None = None,
) -> int:
    """Insert-or-replace rows by primary key.

    With `newer_than` (a timestamp column), an existing row is replaced only when the incoming
    row is at least as new, so replaying an old batch never overwrites a newer version; on a tie
    the larger `tiebreak` value wins, so the result does not depend on the order batches ran in.
    With `replace_by` (a prefix of the key), every existing row sharing those columns with an
    incoming row is replaced, e.g. all mentions of a post, so stale children disappear.
    """
    if frame.empty:
        return 0
    tbl = table(name)
    pk = [c.name for c in tbl.primary_key.columns]
    frame = frame.drop_duplicates(subset=pk, keep="last")
    keys = list(replace_by or pk)
    stage = _stage(conn, frame, tbl)
    match = " and ".join(f't."{k}" = s."{k}"' for k in keys)
    if newer_than:
        older = f't."{newer_than}" > s."{newer_than}"'
        if tiebreak:
            older += f' or (t."{newer_than}" = s."{newer_than}" and t."{tiebreak}" > s."{tiebreak}")'
        conn.execute(text(f'delete from "{stage}" s where exists (select 1 from "{tbl.name}" t '
                          f'where {match} and ({older}))'))
    conn.execute(text(f'delete from "{tbl.name}" t where exists (select 1 from "{stage}" s where {match})'))
    cols = ", ".join(f'"{c}"' for c in tbl.columns.keys())
    result = conn.execute(text(f'insert into "{tbl.name}" ({cols}) select {cols} from "{stage}"'))
    _drop_stage(conn, stage)
    return result.rowcount if result.rowcount is not None and result.rowcount >= 0 else len(frame)


def read_frame(conn: Connection, sql: str, params: dict | None = None) -> pd.DataFrame:
    """Run a query and return a DataFrame."""
    result = conn.execute(text(sql), params or {})
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def table_counts(engine: Engine, names: Sequence[str] | None = None) -> dict[str, int]:
    """Row count of each table (all model tables by default)."""
    names = names or list(Base.metadata.tables)
    with engine.connect() as conn:
        return {n: conn.execute(text(f'select count(*) from "{n}"')).scalar_one() for n in names}
