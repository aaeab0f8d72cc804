"""The real sqlalchemy-migrate 0.13, driven in its own venv, on each backend.

These tests pin down the oracle itself: if they fail, comparisons of
nova_like against the reference mean nothing.
"""
import os
import subprocess

import fixtures
from oslotest import base
import sqlalchemy as sa

from nova_like.tests import backends
from nova_like.tests import reference

load_tests = backends.load_tests

REPOSITORY_ID = 'nova_like reference test'

MIGRATE_CFG = """\
[db_settings]
repository_id=%s
version_table=migrate_version
required_dbs=[]
use_timestamp_numbering=False
""" % REPOSITORY_ID

# Plain SQLAlchemy 1.4 API, as the legacy scripts write it.
SCRIPT = """\
import sqlalchemy as sa


def upgrade(migrate_engine):
    meta = sa.MetaData(bind=migrate_engine)
    sa.Table(%(table)r, meta,
             sa.Column('id', sa.Integer, primary_key=True),
             sa.Column('name', sa.String(64))).create()


def downgrade(migrate_engine):
    meta = sa.MetaData(bind=migrate_engine)
    sa.Table(%(table)r, meta, autoload=True).drop()
"""


# Imports its own project (--path) and nova_like (default path), and uses
# sqlalchemy.orm having imported only sqlalchemy, as real scripts do.
HOST_SCRIPT = """\
import sqlalchemy as sa

from nova_like import exception
import refhelper


def upgrade(migrate_engine):
    assert sa.orm.Session is not None
    assert exception.mask_url('x://u:p@h/') == 'x://u:***@h/'
    meta = sa.MetaData(bind=migrate_engine)
    sa.Table(refhelper.TABLE, meta,
             sa.Column('id', sa.Integer, primary_key=True)).create()
"""


def make_repository(path, scripts=None):
    """Write a migrate repository under ``path``; return ``path``.

    :param scripts: ``{file name: source}`` of the versions; default: two
        versions creating tables ref_a and ref_b.
    """
    if scripts is None:
        scripts = {'001_create_ref_a.py': SCRIPT % {'table': 'ref_a'},
                   '002_create_ref_b.py': SCRIPT % {'table': 'ref_b'}}
    os.makedirs(os.path.join(path, 'versions'))
    files = {'migrate.cfg': MIGRATE_CFG, 'versions/__init__.py': ''}
    files.update(('versions/' + name, source)
                 for name, source in scripts.items())
    for name, content in files.items():
        with open(os.path.join(path, name), 'w') as stream:
            stream.write(content)
    return path


class TestReferenceMigrate(backends.BackendTestCase):

    def setUp(self):
        super().setUp()
        self.reference = reference.reference_migrate()
        self.repository = make_repository(
            self.useFixture(fixtures.TempDir()).path)

    def _tables(self):
        return set(sa.inspect(self.engine).get_table_names())

    def _assert_error(self, expected, function, *args):
        error = self.assertRaises(
            reference.ReferenceMigrateError, function, *args)
        self.assertEqual(expected, error.error, error)

    def test_upgrade_and_downgrade_walk_the_versions(self):
        url, repo = self.url, self.repository
        self.assertEqual(0, self.reference.version_control(url, repo))
        self.assertEqual(1, self.reference.upgrade(url, repo, 1))
        self.assertEqual(2, self.reference.upgrade(url, repo))
        self.assertEqual(2, self.reference.db_version(url, repo))
        self.assertEqual({'migrate_version', 'ref_a', 'ref_b'},
                         self._tables())
        with self.engine.connect() as conn:
            row = conn.execute(sa.text(
                'SELECT repository_id, repository_path, version '
                'FROM migrate_version')).one()
        self.assertEqual((REPOSITORY_ID, repo, 2), tuple(row))
        self.assertEqual(1, self.reference.downgrade(url, repo, 1))
        self.assertEqual({'migrate_version', 'ref_a'}, self._tables())

    def test_missing_version_is_version_not_found(self):
        self.reference.version_control(self.url, self.repository)
        self._assert_error('VersionNotFoundError', self.reference.upgrade,
                           self.url, self.repository, 3)
        self.assertEqual(
            0, self.reference.db_version(self.url, self.repository))

    def test_version_control_twice_is_already_controlled(self):
        self.reference.version_control(self.url, self.repository)
        self._assert_error('DatabaseAlreadyControlledError',
                           self.reference.version_control,
                           self.url, self.repository)

    def test_uncontrolled_database_is_not_controlled(self):
        self._assert_error('DatabaseNotControlledError',
                           self.reference.db_version,
                           self.url, self.repository)

    def test_wrong_direction_is_known_error(self):
        self.assertEqual(
            2, self.reference.version_control(self.url, self.repository, 2))
        self._assert_error('KnownError', self.reference.upgrade,
                           self.url, self.repository, 1)


class TestReferenceScriptEnvironment(backends.SQLiteTestCase):
    """What the driver gives scripts; the same on every backend."""

    def test_scripts_import_their_project_and_the_orm(self):
        top = self.useFixture(fixtures.TempDir()).path
        lib = os.path.join(top, 'lib')
        os.mkdir(lib)
        with open(os.path.join(lib, 'refhelper.py'), 'w') as stream:
            stream.write("TABLE = 'ref_helper'\n")
        repo = make_repository(os.path.join(top, 'repo'),
                               {'001_host.py': HOST_SCRIPT})
        ref = reference.ReferenceMigrate(
            reference.reference_migrate().python,
            paths=[lib, reference.PROJECT_ROOT])
        ref.version_control(self.url, repo)
        self.assertEqual(1, ref.upgrade(self.url, repo))
        self.assertIn('ref_helper', sa.inspect(self.engine).get_table_names())


class TestReferenceTooling(base.BaseTestCase):
    """Failures of the tooling itself are reported, never papered over."""

    def _precious_dir(self):
        path = self.useFixture(fixtures.TempDir()).path
        with open(os.path.join(path, 'precious.txt'), 'w') as stream:
            stream.write('keep me')
        return path

    def test_ensure_venv_never_deletes_a_directory_it_did_not_make(self):
        path = self._precious_dir()
        process = subprocess.run([reference.ENSURE_VENV, path],
                                 capture_output=True, text=True, check=False)
        self.assertEqual(1, process.returncode)
        self.assertIn('is not a virtualenv', process.stderr)
        self.assertTrue(os.path.exists(os.path.join(path, 'precious.txt')))

    def test_venv_path_comes_from_the_environment(self):
        path = self._precious_dir()
        self.useFixture(fixtures.EnvironmentVariable(
            reference.VENV_ENV, path))
        error = self.assertRaises(reference.ReferenceMigrateError,
                                  reference.reference_migrate)
        self.assertEqual('EnsureVenvFailed', error.error)
        self.assertIn(path, error.message)

    def test_driver_without_reply_is_an_error(self):
        broken = reference.ReferenceMigrate('false')
        error = self.assertRaises(reference.ReferenceMigrateError,
                                  broken.db_version, 'sqlite://', '/repo')
        self.assertEqual('DriverFailed', error.error)
        self.assertIn('exit code 1', error.message)
