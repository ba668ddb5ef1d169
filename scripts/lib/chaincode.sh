# shellcheck shell=bash
# Chaincode servers (chaincode as a service): one Node.js process beside each peer, started with
# the installed package ID. Sourced by network.sh (to resume them on `up`) and deploy.sh.

CHAINCODE_DIR=${COLDTRACE_CHAINCODE_DIR:-$COLDTRACE_ROOT/chaincode}
CHAINCODE_STATE_DIR=$NET_DIR/chaincode
DEPLOYED_PACKAGE_FILE=$CHAINCODE_STATE_DIR/package-id
DEPLOYED_MODULE_FILE=$CHAINCODE_STATE_DIR/module-path

chaincode_process() { echo "chaincode.$1"; }

# The package ID a running chaincode server was started with (empty when none runs).
running_package_id() {
  local pid
  pid=$(recorded_pid "$(chaincode_process "$1")") || return 0
  tr '\0' '\n' <"/proc/$pid/cmdline" | sed -n '/^--chaincode-id$/{n;p;}'
}

start_chaincode_server() {
  local peer=$1 package_id=$2 module=${3:-$CHAINCODE_DIR} name dir port
  name=$(chaincode_process "$peer")
  dir=$(node_dir "$peer")
  port=$(node_field "$peer" ccaas)
  [[ $(running_package_id "$peer") == "$package_id" ]] && return 0
  stop_process "$name"
  if port_in_use "$port"; then
    die "port $port (chaincode server of $peer) is already in use by another program"
  fi
  start_process "$name" "$module" env CORE_CHAINCODE_LOGGING_LEVEL=info \
    node "$COLDTRACE_ROOT/node_modules/fabric-shim/cli.js" server \
    --chaincode-address "127.0.0.1:$port" --chaincode-id "$package_id" \
    --chaincode-tls-cert-file "$dir/tls/server.crt" --chaincode-tls-key-file "$dir/tls/server.key" \
    --module-path "$module"
  wait_port "$name" "$port"
  info "$name serving $package_id (pid $(recorded_pid "$name"))"
}

# After `down`/`up`, brings back the chaincode servers of the last deployment.
resume_chaincode_servers() {
  local name _rest package_id module
  [[ -f $DEPLOYED_PACKAGE_FILE && -f $DEPLOYED_MODULE_FILE ]] || return 0
  package_id=$(<"$DEPLOYED_PACKAGE_FILE")
  module=$(<"$DEPLOYED_MODULE_FILE")
  while read -r name _rest; do start_chaincode_server "$name" "$package_id" "$module"; done < <(nodes_of_kind peer)
}
