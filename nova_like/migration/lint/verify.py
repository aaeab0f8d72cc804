"""``repo lint --verify``: run the scripts that must be idempotent, twice.

For each script :mod:`targets` names, on a fresh database: migrate up to and
including it, run it again as its twin would, and require no error and an
identical normalized schema (:mod:`nova_like.migration.schema`).  For each
recorded slot whose master twin is in the repository: the stable path (the
slot carrying the migration, then master onwards, twin included) must leave
the schema that master alone leaves.

Scripts run through the planner, the runner and the executor, exactly as
``db sync`` runs them.  The database is a temporary SQLite file, or the
``url`` given, which must be an empty scratch database: its tables are
dropped between checks.  Only this module of the linter needs a database,
so only ``--verify`` imports SQLAlchemy and the script environment.
"""
import contextlib
import os
import shutil
import tempfile

import sqlalchemy as sa

from nova_like import exception
from nova_like.migration import engines
from nova_like.migration.lint import findings
from nova_like.migration.lint import sources as sources_mod
from nova_like.migration.lint import targets as targets_mod
from nova_like.migration import planner
from nova_like.migration import recorder as recorder_mod
from nova_like.migration import repository as repository_mod
from nova_like.migration import runner
from nova_like.migration import schema
from nova_like.migration.scripts import executor

_SHOWN_DIFFERENCES = 5


def verify(repository, url=None):
    """Findings (NL301-NL304) from running the backport scripts.

    :param url: an empty scratch database; default a temporary SQLite file
    :raises DatabaseError: ``url`` is unreachable or not empty.
    """
    targets = targets_mod.backport_targets(repository, sources_mod.Sources())
    checker = _Checker(repository)
    with scratch_databases(url) as fresh_database:
        for version in targets:
            checker.run_twice(fresh_database, version)
        for slot, master in sorted(repository.releases.backports.items()):
            if slot in repository.scripts and master in repository.scripts:
                checker.compare_paths(fresh_database, slot, master)
    return checker.found


@contextlib.contextmanager
def scratch_databases(url=None):
    """Yield a factory of fresh databases (context managers of connections).

    Without ``url`` each one is a new SQLite file in a temporary directory;
    with it, the same database, emptied after each use.
    """
    if url is not None:
        _check_empty(url)
        yield lambda: _emptied_after(url)
        return
    directory = tempfile.mkdtemp(prefix='nova_like-verify-')
    counter = iter(range(1, 1 << 30))
    try:
        yield lambda: _connected('sqlite:///%s' % os.path.join(
            directory, 'verify-%d.sqlite' % next(counter)))
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def _check_empty(url):
    engine = engines.create_engine(url)
    try:
        with engines.connect(engine) as connection:
            tables = sa.inspect(connection).get_table_names()
    finally:
        engine.dispose()
    if tables:
        raise exception.DatabaseError(
            '--verify needs an empty scratch database: %s has %d tables '
            '(e.g. %s)' % (engine.url.render_as_string(hide_password=True),
                           len(tables), sorted(tables)[0]))


@contextlib.contextmanager
def _connected(url):
    engine = engines.create_engine(url)
    connection = engines.connect(engine).execution_options(
        **engines.WRITE_LOCK)
    try:
        yield connection
    finally:
        connection.close()
        engine.dispose()


@contextlib.contextmanager
def _emptied_after(url):
    with _connected(url) as connection:
        try:
            yield connection
        finally:
            if connection.in_transaction():
                connection.rollback()
            with connection.begin():
                metadata = sa.MetaData()
                metadata.reflect(connection)
                metadata.drop_all(connection)


class _Checker(object):
    """Runs the checks of one repository and collects their findings."""

    def __init__(self, repository):
        self.repository = repository
        self.recorder = recorder_mod.Recorder(
            repository.id, repository.path, repository.version_table)
        self.found = []
        self._failed = set()

    def run_twice(self, fresh_database, version):
        """NL301/NL302: a second run must fail nothing and change nothing."""
        script = self.repository.scripts[version]
        with fresh_database() as connection:
            if not self._migrate(connection, version, script):
                return
            before = schema.snapshot(connection)
            try:
                with connection.begin():
                    executor.execute(script, connection, planner.UPGRADE)
            except Exception as error:
                self._add(script, 'NL301', 'running version %d a second '
                          'time fails: %s' % (version, _one_line(error)))
                return
            self._differs(script, 'NL302', 'running version %d a second '
                          'time changes the schema' % version, before,
                          schema.snapshot(connection))

    def compare_paths(self, fresh_database, slot, master):
        """NL303: stable path then master == master alone."""
        master_script = self.repository.scripts[master]
        with fresh_database() as connection:
            if not self._migrate(connection, self.repository.head,
                                 master_script, skip=slot):
                return
            expected = schema.snapshot(connection)
        with fresh_database() as connection:
            try:
                self._run(connection, self._stable_steps(slot, master))
            except exception.MigrationFailed as error:
                self._add(master_script, 'NL303', 'slot %d then master fails '
                          '(%s)' % (slot, error.message))
                return
            self._differs(
                master_script, 'NL303', 'slot %d then master (twin %d run '
                'again) leaves another schema than master alone' % (
                    slot, master), expected, schema.snapshot(connection))

    def _stable_steps(self, slot, master):
        """Every step to the head, the slot carrying the migration."""
        filled = self.repository.scripts[slot]
        if filled.is_noop:
            # Master's own copy of the slot is a placeholder: the stable
            # branch ran the twin's code under the slot's number.
            twin = self.repository.scripts[master]
            filled = repository_mod.Script(slot, twin.description,
                                           twin.py_path, twin.sql_paths)
        return [planner.Step(planner.UPGRADE, slot - 1, slot, (filled,))
                if step.end == slot else step
                for step in self._plan(self.repository.head)]

    def _plan(self, target):
        return planner.plan(self.repository, self.repository.initial_version,
                            target, batch_noops=False)

    def _migrate(self, connection, target, checked, skip=None):
        """Migrate to ``target``; report a failure (NL304) and say False."""
        def execute(script, connection, direction):
            if script.version != skip:
                executor.execute(script, connection, direction)
        try:
            self._run(connection, self._plan(target), execute)
        except exception.MigrationFailed as error:
            if error.version not in self._failed:
                self._failed.add(error.version)
                self._add(self.repository.scripts.get(error.version, checked),
                          'NL304', 'migrating up to version %d fails at '
                          'version %s: %s' % (checked.version, error.version,
                                              error.message))
            return False
        return True

    def _run(self, connection, steps, execute=executor.execute):
        runner.run(connection, self.recorder, steps, execute,
                   control_at=self.repository.initial_version)

    def _differs(self, script, code, message, expected, actual):
        differences = schema.diff(expected, actual)
        if differences:
            shown = '; '.join(differences[:_SHOWN_DIFFERENCES])
            more = len(differences) - _SHOWN_DIFFERENCES
            self._add(script, code, '%s: %s%s' % (
                message, shown, ' (and %d more)' % more if more > 0 else ''))

    def _add(self, script, code, message):
        path = script.py_path or sorted(script.sql_paths.values())[0]
        self.found.append(findings.Finding.make(path, 1, code, message))


def _one_line(error):
    text = error.message if isinstance(error, exception.NovaLikeError) \
        else '%s: %s' % (type(error).__name__, error)
    return exception.mask_url(' '.join(text.split()))
