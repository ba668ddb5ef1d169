#!/usr/bin/env bash
# The local coldtrace network: a Fabric CA per organisation, three Raft orderers, one peer each for
# PharmaMSP, LogisticsMSP and AuditorMSP, channel `coldchain`. Native processes on 127.0.0.1; data,
# logs and PIDs under .coldtrace/network.
#
# Usage: scripts/network.sh <command>
#   up       start (or resume) the network; a network already up is reported, not touched
#   down     stop exactly the processes `up` started, by recorded PID; data is kept
#   status   each node's PID and health (operations endpoint /healthz)
#   logs     [NODE] [--follow]  show a node's log (all logs' tails without NODE)
#   clean    down, then delete every ledger, identity and log
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/crypto.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/crypto.sh"
# shellcheck source=lib/node-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/node-env.sh"
# shellcheck source=lib/admin.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/admin.sh"
# shellcheck source=lib/chaincode.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/chaincode.sh"
# shellcheck source=../network/tuning.env
source "$NETWORK_CONFIG_DIR/tuning.env"

CHANNEL_DIR=$NET_DIR/channel
GENESIS_BLOCK=$CHANNEL_DIR/$CHANNEL_NAME.block

usage() {
  sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

# Fails fast, naming the port, when something that is not ours listens where a node must.
check_ports_free() {
  local name org port ops extra ccaas p
  while read -r name org port ops extra ccaas; do
    is_running "$name" && continue
    for p in "$port" "$ops" "$extra"; do
      [[ $p == - ]] && continue
      if port_in_use "$p"; then
        die "port $p (for $name) is already in use by another program; free it or set COLDTRACE_PORT_OFFSET"
      fi
    done
  done < <(all_nodes)
}

render_channel_config() {
  local name org port ops extra _cc endpoints="" consenters="" tls
  mkdir -p "$CHANNEL_DIR"
  while read -r name org port ops extra _cc; do
    tls=$(node_dir "$name")/tls/server.crt
    endpoints+="${endpoints:+, }\"127.0.0.1:$port\""
    consenters+="${consenters:+, }{Host: 127.0.0.1, Port: $port, ClientTLSCert: $tls, ServerTLSCert: $tls}"
  done < <(nodes_of_kind orderer)
  ORDERER_ENDPOINTS=$endpoints RAFT_CONSENTERS=$consenters \
    PHARMA_PEER_PORT=$(node_field peer0.pharma port) \
    LOGISTICS_PEER_PORT=$(node_field peer0.logistics port) \
    AUDITOR_PEER_PORT=$(node_field peer0.auditor port) \
    ORDERER_BATCH_TIMEOUT=$ORDERER_BATCH_TIMEOUT \
    ORDERER_MAX_MESSAGE_COUNT=$ORDERER_MAX_MESSAGE_COUNT \
    ORDERER_PREFERRED_MAX_BYTES=$ORDERER_PREFERRED_MAX_BYTES \
    envsubst <"$NETWORK_CONFIG_DIR/configtx.yaml.tmpl" >"$CHANNEL_DIR/configtx.yaml"
}

create_genesis_block() {
  [[ -f $GENESIS_BLOCK ]] && return 0
  info "creating the genesis block of channel $CHANNEL_NAME"
  render_channel_config
  configtxgen -configPath "$CHANNEL_DIR" -profile ColdChain -channelID "$CHANNEL_NAME" \
    -outputBlock "$GENESIS_BLOCK" >>"$LOG_DIR/configtxgen.log" 2>&1 ||
    die "configtxgen failed (log: $LOG_DIR/configtxgen.log)"
}

start_orderer() {
  local node=$1 env_vars
  mapfile -t env_vars < <(orderer_env "$node")
  start_process "$node" "$(data_dir "$node")" env "${env_vars[@]}" "$BIN_DIR/orderer"
}

start_peer() {
  local node=$1 env_vars
  mapfile -t env_vars < <(peer_env "$node")
  start_process "$node" "$(data_dir "$node")" env "${env_vars[@]}" "$BIN_DIR/peer" node start
}

# An orderer's membership of the channel as the channel participation API answers it: 200 member,
# 404 not a member. The API listens a moment after /healthz answers, so unanswered calls are
# retried until the health timeout.
orderer_channel_status() {
  local admin=$1 status deadline=$((SECONDS + HEALTH_TIMEOUT_SECONDS))
  while true; do
    status=$(osnadmin_as_admin "$admin" list --channelID "$CHANNEL_NAME" 2>/dev/null | sed -n 's/^Status: \([0-9]*\).*/\1/p')
    if [[ $status == 200 || $status == 404 ]]; then
      echo "$status"
      return 0
    fi
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

join_orderers() {
  local name org port ops admin _cc status
  while read -r name org port ops admin _cc; do
    status=$(orderer_channel_status "$admin") ||
      die "$name's channel participation API (port $admin) did not answer in ${HEALTH_TIMEOUT_SECONDS}s (log: $LOG_DIR/$name.log)"
    [[ $status == 200 ]] && continue
    info "joining $name to channel $CHANNEL_NAME"
    osnadmin_as_admin "$admin" join --channelID "$CHANNEL_NAME" --config-block "$GENESIS_BLOCK" \
      >>"$LOG_DIR/osnadmin.log" 2>&1 || die "osnadmin join failed for $name (log: $LOG_DIR/osnadmin.log)"
  done < <(nodes_of_kind orderer)
}

# The channels a peer has joined; retried while its gRPC service is still starting.
peer_channels() {
  local org=$1 channels deadline=$((SECONDS + HEALTH_TIMEOUT_SECONDS))
  until channels=$(peer_as_admin "$org" channel list 2>/dev/null); do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
  echo "$channels"
}

join_peers() {
  local org channels
  for org in $(peer_orgs); do
    channels=$(peer_channels "$org") ||
      die "$(peer_of_org "$org") did not answer channel list in ${HEALTH_TIMEOUT_SECONDS}s (log: $LOG_DIR/peer-cli.log)"
    grep -qx "$CHANNEL_NAME" <<<"$channels" && continue
    info "joining $(peer_of_org "$org") to channel $CHANNEL_NAME"
    peer_as_admin "$org" channel join -b "$GENESIS_BLOCK" >>"$LOG_DIR/peer-cli.log" 2>&1 ||
      die "peer channel join failed for $org (log: $LOG_DIR/peer-cli.log)"
  done
}

write_profiles() {
  local org node users user type role dir sep
  mkdir -p "$PROFILE_DIR"
  for org in $(peer_orgs); do
    node=$(peer_of_org "$org")
    users="" sep=""
    while read -r uorg user type role; do
      [[ $uorg == "$org" ]] || continue
      dir=$(user_dir "$org" "$user")/msp
      [[ $role == - ]] && role=""
      users+="$sep    \"$user\": { \"certPath\": \"$dir/signcerts/cert.pem\", \"keyPath\": \"$dir/keystore/key.pem\", \"role\": \"$role\", \"type\": \"$type\" }"
      sep=$',\n'
    done < <(table_rows users.tsv)
    cat >"$PROFILE_DIR/$(org_msp_id "$org").json" <<EOF
{
  "name": "coldtrace-local",
  "channel": "$CHANNEL_NAME",
  "chaincode": "$CHAINCODE_NAME",
  "mspId": "$(org_msp_id "$org")",
  "peer": {
    "endpoint": "127.0.0.1:$(node_field "$node" port)",
    "hostAlias": "$(node_host "$node")",
    "tlsCACertPath": "$(ca_cert_of_org "$org")"
  },
  "users": {
$users
  }
}
EOF
  done
}

node_health_url() {
  echo "https://127.0.0.1:$(node_field "$1" ops)/healthz"
}

start_missing_nodes() {
  local kind=$1 name org port ops extra ccaas started=()
  while read -r name org port ops extra ccaas; do
    is_running "$name" && continue
    case $kind in
      ca) start_ca "$org" ;;
      orderer) start_orderer "$name" ;;
      peer) start_peer "$name" ;;
    esac
    started+=("$name")
  done < <(nodes_of_kind "$kind")
  for name in "${started[@]}"; do
    case $kind in
      ca) wait_ca "$(node_field "$name" org)" ;;
      *)
        wait_healthy "$name" "$(node_health_url "$name")" "$(node_dir "$name")/tls/ca.crt"
        # /healthz answers before every listener is up: wait for the ones the next steps dial
        # (gRPC, and the channel participation API or the chaincode listener).
        wait_port "$name" "$(node_field "$name" port)"
        wait_port "$name" "$(node_field "$name" extra)"
        ;;
    esac
    info "$name is up (pid $(recorded_pid "$name"))"
  done
}

cmd_up() {
  require_fabric_binaries
  local name all_up=true
  while read -r name _; do is_running "$name" || all_up=false; done < <(all_nodes)
  if $all_up && [[ -f $GENESIS_BLOCK ]]; then
    resume_chaincode_servers
    write_profiles
    info "the network is already up (scripts/network.sh status shows each node)"
    return 0
  fi
  local began=$SECONDS
  check_ports_free
  mkdir -p "$NET_DIR" "$LOG_DIR"
  start_missing_nodes ca
  create_identities
  create_genesis_block
  start_missing_nodes orderer
  join_orderers
  start_missing_nodes peer
  join_peers
  resume_chaincode_servers
  write_profiles
  if [[ -f $DEPLOYED_PACKAGE_FILE ]]; then
    info "waiting until every gateway can endorse the resumed chaincode"
    wait_for_endorsers
  fi
  info "network up in $((SECONDS - began)) s; connection profiles in $PROFILE_DIR"
}

cmd_down() {
  local name _rest stopped=0 kind
  # Chaincode servers first, then peers, orderers, CAs: the reverse of start-up.
  for name in $(find "$PID_DIR" -name 'chaincode.*.pid' -printf '%f\n' 2>/dev/null | sed 's/\.pid$//'); do
    stop_process "$name"
    stopped=$((stopped + 1))
  done
  for kind in peer orderer ca; do
    while read -r name _rest; do
      [[ -f $(pid_file "$name") ]] || continue
      stop_process "$name"
      stopped=$((stopped + 1))
    done < <(nodes_of_kind "$kind")
  done
  info "network down ($stopped processes stopped)"
}

cmd_status() {
  local name org port ops _rest pid health cacert code=0
  printf '%-20s %-8s %-7s %s\n' NODE PID PORT HEALTH
  while read -r name org port ops _rest; do
    if pid=$(recorded_pid "$name"); then
      if [[ $name == ca.* ]]; then
        cacert=$(ca_tls_cert "$org")
        curl -sf --cacert "$cacert" "https://127.0.0.1:$port/cainfo" >/dev/null 2>&1 && health=OK || health=UNHEALTHY
      else
        cacert=$(node_dir "$name")/tls/ca.crt
        health=$(curl -s --cacert "$cacert" "$(node_health_url "$name")" 2>/dev/null | grep -o '"status":"[A-Z]*"' | cut -d'"' -f4)
        health=${health:-UNHEALTHY}
      fi
    else
      pid=- health=STOPPED
    fi
    [[ $health == OK ]] || code=1
    printf '%-20s %-8s %-7s %s\n' "$name" "$pid" "$port" "$health"
  done < <(all_nodes)
  return $code
}

cmd_logs() {
  local node="" follow=false
  while (($#)); do
    case $1 in
      -f | --follow) follow=true ;;
      *) node=$1 ;;
    esac
    shift
  done
  if [[ -z $node ]]; then
    tail -n 5 "$LOG_DIR"/*.log
  elif $follow; then
    tail -f "$LOG_DIR/$node.log"
  else
    cat "$LOG_DIR/$node.log"
  fi
}

cmd_clean() {
  cmd_down
  rm -rf "$NET_DIR"
  info "removed $NET_DIR"
}

case ${1:-} in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  logs) shift && cmd_logs "$@" ;;
  clean) cmd_clean ;;
  -h | --help | help) usage ;;
  "") usage >&2 && exit 2 ;;
  *) printf 'unknown command %s\n\n' "$1" >&2 && usage >&2 && exit 2 ;;
esac
