"""A step that fails half applied on MySQL, and the operator's repair."""
import sqlalchemy as sa

from nova_like import exception
from nova_like.migration import api
from nova_like.tests import backends
from nova_like.tests import scenario

load_tests = backends.load_tests

CREATE_THEN_FAIL = '''
migrate_engine.execute("CREATE TABLE half (id INTEGER PRIMARY KEY)")
migrate_engine.execute("SELECT no_such_column FROM half")
'''


class TestFailedStep(backends.BackendTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())
        self.repo.write_script(1, 'migrate_engine.execute('
                                  '"CREATE TABLE one (id INTEGER)")')
        self.repo.write_script(2, CREATE_THEN_FAIL)

    def _tables(self):
        return set(sa.inspect(self.engine).get_table_names())

    def _version(self):
        return api.db_version(self.url, self.repo.path)

    def test_failure_keeps_the_version(self):
        error = self.assertRaises(exception.MigrationFailed, api.sync,
                                  self.url, self.repo.path)
        self.assertEqual(2, error.version)
        self.assertEqual(1, self._version())
        if self.backend == 'mysql':
            # DDL committed on its own: the half-done work is there.
            self.assertIn('half', self._tables())
        else:
            self.assertNotIn('half', self._tables())

    def test_next_sync_refuses_only_where_ddl_is_not_transactional(self):
        self.assertRaises(exception.MigrationFailed, api.sync, self.url,
                          self.repo.path)
        error = self.assertRaises(exception.MigrationFailed, api.sync,
                                  self.url, self.repo.path)
        if self.backend == 'mysql':
            self.assertIn('may be half applied', error.message)
            self.assertIn('db repair retry 2', error.message)
        else:
            self.assertIn('no_such_column', error.message)

    def test_repair_unknown_or_not_failed_version(self):
        api.sync(self.url, self.repo.path, 1)
        self.assertRaises(exception.VersionError, api.repair, self.url,
                          self.repo.path, 2, 'retry')
        self.assertRaises(exception.ConfigError, api.repair, self.url,
                          self.repo.path, 2, 'frobnicate')


class TestRepairOnMySQL(backends.MySQLTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())
        self.repo.write_script(1, CREATE_THEN_FAIL)
        self.repo.write_script(2, 'migrate_engine.execute('
                                  '"CREATE TABLE two (id INTEGER)")')
        self.assertRaises(exception.MigrationFailed, api.sync, self.url,
                          self.repo.path)

    def test_mark_applied_then_continue(self):
        api.repair(self.url, self.repo.path, 1, 'mark-applied')
        self.assertEqual(1, api.db_version(self.url, self.repo.path))
        api.sync(self.url, self.repo.path)
        self.assertEqual(2, api.db_version(self.url, self.repo.path))

    def test_retry_runs_the_script_again(self):
        api.repair(self.url, self.repo.path, 1, 'retry')
        error = self.assertRaises(exception.MigrationFailed, api.sync,
                                  self.url, self.repo.path)
        # It ran again (and failed again, the table being there already).
        self.assertIn('half', error.message)

    def test_idempotent_script_runs_again_without_repair(self):
        self.repo.write_file('versions/001_change.py', '''
BACKPORTABLE = True


def upgrade(migrate_engine):
    if not migrate_engine.has_table('half'):
        migrate_engine.execute("CREATE TABLE half (id INTEGER)")
''')
        api.sync(self.url, self.repo.path)
        self.assertEqual(2, api.db_version(self.url, self.repo.path))
