"""Reserved placeholder ranges and backports: plan, then write.

All the file-system work of ``tools/reserve-placeholders`` and ``repo
backport`` is here, and no database.  Planning checks everything and
computes every new file's content first, so a refusal leaves the repository
as it was and a dry run shows exactly what would be written.

``releases.cfg`` is edited as text, never rewritten through configparser:
the release managers' comments and layout survive.
"""
import dataclasses
import os
import re

from nova_like import exception
from nova_like.migration import releases
from nova_like.migration import repository as repository_mod
from nova_like.migration import script_source

MAX_COUNT = 1000
PLACEHOLDER_NAME = '%03d_placeholder.py'
PLACEHOLDER_TEMPLATE = """\
# This is a placeholder for backports. Do not use this number for new work.
# Reserved for backports to {release}; new work starts after the placeholders.


def upgrade(migrate_engine):
    pass
"""
RELEASES_HEADER = """\
# nova_like's release records for this repository; sqlalchemy-migrate
# ignores this file.  Written by tools/reserve-placeholders and
# `project-manage repo backport`; see nova_like/migration/releases.py.
"""
SECTION_COMMENTS = {
    'placeholders': '# release = first-last: no-op slots reserved for '
                    'backports to it\n',
    'backports': '# slot = master version whose migration fills it\n',
}
# Keys of releases.cfg: configparser lowercases them and stops at ':' or '='.
_RELEASE_NAME = re.compile(r'^[a-z0-9][a-z0-9._-]{0,63}$')
_MASTER_NAME = re.compile(r'^(?P<version>\d{3,})_(?P<description>.+)\.py$')
_NUMBERED = re.compile(r'^(?P<version>\d+)')
_SECTION = re.compile(r'^\[(?P<name>[^\]]+)\]')
# Runs of placeholders of an adopted repository get recorded under this
# name, so they stay ranges once releases.cfg exists.
UNNAMED = 'unnamed-%d'


@dataclasses.dataclass(frozen=True)
class Reservation(object):
    """What reserving placeholders writes; see :func:`write_reservation`.

    :param files: ``(path, text)`` of each placeholder to create
    :param adopted: placeholder runs found by name and recorded now
    :param already_done: the same range exists; nothing to write
    """

    range: releases.VersionRange
    files: tuple = ()
    releases_path: str = None
    releases_text: str = None
    creates_releases: bool = False
    adopted: tuple = ()
    already_done: bool = False


@dataclasses.dataclass(frozen=True)
class Backport(object):
    """What filling a slot writes; see :func:`write_backport`."""

    slot: int
    master_version: int
    master_path: str
    range: releases.VersionRange
    placeholder_path: str
    target_path: str
    data: bytes
    releases_path: str
    releases_text: str
    creates_releases: bool = False
    adopted: tuple = ()


@dataclasses.dataclass(frozen=True)
class RangeState(object):
    """A reserved range as it stands: filled and unfilled slots.

    :param filled: ``(slot, master version or None)`` pairs
    :param missing: slots of the range that have no script at all
    """

    range: releases.VersionRange
    filled: tuple = ()
    unfilled: tuple = ()
    missing: tuple = ()

    @property
    def size(self):
        return self.range.last - self.range.first + 1

    def filled_text(self):
        """``110 (twin 117), 111 (twin unknown)``."""
        return ', '.join(
            '%d (twin %s)' % (slot, 'unknown' if twin is None else twin)
            for slot, twin in self.filled)

    def unfilled_text(self):
        """``109, 112-113``, then the slots with no script, if any."""
        text = describe_versions(self.unfilled)
        if self.missing:
            text += '%sno script: %s' % (
                '; ' if text else '', describe_versions(self.missing))
        return text


def describe_versions(versions):
    """``[109, 111, 112, 113]`` -> ``109, 111-113``."""
    runs = []
    for version in sorted(versions):
        if runs and runs[-1][1] == version - 1:
            runs[-1][1] = version
        else:
            runs.append([version, version])
    return ', '.join(str(first) if first == last else '%d-%d' % (first, last)
                     for first, last in runs)


# Reservation


def plan_reservation(repository, release, count):
    """Plan ``count`` placeholders for ``release`` right after the head.

    :raises ConfigError: a bad count or release name.
    :raises RepositoryError: the release already has another range, or
        files in ``versions/`` or recorded ranges use the new numbers.
    """
    _check_count(count)
    _check_release_name(release)
    adopted = _adopted_ranges(repository)
    existing = _range_of(_recorded_ranges(repository) + adopted, release)
    if existing is not None:
        return _already_reserved(repository, existing, count)
    first = repository.head + 1
    wanted = releases.VersionRange(release, first, first + count - 1)
    _check_free_numbers(repository, wanted)
    text = _with_entries(_releases_text(repository), 'placeholders', [
        (item.release, str(item)) for item in adopted + [wanted]])
    return Reservation(
        range=wanted, files=tuple(
            (_versions_path(repository, PLACEHOLDER_NAME % version),
             PLACEHOLDER_TEMPLATE.format(release=release))
            for version in range(wanted.first, wanted.last + 1)),
        releases_path=repository.releases.path, releases_text=text,
        creates_releases=not repository.releases.exists,
        adopted=tuple(adopted))


def write_reservation(plan):
    """Create the placeholders, then record the range.

    On failure the placeholders created so far are removed again.
    """
    if plan.already_done:
        return
    created = []
    try:
        for path, text in plan.files:
            _create(path, text.encode('utf-8'))
            created.append(path)
        _replace(plan.releases_path, plan.releases_text)
    except BaseException:
        for path in created:
            os.unlink(path)
        raise


def _check_count(count):
    if not 1 <= count <= MAX_COUNT:
        raise exception.ConfigError(
            'cannot reserve %d placeholders: the count must be between 1 '
            'and %d' % (count, MAX_COUNT))


def _check_release_name(release):
    if not _RELEASE_NAME.match(release or ''):
        raise exception.ConfigError(
            'invalid release name %r: use lowercase letters, digits, ".", '
            '"_" and "-" (at most 64), e.g. icehouse' % release)


def _already_reserved(repository, existing, count):
    # Running the tool again with the same arguments changes nothing.
    size = existing.last - existing.first + 1
    if size != count:
        raise exception.RepositoryError(
            'release %s already has placeholders %s (%d slots, not %d) in '
            '%s: a release gets one range' % (
                existing.release, existing, size, count,
                repository.releases.path))
    missing = [version for version in range(existing.first, existing.last + 1)
               if version not in repository.scripts]
    if missing:
        raise exception.RepositoryError(
            'release %s has placeholders %s recorded in %s, but versions %s '
            'have no script' % (existing.release, existing,
                                repository.releases.path,
                                describe_versions(missing)))
    return Reservation(range=existing, already_done=True)


def _check_free_numbers(repository, wanted):
    taken = sorted(name for name in os.listdir(_versions_path(repository))
                   if _number(name) in wanted)
    if taken:
        raise exception.RepositoryError(
            'cannot reserve versions %s: %s already has files with these '
            'numbers: %s' % (wanted, _versions_path(repository),
                             ', '.join(taken)))
    for item in _recorded_ranges(repository):
        if item.first <= wanted.last and wanted.first <= item.last:
            raise exception.RepositoryError(
                'cannot reserve versions %s: %s records %s = %s' % (
                    wanted, repository.releases.path, item.release, item))


# Backport


def plan_backport(repository, master_path, slot=None, release=None):
    """Plan filling a placeholder slot with master's migration.

    :param slot: the slot to fill; default: the next free one of the range
        reserved for ``release``, or of the latest range.
    :raises RepositoryError: the master script is missing or not a version
        script; the slot is not reserved, already filled or not free.
    """
    master_version, description, data = _read_master(master_path)
    adopted = _adopted_ranges(repository)
    ranges = _recorded_ranges(repository) + adopted
    version_range = _choose_range(repository, ranges, slot, release)
    if slot is None:
        slot = _next_free(repository, version_range)
    _check_slot(repository, slot)
    _check_twin(repository, slot, master_version)
    text = _with_entries(_releases_text(repository), 'placeholders', [
        (item.release, str(item)) for item in adopted])
    text = _with_entries(text, 'backports', [(str(slot),
                                              str(master_version))])
    return Backport(
        slot=slot, master_version=master_version, master_path=master_path,
        range=version_range,
        placeholder_path=repository.scripts[slot].py_path,
        target_path=_versions_path(repository, '%03d_%s.py' % (
            slot, description)),
        data=data, releases_path=repository.releases.path,
        releases_text=text, creates_releases=not repository.releases.exists,
        adopted=tuple(adopted))


def write_backport(plan):
    """Write the filled slot, record the twin, remove the placeholder."""
    _create(plan.target_path, plan.data)
    try:
        _replace(plan.releases_path, plan.releases_text)
    except BaseException:
        os.unlink(plan.target_path)
        raise
    os.unlink(plan.placeholder_path)


def _read_master(path):
    """Return master's version, description and content.

    The content is copied as it is: the twins must stay identical.
    """
    match = _MASTER_NAME.match(os.path.basename(path))
    if match is None:
        raise exception.RepositoryError(
            'master script %s is not a version script: its name must be '
            'NNN_description.py' % path)
    try:
        with open(path, 'rb') as master:
            data = master.read()
    except OSError as error:
        raise exception.RepositoryError(
            'cannot read master script %s: %s' % (path, error.strerror))
    _check_master_source(script_source.PythonSource(path, data))
    return int(match.group('version')), match.group('description'), data


def _check_master_source(source):
    if source.tree is None:
        problem = 'does not parse'
    elif not source.defines('upgrade'):
        problem = 'defines no upgrade()'
    elif source.is_noop:
        problem = 'changes nothing (a placeholder?): there is nothing to ' \
                  'backport'
    else:
        return
    raise exception.RepositoryError(
        'master script %s %s' % (source.path, problem))


def _choose_range(repository, ranges, slot, release):
    if not ranges:
        raise exception.RepositoryError(
            'repository %s has no reserved placeholder range: reserve one '
            'with tools/reserve-placeholders' % repository.path)
    if slot is not None:
        return _range_of_slot(ranges, slot, release)
    if release is None:
        return max(ranges, key=lambda item: item.first)
    chosen = _range_of(ranges, release)
    if chosen is None:
        raise exception.RepositoryError(
            'no placeholder range is reserved for release %s (%s)' % (
                release, _describe_ranges(ranges)))
    return chosen


def _range_of_slot(ranges, slot, release):
    chosen = next((item for item in ranges if slot in item), None)
    if chosen is None:
        raise exception.RepositoryError(
            'slot %d is not in a reserved placeholder range (%s)' % (
                slot, _describe_ranges(ranges)))
    if release is not None and chosen.release != release:
        raise exception.RepositoryError(
            'slot %d is reserved for release %s, not %s' % (
                slot, chosen.release, release))
    return chosen


def _next_free(repository, version_range):
    for version in range(version_range.first, version_range.last + 1):
        if _is_free(repository, version):
            return version
    raise exception.RepositoryError(
        'every slot of the range %s reserved for %s is filled: pass --slot '
        'or reserve more' % (version_range, version_range.release))


def _check_slot(repository, slot):
    script = repository.scripts.get(slot)
    if script is None:
        raise exception.RepositoryError(
            'slot %d is reserved but has no script in %s' % (
                slot, _versions_path(repository)))
    if not _is_free(repository, slot):
        twin = repository.releases.backports.get(slot)
        raise exception.RepositoryError(
            'slot %d is already filled by %s%s' % (
                slot, script.name, '' if twin is None else
                ' (twin of master version %d)' % twin))


def _check_twin(repository, slot, master_version):
    for filled, master in sorted(repository.releases.backports.items()):
        if master == master_version:
            raise exception.RepositoryError(
                'master version %d is already backported as slot %d' % (
                    master_version, filled))
    if master_version <= slot:
        raise exception.RepositoryError(
            'master version %d is not above slot %d: the twin of a backport '
            'comes later on master; is this a master script?' % (
                master_version, slot))


def _is_free(repository, version):
    script = repository.scripts.get(version)
    return (script is not None and script.is_placeholder and
            script.is_noop and version not in repository.releases.backports)


def _describe_ranges(ranges):
    return 'reserved: %s' % ', '.join(
        '%s %s' % (item.release, item) for item in ranges)


# State, for `db status` and the linter


def range_states(repository):
    """The reserved ranges with their filled and unfilled slots."""
    return [_range_state(repository, item)
            for item in repository.placeholder_ranges()]


def _range_state(repository, version_range):
    filled, unfilled, missing = [], [], []
    for version in range(version_range.first, version_range.last + 1):
        if version not in repository.scripts:
            missing.append(version)
        elif _is_free(repository, version):
            unfilled.append(version)
        else:
            filled.append((version,
                           repository.releases.backports.get(version)))
    return RangeState(version_range, tuple(filled), tuple(unfilled),
                      tuple(missing))


# Shared helpers


def _recorded_ranges(repository):
    return list(repository.releases.placeholders)


def _adopted_ranges(repository):
    """Placeholder runs known only by their names, named for the record.

    Once ``[placeholders]`` has entries, only recorded ranges count, so the
    runs of an adopted repository are recorded along with the first entry.
    """
    if repository.releases.placeholders:
        return []
    return [dataclasses.replace(item, release=UNNAMED % item.first)
            for item in repository.placeholder_ranges()]


def _number(name):
    """The number a file name in versions/ starts with, or -1."""
    match = _NUMBERED.match(name)
    return int(match.group('version')) if match else -1


def _range_of(ranges, release):
    return next((item for item in ranges if item.release == release), None)


def _versions_path(repository, *name):
    return os.path.join(repository.path, repository_mod.VERSIONS_DIR, *name)


def _create(path, data):
    try:
        with open(path, 'xb') as target:
            target.write(data)
    except FileExistsError:
        raise exception.RepositoryError('%s already exists' % path)
    except OSError as error:
        raise exception.RepositoryError(
            'cannot write %s: %s' % (path, error.strerror))


def _replace(path, text):
    # Written beside the file then renamed: never a half-written record.
    partial = path + '.partial'
    try:
        with open(partial, 'w', encoding='utf-8', newline='') as target:
            target.write(text)
        os.replace(partial, path)
    except OSError as error:
        raise exception.RepositoryError(
            'cannot write %s: %s' % (path, error.strerror))


# releases.cfg as text


def _releases_text(repository):
    if not repository.releases.exists:
        return RELEASES_HEADER
    with open(repository.releases.path, encoding='utf-8',
              newline='') as source:
        return source.read()


def _with_entries(text, section, entries):
    """Return ``text`` with ``key = value`` lines added to ``section``.

    They go after the section's last entry (or its leading comments); a
    missing section is appended with its explanatory comment.
    """
    if not entries:
        return text
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    new = ['%s = %s\n' % entry for entry in entries]
    start = next((index for index, line in enumerate(lines)
                  if _section_name(line) == section), None)
    if start is None:
        gap = ['\n'] if lines and lines[-1].strip() else []
        return ''.join(lines + gap + ['[%s]\n' % section,
                                      SECTION_COMMENTS[section]] + new)
    at = _insert_position(lines, start)
    return ''.join(lines[:at] + new + lines[at:])


def _insert_position(lines, start):
    at = start + 1
    while at < len(lines) and _is_comment(lines[at]):
        at += 1
    for index in range(at, len(lines)):
        if _section_name(lines[index]) is not None:
            break
        if lines[index].strip() and not _is_comment(lines[index]):
            at = index + 1
    return at


def _section_name(line):
    match = _SECTION.match(line)
    return match.group('name').strip() if match else None


def _is_comment(line):
    return line.lstrip().startswith(('#', ';'))
