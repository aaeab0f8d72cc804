"""nova_like.testing.models_sync on every backend."""
import os

import sqlalchemy as sa
import testtools

from nova_like.db import models
from nova_like.migration import api
from nova_like.migration import phases
from nova_like.migration import removed_fields
from nova_like.testing import models_sync
from nova_like.tests import backends
from nova_like.tests import scenario

load_tests = backends.load_tests

# The migrations of the scenario repository forget widgets.size.
CREATE_WIDGETS = '''
meta = sa.MetaData(bind=migrate_engine)
table = sa.Table('widgets', meta,
                 sa.Column('id', sa.Integer, primary_key=True),
                 sa.Column('name', sa.String(64)),
                 mysql_engine='InnoDB')
table.create()
sa.Index('widgets_name_idx', table.c.name).create(migrate_engine)
'''
MISSING_SIZE = 'table widgets: column size: missing (INTEGER NULL)'
LIST_DATABASES = {'postgresql': 'SELECT datname FROM pg_database',
                  'mysql': 'SHOW DATABASES'}


def _widgets_metadata(index_name='widgets_name_idx', size=True):
    metadata = sa.MetaData()
    columns = [sa.Column('id', sa.Integer, primary_key=True),
               sa.Column('name', sa.String(64))]
    if size:
        columns.append(sa.Column('size', sa.Integer))
    sa.Table('widgets', metadata, *columns,
             sa.Index(index_name, 'name'), mysql_engine='InnoDB')
    return metadata


def _probe(engine, metadata, repository_path):
    """Return the mixin's test, as an adopting project would get it.

    Defined in a function so that test discovery does not collect it.
    """
    class Probe(models_sync.ModelsMigrationsSync, testtools.TestCase):

        def get_metadata(self):
            return metadata

    Probe.repository_path = repository_path
    case = Probe('test_models_sync')
    case.engine = engine
    return case


class TestBundledModelsSync(models_sync.ModelsMigrationsSync,
                            backends.BackendTestCase):
    """nova_like's own models against migrate_repo: test_models_sync."""

    repository_path = api.bundled_repository()

    def get_metadata(self):
        return models.BASE.metadata

    def test_models_with_removed_fields_after_expand(self):
        # Between 118 and 119 the schema still has instances.hostname.
        self.assertEqual([], models_sync.models_sync_diff(
            self.url, removed_fields.expected_metadata(models.BASE),
            self.repository_path, phase=phases.EXPAND))


class TestModelsSyncFailures(backends.BackendTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())
        self.repo.write_script(1, CREATE_WIDGETS,
                               header='import sqlalchemy as sa')

    def test_missing_column_is_the_difference(self):
        self.assertEqual([MISSING_SIZE], models_sync.models_sync_diff(
            self.url, _widgets_metadata(), self.repo.path))

    def test_mixin_test_fails_listing_the_difference(self):
        result = testtools.TestResult()
        _probe(self.engine, _widgets_metadata(), self.repo.path).run(result)
        self.assertEqual([], result.errors)
        self.assertEqual(1, len(result.failures))
        self.assertIn('models and migrations differ', result.failures[0][1])
        self.assertIn(MISSING_SIZE, result.failures[0][1])

    def test_index_names_count_unless_ignored(self):
        metadata = _widgets_metadata('ix_widgets_name', size=False)
        problems = models_sync.models_sync_diff(self.url, metadata,
                                                self.repo.path)
        self.assertEqual(['table widgets: index ix_widgets_name (name): '
                          'missing',
                          'table widgets: index widgets_name_idx (name): '
                          'unexpected'], problems)
        self.assertEqual([], models_sync.models_sync_diff(
            self.url, metadata, self.repo.path, ignore_names=True))

    def _exists(self, url):
        database = sa.engine.make_url(url).database
        if self.backend == 'sqlite':
            return os.path.exists(database)
        with self.engine.connect() as connection:
            names = connection.exec_driver_sql(
                LIST_DATABASES[self.backend]).scalars().all()
        return database in names

    def test_scratch_database_is_another_one_dropped_afterwards(self):
        with models_sync.ScratchDatabase(self.url) as scratch:
            sa.Table('t', sa.MetaData(),
                     sa.Column('id', sa.Integer)).create(scratch.engine)
            self.assertEqual(['t'],
                             sa.inspect(scratch.engine).get_table_names())
            self.assertEqual([], sa.inspect(self.engine).get_table_names())
            self.assertTrue(self._exists(scratch.url))
        self.assertFalse(self._exists(scratch.url))
