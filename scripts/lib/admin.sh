# shellcheck shell=bash
# Admin command-line tools acting as an organisation's admin user. Sourced after common.sh.

# osnadmin against one orderer's channel participation API, with the orderer admin's TLS client cert.
osnadmin_as_admin() {
  local admin_port=$1
  shift
  local tls
  tls=$(user_dir orderer admin)/tls
  osnadmin channel "$@" -o "127.0.0.1:$admin_port" --ca-file "$tls/ca.crt" \
    --client-cert "$tls/server.crt" --client-key "$tls/server.key"
}

# The peer CLI acting as an organisation's admin against its own peer.
peer_as_admin() {
  local org=$1
  shift
  local node
  node=$(peer_of_org "$org")
  env FABRIC_CFG_PATH="$NETWORK_CONFIG_DIR" \
    CORE_PEER_LOCALMSPID="$(org_msp_id "$org")" \
    CORE_PEER_MSPCONFIGPATH="$(user_dir "$org" admin)/msp" \
    CORE_PEER_ADDRESS="127.0.0.1:$(node_field "$node" port)" \
    CORE_PEER_TLS_ENABLED=true \
    CORE_PEER_TLS_ROOTCERT_FILE="$(ca_cert_of_org "$org")" \
    "$BIN_DIR/peer" "$@"
}

orderer_endpoint() { echo "127.0.0.1:$(node_field orderer0.orderer port)"; }
orderer_tls_ca() { ca_cert_of_org orderer; }
