"""Column.alter(), every keyword and the positional forms, on each backend."""
import logging

import fixtures
from oslotest import base
import sqlalchemy as sa
from sqlalchemy.dialects import sqlite

from nova_like.migration.scripts.changeset import alter
from nova_like.migration.scripts.changeset import constraint
from nova_like.migration.scripts.changeset import exceptions
from nova_like.tests import backends
from nova_like.tests.unit.migration.scripts.changeset import scripttest

load_tests = backends.load_tests


class AlterTestCase(scripttest.ChangesetTestCase):

    def setUp(self):
        super(AlterTestCase, self).setUp()
        self.child = self.load('child')


class TestKeywords(AlterTestCase):

    def test_nullable(self):
        self.assertIs(self.child.c.size,
                      self.child.c.size.alter(nullable=False))
        self.assertFalse(self.column_info('child', 'size')['nullable'])
        self.assertFalse(self.child.c.size.nullable)
        self.child.c.name.alter(nullable=True)
        self.assertTrue(self.column_info('child', 'name')['nullable'])
        self.assertEqual([(1, 3), (2, 4)], self.rows('child', 'id', 'size'))

    def test_type(self):
        self.child.c.name.alter(type=sa.String(50))
        self.assertEqual(50, self.column_info('child', 'name')['type'].length)
        self.assertEqual(50, self.child.c.name.type.length)
        self.assertEqual([(1, 'a'), (2, 'b')],
                         self.rows('child', 'id', 'name'))

    def test_type_given_as_a_class(self):
        self.child.c.size.alter(type=sa.BigInteger)
        self.assertIsInstance(self.column_info('child', 'size')['type'],
                              sa.BigInteger)
        self.assertIsInstance(self.child.c.size.type, sa.BigInteger)

    def test_name(self):
        column = self.child.c.size
        column.alter(name='weight')
        self.assertEqual(['id', 'name', 'weight', 'parent_id'],
                         self.column_names('child'))
        self.assertEqual(['id', 'name', 'weight', 'parent_id'],
                         self.child.c.keys())
        self.assertIs(column, self.child.c.weight)
        index = next(index for index in self.child.indexes
                     if index.name == 'ix_child_size')
        self.assertEqual(['weight'], index.columns.keys())
        # Statements built from the renamed object name the new column.
        self.assertEqual([(1, 3), (2, 4)], sorted(self.connection.execute(
            sa.select(self.child.c.id, self.child.c.weight)).fetchall()))

    def test_server_default_set_and_dropped(self):
        self.child.c.size.alter(server_default='5')
        self.assertIn('5', self.column_info('child', 'size')['default'])
        self.assertEqual('5', self.child.c.size.server_default.arg)
        self.assertIs(self.child.c.size,
                      self.child.c.size.server_default.column)
        self.child.c.size.alter(server_default=None)
        self.assertIsNone(self.column_info('child', 'size')['default'])
        self.assertIsNone(self.child.c.size.server_default)

    def test_default_changes_only_the_python_default(self):
        self.child.c.size.alter(default=9)
        self.assertIn('0', self.column_info('child', 'size')['default'])
        self.connection.execute(self.child.insert().values(id=3, name='c'))
        self.assertEqual((3, 9), self.rows('child', 'id', 'size')[2])
        self.child.c.size.alter(default=None)
        self.assertIsNone(self.child.c.size.default)

    def test_unique_changes_only_the_table_object(self):
        logger = self.useFixture(fixtures.FakeLogger(level=logging.WARNING))
        self.child.c.size.alter(unique=True)
        self.assertTrue(self.child.c.size.unique)
        self.assertEqual(['uq_child_name'], self.unique_names('child'))
        self.assertIn('changes no schema', logger.output)

    def test_primary_key_changes_only_the_table_object(self):
        pairs = self.create_pairs(primary_key=['a'])
        pairs.c.b.alter(primary_key=True)
        self.assertEqual(['a'], self.primary_key('pairs'))
        self.assertTrue(pairs.c.b.primary_key)
        self.assertEqual(['a', 'b'], pairs.primary_key.columns.keys())
        pairs.c.b.alter(primary_key=False)
        self.assertEqual(['a'], pairs.primary_key.columns.keys())

    def test_primary_key_then_a_key_constraint_rebuilds_the_key(self):
        # The idiom of real scripts: drop the key, mark one more column,
        # create the key from the marked columns.
        pairs = self.create_pairs(primary_key=['a'])
        constraint.PrimaryKeyConstraint(table=pairs).drop()
        self.assertEqual([], self.primary_key('pairs'))
        pairs.c.b.alter(primary_key=True)
        constraint.PrimaryKeyConstraint(table=pairs).create()
        self.assertEqual(['a', 'b'], self.key_columns('pairs', 'pairs_pkey'))
        self.assertEqual([(1, 2)], self.rows('pairs'))

    def test_everything_at_once(self):
        self.child.c.size.alter(name='weight', type=sa.BigInteger(),
                                nullable=False, server_default='8')
        info = self.column_info('child', 'weight')
        self.assertIsInstance(info['type'], sa.BigInteger)
        self.assertFalse(info['nullable'])
        self.assertIn('8', info['default'])
        self.assertEqual([(1, 3), (2, 4)], self.rows('child', 'id',
                                                     'weight'))

    def test_stand_alone_column_with_table(self):
        sa.Column('size', sa.Integer).alter(table=self.child, nullable=False)
        self.assertFalse(self.column_info('child', 'size')['nullable'])
        self.assertFalse(self.child.c.size.nullable)

    def test_table_name_instead_of_table_is_refused(self):
        self.assertRaises(exceptions.UnsupportedChange,
                          sa.Column('size', sa.Integer).alter,
                          table='child', nullable=False)

    def test_unknown_keyword_is_refused(self):
        error = self.assertRaises(exceptions.NotSupportedError,
                                  self.child.c.size.alter,
                                  autoincrement=False)
        self.assertIn('autoincrement', str(error))


class TestPositional(AlterTestCase):

    def test_new_column_differing_in_type(self):
        self.child.c.name.alter(sa.Column('name', sa.String(40),
                                          nullable=False))
        info = self.column_info('child', 'name')
        self.assertEqual(40, info['type'].length)
        self.assertFalse(info['nullable'])
        self.assertEqual(['uq_child_name'], self.unique_names('child'))

    def test_new_column_differing_in_name_and_nullability(self):
        self.child.c.name.alter(sa.Column('label', sa.String(20)))
        info = self.column_info('child', 'label')
        self.assertTrue(info['nullable'])
        self.assertEqual(20, info['type'].length)
        self.assertIn('label', self.child.c)

    def test_same_column_changes_nothing(self):
        before = str(self.column_info('child', 'size'))
        self.child.c.size.alter(sa.Column('size', sa.Integer,
                                          server_default='0'))
        self.assertEqual(before, str(self.column_info('child', 'size')))
        self.assertEqual([(1, 3), (2, 4)], self.rows('child', 'id', 'size'))

    def test_name_and_type(self):
        self.child.c.name.alter('label', sa.String(30))
        self.assertEqual(30, self.column_info('child', 'label')['type'].length)
        self.assertEqual(30, self.child.c.label.type.length)

    def test_keywords_win(self):
        self.child.c.name.alter(sa.Column('label', sa.String(20),
                                          nullable=False), name='tag')
        self.assertIn('tag', self.column_names('child'))
        self.assertNotIn('label', self.column_names('child'))

    def test_other_values_are_refused(self):
        self.assertRaises(exceptions.UnsupportedChange,
                          self.child.c.size.alter, 42)


class TestCollect(base.BaseTestCase):
    """What a call asks to change, without a database."""

    def setUp(self):
        super(TestCollect, self).setUp()
        self.dialect = sqlite.dialect()
        self.column = sa.Column('size', sa.INTEGER(), nullable=True,
                                server_default=sa.text("'0'"))

    def test_a_reflected_column_equals_its_declaration(self):
        self.assertEqual({}, alter.collect(
            self.column, [sa.Column('size', sa.Integer, server_default='0')],
            {}, self.dialect))

    def test_differences_are_noted(self):
        new = sa.Column('weight', sa.BigInteger, nullable=False,
                        primary_key=True)
        wanted = alter.collect(self.column, [new], {}, self.dialect)
        self.assertEqual(['name', 'nullable', 'primary_key',
                          'server_default', 'type'], sorted(wanted))
        self.assertEqual('weight', wanted['name'])
        self.assertIs(new.type, wanted['type'])
        self.assertIsNone(wanted['server_default'])

    def test_positional_values(self):
        default = sa.DefaultClause('3')
        self.assertEqual(
            {'name': 'weight', 'type': sa.BigInteger,
             'server_default': default},
            alter.collect(self.column, ['weight', sa.BigInteger, default],
                          {}, self.dialect))
