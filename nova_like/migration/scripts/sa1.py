"""SQLAlchemy 1.x idioms that legacy scripts rely on, on SQLAlchemy 2.

Two parts: :class:`LegacyEngine` (what a script receives as
``migrate_engine``: a 1.x-style Engine over the step's one Connection) and
:func:`patches` (the 1.x behaviour of MetaData, Table, select() and friends,
installed by :mod:`nova_like.migration.scripts.environment` only while a
script runs).  Nothing here changes SQLAlchemy at import time.
"""
import sqlalchemy as sa
from sqlalchemy.engine import reflection
from sqlalchemy import inspection
from sqlalchemy.sql import base as sql_base
from sqlalchemy.sql import expression

from nova_like import exception
from nova_like.migration.scripts import context

NO_PARAMS = {'no_parameters': True}


class LegacyResult(object):
    """A 1.x ResultProxy: rows answer ``row['col']`` as well as ``row.col``."""

    def __init__(self, result):
        self._result = result

    def __iter__(self):
        return (LegacyRow(row) for row in self._result)

    def __getattr__(self, name):
        return getattr(self._result, name)

    def fetchone(self):
        return _wrap_row(self._result.fetchone())

    def first(self):
        return _wrap_row(self._result.first())

    def fetchall(self):
        return [LegacyRow(row) for row in self._result.fetchall()]

    def fetchmany(self, size=None):
        return [LegacyRow(row) for row in self._result.fetchmany(size)]


class LegacyRow(object):
    """A Row with the 1.x mapping behaviour (``row['name']``, ``keys()``)."""

    __slots__ = ('_row',)

    def __init__(self, row):
        self._row = row

    def __getitem__(self, key):
        if isinstance(key, (int, slice)):
            return self._row[key]
        return self._row._mapping[key]

    def __getattr__(self, name):
        return getattr(self._row, name)

    def __iter__(self):
        return iter(self._row)

    def __len__(self):
        return len(self._row)

    def __eq__(self, other):
        return tuple(self._row) == tuple(other)

    def __hash__(self):
        return hash(tuple(self._row))

    def __repr__(self):
        return repr(self._row)

    def keys(self):
        return list(self._row._mapping.keys())

    def values(self):
        return list(self._row)

    def items(self):
        return list(self._row._mapping.items())


def _wrap_row(row):
    return None if row is None else LegacyRow(row)


class _ScriptTransaction(object):
    """What ``conn.begin()`` returns inside a script.

    The step already runs in one transaction, so a script's own commit is a
    no-op and its rollback fails the whole step, which then rolls back.
    """

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return False

    def commit(self):
        pass

    def close(self):
        pass

    def rollback(self):
        raise exception.UnsupportedOperation(
            'the script rolled back its transaction: the whole step is '
            'rolled back and the version is not recorded')


class LegacyEngine(object):
    """A 1.x Engine, as far as migration scripts use one.

    Every operation runs on the step's Connection, inside its transaction;
    ``connect()`` hands out the same connection, whose ``close()`` does
    nothing.
    """

    def __init__(self, connection):
        self.connection = connection

    def __repr__(self):
        return 'LegacyEngine(%s)' % self.url.render_as_string(
            hide_password=True)

    dialect = property(lambda self: self.connection.dialect)
    name = property(lambda self: self.connection.dialect.name)
    driver = property(lambda self: self.connection.dialect.driver)
    url = property(lambda self: self.connection.engine.url)
    engine = property(lambda self: self)
    closed = property(lambda self: False)

    def connect(self):
        return LegacyConnection(self.connection)

    def begin(self):
        return _ScriptConnectionTransaction(LegacyConnection(self.connection))

    def close(self):
        pass

    def dispose(self):
        pass

    def in_transaction(self):
        return True

    def execution_options(self, **options):
        return self

    def raw_connection(self):
        return self.connection.connection

    def execute(self, statement, *multiparams, **params):
        """``engine.execute(str or statement, params...)`` as in 1.x."""
        parameters = _distill(multiparams, params)
        if isinstance(statement, str):
            if parameters:
                result = self.connection.exec_driver_sql(statement,
                                                         parameters)
            else:
                result = self.connection.exec_driver_sql(
                    statement, execution_options=NO_PARAMS)
        else:
            result = self.connection.execute(statement, parameters or None)
        return LegacyResult(result)

    def scalar(self, statement, *multiparams, **params):
        return self.execute(statement, *multiparams, **params).scalar()

    def has_table(self, table_name, schema=None):
        return sa.inspect(self.connection).has_table(table_name, schema)

    def table_names(self, schema=None):
        return sa.inspect(self.connection).get_table_names(schema)

    def run_callable(self, callable_, *args, **kwargs):
        return callable_(self.connect(), *args, **kwargs)

    def _run_ddl_visitor(self, visitorcallable, element, **kwargs):
        self.connection._run_ddl_visitor(visitorcallable, element, **kwargs)


class LegacyConnection(LegacyEngine):
    """A 1.x Connection borrowed from the step; closing it does nothing."""

    def connect(self):
        return self

    def begin(self):
        return _ScriptTransaction()

    begin_nested = begin


class _ScriptConnectionTransaction(_ScriptTransaction):
    """``with engine.begin() as conn:`` yields a connection, not itself."""

    def __init__(self, connection):
        self._connection = connection

    def __enter__(self):
        return self._connection


def _distill(multiparams, params):
    # The 1.x rules: keyword arguments, one dict, a list of dicts, or
    # positional values for the driver's own placeholders.
    if not multiparams:
        return dict(params) if params else None
    if len(multiparams) == 1:
        only = multiparams[0]
        if isinstance(only, dict):
            return only
        if not isinstance(only, (list, tuple)):
            return (only,)
        if only and isinstance(only[0], (dict, list, tuple)):
            return list(only)
        return tuple(only)
    if all(isinstance(item, (dict, list, tuple)) for item in multiparams):
        return list(multiparams)
    return tuple(multiparams)


def unwrap(bind):
    """The real SQLAlchemy Connection behind a legacy bind, or ``bind``."""
    return bind.connection if isinstance(bind, LegacyEngine) else bind


def _inspect_legacy(bind):
    return sa.inspect(bind.connection)


# -- 1.x behaviour installed on SQLAlchemy while a script runs --------------

def _metadata_init(original):
    def __init__(self, bind=None, reflect=False, schema=None, **kwargs):
        if isinstance(bind, str):
            # SQLAlchemy 2 code passes the schema positionally.
            bind, schema = None, bind
        original(self, schema=schema, **kwargs)
        self._legacy_bind = bind
        if reflect:
            self.reflect()
    return __init__


def _get_bind(self):
    return getattr(self, '_legacy_bind', None)


def _set_bind(self, bind):
    self._legacy_bind = bind


def _metadata_method(original):
    def method(self, bind=None, *args, **kwargs):
        bind = bind if bind is not None else context.resolve_bind(self)
        return original(self, unwrap(bind), *args, **kwargs)
    return method


def _schema_item_method(original):
    """``table.create()``, ``index.drop()``... with the bind optional."""
    def method(self, bind=None, *args, **kwargs):
        bind = bind if bind is not None else _bind_of(self)
        return original(self, unwrap(bind), *args, **kwargs)
    return method


def _bind_of(item):
    table = getattr(item, 'table', None)
    if isinstance(item, sa.Sequence) or table is None:
        metadata = getattr(item, 'metadata', None)
        return context.resolve_bind(metadata)
    return context.resolve_bind(table)


def _table_exists(self, bind=None):
    bind = bind if bind is not None else _bind_of(self)
    return sa.inspect(unwrap(bind)).has_table(self.name, self.schema)


def _table_new(original):
    def _new(cls, *args, **kwargs):
        autoload = kwargs.pop('autoload', False)
        if 'useexisting' in kwargs:
            kwargs['extend_existing'] = kwargs.pop('useexisting')
        if autoload and kwargs.get('autoload_with') is None and \
                len(args) > 1:
            kwargs['autoload_with'] = context.resolve_bind(args[1])
        if kwargs.get('autoload_with') is not None:
            kwargs['autoload_with'] = unwrap(kwargs['autoload_with'])
        return original(cls, *args, **kwargs)
    return classmethod(_new)


def _select(original):
    def select(*args, **kwargs):
        if not (args and isinstance(args[0], (list, tuple))) and not kwargs:
            return original(*args)
        columns = list(args[0]) if args else list(kwargs.pop('columns', []))
        statement = original(*columns)
        whereclause = args[1] if len(args) > 1 else kwargs.pop(
            'whereclause', None)
        if whereclause is not None:
            statement = statement.where(whereclause)
        return _select_options(statement, args[2:], kwargs)
    return select


def _select_options(statement, positional, kwargs):
    from_obj = positional[0] if positional else kwargs.pop('from_obj', None)
    if from_obj is not None:
        items = from_obj if isinstance(from_obj, (list, tuple)) else [
            from_obj]
        statement = statement.select_from(*items)
    for name in ('order_by', 'group_by'):
        value = kwargs.pop(name, None)
        if value is not None:
            items = value if isinstance(value, (list, tuple)) else [value]
            statement = getattr(statement, name)(*items)
    for name in ('having', 'limit', 'offset'):
        value = kwargs.pop(name, None)
        if value is not None:
            statement = getattr(statement, name)(value)
    if kwargs.pop('distinct', False):
        statement = statement.distinct()
    kwargs.pop('bind', None)
    if kwargs:
        raise exception.UnsupportedOperation(
            'select() argument(s) %s of SQLAlchemy 1.x are not supported; '
            'use the generative form (select(...).where(...))' % ', '.join(
                sorted(kwargs)))
    return statement


def _dml(original, *names):
    """``t.update(whereclause, values)`` and friends, as in 1.x."""
    def method(self, *args, **kwargs):
        statement = original(self)
        given = dict(zip(names, args))
        given.update(kwargs)
        if given.get('whereclause') is not None:
            statement = statement.where(given['whereclause'])
        if given.get('values') is not None:
            statement = statement.values(given['values'])
        if given.get('inline'):
            statement = statement.inline()
        return statement
    return method


def _execute(self, *multiparams, **params):
    """Implicit execution: ``stmt.execute()`` on the statement's bind."""
    bind, multiparams = _explicit_bind(self, multiparams, params)
    return bind.execute(self, *multiparams, **params)


def _scalar(self, *multiparams, **params):
    bind, multiparams = _explicit_bind(self, multiparams, params)
    return bind.scalar(self, *multiparams, **params)


def _explicit_bind(statement, multiparams, params):
    # DDL('...').execute(migrate_engine) and execute(bind=...) name a bind.
    bind = params.pop('bind', None)
    if bind is None and multiparams and isinstance(
            multiparams[0], (LegacyEngine, sa.engine.Connection)):
        bind, multiparams = multiparams[0], multiparams[1:]
    if bind is None:
        bind = _statement_bind(statement)
    if not isinstance(bind, LegacyEngine):
        bind = LegacyEngine(bind)
    return bind, multiparams


def _statement_bind(statement):
    table = getattr(statement, 'table', None)
    if table is None:
        froms = getattr(statement, 'get_final_froms', lambda: [])()
        table = next((item for item in froms
                      if isinstance(item, sa.Table)), None)
    return context.resolve_bind(table) if table is not None else \
        context.current_bind()


def _from_engine(cls, bind):
    return sa.inspect(unwrap(bind))


def _session_init(original):
    # A Session bound to migrate_engine joins the step's transaction: its
    # commit() does not commit the step, its rollback() fails the step.
    def __init__(self, bind=None, *args, **kwargs):
        original(self, unwrap(bind), *args, **kwargs)
    return __init__


def patches():
    """``(owner, attribute, value)`` triples giving SQLAlchemy 1.x idioms."""
    from sqlalchemy import orm
    result = [
        (orm.Session, '__init__', _session_init(orm.Session.__init__)),
        (sa.MetaData, '__init__', _metadata_init(sa.MetaData.__init__)),
        (sa.MetaData, 'bind', property(_get_bind, _set_bind)),
        (sa.Table, '_new', _table_new(sa.Table._new.__func__)),
        (sa.Table, 'exists', _table_exists),
        (sql_base.Executable, 'execute', _execute),
        (sql_base.Executable, 'scalar', _scalar),
        (expression.TableClause, 'insert',
         _dml(expression.TableClause.insert, 'values', 'inline')),
        (expression.TableClause, 'update',
         _dml(expression.TableClause.update, 'whereclause', 'values',
              'inline')),
        (expression.TableClause, 'delete',
         _dml(expression.TableClause.delete, 'whereclause')),
        (expression.FromClause, 'select',
         _dml(expression.FromClause.select, 'whereclause')),
        (reflection.Inspector, 'from_engine', classmethod(_from_engine)),
    ]
    for name in ('create_all', 'drop_all', 'reflect'):
        result.append((sa.MetaData, name,
                       _metadata_method(getattr(sa.MetaData, name))))
    for owner in (sa.Table, sa.Index, sa.Sequence):
        for name in ('create', 'drop'):
            result.append((owner, name,
                           _schema_item_method(getattr(owner, name))))
    legacy_select = _select(expression.select)
    for module in (sa, sa.sql, expression):
        result.append((module, 'select', legacy_select))
    return result


def inspection_registrations():
    """Types to register with :func:`sqlalchemy.inspect` while scripts run."""
    return {LegacyEngine: _inspect_legacy, LegacyConnection: _inspect_legacy}


def registrars():
    """SQLAlchemy's registry of inspectable types (patched by key)."""
    return inspection._registrars
