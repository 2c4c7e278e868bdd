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

# Two roles on the private cluster (least privilege, issue 11): eventhr_owner owns the databases and applies the
# schema; eventhr_app is what the API connects as: it may read and append, never alter a table or switch a trigger off.
owner_role=eventhr_owner
runtime_role=eventhr_app

superuser_sql() {
  PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -p "$pg_port" -U postgres -d "${2:-postgres}" -v ON_ERROR_STOP=1 -qtAc "$1"
}

ensure_roles() {
  superuser_sql "do \$\$ begin
    if not exists (select from pg_roles where rolname = '$owner_role') then create role $owner_role login; end if;
    if not exists (select from pg_roles where rolname = '$runtime_role') then create role $runtime_role login; end if;
  end \$\$" >/dev/null || die "could not create the roles $owner_role and $runtime_role"
}

# A database made before the roles existed (postgres owned it) is handed to the owner role, schemas and all.
adopt_database() {
  local db=$1
  superuser_sql "alter database \"$db\" owner to $owner_role" >/dev/null
  superuser_sql "do \$\$ declare s text; begin
    for s in select nspname from pg_namespace where nspowner = 'postgres'::regrole and nspname like 'eventhr%' loop
      execute format('alter schema %I owner to $owner_role', s);
    end loop;
    for s in select format('%I.%I', schemaname, tablename) from pg_tables where schemaname like 'eventhr%' and tableowner = 'postgres' loop
      execute format('alter table %s owner to $owner_role', s);
    end loop;
    for s in select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
             where n.nspname like 'eventhr%' and p.proowner = 'postgres'::regrole loop
      execute format('alter routine %s owner to $owner_role', s);
    end loop;
  end \$\$" "$db" >/dev/null || die "could not hand database $db to $owner_role"
}

# Prints the owner's connection string for database $1 (it applies the schema), creating the database when missing.
connection_for() {
  local db=$1
  if [ -n "${EVENTHR_DB:-}" ]; then echo "$EVENTHR_DB"; return; fi
  ensure_cluster
  ensure_roles
  local owner
  owner=$(superuser_sql "select pg_get_userbyid(datdba) from pg_database where datname = '$db'")
  if [ -z "$owner" ]; then
    superuser_sql "create database \"$db\" owner $owner_role" >/dev/null || die "could not create database $db"
    superuser_sql "revoke all on schema public from public" "$db" >/dev/null
  elif [ "$owner" != "$owner_role" ]; then
    adopt_database "$db"
  fi
  echo "Host=127.0.0.1;Port=$pg_port;Database=$db;Username=$owner_role;Maximum Pool Size=100"
}

# Prints the runtime role's connection string for database $1 (after connection_for). On a server of your own
# (EVENTHR_DB) that is EVENTHR_RUNTIME_DB, or EVENTHR_DB itself when you give none.
runtime_connection_for() {
  local db=$1
  if [ -n "${EVENTHR_DB:-}" ]; then echo "${EVENTHR_RUNTIME_DB:-$EVENTHR_DB}"; return; fi
  echo "Host=127.0.0.1;Port=$pg_port;Database=$db;Username=$runtime_role;Maximum Pool Size=100"
}

# Prints the cluster superuser's connection string for database $1 (EVENTHR_DB on a server of your own): for the
# operator's own measurements (the benchmark's CHECKPOINT and raw COPY baseline), never for the API.
admin_connection_for() {
  local db=$1
  if [ -n "${EVENTHR_DB:-}" ]; then echo "$EVENTHR_DB"; return; fi
  echo "Host=127.0.0.1;Port=$pg_port;Database=$db;Username=postgres;Maximum Pool Size=100"
}

# The role a connection string connects as.
role_of() {
  echo "$1" | tr ';' '\n' | sed -n 's/^ *\(Username\|User Id\|User ID\|UserName\) *= *//Ip' | head -n 1
}

# Applies the schema of $2 (default eventhr) as the owner ($1), granting the runtime role ($3) what it needs.
# Run from the folder holding EventHr.Api.dll.
apply_schema() {
  ConnectionStrings__EventHr="$1" EventHr__Schema="${2:-eventhr}" EventHr__Database__RuntimeRole="${3:-}" \
    dotnet EventHr.Api.dll schema apply >&2 || die "could not apply the schema ${2:-eventhr}"
}

recreate_database() {
  local db=$1
  ensure_cluster
  superuser_sql "drop database if exists \"$db\" with (force)" >/dev/null
}

ensure_dotnet() {
  command -v dotnet >/dev/null || die "the .NET 10 SDK is not on PATH: install it (https://dot.net) and run again."
}
