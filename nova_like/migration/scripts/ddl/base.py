"""DDL behind the ``migrate`` changeset API, on top of Alembic's operations.

:class:`DDLImpl` is what every dialect shares (PostgreSQL uses it nearly
as is); the other modules of this package override what their database
does differently.  Every method works on table and column *names* and
reads the current definition from the database, never from the script's
in-memory objects, and runs on the step's Connection inside its
transaction: nothing here commits.
"""
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
import sqlalchemy as sa

from nova_like import exception

#: ``server_default`` value meaning "leave the server default alone"
#: (None means "drop it").
UNCHANGED = object()

#: Kinds of constraint :meth:`DDLImpl.drop_constraint` knows (Alembic's).
CONSTRAINT_KINDS = ('unique', 'foreignkey', 'primary', 'check')


class DDLImpl(object):
    """DDL for one Connection of one dialect.

    :param connection: a SQLAlchemy 2 Connection, already in a transaction.
    """

    #: the dialect name this implementation is registered for
    name = 'default'

    def __init__(self, connection):
        self.connection = connection
        self.op = Operations(MigrationContext.configure(connection=connection))

    # -- reading the current definition ------------------------------------

    def inspector(self):
        """Return a fresh Inspector: earlier DDL must not be cached."""
        return sa.inspect(self.connection)

    def reflected_column(self, table_name, column_name):
        """Return the inspector's dict for one column.

        :raises UnsupportedOperation: no such column in the database.
        """
        for column in self.inspector().get_columns(table_name):
            if column['name'] == column_name:
                return column
        raise exception.UnsupportedOperation(
            'table %s has no column %s in the database; reload the table '
            '(autoload) instead of trusting an outdated definition' % (
                table_name, column_name))

    def existing(self, table_name, column_name):
        """Return Alembic's ``existing_*`` arguments for a column."""
        return self.existing_from(
            self.reflected_column(table_name, column_name))

    def existing_from(self, column):
        """Return ``existing_*`` arguments from an inspector column dict."""
        return {'existing_type': column['type'],
                'existing_nullable': column['nullable'],
                'existing_server_default': _as_sql(column.get('default'))}

    # -- columns -------------------------------------------------------------

    def add_column(self, table_name, column):
        """``ALTER TABLE .. ADD COLUMN`` for a Column without constraints."""
        self.op.add_column(table_name, column)

    def drop_column(self, table_name, column_name):
        """``ALTER TABLE .. DROP COLUMN``."""
        self.op.drop_column(table_name, column_name)

    def alter_column(self, table_name, column_name, name=None, type_=None,
                     nullable=None, server_default=UNCHANGED):
        """Change a column; arguments left at their default stay as they are.

        :param server_default: a string, a ``text()`` clause, or None to
            drop the server default.
        """
        changes = alembic_changes(name, type_, nullable, server_default)
        if not changes:
            return
        changes.update(self.existing(table_name, column_name))
        self.op.alter_column(table_name, column_name, **changes)

    # -- tables and indexes ------------------------------------------------

    def rename_table(self, old_name, new_name):
        """``ALTER TABLE .. RENAME TO``."""
        self.op.rename_table(old_name, new_name)

    def rename_index(self, table_name, old_name, new_name):
        """Rename an index; each dialect says how."""
        raise exception.UnsupportedOperation(
            'renaming index %s of table %s is not supported on %s; drop the '
            'index and create it again under the new name' % (
                old_name, table_name, self.connection.dialect.name))

    # -- constraints ---------------------------------------------------------

    def create_unique(self, table_name, name, columns):
        """``ADD CONSTRAINT name UNIQUE (columns)``."""
        self.op.create_unique_constraint(name, table_name, list(columns))

    def create_foreign_key(self, table_name, name, columns, ref_table,
                           ref_columns, onupdate=None, ondelete=None):
        """``ADD CONSTRAINT name FOREIGN KEY .. REFERENCES ..``.

        :param name: None lets the database choose the name.
        """
        self.op.create_foreign_key(
            name, table_name, ref_table, list(columns), list(ref_columns),
            onupdate=onupdate, ondelete=ondelete)

    def create_primary_key(self, table_name, name, columns):
        """``ADD CONSTRAINT name PRIMARY KEY (columns)``."""
        self.op.create_primary_key(name, table_name, list(columns))

    def create_check(self, table_name, name, sqltext):
        """``ADD CONSTRAINT name CHECK (sqltext)``.

        :param sqltext: a string or a SQL expression.
        """
        self.op.create_check_constraint(name, table_name, sqltext)

    def drop_constraint(self, table_name, name, kind, columns=None):
        """Drop the constraint ``name`` of ``kind`` (see CONSTRAINT_KINDS).

        :param columns: the constraint's columns, used only where a
            dialect must find an unnamed constraint.
        """
        check_kind(kind)
        self.op.drop_constraint(name, table_name, type_=kind)

    # -- helpers -------------------------------------------------------------

    def quote(self, identifier):
        """Quote an identifier the way this dialect needs."""
        return self.connection.dialect.identifier_preparer.quote(identifier)

    def execute(self, statement):
        """Run one DDL statement given as a string."""
        self.connection.exec_driver_sql(
            statement, execution_options={'no_parameters': True})


def check_kind(kind):
    """Reject a constraint kind this package does not know."""
    if kind not in CONSTRAINT_KINDS:
        raise exception.UnsupportedOperation(
            'unknown constraint kind %r; use one of %s' % (
                kind, ', '.join(CONSTRAINT_KINDS)))


def alembic_changes(name, type_, nullable, server_default):
    """Return Alembic's alter_column arguments for the given changes."""
    changes = {}
    if name is not None:
        changes['new_column_name'] = name
    if type_ is not None:
        changes['type_'] = type_
    if nullable is not None:
        changes['nullable'] = nullable
    if server_default is not UNCHANGED:
        changes['server_default'] = server_default
    return changes


def _as_sql(default):
    # Reflected defaults are SQL text ("'abc'", "0", "now()"): a plain
    # string would be quoted once more when Alembic restates the column.
    return None if default is None else sa.text(default)
