#!/usr/bin/env bash
# Create .venv (once) and install Crosstalk with every dependency pinned by the repo's constraints.
# Usage: bash scripts/setup.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
"$PYTHON" - <<'PY' || { echo "Crosstalk needs Python >= 3.11 (set PYTHON=...)" >&2; exit 1; }
import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)
PY

extras=""
[ "${1:-}" = "--dev" ] && extras="[dev]"
constraints="constraints/constraints-py3.11.txt"
stamp=".venv/.installed-$(cat pyproject.toml "$constraints" | sha256sum | cut -c1-16)${extras:+-dev}"

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  # Airflow is installed against our own pinned constraints file (its published ones are not reachable).
  .venv/bin/python -m pip install --quiet -c "$constraints" -e ".${extras}"
  rm -f .venv/.installed-* && touch "$stamp"
fi
