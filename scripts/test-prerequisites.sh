# Sourced by scripts/test.sh: makes Debian's Chromium and a local PostgreSQL available, or explains what is missing.

is_root_debian() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

ensure_chromium() {
  if [ -x "$CHROMIUM_PATH" ]; then echo "chromium: $CHROMIUM_PATH"; return; fi
  if is_root_debian; then
    echo "chromium: installing Debian's package…"
    (apt-get install -y chromium >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; })
    return
  fi
  echo "Chromium is missing. Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH." >&2
  exit 1
}

pg_ready() { psql "$TEST_PG_URL" -qAtc 'select 1' >/dev/null 2>&1; }

ensure_postgres() {
  if pg_ready; then echo "postgresql: reachable at ${TEST_PG_URL%%@*}@…"; return; fi
  if is_root_debian; then
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
      echo "postgresql: installing Debian's package…"
      (apt-get install -y postgresql >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y postgresql >/dev/null; })
    fi
    local cluster
    cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')
    # shellcheck disable=SC2086
    pg_ctlcluster $cluster start 2>/dev/null || true
    for _ in $(seq 1 30); do su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break; sleep 0.5; done
    su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
    if pg_ready; then echo "postgresql: started local cluster ($cluster)"; return; fi
  fi
  echo "PostgreSQL is not reachable at TEST_PG_URL=$TEST_PG_URL." >&2
  echo "Start one (Debian: sudo apt-get install -y postgresql && sudo pg_ctlcluster 15 main start) or point TEST_PG_URL at a server where the user may CREATE DATABASE." >&2
  exit 1
}
