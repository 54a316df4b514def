#!/usr/bin/env bash
# The whole test suite: lint, then pytest (unit, property, AppTest, browser, store tests).
# Starts a throw-away PostgreSQL (scripts/start_test_postgres.sh) so the store tests run
# against SQLite and a real server; under CI=true a server that cannot start is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
"$VENV/bin/ruff" check .
started_pg=""
if [ -z "${PISHRAN_TEST_POSTGRES_URL:-}" ]; then
  if exports=$(bash scripts/start_test_postgres.sh); then
    eval "$exports"
    started_pg=yes
  elif [ "${CI:-}" = "true" ]; then
    echo "run_tests: PostgreSQL could not be started" >&2
    exit 1
  else
    echo "run_tests: PostgreSQL is not available; its store tests will be skipped" >&2
  fi
fi
cleanup() {
  if [ -n "$started_pg" ]; then
    bash scripts/start_test_postgres.sh --stop "${PISHRAN_TEST_POSTGRES_DIR}" >/dev/null || true
  fi
}
trap cleanup EXIT
"$VENV/bin/python" -m pytest "$@"
