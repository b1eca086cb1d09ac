#!/usr/bin/env bash
# Installs the npm packages of the AWS stand-ins into tests/standins/node_modules, exactly as
# package-lock.json pins them, unless that lock file is already installed. Installs Debian's
# nodejs and npm first when node or npm is missing (needs root or sudo then, and the npm registry).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Installing Debian's nodejs and npm for the AWS stand-ins"
  run_as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    run_as_root=(sudo)
  fi
  "${run_as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${run_as_root[@]}" apt-get install -y -qq --no-install-recommends nodejs npm
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "warning: dynalite 4 declares Node.js >= 20; node $(node --version) may not run it" >&2
fi

# npm ci replaces node_modules whole; the stamp records which lock file it installed.
stamp=node_modules/.wodetl-installed-package-lock.json
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  exit 0
fi
echo "Installing the AWS stand-ins' npm packages (tests/standins/node_modules)"
npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json "$stamp"
