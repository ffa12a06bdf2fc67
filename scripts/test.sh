#!/usr/bin/env bash
# `npm test`: the whole suite. Prepares Chromium and PostgreSQL where it can (root on Debian), else says what to install.
# Never skips a suite silently: a missing prerequisite fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export TEST_PG_URL="${TEST_PG_URL:-postgresql://postgres:postgres@127.0.0.1:5432/postgres}"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
source scripts/test-prerequisites.sh

started_at=$SECONDS
step() { printf '\n\033[1m== %s\033[0m (at %ds)\n' "$*" "$((SECONDS - started_at))"; }

# Runs two suites side by side (each mostly waits on its own database and sockets), then prints each one's output
# in turn; fails when either failed.
side_by_side() {
  local logs; logs=$(mktemp -d -t console-suites-XXXXXX)
  (eval "$1") > "$logs/a.log" 2>&1 & local a=$!
  (eval "$2") > "$logs/b.log" 2>&1 & local b=$!
  local a_rc=0 b_rc=0
  wait "$a" || a_rc=$?
  wait "$b" || b_rc=$?
  printf '\n\033[1m-- %s\033[0m\n' "$1"; cat "$logs/a.log"
  printf '\n\033[1m-- %s\033[0m\n' "$2"; cat "$logs/b.log"
  rm -rf "$logs"
  [ "$a_rc" = 0 ] && [ "$b_rc" = 0 ]
}

step "Prerequisites"
ensure_chromium
ensure_postgres

step "Test CA"
export TEST_CA_DIR="${TEST_CA_DIR:-$(mktemp -d -t console-ca-XXXXXX)}"
npx tsx tests/support/make-ca.ts "$TEST_CA_DIR"
export NODE_EXTRA_CA_CERTS="$TEST_CA_DIR/ca.pem"

step "Type check";                 npx tsc --noEmit
step "Lint";                       npx eslint . --max-warnings 0
step "Formatting";                 npx prettier --check .
step "Unit";                       npx vitest run --project unit
step "Integration (PGlite and PostgreSQL, side by side)"
side_by_side 'TEST_DB=pglite npx vitest run --project integration' 'TEST_DB=postgres npx vitest run --project integration'

step "Production build"
npx next build

step "End-to-end (Chromium, production build; PostgreSQL, and PGlite for the org-user flows)"
e2e_db="console_e2e_$(date +%s)_$$"
psql "$TEST_PG_URL" -qc "CREATE DATABASE \"$e2e_db\"" >/dev/null
trap 'psql "$TEST_PG_URL" -qc "DROP DATABASE IF EXISTS \"$e2e_db\" WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
export E2E_DATABASE_URL="${TEST_PG_URL%/*}/$e2e_db"
export E2E_PGLITE_DIR="$(mktemp -d -t console-e2e-pglite-XXXXXX)"
rm -rf test-logs
DATABASE_URL="$E2E_DATABASE_URL" ENCRYPTION_KEY="$(openssl rand -base64 32)" npx playwright test

step "All suites passed"
