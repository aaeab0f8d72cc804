"""A sqlalchemy-migrate repository on disk; no database here.

The layout is sqlalchemy-migrate's: ``migrate.cfg`` with a ``[db_settings]``
section and a ``versions/`` folder of ``NNN_description.py`` and
``NNN_description_<dialect>_<operation>.sql`` files.  What nova_like adds
(release names, reserved placeholder ranges, backport twins) lives in a
separate ``releases.cfg`` so sqlalchemy-migrate 0.13 can still load the
repository.
"""
import configparser
import functools
import os
import re

from nova_like import exception
from nova_like.migration import releases
from nova_like.migration import script_source

# sqlalchemy-migrate only sees files starting with three or more digits.
_VERSION_FILE = re.compile(r'^(?P<version>\d{3,})_?(?P<rest>.*)$')
_SQL_NAME = re.compile(r'^(?P<description>.*)_(?P<dialect>[a-z0-9]+)_'
                       r'(?P<operation>upgrade|downgrade)$')
MIGRATE_CFG = 'migrate.cfg'
MAX_VERSION = 2 ** 31 - 1
VERSIONS_DIR = 'versions'


class Script(object):
    """One version of the repository: a ``.py`` file and/or ``.sql`` files.

    Everything is read lazily and cached: listing a 1,000-version repository
    must not parse 1,000 files.
    """

    def __init__(self, version, description, py_path=None, sql_paths=None):
        self.version = version
        self.description = description
        self.py_path = py_path
        self.sql_paths = dict(sql_paths or {})

    def __repr__(self):
        return '<Script %d %s>' % (self.version, self.description)

    @property
    def name(self):
        """The file name that identifies this version to people."""
        return os.path.basename(self.py_path or sorted(
            self.sql_paths.values())[0])

    def source(self, dialect, operation='upgrade'):
        """Return the path that runs for ``dialect`` and ``operation``.

        sqlalchemy-migrate's rule: the dialect's ``.sql`` file, then the
        ``default`` one, then the ``.py`` script.
        """
        for key in ((dialect, operation), ('default', operation)):
            if key in self.sql_paths:
                return self.sql_paths[key]
        if self.py_path is None:
            raise exception.ScriptError(
                'version %d has no %s script for %s (files: %s)' % (
                    self.version, operation, dialect,
                    ', '.join(sorted(self.sql_paths.values()))))
        return self.py_path

    @functools.cached_property
    def _py(self):
        if self.py_path is None:
            return None
        return script_source.PythonSource.from_file(self.py_path)

    @property
    def is_placeholder(self):
        """Named ``NNN_placeholder.py``, the convention of real projects."""
        return self.description.startswith('placeholder')

    @property
    def is_noop(self):
        """True when running the script cannot change the database."""
        return not self.sql_paths and self._py is not None and \
            self._py.is_noop

    @property
    def declares_backportable(self):
        """The module sets ``BACKPORTABLE = True`` (written to run twice)."""
        return self._py is not None and self._py.declares_backportable

    def declared(self, name, default=None):
        """The literal value of the ``.py`` module's ``NAME = ...``.

        Read without importing the script, like ``BACKPORTABLE``: ``PHASE``
        and ``CONDITIONS`` (see :mod:`nova_like.migration.phases`).

        :raises ScriptError: the value is not a literal.
        """
        if self._py is None:
            return default
        try:
            return self._py.constant(name, default)
        except ValueError:
            raise exception.ScriptError(
                'version script %s: %s must be a literal (it is read '
                'without importing the script)' % (self.py_path, name))

    def defines(self, operation):
        """True when the script can run ``operation`` on some dialect."""
        if any(op == operation for _dialect, op in self.sql_paths):
            return True
        return self._py is not None and self._py.defines(operation)

    def problem(self, dialect, operation='upgrade'):
        """Why the ``.py`` file that would run cannot run, or None.

        Found statically (it does not compile, or lacks the function), so
        that a sync refuses before writing anything.
        """
        path = self.source(dialect, operation)
        if path != self.py_path:
            return script_source.sql_problem(path)
        if self._py.syntax_error:
            return self._py.syntax_error
        if not self._py.defines(operation):
            return 'version script %s defines no %s(migrate_engine) ' \
                'function' % (self.py_path, operation)
        return None

    def checksum(self, dialect, operation='upgrade'):
        """SHA-256 of the file that runs for ``dialect``."""
        path = self.source(dialect, operation)
        if path == self.py_path:
            return self._py.checksum
        return script_source.file_checksum(path)


class Repository(object):
    """A migrate repository: settings, versions and release records."""

    def __init__(self, path, repository_id, version_table, scripts,
                 release_info):
        self.path = path
        self.id = repository_id
        self.version_table = version_table
        self.scripts = scripts
        self.releases = release_info

    @property
    def versions(self):
        return sorted(self.scripts)

    @property
    def head(self):
        """The latest version, or the initial version if there are none."""
        return max(self.scripts) if self.scripts else 0

    @property
    def initial_version(self):
        """The version a new database is stamped with before upgrading.

        A compacted repository starts above 1; like Nova's INIT_VERSION the
        database is put under control just below its first script.
        """
        return min(self.scripts) - 1 if self.scripts else 0

    def script(self, version):
        """Return the :class:`Script` of ``version``."""
        try:
            return self.scripts[version]
        except KeyError:
            raise exception.VersionError(
                'version %s does not exist in repository %s (%s)' % (
                    version, self.path, self.describe_range()))

    def placeholder_ranges(self):
        """The reserved backport ranges, recorded or inferred.

        Repositories adopted from elsewhere record no ranges; there the runs
        of consecutive ``NNN_placeholder.py`` scripts are the ranges.
        """
        if self.releases.placeholders:
            return list(self.releases.placeholders)
        ranges, run = [], []
        for version in self.versions:
            if self.scripts[version].is_placeholder and (
                    not run or run[-1] == version - 1):
                run.append(version)
                continue
            if run:
                ranges.append(releases.VersionRange(None, run[0], run[-1]))
            run = [version] if self.scripts[version].is_placeholder else []
        if run:
            ranges.append(releases.VersionRange(None, run[0], run[-1]))
        return ranges

    def describe_range(self):
        if not self.scripts:
            return 'no versions'
        return 'versions %d..%d' % (min(self.scripts), self.head)


def load(path):
    """Read the repository at ``path``.

    :raises RepositoryError: naming the file at fault.
    """
    if not os.path.isdir(path):
        raise exception.RepositoryError(
            'no migrate repository at %s: not a directory' % path)
    repository_id, version_table = _read_settings(path)
    versions_dir = os.path.join(path, VERSIONS_DIR)
    if not os.path.isdir(versions_dir):
        raise exception.RepositoryError(
            'no %s folder in migrate repository %s' % (VERSIONS_DIR, path))
    scripts = _read_versions(versions_dir)
    return Repository(path, repository_id, version_table, scripts,
                      releases.load(path))


def _read_settings(path):
    cfg_path = os.path.join(path, MIGRATE_CFG)
    parser = configparser.RawConfigParser()
    try:
        with open(cfg_path, encoding='utf-8') as cfg_file:
            parser.read_file(cfg_file)
    except FileNotFoundError:
        raise exception.RepositoryError(
            'no %s in migrate repository %s' % (MIGRATE_CFG, path))
    except (configparser.Error, UnicodeDecodeError) as error:
        raise exception.RepositoryError(
            'invalid %s: %s' % (cfg_path, _one_line(error)))
    if not parser.has_option('db_settings', 'repository_id'):
        raise exception.RepositoryError(
            'invalid %s: [db_settings] repository_id is missing' % cfg_path)
    repository_id = parser.get('db_settings', 'repository_id')
    version_table = parser.get('db_settings', 'version_table',
                               fallback='migrate_version')
    if not repository_id or not version_table.strip():
        raise exception.RepositoryError(
            'invalid %s: repository_id and version_table must not be '
            'empty' % cfg_path)
    return repository_id, version_table.strip()


def _read_versions(versions_dir):
    files = {}
    for filename in sorted(os.listdir(versions_dir)):
        match = _VERSION_FILE.match(filename)
        if match and filename.endswith(('.py', '.sql')):
            version = int(match.group('version'))
            if version > MAX_VERSION:
                raise exception.RepositoryError(
                    'version number of %s in %s does not fit in '
                    'migrate_version.version (an INTEGER, at most %d)' % (
                        filename, versions_dir, MAX_VERSION))
            files.setdefault(version, []).append(filename)
    return {version: _make_script(versions_dir, version, names)
            for version, names in files.items()}


def _make_script(versions_dir, version, filenames):
    py_paths = [name for name in filenames if name.endswith('.py')]
    if len(py_paths) > 1:
        raise exception.RepositoryError(
            'duplicate version %d in %s: %s' % (
                version, versions_dir, ', '.join(py_paths)))
    sql_paths = {}
    for name in filenames:
        if name.endswith('.sql'):
            key, description = _sql_key(versions_dir, name)
            if key in sql_paths:
                raise exception.RepositoryError(
                    'duplicate version %d in %s: %s and %s' % (
                        version, versions_dir,
                        os.path.basename(sql_paths[key]), name))
            sql_paths[key] = os.path.join(versions_dir, name)
    if py_paths:
        description = _description(py_paths[0][:-len('.py')])
    return Script(version, description,
                  os.path.join(versions_dir, py_paths[0]) if py_paths else
                  None, sql_paths)


def _sql_key(versions_dir, filename):
    stem = _description(filename[:-len('.sql')])
    match = _SQL_NAME.match(stem)
    if not match:
        raise exception.RepositoryError(
            'invalid SQL script name %s in %s (needs to be '
            'NNN_description_database_operation.sql)' % (
                filename, versions_dir))
    return ((match.group('dialect'), match.group('operation')),
            match.group('description'))


def _description(stem):
    return _VERSION_FILE.match(stem).group('rest')


def _one_line(error):
    return ' '.join(str(error).split())
