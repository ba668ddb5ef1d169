#!/usr/bin/env bash
# Installs the npm workspaces from the lockfile when node_modules is missing or older than it.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$COLDTRACE_ROOT"
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  info "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
