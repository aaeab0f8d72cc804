"""The backport workflow of a release manager, end to end on SQLite.

On a copy of the bundled repository ("master"): reserve 10 placeholders for
icehouse and sync them.  A "stable" branch cut with those placeholders fills
one slot with a migration from master.  A database that ran the stable
branch then upgrades along master, where the twin runs again at its higher
number, and must end with the schema of a database that only followed
master.
"""
import os
import shutil
from unittest import mock

import fixtures
from oslotest import base
import sqlalchemy as sa

from nova_like import exception
from nova_like.migration import api
from nova_like.migration import placeholders
from nova_like.migration import repository
from nova_like.migration import schema
from nova_like.migration.scripts import executor

RESERVED = 10

# Legacy style, as stable branches carry them: bound metadata, autoload,
# a hasattr guard, string execution.  The guard makes it safe to run twice.
TWIN = """\
\"\"\"juno: instances record whether their resources were cleaned up.\"\"\"

from sqlalchemy import MetaData, Table


def upgrade(migrate_engine):
    meta = MetaData()
    meta.bind = migrate_engine
    instances = Table('instances', meta, autoload=True)
    # Backported to icehouse: databases that ran the slot run this again.
    if not hasattr(instances.c, 'cleaned'):
        migrate_engine.execute(
            'ALTER TABLE instances ADD COLUMN cleaned INTEGER DEFAULT 0')
"""

UNGUARDED_TWIN = """\
def upgrade(migrate_engine):
    migrate_engine.execute(
        'ALTER TABLE instances ADD COLUMN cleaned INTEGER DEFAULT 0')
"""

LATER = """\
\"\"\"juno: faults reported by instances.\"\"\"

from sqlalchemy import Column, Integer, MetaData, String, Table


def upgrade(migrate_engine):
    meta = MetaData()
    meta.bind = migrate_engine
    Table('instance_faults', meta,
          Column('id', Integer, primary_key=True, nullable=False),
          Column('instance_uuid', String(36)),
          Column('message', String(255))).create()
"""


class TestBackportWorkflow(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.root = self.useFixture(fixtures.TempDir()).path
        self.master = self.copy(api.bundled_repository(), 'master')
        self.reserved = self.reserve(self.master)
        # The stable branch is cut with the placeholders in it.
        self.stable = self.copy(self.master, 'stable')
        self.twin_version = self.reserved.last + 1
        self.twin = self.write(self.master, '%03d_add_instances_cleaned.py'
                               % self.twin_version, TWIN)
        self.write(self.master, '%03d_add_instance_faults.py'
                   % (self.twin_version + 1), LATER)

    def copy(self, source, name):
        return shutil.copytree(source, os.path.join(self.root, name),
                               ignore=shutil.ignore_patterns('__pycache__'))

    def reserve(self, path):
        plan = placeholders.plan_reservation(repository.load(path),
                                             'icehouse', RESERVED)
        placeholders.write_reservation(plan)
        return plan.range

    def write(self, path, name, text):
        target = os.path.join(path, 'versions', name)
        with open(target, 'w') as stream:
            stream.write(text)
        return target

    def url(self, name):
        return 'sqlite:///%s' % os.path.join(self.root, name + '.sqlite')

    def engine(self, name):
        engine = sa.create_engine(self.url(name))
        self.addCleanup(engine.dispose)
        return engine

    def backport(self, master_script):
        plan = placeholders.plan_backport(repository.load(self.stable),
                                          master_script)
        placeholders.write_backport(plan)
        return plan.slot

    def test_placeholders_sync_in_one_step_without_running(self):
        executed = []

        def spy(script, connection, direction):
            executed.append(script.version)
            return real_execute(script, connection, direction)

        real_execute = executor.execute
        with mock.patch.object(executor, 'execute', spy):
            result = api.sync(self.url('master'), self.master,
                              self.reserved.last)
        batch = [step for step in result.steps if self.reserved.first in
                 step.versions]
        self.assertEqual(1, len(batch))
        self.assertEqual(list(range(self.reserved.first,
                                    self.reserved.last + 1)),
                         batch[0].versions)
        self.assertTrue(batch[0].is_noop)
        self.assertFalse(set(batch[0].versions) & set(executed))
        self.assertEqual(self.reserved.last,
                         api.db_version(self.url('master'), self.master))

    def test_stable_database_follows_master_through_the_twin(self):
        slot = self.backport(self.twin)
        self.assertEqual(self.reserved.first, slot)

        stable = api.sync(self.url('stable'), self.stable)
        self.assertEqual(self.reserved.last, stable.end)
        columns = [column['name'] for column in
                   sa.inspect(self.engine('stable')).get_columns('instances')]
        self.assertIn('cleaned', columns)

        upgrade = api.sync(self.url('stable'), self.master)
        self.assertEqual(self.reserved.last, upgrade.start)
        self.assertEqual([[self.twin_version], [self.twin_version + 1]],
                         [step.versions for step in upgrade.steps])

        api.sync(self.url('master-only'), self.master)
        self.assertEqual([], schema.diff(
            schema.snapshot(self.engine('master-only')),
            schema.snapshot(self.engine('stable'))))

    def test_unguarded_twin_fails_on_the_way_to_master(self):
        # The guard is what makes the workflow safe: without it the second
        # run of the twin fails, so the test above proves something.
        with open(self.twin, 'w') as stream:
            stream.write(UNGUARDED_TWIN)
        self.backport(self.twin)
        api.sync(self.url('stable'), self.stable)
        error = self.assertRaises(exception.MigrationFailed, api.sync,
                                  self.url('stable'), self.master)
        self.assertEqual(self.twin_version, error.version)
