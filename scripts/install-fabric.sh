#!/usr/bin/env bash
# Installs the Fabric and Fabric CA binaries the local network needs into .coldtrace/bin.
#
# With Go: builds them from the Go module proxy at the pinned versions (network/fabric-version.env)
# into a per-user cache, so fresh clones and CI runs on the same machine reuse them. Without Go:
# downloads the official release archives. Idempotent: binaries of the right version are kept.
#
# Usage: scripts/install-fabric.sh [--force]
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

FORCE=false
while (($#)); do
  case $1 in
    --force) FORCE=true ;;
    -h | --help)
      sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown option '$1' (try --help)" ;;
  esac
  shift
done

FABRIC_TOOLS=(peer orderer configtxgen osnadmin)
CA_TOOLS=(fabric-ca-server fabric-ca-client)
CACHE_DIR=${COLDTRACE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/coldtrace}/fabric-$FABRIC_VERSION-ca-$FABRIC_CA_VERSION
CACHE_BIN=$CACHE_DIR/bin

# The module and version a binary was built from, as recorded by the Go toolchain.
built_from() {
  local binary=$1 module=$2
  go version -m "$binary" 2>/dev/null | awk -v m="$module" '$1 == "mod" && $2 == m { print $3 }'
}

binary_is_current() {
  local binary=$1 tool=$2
  [[ -x $binary ]] || return 1
  if command -v go >/dev/null 2>&1; then
    case $tool in
      fabric-ca-*) [[ $(built_from "$binary" github.com/hyperledger/fabric-ca) == "$FABRIC_CA_MODULE_VERSION" ]] ;;
      *) [[ $(built_from "$binary" github.com/hyperledger/fabric) == "$FABRIC_MODULE_VERSION" ]] ;;
    esac
  else
    "$binary" version 2>/dev/null | grep -q -e "Version: v\{0,1\}$FABRIC_VERSION" -e "Version: v\{0,1\}$FABRIC_CA_VERSION"
  fi
}

all_current() {
  local dir=$1 tool
  for tool in "${FABRIC_TOOLS[@]}" "${CA_TOOLS[@]}"; do
    binary_is_current "$dir/$tool" "$tool" || return 1
  done
}

# go install refuses these versions (it asks the proxy for a version list to check deprecation,
# which the proxy denies), so build them from a throwaway module that requires the pinned version.
build_with_go() {
  local module=$1 version=$2 ldflags=$3
  shift 3
  local work=$CACHE_DIR/build-${module##*/}
  local packages=()
  for tool in "$@"; do packages+=("$module/cmd/$tool"); done
  rm -rf "$work" && mkdir -p "$work" "$CACHE_BIN"
  info "building ${*} from $module@$version (first time: several minutes on 2 cores)"
  (
    cd "$work"
    go mod init coldtrace.local/fabric-build >/dev/null 2>&1
    GOFLAGS=-mod=mod go get "$module@$version"
    GOFLAGS=-mod=mod go build -trimpath -ldflags "$ldflags" -o "$CACHE_BIN/" "${packages[@]}"
  )
  rm -rf "$work"
}

install_with_go() {
  local started=$SECONDS
  build_with_go github.com/hyperledger/fabric "$FABRIC_MODULE_VERSION" \
    "-X github.com/hyperledger/fabric/common/metadata.Version=$FABRIC_VERSION -X github.com/hyperledger/fabric/common/metadata.CommitSHA=$FABRIC_COMMIT" \
    "${FABRIC_TOOLS[@]}"
  build_with_go github.com/hyperledger/fabric-ca "$FABRIC_CA_MODULE_VERSION" \
    "-X github.com/hyperledger/fabric-ca/lib/metadata.Version=$FABRIC_CA_VERSION" \
    "${CA_TOOLS[@]}"
  info "built in $((SECONDS - started)) s"
}

install_from_release() {
  local arch os
  os=$(uname -s | tr '[:upper:]' '[:lower:]')
  arch=$(uname -m | sed -e 's/x86_64/amd64/' -e 's/aarch64/arm64/')
  mkdir -p "$CACHE_DIR"
  info "downloading Fabric $FABRIC_VERSION and Fabric CA $FABRIC_CA_VERSION release archives"
  curl -fL --progress-bar "https://github.com/hyperledger/fabric/releases/download/v$FABRIC_VERSION/hyperledger-fabric-$os-$arch-$FABRIC_VERSION.tar.gz" |
    tar -xz -C "$CACHE_DIR" bin/peer bin/orderer bin/configtxgen bin/osnadmin
  curl -fL --progress-bar "https://github.com/hyperledger/fabric-ca/releases/download/v$FABRIC_CA_VERSION/hyperledger-fabric-ca-$os-$arch-$FABRIC_CA_VERSION.tar.gz" |
    tar -xz -C "$CACHE_DIR" bin/fabric-ca-server bin/fabric-ca-client
}

link_into_project() {
  local tool
  mkdir -p "$BIN_DIR"
  for tool in "${FABRIC_TOOLS[@]}" "${CA_TOOLS[@]}"; do
    ln -sfn "$CACHE_BIN/$tool" "$BIN_DIR/$tool"
  done
}

if ! $FORCE && all_current "$BIN_DIR"; then
  info "Fabric $FABRIC_VERSION and Fabric CA $FABRIC_CA_VERSION already installed in $BIN_DIR"
  exit 0
fi
if $FORCE || ! all_current "$CACHE_BIN"; then
  if command -v go >/dev/null 2>&1; then
    install_with_go
  elif command -v curl >/dev/null 2>&1; then
    install_from_release || die "could not download the Fabric release archives. Install Go 1.24+ (https://go.dev/doc/install) and run this again to build Fabric from source."
  else
    die "neither Go nor curl found: install Go 1.24+ (https://go.dev/doc/install) to build Fabric $FABRIC_VERSION from source"
  fi
  all_current "$CACHE_BIN" || die "the binaries in $CACHE_BIN are not Fabric $FABRIC_VERSION / Fabric CA $FABRIC_CA_VERSION"
else
  info "using cached Fabric $FABRIC_VERSION binaries from $CACHE_BIN"
fi
link_into_project
info "installed: $(cd "$BIN_DIR" && echo "${FABRIC_TOOLS[@]}" "${CA_TOOLS[@]}")"
