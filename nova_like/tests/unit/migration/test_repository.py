import os

from oslotest import base

from nova_like import exception
from nova_like.migration import repository
from nova_like.tests import scenario


class TestLoad(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture('my repo'))

    def test_reads_settings_and_versions(self):
        self.repo.write_script(1, name='first')
        self.repo.write_script(2, name='second')
        loaded = repository.load(self.repo.path)
        self.assertEqual('my repo', loaded.id)
        self.assertEqual('migrate_version', loaded.version_table)
        self.assertEqual([1, 2], loaded.versions)
        self.assertEqual(2, loaded.head)
        self.assertEqual(0, loaded.initial_version)
        self.assertEqual('second', loaded.script(2).description)

    def test_ignores_files_migrate_ignores(self):
        self.repo.write_script(1)
        self.repo.write_file('versions/__init__.py', '')
        self.repo.write_file('versions/02_short.py', '')
        self.repo.write_file('versions/003_notes.txt', '')
        self.assertEqual([1], repository.load(self.repo.path).versions)

    def test_compacted_repository_starts_above_one(self):
        self.repo.write_script(216, name='havana')
        self.repo.write_script(217)
        loaded = repository.load(self.repo.path)
        self.assertEqual(215, loaded.initial_version)

    def test_duplicate_python_version_names_both_files(self):
        self.repo.write_script(1, name='one')
        self.repo.write_script(1, name='other')
        error = self.assertRaises(exception.RepositoryError,
                                  repository.load, self.repo.path)
        self.assertIn('duplicate version 1', error.message)
        self.assertIn('001_one.py', error.message)
        self.assertIn('001_other.py', error.message)

    def test_duplicate_sql_version(self):
        self.repo.write_sql(1, 'sqlite', 'SELECT 1', name='a')
        self.repo.write_sql(1, 'sqlite', 'SELECT 1', name='b')
        error = self.assertRaises(exception.RepositoryError,
                                  repository.load, self.repo.path)
        self.assertIn('duplicate version 1', error.message)

    def test_bad_sql_name(self):
        self.repo.write_file('versions/001_x.sql', 'SELECT 1')
        error = self.assertRaises(exception.RepositoryError,
                                  repository.load, self.repo.path)
        self.assertIn('001_x.sql', error.message)

    def test_missing_directory(self):
        error = self.assertRaises(exception.RepositoryError, repository.load,
                                  self.repo.path + '-nope')
        self.assertIn('-nope', error.message)

    def test_missing_versions_folder(self):
        os.rmdir(self.repo.versions)
        error = self.assertRaises(exception.RepositoryError,
                                  repository.load, self.repo.path)
        self.assertIn('versions', error.message)

    def test_missing_migrate_cfg(self):
        os.unlink(os.path.join(self.repo.path, 'migrate.cfg'))
        error = self.assertRaises(exception.RepositoryError,
                                  repository.load, self.repo.path)
        self.assertIn('no migrate.cfg', error.message)

    def test_garbage_migrate_cfg(self):
        self.repo.write_file('migrate.cfg', 'this is [not an ini')
        error = self.assertRaises(exception.RepositoryError,
                                  repository.load, self.repo.path)
        self.assertIn('invalid', error.message)
        self.assertIn('migrate.cfg', error.message)

    def test_binary_migrate_cfg(self):
        self.repo.write_file('migrate.cfg', b'\xff\xfe\x00garbage', 'wb')
        self.assertRaises(exception.RepositoryError, repository.load,
                          self.repo.path)

    def test_migrate_cfg_without_repository_id(self):
        self.repo.write_file('migrate.cfg', '[db_settings]\n')
        error = self.assertRaises(exception.RepositoryError,
                                  repository.load, self.repo.path)
        self.assertIn('repository_id is missing', error.message)


class TestScript(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())

    def _script(self, version=1):
        return repository.load(self.repo.path).script(version)

    def test_sql_selection_follows_migrate(self):
        py = self.repo.write_script(1)
        default = self.repo.write_sql(1, 'default', 'SELECT 1')
        sqlite = self.repo.write_sql(1, 'sqlite', 'SELECT 1')
        script = self._script()
        self.assertEqual(sqlite, script.source('sqlite'))
        self.assertEqual(default, script.source('postgresql'))
        self.assertEqual(py, script.source('mysql', 'downgrade'))

    def test_sql_only_version_without_operation(self):
        self.repo.write_sql(1, 'sqlite', 'SELECT 1')
        error = self.assertRaises(exception.ScriptError,
                                  self._script().source, 'postgresql')
        self.assertIn('version 1', error.message)

    def test_placeholder_is_noop(self):
        self.repo.write_placeholder(1)
        script = self._script()
        self.assertTrue(script.is_placeholder)
        self.assertTrue(script.is_noop)

    def test_script_with_work_is_not_noop(self):
        self.repo.write_script(1, 'migrate_engine.execute("SELECT 1")')
        self.assertFalse(self._script().is_noop)

    def test_sql_script_is_not_noop(self):
        self.repo.write_sql(1, 'default', '')
        self.assertFalse(self._script().is_noop)

    def test_defines(self):
        self.repo.write_script(1, 'pass', downgrade='pass')
        self.repo.write_script(2, 'pass')
        self.repo.write_sql(3, 'sqlite', 'SELECT 1', 'downgrade')
        loaded = repository.load(self.repo.path)
        self.assertTrue(loaded.script(1).defines('downgrade'))
        self.assertFalse(loaded.script(2).defines('downgrade'))
        self.assertTrue(loaded.script(3).defines('downgrade'))

    def test_checksum_changes_with_content(self):
        self.repo.write_script(1, 'pass')
        before = self._script().checksum('sqlite')
        self.repo.write_script(1, 'return')
        self.assertNotEqual(before, self._script().checksum('sqlite'))
        self.assertEqual(64, len(before))


class TestPlaceholderRanges(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())
        self.repo.write_script(1)
        self.repo.write_placeholder(2, 3, 4)
        self.repo.write_script(5)
        self.repo.write_placeholder(6, 7)

    def test_inferred_from_placeholder_names(self):
        ranges = repository.load(self.repo.path).placeholder_ranges()
        self.assertEqual([(2, 4), (6, 7)],
                         [(item.first, item.last) for item in ranges])
        self.assertIsNone(ranges[0].release)

    def test_recorded_ranges_win(self):
        self.repo.write_releases("""
            [placeholders]
            essex = 2-4
            """)
        ranges = repository.load(self.repo.path).placeholder_ranges()
        self.assertEqual([('essex', 2, 4)],
                         [(item.release, item.first, item.last)
                          for item in ranges])
