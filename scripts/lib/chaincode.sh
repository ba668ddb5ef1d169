# shellcheck shell=bash
# Chaincode servers (chaincode as a service): one Node.js process beside each peer, started with
# the installed package ID. Sourced by network.sh (to resume them on `up`) and deploy.sh.

CHAINCODE_DIR=${COLDTRACE_CHAINCODE_DIR:-$COLDTRACE_ROOT/chaincode}
CHAINCODE_STATE_DIR=$NET_DIR/chaincode
DEPLOYED_PACKAGE_FILE=$CHAINCODE_STATE_DIR/package-id
DEPLOYED_MODULE_FILE=$CHAINCODE_STATE_DIR/module-path
ENDORSEMENT_TIMEOUT_SECONDS=${COLDTRACE_ENDORSEMENT_TIMEOUT:-180}

chaincode_process() { echo "chaincode.$1"; }

# The package ID a running chaincode server was started with (empty when none runs).
running_package_id() {
  local pid
  pid=$(recorded_pid "$(chaincode_process "$1")") || return 0
  tr '\0' '\n' <"/proc/$pid/cmdline" | sed -n '/^--chaincode-id$/{n;p;}'
}

# A chaincode server's environment (VAR=value) and command line, one word per line; compose.sh
# uses it too.
chaincode_server_command() {
  local peer=$1 package_id=$2 module=$3 dir
  dir=$(node_dir "$peer")
  printf '%s\n' CORE_CHAINCODE_LOGGING_LEVEL=info \
    node "$COLDTRACE_ROOT/node_modules/fabric-shim/cli.js" server \
    --chaincode-address "127.0.0.1:$(node_field "$peer" ccaas)" --chaincode-id "$package_id" \
    --chaincode-tls-cert-file "$dir/tls/server.crt" --chaincode-tls-key-file "$dir/tls/server.key" \
    --module-path "$module"
}

start_chaincode_server() {
  local peer=$1 package_id=$2 module=${3:-$CHAINCODE_DIR} name port command
  name=$(chaincode_process "$peer")
  port=$(node_field "$peer" ccaas)
  [[ $(running_package_id "$peer") == "$package_id" ]] && return 0
  stop_process "$name"
  if port_in_use "$port"; then
    die "port $port (chaincode server of $peer) is already in use by another program"
  fi
  mapfile -t command < <(chaincode_server_command "$peer" "$package_id" "$module")
  start_process "$name" "$module" env "${command[@]}"
  wait_port "$name" "$port"
  info "$name serving $package_id (pid $(recorded_pid "$name"))"
}

# Blocks until every organisation's gateway can endorse on every peer: after a start, a restart or
# an upgrade, peers learn of each other and of the chaincode through gossip, which takes seconds
# to a minute.
wait_for_endorsers() {
  (cd "$COLDTRACE_ROOT" && node scripts/lib/wait-for-endorsers.js "$PROFILE_DIR" "$ENDORSEMENT_TIMEOUT_SECONDS") ||
    die "the chaincode is not endorsable on every peer (logs: $LOG_DIR/)"
}

# After `down`/`up`, brings back the chaincode servers of the last deployment.
resume_chaincode_servers() {
  local name _rest package_id module
  [[ -f $DEPLOYED_PACKAGE_FILE && -f $DEPLOYED_MODULE_FILE ]] || return 0
  package_id=$(<"$DEPLOYED_PACKAGE_FILE")
  module=$(<"$DEPLOYED_MODULE_FILE")
  while read -r name _rest; do start_chaincode_server "$name" "$package_id" "$module"; done < <(nodes_of_kind peer)
}
