"""Engines for the databases we migrate.

Plain SQLAlchemy rather than oslo.db's enginefacade: ``db version`` must
start fast, and a migration needs one connection, not a facade.
"""
import os

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy import exc as sa_exc

from nova_like import exception


# Execution option naming the SQLite BEGIN mode ('IMMEDIATE' for writers).
SQLITE_BEGIN = 'nova_like_sqlite_begin'
WRITE_LOCK = {SQLITE_BEGIN: 'IMMEDIATE'}


def create_engine(url):
    """Return an Engine for ``url``, checked for form but not yet connected.

    :raises DatabaseError: the URL is malformed or names an unknown driver;
        the message masks the password.
    """
    try:
        engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    except (sa_exc.ArgumentError, sa_exc.NoSuchModuleError,
            ValueError) as error:
        raise exception.DatabaseError(
            # repr: a malformed URL may hold line breaks or control
            # characters, and the error must stay on one line.
            'invalid database URL %r: %s' % (url, _one_line(error)))
    except ImportError as error:
        raise exception.DatabaseError(
            'no driver for database URL %r: %s' % (url, _one_line(error)))
    _setup_dialect(engine)
    return engine


def is_new_sqlite_file(engine):
    """True when connecting would create the SQLite database file."""
    path = engine.url.database
    return engine.dialect.name == 'sqlite' and bool(path) and \
        path != ':memory:' and not path.startswith('file:') and \
        not os.path.exists(path)


def check_exists(engine):
    """Refuse to read a SQLite file that does not exist.

    Connecting would create it: a read-only command must write nothing.
    """
    if is_new_sqlite_file(engine):
        path = engine.url.database
        raise exception.NotControlledError(
            'database %s does not exist (no file %s)' % (
                engine.url.render_as_string(hide_password=True),
                os.path.abspath(path)))


def connect(engine):
    """Open a connection, turning driver errors into one clear line."""
    try:
        return engine.connect()
    except sa_exc.DBAPIError as error:
        raise exception.DatabaseError(
            'cannot connect to %s: %s' % (
                engine.url.render_as_string(hide_password=True),
                _one_line(error.orig)))


def _setup_dialect(engine):
    if engine.dialect.name == 'sqlite':
        _sqlite_transactional_ddl(engine)
    elif engine.dialect.name == 'mysql':
        _mysql_traditional_mode(engine)


def _sqlite_transactional_ddl(engine):
    # pysqlite only opens a transaction before DML, so DDL would commit
    # statement by statement; take over BEGIN so a failed step rolls back
    # entirely (SQLAlchemy's documented recipe).  Writers ask for IMMEDIATE
    # (see WRITE_LOCK) to take the write lock up front; readers do not, so
    # `db status` never waits behind a migration.
    @event.listens_for(engine, 'connect')
    def _no_implicit_begin(dbapi_connection, record):
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, 'begin')
    def _begin(connection):
        mode = connection.get_execution_options().get(SQLITE_BEGIN, '')
        connection.exec_driver_sql(('BEGIN ' + mode).strip())


def _mysql_traditional_mode(engine):
    # What oslo.db sets for OpenStack services: errors instead of silently
    # truncated data.
    @event.listens_for(engine, 'connect')
    def _traditional(dbapi_connection, record):
        cursor = dbapi_connection.cursor()
        cursor.execute("SET SESSION sql_mode = 'TRADITIONAL'")
        cursor.close()


def _one_line(error):
    return exception.mask_url(' '.join(str(error).split()))
