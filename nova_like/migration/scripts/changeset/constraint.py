"""sqlalchemy-migrate's standalone constraint classes.

Each class is the SQLAlchemy 2 constraint of the same name, so the same
object works inside ``Table(...)``, plus ``create()`` and ``drop()`` to
add or remove it on an existing table.  Constructor semantics are
sqlalchemy-migrate's: columns are Column objects or names, the table comes
from the columns or from ``table=`` (needed with names), and a constraint
created or dropped without a name gets sqlalchemy-migrate's automatic name
(the one PostgreSQL would choose).
"""
import sqlalchemy as sa

from nova_like.migration.scripts.changeset import exceptions
from nova_like.migration.scripts.changeset import inmemory
from nova_like.migration.scripts.changeset import runtime


class ConstraintChangeset(object):
    """``create()`` and ``drop()`` for the constraint classes below."""

    #: Alembic's name for the kind of constraint
    kind = None

    def create(self, engine=None, connection=None):
        """Add this constraint to its table in the database.

        :param engine: the bind to use (``connection`` is the same thing);
            by default the table's bound MetaData or the script's engine.
        :returns: self
        """
        table = self._table_or_fail()
        self._ensure_name()
        impl = runtime.ddl_for(table, connection or engine)
        with runtime.translated():
            self._create_with(impl, table)
        return self

    def drop(self, engine=None, connection=None, cascade=False):
        """Remove this constraint from its table in the database.

        :param cascade: not supported: drop the dependent objects first.
        :returns: self
        """
        if cascade:
            raise exceptions.UnsupportedChange(
                'dropping constraint %s with cascade=True is not supported; '
                'drop the objects that depend on it first' % self.name)
        table = self._table_or_fail()
        self._ensure_name()
        impl = runtime.ddl_for(table, connection or engine)
        with runtime.translated():
            impl.drop_constraint(table.name, self.name, self.kind,
                                 self.column_names())
        self._forget(table)
        return self

    def autoname(self):
        """Return sqlalchemy-migrate's automatic name for this constraint."""
        raise NotImplementedError()

    def column_names(self):
        """Return the names of the constrained columns, in order."""
        return [column.name for column in self.columns]

    def _table_or_fail(self):
        parent = getattr(self, 'parent', None)
        table = parent if isinstance(parent, sa.Table) else None
        return runtime.require_table(table, 'constraint %s' % (
            self.name or self.__class__.__name__))

    def _ensure_name(self):
        if self.name is None:
            self.name = self.autoname()

    def _create_with(self, impl, table):
        raise NotImplementedError()

    def _forget(self, table):
        # A constraint dropped by name is often a fresh object: the one
        # reflected into the Table under that name goes too.
        for other in list(table.constraints):
            if other is self or (other.name == self.name and
                                 other.__visit_name__ == self.__visit_name__):
                inmemory.forget_constraint(table, other)


class UniqueConstraint(ConstraintChangeset, sa.UniqueConstraint):
    """``UniqueConstraint(*cols, table=None, name=None, ...)``."""

    kind = 'unique'

    def __init__(self, *cols, table=None, **kwargs):
        super(UniqueConstraint, self).__init__(*cols, **kwargs)
        _attach(self, table)

    def autoname(self):
        return '%s_%s_key' % (self.table.name, self.column_names()[0])

    def _create_with(self, impl, table):
        impl.create_unique(table.name, self.name, self.column_names())


class PrimaryKeyConstraint(ConstraintChangeset, sa.PrimaryKeyConstraint):
    """``PrimaryKeyConstraint(*cols, table=None, name=None)``.

    With no columns, the key is made of the table's columns marked
    ``primary_key`` (SQLAlchemy's rule), which is what
    ``PrimaryKeyConstraint(table=t).create()`` after
    ``t.c.x.alter(primary_key=True)`` relies on.
    """

    kind = 'primary'

    def __init__(self, *cols, table=None, **kwargs):
        super(PrimaryKeyConstraint, self).__init__(*cols, **kwargs)
        _attach(self, table)

    def autoname(self):
        return '%s_pkey' % self.table.name

    def _create_with(self, impl, table):
        impl.create_primary_key(table.name, self.name, self.column_names())

    def _forget(self, table):
        # The columns stay marked primary_key, as with sqlalchemy-migrate:
        # drop, alter(primary_key=True), create() rebuilds the key from them.
        pass


class ForeignKeyConstraint(ConstraintChangeset, sa.ForeignKeyConstraint):
    """``ForeignKeyConstraint(columns, refcolumns, name=None, ...)``.

    Also ``onupdate=``, ``ondelete=`` and ``table=``.  SQLAlchemy's own
    constructor already has sqlalchemy-migrate's semantics (``table=``, or
    the table of the first column).
    """

    kind = 'foreignkey'

    def autoname(self):
        return '%s_%s_fkey' % (self.table.name, self.column_names()[0])

    def _create_with(self, impl, table):
        create_foreign_key(impl, table, self, self.name)


class CheckConstraint(ConstraintChangeset, sa.CheckConstraint):
    """``CheckConstraint(sqltext, columns=[...], table=None, name=None)``.

    ``columns`` only names the constraint (``<table>_<cols>_check``) and
    gives its table; a constraint created or dropped needs it or a name.
    """

    kind = 'check'

    def __init__(self, sqltext, *args, columns=(), table=None, **kwargs):
        self.colnames = [getattr(column, 'name', column) for column in columns]
        if table is None:
            table = next((column.table for column in columns
                          if isinstance(getattr(column, 'table', None),
                                        sa.Table)), None)
        super(CheckConstraint, self).__init__(
            sqltext, *args, table=table, **kwargs)

    def column_names(self):
        return list(self.colnames)

    def autoname(self):
        if not self.colnames:
            raise exceptions.InvalidConstraintError(
                'CheckConstraint needs a name or columns=[...] to name it')
        return '%s_%s_check' % (self.table.name, '_'.join(self.colnames))

    def _create_with(self, impl, table):
        impl.create_check(table.name, self.name,
                          check_sql(self, impl.connection.dialect))


def create_foreign_key(impl, table, constraint, name):
    """Create ``constraint`` (any ForeignKeyConstraint) on ``table``."""
    targets = [element.target_fullname.split('.')
               for element in constraint.elements]
    impl.create_foreign_key(
        table.name, name, [column.name for column in constraint.columns],
        targets[0][-2], [target[-1] for target in targets],
        onupdate=constraint.onupdate, ondelete=constraint.ondelete)


def check_sql(constraint, dialect):
    """Render a CHECK condition as the DDL compiler does (no table names)."""
    compiler = dialect.ddl_compiler(dialect, None)
    return compiler.sql_compiler.process(
        constraint.sqltext, include_table=False, literal_binds=True)


def _attach(constraint, table):
    if table is not None and getattr(constraint, 'parent', None) is not table:
        table.append_constraint(constraint)
