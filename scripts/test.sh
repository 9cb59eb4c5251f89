#!/usr/bin/env bash
# `npm test`: install what is missing, start the local infrastructure, then run every
# check and test tier. Ends with one line `N passed, N failed`; exits non-zero on any failure.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export ONNXRUNTIME_NODE_INSTALL=skip KAFKAJS_NO_PARTITIONER_WARNING=1
RESULTS="$ROOT/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"

bash scripts/ensure-deps.sh || { echo "dependency installation failed"; echo "0 passed, 1 failed"; exit 1; }
# The browser tests need the console's build (a fresh clone has none).
bash scripts/console-build.sh || { echo "console build failed"; echo "0 passed, 1 failed"; exit 1; }
# The tests' own Kafka and Neo4j (other ports, own data; see scripts/test-infra.sh), started
# from empty every run so a run never sees an earlier run's topics or graph, and stopped at
# the end; a local stack (`npm run demo`) keeps running untouched beside it.
bash scripts/test-infra.sh reset >/dev/null
trap 'bash scripts/test-infra.sh down >/dev/null 2>&1' EXIT
bash scripts/test-infra.sh up || { echo "test infrastructure did not start"; echo "0 passed, 1 failed"; exit 1; }

check() { # name, command...: a static check counted as one test
  local name="$1"; shift
  echo "== $name"
  if "$@" >"$RESULTS/$name.log" 2>&1; then echo "ok" >"$RESULTS/$name.check"; echo "   passed"
  else echo "failed" >"$RESULTS/$name.check"; tail -40 "$RESULTS/$name.log"; echo "   FAILED (log: test-results/$name.log)"; fi
}

check typecheck npm run --silent typecheck
check lint npx eslint . --max-warnings 0
check format npx prettier --check .

echo "== unit tests"
npx jest --selectProjects unit --maxWorkers=2 --forceExit --json --outputFile="$RESULTS/unit.json" 2>&1 | tail -n 60
echo "== integration tests (real Kafka, Neo4j, PostgreSQL)"
npx jest --selectProjects integration --runInBand --forceExit --json --outputFile="$RESULTS/integration.json" 2>&1 | tail -n 60
echo "== security tests (real Kafka, Neo4j, PostgreSQL)"
npx jest --selectProjects security --runInBand --forceExit --json --outputFile="$RESULTS/security.json" 2>&1 | tail -n 60
echo "== end-to-end tests"
npx jest --selectProjects e2e --runInBand --forceExit --passWithNoTests --json --outputFile="$RESULTS/e2e.json" 2>&1 | tail -n 60

node scripts/test-summary.cjs "$RESULTS"
