#!/usr/bin/env bash
# Shared by ./platform and the ops scripts (drills, loadtest, e2e): sourced, never run. The caller sets
#   LOG_TAG   the prefix of its messages ([platform], [drills], ...)
#   STATE     the platform's state folder (PLATFORM_HOME): pid files are $STATE/run/<name>.pid
# and may set DIE_STATUS (default 1), the exit status of die.
# JSON is read with jq (installed here when missing and apt-get can: the scripts read service answers with it).

say() { printf '[%s] %s\n' "$LOG_TAG" "$*"; }
die() { printf '[%s] error: %s\n' "$LOG_TAG" "$*" >&2; exit "${DIE_STATUS:-1}"; }

# The pid a process of the platform was started with, or nothing.
pid_of() { cat "$STATE/run/$1.pid" 2>/dev/null || true; }

# The value of member $1 of the JSON on stdin: of the top-level object, else of the first nested object that has it;
# strings unquoted, nothing when absent or null.
json() { jq -r --arg k "$1" 'first(.. | objects | select(has($k)) | .[$k]) // empty'; }

# The value of key=value field $1 in the line on stdin (ops/audit.sh prints its figures so).
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }

# Installs a missing command with apt-get when running as root on Debian/Ubuntu; else says how to get it.
need_command() {
  local cmd=$1 package=${2:-$1}
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing $package (apt-get)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package"; } >/dev/null 2>&1 || true
  fi
  command -v "$cmd" >/dev/null 2>&1 || die "$cmd is not on PATH (apt-get install $package)"
}
