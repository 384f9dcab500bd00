#!/usr/bin/env bash
# pytest.sh DB [pytest args...]: pytest-odoo against database DB with the project's environment
# (what `make test` runs; handy for running one test file while developing).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB="$1"; shift
export ODOO_PRELOAD_ADDONS=no NODE_PATH="${NODE_PATH:-/usr/share/nodejs}" PATH="$ROOT/var/tools/bin:$PATH"
mkdir -p "$ROOT/var/test-reports"
cd "$ROOT"
# pytest-odoo turns test_enable on, which makes Odoo 11 return HTML instead of PDF unless a
# test report directory is set: with it, reports go through the real wkhtmltopdf.
exec "$ROOT/.venv/bin/pytest" --odoo-config="$ROOT/var/odoo.conf" --odoo-database="$DB" \
    --odoo-extra="test-report-directory=$ROOT/var/test-reports" "$@"
