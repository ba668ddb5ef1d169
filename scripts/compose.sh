#!/usr/bin/env bash
# Generates docker-compose.yml: the network of network/nodes.tsv as containers of the official
# Fabric images, for machines with a Docker engine (docs/docker.md). Each node's environment and
# command line come from the functions the native runtime uses (lib/node-env.sh, start_ca,
# start_chaincode_server), so the two topologies cannot drift apart.
#
# Usage: scripts/compose.sh [--check]
#   (no flag)  write docker-compose.yml at the repository root
#   --check    exit 1 if the committed docker-compose.yml differs from what would be generated
set -euo pipefail
# The generated file is the same on every machine: default home under the repository, no port
# offset, the default chaincode folder, the CA password left to compose interpolation.
unset COLDTRACE_HOME COLDTRACE_PORT_OFFSET COLDTRACE_CHAINCODE_DIR COLDTRACE_CA_ADMIN_PASSWORD
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/crypto.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/crypto.sh"
# shellcheck source=lib/node-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/node-env.sh"
# shellcheck source=lib/chaincode.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/chaincode.sh"

COMPOSE_FILE=$COLDTRACE_ROOT/docker-compose.yml
PRETTIER=$COLDTRACE_ROOT/node_modules/.bin/prettier
# The repository is mounted here in every container, so no host path ends up in the file.
CONTAINER_ROOT=/coldtrace
# Image tags follow the release series of network/fabric-version.env (3.1.1 -> 3.1).
FABRIC_IMAGE_TAG=${FABRIC_VERSION%.*}
FABRIC_CA_IMAGE_TAG=${FABRIC_CA_VERSION%.*}
# The chaincode servers run on the Node.js major of package.json's engines.
NODE_IMAGE=node:20
# Stand-ins for values compose fills in when it starts a container (see interpolations).
CA_PASSWORD_TOKEN=@CA_ADMIN_PASSWORD@
PACKAGE_ID_TOKEN=@PACKAGE_ID@
DEFAULT_CA_PASSWORD=$CA_BOOTSTRAP_PASSWORD

usage() {
  sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

container_path() {
  local value=$1
  printf '%s' "${value//"$COLDTRACE_ROOT"/"$CONTAINER_ROOT"}"
}

# A single-quoted YAML scalar; `$` doubled so compose takes it literally.
yaml_string() {
  local value=${1//\$/\$\$}
  printf "'%s'" "${value//\'/\'\'}"
}

# Prints what a lib function hands to start_process (name, working directory, command, one per
# line) instead of starting it: every function that would touch a process is stubbed out here.
# shellcheck disable=SC2317 # the stubs are called by the lib function, not here
captured_start() (
  start_process() { printf '%s\n' "$@"; }
  stop_process() { :; }
  running_package_id() { :; }
  recorded_pid() { :; }
  port_in_use() { return 1; }
  wait_port() { :; }
  mkdir() { :; }
  info() { :; }
  "$@"
)

# service NAME IMAGE WORKDIR: the part every service shares.
service() {
  printf '  %s:\n' "$1"
  printf '    image: %s\n' "$2"
  printf '    network_mode: host\n'
  printf '    volumes:\n      - .:%s\n' "$CONTAINER_ROOT"
  printf '    working_dir: %s\n' "$(yaml_string "$(container_path "$3")")"
}

# environment VAR=value...
environment() {
  local pair
  (($#)) || return 0
  printf '    environment:\n'
  for pair in "$@"; do
    printf '      %s: %s\n' "${pair%%=*}" "$(yaml_string "$(container_path "${pair#*=}")")"
  done
}

# command ARG...: the binary by its name on the image's PATH.
command_list() {
  local arg
  printf '    command:\n'
  printf '      - %s\n' "$(yaml_string "$(basename "$1")")"
  shift
  for arg in "$@"; do printf '      - %s\n' "$(yaml_string "$(container_path "$arg")")"; done
}

# A service from a captured start: `env VAR=value... BINARY ARG...` run in the working directory.
captured_service() {
  local image=$1 lines name workdir vars=()
  shift
  mapfile -t lines < <(captured_start "$@")
  name=${lines[0]} workdir=${lines[1]}
  lines=("${lines[@]:2}")
  if [[ ${lines[0]} == env ]]; then
    lines=("${lines[@]:1}")
    while [[ ${lines[0]} =~ ^[A-Z_][A-Z0-9_]*= ]]; do
      vars+=("${lines[0]}")
      lines=("${lines[@]:1}")
    done
  fi
  service "$name" "$image" "$workdir"
  environment "${vars[@]}"
  if [[ $image == "$NODE_IMAGE" ]]; then
    chaincode_command "${lines[@]}"
  else
    command_list "${lines[@]}"
  fi
}

# The chaincode server reads the package ID that deploy.sh recorded, as resume_chaincode_servers
# does natively, so the file needs no change after an upgrade.
chaincode_command() {
  local arg line="exec"
  for arg in "$@"; do
    if [[ $arg == "$PACKAGE_ID_TOKEN" ]]; then
      line+=" \"\$(cat $(container_path "$DEPLOYED_PACKAGE_FILE"))\""
    else
      line+=" $(printf '%q' "$(container_path "$arg")")"
    fi
  done
  printf '    command:\n      - sh\n      - -c\n      - %s\n' "$(yaml_string "$line")"
}

node_service() {
  local node=$1 image=$2 vars
  shift 2
  mapfile -t vars
  service "$node" "$image" "$(data_dir "$node")"
  environment "${vars[@]}"
  command_list "$@"
}

tools_service() {
  service tools "hyperledger/fabric-tools:$FABRIC_IMAGE_TAG" "$COLDTRACE_ROOT"
  printf '    profiles:\n      - tools\n'
  environment "FABRIC_CFG_PATH=$NETWORK_CONFIG_DIR"
  command_list bash
}

# Puts back what compose interpolates when it starts a container.
interpolations() {
  local password="\${COLDTRACE_CA_ADMIN_PASSWORD:-$DEFAULT_CA_PASSWORD}"
  sed -e "s|$CA_PASSWORD_TOKEN|$password|g"
}

generate() {
  local name org _rest
  printf '# Generated by scripts/compose.sh from network/nodes.tsv and scripts/lib: change those and\n'
  printf '# run it again. How to run this file, and what has been tested: docs/docker.md.\n'
  printf 'name: coldtrace\n\nservices:\n'
  while read -r name org _rest; do
    CA_BOOTSTRAP_PASSWORD=$CA_PASSWORD_TOKEN captured_service "hyperledger/fabric-ca:$FABRIC_CA_IMAGE_TAG" start_ca "$org"
  done < <(nodes_of_kind ca)
  while read -r name _rest; do
    orderer_env "$name" | node_service "$name" "hyperledger/fabric-orderer:$FABRIC_IMAGE_TAG" orderer
  done < <(nodes_of_kind orderer)
  while read -r name _rest; do
    peer_env "$name" | node_service "$name" "hyperledger/fabric-peer:$FABRIC_IMAGE_TAG" peer node start
  done < <(nodes_of_kind peer)
  while read -r name _rest; do
    captured_service "$NODE_IMAGE" start_chaincode_server "$name" "$PACKAGE_ID_TOKEN"
  done < <(nodes_of_kind peer)
  tools_service
}

formatted() {
  [[ -x $PRETTIER ]] || die "Prettier missing from node_modules: run npm install"
  generate | interpolations | "$PRETTIER" --stdin-filepath "$COMPOSE_FILE"
}

main() {
  case ${1:-} in
    "")
      formatted >"$COMPOSE_FILE.tmp"
      mv "$COMPOSE_FILE.tmp" "$COMPOSE_FILE"
      info "wrote $COMPOSE_FILE"
      ;;
    --check)
      [[ -f $COMPOSE_FILE ]] || die "docker-compose.yml missing: run scripts/compose.sh"
      if ! diff -u "$COMPOSE_FILE" <(formatted) >&2; then
        die "docker-compose.yml is out of date with network/ and scripts/lib: run scripts/compose.sh"
      fi
      ;;
    -h | --help) usage ;;
    *) usage >&2 && exit 2 ;;
  esac
}

main "$@"
