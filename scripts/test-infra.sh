#!/usr/bin/env bash
# The tests' own Kafka and Neo4j: the same jars as `npm run infra:up`, on other ports and
# with their own data directory, so `npm test` never shares topics, consumer groups or the
# graph with a locally running stack (the demo's). Usage: test-infra.sh up|down|reset|status
# Ports: LOANMESH_TEST_KAFKA_PORT (19092; the controller takes the next port) and
# LOANMESH_TEST_NEO4J_PORT (17687); the tests read the same variables (libs/testing). The
# SASL_SSL listener is always at the Kafka port + 2; `up` provisions the topics and ACLs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KAFKA_PORT="${LOANMESH_TEST_KAFKA_PORT:-19092}"
export KAFKA_PORT KAFKA_CONTROLLER_PORT="$((KAFKA_PORT + 1))"
export NEO4J_BOLT_PORT="${LOANMESH_TEST_NEO4J_PORT:-17687}"
export KAFKA_SASL_SSL_PORT="$((KAFKA_PORT + 2))"
export LOANMESH_INFRA_DATA="${LOANMESH_TEST_INFRA_DATA:-$ROOT/infra/.data-test}"
# Test data is disposable: a data dir of an older format is re-formatted instead of refused.
export LOANMESH_INFRA_AUTO_RESET=1
export KAFKA_HEAP="${KAFKA_HEAP:-768m}" NEO4J_HEAP="${NEO4J_HEAP:-1g}" NEO4J_PAGECACHE_MIB="${NEO4J_PAGECACHE_MIB:-256}"
exec bash "$ROOT/infra/infra.sh" "$@"
