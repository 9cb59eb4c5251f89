#!/usr/bin/env bash
# Usage: scripts/release.sh DIR — lays out a runnable release in DIR from the compiled build
# (run `npm run build` first): dist/, the models, the package files and production
# dependencies only (`npm ci --omit=dev`, no TypeScript toolchain). The Dockerfile builds its
# image from this folder and test/deployment/compiled-build.e2e-spec.ts boots services from
# it, so the image's steps are the tested ones. Services start with
# `node dist/apps/<app>/src/main.js` from DIR.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${1:?usage: release.sh DIR}"
[ -f "$ROOT/dist/apps/review/src/main.js" ] || { echo "release.sh: no build in $ROOT/dist (run npm run build)" >&2; exit 1; }
mkdir -p "$DIR"
cp -a "$ROOT/dist" "$DIR/dist"
cp -a "$ROOT/models" "$DIR/models"
cp "$ROOT/package.json" "$ROOT/package-lock.json" "$ROOT/.npmrc" "$DIR/"
cd "$DIR"
# --omit=optional --omit=peer: typeorm names ts-node as an optional peer, which npm would
# otherwise install (with typescript and swc). --prefer-offline: the packages are in npm's
# cache after the development install.
ONNXRUNTIME_NODE_INSTALL=skip npm ci --omit=dev --omit=optional --omit=peer --prefer-offline --no-audit --no-fund --loglevel=error
echo "[release] $DIR ready ($(du -sh node_modules | cut -f1) of production dependencies)"
