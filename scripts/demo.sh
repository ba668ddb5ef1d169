#!/usr/bin/env bash
# The README's first command: installs what is missing, brings the local network up, deploys the
# chaincode and plays a realistic cold-chain scenario through the client library. The network is
# left running for exploration (scripts/network.sh down stops it).
#
# Usage: scripts/demo.sh      (npm run demo)
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
info "playing the scenario"
node demo/dist/main.js --profiles "$PROFILE_DIR" --output "$COLDTRACE_ROOT/demo-output"
