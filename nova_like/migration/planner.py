"""Pure planning: (repository, current version, target) -> ordered steps.

No database here.  Every check that can fail is done before the first step
runs, so a bad request never leaves a half-walked database.
"""
import dataclasses

from nova_like import exception

UPGRADE = 'upgrade'
DOWNGRADE = 'downgrade'


@dataclasses.dataclass(frozen=True)
class Step(object):
    """Moves the database from ``start`` to ``end`` in one transaction.

    A step runs one script, or records a run of consecutive no-op scripts
    (placeholders) at once.
    """

    direction: str
    start: int
    end: int
    scripts: tuple

    @property
    def is_noop(self):
        return all(script.is_noop for script in self.scripts)

    @property
    def versions(self):
        return [script.version for script in self.scripts]


def plan(repository, current, target=None, batch_noops=True):
    """Return the steps that take the database from ``current`` to ``target``.

    :param target: a version, or None for the repository's head.
    :raises VersionError: the target or a version on the way is missing, or
        a script on a downgrade path has no ``downgrade``.
    :raises DatabaseError: the database is newer than the repository or
        older than its first version.
    """
    target = repository.head if target is None else target
    check_current(repository, current)
    if target != repository.initial_version:
        repository.script(target)
    if target >= current:
        return _upgrade(repository, current, target, batch_noops)
    return _downgrade(repository, current, target)


def check_current(repository, current):
    """Refuse a database the repository cannot walk from."""
    if current > repository.head:
        raise exception.DatabaseError(
            'database is at version %d, newer than the head %d of repository '
            '%s: upgrade the code first' % (current, repository.head,
                                            repository.path))
    if current < repository.initial_version:
        raise exception.DatabaseError(
            'database is at version %d, older than the first version %d of '
            'repository %s: %s' % (current, repository.initial_version + 1,
                                   repository.path,
                                   _older_advice(repository, current)))


def _older_advice(repository, current):
    # releases.cfg [compacted] names the release that still has the
    # scripts the database needs next.
    release = repository.releases.compacted_release(current + 1)
    if release:
        return 'upgrade through %s first (the release compacted into ' \
            'version %d)' % (release, repository.initial_version + 1)
    return 'upgrade it with a release that still has version %d first' % (
        current + 1)


def check_scripts(steps, dialect):
    """Refuse, before anything runs, a ``.py`` script that cannot run."""
    for step in steps:
        for script in step.scripts:
            # A no-op runs nothing, in either direction.
            error = None if script.is_noop else script.problem(
                dialect, step.direction)
            if error:
                raise exception.ScriptError(error)


def _upgrade(repository, current, target, batch_noops):
    scripts = [_require(repository, version, current, target)
               for version in range(current + 1, target + 1)]
    steps = []
    for script in scripts:
        previous = steps[-1] if steps else None
        if (batch_noops and previous is not None and previous.is_noop and
                script.is_noop):
            steps[-1] = Step(UPGRADE, previous.start, script.version,
                             previous.scripts + (script,))
        else:
            steps.append(Step(UPGRADE, script.version - 1, script.version,
                              (script,)))
    return steps


def _downgrade(repository, current, target):
    steps = []
    for version in range(current, target, -1):
        script = _require(repository, version, current, target)
        if not script.is_noop and not script.defines(DOWNGRADE):
            raise exception.VersionError(
                'cannot downgrade to version %d: version %d (%s) defines no '
                'downgrade' % (target, version, script.name))
        steps.append(Step(DOWNGRADE, version, version - 1, (script,)))
    return steps


def _require(repository, version, current, target):
    if version not in repository.scripts:
        raise exception.VersionError(
            'version %d is missing from repository %s: cannot go from %d to '
            '%d across the gap' % (version, repository.path, current, target))
    return repository.scripts[version]
