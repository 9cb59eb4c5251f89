#!/usr/bin/env bash
# Installs what a fresh clone on a fresh machine is missing: npm packages (from the lock
# file), Chromium for the browser tests, and the Kafka/Neo4j jars (via infra.sh fetch).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export ONNXRUNTIME_NODE_INSTALL=skip

stamp="node_modules/.loanmesh-lock-$(sha256sum package-lock.json | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "[deps] installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi

if [ ! -x /usr/bin/chromium ] && [ "${LOANMESH_SKIP_CHROMIUM:-}" != "1" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "[deps] installing Debian chromium for the browser tests"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "[deps] WARNING: chromium could not be installed; browser tests will fail"
  else
    echo "[deps] WARNING: /usr/bin/chromium missing; install Debian's chromium for the browser tests"
  fi
fi

bash infra/infra.sh fetch
