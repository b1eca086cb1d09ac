#!/usr/bin/env bash
# Starts a throwaway WordPress (Debian 12's `wordpress` package, MariaDB and php-cli) on
# 127.0.0.1 for wodetl's tests, and writes ENV_FILE, which the tests read.
#
# Usage: start.sh ENV_FILE
#
# Steps:
#  1. Create a folder /tmp/wodetl-wordpress.XXXXXX (TMPDIR is honoured).
#  2. Run mariadbd on a Unix socket in that folder, without networking, and create the database.
#  3. Write the site's config and serve /usr/share/wordpress with
#     `PHP_CLI_SERVER_WORKERS=4 php -S 127.0.0.1:PORT` on a free port.
#  4. Install WordPress with install.php, which creates the administrator and an application
#     password, and check that the REST API accepts that password.
#  5. Write ENV_FILE.
#
# Config: Debian's wp-config.php reads /etc/wordpress/config-$WORDPRESS_CONFIG.php when
# $_SERVER['WORDPRESS_CONFIG'] is set, else config-<request host>.php. Each site sets that
# variable in an auto_prepend_file and gets its own /etc/wordpress/config-wodetl-XXXXXX.php, so
# sites started by concurrent test runs never share a config. The machine-wide
# config-127.0.0.1.php is never written or read.
#
# ENV_FILE contains KEY=VALUE lines (the value is everything after the first '=', unquoted):
#   WORDPRESS_URL                   site root, http://127.0.0.1:PORT
#   WORDPRESS_USER                  administrator's login name
#   WORDPRESS_APPLICATION_PASSWORD  administrator's application password, for basic auth
#   WORDPRESS_DIR                   the site's temp folder (database, socket, logs, config)
#   WORDPRESS_PHP_PREPEND           file to pass as php -d auto_prepend_file=… to run a PHP script
#                                   that loads /usr/share/wordpress/wp-load.php for this site
#   WORDPRESS_TOOLS_DIR             folder of this script and its PHP tools
#   WORDPRESS_CONFIG_FILE           the site's config in /etc/wordpress
#   WORDPRESS_PHP_PIDS              php server's PID, then its workers' PIDs, space-separated
#   WORDPRESS_MARIADB_PID           mariadbd's PID
#
# Sharing: one site serves a whole test run. A lock on ENV_FILE.lock serialises start.sh and
# stop.sh. When ENV_FILE describes a site that still runs, start.sh reuses it. Every start
# records a holder, its parent's PID by default (ctest's for the CTest fixture) or
# $WODETL_WORDPRESS_HOLDER, and stop.sh stops the site only when no live holder is left.
#
# Exit codes: 0 started or reused; 77 skipped because the packages are missing or
# /etc/wordpress is not writable (1 instead when WODETL_REQUIRE_REAL_WORDPRESS=1, as in CI);
# 1 failed, having stopped whatever it started.
# The PHP snippets passed to php -r are in single quotes on purpose.
# shellcheck disable=SC2016
set -Eeuo pipefail

readonly skip_code=77
readonly wordpress_root=/usr/share/wordpress
readonly admin_user=wodetl-admin
tools_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR
. "$tools_dir/lib.sh"

if [ $# -ne 1 ]; then
  echo "usage: $0 ENV_FILE" >&2
  exit 2
fi
env_file=$(realpath -m "$1")
holders_dir="$env_file.holders"
holder=${WODETL_WORDPRESS_HOLDER:-$PPID}
# PID 1 adopts orphans and never ends, so it would hold the site forever.
if [ "$holder" = 1 ]; then
  holder=$$
fi
started_at=$(date +%s.%N)

skip() {
  if [ "${WODETL_REQUIRE_REAL_WORDPRESS:-0}" = 1 ]; then
    echo "error: cannot start the real WordPress: $1" >&2
    exit 1
  fi
  echo "skipped: real WordPress not started: $1. The RealWordPress tests will skip." >&2
  exit $skip_code
}

elapsed() {
  echo "$(date +%s.%N) $started_at" | awk '{ printf "%.1f s", $1 - $2 }'
}

# Check what the site needs; without it the tests skip.
missing=()
for package in wordpress mariadb-server php-cli php-mysql; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  skip "missing Debian packages: ${missing[*]} (install them with scripts/install-deps.sh --wordpress)"
fi
if [ ! -w /etc/wordpress ]; then
  skip "/etc/wordpress is not writable by $(id -un); Debian's WordPress reads its config there (run as root)"
fi
mariadbd=$(command -v mariadbd || echo /usr/sbin/mariadbd)

# Reuse a running site, or clear what a stopped one left.
mkdir -p "$(dirname "$env_file")" "$holders_dir"
exec 9>"$env_file.lock"
if ! flock -w 300 9; then
  echo "error: another start.sh or stop.sh has held $env_file.lock for 5 minutes" >&2
  exit 1
fi
if [ -f "$env_file" ]; then
  if site_runs "$env_file"; then
    touch "$holders_dir/$holder"
    echo "reusing the WordPress at $(env_value "$env_file" WORDPRESS_URL) ($env_file)"
    exit 0
  fi
  echo "clearing the stopped WordPress that $env_file describes"
  stop_site "$env_file"
fi
# Remove configs of sites whose folder is gone (a run that was killed before stop.sh).
for config in /etc/wordpress/config-wodetl-*.php; do
  [ -e "$config" ] || continue
  site_dir=$(sed -n 's/^\/\/ site folder: //p' "$config")
  if [ -n "$site_dir" ] && [ ! -d "$site_dir" ]; then
    rm -f "$config"
  fi
done

# From here on, a failure stops what this script started.
dir=$(mktemp -d "${TMPDIR:-/tmp}/wodetl-wordpress.XXXXXX")
name="wodetl-${dir##*.}"
config_file="/etc/wordpress/config-$name.php"
partial_env="$dir/env.partial"
: >"$partial_env"
on_failure() {
  # set -E runs this trap in command substitutions too; only the script itself cleans up.
  if [ "$BASHPID" != $$ ]; then
    return
  fi
  echo "error: starting WordPress failed; logs were in $dir" >&2
  for log in "$dir/mariadb.err" "$dir/php.log"; do
    if [ -s "$log" ]; then
      echo "--- last lines of ${log##*/}:" >&2
      tail -n 20 "$log" >&2
    fi
  done
  stop_site "$partial_env"
  exit 1
}
trap on_failure ERR
record() { printf '%s=%s\n' "$1" "$2" >>"$partial_env"; }
record WORDPRESS_DIR "$dir"
record WORDPRESS_CONFIG_FILE "$config_file"
record WORDPRESS_TOOLS_DIR "$tools_dir"

# MariaDB on a socket in the folder, without networking. It starts from an empty data folder
# with --skip-grant-tables, which needs no mariadb-install-db (about 5 s saved): WordPress uses
# only its own database, and the socket sits in a folder only this user can open. Durability
# settings are off because the database lives only as long as the test run.
socket="$dir/mysqld.sock"
mkdir "$dir/db"
setsid "$mariadbd" --no-defaults --user="$(id -un)" --datadir="$dir/db" --socket="$socket" \
  --skip-networking --skip-grant-tables --pid-file="$dir/mariadb.pid" \
  --log-error="$dir/mariadb.err" --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
  --innodb-log-file-size=16M --innodb-buffer-pool-size=64M </dev/null >/dev/null 2>&1 9>&- &
mariadb_pid=$!
record WORDPRESS_MARIADB_PID "$mariadb_pid"
for ((attempt = 0; ; attempt++)); do
  if mariadb-admin --no-defaults --socket="$socket" ping >/dev/null 2>&1; then
    break
  fi
  if ! kill -0 "$mariadb_pid" 2>/dev/null || [ $attempt -ge 300 ]; then
    echo "error: mariadbd did not accept connections on $socket within 30 s" >&2
    false
  fi
  sleep 0.1
done
mariadb --no-defaults --socket="$socket" \
  -e "CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

# The site's config and the prepend file that selects it, for a free port. Another process
# may take the port between the check and php -S, so a failed start tries another port.
prepend="$dir/prepend.php"
record WORDPRESS_PHP_PREPEND "$prepend"
for ((attempt = 1; ; attempt++)); do
  port=$(php -r '$server = stream_socket_server("tcp://127.0.0.1:0");
    echo substr(strrchr(stream_socket_get_name($server, false), ":"), 1);')
  url="http://127.0.0.1:$port"
  cat >"$dir/wp-config.php" <<EOF
<?php
// Config of the wodetl test site at $url, written by start.sh.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');  // any user: mariadbd skips grant tables
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:$socket');
define('WP_HOME', '$url');
define('WP_SITEURL', '$url');
// Application passwords work over plain http only in the local environment type.
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
EOF
  cat >"$prepend" <<EOF
<?php
// Selects the config of the wodetl test site at $url; written by start.sh.
\$_SERVER['WORDPRESS_CONFIG'] = '$name';
if (PHP_SAPI === 'cli') {
    \$_SERVER['HTTP_HOST'] = '127.0.0.1:$port';
    \$_SERVER['SERVER_NAME'] = '127.0.0.1';
    \$_SERVER['REQUEST_METHOD'] = 'GET';
}
EOF
  printf "<?php\n// site folder: %s\nrequire '%s';\n" "$dir" "$dir/wp-config.php" >"$config_file"

  PHP_CLI_SERVER_WORKERS=4 setsid php -d auto_prepend_file="$prepend" \
    -S "127.0.0.1:$port" -t "$wordpress_root" </dev/null >"$dir/php.log" 2>&1 9>&- &
  php_pid=$!
  for ((wait = 0; wait < 100; wait++)); do
    if php -r 'exit(@fsockopen("127.0.0.1", (int) $argv[1], $code, $message, 0.2) ? 0 : 1);' \
      "$port" || ! kill -0 "$php_pid" 2>/dev/null; then
      break
    fi
    sleep 0.1
  done
  if kill -0 "$php_pid" 2>/dev/null; then
    break
  fi
  if [ $attempt -ge 5 ]; then
    echo "error: php -S did not start on 5 free ports" >&2
    false
  fi
done
# The workers fork from the server at start; the server is listening, so they exist.
worker_pids=$(ps --ppid "$php_pid" -o pid= | xargs)
record WORDPRESS_PHP_PIDS "$php_pid $worker_pids"
record WORDPRESS_URL "$url"

# Install the site and create the application password.
admin_password=$(head -c 18 /dev/urandom | base64 | tr '+/' 'xy')
install_output=$(php -d auto_prepend_file="$prepend" "$tools_dir/install.php" \
  "$admin_user" "$admin_password" "admin@example.test" 2>"$dir/install.log")
application_password=$(php -r '$output = json_decode($argv[1], true);
  echo $output["application_password"] ?? "";' "$install_output")
if [ -z "$application_password" ]; then
  echo "error: install.php printed no application password; see $dir/install.log" >&2
  false
fi

# Check the REST API end to end with the application password.
status=$(php -r '
  $context = stream_context_create(["http" => ["ignore_errors" => true, "timeout" => 30,
    "header" => "Authorization: Basic " . base64_encode($argv[2] . ":" . $argv[3])]]);
  @file_get_contents($argv[1] . "/?rest_route=/wp/v2/users/me", false, $context);
  echo explode(" ", $http_response_header[0] ?? "HTTP/1.1 000")[1];' \
  "$url" "$admin_user" "$application_password")
if [ "$status" != 200 ]; then
  echo "error: GET $url/?rest_route=/wp/v2/users/me with the application password returned HTTP $status" >&2
  false
fi

# Publish the env file; only the owner may read the password in it.
record WORDPRESS_USER "$admin_user"
record WORDPRESS_APPLICATION_PASSWORD "$application_password"
chmod 600 "$partial_env"
mv "$partial_env" "$env_file"
trap - ERR
touch "$holders_dir/$holder"
echo "started WordPress at $url in $(elapsed) (folder $dir, env file $env_file)"
