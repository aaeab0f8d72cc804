"""Failed steps on backends whose DDL is not transactional, and their repair.

On MySQL/MariaDB every DDL statement commits on its own, so a script that
failed half way may have left part of its work behind.  The next ``db
sync`` refuses to run it blindly again; the operator inspects the schema and
says what to do: ``retry`` (run it again) or ``mark-applied`` (it is done).
An idempotent script (one that may be backported, see the linter) is simply
run again.
"""
import datetime

from nova_like import exception
from nova_like.migration import recorder as recorder_mod

TRANSACTIONAL_DDL = ('sqlite', 'postgresql')
ACTIONS = ('retry', 'mark-applied')


def check_unfinished(connection, recorder, repository, current):
    """Refuse to run the next version again if it failed half applied.

    :raises MigrationFailed: the next version failed last time on a backend
        that cannot roll DDL back, and nobody decided what to do.
    """
    if connection.dialect.name in TRANSACTIONAL_DDL:
        return
    version = current + 1
    last = recorder.last_entry(connection, version)
    if last is None or last.outcome != recorder_mod.FAILED:
        return
    script = repository.scripts.get(version)
    if script is not None and is_idempotent(repository, script):
        return
    raise exception.MigrationFailed(
        'version %d (%s) failed on %s at %s and %s cannot roll DDL back, so '
        'it may be half applied: %s. Inspect the schema, then run `db '
        'repair retry %d` to run it again or `db repair mark-applied %d` if '
        'its work is complete' % (
            version, last.script, _url(connection), last.started_at,
            connection.dialect.name, last.error, version, version),
        version=version)


def is_idempotent(repository, script):
    """Scripts written to run twice: backport slots and BACKPORTABLE ones."""
    in_range = any(script.version in item
                   for item in repository.placeholder_ranges())
    return in_range or script.declares_backportable


def repair(connection, recorder, repository, version, action):
    """Record the operator's decision about failed ``version``."""
    if action not in ACTIONS:
        raise exception.ConfigError('unknown repair action %r: choose %s' % (
            action, ' or '.join(ACTIONS)))
    script = repository.script(version)
    current = recorder.current_version(connection)
    last = recorder.last_entry(connection, version)
    if current != version - 1 or last is None or \
            last.outcome != recorder_mod.FAILED:
        raise exception.VersionError(
            'version %d is not a failed step waiting for repair (database '
            'at version %s)' % (version, current))
    entry = recorder_mod.HistoryEntry(
        version=version, direction='upgrade', script=script.name,
        checksum=script.checksum(connection.dialect.name),
        started_at=_utcnow(), duration=0.0,
        outcome=(recorder_mod.RETRY if action == 'retry'
                 else recorder_mod.MARKED_APPLIED))
    if action == 'mark-applied':
        recorder.bump(connection, version - 1, version)
    recorder.log(connection, [entry])


def _utcnow():
    return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)


def _url(connection):
    return connection.engine.url.render_as_string(hide_password=True)
