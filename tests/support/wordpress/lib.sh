# shellcheck shell=bash
# Shell functions shared by start.sh and stop.sh. Source it; it defines functions only.

# Prints the value of KEY in the env file FILE, or nothing. The file contains KEY=VALUE lines, and
# the value is everything after the first '=', without quoting.
env_value() {
  local file=$1 key=$2 line
  while IFS= read -r line || [ -n "$line" ]; do
    if [ "${line%%=*}" = "$key" ]; then
      printf '%s\n' "${line#*=}"
      return 0
    fi
  done <"$file"
}

# Succeeds when PID is a running process whose command line contains PROGRAM. The program check
# guards against a PID that the system reused for another process after ours ended.
pid_runs() {
  local pid=$1 program=$2 cmdline
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  cmdline=$({ tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null) || return 1
  [[ "$cmdline" == *"$program"* ]]
}

# Sends SIGTERM to each PID that still runs PROGRAM, waits up to 20 s for them to end, then sends
# SIGKILL to those left.
stop_pids() {
  local program=$1
  shift
  local pid live=() attempt
  for pid in "$@"; do
    if pid_runs "$pid" "$program"; then
      live+=("$pid")
      kill -TERM "$pid" 2>/dev/null || true
    fi
  done
  for ((attempt = 0; attempt < 200 && ${#live[@]} > 0; attempt++)); do
    local still=()
    for pid in "${live[@]}"; do
      if pid_runs "$pid" "$program"; then
        still+=("$pid")
      fi
    done
    live=("${still[@]+"${still[@]}"}")
    [ ${#live[@]} -eq 0 ] || sleep 0.1
  done
  for pid in "${live[@]+"${live[@]}"}"; do
    echo "process $pid ($program) did not end after SIGTERM; sending SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
  done
}

# Stops the site that the env file FILE describes: the php server and its workers, then mariadbd.
# Then removes the site's config file in /etc/wordpress, its folder and the env file.
stop_site() {
  local file=$1 dir config
  # shellcheck disable=SC2046  # the PID list is space-separated on purpose
  stop_pids php $(env_value "$file" WORDPRESS_PHP_PIDS)
  stop_pids mariadbd "$(env_value "$file" WORDPRESS_MARIADB_PID)"
  config=$(env_value "$file" WORDPRESS_CONFIG_FILE)
  if [[ "$config" == /etc/wordpress/config-wodetl-*.php ]]; then
    rm -f "$config"
  fi
  dir=$(env_value "$file" WORDPRESS_DIR)
  if [[ "$dir" == */wodetl-wordpress.* && -d "$dir" ]]; then
    rm -rf "$dir"
  fi
  rm -f "$file"
}

# Succeeds when the site that the env file FILE describes still runs: its php server and mariadbd.
site_runs() {
  local file=$1 master
  master=$(env_value "$file" WORDPRESS_PHP_PIDS)
  master=${master%% *}
  pid_runs "$master" php && pid_runs "$(env_value "$file" WORDPRESS_MARIADB_PID)" mariadbd
}

# Removes from the holders folder DIR every holder whose process has ended, then succeeds when a
# holder is left.
live_holders_left() {
  local dir=$1 holder left=1
  [ -d "$dir" ] || return 1
  for holder in "$dir"/*; do
    [ -e "$holder" ] || continue
    if kill -0 "${holder##*/}" 2>/dev/null; then
      left=0
    else
      rm -f "$holder"
    fi
  done
  return $left
}
