#!/usr/bin/env bash
# Installs the Debian 12 packages wodetl needs to build and test, skipping those already present.
# Needs root or sudo when something is missing.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config make
  libcurl4-openssl-dev libxml2-dev libre2-dev libsqlite3-dev libssl-dev
  libcli11-dev libspdlog-dev nlohmann-json3-dev libtomlplusplus-dev
  libcpp-httplib-dev libgtest-dev libgmock-dev libbenchmark-dev
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

echo "Installing missing packages: ${missing[*]}"
run_as_root=()
if [ "$(id -u)" -ne 0 ]; then
  run_as_root=(sudo)
fi
"${run_as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${run_as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
