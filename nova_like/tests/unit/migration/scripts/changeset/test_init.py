"""PATCHES: what the environment installs, and nothing on import."""
from oslotest import base
import sqlalchemy as sa

from nova_like.migration.scripts import changeset
from nova_like.migration.scripts.changeset import alter
from nova_like.migration.scripts.changeset import columns
from nova_like.migration.scripts.changeset import tables
from nova_like.tests.unit.migration.scripts.changeset import scripttest


class TestPatches(base.BaseTestCase):

    def test_the_methods_scripts_call(self):
        self.assertEqual(
            [(sa.Column, 'create', columns.create),
             (sa.Column, 'drop', columns.drop),
             (sa.Column, 'alter', alter.alter),
             (sa.Table, 'create_column', tables.create_column),
             (sa.Table, 'drop_column', tables.drop_column),
             (sa.Table, 'rename', tables.rename),
             (sa.Index, 'rename', tables.rename_index)],
            list(changeset.PATCHES))

    def test_nothing_is_installed_by_importing(self):
        for owner, name, _function in changeset.PATCHES:
            self.assertNotIn(name, vars(owner), owner)

    def test_installed_and_removed(self):
        with scripttest.PatchesFixture():
            column = sa.Column('x', sa.Integer)
            self.assertEqual(columns.create, column.create.__func__)
            self.assertEqual(tables.rename_index,
                             sa.Index('i').rename.__func__)
        self.assertFalse(hasattr(sa.Column('x', sa.Integer), 'alter'))
