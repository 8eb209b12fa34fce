#!/usr/bin/env bash
# Starts Planering's cluster topology on this machine without Docker: a throwaway PostgreSQL, two silos in AdoNet
# cluster mode, one stand-alone gateway and the web app as its own process, configured through the same environment variables as docker/compose.yaml.
#
#   scripts/cluster-local.sh start    start everything in the background, print the addresses and PIDs
#   scripts/cluster-local.sh stop     stop every process it started and delete the throwaway data directory
#   scripts/cluster-local.sh run      start, then stay in the foreground; Ctrl-C stops everything
#   scripts/cluster-local.sh status   show what is running
#
# Environment: PLANERING_LOCAL_DIR (run directory, default /tmp/planering-cluster-local-$UID), PLANERING_POSTGRES_BIN
# (server binaries, default the newest /usr/lib/postgresql/*/bin), PLANERING_NO_BUILD=1 (use the built dlls as they
# are), CONFIGURATION (Debug). Everything binds 127.0.0.1 only.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
run_dir=${PLANERING_LOCAL_DIR:-/tmp/planering-cluster-local-$(id -u)}
configuration=${CONFIGURATION:-Debug}
silo_dll=$repo/src/Silo/Planering.Silo/bin/$configuration/net10.0/Planering.Silo.dll
gateway_dll=$repo/src/Gateway/Planering.Gateway/bin/$configuration/net10.0/Planering.Gateway.dll
web_dll=$repo/src/Web/Planering.Web/bin/$configuration/net10.0/Planering.Web.dll
processes=(web gateway silo2 silo1) # stop order: clients first, then the silos

log() { printf '%s\n' "$*" >&2; }
die() { log "cluster-local: $*"; exit 1; }

postgres_bin() {
  if [[ -n ${PLANERING_POSTGRES_BIN:-} ]]; then echo "$PLANERING_POSTGRES_BIN"; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n $dir && -x $dir/initdb ]]; then echo "$dir"; return; fi
  dir=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")
  [[ -x $dir/initdb ]] || die "no PostgreSQL server binaries found; install PostgreSQL or set PLANERING_POSTGRES_BIN"
  echo "$dir"
}

# PostgreSQL refuses to run as root: as root, its tools run as the postgres user on a directory that user owns.
as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A port nobody listens on: a refused connection on 127.0.0.1 means free. Ports already handed out are skipped.
taken_ports=()
free_port() {
  local port attempt
  for attempt in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    [[ " ${taken_ports[*]} " == *" $port "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      taken_ports+=("$port")
      echo "$port"
      return
    fi
  done
  die "found no free port"
}

# Waits, at most $3 seconds, until process $1 listens on port $2; stops early if the process died.
wait_for_port() {
  local name=$1 port=$2 limit=$3 pid deadline
  pid=$(cat "$run_dir/pids/$name")
  deadline=$((SECONDS + limit))
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$name (PID $pid) exited; the end of its log:"; tail -n 30 "$run_dir/logs/$name.log" >&2 || true
      return 1
    fi
    if ((SECONDS >= deadline)); then
      log "$name did not listen on $port within $limit s; the end of its log:"; tail -n 30 "$run_dir/logs/$name.log" >&2 || true
      return 1
    fi
    sleep 0.5
  done
}

# One grpc.health.v1.Health/Check over h2c: an empty request is five zero bytes; SERVING comes back as 08 01.
healthy() {
  command -v curl >/dev/null || return 0
  printf '\0\0\0\0\0' >"$run_dir/health-request.bin"
  curl -s --max-time 10 --http2-prior-knowledge -H 'content-type: application/grpc' -H 'te: trailers' \
    --data-binary @"$run_dir/health-request.bin" "http://127.0.0.1:$1/grpc.health.v1.Health/Check" | od -An -tx1 | tr -d ' \n' | grep -q '0801$'
}

# Starts a .NET process in its own session (so a Ctrl-C in the terminal after `start` does not reach it).
launch() {
  local name=$1; shift
  (cd "$run_dir" && exec env "$@" setsid dotnet "${launch_dll:?}" </dev/null >"$run_dir/logs/$name.log" 2>&1) &
  echo $! >"$run_dir/pids/$name"
}

# Stops only the processes this script recorded, and only if the PID still belongs to a Planering process.
stop_all() {
  [[ -d $run_dir ]] || { log "nothing to stop ($run_dir does not exist)"; return 0; }
  local name pid deadline
  for name in "${processes[@]}"; do
    [[ -f $run_dir/pids/$name ]] || continue
    pid=$(cat "$run_dir/pids/$name")
    if kill -0 "$pid" 2>/dev/null && grep -q Planering "/proc/$pid/cmdline" 2>/dev/null; then
      kill -TERM "$pid"
      deadline=$((SECONDS + 30))
      while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.5; done
      if kill -0 "$pid" 2>/dev/null; then log "$name (PID $pid) ignored SIGTERM for 30 s; killing it"; kill -KILL "$pid" || true; fi
      log "stopped $name (PID $pid)"
    fi
    rm -f "$run_dir/pids/$name"
  done
  if [[ -f $run_dir/pgdata/postmaster.pid ]]; then
    as_postgres "$(cat "$run_dir/postgres-bin")/pg_ctl" -D "$run_dir/pgdata" -m fast -w -t 60 stop >/dev/null
    log "stopped PostgreSQL"
  fi
  rm -rf "$run_dir"
  log "removed $run_dir"
}

start_all() {
  if [[ -d $run_dir ]]; then
    die "$run_dir exists: a cluster may be running; run '$0 stop' first"
  fi
  command -v dotnet >/dev/null || die "dotnet is not on PATH"
  local bin; bin=$(postgres_bin)

  if [[ ${PLANERING_NO_BUILD:-0} != 1 ]]; then
    log "building ($configuration) ..."
    dotnet build "$repo/src/Silo/Planering.Silo/Planering.Silo.csproj" -c "$configuration" -v quiet -nologo >/dev/null
  fi
  [[ -f $silo_dll && -f $gateway_dll && -f $web_dll ]] || die "built dlls not found under bin/$configuration; build first or unset PLANERING_NO_BUILD"

  # From here on a failure stops whatever was started and removes the directory.
  trap 'log "start failed; cleaning up"; stop_all' EXIT
  mkdir -p "$run_dir"/{pids,logs,pgdata}
  chmod 0755 "$run_dir"
  echo "$bin" >"$run_dir/postgres-bin"
  [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$run_dir/pgdata"

  local pg_port; pg_port=$(free_port)
  log "PostgreSQL on 127.0.0.1:$pg_port ..."
  as_postgres "$bin/initdb" -D "$run_dir/pgdata" -A trust -U postgres -E UTF8 --no-sync >"$run_dir/logs/initdb.log"
  # A throwaway server: durability off keeps it quick; the socket lives inside the data directory.
  as_postgres "$bin/pg_ctl" -D "$run_dir/pgdata" -l "$run_dir/pgdata/server.log" -w -t 60 start \
    -o "-p $pg_port -k $run_dir/pgdata -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" >/dev/null
  as_postgres "$bin/psql" -q -h "$run_dir/pgdata" -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE planering LOGIN" -c "CREATE DATABASE planering OWNER planering" >/dev/null

  # One signing key for every silo and the gateway (cluster mode requires one): 256 random bits, owner-only, in the
  # run directory, so it goes with 'stop'. mint-token reads it for a token.
  local key_file=$run_dir/jwt-signing.key
  (umask 077 && head -c 32 /dev/urandom | base64 -w 0 >"$key_file" && echo >>"$key_file")

  # The same settings as docker/compose.yaml; only addresses and ports differ (everything is on 127.0.0.1 here).
  local connection="Host=127.0.0.1;Port=$pg_port;Database=planering;Username=planering;Maximum Pool Size=40"
  local common=(
    "Planering__Auth__SigningKeyFile=$key_file"
    "Planering__Storage__Provider=PostgreSql"
    "Planering__Storage__PostgreSqlConnectionString=$connection"
    "Planering__Cluster__Mode=AdoNet"
    "Planering__Cluster__ServiceId=planering"
    "Planering__Cluster__ClusterId=planering-local"
    "Planering__Api__Address=127.0.0.1"
  )

  # Silo 1 first: it applies the schema and seeds Sweden; silo 2 then finds the world seeded and only joins.
  local name api silo gw dashboard
  declare -gA api_port=() dashboard_port=()
  for name in silo1 silo2; do
    api=$(free_port); silo=$(free_port); gw=$(free_port); dashboard=$(free_port)
    api_port[$name]=$api
    dashboard_port[$name]=$dashboard
    log "$name: API 127.0.0.1:$api, silo port $silo, gateway port $gw, dashboard port $dashboard ..."
    launch_dll=$silo_dll launch "$name" "${common[@]}" "Planering__Cluster__AdvertisedAddress=127.0.0.1" \
      "Planering__Cluster__SiloPort=$silo" "Planering__Cluster__GatewayPort=$gw" "Planering__Api__Port=$api" \
      "Planering__Dashboard__Port=$dashboard" "Planering__Web__Port=0"
    wait_for_port "$name" "$api" 180
  done

  api=$(free_port)
  api_port[gateway]=$api
  log "gateway: API 127.0.0.1:$api ..."
  launch_dll=$gateway_dll launch gateway "${common[@]}" "Planering__Api__Port=$api"
  wait_for_port gateway "$api" 120
  healthy "$api" || die "the gateway listens but its health check does not answer SERVING"

  # The web app calls the gateway; on 127.0.0.1 with the cluster's key its local sign-in works as in the embedded default.
  local web; web=$(free_port)
  log "web app: http://127.0.0.1:$web/ ..."
  launch_dll=$web_dll launch web "Planering__Auth__SigningKeyFile=$key_file" "Planering__Web__Port=$web" \
    "Planering__Web__ApiAddress=http://127.0.0.1:${api_port[gateway]}"
  wait_for_port web "$web" 60
  trap - EXIT

  cat <<EOF
Planering cluster is up.
  gateway      http://127.0.0.1:${api_port[gateway]}   (h2c gRPC)   PID $(cat "$run_dir/pids/gateway")
  web app      http://127.0.0.1:$web/                PID $(cat "$run_dir/pids/web")
  silo1 API    http://127.0.0.1:${api_port[silo1]}                  PID $(cat "$run_dir/pids/silo1")
  silo2 API    http://127.0.0.1:${api_port[silo2]}                  PID $(cat "$run_dir/pids/silo2")
  dashboard    http://127.0.0.1:${dashboard_port[silo1]}/ (silo1), http://127.0.0.1:${dashboard_port[silo2]}/ (silo2)
  PostgreSQL   $connection   PID $(head -n 1 "$run_dir/pgdata/postmaster.pid")
  logs         $run_dir/logs/
A token (roles viewer, scheduler, planner; any combination):
  dotnet $silo_dll mint-token --role viewer --Planering:Auth:SigningKeyFile=$key_file
Stop it with: $0 stop
EOF
}

status() {
  [[ -d $run_dir ]] || { echo "not running"; return 0; }
  local name pid
  for name in silo1 silo2 gateway web; do
    pid=$(cat "$run_dir/pids/$name" 2>/dev/null || echo "")
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then echo "$name running (PID $pid)"; else echo "$name not running"; fi
  done
  if [[ -f $run_dir/pgdata/postmaster.pid ]]; then echo "PostgreSQL running (PID $(head -n 1 "$run_dir/pgdata/postmaster.pid"))"; fi
}

case ${1:-start} in
  start) start_all ;;
  stop) stop_all ;;
  status) status ;;
  run)
    start_all
    trap 'log "stopping ..."; stop_all; exit 0' INT TERM
    log "running; Ctrl-C stops everything"
    # Returns when a silo or the gateway exits on its own, or when Ctrl-C runs the trap.
    wait -n "$(cat "$run_dir/pids/silo1")" "$(cat "$run_dir/pids/silo2")" "$(cat "$run_dir/pids/gateway")" "$(cat "$run_dir/pids/web")" || true
    log "a process exited on its own; stopping the rest"
    stop_all
    ;;
  *) die "usage: $0 [start|stop|run|status]" ;;
esac
