#!/usr/bin/env bash
# Builds the console (apps/console, React + Vite) into apps/console/dist, where review serves
# it from. Without --force it builds only when there is no build or a source is newer than it,
# so `npm test` and `npm run demo` work from a fresh clone without rebuilding every time.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT=apps/console/dist/index.html
if [ "${1:-}" != "--force" ] && [ -f "$OUT" ] \
  && [ -z "$(find apps/console/src apps/console/index.html apps/console/vite.config.mjs -newer "$OUT" -print -quit)" ]; then
  exit 0
fi
npx vite build --config apps/console/vite.config.mjs --logLevel warn
echo "[console] built into apps/console/dist"
