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
# The authenticated listener (SASL_SSL, SCRAM-SHA-512 over TLS); the PLAINTEXT one stays for
# local tools and tests and is a super user (ANONYMOUS): see docs/security.md "Kafka transport".
KAFKA_SASL_SSL_PORT="${KAFKA_SASL_SSL_PORT:-$((KAFKA_PORT + 2))}"
# One SCRAM user per service (least-privilege ACLs from `npm run kafka:provision`) plus the
# provisioning admin; local passwords are `local-dev-kafka-<user>`, public, refused in production.
KAFKA_SCRAM_USERS=(admin ingestion graph inference review feed)
# Bumped when the data directory's layout changes (v2: SCRAM users, TLS material, ACL authorizer).
KAFKA_DATA_FORMAT=v2
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

# A self-signed CA and a broker certificate for 127.0.0.1/localhost, made once per data dir.
# Clients trust security/ca.pem (KAFKA_SSL_CA_FILE); the keystore password is local only.
kafka_tls_material() {
  local sec="$1"
  [ -f "$sec/broker.p12" ] && [ -f "$sec/ca.pem" ] && return 0
  command -v openssl >/dev/null 2>&1 || die "openssl not found: needed once to make the local Kafka TLS certificates"
  mkdir -p "$sec"; chmod 700 "$sec"
  say "kafka: making a local CA and broker certificate in $sec"
  (
    cd "$sec"
    openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -keyout ca.key -out ca.pem \
      -subj "/CN=LoanMesh local Kafka CA" -addext "basicConstraints=critical,CA:TRUE" \
      -addext "keyUsage=critical,keyCertSign,cRLSign" >/dev/null 2>&1
    openssl req -newkey rsa:2048 -nodes -sha256 -keyout broker.key -out broker.csr -subj "/CN=localhost" >/dev/null 2>&1
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' >broker.ext
    openssl x509 -req -sha256 -days 3650 -in broker.csr -CA ca.pem -CAkey ca.key -CAcreateserial \
      -extfile broker.ext -out broker.pem >/dev/null 2>&1
    openssl pkcs12 -export -in broker.pem -inkey broker.key -certfile ca.pem -name broker \
      -out broker.p12.partial -passout pass:loanmesh-local-keystore
    mv broker.p12.partial broker.p12
    rm -f broker.csr broker.ext
  ) || die "could not make the Kafka TLS certificates in $sec"
}

kafka_up() {
  local dir="$DATA/kafka" pidf="$DATA/kafka.pid"
  clear_stale "$pidf" kafka
  # A broker started by an older infra.sh (no authorizer, no SASL_SSL) would fail provisioning
  # with an obscure error: say what it is instead (test infra restarts it on the new format).
  if pid_alive "$pidf" && [ ! -f "$dir/data/.loanmesh-format-$KAFKA_DATA_FORMAT" ]; then
    if [ "${LOANMESH_INFRA_AUTO_RESET:-0}" = 1 ]; then
      stop_one "$pidf" "kafka (older format)"
    else
      die "the running kafka (pid $(cat "$pidf")) was started from an older format (no SCRAM users, no TLS listener): run 'bash infra/infra.sh down', then 'LOANMESH_INFRA_AUTO_RESET=1 bash infra/infra.sh up' (re-formats Kafka, topics are lost)"
    fi
  fi
  if pid_alive "$pidf"; then say "kafka already running (pid $(cat "$pidf"))"; return 0; fi
  check_port_free "$KAFKA_PORT" kafka; check_port_free "$KAFKA_CONTROLLER_PORT" "kafka controller"
  check_port_free "$KAFKA_SASL_SSL_PORT" "kafka SASL_SSL listener"
  # A data dir formatted before SCRAM users existed cannot get them at format time: it must be
  # re-formatted (its topics are lost). Test infra does it itself; a local stack is asked first.
  if [ -f "$dir/data/meta.properties" ] && [ ! -f "$dir/data/.loanmesh-format-$KAFKA_DATA_FORMAT" ]; then
    if [ "${LOANMESH_INFRA_AUTO_RESET:-0}" = 1 ]; then
      say "kafka: data dir $dir has an older format (no SCRAM users): re-formatting it (test infra)"
      rm -rf "$dir"
    else
      die "kafka data dir $dir has an older format (no SCRAM users, no TLS listener): run 'bash infra/infra.sh reset' (deletes the local topics and graph) and 'up' again, or 'LOANMESH_INFRA_AUTO_RESET=1 bash infra/infra.sh up' to re-format Kafka only"
    fi
  fi
  mkdir -p "$dir/logs" "$dir/data"
  kafka_tls_material "$dir/security"
  cat >"$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT,SASL_SSL://127.0.0.1:$KAFKA_SASL_SSL_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,SASL_SSL://127.0.0.1:$KAFKA_SASL_SSL_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL
inter.broker.listener.name=PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
ssl.keystore.type=PKCS12
ssl.keystore.location=$dir/security/broker.p12
ssl.keystore.password=loanmesh-local-keystore
ssl.key.password=loanmesh-local-keystore
ssl.client.auth=none
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
# ANONYMOUS is whoever uses the PLAINTEXT and controller listeners: local only (dev tools, tests).
super.users=User:ANONYMOUS;User:admin
allow.everyone.if.no.acl.found=false
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
    local scram=() user
    for user in "${KAFKA_SCRAM_USERS[@]}"; do scram+=(--add-scram "SCRAM-SHA-512=[name=$user,password=local-dev-kafka-$user]"); done
    java -cp "$cp" -Dlog4j2.configurationFile="$INFRA/kafka/log4j2.properties" -Dkafka.logs.dir="$dir/logs" \
      kafka.tools.StorageTool format -t "$cid" -c "$dir/server.properties" "${scram[@]}" >"$dir/logs/format.log" 2>&1 \
      || die "kafka storage format failed: see $dir/logs/format.log"
    touch "$dir/data/.loanmesh-format-$KAFKA_DATA_FORMAT"
  fi
  nohup java -Xms256m -Xmx"$KAFKA_HEAP" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$INFRA/kafka/log4j2.properties" -Dkafka.logs.dir="$dir/logs" \
    -cp "$cp" kafka.Kafka "$dir/server.properties" >"$dir/logs/stdout.log" 2>&1 &
  echo $! >"$pidf"
  say "kafka starting (pid $!, PLAINTEXT 127.0.0.1:$KAFKA_PORT, SASL_SSL 127.0.0.1:$KAFKA_SASL_SSL_PORT with CA $dir/security/ca.pem, logs $dir/logs)"
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

# Topics and the services' ACLs, from the contracts library (`npm run kafka:provision`), over the
# PLAINTEXT listener as the local super user; idempotent, so every `up` runs it.
kafka_provision() {
  (cd "$ROOT" && KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT" KAFKA_SECURITY_PROTOCOL=PLAINTEXT KAFKA_PROVISION_ACLS=true \
    node scripts/run-ts.cjs libs/kafka/src/provisioning/cli/kafka-provision.cli.ts) \
    || die "kafka provisioning failed (see the lines above)"
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
    postgres_check; kafka_up; neo4j_up; wait_ready; kafka_provision ;;
  provision) kafka_provision ;;
  down) stop_one "$DATA/neo4j.pid" neo4j; stop_one "$DATA/kafka.pid" kafka ;;
  restart-kafka) stop_one "$DATA/kafka.pid" kafka; kafka_up; wait_ready; kafka_provision ;;
  stop-neo4j) stop_one "$DATA/neo4j.pid" neo4j ;;
  start-neo4j) neo4j_up; wait_ready ;;
  status) status_one "$DATA/kafka.pid" kafka "$KAFKA_PORT"; status_one "$DATA/neo4j.pid" neo4j "$NEO4J_BOLT_PORT"
          if (exec 3<>"/dev/tcp/$PG_HOST/$PG_PORT") 2>/dev/null; then say "postgres: listening on $PG_HOST:$PG_PORT"; else say "postgres: not reachable on $PG_HOST:$PG_PORT"; fi ;;
  reset) stop_one "$DATA/neo4j.pid" neo4j; stop_one "$DATA/kafka.pid" kafka; rm -rf "$DATA"; say "data removed" ;;
  *) die "unknown command '$cmd' (use up, down, status, fetch, reset, provision)" ;;
esac
