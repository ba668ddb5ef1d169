#!/usr/bin/env bash
# Every test coldtrace has: type check, lint (ESLint, Prettier, ShellCheck), unit tests, then the
# integration tests against the live local network (installed, started and deployed as needed),
# then a quick benchmark run so the benchmark never rots (its figures are printed, never asserted).
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

step 1/7 "type check and build"
npm run --silent build

step 2/7 "lint: ESLint, Prettier, ShellCheck, docker-compose.yml up to date"
npm run --silent lint
bash scripts/compose.sh --check
if command -v shellcheck >/dev/null 2>&1; then
  shellcheck -x scripts/*.sh scripts/lib/*.sh network/builders/ccaas/bin/* .ci/run
else
  warn "shellcheck not installed: shell scripts not linted (apt-get install shellcheck)"
fi

step 3/7 "unit tests on Node.js $NODE_PINNED_VERSION and $NODE_COMPAT_VERSION"
# Each jest run also writes its results as JSON (in the package's folder) for the closing count.
rm -f ./*/jest-results*.json
fetch_node_runtime "$NODE_COMPAT_VERSION"
for version in "$NODE_PINNED_VERSION" "$NODE_COMPAT_VERSION"; do
  node_path=$PATH
  [[ $version == "$NODE_PINNED_VERSION" ]] || node_path=$(node_runtime_home "$version")/bin:$PATH
  info "unit tests on Node.js $(PATH=$node_path node --version)"
  for workspace in protocol chaincode gateway-client readings-io cli demo bench; do
    PATH=$node_path npm run --silent test:unit --workspace "$workspace" -- \
      --json --outputFile="jest-results-node$version.json"
  done
done

step 4/7 "Fabric binaries"
bash scripts/install-fabric.sh

step 5/7 "network and chaincode"
if ! bash scripts/network.sh status >/dev/null 2>&1; then
  trap 'bash scripts/network.sh down' EXIT
  bash scripts/network.sh up
fi
bash scripts/deploy.sh

step 6/7 "integration tests against the live network"
npm run --silent test:integration --workspace test -- --json --outputFile=jest-results.json

step 7/7 "benchmark smoke run (npm run bench -- --quick; figures not asserted)"
node bench/dist/main.js --quick --output "$COLDTRACE_HOME/bench-smoke"

info "all tests passed in $((SECONDS - started)) s"
# The plain closing count CI reads: "N passed, N failed".
# shellcheck disable=SC2016
node -e '
  let passed = 0, failed = 0;
  for (const file of process.argv.slice(1)) {
    const results = require(require("path").resolve(file));
    passed += results.numPassedTests;
    failed += results.numFailedTests;
  }
  console.log(`${passed} passed, ${failed} failed`);
' ./*/jest-results*.json
