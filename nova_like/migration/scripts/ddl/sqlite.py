"""SQLite DDL for the changeset API.

SQLite's ALTER TABLE only adds and renames columns and tables.  Everything
else (changing a column's type, nullability or default, dropping a column,
adding or dropping a constraint) rebuilds the table as sqlalchemy-migrate
did (except primary keys, which it emulated with unique indexes, and so do
we), with Alembic's "move and copy": create the new table, copy the rows,
drop the old table, rename the new one, create the indexes again.  The
definition rebuilt is the one reflected from the database, so indexes and
named (and unnamed) constraints survive, and it all happens inside the
step's transaction: a failed step leaves the original table.
"""
import re

import sqlalchemy as sa

from nova_like import exception
from nova_like.migration.scripts.ddl import base

_AUTOINCREMENT = re.compile(r'\bAUTOINCREMENT\b', re.IGNORECASE)
# "CREATE [UNIQUE] INDEX [IF NOT EXISTS] <name>" at the head of an index.
_INDEX_HEAD = re.compile(
    r'^(\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?)'
    r'(?:"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]|[^\s(]+)', re.IGNORECASE)
# A string literal (ignored) or an identifier, quoted in any SQLite way.
_TOKEN = re.compile(r"'(?:[^']|'')*'|\"((?:[^\"]|\"\")*)\"|`([^`]*)`|"
                    r"\[([^\]]*)\]|([A-Za-z_][\w$]*)")
_CONSTRAINT_CLASSES = {'unique': sa.UniqueConstraint,
                       'foreignkey': sa.ForeignKeyConstraint,
                       'check': sa.CheckConstraint}


class SQLiteImpl(base.DDLImpl):
    """SQLite: native ADD/RENAME, table rebuilds for the rest."""

    name = 'sqlite'

    def drop_column(self, table_name, column_name):
        """Rebuild without the column, as sqlalchemy-migrate did.

        Indexes lose the column (and go when it was their only one);
        constraints on it go with it.
        """
        def edit(table):
            _forget_checks_on(table, column_name)
            _shrink_indexes(table, column_name)
        self._rebuild(table_name, edit,
                      lambda batch: batch.drop_column(column_name))

    def alter_column(self, table_name, column_name, name=None, type_=None,
                     nullable=None, server_default=base.UNCHANGED):
        if name is not None and name != column_name:
            # Native since SQLite 3.25; it also rewrites the indexes,
            # constraints and triggers that name the column.
            self.op.alter_column(table_name, column_name,
                                 new_column_name=name)
            column_name = name
        changes = base.alembic_changes(None, type_, nullable, server_default)
        if changes:
            self._rebuild(table_name, batch_ops=lambda batch: (
                batch.alter_column(column_name, **changes)))

    def rename_index(self, table_name, old_name, new_name):
        """Drop the index and create it again from its own definition."""
        sql = self._index_sql(old_name)
        self.execute('DROP INDEX %s' % self.quote(old_name))
        self.execute(_INDEX_HEAD.sub(
            lambda match: match.group(1) + self.quote(new_name), sql,
            count=1))

    def create_unique(self, table_name, name, columns):
        self._rebuild(table_name, lambda table: table.append_constraint(
            sa.UniqueConstraint(*columns, name=name)))

    def create_foreign_key(self, table_name, name, columns, ref_table,
                           ref_columns, onupdate=None, ondelete=None):
        targets = ['%s.%s' % (ref_table, column) for column in ref_columns]
        self._rebuild(table_name, lambda table: table.append_constraint(
            sa.ForeignKeyConstraint(list(columns), targets, name=name,
                                    onupdate=onupdate, ondelete=ondelete)))

    def create_primary_key(self, table_name, name, columns):
        """A unique index named after the key, as sqlalchemy-migrate did.

        SQLite cannot add a primary key; a rebuild could, but the schema
        would then differ from the one sqlalchemy-migrate leaves, which
        databases migrated half-way by it have and later scripts expect.
        """
        self.execute('CREATE UNIQUE INDEX %s ON %s (%s)' % (
            self.quote(name), self.quote(table_name),
            ', '.join(self.quote(column) for column in columns)))

    def create_check(self, table_name, name, sqltext):
        self._rebuild(table_name, lambda table: table.append_constraint(
            sa.CheckConstraint(sqltext, name=name)))

    def drop_constraint(self, table_name, name, kind, columns=None):
        """Rebuild without the constraint.

        A unique constraint or primary key that exists as a unique index of
        that name (primary keys created by :meth:`create_primary_key`) is
        dropped with ``DROP INDEX``; a primary key declared with the table
        goes with a rebuild, whatever its name.
        """
        base.check_kind(kind)
        if kind in ('unique', 'primary') and self._unique_index(name):
            self.execute('DROP INDEX %s' % self.quote(name))
            return
        self._rebuild(table_name, lambda table: _remove_constraint(
            table, name, kind, columns))

    # -- the rebuild ---------------------------------------------------------

    def _rebuild(self, table_name, edit=None, batch_ops=None):
        """Move and copy ``table_name``.

        :param edit: called with the reflected Table to change the
            definition (constraints, indexes) before the copy.
        :param batch_ops: called with Alembic's batch operations for the
            column changes, which also decide how rows are copied.
        """
        self._refuse_if_triggers(table_name)
        self._refuse_if_referenced(table_name)
        table = sa.Table(table_name, sa.MetaData(),
                         autoload_with=self.connection)
        if edit is not None:
            edit(table)
        with self.op.batch_alter_table(
                table_name, recreate='always', copy_from=table,
                table_kwargs=self._table_options(table_name)) as batch:
            if batch_ops is not None:
                batch_ops(batch)

    def _refuse_if_triggers(self, table_name):
        # Dropping the old table drops its triggers; reflection cannot
        # give them back.
        triggers = self.connection.execute(sa.text(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
            'tbl_name = :name ORDER BY name'), {'name': table_name}).scalars()
        names = ', '.join(triggers)
        if names:
            raise exception.UnsupportedOperation(
                'SQLite must rebuild table %s, which would drop its triggers '
                '(%s); drop them before this change and create them again '
                'after it' % (table_name, names))

    def _refuse_if_referenced(self, table_name):
        # With foreign keys enforced, dropping the old table runs an
        # implicit DELETE: ON DELETE CASCADE would empty the referencing
        # tables, and the pragma cannot be turned off inside a transaction.
        if not self.connection.exec_driver_sql('PRAGMA foreign_keys').scalar():
            return
        inspector = self.inspector()
        referencing = sorted(
            name for name in inspector.get_table_names()
            if name != table_name and any(
                fk['referred_table'] == table_name
                for fk in inspector.get_foreign_keys(name)))
        if referencing:
            raise exception.UnsupportedOperation(
                'SQLite must rebuild table %s, but foreign keys are enforced '
                '(PRAGMA foreign_keys=ON) and %s refer to it: dropping the '
                'old table would delete or orphan their rows; run the '
                'migration on a connection without PRAGMA foreign_keys' % (
                    table_name, ', '.join(referencing)))

    def _table_options(self, table_name):
        # Reflection does not report AUTOINCREMENT; losing it would let
        # SQLite reuse the ids of deleted rows.
        sql = self._master_sql('table', table_name) or ''
        return {'sqlite_autoincrement': True} if _AUTOINCREMENT.search(
            sql) else {}

    def _index_sql(self, name):
        sql = self._master_sql('index', name)
        if sql is None:
            raise exception.UnsupportedOperation(
                'SQLite has no index %s that can be renamed (the indexes '
                'SQLite creates for UNIQUE and PRIMARY KEY constraints have '
                'no definition of their own); check the index name' % name)
        return sql

    def _unique_index(self, name):
        sql = self._master_sql('index', name) or ''
        return re.match(r'\s*CREATE\s+UNIQUE\s', sql, re.IGNORECASE)

    def _master_sql(self, kind, name):
        return self.connection.execute(sa.text(
            'SELECT sql FROM sqlite_master WHERE type = :type AND '
            'name = :name'), {'type': kind, 'name': name}).scalar()


def _remove_constraint(table, name, kind, columns):
    if kind == 'primary':
        if not table.primary_key.columns:
            raise exception.UnsupportedOperation(
                'table %s has no primary key to drop' % table.name)
        for column in table.primary_key.columns:
            column.primary_key = False
        # Appending an empty key replaces the current one.
        table.append_constraint(sa.PrimaryKeyConstraint())
        return
    table.constraints.discard(_find_constraint(table, name, kind, columns))


def _find_constraint(table, name, kind, columns):
    """The constraint ``name``, else the only unnamed one on ``columns``."""
    candidates = [constraint for constraint in table.constraints
                  if isinstance(constraint, _CONSTRAINT_CLASSES[kind])]
    for constraint in candidates:
        if name is not None and constraint.name == name:
            return constraint
    wanted = set(columns or ())
    unnamed = [constraint for constraint in candidates
               if not constraint.name and wanted and
               set(constraint.columns.keys()) == wanted]
    if len(unnamed) == 1:
        return unnamed[0]
    raise exception.UnsupportedOperation(
        'table %s has no %s constraint named %s%s; check its name in the '
        'database' % (table.name, kind, name, ' on (%s)' % ', '.join(
            columns) if columns else ''))


def _shrink_indexes(table, column_name):
    for index in list(table.indexes):
        names = index.columns.keys()
        if column_name not in names:
            continue
        table.indexes.discard(index)
        rest = [table.c[name] for name in names if name != column_name]
        if rest and len(index.expressions) == len(names):
            # A new Index on the table's columns attaches itself.
            sa.Index(index.name, *rest, unique=index.unique)


def _forget_checks_on(table, column_name):
    for constraint in list(table.constraints):
        if isinstance(constraint, sa.CheckConstraint) and _mentions(
                str(constraint.sqltext), column_name):
            table.constraints.discard(constraint)


def _mentions(sql, column_name):
    """Whether ``sql`` names the identifier ``column_name`` (any quoting)."""
    wanted = column_name.lower()
    for match in _TOKEN.finditer(sql):
        name = next((group for group in match.groups() if group), None)
        if name is not None and name.replace('""', '"').lower() == wanted:
            return True
    return False
