#!/usr/bin/env bash
# Every test coldtrace has: type check, lint (ESLint, Prettier, ShellCheck), unit tests, then the
# integration tests against the live local network (installed, started and deployed as needed).
# A network this script started is stopped again at the end, pass or fail; one that was already
# running is left running.
#
# Usage: scripts/test-all.sh      (npm test)
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$COLDTRACE_ROOT"

step() { info "[$1] $2"; }
started=$SECONDS

bash scripts/ensure-node-modules.sh

step 1/6 "type check and build"
npm run --silent build

step 2/6 "lint: ESLint, Prettier, ShellCheck, docker-compose.yml up to date"
npm run --silent lint
bash scripts/compose.sh --check
if command -v shellcheck >/dev/null 2>&1; then
  shellcheck -x scripts/*.sh scripts/lib/*.sh network/builders/ccaas/bin/* .ci/run
else
  warn "shellcheck not installed: shell scripts not linted (apt-get install shellcheck)"
fi

step 3/6 "unit tests"
npm run --silent test:unit

step 4/6 "Fabric binaries"
bash scripts/install-fabric.sh

step 5/6 "network and chaincode"
if ! bash scripts/network.sh status >/dev/null 2>&1; then
  trap 'bash scripts/network.sh down' EXIT
  bash scripts/network.sh up
fi
bash scripts/deploy.sh

step 6/6 "integration tests against the live network"
npm run --silent test:integration

info "all tests passed in $((SECONDS - started)) s"
