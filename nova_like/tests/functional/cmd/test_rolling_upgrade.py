"""The juno rename (instances.hostname -> host_name) end to end, per backend.

118 expands, ``db online_data_migrations`` copies the values, 119
contracts once nothing is left to copy.  3,000 instances make the batches
real.
"""
from unittest import mock

import fixtures
import sqlalchemy as sa

from nova_like.cmd import online_commands
from nova_like.migration import api
from nova_like.migration import recorder
from nova_like.migration import schema
from nova_like.tests import backends
from nova_like.tests import cli

load_tests = backends.load_tests

ROWS = 3000
WAITING = 'version 119 (119_drop_instances_hostname.py) is a contract step ' \
    'waiting for: instances.hostname copied to instances.host_name'


class RollingUpgradeTestCase(backends.BackendTestCase):

    def setUp(self):
        super().setUp()
        self.manage = self.useFixture(cli.ManageFixture())
        self.useFixture(fixtures.EnvironmentVariable(
            'OS_DATABASE__CONNECTION', self.url))
        api.sync(self.url, version=117)
        instances = sa.table('instances', sa.column('uuid'),
                             sa.column('hostname'))
        with self.engine.begin() as connection:
            connection.execute(instances.insert(), [
                {'uuid': 'uuid-%04d' % index, 'hostname': 'host-%04d' % index}
                for index in range(ROWS)])

    def run_manage(self, code, *argv):
        result = self.manage(*argv)
        self.assertEqual(code, result.code, result.out + result.err)
        return result

    def check(self):
        return self.manage('db', 'sync', '--check').code

    def version(self):
        return api.db_version(self.url)

    def state(self):
        """Everything a refused step must leave alone."""
        with self.engine.connect() as connection:
            rows = connection.execute(sa.text(
                'SELECT * FROM instances ORDER BY id')).all()
            history = len(recorder.Recorder('nova_like', None).history(
                connection))
        return (self.version(), schema.snapshot(self.engine), rows, history)

    def columns(self):
        return {column['name'] for column in
                sa.inspect(self.engine).get_columns('instances')}


class TestCheck(RollingUpgradeTestCase):

    def test_each_exit_code_in_turn(self):
        self.assertEqual(2, self.check())
        self.run_manage(0, 'db', 'sync', '--expand')
        self.assertEqual(3, self.check())
        self.run_manage(1, 'db', 'online_data_migrations', '--max-count',
                        ROWS - 1)
        self.assertEqual(3, self.check())
        self.run_manage(0, 'db', 'online_data_migrations')
        self.assertEqual(4, self.check())
        self.run_manage(0, 'db', 'sync', '--contract')
        self.assertEqual(0, self.check())
        self.assertEqual(119, self.version())

    def test_check_writes_nothing(self):
        self.run_manage(0, 'db', 'sync', '--expand')
        before = self.state()
        result = self.run_manage(3, 'db', 'sync', '--check')
        self.assertEqual('data migrations pending: run `db '
                         'online_data_migrations`\n', result.out)
        self.assertEqual(before, self.state())


class TestContractGate(RollingUpgradeTestCase):

    def test_contract_refused_until_the_data_is_migrated(self):
        self.run_manage(0, 'db', 'sync', '--expand')
        before = self.state()
        for argv in (('--contract',), ()):
            result = self.run_manage(1, 'db', 'sync', *argv)
            self.assertIn(WAITING, result.err)
            self.assertIn('stays at version 118', result.err)
            self.assertEqual(before, self.state())
        self.run_manage(0, 'db', 'online_data_migrations')
        self.run_manage(0, 'db', 'sync', '--contract')
        self.assertEqual(119, self.version())
        self.assertNotIn('hostname', self.columns())
        with self.engine.connect() as connection:
            copied = connection.execute(sa.text(
                'SELECT uuid, host_name FROM instances')).all()
        self.assertEqual({('uuid-%04d' % index, 'host-%04d' % index)
                          for index in range(ROWS)}, set(copied))

    def test_plain_sync_expands_then_stops(self):
        result = self.run_manage(1, 'db', 'sync')
        self.assertIn('118 add_instances_host_name', result.out)
        self.assertIn(WAITING, result.err)
        self.assertEqual(118, self.version())
        self.assertEqual({'hostname', 'host_name'},
                         {'hostname', 'host_name'} & self.columns())

    def test_expand_stops_before_the_contract_step(self):
        with self.engine.begin() as connection:
            connection.execute(sa.text('DELETE FROM instances'))
        # Nothing to migrate: only --expand keeps 119 from running.
        result = self.run_manage(0, 'db', 'sync', '--expand')
        self.assertIn('database at version 118 (was 117, 1 steps)',
                      result.out)
        self.assertIn('hostname', self.columns())
        self.run_manage(0, 'db', 'sync')
        self.assertEqual(119, self.version())

    def test_contract_refused_while_expand_steps_come_first(self):
        before = self.state()
        result = self.run_manage(1, 'db', 'sync', '--contract')
        self.assertIn('version 118 (118_add_instances_host_name.py) is an '
                      'expand step', result.err)
        self.assertEqual(before, self.state())


class TestOnlineDataMigrations(RollingUpgradeTestCase):

    def setUp(self):
        super().setUp()
        api.sync(self.url, phase='expand')

    def table_row(self, out):
        line = next(line for line in out.splitlines()
                    if 'migrate_instance_host_name' in line)
        return [cell.strip() for cell in line.strip('|').split('|')]

    def test_max_count_then_the_rest(self):
        result = self.run_manage(1, 'db', 'online_data_migrations',
                                 '--max-count', 1000)
        self.assertEqual(['migrate_instance_host_name', '1000', '1000'],
                         self.table_row(result.out))
        result = self.run_manage(0, 'db', 'online-data-migrations')
        self.assertIn('Running batches of 50 until complete', result.out)
        self.assertEqual(['migrate_instance_host_name', '2000', '2000'],
                         self.table_row(result.out))
        result = self.run_manage(0, 'db', 'online_data_migrations')
        self.assertEqual(['migrate_instance_host_name', '0', '0'],
                         self.table_row(result.out))

    def test_bad_max_count(self):
        for value in ('0', '-5', 'ten'):
            result = self.run_manage(127, 'db', 'online_data_migrations',
                                     '--max-count', value)
            self.assertIn('--max-count must be a positive integer',
                          result.err)
        self.assertEqual(3, self.check())

    def test_a_failing_migration_does_not_stop_the_others(self):
        def broken(context, max_count):
            raise RuntimeError('cannot read the flavors')

        migrations = (broken,) + online_commands.OnlineMigrationCommands.\
            _online_migrations
        with mock.patch.object(online_commands.OnlineMigrationCommands,
                               '_online_migrations', migrations):
            result = self.run_manage(2, 'db', 'online_data_migrations')
        self.assertEqual('ERROR: online data migration broken failed: '
                         'RuntimeError: cannot read the flavors\n',
                         result.err)
        self.assertEqual(['migrate_instance_host_name', str(ROWS),
                          str(ROWS)], self.table_row(result.out))
        self.assertEqual(4, self.check())
