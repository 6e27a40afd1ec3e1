#!/usr/bin/env bash
# Writes a new migration: the SQL that takes the schema as of the last committed migration to
# prisma/schema.prisma as it is now. `prisma migrate dev` needs a native engine we cannot download,
# and with the JS engine Prisma diffs through a live adapter connection, so this runs against a
# throwaway Postgres cluster (temp dir, own port, deleted afterwards), which also proves that all
# migrations apply. It never touches DATABASE_URL or any other database.
# Usage: scripts/db/make-migration.sh <name>
set -euo pipefail
name=${1:?usage: make-migration.sh <name>}
cd "$(dirname "$0")/../.."
pg_bin=$(bash scripts/db/pg-bin.sh)
port=${SUIXIN_SCRATCH_PG_PORT:-54398}
scratch=$(mktemp -d /tmp/suixin-migrate.XXXXXX)
chown postgres "$scratch"
cleanup() {
  runuser -u postgres -- "$pg_bin"/pg_ctl -D "$scratch/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT
runuser -u postgres -- "$pg_bin"/initdb -D "$scratch/pg" --auth=trust -U postgres >/dev/null
runuser -u postgres -- "$pg_bin"/pg_ctl -D "$scratch/pg" -w -l "$scratch/pg.log" \
  -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$scratch" start >/dev/null
export DATABASE_URL="postgresql://postgres@127.0.0.1:$port/postgres"
if [ -d prisma/migrations ]; then npx prisma migrate deploy >/dev/null; fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
from=(--from-empty)
last=$(git log -1 --format=%H -- prisma/migrations 2>/dev/null || true)
if [ -n "$last" ]; then
  git show "$last:prisma/schema.prisma" > "$scratch/previous.prisma"
  from=(--from-schema-datamodel "$scratch/previous.prisma")
fi
npx prisma migrate diff "${from[@]}" --to-schema-datamodel prisma/schema.prisma --script -o "$dir/migration.sql"
[ -f prisma/migrations/migration_lock.toml ] || printf 'provider = "postgresql"\n' > prisma/migrations/migration_lock.toml
echo "wrote $dir/migration.sql"
