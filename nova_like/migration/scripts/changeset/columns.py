"""``Column.create()`` and ``Column.drop()`` of the ``migrate`` API.

Installed as methods on :class:`sqlalchemy.Column` while a legacy script
runs (see :data:`nova_like.migration.scripts.changeset.PATCHES`).
"""
import sqlalchemy as sa

from nova_like.migration.scripts.changeset import constraint
from nova_like.migration.scripts.changeset import exceptions
from nova_like.migration.scripts.changeset import inmemory
from nova_like.migration.scripts.changeset import runtime


def create(self, table=None, index_name=None, unique_name=None,
           primary_key_name=None, populate_default=True, connection=None):
    """Add this column to ``table`` (default: its own) in the database.

    As with sqlalchemy-migrate: ``index_name`` adds an index on the column,
    else ``unique_name`` a unique constraint; foreign keys of the column
    are added; ``primary_key_name`` adds a primary key on it; with
    ``populate_default`` a Python-side ``default`` fills the existing rows.
    The column is appended to the Table object.

    :returns: self
    """
    _check_constraint_names(self, index_name, unique_name, primary_key_name)
    table = runtime.require_table(
        table if table is not None else self.table, 'column %s' % self.name)
    if self.table is not None and self.table is not table:
        raise exceptions.UnsupportedChange(
            'column %s belongs to table %s, not %s: create a copy of it '
            '(column.copy())' % (self.name, self.table.name, table.name))
    impl = runtime.ddl_for(table, connection)
    with runtime.translated():
        impl.add_column(table.name, _definition(self))
    inmemory.attach_column(table, self)
    _create_keys(impl, table, self, index_name, unique_name,
                 primary_key_name)
    if populate_default:
        _populate(impl.connection, table, self)
    return self


def drop(self, table=None, connection=None):
    """Drop this column from ``table`` (default: its own) in the database.

    The column leaves the Table object, its indexes and its constraints.

    :returns: self
    """
    table = runtime.require_table(
        table if table is not None else self.table, 'column %s' % self.name)
    impl = runtime.ddl_for(table, connection)
    with runtime.translated():
        impl.drop_column(table.name, self.name)
    inmemory.detach_column(table, self.name)
    return self


def _create_keys(impl, table, column, index_name, unique_name,
                 primary_key_name):
    """Index or unique constraint, foreign keys, primary key: migrate's order.

    Foreign keys keep the name the Column gave them, even none.
    """
    bind = impl.connection
    if index_name:
        sa.Index(index_name, column).create(bind)
    elif unique_name:
        constraint.UniqueConstraint(column, name=unique_name).create(bind)
    for foreign_key in {element.constraint
                        for element in column.foreign_keys}:
        with runtime.translated():
            constraint.create_foreign_key(impl, table, foreign_key,
                                          foreign_key.name)
    if primary_key_name:
        constraint.PrimaryKeyConstraint(
            column, name=primary_key_name).create(bind)


def _check_constraint_names(column, index_name, unique_name,
                            primary_key_name):
    # sqlalchemy-migrate's rule: a flag on the Column needs a name here.
    for flag, name, argument in ((column.index, index_name, 'index_name'),
                                 (column.unique, unique_name, 'unique_name'),
                                 (column.primary_key, primary_key_name,
                                  'primary_key_name')):
        if flag and not name:
            raise exceptions.InvalidConstraintError(
                'Column.create() accepts index_name, primary_key_name and '
                'unique_name to generate constraints')
        if name is not None and not isinstance(name, str):
            raise exceptions.InvalidConstraintError(
                '%s argument for column must be constraint name' % argument)


def _definition(column):
    """A bare copy of ``column``: what ``ADD COLUMN`` states, nothing more."""
    if column.constraints:
        raise exceptions.UnsupportedChange(
            'column %s has column-level constraints, which ADD COLUMN does '
            'not create; create them with CheckConstraint(...).create() '
            'after the column' % column.name)
    server_default = column.server_default
    if server_default is not None and not isinstance(
            server_default, sa.DefaultClause):
        raise exceptions.UnsupportedChange(
            'column %s: a %s server default cannot be added to an existing '
            'table; use server_default=<SQL text>' % (
                column.name, type(server_default).__name__))
    return sa.Column(column.name, column.type, nullable=column.nullable,
                     server_default=getattr(server_default, 'arg', None),
                     comment=column.comment)


def _populate(connection, table, column):
    """Give existing rows the column's Python-side default."""
    default = column.default
    if default is None or getattr(default, 'is_sequence', False):
        return
    # Callables get no execution context: there is no row being inserted.
    value = default.arg(None) if default.is_callable else default.arg
    target = sa.table(table.name, sa.column(column.name, column.type))
    connection.execute(sa.update(target).values({column.name: value}))
