"""Re-label the whole warehouse history with a labeler version; triggered by hand, never scheduled.

Trigger it after a new intent artifact is deployed (or with labeler_version=rules-v0 to compare
with the baseline). One task, one function: `transform.intent.relabel.relabel_from_config`.
"""

from __future__ import annotations

import os

from airflow.sdk import Param, dag, task

# The same one-slot pool as the daily DAG: DuckDB allows one writing process across both DAGs.
POOL = os.environ.get("CROSSTALK_WAREHOUSE_POOL", "crosstalk_warehouse")


@dag(
    dag_id="crosstalk_relabel",
    schedule=None,
    catchup=False,
    max_active_runs=1,  # DuckDB has one writer; two relabels would also race on is_current
    tags=["crosstalk", "intent"],
    params={
        "labeler_version": Param(
            None,
            type=["null", "string"],
            description="rules-v0, or the built artifact's version; empty = the default labeler",
        ),
        "batch_size": Param(50_000, type="integer", minimum=1000),
    },
)
def crosstalk_relabel() -> None:
    """Re-label history from the warehouse and make the version current."""

    @task(pool=POOL)
    def relabel(params: dict | None = None) -> int:
        # Imported here: DAG parsing must not load pandas, the model or the warehouse.
        from transform.intent.relabel import relabel_from_config

        params = params or {}
        return relabel_from_config(None, params.get("labeler_version"), int(params.get("batch_size", 50_000)))

    relabel()


crosstalk_relabel()
