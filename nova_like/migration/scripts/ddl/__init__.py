"""Per-dialect DDL for the ``migrate`` changeset API, chosen by dialect name.

One module per dialect (like Alembic's ``ddl/``); :data:`IMPLS` maps the
SQLAlchemy dialect name to its implementation.  A dialect that is not
listed raises instead of guessing.
"""
from nova_like import exception
from nova_like.migration.scripts.ddl import base
from nova_like.migration.scripts.ddl import mysql
from nova_like.migration.scripts.ddl import postgresql
from nova_like.migration.scripts.ddl import sqlite

UNCHANGED = base.UNCHANGED

#: dialect name -> DDLImpl subclass
IMPLS = {
    'sqlite': sqlite.SQLiteImpl,
    'postgresql': postgresql.PostgreSQLImpl,
    'mysql': mysql.MySQLImpl,
    'mariadb': mysql.MySQLImpl,
}


def impl_class(dialect_name):
    """Return the DDLImpl class registered for ``dialect_name``.

    :raises UnsupportedOperation: no implementation for that dialect.
    """
    try:
        return IMPLS[dialect_name]
    except KeyError:
        raise exception.UnsupportedOperation(
            'the migrate changeset API (Column.create/alter/drop, '
            'constraints, renames) is not available on %s; supported: %s' % (
                dialect_name, ', '.join(sorted(IMPLS))))


def impl_for(connection):
    """Return the DDLImpl for a SQLAlchemy Connection (in a transaction)."""
    return impl_class(connection.dialect.name)(connection)
