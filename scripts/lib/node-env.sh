# shellcheck shell=bash
# The environment of each orderer and peer, one VAR=value per line, generated from
# network/nodes.tsv. The native runtime (network.sh) and docker-compose.yml (compose.sh) both use
# it, so the two topologies cannot drift apart. Sourced after common.sh.

orderer_env() {
  local node=$1 dir data
  dir=$(node_dir "$node")
  data=$(data_dir "$node")
  printf '%s\n' \
    "FABRIC_CFG_PATH=$NETWORK_CONFIG_DIR" \
    "ORDERER_GENERAL_LISTENPORT=$(node_field "$node" port)" \
    "ORDERER_GENERAL_LOCALMSPDIR=$dir/msp" \
    "ORDERER_GENERAL_TLS_CERTIFICATE=$dir/tls/server.crt" \
    "ORDERER_GENERAL_TLS_PRIVATEKEY=$dir/tls/server.key" \
    "ORDERER_GENERAL_TLS_ROOTCAS=[$dir/tls/ca.crt]" \
    "ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE=$dir/tls/server.crt" \
    "ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY=$dir/tls/server.key" \
    "ORDERER_GENERAL_CLUSTER_ROOTCAS=[$dir/tls/ca.crt]" \
    "ORDERER_FILELEDGER_LOCATION=$data/ledger" \
    "ORDERER_CONSENSUS_WALDIR=$data/etcdraft/wal" \
    "ORDERER_CONSENSUS_SNAPDIR=$data/etcdraft/snapshot" \
    "ORDERER_OPERATIONS_LISTENADDRESS=127.0.0.1:$(node_field "$node" ops)" \
    "ORDERER_OPERATIONS_TLS_CERTIFICATE=$dir/tls/server.crt" \
    "ORDERER_OPERATIONS_TLS_PRIVATEKEY=$dir/tls/server.key" \
    "ORDERER_ADMIN_LISTENADDRESS=127.0.0.1:$(node_field "$node" extra)" \
    "ORDERER_ADMIN_TLS_CERTIFICATE=$dir/tls/server.crt" \
    "ORDERER_ADMIN_TLS_PRIVATEKEY=$dir/tls/server.key" \
    "ORDERER_ADMIN_TLS_ROOTCAS=[$dir/tls/ca.crt]" \
    "ORDERER_ADMIN_TLS_CLIENTROOTCAS=[$dir/tls/ca.crt]"
}

peer_env() {
  local node=$1 dir data org port
  dir=$(node_dir "$node")
  data=$(data_dir "$node")
  org=$(node_field "$node" org)
  port=$(node_field "$node" port)
  printf '%s\n' \
    "FABRIC_CFG_PATH=$NETWORK_CONFIG_DIR" \
    "CORE_PEER_ID=$node" \
    "CORE_PEER_LISTENADDRESS=127.0.0.1:$port" \
    "CORE_PEER_ADDRESS=127.0.0.1:$port" \
    "CORE_PEER_CHAINCODELISTENADDRESS=127.0.0.1:$(node_field "$node" extra)" \
    "CORE_PEER_GOSSIP_BOOTSTRAP=127.0.0.1:$port" \
    "CORE_PEER_GOSSIP_EXTERNALENDPOINT=127.0.0.1:$port" \
    "CORE_PEER_LOCALMSPID=$(org_msp_id "$org")" \
    "CORE_PEER_MSPCONFIGPATH=$dir/msp" \
    "CORE_PEER_TLS_CERT_FILE=$dir/tls/server.crt" \
    "CORE_PEER_TLS_KEY_FILE=$dir/tls/server.key" \
    "CORE_PEER_TLS_ROOTCERT_FILE=$dir/tls/ca.crt" \
    "CORE_PEER_FILESYSTEMPATH=$data/ledger" \
    "CORE_LEDGER_SNAPSHOTS_ROOTDIR=$data/snapshots" \
    "CORE_OPERATIONS_LISTENADDRESS=127.0.0.1:$(node_field "$node" ops)" \
    "CORE_OPERATIONS_TLS_CERT_FILE=$dir/tls/server.crt" \
    "CORE_OPERATIONS_TLS_KEY_FILE=$dir/tls/server.key" \
    "CORE_CHAINCODE_EXTERNALBUILDERS=[{name: ccaas, path: $NETWORK_CONFIG_DIR/builders/ccaas, propagateEnvironment: [COLDTRACE_CHAINCODE_ADDRESS, COLDTRACE_CHAINCODE_TLS_ROOT_CERT]}]" \
    "COLDTRACE_CHAINCODE_ADDRESS=127.0.0.1:$(node_field "$node" ccaas)" \
    "COLDTRACE_CHAINCODE_TLS_ROOT_CERT=$dir/tls/ca.crt"
}
