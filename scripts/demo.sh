#!/usr/bin/env bash
# The main job on the embedded default: set up, then run the daily pipeline over 30 days of
# sample data (DuckDB file warehouse, no credentials, no network), print the channel × objective
# table, the warehouse location and the dashboard path.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export CROSSTALK_HOME="${CROSSTALK_HOME:-$PWD/.crosstalk}"
# duckdb's bindings print "nanobind: leaked ..." at interpreter exit; it is noise, filter it out.
.venv/bin/crosstalk run --days "${DAYS:-30}" --source sample "$@" \
  2> >(grep -v -E '^(nanobind: |  - leaked| - leaked| - \.\.\. skipped|See https://nanobind)' >&2)
wait
