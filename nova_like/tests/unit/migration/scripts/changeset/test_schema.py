"""The functions of migrate.changeset.schema, on each backend."""
import sqlalchemy as sa

from nova_like.migration.scripts.changeset import schema
from nova_like.tests import backends
from nova_like.tests.unit.migration.scripts.changeset import scripttest

load_tests = backends.load_tests


class TestFunctions(scripttest.ChangesetTestCase):

    def setUp(self):
        super(TestFunctions, self).setUp()
        self.child = self.load('child')

    def test_create_and_drop_column(self):
        column = sa.Column('colour', sa.String(10))
        schema.create_column(column, self.child)
        self.assertIn('colour', self.column_names('child'))
        schema.drop_column('colour', self.child)
        self.assertNotIn('colour', self.column_names('child'))
        schema.create_column(sa.Column('note', sa.Text()), self.child)
        schema.drop_column(self.child.c.note)
        self.assertNotIn('note', self.column_names('child'))

    def test_alter_column_by_object_and_by_name(self):
        schema.alter_column(self.child.c.size, nullable=False)
        self.assertFalse(self.column_info('child', 'size')['nullable'])
        schema.alter_column('size', table=self.child, name='weight')
        self.assertIn('weight', self.column_names('child'))

    def test_rename_table_by_name(self):
        schema.rename_table('child', 'kid')
        self.assertIn('kid', self.inspector().get_table_names())
        schema.rename_table(self.load('kid'), 'child',
                            engine=self.connection)
        self.assertIn('child', self.inspector().get_table_names())

    def test_rename_index_by_name(self):
        schema.rename_index('ix_child_size', 'ix_child_weight',
                            table='child')
        self.assertIn('ix_child_weight', self.index_names('child'))
        index = next(index for index in self.load('child').indexes
                     if index.name == 'ix_child_weight')
        schema.rename_index(index, 'ix_child_size2', engine=self.bind)
        self.assertIn('ix_child_size2', self.index_names('child'))
