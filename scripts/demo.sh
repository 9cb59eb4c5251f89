#!/usr/bin/env bash
# `npm run demo`: infrastructure up, the four services up, the 120k-entity world published
# as core-banking events and processed, a live stream of applications decided end to end,
# a summary printed, and the console URL with demo users.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export ONNXRUNTIME_NODE_INSTALL=skip KAFKAJS_NO_PARTITIONER_WARNING=1
SEED="${DEMO_SEED:-42}"; SCALE="${DEMO_SCALE:-1}"; RATE="${DEMO_RATE:-20}"; COUNT="${DEMO_COUNT:-300}"
run_ts() { node scripts/run-ts.cjs "$@"; }

echo "== 1/5 dependencies and infrastructure"
LOANMESH_SKIP_CHROMIUM=1 bash scripts/ensure-deps.sh
bash scripts/console-build.sh
bash infra/infra.sh up

echo "== 2/5 services"
bash scripts/services.sh up
# No migration creates users: the demo creates its own through the users CLI (local demo only).
bash scripts/demo/demo-users.sh

echo "== 3/5 the world: seed $SEED, scale $SCALE, published as core-banking events"
credential=$(node scripts/run-ts.cjs libs/service-auth/src/cli/service-token.cli.ts --issuer tools --audience ingestion)
stored=$(curl -sf -H "x-service-credential: $credential" http://127.0.0.1:3001/ingestion/stats | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).stored??0))' || echo 0)
if [ -f .local/demo-backlog.json ] && [ "$stored" -ge "$(node -e 'console.log(require("./.local/demo-backlog.json").backlog.records)')" ]; then
  echo "[demo] the world is already loaded ($stored events stored): not publishing it again"
else
  run_ts apps/feed/src/main.ts --seed "$SEED" --scale "$SCALE" --count 0 --summary .local/demo-backlog.json
fi
run_ts scripts/demo/wait-drained.ts 900

# The run number gives this run its own application ids: the summary accounts for exactly them.
run=$(date +%s)
echo "== 4/5 live applications: $COUNT at $RATE/s (live run $run: GET /applications/accounting?run=$run)"
since=$(($(date +%s%3N) - 1000))
run_ts apps/feed/src/main.ts --seed "$SEED" --scale "$SCALE" --no-backlog --rate "$RATE" --count "$COUNT" --live-run "$run" --summary .local/demo-live.json
summary_status=0
run_ts scripts/demo/demo-summary.ts "$run" "$since" "$COUNT" 600 || summary_status=$?

echo
echo "== 5/5 the console"
echo "Console: http://127.0.0.1:3004/console/"
bash scripts/demo/demo-users.sh --print
echo "  (see docs/console.md; production has no such users: npm run users -- add)"
echo "Services keep running; stop with: npm run services:down && npm run infra:down"
if [ "$summary_status" -ne 0 ]; then
  echo "[demo] live run $run did not balance (see the accounting above and docs/operations.md)" >&2
  exit "$summary_status"
fi
