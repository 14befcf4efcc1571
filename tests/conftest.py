"""Shared fixtures. Airflow's environment is set here, before anything imports Airflow."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = (REPO.parent / "shared" / "fixtures" / "real").resolve()

_AIRFLOW_HOME = Path(tempfile.mkdtemp(prefix="crosstalk-airflow-"))
os.environ.update({
    "AIRFLOW_HOME": str(_AIRFLOW_HOME),
    "AIRFLOW__CORE__DAGS_FOLDER": str(REPO / "dags"),
    "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{_AIRFLOW_HOME / 'airflow.db'}",
    "AIRFLOW__LOGGING__LOGGING_LEVEL": "WARNING",
})
for _var in ("CROSSTALK_WAREHOUSE_URL", "CROSSTALK_CONFIG", "CROSSTALK_SOURCE"):
    os.environ.pop(_var, None)

PG_ADMIN_URL = os.environ.get("CROSSTALK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """The real recorded API payloads shipped beside the repo (../shared/fixtures/real)."""
    if not FIXTURES.is_dir():
        pytest.fail(f"recorded fixtures not found at {FIXTURES}: clone the repo next to shared/")
    return FIXTURES


@pytest.fixture
def settings():
    """The bundled sample configuration (four fictional companies)."""
    from crosstalk.config import load_settings

    return load_settings()


@pytest.fixture
def duckdb_url(tmp_path: Path) -> str:
    """A fresh DuckDB warehouse file."""
    return f"duckdb:///{tmp_path / 'warehouse.duckdb'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database on 127.0.0.1:5432, dropped afterwards.

    Fails (never skips) when the server is unreachable: CI must run these tests.
    """
    from sqlalchemy import create_engine, text

    name = f"crosstalk_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'create database "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'drop database if exists "{name}" with (force)'))
        admin.dispose()


@pytest.fixture(params=["duckdb", "postgres"])
def warehouse_url(request: pytest.FixtureRequest) -> str:
    """Each warehouse backend in turn: a DuckDB file, then a PostgreSQL database."""
    return request.getfixturevalue("duckdb_url" if request.param == "duckdb" else "pg_url")


@pytest.fixture(scope="session")
def airflow_db() -> Path:
    """A migrated Airflow metadata database (SQLite) under a temporary AIRFLOW_HOME."""
    import subprocess
    import sys

    airflow = Path(sys.executable).parent / "airflow"
    subprocess.run([str(airflow), "db", "migrate"], check=True, capture_output=True, env=os.environ.copy())
    return _AIRFLOW_HOME
