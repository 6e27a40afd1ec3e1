#!/usr/bin/env bash
# Prints the directory of the PostgreSQL server binaries (initdb, pg_ctl): the one pg_config
# names, else the newest /usr/lib/postgresql/<major>/bin (Debian's layout; any major version).
# SUIXIN_PG_LIB_ROOT replaces /usr/lib/postgresql (tests).
set -euo pipefail
if command -v pg_config >/dev/null 2>&1; then
  dir=$(pg_config --bindir 2>/dev/null || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; exit 0; fi
fi
root=${SUIXIN_PG_LIB_ROOT:-/usr/lib/postgresql}
newest=""
for dir in "$root"/*/bin; do
  [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] || continue
  newest=$(printf '%s\n%s\n' "$newest" "$dir" | sed '/^$/d' | sort -V | tail -n1)
done
[ -n "$newest" ] || { echo "PostgreSQL server binaries not found (no pg_config, nothing under $root): run \`npm run setup\`" >&2; exit 1; }
echo "$newest"
