"""Verified compaction: replace the scripts up to NNN with one initial script.

:func:`compact` plans (checks the arguments against the repository), builds
the schema at NNN on scratch databases through the original repository,
generates the initial script from it (:mod:`initial_script`), writes the
candidate repository into a temporary directory and proves it: on every
backend, the schema at the head through the candidate must equal the
schema at the head through the original.  Only then are the files of the
repository replaced (:mod:`compaction_files`); a refusal or a failed proof
writes nothing.

Scratch databases: a temporary SQLite file always, plus each URL given,
which must be an empty database (its tables are dropped after each use).
"""
import contextlib
import dataclasses
import os
import re
import shutil
import tempfile

from nova_like import exception
from nova_like.migration import compaction_files
from nova_like.migration import initial_script
from nova_like.migration.lint import verify
from nova_like.migration import planner
from nova_like.migration import recorder as recorder_mod
from nova_like.migration import repository as repository_mod
from nova_like.migration import runner
from nova_like.migration import schema
from nova_like.migration.scripts import executor

_RELEASE_NAME = re.compile(r'^[a-z][a-z0-9_]*$')
_SHOWN_DIFFERENCES = 5


class ProofFailed(exception.NovaLikeError):
    """The compacted repository does not reach the original's schema."""


@dataclasses.dataclass(frozen=True)
class Result(object):
    """What :func:`compact` did (or, on a dry run, would do).

    ``changes`` is the :class:`compaction_files.Changes` written;
    ``backends`` the dialects the proof ran on; ``source`` the script.
    """

    changes: compaction_files.Changes
    backends: tuple
    source: str


def compact(repository_path, through, release, urls=(), dry_run=False):
    """Compact the repository's scripts up to ``through`` into one.

    :param urls: extra empty scratch databases (PostgreSQL, MySQL...)
    :raises RepositoryError: bad arguments for this repository
    :raises UnsupportedOperation: the schema cannot be generated
    :raises ProofFailed: the candidate differs from the original at head
    :returns: :class:`Result`
    """
    repository = repository_mod.load(repository_path)
    check(repository, through, release)
    first = min(repository.scripts)
    with contextlib.ExitStack() as stack:
        databases = [stack.enter_context(verify.scratch_databases(url))
                     for url in (None,) + tuple(urls)]
        at_through, at_head = _original_schemas(repository, through,
                                                databases)
        source = initial_script.render(at_through, release, first, through)
        changes = compaction_files.plan(repository, through, release, source)
        candidate = stack.enter_context(_candidate(repository, changes))
        _prove(candidate, at_head, databases)
    if not dry_run:
        compaction_files.apply(changes, repository.path)
    return Result(changes, tuple(item.dialect for item in at_head),
                  source)


def check(repository, through, release):
    """Refuse arguments that cannot give a consistent repository."""
    if not _RELEASE_NAME.match(release or ''):
        raise exception.RepositoryError(
            'invalid release name %r: lower-case letters, digits and _, '
            'starting with a letter' % release)
    repository.script(through)
    planner.plan(repository, repository.initial_version, through)
    for reserved in repository.placeholder_ranges():
        if reserved.first <= through < reserved.last:
            raise exception.RepositoryError(
                '--through %d falls inside the placeholder range %s%s: '
                'compact through its end (%d) or before it (%d)' % (
                    through, reserved, _for(reserved.release), reserved.last,
                    reserved.first - 1))


def _for(release):
    return ' reserved for %s' % release if release else ''


def _original_schemas(repository, through, databases):
    """``{dialect: schema at through}`` and each database's head schema."""
    at_through, at_head = {}, []
    for fresh_database in databases:
        with fresh_database() as connection:
            _migrate(connection, repository, through)
            at_through.setdefault(connection.dialect.name,
                                  schema.snapshot(connection))
            _migrate(connection, repository, repository.head, through)
            at_head.append(schema.snapshot(connection))
    return at_through, at_head


def _migrate(connection, repository, target, start=None):
    """Walk ``repository`` on ``connection``, exactly as ``db sync`` does."""
    control_at = repository.initial_version if start is None else None
    start = repository.initial_version if start is None else start
    steps = planner.plan(repository, start, target)
    recorder = recorder_mod.Recorder(repository.id, repository.path,
                                     repository.version_table)
    runner.run(connection, recorder, steps, executor.execute,
               control_at=control_at)


@contextlib.contextmanager
def _candidate(repository, changes):
    """Yield the compacted copy of the repository, in a temporary dir."""
    directory = tempfile.mkdtemp(prefix='nova_like-compact-')
    try:
        path = os.path.join(directory, os.path.basename(repository.path))
        shutil.copytree(repository.path, path, ignore=shutil.ignore_patterns(
            '__pycache__', '*.pyc'))
        compaction_files.apply(changes, path)
        yield repository_mod.load(path)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def _prove(candidate, at_head, databases):
    """Raise :class:`ProofFailed` unless every database reaches the head."""
    for expected, fresh_database in zip(at_head, databases):
        with fresh_database() as connection:
            try:
                _migrate(connection, candidate, candidate.head)
            except exception.MigrationFailed as error:
                raise ProofFailed(
                    'compacted repository fails on %s: %s; nothing '
                    'written' % (connection.dialect.name, error.message))
            _check_equal(expected, schema.snapshot(connection))


def _check_equal(expected, actual):
    differences = schema.diff(expected, actual)
    if differences:
        shown = '; '.join(differences[:_SHOWN_DIFFERENCES])
        more = len(differences) - _SHOWN_DIFFERENCES
        raise ProofFailed(
            'compacted repository reaches another schema at the head on '
            '%s than the original: %s%s; nothing written' % (
                actual.dialect, shown,
                ' (and %d more)' % more if more > 0 else ''))
