"""NL205, NL206, NL211: the numbering of ``versions/``, read from the names.

The repository loader refuses duplicate numbers outright; the linter scans
the folder itself so it can report every duplicate as a finding (and still
lint the rest) instead of stopping at the first.
"""
import collections
import dataclasses
import os
import re

from nova_like.migration.lint import findings
from nova_like.migration import releases
from nova_like.migration import repository as repository_mod

_VERSION_FILE = re.compile(r'^(?P<version>\d+)_?(?P<rest>.*)\.(?:py|sql)$')
_SQL_KEY = re.compile(r'_(?P<dialect>[a-z0-9]+)_(?P<op>upgrade|downgrade)$')


@dataclasses.dataclass
class Scan(object):
    """The version files of a ``versions/`` folder, by version."""

    directory: str
    files: dict = dataclasses.field(default_factory=dict)
    ignored: list = dataclasses.field(default_factory=list)

    def duplicates(self):
        """{version: [file names]} of versions claimed more than once."""
        found = {}
        for version, names in self.files.items():
            keys = collections.Counter(_key(name) for name in names)
            if any(count > 1 for count in keys.values()):
                found[version] = names
        return found


def _key(name):
    if name.endswith('.py'):
        return 'py'
    match = _SQL_KEY.search(name[:-len('.sql')])
    return match.groups() if match else name


def scan(directory):
    """Read the names in ``directory``; None when it does not exist."""
    if not os.path.isdir(directory):
        return None
    result = Scan(directory)
    for name in sorted(os.listdir(directory)):
        match = _VERSION_FILE.match(name)
        if not match:
            continue
        if len(match.group('version')) < 3:
            result.ignored.append(name)
        else:
            result.files.setdefault(int(match.group('version')),
                                    []).append(name)
    return result


def check(result):
    """Findings about duplicates, gaps and ignored file names."""
    found = []
    for version, names in sorted(result.duplicates().items()):
        for name in names:
            found.append(findings.Finding.make(
                _path(result, name), 1, 'NL205',
                'version %d is claimed by %s' % (version, ', '.join(names))))
    versions = sorted(result.files)
    for previous, version in zip(versions, versions[1:]):
        if version > previous + 1:
            found.append(findings.Finding.make(
                _path(result, result.files[version][0]), 1, 'NL206',
                'version%s %s missing before %d' % _gap(previous, version)))
    for name in result.ignored:
        found.append(findings.Finding.make(
            _path(result, name), 1, 'NL211',
            '%s has fewer than three leading digits: sqlalchemy-migrate '
            'silently skips it' % name))
    return found


def _gap(previous, version):
    if version - previous == 2:
        return '', '%d is' % (previous + 1), version
    return 's', '%d..%d are' % (previous + 1, version - 1), version


def _path(result, name):
    return os.path.join(result.directory, name)


def fallback_repository(path, result, repository_id=None):
    """A :class:`Repository` of the first ``.py`` file of each version.

    Used when duplicates stop the loader: the other rules still run on
    everything that can be read.
    """
    scripts = {}
    for version, names in result.files.items():
        python = [name for name in names if name.endswith('.py')]
        if python:
            description = _VERSION_FILE.match(python[0]).group('rest')
            scripts[version] = repository_mod.Script(
                version, description, _path(result, python[0]))
    return repository_mod.Repository(path, repository_id, None, scripts,
                                     releases.load(path))
