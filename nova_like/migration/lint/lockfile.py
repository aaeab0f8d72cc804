"""``releases.lock``: the released scripts, frozen by ``repo lock``.

It sits beside ``migrate.cfg``; sqlalchemy-migrate only reads
``migrate.cfg`` and ``versions/``, so a locked repository still loads
there.  One section per locked release::

    [havana]
    range = 101-108
    106_add_instance_metadata.py = <fingerprint> <sha256>

The fingerprint is taken over the normalized AST (see :mod:`normalize`):
comment, docstring and formatting edits keep it, code edits change it.  The
file's plain SHA-256 only lets an unchanged file skip the parse.
"""
import configparser
import dataclasses
import hashlib
import os

from nova_like import exception
from nova_like.migration.lint import inifile
from nova_like.migration.lint import normalize

FILENAME = 'releases.lock'
_HEADER = """\
# Released scripts of this repository, frozen by `project-manage repo lock`.
# file = fingerprint of its normalized AST (comments, docstrings and
# formatting do not count), then the SHA-256 of the file.  `repo lint`
# reports any other change.  sqlalchemy-migrate ignores this file.
"""


@dataclasses.dataclass(frozen=True)
class Entry(object):
    fingerprint: str
    sha256: str

    @classmethod
    def of(cls, path, data):
        return cls(normalize.fingerprint(path, data),
                   hashlib.sha256(data).hexdigest())

    def matches(self, path, data):
        """True when ``data`` is this file, give or take trivia."""
        return hashlib.sha256(data).hexdigest() == self.sha256 or \
            normalize.fingerprint(path, data) == self.fingerprint


@dataclasses.dataclass(frozen=True)
class LockedRelease(object):
    """One release's frozen files: {file name: :class:`Entry`}."""

    name: str
    first: int
    last: int
    files: dict

    def versions(self):
        return range(self.first, self.last + 1)


def path_of(repository_path):
    return os.path.join(repository_path, FILENAME)


def load(repository_path):
    """{release: :class:`LockedRelease`}; empty without a lock file.

    :raises RepositoryError: the file is malformed.
    """
    path = path_of(repository_path)
    parser = inifile.read(path, case_sensitive=True)
    if parser is None:
        return {}
    return {name: _release(parser, name, path) for name in parser.sections()}


def _release(parser, name, path):
    values = dict(parser.items(name))
    try:
        first, last = (int(part) for part in values.pop('range').split('-'))
        files = {file_name: Entry(*value.split())
                 for file_name, value in values.items()}
    except (KeyError, TypeError, ValueError):
        raise exception.RepositoryError(
            'invalid %s: [%s] needs `range = FIRST-LAST` and lines '
            '`file = fingerprint sha256`' % (path, name))
    return LockedRelease(name, first, last, files)


def write(repository_path, releases):
    """Write ``releases`` ({name: LockedRelease}), replacing the file."""
    parser = configparser.RawConfigParser()
    # File names are case sensitive.
    parser.optionxform = str
    for release in sorted(releases.values(), key=lambda item: item.first):
        parser.add_section(release.name)
        parser.set(release.name, 'range',
                   '%d-%d' % (release.first, release.last))
        for file_name, entry in sorted(release.files.items()):
            parser.set(release.name, file_name, '%s %s' % (
                entry.fingerprint, entry.sha256))
    path = path_of(repository_path)
    # Written aside and renamed: a crash never leaves half a lock file.
    with open(path + '.tmp', 'w', encoding='utf-8') as lock_file:
        lock_file.write(_HEADER + '\n')
        parser.write(lock_file)
    os.replace(path + '.tmp', path)
