# Sourced by the ops scripts: finds or sets up the PostgreSQL that EventHr runs on.
# With EVENTHR_DB set, that server is used as it is. Otherwise a private cluster lives under
# .data/pg (git-ignored) on 127.0.0.1:${EVENTHR_PG_PORT:-5433}, installed and created on first use.

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
pg_port=${EVENTHR_PG_PORT:-5433}

die() { echo "eventhr: $*" >&2; exit 1; }

pg_bin_dir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] && [ -x "$d/initdb" ] && echo "$d"
}

ensure_pg_installed() {
  [ -n "$(pg_bin_dir)" ] && command -v psql >/dev/null && return 0
  if [ "$(id -u)" -ne 0 ]; then
    die "PostgreSQL is not installed: run 'sudo apt-get install -y postgresql' once, or set EVENTHR_DB to a connection string."
  fi
  echo "eventhr: installing PostgreSQL from Debian packages..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || die "apt-get update failed; install postgresql by hand or set EVENTHR_DB."
  apt-get install -y -qq postgresql >/dev/null || die "apt-get install postgresql failed; install it by hand or set EVENTHR_DB."
  [ -n "$(pg_bin_dir)" ] || die "PostgreSQL installed but its binaries were not found under /usr/lib/postgresql."
}

# Runs a command as the cluster owner: root may not run PostgreSQL, so root hands it to 'postgres'.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The cluster folder: .data/pg, unless 'postgres' cannot reach the checkout (a root-only parent,
# as CI may use); then a folder postgres owns, linked from .data/pg so it is still found there.
cluster_dir() {
  local want="$repo_root/.data/pg"
  if [ -L "$want" ]; then readlink -f "$want"; return; fi
  if [ "$(id -u)" -ne 0 ] || runuser -u postgres -- test -x "$repo_root" 2>/dev/null; then
    echo "$want"; return
  fi
  echo "/var/lib/postgresql/eventhr-$(echo -n "$repo_root" | sha1sum | cut -c1-12)/pg"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Ensures the private cluster runs and prints nothing; sets pg_data.
ensure_cluster() {
  ensure_pg_installed
  local bin; bin=$(pg_bin_dir)
  pg_data=$(cluster_dir)
  mkdir -p "$repo_root/.data"
  if [ ! -s "$pg_data/PG_VERSION" ]; then
    mkdir -p "$pg_data"
    [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$(dirname "$pg_data")" "$pg_data"
    chmod 700 "$pg_data"
    as_owner "$bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
      || die "initdb failed for $pg_data"
    [ "$pg_data" != "$repo_root/.data/pg" ] && ln -sfn "$pg_data" "$repo_root/.data/pg"
  fi
  if as_owner "$bin/pg_ctl" -D "$pg_data" status >/dev/null 2>&1; then return 0; fi
  if port_in_use "$pg_port"; then
    die "port $pg_port is taken by another program: free it, set EVENTHR_PG_PORT to a free port, or set EVENTHR_DB."
  fi
  as_owner "$bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -t 60 \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories='$pg_data' -c max_connections=200 ${EVENTHR_PG_OPTS:-}" \
    start >/dev/null || die "PostgreSQL did not start; see $pg_data/server.log"
}

# Prints a connection string for database $1, creating the database when missing.
connection_for() {
  local db=$1
  if [ -n "${EVENTHR_DB:-}" ]; then echo "$EVENTHR_DB"; return; fi
  ensure_cluster
  local exists
  exists=$(psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAc "select 1 from pg_database where datname='$db'")
  [ "$exists" = "1" ] || psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc "create database \"$db\"" >/dev/null \
    || die "could not create database $db"
  echo "Host=127.0.0.1;Port=$pg_port;Database=$db;Username=postgres;Maximum Pool Size=100"
}

recreate_database() {
  local db=$1
  ensure_cluster
  PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc "drop database if exists \"$db\" with (force)" >/dev/null
}

ensure_dotnet() {
  command -v dotnet >/dev/null || die "the .NET 10 SDK is not on PATH: install it (https://dot.net) and run again."
}
