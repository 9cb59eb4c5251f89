#!/usr/bin/env bash
# `npm run fuzz`: installs what is missing, starts the fuzz's own Kafka and Neo4j (ports
# LOANMESH_FUZZ_KAFKA_PORT, default 29092, and LOANMESH_FUZZ_NEO4J_PORT, 27687; data in
# infra/.data-fuzz, reset every run), runs bench/fuzz against the four services as
# processes on a fresh PostgreSQL database, and stops everything it started, also on failure.
# Knobs: FUZZ_RECORDS (20000), FUZZ_SEED, FUZZ_DOWNSTREAM_RECORDS (300), FUZZ_HTTP_PORT (45101).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export ONNXRUNTIME_NODE_INSTALL=skip KAFKAJS_NO_PARTITIONER_WARNING=1 LOANMESH_SKIP_CHROMIUM="${LOANMESH_SKIP_CHROMIUM:-1}"
export LOANMESH_TEST_KAFKA_PORT="${LOANMESH_FUZZ_KAFKA_PORT:-29092}"
export LOANMESH_TEST_NEO4J_PORT="${LOANMESH_FUZZ_NEO4J_PORT:-27687}"
export LOANMESH_TEST_INFRA_DATA="${LOANMESH_FUZZ_INFRA_DATA:-$ROOT/infra/.data-fuzz}"

bash scripts/ensure-deps.sh || { echo "[fuzz] dependency installation failed" >&2; exit 1; }
bash scripts/test-infra.sh reset >/dev/null
trap 'bash scripts/test-infra.sh down >/dev/null 2>&1' EXIT
bash scripts/test-infra.sh up || { echo "[fuzz] Kafka/Neo4j did not start" >&2; exit 1; }
mkdir -p test-results
node scripts/run-ts.cjs bench/fuzz/fuzz.main.ts
