#!/usr/bin/env bash
# Deploys the coldtrace chaincode to the running local network through the Fabric lifecycle:
# build, package (chaincode as a service), install on every peer, approve as every organisation,
# commit, and run one chaincode server beside each peer. Run again after a code change to upgrade
# (next sequence) without restarting the network; with no change it does nothing.
#
# Usage: scripts/deploy.sh
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/admin.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/admin.sh"
# shellcheck source=lib/chaincode.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/chaincode.sh"
# shellcheck source=../network/chaincode.env
source "$NETWORK_CONFIG_DIR/chaincode.env"

case ${1:-} in
  "") ;;
  -h | --help)
    sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *) die "unknown option '$1' (try --help)" ;;
esac

PACKAGE_DIR=$CHAINCODE_STATE_DIR/package

# Prints one field (dotted path) of the JSON on stdin; nothing for empty input or a missing field.
json_field() {
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{if(!s.trim())return;const v=process.argv[1].split(".").reduce((o,k)=>o==null?undefined:o[k],JSON.parse(s));if(v!==undefined)console.log(v)})' "$1"
}

build_chaincode() {
  [[ -f $CHAINCODE_DIR/tsconfig.json ]] || return 0
  info "building the chaincode"
  (cd "$COLDTRACE_ROOT" && npx tsc -b "$CHAINCODE_DIR") || die "chaincode build failed"
}

# The production files of a package: its compiled JavaScript (no tests, maps or type
# declarations) and package.json, as "<sha256>  <path>" lines in a stable order.
production_digests() {
  (cd "$1" && find dist package.json -type f \( -name '*.js' -o -name package.json \) ! -name '*.test.js' -print0 |
    sort -z | xargs -0 sha256sum)
}

# The label names the code the chaincode server runs: the chaincode and the @coldtrace/protocol
# package it loads at run time. Same production files, same label, same package ID; a change to
# either package's code is a new label, a change to a test is not.
chaincode_label() {
  local digest
  digest=$({
    production_digests "$CHAINCODE_DIR"
    production_digests "$COLDTRACE_ROOT/protocol"
  } | sha256sum | cut -c1-12)
  echo "${CHAINCODE_LABEL_PREFIX}_$digest"
}

# A reproducible archive (sorted, fixed owner and time, gzip without a timestamp), so the package
# ID depends only on the label.
reproducible_tgz() {
  local output=$1 dir=$2
  shift 2
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2000-01-01 00:00Z' -C "$dir" -cf - "$@" | gzip -n >"$output"
}

create_package() {
  local label=$1 work
  work=$PACKAGE_DIR/$label
  rm -rf "$work" && mkdir -p "$work/code"
  # The address is the peer's own chaincode server, filled in by the builder's release step.
  printf '{\n  "address": "set per peer by the ccaas builder",\n  "dial_timeout": "10s",\n  "tls_required": true\n}\n' >"$work/code/connection.json"
  printf '{ "type": "ccaas", "label": "%s" }\n' "$label" >"$work/metadata.json"
  reproducible_tgz "$work/code.tar.gz" "$work/code" connection.json
  reproducible_tgz "$PACKAGE_DIR/$label.tgz" "$work" metadata.json code.tar.gz
  echo "$PACKAGE_DIR/$label.tgz"
}

install_everywhere() {
  local package=$1 package_id=$2 org
  for org in $(peer_orgs); do
    if peer_as_admin "$org" lifecycle chaincode queryinstalled --output json 2>/dev/null | grep -q "\"$package_id\""; then
      continue
    fi
    info "installing $package_id on $(peer_of_org "$org")"
    peer_as_admin "$org" lifecycle chaincode install "$package" >>"$LOG_DIR/peer-cli.log" 2>&1 ||
      die "install failed on $org (log: $LOG_DIR/peer-cli.log)"
  done
}

committed_sequence() {
  peer_as_admin pharma lifecycle chaincode querycommitted -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME" --output json 2>/dev/null |
    json_field sequence || true
}

approved_package_id() {
  peer_as_admin "$1" lifecycle chaincode queryapproved -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME" --output json 2>/dev/null |
    json_field source.Type.LocalPackage.package_id || true
}

# Retries while the ordering service elects its first Raft leader after start-up.
with_retries() {
  local attempt
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    "$@" >>"$LOG_DIR/peer-cli.log" 2>&1 && return 0
    ((attempt < 10)) && sleep 2
  done
  return 1
}

definition_flags() {
  echo --channelID "$CHANNEL_NAME" --name "$CHAINCODE_NAME" --version "$1" --sequence "$2" \
    --signature-policy "$CHAINCODE_ENDORSEMENT_POLICY"
}

approve_everywhere() {
  local package_id=$1 sequence=$2 org flags
  read -ra flags <<<"$(definition_flags "${package_id%%:*}" "$sequence")"
  for org in $(peer_orgs); do
    info "approving sequence $sequence as $(org_msp_id "$org")"
    with_retries peer_as_admin "$org" lifecycle chaincode approveformyorg "${flags[@]}" \
      --package-id "$package_id" -o "$(orderer_endpoint)" --tls --cafile "$(orderer_tls_ca)" ||
      die "approval failed for $org (log: $LOG_DIR/peer-cli.log)"
  done
}

commit_definition() {
  local package_id=$1 sequence=$2 org flags peers=()
  read -ra flags <<<"$(definition_flags "${package_id%%:*}" "$sequence")"
  for org in $(peer_orgs); do
    peers+=(--peerAddresses "127.0.0.1:$(node_field "$(peer_of_org "$org")" port)" --tlsRootCertFiles "$(ca_cert_of_org "$org")")
  done
  info "committing sequence $sequence on channel $CHANNEL_NAME"
  with_retries peer_as_admin pharma lifecycle chaincode commit "${flags[@]}" "${peers[@]}" \
    -o "$(orderer_endpoint)" --tls --cafile "$(orderer_tls_ca)" ||
    die "commit failed (log: $LOG_DIR/peer-cli.log)"
}

main() {
  require_fabric_binaries
  is_running peer0.pharma || die "the network is not up: run scripts/network.sh up"
  local started=$SECONDS label package package_id sequence peer _rest
  mkdir -p "$PACKAGE_DIR"
  build_chaincode
  label=$(chaincode_label)
  package=$(create_package "$label")
  package_id=$label:$(sha256sum "$package" | cut -d' ' -f1)
  install_everywhere "$package" "$package_id"
  while read -r peer _rest; do start_chaincode_server "$peer" "$package_id"; done < <(nodes_of_kind peer)
  echo "$package_id" >"$DEPLOYED_PACKAGE_FILE"
  echo "$CHAINCODE_DIR" >"$DEPLOYED_MODULE_FILE"
  sequence=$(committed_sequence)
  if [[ -n $sequence && $(approved_package_id pharma) == "$package_id" ]]; then
    info "chaincode $CHAINCODE_NAME already at $package_id (sequence $sequence)"
  else
    sequence=$((${sequence:-0} + 1))
    approve_everywhere "$package_id" "$sequence"
    commit_definition "$package_id" "$sequence"
  fi
  wait_for_endorsers
  info "chaincode $CHAINCODE_NAME deployed: $package_id, sequence $sequence, in $((SECONDS - started)) s"
}

main
