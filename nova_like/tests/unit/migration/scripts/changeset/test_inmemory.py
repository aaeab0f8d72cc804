"""The script's Table objects follow the DDL (no database needed)."""
from oslotest import base
import sqlalchemy as sa

from nova_like.migration.scripts.changeset import inmemory


class InMemoryTestCase(base.BaseTestCase):

    def setUp(self):
        super(InMemoryTestCase, self).setUp()
        self.metadata = sa.MetaData()
        self.parent = sa.Table('parent', self.metadata,
                               sa.Column('id', sa.Integer, primary_key=True))
        self.table = sa.Table(
            'child', self.metadata,
            sa.Column('id', sa.Integer, primary_key=True),
            sa.Column('code', sa.String(5)),
            sa.Column('size', sa.Integer),
            sa.Column('parent_id', sa.Integer, sa.ForeignKey('parent.id')),
            sa.UniqueConstraint('code', 'size', name='uq_code_size'),
            sa.PrimaryKeyConstraint('id', 'size'))
        sa.Index('ix_code_size', self.table.c.code, self.table.c.size)
        sa.Index('ix_size', self.table.c.size)


class TestRenameColumn(InMemoryTestCase):

    def test_position_and_every_collection(self):
        column = self.table.c.size
        inmemory.rename_column(self.table, column, 'weight')
        self.assertEqual(['id', 'code', 'weight', 'parent_id'],
                         self.table.c.keys())
        self.assertIs(column, self.table.c.weight)
        self.assertEqual(['id', 'weight'],
                         self.table.primary_key.columns.keys())
        unique = next(item for item in self.table.constraints
                      if item.name == 'uq_code_size')
        self.assertEqual(['code', 'weight'], unique.columns.keys())
        self.assertEqual('SELECT child.id, child.code, child.weight, '
                         'child.parent_id \nFROM child',
                         str(sa.select(self.table)))

    def test_a_key_of_its_own_is_kept(self):
        column = sa.Column('label', sa.String(5), key='lbl')
        self.table.append_column(column)
        inmemory.rename_column(self.table, column, 'tag')
        self.assertEqual(('tag', 'lbl'), (column.name, column.key))


class TestDetachColumn(InMemoryTestCase):

    def test_indexes_shrink_constraints_go(self):
        column = self.table.c.size
        inmemory.detach_column(self.table, 'size')
        self.assertEqual(['id', 'code', 'parent_id'], self.table.c.keys())
        self.assertIsNone(column.table)
        self.assertEqual({'ix_code_size': ['code']}, {
            index.name: index.columns.keys() for index in self.table.indexes})
        self.assertEqual(['id'], self.table.primary_key.columns.keys())
        self.assertNotIn('uq_code_size',
                         [item.name for item in self.table.constraints])

    def test_foreign_keys_go(self):
        inmemory.detach_column(self.table, 'parent_id')
        self.assertEqual(set(), self.table.foreign_keys)
        self.assertEqual([], [item for item in self.table.constraints
                              if isinstance(item, sa.ForeignKeyConstraint)])

    def test_unknown_name_changes_nothing(self):
        inmemory.detach_column(self.table, 'nope')
        self.assertEqual(4, len(self.table.c))


class TestOthers(InMemoryTestCase):

    def test_attach_replaces_a_column_of_the_same_name(self):
        column = sa.Column('code', sa.String(10))
        inmemory.attach_column(self.table, column)
        self.assertIs(column, self.table.c.code)
        inmemory.attach_column(self.table, column)
        self.assertEqual(4, len(self.table.c))

    def test_rename_table(self):
        inmemory.rename_table(self.table, 'kid')
        self.assertEqual(['kid', 'parent'], sorted(self.metadata.tables))
        self.assertIs(self.table, self.metadata.tables['kid'])
        self.assertEqual(('kid', 'kid'), (self.table.name,
                                          self.table.fullname))

    def test_set_primary_key(self):
        inmemory.set_primary_key(self.table, self.table.c.code, True)
        self.assertEqual(['id', 'size', 'code'],
                         self.table.primary_key.columns.keys())
        inmemory.set_primary_key(self.table, self.table.c.size, False)
        self.assertEqual(['id', 'code'],
                         self.table.primary_key.columns.keys())
        self.assertFalse(self.table.c.size.primary_key)

    def test_forget_constraint(self):
        foreign_key = next(iter(self.table.c.parent_id.foreign_keys))
        inmemory.forget_constraint(self.table, foreign_key.constraint)
        self.assertEqual(set(), self.table.c.parent_id.foreign_keys)
        self.assertEqual(set(), self.table.foreign_keys)
