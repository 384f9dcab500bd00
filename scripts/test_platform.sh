#!/usr/bin/env bash
# Odoo's own `base` and `mail` test suites on this runtime (Python 3.11 + compatibility layer +
# PostgreSQL 15), in a throwaway database. Fails on any failing or erroring Odoo test, and on any
# ERROR/CRITICAL line (Odoo's runner logs "Module X: N failures, M errors" and each FAIL/ERROR).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB=deputat_platform
LOG="$ROOT/var/log/platform.log"
mkdir -p "$ROOT/var/log"
rm -f "$LOG"  # Odoo appends to its logfile
dropdb --if-exists "$DB" 2>/dev/null; createdb "$DB"
echo "[platform] Odoo 11 base + mail test suites in database $DB (about 2 minutes)"
start=$(date +%s)
rc=0
"$ROOT/bin/odoo" -d "$DB" -i base,mail --test-enable --stop-after-init --logfile="$LOG" || rc=$?
dropdb --if-exists "$DB"
ran=$(awk '/ Ran [0-9]+ tests? in /{for(i=1;i<=NF;i++) if($i=="Ran") s+=$(i+1)} END{print s+0}' "$LOG")
# (grep finds nothing in a clean run: keep pipefail from ending the script there)
failed=$( (grep -oP ': \K[0-9]+(?= failures, )' "$LOG" || true) | awk '{s+=$1} END{print s+0}')
errored=$( (grep -oP ' failures, \K[0-9]+(?= errors)' "$LOG" || true) | awk '{s+=$1} END{print s+0}')
errors=$(grep -E ' (ERROR|CRITICAL) ' "$LOG" | grep -v 'Unmet dependencies' || true)
echo "[platform] $(( $(date +%s) - start )) s, $ran Odoo tests; log: var/log/platform.log"
bad=$(( failed + errored ))
if [ "$rc" -ne 0 ] || [ "$ran" -eq 0 ] || [ "$bad" -gt 0 ] || [ -n "$errors" ]; then
  echo "$errors" | head -30 >&2
  [ "$bad" -gt 0 ] || bad=1
  echo "platform: $(( ran > bad ? ran - bad : 0 )) passed, $bad failed"
  exit 1
fi
echo "platform: $ran passed, 0 failed"
