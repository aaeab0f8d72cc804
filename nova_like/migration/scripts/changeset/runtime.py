"""Where a changeset call runs: the connection, the DDL, the errors.

A call uses the bind the script names (``engine=`` / ``connection=``),
else the one its table's MetaData was bound to, else the running script's
engine (:func:`nova_like.migration.scripts.context.resolve_bind`).  It
always ends on the step's SQLAlchemy Connection, inside its transaction.
"""
import contextlib

import sqlalchemy as sa

from nova_like import exception
from nova_like.migration.scripts.changeset import exceptions
from nova_like.migration.scripts import context


def require_table(table, what):
    """Return ``table``, or raise when the object has none.

    :param what: the object, named for the message ("column x").
    """
    if table is None:
        raise exceptions.UnsupportedChange(
            '%s belongs to no Table: pass table=... or build it from the '
            "table's columns" % what)
    if not isinstance(table, sa.Table):
        raise exceptions.UnsupportedChange(
            '%s: table=%r is not a Table; load it first with Table(name, '
            'meta, autoload=True)' % (what, table))
    return table


def connection_for(table, bind=None):
    """Return the SQLAlchemy Connection for DDL on ``table``.

    :param bind: the engine or connection the script passed, if any.
    """
    with translated():
        if bind is None:
            bind = context.resolve_bind(table)
    if isinstance(bind, sa.engine.Connection):
        return bind
    connection = getattr(bind, 'connection', None)
    if isinstance(connection, sa.engine.Connection):
        return connection
    raise exceptions.UnsupportedChange(
        '%r is not the engine of a running migration script: the changeset '
        "API runs only inside a step's transaction" % (bind,))


def ddl_for(table, bind=None):
    """Return the DDL implementation for ``table``'s connection.

    The connection stops using SQLAlchemy's compiled-statement cache: its
    keys would not see the renames and type changes made to the script's
    Table objects, and would hand back SQL naming the old columns.
    """
    # Imported on first use: it pulls in Alembic's operations, which
    # scripts that only create tables never need.
    from nova_like.migration.scripts import ddl
    with translated():
        connection = connection_for(table, bind)
        connection.execution_options(compiled_cache=None)
        return ddl.impl_for(connection)


@contextlib.contextmanager
def translated():
    """Raise what scripts catch as ``migrate.exceptions.NotSupportedError``.

    An UnsupportedOperation from below becomes an UnsupportedChange, which
    is both.
    """
    try:
        yield
    except exceptions.UnsupportedChange:
        raise
    except exception.UnsupportedOperation as error:
        raise exceptions.UnsupportedChange(error.message) from error
