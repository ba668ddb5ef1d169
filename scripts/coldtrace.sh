#!/usr/bin/env bash
# The coldtrace CLI on the project's pinned Node.js (fetched on first use when the machine's own
# Node is another major version). Build first: npm run build.
#
# Usage: scripts/coldtrace.sh COMMAND [options]      (alias coldtrace=/path/to/scripts/coldtrace.sh)
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
exec node "$COLDTRACE_ROOT/cli/dist/main.js" "$@"
