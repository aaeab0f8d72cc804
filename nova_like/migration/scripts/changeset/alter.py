"""``Column.alter()`` of the ``migrate`` API (sqlalchemy-migrate's
ColumnDelta, on SQLAlchemy 2).

What changes can be given as keywords, as positional values (a name, a
type, a server default) or as a whole new Column compared with this one
(``col.alter(Column('x', String(36), primary_key=True))``); keywords win.

``name``, ``type``, ``nullable`` and ``server_default`` change the
database.  ``primary_key``, ``unique`` and ``default`` change only the
Table object, as in sqlalchemy-migrate 0.13: use PrimaryKeyConstraint and
UniqueConstraint to change keys in the database.
"""
import logging

import sqlalchemy as sa

from nova_like.migration.scripts.changeset import exceptions
from nova_like.migration.scripts.changeset import inmemory
from nova_like.migration.scripts.changeset import runtime

LOG = logging.getLogger(__name__)

KEYWORDS = ('name', 'type', 'nullable', 'server_default', 'primary_key',
            'unique', 'default')


def alter(self, *args, table=None, engine=None, connection=None,
          metadata=None, alter_metadata=True, **changes):
    """Change this column in the database and in its Table object.

    :param table: the table, when the column is not attached to it.
    :param engine: the bind to use (``connection`` is the same thing).
    :param metadata: ignored; sqlalchemy-migrate reflected into it.
    :param alter_metadata: ignored; sqlalchemy-migrate 0.13 always did.
    :returns: self
    """
    table = runtime.require_table(
        table if table is not None else self.table, 'column %s' % self.name)
    column = self
    if self.table is not table:
        # A stand-alone Column names the table's own one, which must change.
        column = inmemory.column_named(table, self.name)
        column = self if column is None else column
    impl = runtime.ddl_for(table, connection or engine)
    wanted = collect(column, args, changes, impl.connection.dialect)
    ddl_changes = _ddl_changes(column, wanted)
    if ddl_changes:
        with runtime.translated():
            impl.alter_column(table.name, column.name, **ddl_changes)
    _apply(table, column, wanted)
    return self


def collect(column, args, keywords, dialect):
    """Return ``{keyword: value}``: what the call asks to change.

    :raises UnsupportedChange: an argument alter() does not understand.
    """
    unknown = sorted(set(keywords).difference(KEYWORDS))
    if unknown:
        raise exceptions.UnsupportedChange(
            'Column.alter() cannot change %s; it changes %s' % (
                ', '.join(unknown), ', '.join(KEYWORDS)))
    wanted = {}
    for arg in args:
        if isinstance(arg, sa.Column):
            _compare(column, arg, wanted, dialect)
        elif isinstance(arg, str):
            wanted.setdefault('name', arg)
        elif _is_type(arg):
            wanted.setdefault('type', arg)
        elif isinstance(arg, sa.DefaultClause):
            wanted.setdefault('server_default', arg)
        else:
            raise exceptions.UnsupportedChange(
                'Column.alter() does not understand %r' % (arg,))
    wanted.update(keywords)
    return wanted


def _compare(old, new, wanted, dialect):
    """Note what ``new`` has that ``old`` has not, as migrate did."""
    if new.name and new.name != old.name:
        wanted.setdefault('name', new.name)
    for attribute in ('nullable', 'primary_key'):
        if bool(getattr(new, attribute)) != bool(getattr(old, attribute)):
            wanted.setdefault(attribute, bool(getattr(new, attribute)))
    if _default_text(new.server_default) != _default_text(old.server_default):
        wanted.setdefault('server_default', new.server_default)
    if _type_text(new.type, dialect) != _type_text(old.type, dialect):
        wanted.setdefault('type', new.type)


def _ddl_changes(column, wanted):
    changes = {}
    if wanted.get('name') not in (None, column.name):
        changes['name'] = wanted['name']
    if wanted.get('type') is not None:
        changes['type_'] = sa.types.to_instance(wanted['type'])
    if wanted.get('nullable') is not None:
        changes['nullable'] = bool(wanted['nullable'])
    if 'server_default' in wanted:
        changes['server_default'] = _default_arg(wanted['server_default'])
    return changes


def _apply(table, column, wanted):
    """Make the Column object say what the database now has."""
    if wanted.get('type') is not None:
        column.type = sa.types.to_instance(wanted['type'])
    if wanted.get('nullable') is not None:
        column.nullable = bool(wanted['nullable'])
    if 'server_default' in wanted:
        _set_server_default(column, _default_arg(wanted['server_default']))
    if 'default' in wanted:
        _set_default(column, wanted['default'])
    if 'unique' in wanted:
        LOG.warning('Column.alter(unique=...) on %s.%s changes no schema '
                    '(as in sqlalchemy-migrate); use UniqueConstraint(...)'
                    '.create() or .drop()', table.name, column.name)
        column.unique = wanted['unique']
    if 'primary_key' in wanted:
        inmemory.set_primary_key(table, column, bool(wanted['primary_key']))
    if wanted.get('name') not in (None, column.name):
        inmemory.rename_column(table, column, wanted['name'])


def _set_server_default(column, arg):
    if arg is None:
        column.server_default = None
    else:
        sa.DefaultClause(arg)._set_parent(column)


def _set_default(column, arg):
    if arg is None:
        column.default = None
    else:
        sa.ColumnDefault(arg)._set_parent(column)


def _default_arg(value):
    """The SQL of a server default (None drops it)."""
    if value is None or isinstance(value, (str, sa.sql.ClauseElement)):
        return value
    if isinstance(value, sa.DefaultClause):
        return value.arg
    raise exceptions.UnsupportedChange(
        'server_default=%r: give SQL text, a string or None' % (value,))


def _default_text(server_default):
    """Return a server default as text that compares across forms.

    Reflected SQL ("'0'") and a string value ('0') compare equal.
    """
    arg = getattr(server_default, 'arg', server_default)
    if not isinstance(arg, sa.sql.elements.TextClause):
        return arg
    text = arg.text
    if len(text) > 1 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    return text


def _type_text(type_, dialect):
    return sa.types.to_instance(type_).compile(dialect=dialect)


def _is_type(arg):
    return isinstance(arg, sa.types.TypeEngine) or (
        isinstance(arg, type) and issubclass(arg, sa.types.TypeEngine))
