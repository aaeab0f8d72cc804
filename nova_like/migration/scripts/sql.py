"""Runs ``.sql`` version scripts the way sqlalchemy-migrate does.

Statements are split with sqlparse; ``BEGIN`` and ``COMMIT`` are dropped
because the step already runs in its own transaction.
"""
from nova_like import exception

NO_PARAMS = {'no_parameters': True}
_TRANSACTION_CONTROL = ('BEGIN', 'BEGIN TRANSACTION', 'START TRANSACTION',
                        'COMMIT', 'END', 'END TRANSACTION')


def statements(text):
    """The statements of ``text`` to execute, in order."""
    # Imported on first use: most syncs run no .sql script at all.
    import sqlparse
    result = []
    for statement in sqlparse.split(text):
        bare = sqlparse.format(statement, strip_comments=True).strip()
        bare = bare.rstrip(';').strip()
        if bare and bare.upper() not in _TRANSACTION_CONTROL:
            result.append(statement.strip().rstrip(';'))
    return result


def run(path, connection):
    """Execute every statement of the ``.sql`` file at ``path``."""
    try:
        with open(path, encoding='utf-8') as sql_file:
            text = sql_file.read()
    except (OSError, UnicodeDecodeError) as error:
        raise exception.ScriptError(
            'cannot read SQL script %s: %s' % (path, error))
    # no_parameters: a literal '%' must reach the server as written, as it
    # did with sqlalchemy-migrate (no DBAPI parameter formatting).
    for statement in statements(text):
        connection.exec_driver_sql(statement, execution_options=NO_PARAMS)
