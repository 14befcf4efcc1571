#!/usr/bin/env bash
# Set up (dev extras, headless Chromium for the dashboard test) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's chromium for the dashboard browser test" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
  else
    echo "warning: chromium not found; install Debian's 'chromium' package for the browser test" >&2
  fi
fi

# duckdb's bindings print "nanobind: leaked ..." at interpreter exit; it is noise, filter it out.
set +e
.venv/bin/python -m pytest "$@" 2> >(grep -v -E '^(nanobind: |  - leaked| - leaked| - \.\.\. skipped|See https://nanobind)' >&2)
status=$?
wait
exit $status
