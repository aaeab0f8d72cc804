"""``Table.create_column/drop_column/rename`` and ``Index.rename``.

Installed as methods on :class:`sqlalchemy.Table` and
:class:`sqlalchemy.Index` while a legacy script runs.
"""
import sqlalchemy as sa

from nova_like.migration.scripts.changeset import columns
from nova_like.migration.scripts.changeset import exceptions
from nova_like.migration.scripts.changeset import inmemory
from nova_like.migration.scripts.changeset import runtime


def create_column(self, column, *args, **kwargs):
    """Create ``column`` on this table (``Table.create_column``).

    ``column`` is a Column, or the name of one of this Table object's
    columns; other arguments are those of :func:`columns.create`.
    """
    if not isinstance(column, sa.Column):
        name = str(column)
        column = inmemory.column_named(self, name)
        if column is None:
            raise exceptions.UnsupportedChange(
                'table %s has no column %s to create; pass a Column' % (
                    self.name, name))
    return columns.create(column, self, *args, **kwargs)


def drop_column(self, column, *args, **kwargs):
    """Drop a column of this table, given as a Column or a name.

    A name need not be a column of this Table object: the database is
    what counts.
    """
    if not isinstance(column, sa.Column):
        name = str(column)
        column = inmemory.column_named(self, name)
        if column is None:
            column = sa.Column(name, sa.Integer())
    return columns.drop(column, self, *args, **kwargs)


def rename(self, name, connection=None):
    """Rename this table; its MetaData then knows it under ``name``.

    On PostgreSQL the sequence of a serial column keeps its old name, as
    with sqlalchemy-migrate.
    """
    impl = runtime.ddl_for(self, connection)
    with runtime.translated():
        impl.rename_table(self.name, name)
    inmemory.rename_table(self, name)


def rename_index(self, name, connection=None):
    """Rename this index (``Index.rename``); it must belong to a Table."""
    table = runtime.require_table(self.table, 'index %s' % self.name)
    impl = runtime.ddl_for(table, connection)
    with runtime.translated():
        impl.rename_index(table.name, self.name, name)
    self.name = name
