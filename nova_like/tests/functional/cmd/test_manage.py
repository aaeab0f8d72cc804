"""``project-manage db`` end to end on SQLite, the embedded default."""
import sqlalchemy as sa

from oslotest import base

from nova_like.db import models
from nova_like.migration import recorder
from nova_like.migration import removed_fields
from nova_like.migration import schema
from nova_like.tests import cli
from nova_like.tests import scenario

HEAD = 119
INITIAL = 99


class ManageTestCase(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.manage = self.useFixture(cli.ManageFixture())
        self.url = 'sqlite:///' + self.manage.database

    def assertOK(self, result):
        self.assertEqual(0, result.code, result.err)
        return result

    def assertFails(self, code, result, *fragments):
        self.assertEqual(code, result.code, result.out + result.err)
        for fragment in fragments:
            self.assertIn(fragment, result.err)
        self.assertEqual(1, len(result.err.strip().splitlines()), result.err)
        return result

    def tables(self):
        engine = sa.create_engine(self.url)
        self.addCleanup(engine.dispose)
        return set(sa.inspect(engine).get_table_names())

    def version_rows(self):
        engine = sa.create_engine(self.url)
        self.addCleanup(engine.dispose)
        with engine.connect() as connection:
            return connection.execute(sa.text(
                'SELECT repository_id, version FROM migrate_version')).all()


class TestBundledRepository(ManageTestCase):

    def test_sync_to_head_on_the_default_database(self):
        result = self.assertOK(self.manage('db', 'sync'))
        self.assertIn('database at version %d (was %d' % (HEAD, INITIAL),
                      result.out)
        self.assertIn('101-105 (5 placeholders)', result.out)
        self.assertIn('106 add_instance_metadata', result.out)
        self.assertEqual([('nova_like', HEAD)], self.version_rows())
        self.assertEqual(str(HEAD),
                         self.assertOK(self.manage('db', 'version')).out
                         .strip())

    def test_schema_equals_the_models(self):
        self.assertOK(self.manage('db', 'sync'))
        migrated = schema.snapshot(sa.create_engine(self.url))
        engine = sa.create_engine('sqlite://')
        models.BASE.metadata.create_all(engine)
        self.assertEqual([], schema.diff(schema.snapshot(engine), migrated,
                                         ignore_column_order=True))

    def test_schema_after_expand_keeps_the_removed_fields(self):
        self.assertOK(self.manage('db', 'sync', '--expand'))
        migrated = schema.snapshot(sa.create_engine(self.url))
        expected, plain = sa.create_engine('sqlite://'), sa.create_engine(
            'sqlite://')
        removed_fields.expected_metadata(models.BASE).create_all(expected)
        models.BASE.metadata.create_all(plain)
        self.assertEqual([], schema.diff(schema.snapshot(expected), migrated,
                                         ignore_column_order=True))
        self.assertEqual(
            ['table instances: column hostname: unexpected'],
            [line.split(' (')[0] for line in schema.diff(
                schema.snapshot(plain), migrated, ignore_column_order=True)])

    def test_history_records_every_version(self):
        self.assertOK(self.manage('db', 'sync'))
        engine = sa.create_engine(self.url)
        with engine.connect() as connection:
            rows = recorder.Recorder('nova_like', None).history(connection)
        self.assertEqual(list(range(INITIAL + 1, HEAD + 1)),
                         [row.version for row in rows])
        self.assertEqual({'applied'}, {row.outcome for row in rows})
        self.assertTrue(all(len(row.checksum) == 64 for row in rows))

    def test_sync_in_two_halves(self):
        self.assertOK(self.manage('db', 'sync', 107))
        self.assertEqual('107', self.manage('db', 'version').out.strip())
        self.assertNotIn('key_pairs', self.tables())
        result = self.assertOK(self.manage('db', 'sync'))
        self.assertIn('(was 107', result.out)
        self.assertIn('key_pairs', self.tables())

    def test_sync_twice_does_nothing(self):
        self.assertOK(self.manage('db', 'sync'))
        result = self.assertOK(self.manage('db', 'sync'))
        self.assertIn('0 steps', result.out)

    def test_version_control_then_sync(self):
        result = self.assertOK(self.manage('db', 'version_control'))
        self.assertIn('version %d' % INITIAL, result.out)
        self.assertOK(self.manage('db', 'sync'))
        self.assertEqual([('nova_like', HEAD)], self.version_rows())

    def test_version_control_twice(self):
        self.assertOK(self.manage('db', 'version-control', 106))
        self.assertFails(1, self.manage('db', 'version_control'),
                         'already under version control', "'nova_like'")
        self.assertEqual([('nova_like', 106)], self.version_rows())

    def test_version_control_unknown_version(self):
        self.assertFails(1, self.manage('db', 'version_control', 500),
                         'version 500 does not exist')

    def test_status(self):
        self.assertOK(self.manage('db', 'sync', 106))
        out = self.assertOK(self.manage('db', 'status')).out
        lines = {line.split('|')[1].strip(): line for line in
                 out.splitlines() if line.startswith('| 1')}
        self.assertIn('applied', lines['106'])
        self.assertIn('pending', lines['107'])
        self.assertIn('placeholder', lines['110'])
        self.assertIn('havana', lines['110'])
        self.assertIn('current version 106, head %d' % HEAD, out)

    def test_downgrade_refused_without_downgrade(self):
        self.assertOK(self.manage('db', 'sync'))
        self.assertFails(1, self.manage('db', 'sync', 100),
                         'version %d (%d_' % (HEAD, HEAD),
                         'defines no downgrade')
        self.assertEqual([('nova_like', HEAD)], self.version_rows())

    def test_unknown_target_writes_nothing(self):
        self.assertFails(1, self.manage('db', 'sync', 999),
                         'version 999 does not exist')
        self.assertEqual(set(), self.tables())

    def test_version_of_missing_database_creates_nothing(self):
        self.assertFails(1, self.manage('db', 'version'), 'does not exist')
        self.assertEqual(set(), self.tables())

    def test_non_empty_database_not_under_control(self):
        engine = sa.create_engine(self.url)
        with engine.begin() as connection:
            connection.execute(sa.text('CREATE TABLE instances (id INT)'))
        self.assertFails(1, self.manage('db', 'sync'), 'not empty',
                         'instances', 'version_control')
        self.assertEqual({'instances'}, self.tables())

    def test_connection_from_environment(self):
        other = self.manage.path + '/other.sqlite'
        self.useFixture(scenario.fixtures.EnvironmentVariable(
            'OS_DATABASE__CONNECTION', 'sqlite:///' + other))
        self.assertOK(self.manage('db', 'sync', 105))
        self.assertEqual(set(), self.tables())
        engine = sa.create_engine('sqlite:///' + other)
        self.assertIn('services', sa.inspect(engine).get_table_names())

    def test_connection_from_config_file(self):
        conf = self.manage.path + '/nova_like.conf'
        with open(conf, 'w') as conf_file:
            conf_file.write('[database]\nconnection = sqlite:///%s/c.db\n' %
                            self.manage.path)
        self.assertOK(self.manage('--config-file', conf, 'db', 'sync'))
        self.assertEqual(str(HEAD), self.manage(
            '--config-file', conf, 'db', 'version').out.strip())


class TestBadDatabaseUrls(ManageTestCase):

    def _with_url(self, url, *argv):
        self.useFixture(scenario.fixtures.EnvironmentVariable(
            'OS_DATABASE__CONNECTION', url))
        return self.manage(*argv)

    def test_malformed_url(self):
        self.assertFails(1, self._with_url('not a url', 'db', 'sync'),
                         'invalid database URL')

    def test_unknown_driver(self):
        self.assertFails(1, self._with_url('nosuchdb://u:pw@h/d', 'db',
                                           'version'), 'nosuchdb')

    def test_unreachable_server_masks_password(self):
        result = self.assertFails(1, self._with_url(
            'postgresql+psycopg2://nova:s3cret@127.0.0.1:1/nova', 'db',
            'sync'), 'cannot connect to', '127.0.0.1:1')
        self.assertNotIn('s3cret', result.err + result.out)
        self.assertIn('***', result.err)


class TestBadRepositories(ManageTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())

    def _sync(self, *argv):
        return self.manage('--repository', self.repo.path, 'db', 'sync',
                           *argv)

    def test_missing_repository(self):
        self.assertFails(1, self.manage('--repository', '/nonexistent/x',
                                        'db', 'sync'), '/nonexistent/x')
        self.assertEqual(set(), self.tables())

    def test_invalid_migrate_cfg(self):
        self.repo.write_file('migrate.cfg', '[db_settings\nrepository_id')
        self.assertFails(1, self._sync(), 'migrate.cfg')
        self.assertEqual(set(), self.tables())

    def test_duplicate_versions(self):
        self.repo.write_script(1, name='a')
        self.repo.write_script(1, name='b')
        self.assertFails(1, self._sync(), 'duplicate version 1',
                         '001_a.py', '001_b.py')
        self.assertEqual(set(), self.tables())

    def test_script_that_does_not_compile(self):
        self.repo.write_script(1, 'create table(')
        self.assertFails(1, self._sync(), '001_change.py',
                         'does not compile')
        self.assertEqual(set(), self.tables())

    def test_script_whose_import_fails(self):
        self.repo.write_script(1, 'migrate_engine.execute("SELECT 1")',
                               header='import no_such_module')
        self.repo.write_script(2, 'migrate_engine.execute("SELECT 1")')
        result = self.assertFails(3, self._sync(), '001_change.py',
                                  'no_such_module')
        self.assertIn('FAILED', result.out)
        self.assertNotIn('migrate_version', self.tables())

    def test_failed_step_rolls_back_and_records_failure(self):
        self.repo.write_script(1, 'migrate_engine.execute('
                                  '"CREATE TABLE one (id INT)")')
        self.repo.write_script(2, 'migrate_engine.execute('
                                  '"CREATE TABLE two (id INT)")\n'
                                  'migrate_engine.execute("SELECT nope")')
        self.assertFails(3, self._sync(), 'version 2', 'nope')
        self.assertEqual([('test_repo', 1)], self.version_rows())
        self.assertNotIn('two', self.tables())
        engine = sa.create_engine(self.url)
        with engine.connect() as connection:
            rows = recorder.Recorder('test_repo', None).history(connection)
        self.assertEqual([(1, 'applied'), (2, 'failed')],
                         [(row.version, row.outcome) for row in rows])
        self.assertIn('nope', rows[-1].error)

    def test_blocker_message_reaches_the_operator_as_written(self):
        message = 'Run `project-manage db online_data_migrations` first.'
        self.repo.write_script(1, 'raise Exception(%r)' % message)
        result = self.assertFails(3, self._sync(), 'version 1', message)
        self.assertNotIn('Exception:', result.err)
        self.assertNotIn('migrate_version', self.tables())

    def test_database_newer_than_repository(self):
        self.repo.write_script(1, 'migrate_engine.execute("SELECT 1")')
        self.repo.write_file('migrate.cfg', scenario.MIGRATE_CFG.format(
            repository_id='nova_like', version_table='migrate_version'))
        self.assertOK(self.manage('db', 'version_control', 110))
        self.assertFails(1, self._sync(), 'version 110', 'newer than the '
                         'head 1')
        self.assertEqual([('nova_like', 110)], self.version_rows())

    def test_second_repository_shares_the_database(self):
        self.repo.write_script(1, 'migrate_engine.execute('
                                  '"CREATE TABLE extra (id INT)")')
        self.assertOK(self.manage('db', 'sync'))
        self.assertOK(self._sync())
        self.assertEqual([('nova_like', HEAD), ('test_repo', 1)],
                         sorted(self.version_rows()))

    def test_sql_scripts_chosen_by_dialect(self):
        self.repo.write_script(1, 'migrate_engine.execute('
                                  '"CREATE TABLE from_python (id INT)")')
        self.repo.write_sql(1, 'sqlite', 'BEGIN;\nCREATE TABLE from_sqlite '
                            '(id INT);\nCOMMIT;\n')
        self.repo.write_sql(1, 'default', 'CREATE TABLE from_default '
                            '(id INT);')
        self.repo.write_sql(2, 'postgresql', 'CREATE TABLE pg (id INT);')
        self.repo.write_sql(2, 'default', "CREATE TABLE d (v VARCHAR(9) "
                            "DEFAULT '100%');")
        self.assertOK(self._sync())
        self.assertEqual({'from_sqlite', 'd', 'migrate_version',
                          'nova_like_migrate_history'}, self.tables())


class TestUsage(ManageTestCase):

    def test_unknown_command(self):
        self.assertRaises(SystemExit, self.manage, 'db', 'frobnicate')

    def test_missing_config_file(self):
        result = self.manage('--config-file', '/nope.conf', 'db', 'version')
        self.assertEqual(2, result.code)
        self.assertIn('/nope.conf', result.err)
