#!/usr/bin/env bash
# Installs the Debian 12 packages wodetl needs to build and test, skipping those already present.
# Needs root or sudo when something is missing.
#
# Usage: install-deps.sh [--wordpress]
#   --wordpress  also installs WordPress, MariaDB and php-cli for the tests against a real
#                WordPress (about 280 MB). When they cannot be installed, the script warns and
#                succeeds, and those tests skip; with WODETL_REQUIRE_REAL_WORDPRESS=1 (as in CI)
#                it fails instead.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config make
  libcurl4-openssl-dev libxml2-dev libre2-dev libsqlite3-dev libssl-dev
  libcli11-dev libspdlog-dev nlohmann-json3-dev libtomlplusplus-dev
  libcpp-httplib-dev libgtest-dev libgmock-dev libbenchmark-dev libmimalloc-dev
)
wordpress_packages=(wordpress mariadb-server php-cli php-mysql)

with_wordpress=0
case "${1:-}" in
  "") ;;
  --wordpress) with_wordpress=1 ;;
  *)
    echo "usage: $0 [--wordpress]" >&2
    exit 2
    ;;
esac

# Prints the packages of the arguments that are not installed.
missing_of() {
  local package
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      echo "$package"
    fi
  done
}

mapfile -t missing < <(missing_of "${packages[@]}")
missing_wordpress=()
if [ $with_wordpress = 1 ]; then
  mapfile -t missing_wordpress < <(missing_of "${wordpress_packages[@]}")
fi
if [ "${#missing[@]}" -eq 0 ] && [ "${#missing_wordpress[@]}" -eq 0 ]; then
  exit 0
fi

run_as_root=()
if [ "$(id -u)" -ne 0 ]; then
  run_as_root=(sudo)
fi

# Runs apt-get install with the packages; the package lists are updated once, before the first.
updated=0
install() {
  if [ $updated = 0 ]; then
    "${run_as_root[@]}" apt-get update -qq || return 1
    updated=1
  fi
  DEBIAN_FRONTEND=noninteractive "${run_as_root[@]}" apt-get install -y -qq \
    --no-install-recommends "$@"
}

if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing missing packages: ${missing[*]}"
  install "${missing[@]}"
fi

if [ "${#missing_wordpress[@]}" -gt 0 ]; then
  echo "Installing missing packages for the real WordPress tests: ${missing_wordpress[*]}"
  if ! install "${missing_wordpress[@]}"; then
    if [ "${WODETL_REQUIRE_REAL_WORDPRESS:-0}" = 1 ]; then
      echo "error: installing ${missing_wordpress[*]} failed, and WODETL_REQUIRE_REAL_WORDPRESS=1" >&2
      exit 1
    fi
    echo "warning: installing ${missing_wordpress[*]} failed; the RealWordPress tests will skip" >&2
  fi
fi
