import os

import fixtures
from oslotest import base
import sqlalchemy as sa

from nova_like import exception
from nova_like.migration.lint import verify
from nova_like.migration import repository
from nova_like.tests import scenario
from nova_like.tests.unit.migration.lint import samples

# No error the second time, but another column.
ADDS_EACH_TIME = """
meta = MetaData(bind=migrate_engine)
t = Table('t', meta, autoload=True)
if hasattr(t.c, 'b'):
    t.create_column(Column('c', Integer))
else:
    t.create_column(Column('b', Integer))
"""
CREATE_FOO = """
if not migrate_engine.has_table('foo'):
    meta = MetaData(bind=migrate_engine)
    Table('foo', meta, Column('id', Integer, primary_key=True)).create()
"""
# A master migration between slot and twin that sees the slot's work.
EXTEND_FOO = """
if migrate_engine.has_table('foo'):
    meta = MetaData(bind=migrate_engine)
    foo = Table('foo', meta, autoload=True)
    foo.create_column(Column('bar', Integer))
"""


class TestVerify(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())
        samples.write_base(self.repo, releases='')

    def fill_slot(self, upgrade, backports='2 = 9'):
        samples.fill_slot(self.repo, upgrade, backports)

    def verify(self, url=None):
        return [(item.line, item.code, item.message) for item in
                verify.verify(repository.load(self.repo.path), url)]

    def codes(self, url=None):
        return [code for _line, code, _message in self.verify(url)]

    def test_idempotent_slot(self):
        self.fill_slot(samples.GUARDED_ADD_X)
        self.assertEqual([], self.verify())

    def test_second_run_fails(self):
        self.fill_slot(samples.ADD_X)
        found = self.verify()
        self.assertEqual(['NL301'], [code for _line, code, _msg in found])
        self.assertIn('running version 2 a second time fails', found[0][2])

    def test_second_run_changes_the_schema(self):
        self.fill_slot(ADDS_EACH_TIME)
        found = self.verify()
        self.assertEqual(['NL302'], [code for _line, code, _msg in found])
        self.assertIn('table t: column c: unexpected', found[0][2])

    def test_stable_path_then_master_equals_master(self):
        self.repo.write_script(4, CREATE_FOO, name='create_foo',
                               header=samples.HEADER)
        self.repo.write_releases('[placeholders]\nhavana = 2-3\n'
                                 '[backports]\n2 = 4\n')
        self.assertEqual([], self.verify())

    def test_stable_path_then_master_differs(self):
        self.repo.write_script(4, EXTEND_FOO, name='extend_foo',
                               header=samples.HEADER)
        self.repo.write_script(5, CREATE_FOO, name='create_foo',
                               header=samples.HEADER)
        self.repo.write_releases('[placeholders]\nhavana = 2-3\n'
                                 '[backports]\n2 = 5\n')
        found = self.verify()
        self.assertEqual(['NL303'], [code for _line, code, _msg in found])
        self.assertIn('table foo: column bar: unexpected', found[0][2])

    def test_filled_slot_and_twin_in_one_repository(self):
        self.fill_slot(samples.GUARDED_ADD_X, '2 = 4')
        self.repo.write_script(4, samples.GUARDED_ADD_X, name='fix',
                               header=samples.HEADER)
        self.assertEqual([], self.verify())

    def test_failing_version_is_reported_once(self):
        self.repo.write_script(1, "raise Exception('run the online data "
                               "migrations first')", name='create_t')
        self.fill_slot(samples.GUARDED_ADD_X)
        self.repo.write_script(4, samples.GUARDED_ADD_X,
                               header=samples.HEADER +
                               '\nBACKPORTABLE = True')
        found = self.verify()
        self.assertEqual(['NL304'], [code for _line, code, _msg in found])
        self.assertIn('fails at version 1', found[0][2])
        self.assertIn('run the online data migrations first', found[0][2])


class TestScratchDatabase(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.url = 'sqlite:///%s' % os.path.join(
            self.useFixture(fixtures.TempDir()).path, 'scratch.sqlite')
        self.engine = sa.create_engine(self.url)
        self.addCleanup(self.engine.dispose)

    def tables(self):
        return sa.inspect(self.engine).get_table_names()

    def test_refuses_a_database_with_tables(self):
        with self.engine.begin() as connection:
            connection.exec_driver_sql('CREATE TABLE precious (id INTEGER)')
        error = self.assertRaises(exception.DatabaseError, self._enter)
        self.assertIn('needs an empty scratch database', error.message)
        self.assertEqual(['precious'], self.tables())

    def _enter(self):
        with verify.scratch_databases(self.url):
            pass

    def test_given_database_is_emptied_after_each_use(self):
        with verify.scratch_databases(self.url) as fresh_database:
            for _round in range(2):
                with fresh_database() as connection:
                    self.assertEqual([], sa.inspect(
                        connection).get_table_names())
                    connection.rollback()
                    with connection.begin():
                        connection.exec_driver_sql('CREATE TABLE a (id INT)')
        self.assertEqual([], self.tables())

    def test_default_is_a_new_sqlite_file_each_time(self):
        with verify.scratch_databases() as fresh_database:
            with fresh_database() as first, fresh_database() as second:
                self.assertEqual('sqlite', first.dialect.name)
                self.assertNotEqual(first.engine.url, second.engine.url)
                directory = os.path.dirname(first.engine.url.database)
        self.assertFalse(os.path.exists(directory))
