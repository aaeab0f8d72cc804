"""NL201-NL204: released scripts against ``releases.lock``.

Databases already recorded each released version: its number and its code
are fixed.  Trivial edits (comments, docstrings, formatting) and a renamed
file with unchanged code pass.  Reserved slots that were placeholders when
the release was locked may be filled by a backport: those are checked by
the backport rules instead.
"""
import os
import re

from nova_like.migration.lint import findings
from nova_like.migration.lint import lockfile
from nova_like.migration.lint import settings

_NAME = re.compile(r'^(?P<version>\d+)_?(?P<rest>.*)$')


def check(repository, sources, locked=None):
    """Findings for every locked release of the repository."""
    locked = lockfile.load(repository.path) if locked is None else locked
    if not locked:
        return []
    present = _present(repository)
    by_version = _by_version(present)
    found = []
    for release in locked.values():
        found.extend(_Release(repository, release, present, by_version,
                              sources).check())
    return found


def _present(repository):
    """{file name: (version, path)} of every file of the repository."""
    files = {}
    for version, script in repository.scripts.items():
        for path in [script.py_path] + list(script.sql_paths.values()):
            if path:
                files[os.path.basename(path)] = (version, path)
    return files


def _version(name):
    return int(_NAME.match(name).group('version'))


def _by_version(files):
    """{version: {file name: value}} of a {file name: value} mapping."""
    grouped = {}
    for name, value in files.items():
        grouped.setdefault(_version(name), {})[name] = value
    return grouped


def _description(name):
    return _NAME.match(name).group('rest')


def _movable(name):
    # Placeholders all look alike: one cannot tell where one moved.
    return not _description(name).startswith('placeholder')


class _Release(object):
    """The check of one locked release."""

    def __init__(self, repository, release, present, by_version, sources):
        self.release = release
        self.present = present
        self.by_version = by_version
        self.sources = sources
        self.slots = {version for item in repository.placeholder_ranges()
                      for version in range(item.first, item.last + 1)}
        self.lock_path = lockfile.path_of(repository.path)
        self.found = []

    def check(self):
        locked = _by_version(self.release.files)
        for version in self.release.versions():
            names = locked.get(version, {})
            if version in self.slots and all(
                    _description(name).startswith('placeholder')
                    for name in names):
                # A reserved slot: a backport may fill it.
                continue
            self._check_version(version, names, {
                name: path for name, (_version, path) in
                self.by_version.get(version, {}).items()})
        return self.found

    def _check_version(self, version, locked, current):
        missing = []
        for name, entry in sorted(locked.items()):
            if name in current:
                self._compare(current.pop(name), entry)
            else:
                missing.append((name, entry))
        for name, entry in missing:
            self._explain_missing(name, entry, current)
        for name, path in sorted(current.items()):
            if not self._was_moved(name):
                self._add(path, 1, 'NL204', '%s is new in version %d, '
                          'released in %s' % (name, version,
                                              self.release.name))

    def _compare(self, path, entry):
        if not entry.matches(path, self.sources.data(path)):
            self._add(path, 1, 'NL201', '%s changed structurally since '
                      'release %s was locked' % (os.path.basename(path),
                                                 self.release.name))

    def _explain_missing(self, name, entry, current):
        moved = self._moved_to(name)
        if moved:
            self._add(moved[1], 1, 'NL202', '%s was released as version %d '
                      'in %s and is now version %d' % (
                          name, _version(name), self.release.name, moved[0]))
            return
        for other, path in sorted(current.items()):
            if os.path.splitext(other)[1] == os.path.splitext(name)[1]:
                # The file was renamed: fine if its code is the same.
                del current[other]
                self._compare(path, entry)
                return
        self._add(self.lock_path, settings.line_of(
            self.lock_path, self.release.name, name), 'NL203',
            '%s of release %s is gone' % (name, self.release.name))

    def _moved_to(self, name):
        """(version, path) a locked file now has elsewhere, or None."""
        if not _movable(name):
            return None
        for other, (version, path) in sorted(self.present.items()):
            if version != _version(name) and _description(
                    other) == _description(name):
                return version, path
        return None

    def _was_moved(self, name):
        """True when ``name`` is a locked file under a new number."""
        return _movable(name) and any(
            _version(locked) != _version(name) and
            _description(locked) == _description(name) and
            locked not in self.present for locked in self.release.files)

    def _add(self, path, line, code, message):
        self.found.append(findings.Finding.make(path, line, code, message))
