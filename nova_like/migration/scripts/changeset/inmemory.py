"""Keep a script's in-memory schema objects in step with its DDL.

Scripts go on using the Table they changed (sqlalchemy-migrate updated it
for them): after each change the Table, its columns, indexes, constraints
and MetaData are changed the same way.  These helpers touch SQLAlchemy
internals (column collections, the MetaData's table registry) because
SQLAlchemy 2 has no public API for removing or renaming a column.
"""
import sqlalchemy as sa
from sqlalchemy.sql import schema as sa_schema


def column_named(table, name):
    """Return the column of ``table`` named ``name`` (not key), or None."""
    return next((column for column in table.columns if column.name == name),
                None)


def attach_column(table, column):
    """Append ``column`` to ``table`` unless it belongs to it already.

    A column of the same name that is already there is replaced: the new
    one is what the database has now.
    """
    if column.table is not table:
        table.append_column(column, replace_existing=True)


def detach_column(table, name):
    """Remove column ``name`` from ``table``, as sqlalchemy-migrate did.

    Indexes lose the column (and go if it was their only one); unique,
    foreign key and check constraints on it go; the primary key loses it.
    """
    column = column_named(table, name)
    if column is None:
        return
    _shrink_indexes(table, column)
    for constraint in list(table.constraints):
        if constraint is table.primary_key:
            if constraint.columns.contains_column(column):
                _remove_from_primary_key(table, column)
        elif isinstance(constraint, sa_schema.ColumnCollectionConstraint) and \
                constraint.columns.contains_column(column):
            forget_constraint(table, constraint)
    for element in list(column.foreign_keys):
        table.foreign_keys.discard(element)
    table._columns.remove(column)
    column.table = None
    column._reset_memoizations()


def forget_constraint(table, constraint):
    """Remove ``constraint`` from ``table`` (not for the primary key)."""
    table.constraints.discard(constraint)
    for element in getattr(constraint, 'elements', ()):
        table.foreign_keys.discard(element)
        element.parent.foreign_keys.discard(element)


def rename_column(table, column, new_name):
    """Rename ``column`` in place, keeping its position in ``table``."""
    if column.key == column.name:
        column.key = new_name
    column.name = new_name
    column._reset_memoizations()
    if table is None:
        return
    for owner in [table] + list(table.constraints) + list(table.indexes):
        collection = owner._columns
        if collection.contains_column(column):
            # replace() re-keys the entry where it stands.
            collection.replace(column, extra_remove=[column])


def set_primary_key(table, column, flag):
    """Mark ``column`` as part of the table's primary key, or not."""
    column.primary_key = flag
    if table is None:
        return
    key = table.primary_key
    if flag and not key.columns.contains_column(column):
        key._replace(column)
    elif not flag and key.columns.contains_column(column):
        _remove_from_primary_key(table, column)


def rename_table(table, new_name):
    """Rename ``table`` and register it under its new name in its MetaData."""
    metadata = table.metadata
    metadata._remove_table(table.name, table.schema)
    table.name = new_name
    table.fullname = '%s.%s' % (table.schema, new_name) if table.schema \
        else new_name
    metadata._add_table(new_name, table.schema, table)


def _remove_from_primary_key(table, column):
    key = table.primary_key
    sa_schema.PrimaryKeyConstraint._autoincrement_column._reset(key)
    key._columns.remove(column)


def _shrink_indexes(table, column):
    for index in list(table.indexes):
        if not index.columns.contains_column(column):
            continue
        table.indexes.discard(index)
        rest = [other for other in index.columns if other is not column]
        if rest and len(index.expressions) == len(index.columns):
            # An Index of the table's own columns attaches itself.
            sa.Index(index.name, *rest, unique=index.unique)
