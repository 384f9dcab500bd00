#!/usr/bin/env bash
# setup_prod.sh [--serve]: the production install of deputat_crm beside the demo one, as root on
# Debian 12, idempotent. Everything of `make setup` but the demo database, then:
#   - the system user $PROD_USER (default deputat) that runs Odoo (never root);
#   - its PostgreSQL role and the database $PROD_DB (default deputat_prod) WITHOUT demo data;
#   - a generated administrator password and a first office head ($PROD_HEAD_LOGIN, default
#     head), both printed once (admin/admin never works);
#   - $PROD_DIR (default var/prod): odoo.conf 0640 root:$PROD_USER, admin_passwd (the master
#     password) 0600, the filestore and sessions in data/ owned by $PROD_USER (0750/0640),
#     proxy_mode on, listening on 127.0.0.1 only (nginx in front: etc/nginx-deputat.conf.sample).
# --serve: serve the production database as $PROD_USER (umask 027: new files 0640).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROD_USER="${PROD_USER:-deputat}"
PROD_DB="${PROD_DB:-deputat_prod}"
PROD_DIR="${PROD_DIR:-$ROOT/var/prod}"
PROD_HEAD_LOGIN="${PROD_HEAD_LOGIN:-head}"
PROD_HEAD_NAME="${PROD_HEAD_NAME:-Руководитель аппарата}"
PORT="${PORT:-8069}"
CONF="$PROD_DIR/odoo.conf"
PY="$ROOT/.venv/bin/python"
export ODOO_PRELOAD_ADDONS=no NODE_PATH="${NODE_PATH:-/usr/share/nodejs}" PATH="$ROOT/var/tools/bin:$PATH"
say() { printf '\033[1m[prod]\033[0m %s\n' "$*"; }
as_user() { runuser -u "$PROD_USER" -- env ODOO_RC="$CONF" ODOO_PRELOAD_ADDONS=no \
              NODE_PATH="$NODE_PATH" PATH="$PATH" "$@"; }
# The interpreter the system user runs: the venv's own when that user can execute it; else (a
# venv made from a Python under /root, e.g. pyenv) a small venv in $PROD_DIR made from the
# system's python3 of the same version that loads the project venv's packages.
PYRUN="$PY"
odoo_as_user() { as_user "$PYRUN" -c 'import odoo_py311, odoo, sys; sys.argv[0] = "odoo"; odoo.cli.main()' \
                   -c "$CONF" "$@"; }
prod_python() {
  if runuser -u "$PROD_USER" -- "$PY" -c 'import odoo' >/dev/null 2>&1; then PYRUN="$PY"; return; fi
  local version site
  version="$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
  site="$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
  [ -x "/usr/bin/python$version" ] || { echo "$PROD_USER cannot run $PY and there is no /usr/bin/python$version" >&2; exit 1; }
  if [ ! -x "$PROD_DIR/venv/bin/python" ]; then
    "/usr/bin/python$version" -m venv --without-pip "$PROD_DIR/venv"
  fi
  printf "import site; site.addsitedir('%s')\n" "$site" > \
    "$("$PROD_DIR/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/deputat_venv.pth"
  chmod -R go+rX "$PROD_DIR/venv"
  PYRUN="$PROD_DIR/venv/bin/python"
}
[ "$(id -u)" = 0 ] || { echo "run as root (it creates a system user)" >&2; exit 1; }

if [ "${1:-}" = "--serve" ]; then
  [ -f "$CONF" ] || { echo "no $CONF: run 'make setup-prod' first" >&2; exit 1; }
  say "serving $PROD_DB as $PROD_USER on 127.0.0.1:$PORT (put nginx with TLS in front)"
  prod_python
  umask 027
  exec runuser -u "$PROD_USER" -- env ODOO_PRELOAD_ADDONS=no NODE_PATH="$NODE_PATH" \
      PATH="$PATH" "$PYRUN" -c 'import odoo_py311, odoo, sys; sys.argv[0] = "odoo"; odoo.cli.main()' \
      -c "$CONF" --http-port="$PORT"
fi

# ---------------------------------------------------------------- 1. the common set-up
SKIP_DB=1 "$ROOT/scripts/setup.sh"

# ---------------------------------------------------------------- 2. system user and role
if ! id -u "$PROD_USER" >/dev/null 2>&1; then
  say "system user $PROD_USER"
  useradd --system --user-group --no-create-home --home-dir "$PROD_DIR" \
          --shell /usr/sbin/nologin "$PROD_USER"
fi
if ! su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='$PROD_USER'\"" | grep -q 1; then
  su postgres -c "createuser $PROD_USER" # no superuser, no createdb: peer authentication
fi

# ---------------------------------------------------------------- 3. folders, secrets, config
install -d -m 0750 -o root -g "$PROD_USER" "$PROD_DIR"
install -d -m 0750 -o "$PROD_USER" -g "$PROD_USER" "$PROD_DIR/data" "$PROD_DIR/log"
if [ ! -s "$PROD_DIR/admin_passwd" ]; then
  (umask 077; "$PY" -c 'import secrets; print(secrets.token_urlsafe(24))' > "$PROD_DIR/admin_passwd")
fi
chown root:root "$PROD_DIR/admin_passwd"; chmod 0600 "$PROD_DIR/admin_passwd"
ODOO_ADDONS="$("$PY" -c 'import os, odoo.addons.base as b; print(os.path.dirname(os.path.dirname(b.__file__)))')"
(umask 027
 sed -e "s#@ROOT@#$ROOT#g" -e "s#@ODOO_ADDONS@#$ODOO_ADDONS#" \
     -e "s#@ADMIN_PASSWD@#$(cat "$PROD_DIR/admin_passwd")#" -e "s#@DB_NAME@#$PROD_DB#g" \
     -e "s#^data_dir = .*#data_dir = $PROD_DIR/data#" \
     -e "s#^proxy_mode = .*#proxy_mode = True#" \
     -e "s#^without_demo = .*#without_demo = all#" \
     -e "s#^http_port = .*#http_port = $PORT#" \
     "$ROOT/etc/odoo.conf.template" > "$CONF.new"
 printf 'logfile = %s\n' "$PROD_DIR/log/odoo.log" >> "$CONF.new")
chown root:"$PROD_USER" "$CONF.new"; chmod 0640 "$CONF.new"; mv "$CONF.new" "$CONF"

# ---------------------------------------------------------------- 4. database without demo data
prod_python
if ! psql -lqt | cut -d'|' -f1 | grep -qw "$PROD_DB"; then
  say "creating database $PROD_DB (no demo data) owned by $PROD_USER (about a minute)"
  su postgres -c "createdb -O $PROD_USER $PROD_DB"
  odoo_as_user -d "$PROD_DB" -i deputat_crm --without-demo=all \
      --load-language=ru_RU --stop-after-init || { tail -40 "$PROD_DIR/log/odoo.log"; exit 1; }
  # the wheels' bridge addons stay 'to install' forever and block the cron runner
  psql -qtA "$PROD_DB" -c "UPDATE ir_module_module SET state='uninstalled' WHERE state IN ('to install','to upgrade')" >/dev/null
  ADMIN_PW="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(12))')"
  HEAD_PW="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(12))')"
  as_user env ADMIN_PW="$ADMIN_PW" HEAD_PW="$HEAD_PW" HEAD_LOGIN="$PROD_HEAD_LOGIN" \
      HEAD_NAME="$PROD_HEAD_NAME" "$PYRUN" - "$CONF" "$PROD_DB" <<'PY'
import os, sys
import odoo_py311  # noqa: F401  (the compatibility layer)
import odoo
odoo.tools.config.parse_config(['-c', sys.argv[1], '-d', sys.argv[2]])
with odoo.api.Environment.manage(), odoo.registry(sys.argv[2]).cursor() as cr:
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    # the robots (crons) run as the administrator: their tasks and lines in the office's language
    env.ref('base.user_root').write({'password': os.environ['ADMIN_PW'], 'lang': 'ru_RU',
                                     'tz': 'Europe/Moscow'})
    env['res.users'].with_context(no_reset_password=True).create({
        'name': os.environ['HEAD_NAME'], 'login': os.environ['HEAD_LOGIN'],
        'password': os.environ['HEAD_PW'], 'lang': 'ru_RU', 'tz': 'Europe/Moscow',
        'groups_id': [(6, 0, [env.ref('deputat_crm.group_office_head').id])]})
    env['ir.config_parameter'].set_param(
        'deputat_crm.office_head_user_id',
        str(env['res.users'].search([('login', '=', os.environ['HEAD_LOGIN'])]).id))
PY
  echo ""
  echo "  Production database '$PROD_DB' is ready. Write these down now: they are shown ONCE."
  echo "    administrator: login admin,            password $ADMIN_PW"
  echo "    office head:   login $PROD_HEAD_LOGIN, password $HEAD_PW"
  echo "  Serve it with 'make run-prod' (as $PROD_USER), behind nginx (etc/nginx-deputat.conf.sample)."
  echo ""
fi

# ---------------------------------------------------------------- 5. file modes
chown -R "$PROD_USER":"$PROD_USER" "$PROD_DIR/data" "$PROD_DIR/log"
find "$PROD_DIR/data" "$PROD_DIR/log" -type d -exec chmod 0750 {} +
find "$PROD_DIR/data" "$PROD_DIR/log" -type f -exec chmod 0640 {} +
say "ready: database '$PROD_DB', config $CONF"
