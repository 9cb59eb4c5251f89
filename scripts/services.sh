#!/usr/bin/env bash
# Starts/stops the four LoanMesh services as background Node processes against the local
# infrastructure. Logs: .local/logs/<service>.log; pids: .local/pids. Usage: services.sh up|down|status
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LOGS="$ROOT/.local/logs"; PIDS="$ROOT/.local/pids"
mkdir -p "$LOGS" "$PIDS"
export KAFKAJS_NO_PARTITIONER_WARNING=1
# Local PostgreSQL (trust auth): the services connect as loanmesh_app, which cannot rewrite the
# ledgers, and migrate at boot as loanmesh_owner; `npm run db:roles` creates both (idempotent).
# A DATABASE_URL set by the caller is used as it is (with DATABASE_MIGRATION_URL if set too).
LOCAL_ROLES=0
if [ -z "${DATABASE_URL:-}" ]; then
  LOCAL_ROLES=1
  DATABASE_URL=postgres://loanmesh_app@127.0.0.1:5432/loanmesh
  DATABASE_MIGRATION_URL=postgres://loanmesh_owner@127.0.0.1:5432/loanmesh
fi
COMMON=(KAFKA_BROKERS=127.0.0.1:9092 NEO4J_URL=bolt://127.0.0.1:7687 DATABASE_URL="$DATABASE_URL" PII_HASH_KEY="${PII_HASH_KEY:-local-development-key-change-me}" LOG_LEVEL="${LOG_LEVEL:-info}")
if [ -n "${DATABASE_MIGRATION_URL:-}" ]; then COMMON+=(DATABASE_MIGRATION_URL="$DATABASE_MIGRATION_URL"); fi
SERVICES=(ingestion:3001 graph:3002 inference:3003 review:3004)
# Heap caps keep each service near its memory budget; the graph holds the in-memory subgraph.
declare -A HEAP=([ingestion]=192 [graph]=1024 [inference]=192 [review]=192)

start_one() {
  local name="${1%%:*}" port="${1##*:}"
  if [ -f "$PIDS/$name.pid" ] && kill -0 "$(cat "$PIDS/$name.pid")" 2>/dev/null; then echo "[services] $name already running"; return; fi
  env "${COMMON[@]}" SERVICE_NAME="$name" HTTP_PORT="$port" KAFKA_CLIENT_ID="$name" KAFKA_GROUP_ID="$name" \
    nohup node --max-old-space-size="${HEAP[$name]}" scripts/run-ts.cjs "apps/$name/src/main.ts" >>"$LOGS/$name.log" 2>&1 &
  echo $! >"$PIDS/$name.pid"
  echo "[services] $name starting (pid $!, http://127.0.0.1:$port, log .local/logs/$name.log)"
}

wait_ready() {
  local name="${1%%:*}" port="${1##*:}"
  for _ in $(seq 1 180); do
    if curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then echo "[services] $name ready"; return 0; fi
    if ! kill -0 "$(cat "$PIDS/$name.pid")" 2>/dev/null; then echo "[services] ERROR: $name exited: see .local/logs/$name.log" >&2; tail -5 "$LOGS/$name.log" >&2; return 1; fi
    sleep 1
  done
  echo "[services] ERROR: $name not ready after 180 s: see .local/logs/$name.log" >&2; return 1
}

stop_one() {
  local name="${1%%:*}" f="$PIDS/${1%%:*}.pid"
  [ -f "$f" ] || return 0
  local pid; pid=$(cat "$f")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$f"; echo "[services] $name stopped"
}

case "${1:-status}" in
  up) if [ "$LOCAL_ROLES" = 1 ]; then node scripts/run-ts.cjs libs/database/src/cli/database-roles.cli.ts --admin-url postgres://postgres@127.0.0.1:5432/loanmesh; fi
      # The services only check their topics at boot: provisioning makes them (idempotent; the
      # ACLs come from `infra.sh up`, whose broker has an authorizer).
      KAFKA_BROKERS=127.0.0.1:9092 node scripts/run-ts.cjs libs/kafka/src/provisioning/cli/kafka-provision.cli.ts
      for s in "${SERVICES[@]}"; do start_one "$s"; done; for s in "${SERVICES[@]}"; do wait_ready "$s"; done ;;
  down) for s in "${SERVICES[@]}"; do stop_one "$s"; done ;;
  status) for s in "${SERVICES[@]}"; do n="${s%%:*}"; p="${s##*:}"
            if curl -sf "http://127.0.0.1:$p/health/ready" >/dev/null 2>&1; then echo "$n: ready (:$p)"; else echo "$n: not ready"; fi; done ;;
  *) echo "usage: services.sh up|down|status" >&2; exit 2 ;;
esac
