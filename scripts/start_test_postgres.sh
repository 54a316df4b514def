#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for the store tests (tests/store, marker "postgres").
#
#   eval "$(scripts/start_test_postgres.sh)"      # starts it; exports PISHRAN_TEST_POSTGRES_URL
#   .venv/bin/python -m pytest tests/store        # now also runs the PostgreSQL tests
#   scripts/start_test_postgres.sh --stop         # stops it and deletes its directory
#
# stdout carries only `export …` lines (for eval); progress goes to stderr.  The cluster
# lives in a temporary directory, listens on 127.0.0.1 on a free port (or
# $PISHRAN_TEST_POSTGRES_PORT) with a Unix socket in the same directory, trusts local
# connections (test use only) and runs without fsync.  As root it runs as the
# `postgres` system user (initdb refuses root), else as the current user.
set -euo pipefail

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ -z "${PG_BIN}" ] || [ ! -x "${PG_BIN}/initdb" ]; then
    echo "start_test_postgres: no PostgreSQL server binaries (apt-get install postgresql)" >&2
    exit 1
fi

if [ "$(id -u)" = 0 ]; then
    PG_OS_USER=${PG_OS_USER:-postgres}
    id "${PG_OS_USER}" >/dev/null 2>&1 || PG_OS_USER=nobody
    as_pg() { runuser -u "${PG_OS_USER}" -- "$@"; }
else
    PG_OS_USER=$(id -un)
    as_pg() { "$@"; }
fi

if [ "${1:-}" = "--stop" ]; then
    DIR=${2:-${PISHRAN_TEST_POSTGRES_DIR:-}}
    if [ -z "${DIR}" ] || [ ! -d "${DIR}/data" ]; then
        echo "start_test_postgres: nothing to stop (give the directory or set PISHRAN_TEST_POSTGRES_DIR)" >&2
        exit 1
    fi
    as_pg "${PG_BIN}/pg_ctl" -D "${DIR}/data" -m fast -w stop >&2 || true
    rm -rf "${DIR}"
    echo "unset PISHRAN_TEST_POSTGRES_URL PISHRAN_TEST_POSTGRES_DIR"
    exit 0
fi

DIR=$(mktemp -d "${TMPDIR:-/tmp}/pishran-pg.XXXXXX")
chmod 0755 "${DIR}"
[ "$(id -u)" = 0 ] && chown "${PG_OS_USER}" "${DIR}"

as_pg "${PG_BIN}/initdb" -D "${DIR}/data" -U pishran --auth=trust -E UTF8 --no-locale \
    --no-sync >"${DIR}/initdb.log" 2>&1 || { cat "${DIR}/initdb.log" >&2; exit 1; }

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

started=""
for _attempt in 1 2 3 4 5; do
    PORT=${PISHRAN_TEST_POSTGRES_PORT:-$(free_port)}
    if as_pg "${PG_BIN}/pg_ctl" -D "${DIR}/data" -l "${DIR}/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p ${PORT} -k ${DIR} -c fsync=off \
            -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >&2; then
        started=yes
        break
    fi
    [ -n "${PISHRAN_TEST_POSTGRES_PORT:-}" ] && break
done
if [ -z "${started}" ]; then
    cat "${DIR}/server.log" >&2 || true
    exit 1
fi

URL="postgresql+psycopg2://pishran@127.0.0.1:${PORT}/postgres"
echo "${URL}" >"${DIR}/url"
echo "start_test_postgres: PostgreSQL $("${PG_BIN}/postgres" --version | awk '{print $3}') on 127.0.0.1:${PORT}, directory ${DIR}" >&2
echo "export PISHRAN_TEST_POSTGRES_URL=${URL}"
echo "export PISHRAN_TEST_POSTGRES_DIR=${DIR}"
