"""The real Airflow 3 runs the daily DAG end to end with dag.test(), twice for the same interval."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from models.warehouse import make_engine, read_frame, table_counts

pytestmark = pytest.mark.airflow
REPO = Path(__file__).resolve().parents[1]
NORMALIZED = ["posts", "post_mentions", "metric_snapshots", "account_snapshots", "post_labels", "labelers",
              "batches", "companies", "tracked_accounts", "raw_responses", "loads", "cursors"]


def _dagbag():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(REPO / "dags"))


def test_dags_import_without_errors(airflow_db):
    bag = _dagbag()
    assert bag.import_errors == {}
    dag = bag.get_dag("crosstalk_daily")
    assert type(dag.timetable).__name__ == "CronDataIntervalTimetable"  # real one-day intervals
    ingest = dag.get_task("ingest")
    assert ingest.pool == "crosstalk_warehouse" and ingest.retries == 2
    assert dag.max_active_runs == 1


def _state(frame_by_table: dict) -> dict:
    out = {}
    for name, frame in frame_by_table.items():
        drop = [c for c in ("labeled_at", "quarantined_at", "transformed_at", "raw_id", "load_id", "updated_at",
                            "registered_at") if c in frame]
        frame = frame.drop(columns=drop)
        out[name] = frame.sort_values(list(frame.columns)).reset_index(drop=True)
    return out


def _dump(engine) -> dict:
    with engine.connect() as conn:
        return {t: read_frame(conn, f'select * from "{t}"') for t in
                ("posts", "post_mentions", "metric_snapshots", "account_snapshots", "post_labels", "quarantine",
                 "batches")}


def test_daily_dag_end_to_end_and_idempotent(airflow_db, tmp_path, monkeypatch):
    url = f"duckdb:///{tmp_path / 'warehouse.duckdb'}"
    monkeypatch.setenv("CROSSTALK_WAREHOUSE_URL", url)
    monkeypatch.setenv("CROSSTALK_HOME", str(tmp_path / "home"))
    dag = _dagbag().get_dag("crosstalk_daily")
    day = datetime(2026, 11, 19, tzinfo=UTC)

    first = dag.test(logical_date=day)
    assert first.state == "success", "dag.test logs task failures instead of raising: see the log above"
    engine = make_engine(url)
    counts = table_counts(engine, NORMALIZED)
    assert all(counts[t] > 0 for t in NORMALIZED), counts
    with engine.connect() as conn:
        channels = read_frame(conn, "select distinct channel from posts")["channel"]
        window = read_frame(conn, "select min(interval_start) as s, max(interval_end) as e from loads")
    assert set(channels) == {"x", "reddit"}
    # A manual run at `day` covers the last complete one-day interval before it.
    assert window.loc[0, "e"] == day and window.loc[0, "e"] - window.loc[0, "s"] == timedelta(days=1)
    assert (tmp_path / "home" / "dashboard.html").exists()
    before = _state(_dump(engine))
    engine.dispose()

    second = dag.test(logical_date=day)
    assert second.state == "success"
    engine = make_engine(url)
    after = _state(_dump(engine))
    for name in before:
        assert after[name].equals(before[name]), f"{name} changed on re-run of the same interval"
    with engine.connect() as conn:
        loads = read_frame(conn, "select batch_id, count(*) as n from loads group by batch_id")
    assert (loads["n"] == 2).all()  # raw is append-only: both attempts kept, only the newest is read


def test_live_run_without_connections_fails_clearly(airflow_db, tmp_path, monkeypatch, capfd):
    for var in ("CROSSTALK_X_BEARER_TOKEN", "CROSSTALK_REDDIT_CLIENT_ID", "CROSSTALK_REDDIT_CLIENT_SECRET",
                "AIRFLOW_CONN_X_DEFAULT", "AIRFLOW_CONN_REDDIT_DEFAULT"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("CROSSTALK_WAREHOUSE_URL", f"duckdb:///{tmp_path / 'warehouse.duckdb'}")
    monkeypatch.setenv("CROSSTALK_HOME", str(tmp_path / "home"))
    dag = _dagbag().get_dag("crosstalk_daily")
    run = dag.test(logical_date=datetime(2026, 11, 19, tzinfo=UTC), run_conf={"source": "live"})
    assert run.state == "failed"
    logged = "".join(capfd.readouterr())
    assert "define the Airflow connection 'x_default'" in logged
    assert "define the Airflow connection 'reddit_default'" in logged
    engine = make_engine(f"duckdb:///{tmp_path / 'warehouse.duckdb'}")
    assert table_counts(engine, ["raw_responses", "posts"]) == {"raw_responses": 0, "posts": 0}
