# shellcheck shell=bash disable=SC2034
# Shared by every script: paths, logging, the node table, processes by recorded PID, health waits.
# Sourced, never run.

COLDTRACE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
COLDTRACE_HOME=${COLDTRACE_HOME:-$COLDTRACE_ROOT/.coldtrace}
NETWORK_CONFIG_DIR=$COLDTRACE_ROOT/network
BIN_DIR=$COLDTRACE_HOME/bin
NET_DIR=$COLDTRACE_HOME/network
PID_DIR=$NET_DIR/pids
LOG_DIR=$NET_DIR/logs
PROFILE_DIR=$NET_DIR/profiles
CHANNEL_NAME=coldchain
CHAINCODE_NAME=coldtrace
# Shifts every port of the table, so two networks (or another program) can share the machine.
PORT_OFFSET=${COLDTRACE_PORT_OFFSET:-0}
HEALTH_TIMEOUT_SECONDS=${COLDTRACE_HEALTH_TIMEOUT:-60}

# shellcheck source=../../network/fabric-version.env
source "$NETWORK_CONFIG_DIR/fabric-version.env"

export PATH="$BIN_DIR:$PATH"

info() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33mwarning:\033[0m %s\n' "$*" >&2; }
die() {
  printf '\033[1;31merror:\033[0m %s\n' "$*" >&2
  exit 1
}

# Rows of a table in network/, comments and blank lines dropped.
table_rows() {
  grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$NETWORK_CONFIG_DIR/$1"
}

# Nodes of one kind (ca, orderer, peer) as "name org port ops extra ccaas", ports offset.
nodes_of_kind() {
  local wanted=$1 name kind org port ops extra ccaas
  while read -r name kind org port ops extra ccaas; do
    [[ $kind == "$wanted" ]] || continue
    [[ $extra == - ]] || extra=$((extra + PORT_OFFSET))
    [[ $ccaas == - ]] || ccaas=$((ccaas + PORT_OFFSET))
    echo "$name $org $((port + PORT_OFFSET)) $((ops + PORT_OFFSET)) $extra $ccaas"
  done < <(table_rows nodes.tsv)
}

all_nodes() { for kind in ca orderer peer; do nodes_of_kind "$kind"; done; }

# One field of a node's row: node_field NAME org|port|ops|extra|ccaas
node_field() {
  local node=$1 field=$2 name org port ops extra ccaas
  while read -r name org port ops extra ccaas; do
    [[ $name == "$node" ]] || continue
    case $field in
      org) echo "$org" ;;
      port) echo "$port" ;;
      ops) echo "$ops" ;;
      extra) echo "$extra" ;;
      ccaas) echo "$ccaas" ;;
    esac
    return 0
  done < <(all_nodes)
  die "no node '$node' in network/nodes.tsv"
}

org_msp_id() {
  local org name msp
  org=$1
  while read -r name msp _; do
    [[ $name == "$org" ]] && echo "$msp" && return 0
  done < <(table_rows orgs.tsv)
  die "no organisation '$org' in network/orgs.tsv"
}

peer_of_org() {
  local name org _rest
  while read -r name org _rest; do
    if [[ $org == "$1" ]]; then
      echo "$name"
      return 0
    fi
  done < <(nodes_of_kind peer)
  die "organisation '$1' has no peer in network/nodes.tsv"
}

peer_orgs() {
  local name org _rest
  while read -r name org _rest; do echo "$org"; done < <(nodes_of_kind peer)
}

# The node's host name in its TLS certificate; clients dial 127.0.0.1, which is in the SANs too.
node_host() { echo "$1.coldtrace.local"; }

org_dir() { echo "$NET_DIR/orgs/$1"; }
node_dir() { echo "$NET_DIR/orgs/$(node_field "$1" org)/nodes/$1"; }
user_dir() { echo "$NET_DIR/orgs/$1/users/$2"; }
data_dir() { echo "$NET_DIR/data/$1"; }
# One CA per organisation issues both enrolment and TLS certificates, so its certificate is the
# root of trust for both.
ca_cert_of_org() { echo "$NET_DIR/orgs/$1/msp/cacerts/ca.pem"; }

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pid_file() { echo "$PID_DIR/$1.pid"; }

# A recorded PID counts only while it is alive and still runs one of our binaries, so a PID the
# kernel reused for someone else's process is never signalled.
recorded_pid() {
  local file pid
  file=$(pid_file "$1")
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  [[ -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -e "$COLDTRACE_HOME" -e "$COLDTRACE_ROOT" || return 1
  echo "$pid"
}

is_running() { recorded_pid "$1" >/dev/null; }

# During start-up, before the forked shell has exec'd the node's binary, its command line is still
# the calling script's, so only liveness is checked there; ownership matters when signalling.
still_starting() {
  local file
  file=$(pid_file "$1")
  [[ -f $file ]] && kill -0 "$(<"$file")" 2>/dev/null
}

# start_process NAME WORKDIR COMMAND...: runs detached, records the PID, logs to logs/NAME.log.
# Environment for the process is passed with `env VAR=value` at the front of COMMAND.
start_process() {
  local name=$1 workdir=$2
  shift 2
  mkdir -p "$PID_DIR" "$LOG_DIR" "$workdir"
  (cd "$workdir" && exec setsid "$@" >>"$LOG_DIR/$name.log" 2>&1 </dev/null) &
  echo $! >"$(pid_file "$name")"
}

stop_process() {
  local name=$1 pid waited=0
  if ! pid=$(recorded_pid "$name"); then
    rm -f "$(pid_file "$name")"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && ((waited < 100)); do
    sleep 0.1
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$name (pid $pid) ignored SIGTERM for 10 s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$(pid_file "$name")"
  info "stopped $name (pid $pid)"
}

# wait_healthy NAME URL CACERT: polls an operations endpoint's /healthz until it answers OK.
wait_healthy() {
  local name=$1 url=$2 cacert=$3 deadline
  deadline=$((SECONDS + HEALTH_TIMEOUT_SECONDS))
  until curl -sf --cacert "$cacert" "$url" >/dev/null 2>&1; do
    still_starting "$name" || die "$name exited during start-up; last log lines:
$(tail -n 20 "$LOG_DIR/$name.log" 2>/dev/null)"
    ((SECONDS < deadline)) || die "$name not healthy after ${HEALTH_TIMEOUT_SECONDS}s at $url (log: $LOG_DIR/$name.log)"
    sleep 0.3
  done
}

# wait_port NAME PORT: for listeners without a health endpoint (chaincode servers).
wait_port() {
  local name=$1 port=$2 deadline
  deadline=$((SECONDS + HEALTH_TIMEOUT_SECONDS))
  until port_in_use "$port"; do
    still_starting "$name" || die "$name exited during start-up; last log lines:
$(tail -n 20 "$LOG_DIR/$name.log" 2>/dev/null)"
    ((SECONDS < deadline)) || die "$name not listening on $port after ${HEALTH_TIMEOUT_SECONDS}s"
    sleep 0.3
  done
}

require_fabric_binaries() {
  local tool
  for tool in peer orderer configtxgen osnadmin fabric-ca-server fabric-ca-client; do
    [[ -x $BIN_DIR/$tool ]] || die "Fabric binary '$tool' missing: run scripts/install-fabric.sh"
  done
}

# shellcheck source=node-runtime.sh
source "$COLDTRACE_ROOT/scripts/lib/node-runtime.sh"
use_node_runtime
