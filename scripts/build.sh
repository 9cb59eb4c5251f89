#!/usr/bin/env bash
# `npm run build`: compiles every app and lib to JavaScript in dist/, so services start with
# `node dist/apps/<app>/src/main.js` and production dependencies only (no TypeScript
# toolchain at run time). The @loanmesh/* aliases resolve through dist/node_modules/@loanmesh,
# symlinks to the compiled libs (Node finds them walking up from any file in dist/); the
# files read at run time beside the code (the console's build, graph migrations) are copied
# to where the compiled code looks for them.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
rm -rf dist
npx tsc -p tsconfig.build.json
mkdir -p dist/node_modules/@loanmesh
for lib in libs/*/; do
  name="$(basename "$lib")"
  [ "$name" = testing ] && continue
  ln -s "../../libs/$name/src" "dist/node_modules/@loanmesh/$name"
done
bash scripts/console-build.sh --force
mkdir -p dist/apps/console && cp -r apps/console/dist dist/apps/console/dist
mkdir -p dist/graph && cp -r graph/migrations dist/graph/migrations
echo "[build] dist/ ready: node dist/apps/<ingestion|graph|inference|review>/src/main.js"
