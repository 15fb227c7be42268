#!/usr/bin/env bash
# A real Neo4j Community server (5.26 LTS) from the project's own files.
#
#   bash scripts/neo4j.sh up       fetch (Maven Central, once), configure, start, wait for Bolt
#   bash scripts/neo4j.sh down     stop (SIGTERM, then SIGKILL after a timeout)
#   bash scripts/neo4j.sh status   exit 0 when running, 3 when stopped
#   bash scripts/neo4j.sh reset    stop and delete the data folder (a new initial password applies)
#   bash scripts/neo4j.sh logs     print the tail of the server logs
#
# Everything lives under .neo4j/ (gitignored): lib/ (jars), conf/, data/, logs/, run/, import/.
# Environment:
#   NEO4J_PASSWORD      password of user neo4j (default: eventgraph; at least 8 characters).
#                       It is set before the first start; a later change needs `reset`.
#   NEO4J_BOLT_PORT     default 7687        NEO4J_HTTP_PORT  default 7474
#   NEO4J_HEAP          max heap, default 1g (starts smaller, grows as needed)
#   NEO4J_PAGECACHE     default 512m (the store of 1M synthetic events is ~0.8 GB)
#   NEO4J_START_TIMEOUT seconds to wait for Bolt (default 180)
#   NEO4J_STOP_TIMEOUT  seconds to wait after SIGTERM before SIGKILL (default 60)
#   NEO4J_HOME_DIR      runtime folder (default: <repo>/.neo4j)
#   NEO4J_LIB_DIR       jars (default: $NEO4J_HOME_DIR/lib); a second instance (other home dir and
#                       ports, as the fault tests start) can share the first one's jars
#   NEO4J_JIT           quick (default: C1 only, fast start) or full (the JVM's default JIT)
#   NEO4J_CDS           1/0: class-data archive for faster starts (default 1, 0 when CI=true)
#   NEO4J_JAVA_OPTS     extra JVM options
#   MVN                 the Maven command (default: mvn); MVN_ARGS extra arguments,
#                       e.g. MVN_ARGS=-Dmaven.repo.local=/tmp/m2
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOME_DIR="${NEO4J_HOME_DIR:-$ROOT/.neo4j}"
POM="$ROOT/neo4j/pom.xml"
LIB="${NEO4J_LIB_DIR:-$HOME_DIR/lib}"
CONF_DIR="$HOME_DIR/conf"
DATA_DIR="$HOME_DIR/data"
LOG_DIR="$HOME_DIR/logs"
RUN_DIR="$HOME_DIR/run"
PID_FILE="$RUN_DIR/neo4j.pid"
CONSOLE_LOG="$LOG_DIR/console.log"
PW_STAMP="$DATA_DIR/.eventgraph-initial-password.sha256"

PASSWORD="${NEO4J_PASSWORD:-eventgraph}"
BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
HTTP_PORT="${NEO4J_HTTP_PORT:-7474}"
HEAP="${NEO4J_HEAP:-1g}"
PAGECACHE="${NEO4J_PAGECACHE:-512m}"
START_TIMEOUT="${NEO4J_START_TIMEOUT:-180}"
STOP_TIMEOUT="${NEO4J_STOP_TIMEOUT:-60}"
MVN="${MVN:-mvn}"
PY="$ROOT/.venv/bin/python"
BOLT_URL="bolt://127.0.0.1:$BOLT_PORT"
HTTP_URL="http://127.0.0.1:$HTTP_PORT"

log() { echo "neo4j: $*" >&2; }
die() { echo "neo4j: ERROR: $*" >&2; exit 1; }

# --- process helpers ---------------------------------------------------------

# Prints the pid of our server when it runs (pid file + a live JVM of ours), else nothing.
running_pid() {
  [[ -f "$PID_FILE" ]] || return 0
  local pid
  pid="$(tr -dc '0-9' <"$PID_FILE")"
  [[ -n "$pid" ]] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  # guard against a reused pid: it must be our Neo4j JVM
  if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "CommunityEntryPoint.*--home-dir=$HOME_DIR"; then
    echo "$pid"
  fi
}

port_open() { # port_open PORT -> 0 when something listens on 127.0.0.1:PORT
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

owns_bolt_port() { # the answer must come from our JVM, not from another server on the port
  command -v ss >/dev/null || return 0
  ss -ltnpH "sport = :$BOLT_PORT" 2>/dev/null | grep -q "pid=$1,"
}

sha256() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }

# --- fetch -------------------------------------------------------------------

lib_stamp() { # what the lib folder must have been made from
  echo "pom=$(sha256sum "$POM" | cut -d' ' -f1)"
}

fetch() {
  if [[ -f "$LIB/.complete" && "$(cat "$LIB/.complete")" == "$(lib_stamp)" ]]; then
    return 0 # complete: no Maven at all
  fi
  command -v "$MVN" >/dev/null || die "Maven ($MVN) not found; it fetches Neo4j from Maven Central"
  command -v java >/dev/null || die "java not found; Neo4j 5.26 needs Java 17 or 21"
  log "fetching Neo4j Community and Neo4j Browser from Maven Central into $LIB (once) ..."
  local t0=$SECONDS tmp="$HOME_DIR/lib.partial"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  # shellcheck disable=SC2086
  if ! "$MVN" -B -q -f "$POM" ${MVN_ARGS:-} package -Dneo4j.lib="$tmp" >"$HOME_DIR/maven.log" 2>&1; then
    tail -n 40 "$HOME_DIR/maven.log" >&2
    die "Maven could not fetch Neo4j (full log: $HOME_DIR/maven.log)"
  fi
  ls "$tmp"/neo4j-server-*.jar "$tmp"/neo4j-browser-*.jar "$tmp"/neo4j-5*.jar >/dev/null 2>&1 \
    || die "Maven finished but the server jars are missing in $tmp"
  lib_stamp >"$tmp/.complete"
  rm -rf "$LIB"
  mv "$tmp" "$LIB"
  log "fetched $(find "$LIB" -name '*.jar' | wc -l) jars ($(du -sh "$LIB" | cut -f1)) in $((SECONDS - t0)) s"
}

# --- configure ---------------------------------------------------------------

write_conf() {
  mkdir -p "$CONF_DIR" "$DATA_DIR" "$LOG_DIR" "$RUN_DIR" "$HOME_DIR/import" "$HOME_DIR/plugins"
  # Generated on every `up` so that it always matches the environment; paths are
  # relative to the home dir (.neo4j), so the checkout may move.
  cat >"$CONF_DIR/neo4j.conf" <<EOF
# Generated by scripts/neo4j.sh on every start: edit the script, not this file.
server.directories.data=data
server.directories.logs=logs
server.directories.run=run
server.directories.import=import
server.directories.plugins=plugins
server.directories.lib=${NEO4J_LIB_DIR:-lib}

server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:$BOLT_PORT
server.bolt.advertised_address=127.0.0.1:$BOLT_PORT
server.http.enabled=true
server.http.listen_address=127.0.0.1:$HTTP_PORT
server.http.advertised_address=127.0.0.1:$HTTP_PORT
server.https.enabled=false

dbms.security.auth_enabled=true

# modest: the machine has 2 cores and CI shares it (the JVM heap is set on the command line).
# Transactions may use the default 70% of the heap together (dbms.memory.transaction.total.max
# unset): a load batch (2,000 events with their links, no Eager over links) needs a few tens of MB
# and the wipe commits every 10,000 rows, so neither comes near it; a 256m cap broke the old wipe.
server.memory.heap.max_size=$HEAP
server.memory.pagecache.size=$PAGECACHE
db.tx_log.rotation.retention_policy=2 files
db.tx_log.preallocate=false

# no network but loopback here
dbms.usage_report.enabled=false
EOF
}

set_initial_password() {
  # Only before the very first start: afterwards the system database owns the users.
  if [[ -d "$DATA_DIR/databases/system" ]]; then
    if [[ -f "$PW_STAMP" && "$(cat "$PW_STAMP")" != "$(sha256 "$PASSWORD")" ]]; then
      die "the server in $HOME_DIR was initialised with another NEO4J_PASSWORD; use that one, or run
       'bash scripts/neo4j.sh reset' to delete its data so that the new password applies"
    fi
    return 0
  fi
  (( ${#PASSWORD} >= 8 )) || die "NEO4J_PASSWORD must have at least 8 characters"
  log "setting the initial password of user neo4j"
  local out
  if ! out="$(NEO4J_HOME="$HOME_DIR" NEO4J_CONF="$CONF_DIR" java -Xmx128m -XX:TieredStopAtLevel=1 -cp "$LIB/*" \
      org.neo4j.cli.AdminTool dbms set-initial-password "$PASSWORD" 2>&1)"; then
    echo "$out" >&2
    die "neo4j-admin dbms set-initial-password failed"
  fi
  sha256 "$PASSWORD" >"$PW_STAMP"
}

# Application class-data sharing (AppCDS): the first run of a lib folder dumps the classes
# it loaded when it stops (that stop takes ~20-30 s longer); later starts map them instead
# of parsing ~200 jars again (measured: first Bolt answer in 24-27 s instead of 45-55 s on a busy
# 2-core machine). Off by default under CI=true: a fresh clone starts once, so the dump
# would only cost time. NEO4J_CDS=1|0 forces it.
CDS_JSA="$LIB/.neo4j-cds.jsa"
cds_enabled() {
  local dflt=1
  [[ "${CI:-}" == true ]] && dflt=0
  [[ "${NEO4J_CDS:-$dflt}" == 1 ]]
}
cds_opts() {
  cds_enabled || return 0
  rm -f "$CDS_JSA.tmp"
  if [[ -s "$CDS_JSA" ]]; then
    echo "-XX:SharedArchiveFile=$CDS_JSA -Xlog:cds=off -Xlog:cds+dynamic=off"
  else # written at exit; `down` renames it once the JVM has exited by itself
    echo "-XX:ArchiveClassesAtExit=$CDS_JSA.tmp -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}

# JIT: C1 only by default. On this project's small graphs and a busy 2-core machine it starts
# in about half the time and ran a 20k-row MERGE load and 300 lookups about 2x faster than
# full tiered compilation, whose C2 compiler threads compete for the cores. NEO4J_JIT=full
# gives the JVM's default (better for long, heavy workloads).
jit_opts() {
  [[ "${NEO4J_JIT:-quick}" == full ]] || echo "-XX:TieredStopAtLevel=1"
}

# --- readiness ---------------------------------------------------------------

# One real query over Bolt (neo4j driver in .venv) or, before `make install`, over HTTP.
query_ok() {
  port_open "$BOLT_PORT" || return 1 # cheap check first: no Python start per poll
  if [[ -x "$PY" ]] && "$PY" -c 'import neo4j' 2>/dev/null; then
    NEO4J_PASSWORD="$PASSWORD" "$PY" - "$BOLT_URL" <<'EOF' 2>/dev/null
import os, sys
from neo4j import GraphDatabase
with GraphDatabase.driver(sys.argv[1], auth=("neo4j", os.environ["NEO4J_PASSWORD"]),
                          connection_timeout=3) as d:
    records, _, _ = d.execute_query("RETURN 1 AS one")
    sys.exit(0 if records[0]["one"] == 1 else 1)
EOF
  else
    curl -fsS -m 5 -u "neo4j:$PASSWORD" -H 'Content-Type: application/json' \
      -d '{"statements":[{"statement":"RETURN 1"}]}' "$HTTP_URL/db/neo4j/tx/commit" 2>/dev/null \
      | grep -q '"row":\[1\]'
  fi
}

log_tail() {
  echo "---- $CONSOLE_LOG (tail) ----" >&2
  tail -n 40 "$CONSOLE_LOG" >&2 2>/dev/null || true
  if [[ -f "$LOG_DIR/debug.log" ]]; then
    echo "---- $LOG_DIR/debug.log (errors) ----" >&2
    grep -E 'ERROR|WARN' "$LOG_DIR/debug.log" | tail -n 15 >&2 || true
  fi
}

# --- commands ----------------------------------------------------------------

cmd_up() {
  local pid
  pid="$(running_pid)"
  if [[ -n "$pid" ]]; then
    set_initial_password # only checks that the password still matches
    if query_ok; then
      log "already running (pid $pid) at $BOLT_URL"
      return 0
    fi
  fi
  fetch
  if [[ -z "$pid" ]]; then
    rm -f "$PID_FILE"
    for port in "$BOLT_PORT" "$HTTP_PORT"; do
      port_open "$port" && die "port $port on 127.0.0.1 is taken by another process (not the server of $HOME_DIR);
       stop it, or choose other ports with NEO4J_BOLT_PORT / NEO4J_HTTP_PORT"
    done
    write_conf
    set_initial_password
    log "starting Neo4j (heap $HEAP, page cache $PAGECACHE) ..."
    {
      echo "==== $(date -u +%FT%TZ) start"
    } >>"$CONSOLE_LOG"
    # JVM options as in Neo4j's own neo4j.conf for 5.x, minus AlwaysPreTouch (slow start)
    # shellcheck disable=SC2086
    nohup java -Xmx"$HEAP" $(cds_opts) $(jit_opts) ${NEO4J_JAVA_OPTS:-} \
      -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+UnlockExperimentalVMOptions \
      -XX:+TrustFinalNonStaticFields -XX:+DisableExplicitGC \
      -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true \
      -Djdk.tls.ephemeralDHKeySize=2048 -Djdk.tls.rejectClientInitiatedRenegotiation=true \
      --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
      --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
      -Dlog4j2.disable.jmx=true -Dfile.encoding=UTF-8 \
      -cp "$HOME_DIR/plugins/*:$CONF_DIR/*:$LIB/*" \
      org.neo4j.server.CommunityEntryPoint --home-dir="$HOME_DIR" --config-dir="$CONF_DIR" \
      >>"$CONSOLE_LOG" 2>&1 </dev/null 9>&- &
    pid=$!
    echo "$pid" >"$PID_FILE"
  fi
  local t0=$SECONDS
  until query_ok && owns_bolt_port "$pid"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      log_tail
      die "the Neo4j JVM (pid $pid) exited during start-up"
    fi
    if (( SECONDS - t0 >= START_TIMEOUT )); then
      log_tail
      die "Bolt did not answer at $BOLT_URL within $START_TIMEOUT s (pid $pid still running; 'bash scripts/neo4j.sh down' stops it)"
    fi
    sleep 1
  done
  log "up in $((SECONDS - t0)) s: pid $pid, $BOLT_URL (user neo4j), browser $HTTP_URL/browser/"
}

cmd_down() {
  local pid
  pid="$(running_pid)"
  if [[ -z "$pid" ]]; then
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  log "stopping pid $pid ..."
  local timeout=$STOP_TIMEOUT
  # a JVM that dumps its class-data archive at exit needs longer (the database is closed first)
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q ArchiveClassesAtExit && timeout=$((timeout + 120))
  kill -TERM "$pid" 2>/dev/null || true
  local t0=$SECONDS killed=0
  while kill -0 "$pid" 2>/dev/null; do
    if (( SECONDS - t0 >= timeout )); then
      log "still running after $timeout s: SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      killed=1
      sleep 1
      break
    fi
    sleep 0.5
  done
  rm -f "$PID_FILE"
  if [[ -s "$CDS_JSA.tmp" && $killed == 0 ]]; then
    mv -f "$CDS_JSA.tmp" "$CDS_JSA"
    log "saved a class-data archive for faster starts ($(du -h "$CDS_JSA" | cut -f1))"
  fi
  rm -f "$CDS_JSA.tmp"
  log "stopped in $((SECONDS - t0)) s"
}

cmd_status() {
  local pid
  pid="$(running_pid)"
  if [[ -n "$pid" ]]; then
    echo "neo4j: running, pid $pid, $BOLT_URL (user neo4j), browser $HTTP_URL/browser/, home $HOME_DIR"
    return 0
  fi
  echo "neo4j: stopped (home $HOME_DIR)"
  return 3
}

cmd_reset() {
  cmd_down
  rm -rf "$DATA_DIR"
  log "deleted $DATA_DIR"
}

# One up/down/reset at a time per home dir (several shells, or `.ci/run`'s early start).
lock() {
  mkdir -p "$HOME_DIR"
  exec 9>"$HOME_DIR/.lock"
  if command -v flock >/dev/null; then
    flock 9
  fi
}

case "${1:-}" in
  up) lock; cmd_up ;;
  down) lock; cmd_down ;;
  status) cmd_status ;;
  reset) lock; cmd_reset ;;
  logs) log_tail ;;
  *) echo "usage: $0 up|down|status|reset|logs" >&2; exit 2 ;;
esac
