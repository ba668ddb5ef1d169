#!/usr/bin/env bash
# Installs the npm workspaces from the lockfile when node_modules is missing, older than the
# lockfile, or was installed by a Node.js with another native ABI (native addons must match the
# runtime that loads them).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$COLDTRACE_ROOT"
abi_stamp=node_modules/.coldtrace-node-abi
abi=$(node -p 'process.versions.modules')
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json || $(cat "$abi_stamp" 2>/dev/null) != "$abi" ]]; then
  info "installing npm dependencies (npm ci, Node.js $(node --version))"
  npm ci --no-audit --no-fund
  echo "$abi" >"$abi_stamp"
fi
