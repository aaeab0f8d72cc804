"""Table.rename() and Index.rename(), on each backend."""
import sqlalchemy as sa

from nova_like.migration.scripts.changeset import exceptions
from nova_like.tests import backends
from nova_like.tests.unit.migration.scripts.changeset import scripttest

load_tests = backends.load_tests


class TestRenameTable(scripttest.ChangesetTestCase):

    def test_database_and_metadata(self):
        metadata = sa.MetaData()
        child = self.load('child', metadata)
        child.rename('kid')
        tables = self.inspector().get_table_names()
        self.assertIn('kid', tables)
        self.assertNotIn('child', tables)
        self.assertEqual('kid', child.name)
        self.assertEqual('kid', child.fullname)
        self.assertIs(child, metadata.tables['kid'])
        self.assertNotIn('child', metadata.tables)
        self.assertEqual([(1, 'a'), (2, 'b')], sorted(self.connection.execute(
            sa.select(child.c.id, child.c.name)).fetchall()))
        self.assertEqual([(1, 'a', 3, 1), (2, 'b', 4, 2)], self.rows('kid'))


class TestRenameIndex(scripttest.ChangesetTestCase):

    def test_database_and_index_object(self):
        child = self.load('child')
        index = next(index for index in child.indexes
                     if index.name == 'ix_child_size')
        index.rename('ix_child_weight')
        self.assertEqual('ix_child_weight', index.name)
        self.assertEqual(['size'],
                         self.index_columns('child')['ix_child_weight'])
        self.assertNotIn('ix_child_size', self.index_names('child'))

    def test_index_of_no_table_is_refused(self):
        self.assertRaises(exceptions.UnsupportedChange,
                          sa.Index('ix_child_size').rename, 'ix_other')
