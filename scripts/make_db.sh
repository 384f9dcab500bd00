#!/usr/bin/env bash
# make_db.sh DB [--fresh]: a database with deputat_crm, Russian and demo data. Reuses an existing
# one (upgrading the addon when its files changed); --fresh drops it first (for tests).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB="$1"; FRESH="${2:-}"
STAMP_FILE="$ROOT/var/db-$DB.stamp"
addon_stamp() { (cd "$ROOT" && find deputat_crm -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-12); }
say() { printf '\033[1m[db]\033[0m %s\n' "$*"; }
if [ "$FRESH" = "--fresh" ]; then dropdb --if-exists "$DB"; rm -f "$STAMP_FILE"; fi
# A demo/test database of an older release (another 11.0.<major> of the addon, whose data this
# release restructured) is made anew rather than upgraded: its content is demo data only.
# Production databases are made and kept by scripts/setup_prod.sh, never by this script.
release() { sed -n "s/^ *'version': '\(11\.0\.[0-9]*\)\..*/\1/p" "$ROOT/deputat_crm/__manifest__.py"; }
if psql -lqt | cut -d'|' -f1 | grep -qw "$DB"; then
  installed="$(psql -qtA "$DB" -c "SELECT latest_version FROM ir_module_module WHERE name = 'deputat_crm'" 2>/dev/null || true)"
  if [ -n "$installed" ] && [ "${installed%.*.*}" != "$(release)" ]; then
    say "$DB holds deputat_crm $installed of an older release: making it anew with $(release)"
    dropdb "$DB"; rm -f "$STAMP_FILE"
  fi
fi
LOG="$ROOT/var/log"; mkdir -p "$LOG"; rm -f "$LOG"/*-"$DB".log
if ! psql -lqt | cut -d'|' -f1 | grep -qw "$DB"; then
  say "creating database $DB with deputat_crm, ru_RU and demo data (about a minute)"
  createdb "$DB"
  "$ROOT/bin/odoo" -d "$DB" -i deputat_crm --load-language=ru_RU,en_US --stop-after-init \
      --logfile="$LOG/install-$DB.log" || { tail -40 "$LOG/install-$DB.log"; dropdb "$DB"; exit 1; }
elif [ "$(cat "$STAMP_FILE" 2>/dev/null)" != "$(addon_stamp)" ]; then
  say "deputat_crm changed: upgrading it in $DB"
  "$ROOT/bin/odoo" -d "$DB" -u deputat_crm --stop-after-init \
      --logfile="$LOG/upgrade-$DB.log" || { tail -40 "$LOG/upgrade-$DB.log"; exit 1; }
else
  exit 0
fi
# Odoo logs data errors and goes on: any ERROR other than the wheels' unmet bridge addons fails.
errors="$(grep -h ' ERROR \| CRITICAL ' "$LOG"/*-"$DB".log | grep -v 'Unmet dependencies' || true)"
if [ -n "$errors" ]; then
  echo "$errors" | head -40 >&2; rm -f "$STAMP_FILE"; exit 1
fi
# The wheels carry bridge addons (website_crm, ...) whose dependencies are absent. Odoo marks the
# auto-installable ones 'to install' and they can never install; while any module is in that state
# the cron runner skips the whole database. Put them back to 'uninstalled'.
psql -qtA "$DB" -c "UPDATE ir_module_module SET state='uninstalled' WHERE state IN ('to install','to upgrade')" >/dev/null
addon_stamp > "$STAMP_FILE"
