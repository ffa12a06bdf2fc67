#!/usr/bin/env bash
# `npm test`: the whole suite. Prepares Chromium and PostgreSQL where it can (root on Debian), else says what to install.
# Never skips a suite silently: a missing prerequisite fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export TEST_PG_URL="${TEST_PG_URL:-postgresql://postgres:postgres@127.0.0.1:5432/postgres}"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
source scripts/test-prerequisites.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

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
step "Integration (PGlite)";       TEST_DB=pglite npx vitest run --project integration
step "Integration (PostgreSQL)";   TEST_DB=postgres npx vitest run --project integration

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
