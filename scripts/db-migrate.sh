#!/usr/bin/env bash
# `npm run db:migrate [-- service...]`: the PostgreSQL migration step of ingestion, inference
# and review (each its own schema), as the owner role of DATABASE_MIGRATION_URL (else
# DATABASE_URL), from the sources. From a release: node dist/apps/<svc>/src/database/migrate.main.js.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
services=("$@")
[ ${#services[@]} -eq 0 ] && services=(ingestion inference review)
for svc in "${services[@]}"; do
  node "$ROOT/scripts/run-ts.cjs" "$ROOT/apps/$svc/src/database/migrate.main.ts"
done
