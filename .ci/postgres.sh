#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback for the store tests and
# prints the environment that points them at it, for
#
#     eval "$(.ci/postgres.sh)"
#
# stdout carries only `export NAME=VALUE` lines; everything else goes to
# stderr. Running it again reuses the cluster it started (or restarts it), so
# it is safe to call from several places. It installs Debian's postgresql
# package when no initdb is found. initdb and postgres refuse to run as root,
# so as root the cluster runs as an unprivileged system user (tidings-ci).
#
# Settings: TIDINGS_PG_PORT (first port to try, default 55432) and
# TIDINGS_PG_BASE (directory of the cluster, default /tmp/tidings-ci-postgres).
set -euo pipefail

exec 3>&1 1>&2 # fd 3 is the caller's stdout; all chatter goes to stderr

log() { echo "postgres.sh: $*"; }
die() { log "error: $*"; exit 1; }

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

# bindir finds the newest server installation: Debian keeps its binaries in
# /usr/lib/postgresql/NN/bin, off the PATH; other systems put initdb on it.
bindir() {
  local best
  best=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | while read -r d; do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; fi
  done | tail -n 1)
  if [ -z "$best" ] && command -v initdb >/dev/null 2>&1; then
    best=$(dirname "$(readlink -f "$(command -v initdb)")")
  fi
  echo "$best"
}

bin=$(bindir)
if [ -z "$bin" ]; then
  log "no PostgreSQL server found: installing Debian's postgresql package"
  # Keep the package from creating and starting its own cluster on 5432.
  if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    $sudo mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" | $sudo tee /etc/postgresql-common/createcluster.conf >/dev/null
  fi
  $sudo apt-get update -qq
  # Keep that file as written, without asking (there is no one to ask).
  $sudo env DEBIAN_FRONTEND=noninteractive UCF_FORCE_CONFFOLD=1 apt-get install -y -qq \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold postgresql
  bin=$(bindir)
  [ -n "$bin" ] || die "installed postgresql, but found no initdb under /usr/lib/postgresql/*/bin"
fi
log "server binaries: $bin ($("$bin/postgres" --version))"

# The OS user that owns and runs the cluster.
if [ "$(id -u)" -eq 0 ]; then
  osuser=tidings-ci
  if ! id "$osuser" >/dev/null 2>&1; then
    if useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$osuser" 2>/dev/null; then
      log "created system user $osuser"
    else
      osuser=nobody
      log "could not create a system user; running the cluster as $osuser"
    fi
  fi
  as_user() { runuser -u "$osuser" -- "$@"; }
else
  osuser=$(id -un)
  as_user() { "$@"; }
fi

base=${TIDINGS_PG_BASE:-/tmp/tidings-ci-postgres}
data="$base/data"
logfile="$base/server.log"
mkdir -p "$base"
chown "$osuser" "$base" 2>/dev/null || true
chmod 0755 "$base" 2>/dev/null || true

# One run at a time per cluster directory.
exec 9>"$base/.lock"
flock -w 120 9 || die "another postgres.sh holds $base/.lock"

# port_of reads the port of a running cluster from its postmaster.pid.
port_of() { sed -n 4p "$data/postmaster.pid" 2>/dev/null; }

# listening says whether something accepts connections on 127.0.0.1:$1.
listening() { (exec 4<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running() { [ -f "$data/postmaster.pid" ] && as_user "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }

wait_ready() {
  local port=$1 i
  for i in $(seq 1 60); do
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres; then return 0; fi
    sleep 0.5
  done
  return 1
}

if running; then
  port=$(port_of)
  log "cluster in $data already running on port $port"
else
  # A directory left by an interrupted or foreign run is thrown away: this
  # cluster holds only test databases.
  if [ -d "$data" ] && { [ ! -f "$data/PG_VERSION" ] || [ "$(stat -c %U "$data")" != "$osuser" ] ||
    [ "$(cat "$data/PG_VERSION")" != "$("$bin/postgres" --version | sed -E 's/^[^0-9]*([0-9]+).*/\1/')" ]; }; then
    log "removing unusable cluster directory $data"
    rm -rf "$data"
  fi
  if [ ! -d "$data" ]; then
    log "creating a cluster in $data as $osuser"
    install -d -o "$osuser" -m 0700 "$data"
    as_user "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=trust \
      -E UTF8 --locale=C >"$base/initdb.log" 2>&1 || { cat "$base/initdb.log"; die "initdb failed"; }
  fi
  port=${TIDINGS_PG_PORT:-55432}
  last=$((port + 100))
  while listening "$port"; do
    port=$((port + 1))
    [ "$port" -le "$last" ] || die "no free port in ${TIDINGS_PG_PORT:-55432}..$last"
  done
  # Loopback only, socket in the cluster directory (Debian's
  # /var/run/postgresql belongs to the postgres user).
  cat >"$data/postgresql.auto.conf" <<EOF
# Written by .ci/postgres.sh
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$base'
max_connections = 200
EOF
  chown "$osuser" "$data/postgresql.auto.conf"
  touch "$logfile" && chown "$osuser" "$logfile"
  log "starting on 127.0.0.1:$port (log: $logfile)"
  # The server must not inherit the lock or the caller's stdout (fds 9, 3).
  as_user "$bin/pg_ctl" -D "$data" -l "$logfile" -w -t 60 start >/dev/null 3>&- 9>&- ||
    { tail -n 20 "$logfile"; die "pg_ctl start failed"; }
fi

wait_ready "$port" || { tail -n 20 "$logfile"; die "server on port $port not ready"; }
log "ready: $("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -Atc 'SELECT version()')"

q() { printf '%q' "$1"; }
echo "export TIDINGS_TEST_POSTGRES=$(q "postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable")" >&3
echo "export TIDINGS_TEST_PGDATA=$(q "$data")" >&3
echo "export TIDINGS_TEST_PGCTL=$(q "$bin/pg_ctl")" >&3
echo "export TIDINGS_TEST_PGUSER_OS=$(q "$osuser")" >&3
echo "export TIDINGS_REQUIRE_POSTGRES=1" >&3
