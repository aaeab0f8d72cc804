"""The schema and data operations one call performs.

Read from the AST only: the ``migrate`` changeset API, SQLAlchemy DDL and
DML, oslo.db index helpers and SQL strings handed to ``execute``/``text``.
:mod:`walker` goes through a function and adds the guards in force.
"""
import ast
import dataclasses

from nova_like.migration.lint import astutil
from nova_like.migration.lint import sqltext

CREATES = ('create_table', 'add_column', 'create_index', 'create_constraint')
DROPS = ('drop_table', 'drop_column', 'drop_index', 'drop_constraint')
RENAMES = ('rename_table', 'rename_column', 'rename_index')
_OBJECTS = ('table', 'column', 'index', 'constraint')
_SQL_MODULES = frozenset(['sa', 'sqlalchemy', 'sql', 'expression',
                          'sa.sql', 'sqlalchemy.sql'])
_CHAIN = frozenset(['where', 'values', 'execute', 'returning', 'inline',
                    'prefix_with', 'execution_options', 'from_select',
                    'on_conflict_do_nothing', 'on_duplicate_key_update'])
_UPSERTS = frozenset(['on_conflict_do_nothing', 'on_conflict_do_update',
                      'on_duplicate_key_update'])


@dataclasses.dataclass(frozen=True)
class Operation(object):
    """One operation at ``line``.

    :param guards: guard kinds active where it runs (see :mod:`guards`)
    :param safe: the call guards itself (``checkfirst=True``, ``IF NOT
        EXISTS``, ``INSERT IGNORE``...)
    :param relative: columns an UPDATE computes from their own value
    :param random: a data change that writes a non-deterministic value
    """

    kind: str
    line: int
    target: str = None
    guards: frozenset = frozenset()
    safe: bool = False
    relative: tuple = ()
    random: bool = False
    sql: str = None


def what(kind):
    """The object an operation kind works on: ``table`` for drop_table."""
    return kind.rsplit('_', 1)[-1] if kind.rsplit(
        '_', 1)[-1] in _OBJECTS else 'column'


def classify(call, scope):
    """The operations one call performs (most calls: none)."""
    handler = _HANDLERS.get(astutil.call_name(call))
    return list(handler(call, scope)) if handler else []


def _object_kind(call, scope, prefix):
    receiver = astutil.receiver(call)
    if receiver is None:
        return None
    kind = scope.kind_of(receiver)
    names = {'column': '_column', 'index': '_index',
             'constraint': '_constraint'}
    suffix = names.get(kind, '_table')
    if prefix == 'create' and kind == 'column':
        return 'add_column'
    return prefix + suffix


def _create_or_drop(call, scope):
    kind = _object_kind(call, scope, astutil.call_name(call))
    if kind:
        yield Operation(kind, call.lineno, scope.target_of(
            astutil.receiver(call)), safe=astutil.is_true(
            astutil.keyword(call, 'checkfirst')))


def _all_tables(call, scope):
    # MetaData.create_all()/drop_all() check first unless told not to.
    checkfirst = astutil.keyword(call, 'checkfirst')
    safe = not (isinstance(checkfirst, ast.Constant) and
                checkfirst.value is False)
    kind = 'create_table' if astutil.call_name(
        call) == 'create_all' else 'drop_table'
    yield Operation(kind, call.lineno, safe=safe)


def _column_method(call, scope):
    kind = 'add_column' if astutil.call_name(
        call) == 'create_column' else 'drop_column'
    target = scope.target_of(call.args[0]) or astutil.string(
        call.args[0]) if call.args else None
    yield Operation(kind, call.lineno, target)


def _alter(call, scope):
    column = astutil.receiver(call)
    extra = call.args
    if astutil.call_name(call) == 'alter_column':
        column, extra = (call.args[0] if call.args else None), call.args[1:]
    target = scope.target_of(column) if column is not None else None
    if astutil.keyword(call, 'name') is not None:
        yield Operation('rename_column', call.lineno, target)
    if astutil.keyword(call, 'type') is not None or extra:
        yield Operation('alter_type', call.lineno, target)


def _rename(call, scope):
    receiver = astutil.receiver(call)
    if receiver is not None:
        kind = 'rename_index' if scope.kind_of(
            receiver) == 'index' else 'rename_table'
        yield Operation(kind, call.lineno, scope.target_of(receiver))


def _oslo_index(call, scope):
    # oslo.db utils.add_index/drop_index/change_index_columns(engine,
    # table, index, ...): they raise when the index is (not) there.
    target = astutil.string(call.args[2]) if len(call.args) > 2 else None
    name = astutil.call_name(call)
    if name in ('drop_index', 'change_index_columns'):
        yield Operation('drop_index', call.lineno, target)
    if name in ('add_index', 'change_index_columns'):
        yield Operation('create_index', call.lineno, target)


def _unnamed(call, scope):
    name = astutil.call_name(call)
    if name == 'Column':
        unnamed = astutil.is_true(astutil.keyword(call, 'unique'))
    elif name == 'Index':
        unnamed = bool(call.args) and isinstance(
            call.args[0], ast.Constant) and call.args[0].value is None
    else:
        # `**params` may carry the name: nothing to say then.
        unnamed = astutil.keyword(call, 'name') is None and not any(
            item.arg is None for item in call.keywords)
    if unnamed:
        yield Operation('unnamed', call.lineno, name)


def _sql(call, scope):
    text = scope.sql_text(call.args[0]) if call.args else None
    if text is None:
        return
    first = call.args[0].lineno if isinstance(
        call.args[0], (ast.Constant, ast.JoinedStr)) else call.lineno
    for line, statement in sqltext.split(text, first):
        yield from from_statement(sqltext.classify(statement, line))


def from_statement(statement):
    """The operations of one classified SQL :class:`sqltext.Statement`."""
    if statement.kind:
        yield Operation(statement.kind, statement.line, statement.target,
                        safe=statement.guarded, relative=statement.relative,
                        random=statement.nondeterministic,
                        sql=statement.text)
    if statement.unnamed:
        yield Operation('unnamed', statement.line, 'SQL',
                        sql=statement.text)


def _dml(call, scope):
    name = astutil.call_name(call)
    if not _is_dml(call, scope):
        return
    chain = _chain(call, scope)
    pairs = list(_assignments(call, chain, scope))
    yield Operation(
        name, call.lineno, scope.target_of(astutil.receiver(call)) if
        astutil.receiver(call) is not None else None,
        safe=_is_upsert(chain),
        relative=tuple(column for column, value in pairs
                       if _uses_itself(column, value, scope)),
        random=scope.is_random(_statement_or_chain(call, chain, scope)))


def _is_dml(call, scope):
    receiver = astutil.receiver(call)
    if len(call.args) > 1:
        # list.insert(index, item)
        return False
    if receiver is None:
        return bool(call.args)
    kind = scope.kind_of(receiver)
    if kind == 'table' or astutil.dotted(receiver) in _SQL_MODULES:
        return True
    if kind is not None:
        return False
    # dict.update(...) looks the same; a statement is chained or executed.
    return astutil.call_name(call) == 'insert' or bool(_chain(call, scope))


def _chain(call, scope):
    """Calls made on the statement ``call`` builds, and its execute()."""
    calls, node = [], call
    while True:
        parent = scope.parents.get(node)
        grand = scope.parents.get(parent)
        if isinstance(parent, ast.Attribute) and isinstance(
                grand, ast.Call) and grand.func is parent and \
                parent.attr in _CHAIN:
            calls.append(grand)
            node = grand
        elif isinstance(parent, ast.Call) and parent.args and \
                parent.args[0] is node and astutil.call_name(
                    parent) in ('execute', 'exec_driver_sql'):
            calls.append(parent)
            return calls
        else:
            return calls


def _is_upsert(chain):
    for call in chain:
        name = astutil.call_name(call)
        if name in _UPSERTS:
            return True
        if name == 'prefix_with' and any(
                word in (astutil.string(arg) or '').upper()
                for arg in call.args for word in ('IGNORE', 'REPLACE')):
            return True
    return False


def _assignments(call, chain, scope):
    """(column, value) pairs an UPDATE sets, from every spelling of it."""
    sources = [astutil.keyword(call, 'values')]
    for link in chain:
        if astutil.call_name(link) == 'values':
            sources.extend(link.args)
            for item in link.keywords:
                if item.arg:
                    yield item.arg, item.value
        elif astutil.call_name(link) == 'execute':
            sources.extend(link.args[1:])
    for source in sources:
        if isinstance(source, ast.Dict):
            for key, value in zip(source.keys, source.values):
                column = astutil.string(key) or (
                    scope.target_of(key) if key is not None else None)
                if column:
                    yield column, value


def _uses_itself(column, value, scope):
    """True for ``x + 1``, ``concat(x, ...)`` assigned to ``x``."""
    for node in astutil.walk_local(value):
        computes = isinstance(node, ast.BinOp) or (
            isinstance(node, ast.Call) and astutil.call_name(
                node) in ('concat', 'op'))
        if computes and any(_is_column(child, column, scope)
                            for child in astutil.walk_local(node)):
            return True
    return False


def _is_column(node, column, scope):
    if isinstance(node, (ast.Attribute, ast.Subscript)) and \
            scope.kind_of(node) == 'column':
        return scope.target_of(node) == column
    if isinstance(node, ast.Call) and astutil.call_name(node) in (
            'column', 'literal_column') and node.args:
        return astutil.string(node.args[0]) == column
    return False


def _statement_or_chain(call, chain, scope):
    top = chain[-1] if chain else call
    statement = scope.statement_of(top)
    simple = (ast.Expr, ast.Assign, ast.AugAssign, ast.Return)
    return statement if isinstance(statement, simple) else top


_HANDLERS = {
    'create': _create_or_drop, 'drop': _create_or_drop,
    'create_all': _all_tables, 'drop_all': _all_tables,
    'create_column': _column_method, 'drop_column': _column_method,
    'alter': _alter, 'alter_column': _alter,
    'rename': _rename,
    'add_index': _oslo_index, 'drop_index': _oslo_index,
    'change_index_columns': _oslo_index,
    'UniqueConstraint': _unnamed, 'ForeignKeyConstraint': _unnamed,
    'CheckConstraint': _unnamed, 'ForeignKey': _unnamed, 'Column': _unnamed,
    'Index': _unnamed,
    'execute': _sql, 'exec_driver_sql': _sql, 'text': _sql,
    'insert': _dml, 'update': _dml,
}
