"""The functions of ``migrate.changeset.schema``.

Thin forms of the methods (sqlalchemy-migrate's API): ``create_column``,
``drop_column``, ``alter_column``, ``rename_table``, ``rename_index``.
"""
import sqlalchemy as sa

from nova_like.migration.scripts.changeset import alter
from nova_like.migration.scripts.changeset import columns
from nova_like.migration.scripts.changeset import runtime
from nova_like.migration.scripts.changeset import tables

__all__ = ['create_column', 'drop_column', 'alter_column', 'rename_table',
           'rename_index']


def create_column(column, table=None, *args, **kwargs):
    """``Column.create()``, or ``Table.create_column()`` given a table."""
    if table is not None:
        return tables.create_column(table, column, *args, **kwargs)
    return columns.create(column, *args, **kwargs)


def drop_column(column, table=None, *args, **kwargs):
    """``Column.drop()``, or ``Table.drop_column()`` given a table."""
    if table is not None:
        return tables.drop_column(table, column, *args, **kwargs)
    return columns.drop(column, *args, **kwargs)


def alter_column(column, *args, **kwargs):
    """``Column.alter()``; a column name needs ``table=<Table>``."""
    if not isinstance(column, sa.Column):
        table = runtime.require_table(kwargs.get('table'),
                                      'column %s' % column)
        column = table.c[column]
    return alter.alter(column, *args, **kwargs)


def rename_table(table, name, engine=None):
    """``Table.rename()``; ``table`` may be a name."""
    if not isinstance(table, sa.Table):
        table = sa.Table(table, sa.MetaData())
    return tables.rename(table, name, connection=engine)


def rename_index(index, name, table=None, engine=None):
    """``Index.rename()``; an index name needs ``table`` (Table or name)."""
    if not isinstance(index, sa.Index):
        if isinstance(table, str):
            table = sa.Table(table, sa.MetaData())
        table = runtime.require_table(table, 'index %s' % index)
        index = sa.Index(index, _table=table)
    return tables.rename_index(index, name, connection=engine)
