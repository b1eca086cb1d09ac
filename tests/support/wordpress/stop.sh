#!/usr/bin/env bash
# Stops the WordPress that start.sh started and described in ENV_FILE: kills exactly the PIDs
# listed there (php server, its workers and mariadbd), then removes the site's folder, its
# config in /etc/wordpress and ENV_FILE.
#
# Usage: stop.sh [--force] ENV_FILE
#
# The site may serve several holders (see start.sh). stop.sh removes its own holder, its parent's
# PID or $WODETL_WORDPRESS_HOLDER, and stops the site only when no live holder is left, unless
# --force is given. Stopping a site that is not running succeeds.
set -euo pipefail

tools_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR
. "$tools_dir/lib.sh"

force=0
if [ "${1:-}" = --force ]; then
  force=1
  shift
fi
if [ $# -ne 1 ]; then
  echo "usage: $0 [--force] ENV_FILE" >&2
  exit 2
fi
env_file=$(realpath -m "$1")
holders_dir="$env_file.holders"
holder=${WODETL_WORDPRESS_HOLDER:-$PPID}

if [ ! -e "$env_file.lock" ]; then
  echo "no WordPress to stop: $env_file.lock does not exist"
  exit 0
fi
exec 9>"$env_file.lock"
if ! flock -w 300 9; then
  echo "error: another start.sh or stop.sh has held $env_file.lock for 5 minutes" >&2
  exit 1
fi

rm -f "$holders_dir/$holder"
if [ $force = 0 ] && live_holders_left "$holders_dir"; then
  holders=("$holders_dir"/*)
  echo "leaving the WordPress at $(env_value "$env_file" WORDPRESS_URL) running for its other" \
    "holders: ${holders[*]##*/}"
  exit 0
fi
if [ ! -f "$env_file" ]; then
  echo "no WordPress to stop: $env_file does not exist"
  exit 0
fi
url=$(env_value "$env_file" WORDPRESS_URL)
stop_site "$env_file"
rm -rf "$holders_dir"
echo "stopped the WordPress at $url"
