#!/bin/bash
# Start throwaway PostgreSQL 15 and MariaDB servers for nova_like's backend
# tests (the OpenStack tools/test-setup.sh convention).
#
# Usage: tools/test-setup.sh           install what is missing, start both
#                                      servers (or check they are up)
#        tools/test-setup.sh --stop    stop both servers
#
# Both servers listen on 127.0.0.1 only, on non-default ports, so they never
# clash with a database the machine already runs.  The script is idempotent:
# with both servers up it only re-checks them; after a machine restart it
# clears stale pid files and starts them again.  Run it as root (CI does).
#
# On success the OS_TEST_DBAPI_ADMIN_CONNECTION value (oslo.db format, URLs
# separated by ';') is written to $NOVA_LIKE_TEST_DB_DIR/admin-connection,
# which nova_like/tests/backends.py reads, and printed on stdout; progress
# goes to stderr, so this works:
#     export OS_TEST_DBAPI_ADMIN_CONNECTION=$(tools/test-setup.sh)
#
# Settings (environment):
#   NOVA_LIKE_TEST_DB_DIR      data, logs and sockets (/tmp/nova_like-test-dbs)
#   NOVA_LIKE_TEST_PG_PORT     PostgreSQL port (15432)
#   NOVA_LIKE_TEST_MYSQL_PORT  MariaDB port (13306)
#   NOVA_LIKE_TEST_DB_WAIT     seconds a server may take to accept (60)
set -euo pipefail

DB_DIR=$(realpath -m "${NOVA_LIKE_TEST_DB_DIR:-/tmp/nova_like-test-dbs}")
PG_PORT=${NOVA_LIKE_TEST_PG_PORT:-15432}
MYSQL_PORT=${NOVA_LIKE_TEST_MYSQL_PORT:-13306}
WAIT_SECONDS=${NOVA_LIKE_TEST_DB_WAIT:-60}
PG_BIN=/usr/lib/postgresql/15/bin
DB_USER=openstack_citest
DB_PW=openstack_citest

PG_DIR=$DB_DIR/postgresql
PG_DATA=$PG_DIR/data
PG_LOG=$PG_DIR/postgresql.log
MY_DIR=$DB_DIR/mariadb
MY_DATA=$MY_DIR/data
MY_LOG=$MY_DIR/mariadb.log
MY_SOCK=$MY_DIR/mariadb.sock
MY_PIDFILE=$MY_DIR/mariadb.pid
ADMIN_FILE=$DB_DIR/admin-connection

log() { echo "test-setup: $*" >&2; }

die() {
    echo "test-setup: ERROR: $*" >&2
    exit 1
}

# die_with_log NAME LOGFILE MESSAGE: fail, showing the end of the server log.
die_with_log() {
    if [ -f "$2" ]; then
        echo "---- last lines of $2 ----" >&2
        tail -n 20 "$2" >&2 || true
        echo "----" >&2
    fi
    die "$1: $3; see $2"
}

# pid_alive PIDFILE DATADIR: the pid in PIDFILE is a live server of DATADIR.
# Checking the command line, not just the pid, makes a pid reused after a
# machine restart count as stale.
pid_alive() {
    local pid
    [ -s "$1" ] || return 1
    pid=$(head -n 1 "$1" | tr -dc '0-9')
    [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$2"
}

pidfile_pid() { head -n 1 "$1" | tr -dc '0-9'; }

# proc_running PID: PID runs (a zombie has an empty command line).
proc_running() { grep -q . "/proc/$1/cmdline" 2>/dev/null; }

find_mariadbd() { PATH=$PATH:/usr/sbin command -v mariadbd || true; }

as_postgres() { runuser -u postgres -- "$@"; }

# wait_until NAME LOGFILE ALIVE_CMD CHECK_CMD...: poll CHECK_CMD for at most
# WAIT_SECONDS, failing early when ALIVE_CMD says the server died.
wait_until() {
    local name=$1 logfile=$2 alive=$3 deadline=$((SECONDS + WAIT_SECONDS))
    shift 3
    until "$@" >/dev/null 2>&1; do
        if ! eval "$alive"; then
            die_with_log "$name" "$logfile" "the server exited during start"
        fi
        if ((SECONDS >= deadline)); then
            die_with_log "$name" "$logfile" \
                "no connection within ${WAIT_SECONDS}s"
        fi
        sleep 0.2
    done
}

ensure_packages() {
    local missing=()
    [ -x "$PG_BIN/postgres" ] || missing+=(postgresql-15)
    [ -n "$(find_mariadbd)" ] || missing+=(mariadb-server-core mariadb-client)
    ((${#missing[@]})) || return 0
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

prepare_dirs() {
    mkdir -p "$DB_DIR"
    # The servers run as other users and must be able to reach their dirs.
    chmod a+x "$DB_DIR"
    if ! runuser -u postgres -- test -x "$DB_DIR"; then
        die "user postgres cannot enter $DB_DIR; choose a" \
            "NOVA_LIKE_TEST_DB_DIR whose parents are world-searchable"
    fi
}

init_postgresql() {
    [ -f "$PG_DIR/.initialised" ] && return 0
    log "initialising PostgreSQL in $PG_DATA"
    rm -rf "$PG_DIR"
    mkdir -m 700 "$PG_DIR"
    chown postgres: "$PG_DIR"
    as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --no-instructions \
        --encoding=UTF8 --locale=C.UTF-8 --auth-local=peer \
        --auth-host=scram-sha-256 >"$PG_DIR/initdb.log" 2>&1 ||
        die_with_log PostgreSQL "$PG_DIR/initdb.log" "initdb failed"
    touch "$PG_DIR/.initialised"
}

start_postgresql() {
    if pid_alive "$PG_DATA/postmaster.pid" "$PG_DATA"; then
        log "PostgreSQL already running (port $PG_PORT)"
        return 0
    fi
    rm -f "$PG_DATA/postmaster.pid" "$PG_DIR"/.s.PGSQL.*
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT (log: $PG_LOG)"
    # Throwaway data: durability settings off make CREATE DATABASE and
    # every DDL much faster.
    as_postgres "$PG_BIN/pg_ctl" start -D "$PG_DATA" -l "$PG_LOG" -w \
        -t "$WAIT_SECONDS" -o "-c listen_addresses=127.0.0.1 -p $PG_PORT \
        -k '$PG_DIR' -c fsync=off -c synchronous_commit=off \
        -c full_page_writes=off" >&2 9>&- ||
        die_with_log PostgreSQL "$PG_LOG" "the server did not start"
}

configure_postgresql() {
    as_postgres "$PG_BIN/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres \
        -d postgres -qAt -v ON_ERROR_STOP=1 >&2 <<SQL
DO \$\$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
        CREATE ROLE $DB_USER LOGIN;
    END IF;
END \$\$;
ALTER ROLE $DB_USER WITH LOGIN CREATEDB PASSWORD '$DB_PW';
SELECT 'CREATE DATABASE $DB_USER OWNER $DB_USER'
    WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_USER')
\gexec
SQL
}

check_postgresql() {
    PGPASSWORD=$DB_PW "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" \
        -d "$DB_USER" -qAt -c 'SELECT 1'
}

init_mariadb() {
    [ -f "$MY_DIR/.initialised" ] && return 0
    log "initialising MariaDB in $MY_DATA"
    rm -rf "$MY_DIR"
    mkdir -m 700 "$MY_DIR"
    mariadb-install-db --no-defaults --user=root --datadir="$MY_DATA" \
        --auth-root-authentication-method=socket --skip-test-db \
        --skip-name-resolve \
        >"$MY_DIR/install-db.log" 2>&1 ||
        die_with_log MariaDB "$MY_DIR/install-db.log" \
            "mariadb-install-db failed"
    touch "$MY_DIR/.initialised"
}

# Sets MY_PID to the pid of the running server.
start_mariadb() {
    if pid_alive "$MY_PIDFILE" "$MY_DATA"; then
        log "MariaDB already running (port $MYSQL_PORT)"
        MY_PID=$(pidfile_pid "$MY_PIDFILE")
        return 0
    fi
    rm -f "$MY_PIDFILE" "$MY_SOCK" "$MY_SOCK.lock"
    log "starting MariaDB on 127.0.0.1:$MYSQL_PORT (log: $MY_LOG)"
    # Throwaway data again: no doublewrite, no flush per commit.
    setsid "$(find_mariadbd)" --no-defaults --user=root \
        --datadir="$MY_DATA" --bind-address=127.0.0.1 --port="$MYSQL_PORT" \
        --socket="$MY_SOCK" --pid-file="$MY_PIDFILE" --log-error="$MY_LOG" \
        --skip-name-resolve --character-set-server=utf8mb4 \
        --collation-server=utf8mb4_general_ci \
        --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
        </dev/null >>"$MY_LOG" 2>&1 9>&- &
    MY_PID=$!
}

mariadb_root() { mariadb --no-defaults --socket="$MY_SOCK" -u root "$@"; }

configure_mariadb() {
    mariadb_root --batch <<SQL
CREATE USER IF NOT EXISTS '$DB_USER'@'%' IDENTIFIED BY '$DB_PW';
ALTER USER '$DB_USER'@'%' IDENTIFIED BY '$DB_PW';
GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'%' WITH GRANT OPTION;
CREATE DATABASE IF NOT EXISTS $DB_USER;
SQL
}

check_mariadb() {
    mariadb --no-defaults -h 127.0.0.1 -P "$MYSQL_PORT" -u "$DB_USER" \
        -p"$DB_PW" -e 'SELECT 1'
}

write_admin_connection() {
    local value
    value="mysql+pymysql://$DB_USER:$DB_PW@127.0.0.1:$MYSQL_PORT/"
    value+=";postgresql+psycopg2://$DB_USER:$DB_PW@127.0.0.1:$PG_PORT/"
    echo "$value" >"$ADMIN_FILE.tmp"
    mv "$ADMIN_FILE.tmp" "$ADMIN_FILE"
    log "wrote $ADMIN_FILE"
    echo "$value"
}

start_all() {
    ensure_packages
    prepare_dirs
    init_mariadb
    start_mariadb
    init_postgresql
    start_postgresql
    configure_postgresql
    wait_until PostgreSQL "$PG_LOG" true check_postgresql
    wait_until MariaDB "$MY_LOG" "proc_running $MY_PID" \
        mariadb_root -e 'SELECT 1'
    configure_mariadb
    wait_until MariaDB "$MY_LOG" true check_mariadb
    write_admin_connection
}

stop_postgresql() {
    if ! pid_alive "$PG_DATA/postmaster.pid" "$PG_DATA"; then
        log "PostgreSQL is not running"
        return 0
    fi
    as_postgres "$PG_BIN/pg_ctl" stop -D "$PG_DATA" -m fast -w \
        -t "$WAIT_SECONDS" >&2 ||
        die_with_log PostgreSQL "$PG_LOG" "the server did not stop"
}

stop_mariadb() {
    local pid deadline=$((SECONDS + WAIT_SECONDS))
    if ! pid_alive "$MY_PIDFILE" "$MY_DATA"; then
        log "MariaDB is not running"
        return 0
    fi
    pid=$(pidfile_pid "$MY_PIDFILE")
    log "stopping MariaDB (pid $pid)"
    kill -TERM "$pid"
    while proc_running "$pid"; do
        ((SECONDS < deadline)) ||
            die_with_log MariaDB "$MY_LOG" "pid $pid did not stop"
        sleep 0.2
    done
}

main() {
    case "${1:-}" in
        '') action=start_all ;;
        --stop) action='stop_postgresql; stop_mariadb' ;;
        -h | --help)
            sed -n '2,/^set -euo/p' "$0" | sed '$d'
            return 0
            ;;
        *) die "unknown argument '$1' (try --help)" ;;
    esac
    [ "$(id -u)" = 0 ] || die "run me as root: I start servers as other users"
    mkdir -p "$DB_DIR"
    # fd 9 holds the lock; the daemons are started with 9>&- so that it
    # does not outlive this script.
    exec 9>"$DB_DIR/.lock"
    flock -w "$WAIT_SECONDS" 9 ||
        die "another test-setup.sh holds $DB_DIR/.lock"
    eval "$action"
}

main "$@"
