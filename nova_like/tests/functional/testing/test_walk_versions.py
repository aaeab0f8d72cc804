"""nova_like.testing.walk_versions on every backend."""
from oslotest import base
import sqlalchemy as sa

from nova_like import exception
from nova_like.migration import api
from nova_like.migration import recorder
from nova_like.testing import walk_versions
from nova_like.tests import backends
from nova_like.tests import scenario

load_tests = backends.load_tests

HEADER = 'import sqlalchemy as sa'
CREATE = '''
meta = sa.MetaData(bind=migrate_engine)
sa.Table('walk_a', meta, sa.Column('id', sa.Integer, primary_key=True),
         mysql_engine='InnoDB').create()
'''
DROP = "sa.Table('walk_a', sa.MetaData(bind=migrate_engine), " \
       "autoload=True).drop()"
ADD_COLUMN = '''
table = sa.Table('walk_a', sa.MetaData(bind=migrate_engine), autoload=True)
table.create_column(sa.Column('name', sa.String(64)))
'''
DROP_COLUMN = '''
table = sa.Table('walk_a', sa.MetaData(bind=migrate_engine), autoload=True)
table.drop_column('name')
'''
CREATE_B = '''
sa.Table('walk_b', sa.MetaData(bind=migrate_engine),
         sa.Column('id', sa.Integer, primary_key=True)).create()
'''
VERSION_TABLES = {'migrate_version', recorder.HISTORY_TABLE}


class TestWalkBundledRepository(walk_versions.WalkVersionsMixin,
                                backends.BackendTestCase):
    """The bundled repository, with hooks checking its data migration."""

    repository_path = api.bundled_repository()

    def setUp(self):
        super().setUp()
        self.calls = []

    def _pre_upgrade_117(self, engine):
        self.calls.append('pre 117')
        nodes = sa.Table('compute_nodes', sa.MetaData(), autoload_with=engine)
        fields = dict(vcpus=1, memory_mb=1, local_gb=1, vcpus_used=0,
                      memory_mb_used=0, local_gb_used=0,
                      hypervisor_type='qemu')
        with engine.begin() as connection:
            connection.execute(nodes.insert(), [
                dict(fields, id=1, cpu_info=None),
                dict(fields, id=2, cpu_info='{"arch": "x86_64"}')])
        return {1: '{}', 2: '{"arch": "x86_64"}'}

    def _check_117(self, engine, expected):
        self.calls.append('check 117')
        with engine.connect() as connection:
            rows = connection.execute(sa.text(
                'SELECT id, cpu_info FROM compute_nodes')).all()
        self.assertEqual(expected, dict(rows))
        columns = {column['name']: column for column in
                   sa.inspect(engine).get_columns('compute_nodes')}
        self.assertFalse(columns['cpu_info']['nullable'])

    def _check_116(self, engine, data):
        self.calls.append('check 116')
        self.assertIsNone(data)
        self.assertIn('key_pairs', sa.inspect(engine).get_table_names())

    def test_walk_versions(self):
        self.walk_versions(snake_walk=True, downgrade=True)
        self.assertEqual(['check 116', 'pre 117', 'check 117'], self.calls)
        # The head defines no downgrade: the walk down stopped at once.
        self.assertEqual(119, api.db_version(self.url, self.repository_path))


class TestSnakeWalk(walk_versions.WalkVersionsMixin,
                    backends.BackendTestCase):
    """A scenario repository whose scripts define ``downgrade``."""

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())
        self.repository_path = self.repo.path
        self.repo.write_script(1, CREATE, DROP, header=HEADER)
        self.repo.write_script(2, ADD_COLUMN, DROP_COLUMN, header=HEADER)
        self.repo.write_placeholder(3)
        self.walk = []

    def migrate_up(self, version, with_data=False):
        self.walk.append(('up', version, with_data))
        super().migrate_up(version, with_data)

    def migrate_down(self, version, with_data=False):
        self.walk.append(('down', version, with_data))
        super().migrate_down(version, with_data)

    def _pre_upgrade_002(self, engine):
        with engine.begin() as connection:
            connection.execute(sa.text('INSERT INTO walk_a (id) VALUES (7)'))
        return 7

    def _check_002(self, engine, row_id):
        self.walk.append(('check', 2, row_id))
        with engine.connect() as connection:
            self.assertEqual([(7, None)], connection.execute(sa.text(
                'SELECT id, name FROM walk_a')).all())

    def _post_downgrade_002(self, engine):
        self.walk.append(('post_downgrade', 2))
        columns = [column['name'] for column in
                   sa.inspect(engine).get_columns('walk_a')]
        self.assertEqual(['id'], columns)

    def _tables(self):
        return set(sa.inspect(self.engine).get_table_names())

    def test_snake_walk_up_down_up(self):
        self.walk_versions(snake_walk=True)
        self.assertEqual([
            ('up', 1, True), ('down', 0, True), ('up', 1, False),
            ('up', 2, True), ('check', 2, 7), ('down', 1, True),
            ('post_downgrade', 2), ('up', 2, False),
            ('up', 3, True), ('down', 2, True), ('up', 3, False),
            ('down', 2, False), ('up', 3, False), ('down', 2, False),
            ('down', 1, False), ('up', 2, False), ('down', 1, False),
            ('down', 0, False), ('up', 1, False), ('down', 0, False)],
            self.walk)
        self.assertEqual(VERSION_TABLES, self._tables())

    def test_plain_walk_goes_up_then_down(self):
        self.walk_versions(snake_walk=False)
        self.assertEqual([('up', 1, True), ('up', 2, True), ('check', 2, 7),
                          ('up', 3, True), ('down', 2, False),
                          ('down', 1, False), ('down', 0, False)],
                         self.walk)
        self.assertEqual(0, api.db_version(self.url, self.repo.path))

    def test_no_downgrade_below_a_version_without_one(self):
        self.repo.write_script(4, CREATE_B, header=HEADER)
        self.walk_versions(snake_walk=True)
        self.assertEqual([('up', 3, True), ('down', 2, True),
                          ('up', 3, False), ('up', 4, True)], self.walk[-4:])
        self.assertEqual(4, api.db_version(self.url, self.repo.path))
        self.assertIn('walk_a', self._tables())

    def test_snake_walk_finds_a_downgrade_that_undoes_nothing(self):
        self.repo.write_script(1, CREATE, 'pass', header=HEADER)
        error = self.assertRaises(exception.MigrationFailed,
                                  self.walk_versions, snake_walk=True)
        self.assertEqual(1, error.version)
        self.assertEqual([('up', 1, True), ('down', 0, True),
                          ('up', 1, False)], self.walk)

    def test_repository_path_is_required(self):
        self.repository_path = None
        self.assertRaises(NotImplementedError, self.walk_versions)


class TestInMemorySQLite(walk_versions.WalkVersionsMixin, base.BaseTestCase):
    """``db sync`` cannot reach a database private to one connection."""

    repository_path = api.bundled_repository()

    def test_refused_with_guidance(self):
        self.engine = sa.create_engine('sqlite://')
        error = self.assertRaises(ValueError, self.walk_versions)
        self.assertIn('not SQLite in memory', str(error))
        self.assertIn('OS_TEST_DBAPI_ADMIN_CONNECTION', str(error))
