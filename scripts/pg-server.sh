# Issue #24: a throw-away PostgreSQL 15 server for the tests. Meant to be *sourced* by .ci/run
# (`. scripts/pg-server.sh`): it installs Debian's `postgresql` if missing, starts a server in a
# fresh directory under /tmp listening on a Unix socket there and on 127.0.0.1:$PG_TEST_PORT, and
# exports TEST_DATABASE_URL (the tests create one database per test file from it) and REQUIRE_PG=1
# (the PostgreSQL suites then fail instead of skipping when the server is missing).
# Run directly (`bash scripts/pg-server.sh`) it starts the server and prints the export lines.
# Nothing is downloaded except Debian packages.

pg_test_server_start() {
  local bindir port dir owner
  port="${PG_TEST_PORT:-54329}"
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bindir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
  dir="$(mktemp -d /tmp/jm-pg.XXXXXX)"
  # initdb refuses to run as root: the server runs as the `postgres` user the package created
  # (or as whoever we are when not root).
  if [ "$(id -u)" = "0" ]; then
    owner=postgres
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown "$owner" "$dir"
    chmod 700 "$dir"
    run_pg() { runuser -u postgres -- "$@"; }
  else
    owner="$(id -un)"
    run_pg() { "$@"; }
  fi
  run_pg "$bindir/initdb" -D "$dir/data" -U jm --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  # Test settings: durability off (a crash loses a throw-away database), enough connections for
  # several hosts' pools and Jest's workers.
  cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 128MB
max_locks_per_transaction = 256
max_pred_locks_per_transaction = 256
CONF
  run_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null \
    || { cat "$dir/server.log" >&2; return 1; }
  export PG_TEST_DIR="$dir" PG_TEST_BINDIR="$bindir" PG_TEST_OWNER="$owner"
  export TEST_DATABASE_URL="postgres://jm@127.0.0.1:$port/postgres"
  export REQUIRE_PG=1
  echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') for the tests: $TEST_DATABASE_URL (data in $dir)"
}

pg_test_server_stop() {
  [ -n "${PG_TEST_DIR:-}" ] || return 0
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$PG_TEST_BINDIR/pg_ctl" -D "$PG_TEST_DIR/data" -m fast stop >/dev/null 2>&1 || true
  else
    "$PG_TEST_BINDIR/pg_ctl" -D "$PG_TEST_DIR/data" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_TEST_DIR"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  pg_test_server_start
  echo "export TEST_DATABASE_URL='$TEST_DATABASE_URL' REQUIRE_PG=1"
  echo "stop with: runuser -u postgres -- $PG_TEST_BINDIR/pg_ctl -D $PG_TEST_DIR/data stop   (as root; else without runuser)"
else
  pg_test_server_start
  # stopped when the sourcing shell (.ci/run) exits, unless it already has an EXIT trap
  if [ -z "$(trap -p EXIT)" ]; then trap pg_test_server_stop EXIT; fi
fi
