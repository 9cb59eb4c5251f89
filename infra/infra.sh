#!/usr/bin/env bash
# Local infrastructure without Docker: Kafka (KRaft, single node) and embedded Neo4j
# run as JVM processes from jars that Maven resolves once and caches; PostgreSQL is the
# one already listening on the machine. Usage: infra.sh up|down|status|fetch
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INFRA="$ROOT/infra"
CACHE="$INFRA/.cache"
DATA="${LOANMESH_INFRA_DATA:-$INFRA/.data}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
NEO4J_BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
KAFKA_HEAP="${KAFKA_HEAP:-1g}"
NEO4J_HEAP="${NEO4J_HEAP:-2g}"
NEO4J_PAGECACHE_MIB="${NEO4J_PAGECACHE_MIB:-1024}"
PG_HOST="${PGHOST:-127.0.0.1}"
PG_PORT="${PGPORT:-5432}"

say() { printf '[infra] %s\n' "$*"; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }

need_java() { command -v java >/dev/null 2>&1 || die "java not found: install a Java 17+ JDK (e.g. apt-get install openjdk-17-jdk-headless)"; }

pom_hash() { sha256sum "$INFRA/pom.xml" | cut -c1-16; }

fetch_one() { # $1 = kafka|neo4j
  local name="$1" marker="$CACHE/$1/.pom-$(pom_hash)"
  [ -f "$marker" ] && return 0
  command -v mvn >/dev/null 2>&1 || die "mvn not found and $name jars are not cached: install Maven (apt-get install maven)"
  mkdir -p "$CACHE"
  # Two commands on one clone (npm test beside npm run demo) may fetch at once: one fetches,
  # the other waits for it, and the jars appear in place only when complete.
  (
    flock 9
    [ -f "$marker" ] && exit 0
    say "fetching $name jars from Maven Central (once; cached in infra/.cache/$name)"
    local staging="$CACHE/.$name.partial"
    rm -rf "$staging"; mkdir -p "$staging/lib"
    if ! mvn -q -B -f "$INFRA/pom.xml" -P"$name" dependency:copy-dependencies -DoutputDirectory="$staging/lib" >"$CACHE/$name.mvn.log" 2>&1; then
      die "maven could not resolve the $name jars: see infra/.cache/$name.mvn.log"
    fi
    touch "$staging/.pom-$(pom_hash)"
    rm -rf "$CACHE/$name"; mv "$staging" "$CACHE/$name"
  ) 9>"$CACHE/.fetch-$name.lock"
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

port_owner() { ss -ltnpH "sport = :$1" 2>/dev/null | grep -oE 'pid=[0-9]+' | head -1 | cut -d= -f2; }

check_port_free() { # $1 port $2 what
  if ss -ltnH "sport = :$1" 2>/dev/null | grep -q .; then
    die "port $1 needed by $2 is taken by another process (pid $(port_owner "$1")): stop it or set the port variable (see docs/operations.md)"
  fi
}

clear_stale() { # $1 pidfile $2 name
  if [ -f "$1" ] && ! pid_alive "$1"; then
    say "$2: removing stale pid file (process $(cat "$1") is gone)"
    rm -f "$1"
  fi
}

kafka_up() {
  local dir="$DATA/kafka" pidf="$DATA/kafka.pid"
  clear_stale "$pidf" kafka
  if pid_alive "$pidf"; then say "kafka already running (pid $(cat "$pidf"))"; return 0; fi
  check_port_free "$KAFKA_PORT" kafka; check_port_free "$KAFKA_CONTROLLER_PORT" "kafka controller"
  mkdir -p "$dir/logs" "$dir/data"
  cat >"$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=6
offsets.topic.replication.factor=1
offsets.topic.num.partitions=12
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
message.max.bytes=2097152
log.retention.hours=720
PROPS
  local cp="$CACHE/kafka/lib/*"
  if [ ! -f "$dir/data/meta.properties" ]; then
    local cid; cid=$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    java -cp "$cp" -Dlog4j2.configurationFile="$INFRA/kafka/log4j2.properties" -Dkafka.logs.dir="$dir/logs" \
      kafka.tools.StorageTool format -t "$cid" -c "$dir/server.properties" >"$dir/logs/format.log" 2>&1 \
      || die "kafka storage format failed: see $dir/logs/format.log"
  fi
  nohup java -Xms256m -Xmx"$KAFKA_HEAP" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$INFRA/kafka/log4j2.properties" -Dkafka.logs.dir="$dir/logs" \
    -cp "$cp" kafka.Kafka "$dir/server.properties" >"$dir/logs/stdout.log" 2>&1 &
  echo $! >"$pidf"
  say "kafka starting (pid $!, 127.0.0.1:$KAFKA_PORT, logs $dir/logs)"
}

neo4j_up() {
  local dir="$DATA/neo4j" pidf="$DATA/neo4j.pid"
  clear_stale "$pidf" neo4j
  if pid_alive "$pidf"; then say "neo4j already running (pid $(cat "$pidf"))"; return 0; fi
  check_port_free "$NEO4J_BOLT_PORT" "neo4j bolt"
  mkdir -p "$dir/home" "$dir/logs"
  nohup java -Xms512m -Xmx"$NEO4J_HEAP" -XX:+UseG1GC -Djava.awt.headless=true \
    -cp "$CACHE/neo4j/lib/*" "$INFRA/neo4j/Neo4jLauncher.java" "$dir/home" "$NEO4J_BOLT_PORT" "$NEO4J_PAGECACHE_MIB" \
    >"$dir/logs/stdout.log" 2>&1 &
  echo $! >"$pidf"
  say "neo4j starting (pid $!, bolt://127.0.0.1:$NEO4J_BOLT_PORT, logs $dir/logs)"
}

postgres_check() {
  if [ -n "${DATABASE_URL:-}" ]; then say "postgres: using DATABASE_URL"; return 0; fi
  if ! (exec 3<>"/dev/tcp/$PG_HOST/$PG_PORT") 2>/dev/null; then
    die "no PostgreSQL on $PG_HOST:$PG_PORT: start one, or set DATABASE_URL=postgres://user:pass@host:port/db"
  fi
  if command -v psql >/dev/null 2>&1; then
    for db in loanmesh loanmesh_test; do
      psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -tAc "select 1 from pg_database where datname='$db'" 2>/dev/null | grep -q 1 \
        || psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -qc "create database $db" >/dev/null 2>&1 \
        || die "could not create database $db on $PG_HOST:$PG_PORT as user postgres"
    done
  fi
  say "postgres ready on $PG_HOST:$PG_PORT (databases loanmesh, loanmesh_test)"
}

wait_ready() {
  [ -d "$ROOT/node_modules/kafkajs" ] || die "node_modules missing: run npm ci first (npm test and npm run demo do it for you)"
  node "$INFRA/wait-ready.cjs" || die "infrastructure did not become ready: see infra/.data/*/logs"
}

stop_one() { # $1 pidfile $2 name
  local pidf="$1" name="$2"
  if ! pid_alive "$pidf"; then rm -f "$pidf"; say "$name not running"; return 0; fi
  local pid; pid=$(cat "$pidf")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then say "$name did not stop in 30 s: killing"; kill -9 "$pid" 2>/dev/null || true; fi
  rm -f "$pidf"; say "$name stopped"
}

status_one() { # $1 pidfile $2 name $3 port
  if pid_alive "$1"; then say "$2: running (pid $(cat "$1"), port $3)"; else say "$2: stopped"; fi
}

cmd="${1:-status}"
mkdir -p "$DATA"
case "$cmd" in
  fetch) need_java; fetch_one kafka; fetch_one neo4j ;;
  up)
    need_java; fetch_one kafka; fetch_one neo4j
    postgres_check; kafka_up; neo4j_up; wait_ready ;;
  down) stop_one "$DATA/neo4j.pid" neo4j; stop_one "$DATA/kafka.pid" kafka ;;
  restart-kafka) stop_one "$DATA/kafka.pid" kafka; kafka_up; wait_ready ;;
  stop-neo4j) stop_one "$DATA/neo4j.pid" neo4j ;;
  start-neo4j) neo4j_up; wait_ready ;;
  status) status_one "$DATA/kafka.pid" kafka "$KAFKA_PORT"; status_one "$DATA/neo4j.pid" neo4j "$NEO4J_BOLT_PORT"
          if (exec 3<>"/dev/tcp/$PG_HOST/$PG_PORT") 2>/dev/null; then say "postgres: listening on $PG_HOST:$PG_PORT"; else say "postgres: not reachable on $PG_HOST:$PG_PORT"; fi ;;
  reset) stop_one "$DATA/neo4j.pid" neo4j; stop_one "$DATA/kafka.pid" kafka; rm -rf "$DATA"; say "data removed" ;;
  *) die "unknown command '$cmd' (use up, down, status, fetch, reset)" ;;
esac
