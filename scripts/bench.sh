#!/usr/bin/env bash
# `npm run bench`: installs what is missing, brings the local network up and deploys the
# chaincode (both only when needed), then benchmarks ingestion, queries and verification
# (bench/). Arguments go to the benchmark: --quick for a run of under two minutes, --help.
# The network is left running. COLDTRACE_HOME and COLDTRACE_PORT_OFFSET select another network.
#
# Usage: scripts/bench.sh [--quick] [bench options]      (npm run bench -- --quick)
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$COLDTRACE_ROOT"

bash scripts/ensure-node-modules.sh
info "building"
npm run --silent build
bash scripts/install-fabric.sh
bash scripts/network.sh up
bash scripts/deploy.sh
info "benchmarking (profiles in $PROFILE_DIR)"
COLDTRACE_PROFILES=${COLDTRACE_PROFILES:-$PROFILE_DIR} node bench/dist/main.js "$@"
