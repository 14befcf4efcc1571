"""Warehouses for the view tests: the same constructed dataset on DuckDB and on PostgreSQL.

PostgreSQL tests create and drop their own database on 127.0.0.1:5432. They never skip: a
missing server is a failure, because the point is that every view runs on both engines.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import Engine

from crosstalk.views import create_views
from models.warehouse import make_engine
from tests.sql import sql_dataset
from transform.consistency import compute_message_consistency

PG_ADMIN_URL = os.environ.get("CROSSTALK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def _pg_database() -> Iterator[str]:
    """A fresh, uniquely named PostgreSQL database URL; dropped afterwards."""
    name = f"crosstalk_test_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'create database "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'drop database if exists "{name}" with (force)')


@pytest.fixture(params=["duckdb", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_engine(request, tmp_path) -> Iterator[Engine]:
    """An empty warehouse engine on each backend (function scope: tests that write)."""
    if request.param == "duckdb":
        engine = make_engine(f"duckdb:///{tmp_path / 'warehouse.duckdb'}")
        yield engine
        engine.dispose()
        return
    for url in _pg_database():
        engine = make_engine(url)
        yield engine
        engine.dispose()


def build_warehouse(url: str) -> Engine:
    """The constructed dataset, its message consistency and every view, at `url`."""
    engine = make_engine(url)
    sql_dataset.load(engine)
    compute_message_consistency(engine, sql_dataset.SETTINGS, min_posts=1, permutations=20)
    create_views(engine, sql_dataset.SETTINGS)
    return engine


@pytest.fixture(
    scope="module", params=["duckdb", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def loaded_engine(request, tmp_path_factory) -> Iterator[Engine]:
    """The constructed dataset with views and message consistency, on each backend (read-only)."""
    if request.param == "duckdb":
        path = tmp_path_factory.mktemp("duckdb") / "warehouse.duckdb"
        engine = build_warehouse(f"duckdb:///{path}")
        yield engine
        engine.dispose()
        return
    for url in _pg_database():
        engine = build_warehouse(url)
        yield engine
        engine.dispose()


@pytest.fixture(scope="module")
def duckdb_loaded(tmp_path_factory) -> Iterator[Engine]:
    """The same loaded warehouse on DuckDB only, for checks that do not depend on the backend."""
    engine = build_warehouse(f"duckdb:///{tmp_path_factory.mktemp('duckdb') / 'warehouse.duckdb'}")
    yield engine
    engine.dispose()
