"""NL101-NL111: a script that runs twice must find its work done.

Applied to the scripts :mod:`targets` names; pure AST (and SQL text), no
database and no import of the script.
"""
from nova_like.migration.lint import findings
from nova_like.migration.lint import guards
from nova_like.migration.lint import operations
from nova_like.migration.lint import sqltext
from nova_like.migration.lint import walker

_CREATE_CODES = {'create_table': 'NL101', 'add_column': 'NL102',
                 'create_index': 'NL103', 'create_constraint': 'NL104'}


def check_script(script, reasons, sources):
    """Findings of the backport rules for one script.

    :param reasons: why the script must be idempotent, for the messages.
    """
    why = '; it runs twice: %s' % ', '.join(reasons)
    found = []
    if script.py_path:
        found.extend(_check_python(script.py_path, why, sources))
    for key, path in sorted(script.sql_paths.items()):
        if key[1] == 'upgrade':
            found.extend(_check_sql(path, why, sources))
    return found


def _check_python(path, why, sources):
    error = sources.syntax_error(path)
    if error:
        return [findings.Finding.make(path, error[0], 'NL001', error[1])]
    return _report(path, walker.extract(sources.python(path).tree), why)


def _check_sql(path, why, sources):
    found = []
    for line, text in sqltext.split(sources.text(path)):
        found.extend(operations.from_statement(sqltext.classify(text, line)))
    return _report(path, found, why)


def _report(path, found, why):
    return [findings.Finding.make(path, operation.line, code, message + why)
            for operation in found
            for code, message in problems(operation)]


def problems(operation):
    """Yield (code, message) for what is wrong with one operation."""
    kind, active = operation.kind, operation.guards
    name = _name(operation)
    existence = operation.safe or guards.EXISTS in active
    if kind in _CREATE_CODES and not existence:
        done = 'added' if kind == 'add_column' else 'created'
        yield _CREATE_CODES[kind], '%s%s is %s with no existence guard' % (
            operations.what(kind), name, done)
    elif kind in operations.DROPS and not existence:
        yield 'NL105', '%s%s is dropped with no existence guard' % (
            operations.what(kind), name)
    elif kind == 'unnamed':
        yield 'NL106', '%s creates a constraint or index with no name' % (
            operation.target if operation.target != 'SQL' else
            'the statement %r' % _short(operation.sql))
    elif kind in operations.RENAMES:
        yield 'NL109', '%s%s is renamed' % (operations.what(kind), name)
    elif kind == 'alter_type' and guards.TYPE not in active:
        yield 'NL110', 'the type of column%s is changed without checking ' \
            'its current type' % name
    yield from _data_problems(operation, existence or guards.DATA in active)


def _data_problems(operation, guarded):
    if operation.kind == 'insert' and not guarded:
        yield 'NL107', 'this INSERT adds its rows again on a second run ' \
            '(or fails on a unique key)'
    if operation.kind == 'update' and operation.relative and not guarded:
        yield 'NL108', 'this UPDATE computes %s from its current value: a ' \
            'second run changes it again' % ', '.join(operation.relative)
    if operation.kind in ('insert', 'update') and operation.random:
        yield 'NL111', 'this %s writes a non-deterministic value (now(), ' \
            'uuid4(), random...)' % operation.kind.upper()


def _name(operation):
    if operation.target and operation.kind != 'unnamed':
        return " '%s'" % operation.target
    return ''


def _short(text, width=60):
    return text if len(text) <= width else text[:width - 3] + '...'
