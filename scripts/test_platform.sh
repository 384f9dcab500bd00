#!/usr/bin/env bash
# Odoo's own `base` and `mail` test suites on this runtime (Python 3.11 + compatibility layer +
# PostgreSQL 15), in a throwaway database. Fails on any failing or erroring Odoo test.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB=deputat_platform
LOG="$ROOT/var/log/platform.log"
mkdir -p "$ROOT/var/log"
dropdb --if-exists "$DB"; createdb "$DB"
echo "[platform] Odoo 11 base + mail test suites in database $DB (a few minutes)"
start=$(date +%s)
"$ROOT/bin/odoo" -d "$DB" -i base,mail --test-enable --stop-after-init --logfile="$LOG" || true
ran=$(grep -oP 'Ran \K[0-9]+(?= tests?)' "$LOG" | paste -sd+ | bc)
bad=$(grep -cE ' (ERROR|CRITICAL) .*(FAIL|ERROR): test|Traceback' "$LOG" || true)
failed=$(grep -cE '^(FAIL|ERROR): ' "$LOG" || true)
failed=$(( failed > 0 ? failed : (bad > 0 ? bad : 0) ))
dropdb --if-exists "$DB"
echo "[platform] $(( $(date +%s) - start )) s; log: var/log/platform.log"
if [ "${ran:-0}" -eq 0 ] || [ "$failed" -gt 0 ]; then
  grep -E ' (ERROR|CRITICAL) ' "$LOG" | grep -v 'Unmet dependencies' | head -30 >&2
  echo "platform: $(( ${ran:-0} - failed )) passed, $failed failed"
  exit 1
fi
echo "platform: $ran passed, 0 failed"
