# shellcheck shell=bash
# Identities from a Fabric CA per organisation: CA servers, registration, enrolment, MSP folders.
# Sourced by network.sh after common.sh.

CA_BOOTSTRAP_USER=ca-registrar
CA_BOOTSTRAP_PASSWORD=${COLDTRACE_CA_ADMIN_PASSWORD:-adminpw}

ca_home() { echo "$NET_DIR/ca/$1"; }
ca_tls_cert() { echo "$(ca_home "$1")/ca-cert.pem"; }
ca_url() { echo "https://127.0.0.1:$(node_field "ca.$1" port)"; }

# The CA server's environment (VAR=value) and command line, one word per line; compose.sh uses it
# too, so the Docker services start exactly the same way.
ca_server_command() {
  local org=$1 node="ca.$1"
  printf '%s\n' \
    "FABRIC_CA_SERVER_OPERATIONS_LISTENADDRESS=127.0.0.1:$(node_field "$node" ops)" \
    "FABRIC_CA_SERVER_CA_NAME=$node" \
    "$BIN_DIR/fabric-ca-server" start \
    -b "$CA_BOOTSTRAP_USER:$CA_BOOTSTRAP_PASSWORD" \
    --address 127.0.0.1 -p "$(node_field "$node" port)" -H "$(ca_home "$org")" \
    --tls.enabled --csr.cn "$node" --csr.hosts "127.0.0.1,localhost,$(node_host "$node")"
}

start_ca() {
  local org=$1 command
  mapfile -t command < <(ca_server_command "$org")
  start_process "ca.$org" "$(ca_home "$org")" env "${command[@]}"
}

# The CA's TLS API answering /cainfo is its readiness signal.
wait_ca() {
  local org=$1 node="ca.$1" deadline
  deadline=$((SECONDS + HEALTH_TIMEOUT_SECONDS))
  until [[ -f $(ca_tls_cert "$org") ]] &&
    curl -sf --cacert "$(ca_tls_cert "$org")" "$(ca_url "$org")/cainfo" >/dev/null 2>&1; do
    still_starting "$node" || die "$node exited during start-up; last log lines:
$(tail -n 20 "$LOG_DIR/$node.log" 2>/dev/null)"
    ((SECONDS < deadline)) || die "$node not answering at $(ca_url "$org") after ${HEALTH_TIMEOUT_SECONDS}s"
    sleep 0.3
  done
}

ca_client() {
  local org=$1
  shift
  "$BIN_DIR/fabric-ca-client" "$@" --tls.certfiles "$(ca_tls_cert "$org")" \
    -H "$(org_dir "$org")/registrar" >>"$LOG_DIR/enrolment.log" 2>&1 ||
    die "fabric-ca-client $1 failed for $org (log: $LOG_DIR/enrolment.log)"
}

write_node_ous() {
  cat >"$1/config.yaml" <<'EOF'
NodeOUs:
  Enable: true
  ClientOUIdentifier:
    Certificate: cacerts/ca.pem
    OrganizationalUnitIdentifier: client
  PeerOUIdentifier:
    Certificate: cacerts/ca.pem
    OrganizationalUnitIdentifier: peer
  AdminOUIdentifier:
    Certificate: cacerts/ca.pem
    OrganizationalUnitIdentifier: admin
  OrdererOUIdentifier:
    Certificate: cacerts/ca.pem
    OrganizationalUnitIdentifier: orderer
EOF
}

# Gives an enrolled MSP stable file names (cacerts/ca.pem, keystore/key.pem) and NodeOUs.
normalise_msp() {
  local msp=$1
  mv "$msp"/cacerts/*.pem "$msp/cacerts/ca.pem.tmp" && mv "$msp/cacerts/ca.pem.tmp" "$msp/cacerts/ca.pem"
  mv "$msp"/keystore/*_sk "$msp/keystore/key.pem"
  mv "$msp"/signcerts/*.pem "$msp/signcerts/cert.pem.tmp" && mv "$msp/signcerts/cert.pem.tmp" "$msp/signcerts/cert.pem"
  write_node_ous "$msp"
}

# The organisation's MSP as the channel configuration sees it: CA and TLS CA certificates only.
write_org_msp() {
  local org=$1 msp
  msp=$(org_dir "$org")/msp
  mkdir -p "$msp/cacerts" "$msp/tlscacerts"
  cp "$(ca_tls_cert "$org")" "$msp/cacerts/ca.pem"
  cp "$(ca_tls_cert "$org")" "$msp/tlscacerts/ca.pem"
  write_node_ous "$msp"
}

enroll() {
  local org=$1 name=$2 secret=$3 dir=$4
  shift 4
  rm -rf "$dir"
  ca_client "$org" enroll -u "https://$name:$secret@127.0.0.1:$(node_field "ca.$org" port)" -M "$dir" "$@"
}

# TLS key pair for a node or client, laid out as server.crt / server.key / ca.crt.
enroll_tls() {
  local org=$1 name=$2 secret=$3 dir=$4 hosts=$5
  enroll "$org" "$name" "$secret" "$dir/enrolment" --enrollment.profile tls --csr.hosts "$hosts"
  cp "$dir"/enrolment/signcerts/*.pem "$dir/server.crt"
  cp "$dir"/enrolment/keystore/*_sk "$dir/server.key"
  cp "$(ca_tls_cert "$org")" "$dir/ca.crt"
  rm -rf "$dir/enrolment"
}

enroll_node() {
  local node=$1 type=$2 org dir secret
  org=$(node_field "$node" org)
  dir=$(node_dir "$node")
  secret="$node-secret"
  ca_client "$org" register --id.name "$node" --id.secret "$secret" --id.type "$type" -u "$(ca_url "$org")"
  enroll "$org" "$node" "$secret" "$dir/msp" --csr.hosts "$(node_host "$node"),127.0.0.1,localhost"
  normalise_msp "$dir/msp"
  enroll_tls "$org" "$node" "$secret" "$dir/tls" "$(node_host "$node"),127.0.0.1,localhost"
}

enroll_user() {
  local org=$1 user=$2 type=$3 role=$4 dir secret attrs=()
  dir=$(user_dir "$org" "$user")
  secret="$user-secret"
  [[ $role == - ]] || attrs=(--id.attrs "role=$role:ecert")
  ca_client "$org" register --id.name "$user" --id.secret "$secret" --id.type "$type" "${attrs[@]}" -u "$(ca_url "$org")"
  enroll "$org" "$user" "$secret" "$dir/msp"
  normalise_msp "$dir/msp"
  # Admin users also get a TLS client certificate (osnadmin needs one for the orderers).
  [[ $type != admin ]] || enroll_tls "$org" "$user" "$secret" "$dir/tls" "127.0.0.1,localhost"
}

# Registers and enrols every node and user of the tables, once per network.
create_identities() {
  local marker=$NET_DIR/.identities-created org name _rest user type role
  [[ -f $marker ]] && return 0
  info "registering and enrolling identities with each organisation's Fabric CA"
  while read -r org _rest; do
    write_org_msp "$org"
    ca_client "$org" enroll -u "https://$CA_BOOTSTRAP_USER:$CA_BOOTSTRAP_PASSWORD@127.0.0.1:$(node_field "ca.$org" port)"
  done < <(table_rows orgs.tsv)
  while read -r name _rest; do enroll_node "$name" orderer; done < <(nodes_of_kind orderer)
  while read -r name _rest; do enroll_node "$name" peer; done < <(nodes_of_kind peer)
  while read -r org user type role; do
    enroll_user "$org" "$user" "$type" "$role"
  done < <(table_rows users.tsv)
  touch "$marker"
}
