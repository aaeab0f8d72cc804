"""Release records of a repository: ``releases.cfg`` beside ``migrate.cfg``.

sqlalchemy-migrate ignores this file, so a repository that has it still
loads there.  Format::

    [releases]
    # release = first-last: the versions that shipped in it
    havana = 101-108

    [placeholders]
    # release = first-last: no-op slots reserved for backports to it
    havana = 109-113

    [backports]
    # slot = master version whose migration fills it
    110 = 117

    [compacted]
    # release = first-last: versions replaced by one initial script
    havana = 100-108

Repositories adopted from elsewhere often have no such file: there, the
reserved ranges are the runs of ``NNN_placeholder.py`` scripts.
"""
import configparser
import dataclasses
import os
import re

from nova_like import exception

FILENAME = 'releases.cfg'
_RANGE = re.compile(r'^\s*(\d+)\s*-\s*(\d+)\s*$')


@dataclasses.dataclass(frozen=True)
class VersionRange(object):
    """An inclusive range of versions that belongs to a release."""

    release: str
    first: int
    last: int

    def __contains__(self, version):
        return self.first <= version <= self.last

    def __str__(self):
        return '%d-%d' % (self.first, self.last)


@dataclasses.dataclass
class ReleaseInfo(object):
    """What ``releases.cfg`` says; empty when the file does not exist."""

    path: str
    releases: list = dataclasses.field(default_factory=list)
    placeholders: list = dataclasses.field(default_factory=list)
    backports: dict = dataclasses.field(default_factory=dict)
    compacted: list = dataclasses.field(default_factory=list)
    exists: bool = False

    def release_of(self, version):
        """Name of the release that shipped ``version``, or None."""
        return _find(self.releases, version)

    def reserved_for(self, version):
        """Name of the release whose backport range holds ``version``."""
        return _find(self.placeholders, version)

    def compacted_release(self, version):
        """Name of the release whose compaction replaced ``version``."""
        return _find(self.compacted, version)


def _find(ranges, version):
    for version_range in ranges:
        if version in version_range:
            return version_range.release
    return None


def load(repository_path):
    """Read ``releases.cfg`` of the repository, if there is one."""
    path = os.path.join(repository_path, FILENAME)
    info = ReleaseInfo(path)
    if not os.path.exists(path):
        return info
    parser = configparser.RawConfigParser()
    try:
        with open(path, encoding='utf-8') as cfg_file:
            parser.read_file(cfg_file)
    except (configparser.Error, UnicodeDecodeError) as error:
        raise exception.RepositoryError(
            'invalid %s: %s' % (path, ' '.join(str(error).split())))
    info.exists = True
    info.releases = _ranges(parser, 'releases', path)
    info.placeholders = _ranges(parser, 'placeholders', path)
    info.backports = _backports(parser, path)
    info.compacted = _ranges(parser, 'compacted', path)
    return info


def _ranges(parser, section, path):
    if not parser.has_section(section):
        return []
    ranges = []
    for release, value in parser.items(section):
        match = _RANGE.match(value)
        if not match or int(match.group(1)) > int(match.group(2)):
            raise exception.RepositoryError(
                'invalid %s: [%s] %s = %r is not a range FIRST-LAST' % (
                    path, section, release, value))
        ranges.append(VersionRange(release, int(match.group(1)),
                                   int(match.group(2))))
    return sorted(ranges, key=lambda item: item.first)


def _backports(parser, path):
    if not parser.has_section('backports'):
        return {}
    twins = {}
    for slot, master in parser.items('backports'):
        if not (slot.isdigit() and master.strip().isdigit()):
            raise exception.RepositoryError(
                'invalid %s: [backports] %s = %s must map a slot version '
                'to a master version' % (path, slot, master))
        twins[int(slot)] = int(master)
    return twins
