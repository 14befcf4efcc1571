#!/usr/bin/env bash
# Run the Crosstalk DAGs under `airflow standalone` (LocalExecutor, SQLite metadata DB).
# Sets up .venv, migrates Airflow's database under .airflow/, creates the one-slot warehouse
# pool (DuckDB allows one writing process) and starts the scheduler, API server and UI.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export AIRFLOW_HOME="${AIRFLOW_HOME:-$PWD/.airflow}"
export AIRFLOW__CORE__DAGS_FOLDER="$PWD/dags"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export CROSSTALK_HOME="${CROSSTALK_HOME:-$PWD/.crosstalk}"
.venv/bin/airflow db migrate >/dev/null
.venv/bin/airflow pools set crosstalk_warehouse "${CROSSTALK_POOL_SLOTS:-1}" "Crosstalk warehouse writers" >/dev/null
echo "DAGs: $AIRFLOW__CORE__DAGS_FOLDER; warehouse under $CROSSTALK_HOME; admin password in $AIRFLOW_HOME"
exec .venv/bin/airflow standalone
