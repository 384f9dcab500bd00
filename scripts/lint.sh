#!/usr/bin/env bash
# lint.sh [paths...]: pylint with pylint-odoo and OCA's mandatory rule set (.pylintrc) over the
# addon (default: deputat_crm), what `make lint` and CI run. Prints every message and exits 1 if
# there is any, including a `# pylint: disable=` without a reason in a comment on the same line.
# The tools live in their own venv, var/lint-venv (the Odoo venv's pins are too old for them),
# installed from requirements-lint.txt on the first run and again only when that file changes.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/var/lint-venv"
REQ="$ROOT/requirements-lint.txt"

stamp="$(sha1sum "$REQ" | cut -c1-12)"
if [ "$(cat "$VENV/.lint-stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "[lint] venv var/lint-venv with $(grep -m1 '^pylint-odoo==' "$REQ") (first run only)"
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  log="$VENV/pip.log"
  if ! "$VENV/bin/pip" install -q -r "$REQ" >"$log" 2>&1; then
    grep -v 'is ignored' "$log" >&2 || true
    echo "[lint] installing requirements-lint.txt failed" >&2
    exit 1
  fi
  echo "$stamp" > "$VENV/.lint-stamp"
fi

# paths are taken from the current folder; without any, the addon of the project
if [ "$#" -eq 0 ]; then cd "$ROOT"; set -- deputat_crm; fi
fmt=text
[ -t 1 ] && fmt=colorized
start=$(date +%s)

# 1. pylint + pylint-odoo. Its exit status is a bit mask that leaves out some kinds of message,
#    so the messages are counted from its output.
rc=0
out="$("$VENV/bin/pylint" --rcfile="$ROOT/.pylintrc" --output-format="$fmt" "$@" 2>&1)" || rc=$?
[ -z "$out" ] || printf '%s\n' "$out"
found=$(printf '%s\n' "$out" | sed 's/\x1b\[[0-9;]*m//g' | grep -cE '^[^ :]+:[0-9]+: \[' || true)

# 2. every `pylint: disable` states its reason in a comment on the same line
unjustified="$("$VENV/bin/python" - "$@" <<'PY'
import io, pathlib, re, sys, tokenize
PRAGMA = re.compile(r'pylint:\s*disable(?:-next)?\s*=\s*[\w-]+(?:\s*,\s*[\w-]+)*')
paths = []
for arg in sys.argv[1:]:
    p = pathlib.Path(arg)
    paths += sorted(p.rglob('*.py')) if p.is_dir() else [p] if p.suffix == '.py' else []
for path in paths:
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(path.read_text(encoding='utf-8')).readline))
    except (SyntaxError, tokenize.TokenError):
        continue  # pylint reports it
    for tok in tokens:
        if tok.type == tokenize.COMMENT and PRAGMA.search(tok.string):
            if not re.search(r'\w', PRAGMA.sub('', tok.string)):
                print('%s:%d: [unjustified-disable] a pylint disable needs its reason in a '
                      'comment on the same line: %s' % (path, tok.start[0], tok.string.strip()))
PY
)"
[ -z "$unjustified" ] || printf '%s\n' "$unjustified"
found=$(( found + $(printf '%s' "$unjustified" | grep -c . || true) ))

echo "[lint] pylint-odoo over $*: $found message(s) in $(( $(date +%s) - start )) s"
# rc: 1 fatal, 2 error, 32 usage error (e.g. a bad option in .pylintrc)
if [ "$found" -gt 0 ] || [ $(( rc & 35 )) -ne 0 ]; then
  exit 1
fi
