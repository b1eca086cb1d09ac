#!/usr/bin/env bash
# Runs the Node tests of the AWS stand-ins. Exits 77, which CTest reports as skipped, when node or
# the npm modules are missing, unless WODETL_REQUIRE_AWS_STANDINS=1 makes that a failure.
set -euo pipefail
cd "$(dirname "$0")"
node="${WODETL_NODE:-node}"

unavailable() {
  if [ "${WODETL_REQUIRE_AWS_STANDINS:-}" = 1 ]; then
    echo "AWS stand-ins required (WODETL_REQUIRE_AWS_STANDINS=1) but $1" >&2
    exit 1
  fi
  echo "AWS stand-ins unavailable: $1"
  exit 77
}

command -v "$node" >/dev/null || unavailable "node is not on PATH (install Node.js 20, or set WODETL_NODE)"
for module in dynalite s3rver @smithy/signature-v4 @aws-crypto/sha256-js; do
  [ -f "node_modules/$module/package.json" ] ||
    unavailable "npm module $module is missing; run tests/standins/install.sh (make test runs it)"
done
exec "$node" --test test/standins.test.js
