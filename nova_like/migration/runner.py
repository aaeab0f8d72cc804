"""Executes planned steps: one transaction per step, script plus version bump.

The runner never prints.  It reports through a ``progress`` callback so the
CLI decides how progress looks (a bar on a TTY, a line per version
otherwise).
"""
import datetime
import time

from nova_like import exception
from nova_like.migration import recorder as recorder_mod

LOCK_WAITING = 'lock-waiting'
RUN_STARTED = 'run-started'
STEP_STARTED = 'step-started'
STEP_DONE = 'step-done'
STEP_FAILED = 'step-failed'


def run(connection, recorder, steps, execute, progress=None,
        control_at=None, before_step=None):
    """Run ``steps`` in order on ``connection``.

    :param execute: ``execute(script, connection, direction)`` runs one
        script inside the step's transaction.
    :param progress: ``progress(event, step, **info)``: RUN_STARTED (step
        None, ``total`` versions), STEP_STARTED, STEP_DONE (``duration``),
        STEP_FAILED (``duration``, ``error``).
    :param control_at: put a new database under version control at this
        version, in the first step's transaction.
    :param before_step: ``before_step(connection, step)`` runs before each
        step's transaction; an error it raises stops the run there (the
        contract gate of :mod:`nova_like.migration.conditions`).
    :raises MigrationFailed: a script or its bump failed; that step was
        rolled back (where the backend can roll DDL back) and recorded as
        failed in the history table.
    """
    progress = progress or silent
    progress(RUN_STARTED, None,
             total=sum(len(step.scripts) for step in steps))
    if not steps and control_at is not None:
        with connection.begin():
            recorder.control(connection, control_at)
    for index, step in enumerate(steps):
        if before_step is not None:
            before_step(connection, step)
        progress(STEP_STARTED, step)
        started = datetime.datetime.now(datetime.timezone.utc)
        timer = time.perf_counter()
        try:
            with connection.begin():
                if index == 0:
                    _prepare(connection, recorder, control_at)
                if not step.is_noop:
                    execute(step.scripts[0], connection, step.direction)
                recorder.bump(connection, step.start, step.end)
                recorder.log(connection, _entries(
                    step, connection, started, time.perf_counter() - timer))
        except Exception as error:
            duration = time.perf_counter() - timer
            failure = _failure(step, connection, error)
            _record_failure(connection, recorder, step, started, duration,
                            failure)
            progress(STEP_FAILED, step, duration=duration, error=failure)
            raise failure
        progress(STEP_DONE, step, duration=time.perf_counter() - timer)


def _prepare(connection, recorder, control_at):
    # Inside the first step's transaction: if that step fails on a new
    # database, the database is left exactly as it was found.
    if control_at is not None:
        recorder.control(connection, control_at)
    recorder.prepare_history(connection)


def _entries(step, connection, started, duration):
    # A batch of placeholders shares the step's duration equally.
    share = duration / len(step.scripts)
    dialect = connection.dialect.name
    return [recorder_mod.HistoryEntry(
        version=script.version, direction=step.direction, script=script.name,
        checksum=script.checksum(dialect, step.direction),
        started_at=started.replace(tzinfo=None), duration=share)
        for script in step.scripts]


def _failure(step, connection, error):
    script = step.scripts[0]
    if isinstance(error, exception.MigrationFailed):
        return error
    if isinstance(error, exception.NovaLikeError):
        reason = error.message
    elif type(error) is Exception:
        # A blocker script: its words are for the operator, as written.
        reason = str(error)
    else:
        reason = '%s: %s' % (type(error).__name__, ' '.join(
            str(error).split()))
    return exception.MigrationFailed(
        '%s of version %d (%s) failed on %s: %s' % (
            step.direction, script.version, script.name,
            connection.engine.url.render_as_string(hide_password=True),
            reason),
        version=script.version, original=error)


def _record_failure(connection, recorder, step, started, duration, failure):
    entry = recorder_mod.HistoryEntry(
        version=step.scripts[0].version, direction=step.direction,
        script=step.scripts[0].name, checksum=None,
        started_at=started.replace(tzinfo=None), duration=duration,
        outcome=recorder_mod.FAILED, error=failure.message)
    try:
        with connection.begin():
            recorder.prepare_history(connection)
            recorder.log(connection, [entry])
    except Exception:  # noqa: the original failure matters more
        connection.rollback()


def silent(*args, **kwargs):
    """A progress callback that shows nothing."""
