#!/usr/bin/env bash
# Creates the local demo's users through the users CLI (no migration creates users). A new
# random password per user, kept in .local/demo-users.txt (mode 600) so a second demo run
# reuses them; a user whose password is not in the file gets a new one. Local demo only.
# Usage: demo-users.sh [--print]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/loanmesh}"
FILE=.local/demo-users.txt
mkdir -p .local
umask 077
touch "$FILE"
users_cli() { node scripts/run-ts.cjs apps/review/src/users/users.cli.ts "$@"; }

if [ "${1:-}" = "--print" ]; then
  echo "Demo users (local demo only; passwords in $FILE):"
  while read -r user password; do printf '  %-9s %s\n' "$user" "$password"; done <"$FILE"
  exit 0
fi

DEMO_USERS=(
  "officer1:officer:Olivia Officer"
  "officer2:officer:Oscar Officer"
  "senior1:senior_officer:Sofia Senior"
  "senior2:senior_officer:Samuel Senior"
  "risk1:risk_manager:Rita Risk"
  "risk2:risk_manager:Ravi Risk"
  "auditor1:auditor:Ada Auditor"
  "admin1:admin:Alan Admin"
)
existing=$(users_cli list --json)
next_file=$(mktemp)
pids=()
for entry in "${DEMO_USERS[@]}"; do
  IFS=: read -r user role name <<<"$entry"
  known=$(awk -v u="$user" '$1 == u { print $2 }' "$FILE")
  if grep -q "\"username\":\"$user\"" <<<"$existing" && [ -n "$known" ]; then
    echo "$user $known" >>"$next_file"
    continue
  fi
  password=$(node -e 'process.stdout.write(require("crypto").randomBytes(12).toString("base64url"))')
  echo "$user $password" >>"$next_file"
  # One CLI process per user, in parallel: each is mostly start-up time.
  if grep -q "\"username\":\"$user\"" <<<"$existing"; then
    printf '%s' "$password" | users_cli reset-password "$user" --password-stdin --actor demo >/dev/null &
  else
    printf '%s' "$password" | users_cli add "$user" --role "$role" --display-name "$name" --password-stdin --actor demo >/dev/null &
  fi
  pids+=("$!")
done
for pid in "${pids[@]}"; do wait "$pid"; done
sort -k1,1 "$next_file" -o "$next_file"
mv "$next_file" "$FILE"
chmod 600 "$FILE"
echo "[demo-users] ${#DEMO_USERS[@]} demo users ready (npm run users -- list)"
