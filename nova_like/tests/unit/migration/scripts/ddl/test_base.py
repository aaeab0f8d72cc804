"""The DDL implementations, through the common API, on every backend."""
import sqlalchemy as sa
from sqlalchemy import event

from nova_like import exception
from nova_like.migration.scripts import ddl
from nova_like.tests import backends
from nova_like.tests.unit.migration.scripts.ddl import dbtest

load_tests = backends.load_tests


class DDLTestCase(dbtest.StepTestCase):

    def setUp(self):
        super(DDLTestCase, self).setUp()
        self.prepare()
        self.impl = ddl.impl_for(self.connection)


class TestColumns(DDLTestCase):

    def test_add_column_not_null_with_server_default(self):
        self.impl.add_column('child', sa.Column(
            'colour', sa.String(10), nullable=False, server_default='red'))
        info = self.column_info('child', 'colour')
        self.assertFalse(info['nullable'])
        self.assertIn('red', info['default'])
        self.assertEqual([(1, 'red'), (2, 'red')],
                         self.rows('child', 'id', 'colour'))

    def test_add_nullable_column(self):
        self.impl.add_column('child', sa.Column('note', sa.Text()))
        self.assertTrue(self.column_info('child', 'note')['nullable'])
        self.assertEqual([(1, None), (2, None)],
                         self.rows('child', 'id', 'note'))

    def test_drop_column_takes_its_index_and_check(self):
        self.impl.drop_column('child', 'size')
        self.assertEqual(['id', 'name', 'parent_id'],
                         self.column_names('child'))
        self.assertNotIn('ix_child_size', self.index_names('child'))
        self.assertEqual([], self.check_names('child'))
        self.assertEqual([(1, 'a', 1), (2, 'b', 2)], self.rows('child'))
        self.assertEqual(['uq_child_name'], self.unique_names('child'))


class TestAlterColumn(DDLTestCase):

    def test_type(self):
        self.impl.alter_column('child', 'name', type_=sa.String(50))
        info = self.column_info('child', 'name')
        self.assertEqual(50, info['type'].length)
        self.assertFalse(info['nullable'])
        self.assertEqual(['uq_child_name'], self.unique_names('child'))
        self.assertEqual([(1, 'a'), (2, 'b')], self.rows('child', 'id',
                                                         'name'))

    def test_nullable(self):
        self.impl.alter_column('child', 'size', nullable=False)
        self.assertFalse(self.column_info('child', 'size')['nullable'])
        self.impl.alter_column('child', 'name', nullable=True)
        self.assertTrue(self.column_info('child', 'name')['nullable'])
        self.assertIn('0', self.column_info('child', 'size')['default'])
        self.assertEqual([(1, 3), (2, 4)], self.rows('child', 'id', 'size'))

    def test_server_default_set_and_dropped(self):
        self.impl.alter_column('child', 'size', server_default='7')
        self.connection.execute(sa.text(
            "INSERT INTO child (id, name) VALUES (3, 'c')"))
        self.assertEqual([(1, 3), (2, 4), (3, 7)],
                         self.rows('child', 'id', 'size'))
        self.impl.alter_column('child', 'size', server_default=None)
        self.assertIsNone(self.column_info('child', 'size')['default'])

    def test_name(self):
        self.impl.alter_column('child', 'size', name='weight')
        self.assertEqual(['id', 'name', 'weight', 'parent_id'],
                         self.column_names('child'))
        self.assertEqual(['weight'],
                         self.index_columns('child')['ix_child_size'])
        self.assertEqual([(1, 3), (2, 4)], self.rows('child', 'id',
                                                     'weight'))

    def test_everything_at_once(self):
        self.impl.alter_column('child', 'size', name='weight',
                               type_=sa.BigInteger(), nullable=False,
                               server_default='9')
        info = self.column_info('child', 'weight')
        self.assertIsInstance(info['type'], sa.BigInteger)
        self.assertFalse(info['nullable'])
        self.assertIn('9', info['default'])
        self.assertEqual([(1, 3), (2, 4)], self.rows('child', 'id',
                                                     'weight'))

    def test_nothing_to_change_runs_nothing(self):
        statements = []
        event.listen(self.connection, 'before_cursor_execute',
                     lambda *args: statements.append(args[2]))
        self.impl.alter_column('child', 'size')
        self.assertEqual([], statements)


class TestRenames(DDLTestCase):

    def test_rename_table(self):
        self.impl.rename_table('child', 'kid')
        tables = self.inspector().get_table_names()
        self.assertIn('kid', tables)
        self.assertNotIn('child', tables)
        self.assertEqual([(1, 'a', 3, 1), (2, 'b', 4, 2)], self.rows('kid'))
        self.assertEqual(['parent'], [
            fk[1] for fk in self.foreign_keys('kid').values()])
        self.assertIn('ix_child_size', self.index_names('kid'))

    def test_rename_index(self):
        self.impl.rename_index('child', 'ix_child_size', 'ix_child_weight')
        self.assertEqual(['size'],
                         self.index_columns('child')['ix_child_weight'])
        self.assertNotIn('ix_child_size', self.index_names('child'))

    def test_rename_unique_index_stays_unique(self):
        sa.Index('ix_parent_name', sa.Table(
            'parent', sa.MetaData(), autoload_with=self.connection).c.name,
            unique=True).create(self.connection)
        self.impl.rename_index('parent', 'ix_parent_name', 'ix_parent_n')
        index = next(index for index in self.inspector().get_indexes(
            'parent') if index['name'] == 'ix_parent_n')
        self.assertTrue(index['unique'])


class TestConstraints(DDLTestCase):

    def test_unique(self):
        self.impl.create_unique('parent', 'uq_parent_name', ['name'])
        self.assertEqual(['uq_parent_name'], self.unique_names('parent'))
        self.impl.drop_constraint('parent', 'uq_parent_name', 'unique')
        self.assertEqual([], self.unique_names('parent'))
        self.assertEqual([(1, 'p1'), (2, 'p2')], self.rows('parent'))

    def test_foreign_key(self):
        self.impl.drop_constraint('child', 'fk_child_parent', 'foreignkey')
        self.assertEqual({}, self.foreign_keys('child'))
        self.impl.create_foreign_key('child', 'fk_child_parent2',
                                     ['parent_id'], 'parent', ['id'],
                                     ondelete='SET NULL')
        self.assertEqual(
            {'fk_child_parent2': (['parent_id'], 'parent', ['id'],
                                  'SET NULL')}, self.foreign_keys('child'))
        self.assertEqual([(1, 'a', 3, 1), (2, 'b', 4, 2)],
                         self.rows('child'))

    def test_check(self):
        self.impl.drop_constraint('child', 'ck_child_size', 'check')
        self.assertEqual([], self.check_names('child'))
        self.impl.create_check('child', 'ck_child_size2', 'size < 100')
        self.assertEqual(['ck_child_size2'], self.check_names('child'))
        self.assertRaises(sa.exc.DBAPIError, self.connection.execute,
                          sa.text("INSERT INTO child (id, name, size) "
                                  "VALUES (9, 'z', 500)"))

    def test_primary_key(self):
        table = sa.Table('pairs', sa.MetaData(),
                         sa.Column('a', sa.Integer, nullable=False),
                         sa.Column('b', sa.Integer, nullable=False))
        table.create(self.connection)
        self.connection.execute(table.insert(), [{'a': 1, 'b': 2}])
        self.impl.create_primary_key('pairs', 'pairs_pkey', ['a', 'b'])
        self.assertEqual(['a', 'b'], self.key_columns('pairs', 'pairs_pkey'))
        self.impl.drop_constraint('pairs', 'pairs_pkey', 'primary')
        self.assertEqual([], self.key_columns('pairs', 'pairs_pkey'))
        self.assertEqual([(1, 2)], self.rows('pairs'))

    def test_unknown_kind_is_refused(self):
        error = self.assertRaises(
            exception.UnsupportedOperation, self.impl.drop_constraint,
            'child', 'ck_child_size', 'exclusion')
        self.assertIn("'exclusion'", error.message)
