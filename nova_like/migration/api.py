"""Plain functions behind ``project-manage db``: explicit arguments in,
values out, errors from :mod:`nova_like.exception`.  Nothing prints here.
"""
import contextlib
import dataclasses
import functools
import importlib.metadata
import os

import sqlalchemy as sa

from nova_like import exception
from nova_like.migration import conditions
from nova_like.migration import engines
from nova_like.migration import locking
from nova_like.migration import online
from nova_like.migration import phases
from nova_like.migration import placeholders
from nova_like.migration import planner
from nova_like.migration import recorder as recorder_mod
from nova_like.migration import repair as repair_mod
from nova_like.migration import repository as repository_mod
from nova_like.migration import runner
from nova_like.migration.scripts import executor

DEFAULT_CONNECTION = 'sqlite:///nova_like.sqlite'


def bundled_repository():
    """Path of the ``migrate_repo`` shipped with nova_like."""
    import migrate_repo
    return os.path.dirname(os.path.abspath(migrate_repo.__file__))


def tool_version():
    try:
        return importlib.metadata.version('nova_like')
    except importlib.metadata.PackageNotFoundError:
        return 'unknown'


@dataclasses.dataclass(frozen=True)
class SyncResult(object):
    """What a sync did: from which version to which, in how many steps."""

    start: int
    end: int
    steps: tuple


@dataclasses.dataclass(frozen=True)
class VersionStatus(object):
    """One line of ``db status``."""

    version: int
    name: str
    applied: bool
    kind: str
    release: str = None
    reserved_for: str = None
    twin: int = None


@dataclasses.dataclass(frozen=True)
class Status(object):
    current: int
    head: int
    versions: tuple
    ranges: tuple = ()
    lock_holder: str = None


def load_repository(path=None):
    return repository_mod.load(path or bundled_repository())


def _recorder(repository):
    return recorder_mod.Recorder(repository.id, repository.path,
                                 repository.version_table, tool_version())


@contextlib.contextmanager
def _connection(url, write=False, precheck=None):
    engine = engines.create_engine(url)
    if not write:
        engines.check_exists(engine)
    if precheck is not None:
        precheck(engine)
    connection = engines.connect(engine)
    if write:
        connection = connection.execution_options(**engines.WRITE_LOCK)
    try:
        yield connection
    finally:
        connection.close()
        engine.dispose()


def sync(url, repository_path=None, version=None, progress=None,
         lock_timeout=None, phase=None):
    """Upgrade (or downgrade) the database to ``version`` (default: head).

    A new, empty database is put under version control at the repository's
    initial version in the same transaction as its first step.  Everything
    that can be checked before running (target, gaps, downgrades, scripts
    that do not compile) is checked before anything is written.

    Runs under the migration lock of the database and repository; waiting
    for it is reported as ``progress(runner.LOCK_WAITING, None,
    holder=...)``, for at most ``lock_timeout`` seconds.

    :param phase: None, ``'expand'`` or ``'contract'``: see
        :func:`nova_like.migration.phases.select`.
    :returns: :class:`SyncResult`
    :raises ConditionsUnmet: the walk stopped before a contract step whose
        conditions do not hold; the steps before it are done.
    """
    repository = load_repository(repository_path)
    progress = progress or runner.silent
    if version is not None and version != repository.initial_version:
        repository.script(version)
    recorder = _recorder(repository)
    precheck = functools.partial(_check_new, repository=repository,
                                 version=version)
    with _connection(url, write=True, precheck=precheck) as connection, \
            locking.migration_lock(
                connection, repository.id, lock_timeout,
                on_wait=lambda holder: progress(
                    runner.LOCK_WAITING, None, holder=holder)):
        # Read only once the lock is ours: whoever held it moved the version.
        with connection.begin():
            current = recorder.current_version(connection)
            if current is None:
                _check_empty(connection, repository)
        start = repository.initial_version if current is None else current
        steps = planner.plan(repository, start, version)
        planner.check_scripts(steps, connection.dialect.name)
        steps = phases.select(steps, phase)
        if steps and steps[0].direction == planner.UPGRADE:
            with connection.begin():
                repair_mod.check_unfinished(
                    connection, recorder, repository, start)
        runner.run(connection, recorder, steps, executor.execute, progress,
                   control_at=start if current is None else None,
                   before_step=conditions.check_step)
        return SyncResult(start, steps[-1].end if steps else start,
                          tuple(steps))


def check(url, repository_path=None):
    """What ``db sync`` would do next, writing nothing.

    :returns: a state of :mod:`nova_like.migration.phases`: up to date,
        expand steps pending, data migrations pending (the next step is a
        contract step whose conditions do not hold) or contract steps
        pending.
    """
    repository = load_repository(repository_path)
    with _connection(url) as connection:
        with connection.begin():
            current = _recorder(repository).current_version(connection)
            if current is None:
                _check_empty(connection, repository)
        start = repository.initial_version if current is None else current
        steps = planner.plan(repository, start)
        missing = ()
        if steps and phases.is_contract(steps[0]):
            with connection.begin():
                missing = conditions.unmet(steps[0].scripts[0], connection)
        return phases.state(steps, missing)


def online_data_migrations(url, migrations, max_count=None):
    """Run online data migrations in batches: see :func:`online.run`."""
    with _connection(url, write=True) as connection:
        return online.run(connection, migrations, max_count)


def _check_new(engine, repository, version):
    # Connecting creates a new SQLite file: check what would run first, so
    # that a bad script leaves no file behind.
    if engines.is_new_sqlite_file(engine):
        planner.check_scripts(
            planner.plan(repository, repository.initial_version, version),
            engine.dialect.name)


def db_version(url, repository_path=None):
    """The version recorded for the repository in the database."""
    repository = load_repository(repository_path)
    with _connection(url) as connection:
        return _controlled_version(connection, repository)


def version_control(url, repository_path=None, version=None):
    """Put an existing database under version control at ``version``.

    The default is the repository's initial version (what an empty database
    gets); the schema is not checked against it.
    """
    repository = load_repository(repository_path)
    version = repository.initial_version if version is None else version
    if version != repository.initial_version:
        repository.script(version)
    planner.check_current(repository, version)
    with _connection(url, write=True) as connection:
        with connection.begin():
            _recorder(repository).control(connection, version)
    return version


def repair(url, repository_path, version, action):
    """Decide about a failed step: ``retry`` it or ``mark-applied``."""
    repository = load_repository(repository_path)
    with _connection(url, write=True) as connection, \
            locking.migration_lock(connection, repository.id, 0):
        with connection.begin():
            repair_mod.repair(connection, _recorder(repository), repository,
                              version, action)


def status(url, repository_path=None):
    """Every version of the repository with its state in the database.

    ``ranges`` holds each reserved placeholder range with its filled and
    unfilled slots (:class:`placeholders.RangeState`).
    """
    repository = load_repository(repository_path)
    with _connection(url) as connection:
        current = _controlled_version(connection, repository)
        connection.rollback()
        holder = locking.holder(connection, repository.id)
    ranges = repository.placeholder_ranges()
    twins = repository.releases.backports
    masters = {master: slot for slot, master in twins.items()}
    lines = []
    for version in repository.versions:
        script = repository.scripts[version]
        reserved = next((item for item in ranges if version in item), None)
        lines.append(VersionStatus(
            version=version, name=script.name, applied=version <= current,
            kind=_kind(script, reserved, version in twins),
            release=repository.releases.release_of(version),
            reserved_for=reserved.release if reserved else None,
            twin=twins.get(version, masters.get(version))))
    return Status(current, repository.head, tuple(lines),
                  tuple(placeholders.range_states(repository)), holder)


def _kind(script, reserved, has_twin=False):
    placeholder = script.is_noop and script.is_placeholder
    if reserved is None:
        return 'placeholder' if placeholder else 'script'
    # A slot recorded as filled stays filled, even where the placeholder
    # file is still there (master's copy of a stable branch's range).
    return 'placeholder' if placeholder and not has_twin else 'filled slot'


def _controlled_version(connection, repository):
    current = _recorder(repository).current_version(connection)
    if current is None:
        raise exception.NotControlledError(
            'database %s is not under version control for repository %r '
            '(%s): run `db sync` or `db version_control`' % (
                _masked(connection), repository.id, repository.path))
    return current


def _check_empty(connection, repository):
    inspector = sa.inspect(connection)
    tables = set(inspector.get_table_names())
    if repository.version_table in tables:
        # Another repository already shares this database, as
        # sqlalchemy-migrate allows: its tables are expected.
        return
    tables.discard(recorder_mod.HISTORY_TABLE)
    if tables:
        raise exception.DatabaseError(
            'database %s is not empty (%d tables, e.g. %s) but not under '
            'version control for repository %r: stamp it with `db '
            'version_control VERSION` first' % (
                _masked(connection), len(tables), sorted(tables)[0],
                repository.id))


def _masked(connection):
    return connection.engine.url.render_as_string(hide_password=True)
