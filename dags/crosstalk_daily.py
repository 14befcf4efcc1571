"""Crosstalk daily: each company's posts and mentions on X and Reddit for one UTC day.

Thin by design: every task calls one function of `crosstalk.pipeline`; nothing heavy runs at
import time. One mapped task per channel × company, so one failing company (bad credentials
aside) does not stop the others. Every task is idempotent for its data interval.

Warehouse writes go through the `crosstalk_warehouse` pool: with the default DuckDB file it
must have ONE slot (DuckDB allows one writing process); on PostgreSQL raise it freely.
Create it once with: airflow pools set crosstalk_warehouse 1 "Crosstalk warehouse writers".
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime, timedelta

from airflow.sdk import CronDataIntervalTimetable, Param, dag, get_current_context, task

POOL = os.environ.get("CROSSTALK_WAREHOUSE_POOL", "crosstalk_warehouse")
log = logging.getLogger(__name__)


def _window() -> tuple[datetime, datetime]:
    """This run's data interval; a manual run without one covers the previous full UTC day."""
    ctx = get_current_context()
    start, end = ctx.get("data_interval_start"), ctx.get("data_interval_end")
    if start is None or end is None or start == end:
        today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        start, end = today - timedelta(days=1), today
        log.warning("run has no data interval; fetching the previous UTC day %s", start.date())
    return start, end


def _setup() -> tuple:
    """Settings, warehouse engine and source name for this run (imports stay out of parse time)."""
    from crosstalk.config import load_settings, warehouse_url
    from models.warehouse import make_engine

    params = get_current_context()["params"]
    settings = load_settings(params.get("config") or None)
    return settings, make_engine(warehouse_url(settings)), params["source"]


@dag(
    dag_id="crosstalk_daily",
    schedule=CronDataIntervalTimetable("0 0 * * *", timezone="UTC"),
    start_date=datetime.fromisoformat(os.environ.get("CROSSTALK_START_DATE", "2026-01-01")).replace(tzinfo=UTC),
    # Off by default so a new deployment does not replay a year; set CROSSTALK_CATCHUP=true to
    # fill every missed day since start_date, or use `airflow backfill create` for a range.
    catchup=os.environ.get("CROSSTALK_CATCHUP", "false").lower() == "true",
    max_active_runs=1,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=5), "retry_exponential_backoff": True},
    params={
        "source": Param(os.environ.get("CROSSTALK_SOURCE", "sample"), enum=["sample", "live"],
                        description="sample: offline generator; live: X and Reddit APIs (needs connections)"),
        "config": Param(None, type=["null", "string"], description="config file (default $CROSSTALK_CONFIG)"),
    },
    tags=["crosstalk"],
    doc_md=__doc__,
)
def crosstalk_daily() -> None:
    """Fetch → land raw → transform → label → publish views and dashboard, per UTC day."""

    @task(pool=POOL)
    def prepare() -> None:
        """Create missing tables and refresh the company dimensions from the config."""
        from crosstalk.pipeline import prepare_warehouse

        settings, engine, _ = _setup()
        prepare_warehouse(engine, settings)

    @task
    def companies(channel: str) -> list[str]:
        """Keys of the companies watched on `channel` (what the ingest task maps over)."""
        settings, _, _ = _setup()
        return [c.key for c in settings.watching(channel)]

    @task(pool=POOL, map_index_template="{{ task.op_kwargs['channel'] }}:{{ task.op_kwargs['company'] }}")
    def ingest(channel: str, company: str) -> dict:
        """Fetch, land and transform one company's channel for this interval."""
        from airflow.sdk.exceptions import AirflowFailException

        from crosstalk.pipeline import ingest_batch
        from ingest.base import Window
        from ingest.credentials import MissingCredentials
        from ingest.errors import AuthenticationFailed

        settings, engine, source = _setup()
        start, end = _window()
        try:
            result = ingest_batch(engine, settings, source, channel, company, Window(start, end))
        except (MissingCredentials, AuthenticationFailed) as exc:
            raise AirflowFailException(str(exc)) from None  # retrying cannot fix credentials
        log.info("fetch summary %s:%s: %s", channel, company, result.pop("fetch", {}))
        return result

    @task(pool=POOL, trigger_rule="all_done")
    def publish() -> dict:
        """Recreate views, refresh message consistency, write the dashboard (even after a failure)."""
        from crosstalk.config import crosstalk_home
        from crosstalk.pipeline import publish as publish_all

        settings, engine, _ = _setup()
        return publish_all(engine, settings, dashboard_path=crosstalk_home() / "dashboard.html")

    @task
    def verify(results_x: list[dict], results_reddit: list[dict]) -> dict:
        """Fail the run when any batch failed; summarize what landed."""
        results = list(results_x or []) + list(results_reddit or [])
        return {
            "batches": len(results),
            "posts": sum(r["normalized"] for r in results),
            "quarantined": sum(r["quarantined"] for r in results),
        }

    prepared = prepare()
    x_companies, reddit_companies = companies.override(task_id="x_companies")("x"), \
        companies.override(task_id="reddit_companies")("reddit")
    prepared >> [x_companies, reddit_companies]
    x = ingest.partial(channel="x").expand(company=x_companies)
    reddit = ingest.partial(channel="reddit").expand(company=reddit_companies)
    published = publish()
    [x, reddit] >> published
    published >> verify(x, reddit)


crosstalk_daily()
