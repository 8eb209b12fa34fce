#!/usr/bin/env bash
# Starts Planering's cluster topology on this machine without Docker: PostgreSQL, two silos in AdoNet cluster mode, one
# stand-alone gateway and the web app as its own process, with the settings and published ports of docker/compose.yaml.
#
#   scripts/cluster-local.sh start     start everything in the background, print the addresses and PIDs; after a
#                                      'stop' it starts again on the same database, signing key and ports
#   scripts/cluster-local.sh stop      stop every process it started; the data stays (PostgreSQL, key, ports, logs)
#   scripts/cluster-local.sh restart   stop, then start on the same data
#   scripts/cluster-local.sh wipe      stop if running, then delete the run directory and everything in it
#   scripts/cluster-local.sh run       start, then stay in the foreground; Ctrl-C stops everything (the data stays)
#   scripts/cluster-local.sh status    show what is running, and where the data is
#
# Environment: PLANERING_LOCAL_DIR (run directory, default /tmp/planering-cluster-local-$UID), PLANERING_POSTGRES_BIN
# (server binaries, default the newest /usr/lib/postgresql/*/bin), PLANERING_NO_BUILD=1 (use the built dlls as they
# are), CONFIGURATION (Release, as the images build), PLANERING_LOCAL_PORTS=free (any free ports instead of compose's
# 5080-5082, 5085 and 8081-8082, for a machine others share), PLANERING_OIDC_AUTHORITY, _CLIENT_ID, _CLIENT_SECRET and
# _API_SCOPE (the web app's identity provider, as compose reads them). Everything binds 127.0.0.1 only.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
run_dir=${PLANERING_LOCAL_DIR:-/tmp/planering-cluster-local-$(id -u)}
configuration=${CONFIGURATION:-Release}
silo_dll=$repo/src/Silo/Planering.Silo/bin/$configuration/net10.0/Planering.Silo.dll
gateway_dll=$repo/src/Gateway/Planering.Gateway/bin/$configuration/net10.0/Planering.Gateway.dll
web_dll=$repo/src/Web/Planering.Web/bin/$configuration/net10.0/Planering.Web.dll
processes=(web gateway silo2 silo1) # stop order: clients first, then the silos
nodes=(silo1 silo2 gateway web)     # start order

# The settings docker/compose.yaml gives every Planering process (x-planering there); tests/Planering.Cluster.Tests'
# ComposeParityTests checks that the two agree.
cluster_id=planering-cluster
service_id=planering

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

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A port nobody listens on: a refused connection on 127.0.0.1 means free. Ports already handed out are skipped.
taken_ports=()
free_port() {
  local port attempt
  for attempt in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    [[ " ${taken_ports[*]} " == *" $port "* ]] && continue
    if ! listening "$port"; then
      taken_ports+=("$port")
      echo "$port"
      return
    fi
  done
  die "found no free port"
}

# The ports of a new run directory: compose's published ones (gateway 5080, silos' APIs 5081 and 5082, dashboards 8081
# and 8082; silo and Orleans-gateway ports as inside the containers, one higher for silo2 since both share this host),
# or free ones. PostgreSQL, which compose does not publish, always gets a free port. Written once; a restart reuses them.
choose_ports() {
  local pg; pg=$(free_port)
  if [[ ${PLANERING_LOCAL_PORTS:-compose} == free ]]; then
    local p=() i
    for i in $(seq 1 11); do p+=("$(free_port)"); done
    printf '%s\n' "postgres=$pg" "gateway_api=${p[0]}" "silo1_api=${p[1]}" "silo2_api=${p[2]}" \
      "silo1_dashboard=${p[3]}" "silo2_dashboard=${p[4]}" "silo1_silo=${p[5]}" "silo2_silo=${p[6]}" \
      "silo1_gateway=${p[7]}" "silo2_gateway=${p[8]}" "web=${p[9]}" "gateway_http=${p[10]}"
  else
    printf '%s\n' "postgres=$pg" gateway_api=5080 silo1_api=5081 silo2_api=5082 silo1_dashboard=8081 \
      silo2_dashboard=8082 silo1_silo=11111 silo2_silo=11112 silo1_gateway=30000 silo2_gateway=30001 web=5085 gateway_http=5090
  fi
}

declare -A port=()
read_ports() {
  local key value
  while IFS== read -r key value; do port[$key]=$value; done <"$run_dir/ports"

  # A run directory made before the web app and the HTTP/JSON API had ports here lacks them: compose's, or free ones.
  local name default
  for name in web:5085 gateway_http:5090; do
    default=${name#*:}; name=${name%%:*}
    if [[ -z ${port[$name]:-} ]]; then
      if [[ ${PLANERING_LOCAL_PORTS:-compose} == free ]]; then port[$name]=$(free_port); else port[$name]=$default; fi
      echo "$name=${port[$name]}" >>"$run_dir/ports"
    fi
  done
}

# Every port of the run must be free before anything starts, so a clash is one clear message rather than a silo that
# cannot bind half-way through.
check_ports_free() {
  local key
  for key in "${!port[@]}"; do
    [[ $key == postgres ]] && postgres_running && continue
    if listening "${port[$key]}"; then
      die "port ${port[$key]} ($key) is taken on 127.0.0.1; free it, or '$0 wipe' and start with PLANERING_LOCAL_PORTS=free"
    fi
  done
}

# Waits, at most $3 seconds, until process $1 listens on port $2; stops early if the process died.
wait_for_port() {
  local name=$1 port=$2 limit=$3 pid deadline
  pid=$(cat "$run_dir/pids/$name")
  deadline=$((SECONDS + limit))
  until listening "$port"; do
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

# One grpc.health.v1.Health/Check over h2c, the check compose runs too: an empty request is five zero bytes; SERVING
# comes back as 08 01. The API answers SERVING once an Orleans grain answers through it.
healthy() {
  command -v curl >/dev/null || return 0
  printf '\0\0\0\0\0' >"$run_dir/health-request.bin"
  curl -s --max-time 10 --http2-prior-knowledge -H 'content-type: application/grpc' -H 'te: trailers' \
    --data-binary @"$run_dir/health-request.bin" "http://127.0.0.1:$1/grpc.health.v1.Health/Check" | od -An -tx1 | tr -d ' \n' | grep -q '0801$'
}

wait_healthy() {
  local name=$1 port=$2 limit=$3 deadline=$((SECONDS + $3))
  until healthy "$port"; do
    ((SECONDS < deadline)) || { log "$name listens on $port but did not answer SERVING within $limit s"; return 1; }
    sleep 1
  done
}

# The web app answers its pages once it has started (the sign-in page, or a redirect to it): any HTTP status but 5xx.
web_ready() {
  command -v curl >/dev/null || return 0
  local code; code=$(curl -s -o /dev/null --max-time 10 -w '%{http_code}' "http://127.0.0.1:$1/" || true)
  [[ $code =~ ^[234][0-9][0-9]$ ]]
}

wait_web_ready() {
  local port=$1 limit=$2 deadline=$((SECONDS + $2))
  until web_ready "$port"; do
    ((SECONDS < deadline)) || { log "web listens on $port but did not answer a page within $limit s"; return 1; }
    sleep 1
  done
}

# Starts a .NET process in its own session (so a Ctrl-C in the terminal after `start` does not reach it). Logs are
# appended, so the logs of earlier runs on the same data stay.
launch() {
  local name=$1; shift
  (cd "$run_dir" && exec env "$@" setsid dotnet "${launch_dll:?}" </dev/null >>"$run_dir/logs/$name.log" 2>&1) &
  echo $! >"$run_dir/pids/$name"
}

alive() { [[ -f $run_dir/pids/$1 ]] && kill -0 "$(cat "$run_dir/pids/$1")" 2>/dev/null; }

postgres_running() { [[ -f $run_dir/pgdata/postmaster.pid ]] && kill -0 "$(head -n 1 "$run_dir/pgdata/postmaster.pid")" 2>/dev/null; }

# Stops only the processes this script recorded, and only if the PID still belongs to a Planering process. SIGTERM
# first: a silo leaves the cluster gracefully (its grains are handed over, nothing in flight fails).
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
  if postgres_running; then
    as_postgres "$(cat "$run_dir/postgres-bin")/pg_ctl" -D "$run_dir/pgdata" -m fast -w -t 60 stop >/dev/null
    log "stopped PostgreSQL"
  fi
}

wipe_all() {
  stop_all
  if [[ -d $run_dir ]]; then
    rm -rf "$run_dir"
    log "removed $run_dir (database, signing key, logs)"
  fi
}

# A new run directory: the PostgreSQL cluster, the database and its owner, the signing key and the ports.
initialise() {
  local bin=$1
  mkdir -p "$run_dir"/{pids,logs,pgdata}
  chmod 0755 "$run_dir"
  echo "$bin" >"$run_dir/postgres-bin"
  [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$run_dir/pgdata"
  choose_ports >"$run_dir/ports"
  read_ports
  check_ports_free
  as_postgres "$bin/initdb" -D "$run_dir/pgdata" -A trust -U postgres -E UTF8 >"$run_dir/logs/initdb.log"
  start_postgres "$bin"
  as_postgres "$bin/psql" -q -h "$run_dir/pgdata" -p "${port[postgres]}" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE planering LOGIN" -c "CREATE DATABASE planering OWNER planering" >/dev/null

  # One signing key for every silo and the gateway (cluster mode requires one): 256 random bits, owner-only, kept with
  # the data, so tokens minted before a restart stay good. mint-token reads it for a token.
  (umask 077 && head -c 32 /dev/urandom | base64 -w 0 >"$run_dir/jwt-signing.key" && echo >>"$run_dir/jwt-signing.key")
}

# The server keeps its data across restarts, so it runs durable (unlike the tests' throwaway servers); the socket lives
# inside the data directory.
start_postgres() {
  # As root the server runs as postgres, which must be able to write its log.
  touch "$run_dir/logs/postgres.log"
  [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$run_dir/logs/postgres.log"
  as_postgres "$1/pg_ctl" -D "$run_dir/pgdata" -l "$run_dir/logs/postgres.log" -w -t 60 start \
    -o "-p ${port[postgres]} -k $run_dir/pgdata -c listen_addresses=127.0.0.1" >/dev/null
}

start_all() {
  local name
  for name in "${nodes[@]}"; do
    alive "$name" && die "$name is already running (PID $(cat "$run_dir/pids/$name")); '$0 stop' or '$0 restart' first"
  done
  command -v dotnet >/dev/null || die "dotnet is not on PATH"
  local bin; bin=$(postgres_bin)

  if [[ ${PLANERING_NO_BUILD:-0} != 1 ]]; then
    log "building ($configuration) ..."
    dotnet build "$repo/src/Silo/Planering.Silo/Planering.Silo.csproj" -c "$configuration" -v quiet -nologo >/dev/null
  fi
  [[ -f $silo_dll && -f $gateway_dll && -f $web_dll ]] || die "built dlls not found under bin/$configuration; build first or unset PLANERING_NO_BUILD"

  local fresh=0
  if [[ -f $run_dir/ports && -f $run_dir/jwt-signing.key && -f $run_dir/pgdata/PG_VERSION ]]; then
    read_ports
    log "restarting on the data in $run_dir (database, signing key, ports kept)"
    [[ $(cat "$run_dir/postgres-bin") == "$bin" ]] || log "note: PostgreSQL binaries differ from the first start's ($(cat "$run_dir/postgres-bin")); using those"
    bin=$(cat "$run_dir/postgres-bin")
    check_ports_free
    postgres_running || start_postgres "$bin"
  elif [[ -e $run_dir ]]; then
    die "$run_dir exists but holds no complete cluster (an interrupted first start?); '$0 wipe' deletes it"
  else
    fresh=1
  fi

  # From here on a failure stops whatever was started; a first start that failed also removes its directory.
  if ((fresh)); then
    trap 'log "start failed; cleaning up"; wipe_all' EXIT
    initialise "$bin"
  else
    trap 'log "start failed; stopping what was started (the data stays)"; stop_all' EXIT
  fi

  # The same settings as docker/compose.yaml; only addresses and ports differ (everything is on 127.0.0.1 here).
  local key_file=$run_dir/jwt-signing.key
  local connection="Host=127.0.0.1;Port=${port[postgres]};Database=planering;Username=planering;Maximum Pool Size=40"
  local common=(
    "Planering__Storage__Provider=PostgreSql"
    "Planering__Storage__PostgreSqlConnectionString=$connection"
    "Planering__Cluster__Mode=AdoNet"
    "Planering__Cluster__ServiceId=$service_id"
    "Planering__Cluster__ClusterId=$cluster_id"
    "Planering__Auth__SigningKeyFile=$key_file"
    "Planering__Api__Address=127.0.0.1"
    # The web app is not co-hosted by the cluster's silos (in compose it is a service of its own).
    "Planering__Web__Port=0"
  )

  # Silo 1 first: on a fresh database it applies the schema and seeds Sweden; silo 2 then finds the world seeded and
  # only joins. After a restart both find it seeded.
  for name in silo1 silo2; do
    log "$name: API 127.0.0.1:${port[${name}_api]}, silo port ${port[${name}_silo]}, gateway port ${port[${name}_gateway]}, dashboard port ${port[${name}_dashboard]} ..."
    launch_dll=$silo_dll launch "$name" "${common[@]}" "Planering__Cluster__AdvertisedAddress=127.0.0.1" \
      "Planering__Cluster__SiloPort=${port[${name}_silo]}" "Planering__Cluster__GatewayPort=${port[${name}_gateway]}" \
      "Planering__Api__Port=${port[${name}_api]}" "Planering__Dashboard__Port=${port[${name}_dashboard]}"
    wait_for_port "$name" "${port[${name}_api]}" 180
    wait_healthy "$name" "${port[${name}_api]}" 60
  done

  log "gateway: API 127.0.0.1:${port[gateway_api]}, HTTP/JSON 127.0.0.1:${port[gateway_http]} ..."
  launch_dll=$gateway_dll launch gateway "${common[@]}" "Planering__Api__Port=${port[gateway_api]}" "Planering__Api__HttpPort=${port[gateway_http]}"
  wait_for_port gateway "${port[gateway_api]}" 120
  wait_healthy gateway "${port[gateway_api]}" 60

  # The web app as compose runs it (service web, docker/Dockerfile.web): its own process, a client of the gateway's API,
  # the identity provider from the same PLANERING_OIDC_* variables. One difference, because here it binds 127.0.0.1
  # where the container binds every interface: it is given the cluster's signing key, so its local sign-in (allowed on
  # loopback only) works without an identity provider.
  log "web: http://127.0.0.1:${port[web]}/ ..."
  launch_dll=$web_dll launch web \
    "Planering__Web__Address=127.0.0.1" "Planering__Web__Port=${port[web]}" \
    "Planering__Web__ApiAddress=http://127.0.0.1:${port[gateway_api]}" \
    "Planering__Web__Oidc__Authority=${PLANERING_OIDC_AUTHORITY:-}" "Planering__Web__Oidc__ClientId=${PLANERING_OIDC_CLIENT_ID:-}" \
    "Planering__Web__Oidc__ClientSecret=${PLANERING_OIDC_CLIENT_SECRET:-}" "Planering__Web__Oidc__ApiScope=${PLANERING_OIDC_API_SCOPE:-}" \
    "Planering__Auth__SigningKeyFile=$key_file"
  wait_for_port web "${port[web]}" 120
  wait_web_ready "${port[web]}" 60
  trap - EXIT

  cat <<EOF
Planering cluster is up.
  gateway      http://127.0.0.1:${port[gateway_api]}   (h2c gRPC)   PID $(cat "$run_dir/pids/gateway")
  HTTP/JSON    http://127.0.0.1:${port[gateway_http]}/openapi/v1.json (the gateway's HTTP/JSON API)
  web app      http://127.0.0.1:${port[web]}/                 PID $(cat "$run_dir/pids/web")
  silo1 API    http://127.0.0.1:${port[silo1_api]}                  PID $(cat "$run_dir/pids/silo1")
  silo2 API    http://127.0.0.1:${port[silo2_api]}                  PID $(cat "$run_dir/pids/silo2")
  dashboard    http://127.0.0.1:${port[silo1_dashboard]}/ (silo1), http://127.0.0.1:${port[silo2_dashboard]}/ (silo2)
  PostgreSQL   $connection   PID $(head -n 1 "$run_dir/pgdata/postmaster.pid")
  data, logs   $run_dir  ('$0 stop' keeps it, '$0 wipe' deletes it)
A token (roles viewer, scheduler, planner; any combination):
  dotnet $silo_dll mint-token --role viewer --Planering:Auth:SigningKeyFile=$key_file
EOF
}

status() {
  [[ -d $run_dir ]] || { echo "no cluster ($run_dir does not exist)"; return 0; }
  local name
  for name in "${nodes[@]}"; do
    if alive "$name"; then echo "$name running (PID $(cat "$run_dir/pids/$name"))"; else echo "$name not running"; fi
  done
  if postgres_running; then echo "PostgreSQL running (PID $(head -n 1 "$run_dir/pgdata/postmaster.pid"))"; else echo "PostgreSQL not running"; fi
  echo "data in $run_dir"
}

case ${1:-start} in
  start) start_all ;;
  stop) stop_all; [[ -d $run_dir ]] && log "data kept in $run_dir; '$0 start' resumes on it, '$0 wipe' deletes it" || true ;;
  restart) stop_all; start_all ;;
  wipe) wipe_all ;;
  status) status ;;
  run)
    start_all
    trap 'log "stopping ..."; stop_all; exit 0' INT TERM
    log "running; Ctrl-C stops everything (the data stays)"
    # Returns when a silo, the gateway or the web app exits on its own, or when Ctrl-C runs the trap.
    wait -n "$(cat "$run_dir/pids/silo1")" "$(cat "$run_dir/pids/silo2")" "$(cat "$run_dir/pids/gateway")" "$(cat "$run_dir/pids/web")" || true
    log "a process exited on its own; stopping the rest"
    stop_all
    ;;
  *) die "usage: $0 [start|stop|restart|wipe|run|status]" ;;
esac
