"""Column.create() / Column.drop() and their Table forms, on each backend."""
import sqlalchemy as sa

from nova_like import exception
from nova_like.migration.scripts.changeset import exceptions
from nova_like.tests import backends
from nova_like.tests.unit.migration.scripts.changeset import scripttest

load_tests = backends.load_tests


class TestCreate(scripttest.ChangesetTestCase):

    def setUp(self):
        super(TestCreate, self).setUp()
        self.child = self.load('child')

    def test_appends_and_fills_rows_with_the_default(self):
        column = sa.Column('colour', sa.String(10), default='red')
        self.assertIs(column, column.create(self.child))
        self.assertIs(column, self.child.c.colour)
        self.assertEqual([(1, 'red'), (2, 'red')],
                         self.rows('child', 'id', 'colour'))
        self.connection.execute(self.child.insert().values(id=3, name='c'))
        self.assertEqual((3, 'red'), self.rows('child', 'id', 'colour')[2])

    def test_populate_default_false_leaves_rows_alone(self):
        sa.Column('colour', sa.String(10), default='red').create(
            self.child, populate_default=False)
        self.assertEqual([(1, None), (2, None)],
                         self.rows('child', 'id', 'colour'))

    def test_callable_default_fills_rows(self):
        sa.Column('colour', sa.String(10), default=lambda: 'blue').create(
            self.child)
        self.assertEqual([(1, 'blue'), (2, 'blue')],
                         self.rows('child', 'id', 'colour'))

    def test_sql_expression_default_fills_rows(self):
        sa.Column('colour', sa.String(10),
                  default=sa.func.lower('GREY')).create(self.child)
        self.assertEqual([(1, 'grey'), (2, 'grey')],
                         self.rows('child', 'id', 'colour'))

    def test_server_default_and_not_null(self):
        sa.Column('colour', sa.String(10), nullable=False,
                  server_default='green').create(self.child)
        info = self.column_info('child', 'colour')
        self.assertFalse(info['nullable'])
        self.assertEqual([(1, 'green'), (2, 'green')],
                         self.rows('child', 'id', 'colour'))

    def test_create_column_with_a_column(self):
        column = sa.Column('colour', sa.String(10))
        self.child.create_column(column)
        self.assertIn('colour', self.column_names('child'))
        self.assertIs(column, self.child.c.colour)

    def test_create_column_with_the_name_of_a_table_column(self):
        self.child.append_column(sa.Column('colour', sa.String(10)))
        self.child.create_column('colour')
        self.assertIn('colour', self.column_names('child'))

    def test_create_column_with_an_unknown_name_is_refused(self):
        self.assertRaises(exceptions.UnsupportedChange,
                          self.child.create_column, 'colour')

    def test_index_name(self):
        column = sa.Column('weight', sa.Integer)
        column.create(self.child, index_name='ix_child_weight')
        self.assertEqual(['weight'],
                         self.index_columns('child')['ix_child_weight'])
        index = next(index for index in self.inspector().get_indexes(
            'child') if index['name'] == 'ix_child_weight')
        self.assertFalse(index['unique'])
        self.assertIn('ix_child_weight',
                      [index.name for index in self.child.indexes])

    def test_unique_name(self):
        sa.Column('code', sa.Integer).create(self.child,
                                             unique_name='uq_child_code')
        self.assertIn('uq_child_code', self.unique_names('child'))

    def test_primary_key_name(self):
        pairs = self.create_pairs()
        column = sa.Column('k', sa.Integer, primary_key=True,
                           server_default='1')
        column.create(pairs, primary_key_name='pairs_pkey')
        self.assertEqual(['k'], self.key_columns('pairs', 'pairs_pkey'))
        self.assertEqual([pairs.c.k], list(pairs.primary_key.columns))

    def test_foreign_key_of_the_column(self):
        sa.Column('other_id', sa.Integer, sa.ForeignKey('parent.id')).create(
            self.child)
        self.assertIn((['other_id'], 'parent', ['id'], None),
                      self.foreign_keys('child').values())

    def test_flags_without_names_are_refused_as_migrate_did(self):
        for column, keyword in (
                (sa.Column('x', sa.Integer, index=True), 'index_name'),
                (sa.Column('x', sa.Integer, unique=True), 'unique_name'),
                (sa.Column('x', sa.Integer, primary_key=True),
                 'primary_key_name')):
            self.assertRaises(exceptions.InvalidConstraintError,
                              column.create, self.child)
            self.assertRaises(exceptions.InvalidConstraintError,
                              column.create, self.child, **{keyword: 7})
        self.assertNotIn('x', self.column_names('child'))

    def test_column_level_check_is_refused(self):
        column = sa.Column('x', sa.Integer, sa.CheckConstraint('x > 0'))
        error = self.assertRaises(exceptions.NotSupportedError,
                                  column.create, self.child)
        self.assertIsInstance(error, exception.UnsupportedOperation)

    def test_column_of_another_table_is_refused(self):
        parent = self.load('parent')
        self.assertRaises(exceptions.UnsupportedChange,
                          parent.c.name.create, self.child)
        self.assertEqual(['id', 'name', 'size', 'parent_id'],
                         self.column_names('child'))

    def test_column_without_table_is_refused(self):
        self.assertRaises(exceptions.UnsupportedChange,
                          sa.Column('x', sa.Integer).create)


class TestDrop(scripttest.ChangesetTestCase):

    def setUp(self):
        super(TestDrop, self).setUp()
        self.child = self.load('child')

    def test_drop_column_object(self):
        column = self.child.c.size
        self.assertIs(column, column.drop())
        self.assertEqual(['id', 'name', 'parent_id'],
                         self.column_names('child'))
        self.assertEqual(['id', 'name', 'parent_id'], self.child.c.keys())
        self.assertIsNone(column.table)
        self.assertNotIn('ix_child_size',
                         [index.name for index in self.child.indexes])
        self.assertEqual([(1, 'a', 1), (2, 'b', 2)], self.rows('child'))

    def test_drop_column_by_name(self):
        self.child.drop_column('size')
        self.assertNotIn('size', self.column_names('child'))
        self.assertNotIn('size', self.child.c)

    def test_drop_column_by_column(self):
        self.child.drop_column(self.child.c.size)
        self.assertNotIn('size', self.column_names('child'))

    def test_drop_column_the_table_object_does_not_know(self):
        table = sa.Table('child', sa.MetaData(), sa.Column('id', sa.Integer))
        table.drop_column('size')
        self.assertNotIn('size', self.column_names('child'))

    def test_drop_with_an_explicit_table(self):
        sa.Column('size', sa.Integer).drop(self.child)
        self.assertNotIn('size', self.column_names('child'))
        self.assertNotIn('size', self.child.c)

    def test_indexes_of_the_table_object_shrink(self):
        sa.Index('ix_child_name_size', self.child.c.name,
                 self.child.c.size).create(self.connection)
        self.child.c.size.drop()
        index = next(index for index in self.child.indexes
                     if index.name == 'ix_child_name_size')
        self.assertEqual(['name'], [column.name for column in index.columns])
