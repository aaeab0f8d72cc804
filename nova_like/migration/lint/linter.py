"""The linter as plain functions: :func:`lint` a repository, :func:`lock`
a release.  Nothing prints here and no database is touched (see
:mod:`verify` for that).
"""
import dataclasses
import os

from nova_like import exception
from nova_like.migration.lint import lockfile
from nova_like.migration.lint import numbering
from nova_like.migration.lint import rules_backport
from nova_like.migration.lint import rules_guidelines
from nova_like.migration.lint import rules_lock
from nova_like.migration.lint import rules_twins
from nova_like.migration.lint import settings
from nova_like.migration.lint import sources as sources_mod
from nova_like.migration.lint import targets as targets_mod
from nova_like.migration import repository as repository_mod


@dataclasses.dataclass(frozen=True)
class Result(object):
    """Findings, sorted by path and line, and the repository linted.

    ``complete`` is False when duplicate versions kept the repository from
    loading: the first file of each version was linted, and the repository
    cannot be run (so ``--verify`` cannot either).
    """

    findings: tuple
    repository: object
    complete: bool = True


@dataclasses.dataclass(frozen=True)
class LockResult(object):
    release: lockfile.LockedRelease
    path: str
    written: bool


def load(path):
    """(repository, scan of versions/, complete) for the linter."""
    scan = numbering.scan(os.path.join(path, repository_mod.VERSIONS_DIR))
    try:
        return repository_mod.load(path), scan, True
    except exception.RepositoryError:
        if scan is None or not scan.duplicates():
            raise
        return numbering.fallback_repository(path, scan), scan, False


def lint(path):
    """Lint the repository at ``path``; return a :class:`Result`.

    :raises RepositoryError: it cannot be read at all (no migrate.cfg...).
    """
    repository, scan, complete = load(path)
    sources = sources_mod.Sources()
    lint_settings = settings.load(path)
    found = set(numbering.check(scan))
    found.update(rules_twins.check(repository, sources))
    found.update(rules_lock.check(repository, sources))
    targets = targets_mod.backport_targets(repository, sources)
    for version, script in sorted(repository.scripts.items()):
        found.update(rules_guidelines.check(script, repository,
                                            lint_settings, sources))
        if version in targets:
            found.update(rules_backport.check_script(
                script, targets[version], sources))
    return Result(tuple(sorted(found)), repository, complete)


def lock(path, release):
    """Freeze the scripts of ``release`` into ``releases.lock``.

    Locking again is harmless while the scripts only changed trivially.

    :raises RepositoryError: unknown release, a version of it is missing,
        or it is locked already and its scripts changed since.
    """
    repository = repository_mod.load(path)
    version_range = _release_range(repository, release)
    sources = sources_mod.Sources()
    new = lockfile.LockedRelease(release, version_range.first,
                                 version_range.last,
                                 _files(repository, version_range, sources))
    locked = lockfile.load(path)
    old = locked.get(release)
    if old is not None:
        _check_relock(repository, old, new, sources)
        if old == new:
            return LockResult(old, lockfile.path_of(path), False)
    locked[release] = new
    lockfile.write(path, locked)
    return LockResult(new, lockfile.path_of(path), True)


def _release_range(repository, release):
    for version_range in repository.releases.releases:
        if version_range.release == release:
            return version_range
    known = ', '.join(item.release for item in repository.releases.releases)
    raise exception.RepositoryError(
        'release %r is not in [releases] of %s (known: %s)' % (
            release, repository.releases.path, known or 'none'))


def _files(repository, version_range, sources):
    files = {}
    for version in range(version_range.first, version_range.last + 1):
        script = repository.scripts.get(version)
        if script is None:
            raise exception.RepositoryError(
                'cannot lock release %s: version %d is missing from %s' % (
                    version_range.release, version, repository.path))
        for path in [script.py_path] + list(script.sql_paths.values()):
            if path:
                files[os.path.basename(path)] = lockfile.Entry.of(
                    path, sources.data(path))
    return files


def _check_relock(repository, old, new, sources):
    if (old.first, old.last) != (new.first, new.last):
        raise exception.RepositoryError(
            'release %s was locked as %d-%d but releases.cfg now says '
            '%d-%d' % (old.name, old.first, old.last, new.first, new.last))
    problems = rules_lock.check(repository, sources, {old.name: old})
    if problems:
        raise exception.RepositoryError(
            'release %s is locked and its scripts changed since: %s' % (
                old.name, '; '.join('%s %s' % (item.code, item.message)
                                    for item in problems)))
