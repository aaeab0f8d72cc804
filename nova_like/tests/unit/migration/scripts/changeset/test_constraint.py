"""The migrate constraint classes: inside Table(...) and standalone."""
from oslotest import base
import sqlalchemy as sa

from nova_like.migration.scripts.changeset import constraint
from nova_like.migration.scripts.changeset import exceptions
from nova_like.migration.scripts import context
from nova_like.tests import backends
from nova_like.tests.unit.migration.scripts.changeset import scripttest

load_tests = backends.load_tests


class ConstraintTestCase(scripttest.ChangesetTestCase):

    def setUp(self):
        super(ConstraintTestCase, self).setUp()
        self.metadata = sa.MetaData()
        self.parent = self.load('parent', self.metadata)
        self.child = self.load('child', self.metadata)


class TestInsideTable(ConstraintTestCase):

    def test_create_table_with_every_class(self):
        sa.Table(
            'toys', self.metadata,
            sa.Column('id', sa.Integer, autoincrement=False),
            sa.Column('code', sa.String(10)),
            sa.Column('child_id', sa.Integer),
            constraint.PrimaryKeyConstraint('id', name='toys_pkey'),
            constraint.UniqueConstraint('code', 'child_id',
                                        name='uq_toys_code'),
            constraint.ForeignKeyConstraint(['child_id'], ['child.id'],
                                            name='fk_toys_child',
                                            ondelete='CASCADE'),
            constraint.CheckConstraint("code <> ''", name='ck_toys_code'),
        ).create(self.connection)
        self.assertEqual(['id'], self.primary_key('toys'))
        self.assertEqual(['uq_toys_code'], self.unique_names('toys'))
        self.assertEqual(
            {'fk_toys_child': (['child_id'], 'child', ['id'], 'CASCADE')},
            self.foreign_keys('toys'))
        self.assertEqual(['ck_toys_code'], self.check_names('toys'))


class TestUnique(ConstraintTestCase):

    def test_columns_give_the_table_and_the_name(self):
        unique = constraint.UniqueConstraint(self.parent.c.name)
        self.assertIs(self.parent, unique.table)
        self.assertIn(unique, self.parent.constraints)
        self.assertIs(unique, unique.create())
        self.assertEqual('parent_name_key', unique.name)
        self.assertEqual(['parent_name_key'], self.unique_names('parent'))
        unique.drop()
        self.assertEqual([], self.unique_names('parent'))
        self.assertNotIn(unique, self.parent.constraints)

    def test_names_with_table(self):
        constraint.UniqueConstraint('id', 'name', table=self.parent,
                                    name='uq_parent_id_name').create()
        self.assertEqual(['uq_parent_id_name'], self.unique_names('parent'))

    def test_drop_an_existing_constraint_by_name(self):
        constraint.UniqueConstraint('name', table=self.child,
                                    name='uq_child_name').drop()
        self.assertEqual([], self.unique_names('child'))
        self.assertEqual([(1, 'a'), (2, 'b')],
                         self.rows('child', 'id', 'name'))


class TestForeignKey(ConstraintTestCase):

    def setUp(self):
        super(TestForeignKey, self).setUp()
        constraint.ForeignKeyConstraint(
            columns=['parent_id'], refcolumns=['parent.id'],
            table=self.child, name='fk_child_parent').drop()

    def test_column_objects_and_autoname(self):
        foreign_key = constraint.ForeignKeyConstraint(
            columns=[self.child.c.parent_id], refcolumns=[self.parent.c.id],
            ondelete='CASCADE', onupdate='CASCADE')
        self.assertIs(self.child, foreign_key.table)
        foreign_key.create()
        self.assertEqual('child_parent_id_fkey', foreign_key.name)
        self.assertEqual(
            {'child_parent_id_fkey': (['parent_id'], 'parent', ['id'],
                                      'CASCADE')},
            self.foreign_keys('child'))
        self.assertEqual('CASCADE', self.inspector().get_foreign_keys(
            'child')[0]['options']['onupdate'])
        foreign_key.drop()
        self.assertEqual({}, self.foreign_keys('child'))
        self.assertEqual(set(), self.child.c.parent_id.foreign_keys)

    def test_names_with_table(self):
        constraint.ForeignKeyConstraint(
            ['parent_id'], ['parent.id'], table=self.child,
            name='fk_again', ondelete='SET NULL').create()
        self.assertEqual(
            {'fk_again': (['parent_id'], 'parent', ['id'], 'SET NULL')},
            self.foreign_keys('child'))
        self.assertEqual([(1, 'a', 3, 1), (2, 'b', 4, 2)],
                         self.rows('child'))


class TestPrimaryKey(ConstraintTestCase):

    def test_create_and_drop_with_autoname(self):
        pairs = self.create_pairs()
        key = constraint.PrimaryKeyConstraint(pairs.c.a, pairs.c.b)
        self.assertIs(key, pairs.primary_key)
        key.create()
        self.assertEqual('pairs_pkey', key.name)
        self.assertEqual(['a', 'b'], self.key_columns('pairs', 'pairs_pkey'))
        constraint.PrimaryKeyConstraint(table=pairs).drop()
        self.assertEqual([], self.key_columns('pairs', 'pairs_pkey'))
        self.assertEqual([(1, 2)], self.rows('pairs'))

    def test_names_with_table(self):
        pairs = self.create_pairs()
        constraint.PrimaryKeyConstraint('b', table=pairs,
                                        name='pairs_pkey').create()
        self.assertEqual(['b'], self.key_columns('pairs', 'pairs_pkey'))


class TestCheck(ConstraintTestCase):

    def test_columns_give_the_table_and_the_name(self):
        check = constraint.CheckConstraint('size < 100',
                                           columns=[self.child.c.size])
        self.assertIs(self.child, check.table)
        check.create()
        self.assertEqual('child_size_check', check.name)
        self.assertIn('child_size_check', self.check_names('child'))
        check.drop()
        self.assertNotIn('child_size_check', self.check_names('child'))

    def test_column_names_with_table(self):
        check = constraint.CheckConstraint('size < 100', columns=['size'],
                                           table=self.child).create()
        self.assertEqual('child_size_check', check.name)
        self.assertIn('child_size_check', self.check_names('child'))

    def test_expression_and_name(self):
        constraint.CheckConstraint(self.child.c.size < 100, table=self.child,
                                   name='ck_small').create()
        check = next(check for check in self.inspector().get_check_constraints(
            'child') if check['name'] == 'ck_small')
        self.assertNotIn('child.', check['sqltext'])
        self.assertRaises(sa.exc.DBAPIError, self.connection.execute,
                          sa.text("UPDATE child SET size = 500"))

    def test_neither_columns_nor_name_is_refused(self):
        check = constraint.CheckConstraint('size < 100', table=self.child)
        self.assertRaises(exceptions.InvalidConstraintError, check.create)


class TestBinds(ConstraintTestCase):

    def test_explicit_engine(self):
        self.useFixture(scripttest.PatchesFixture())
        unique = constraint.UniqueConstraint(self.parent.c.name)
        unique.create(engine=scripttest.FakeBind(self.connection))
        self.assertEqual(['parent_name_key'], self.unique_names('parent'))

    def test_cascade_is_refused(self):
        self.assertRaises(exceptions.NotSupportedError,
                          constraint.UniqueConstraint(
                              'name', table=self.child,
                              name='uq_child_name').drop, cascade=True)

    def test_constraint_of_no_table_is_refused(self):
        self.assertRaises(exceptions.UnsupportedChange,
                          constraint.UniqueConstraint('name').create)


class TestWithoutScript(base.BaseTestCase):
    """Outside a script, only a bound MetaData or an explicit bind work."""

    def setUp(self):
        super(TestWithoutScript, self).setUp()
        engine = sa.create_engine('sqlite://')
        self.connection = engine.connect()
        self.addCleanup(self.connection.close)
        self.metadata = sa.MetaData()
        self.table = sa.Table('t', self.metadata,
                              sa.Column('id', sa.Integer, primary_key=True),
                              sa.Column('code', sa.Integer))
        self.metadata.create_all(self.connection)

    def test_no_bind_is_refused(self):
        unique = constraint.UniqueConstraint(self.table.c.code)
        self.assertRaises(exceptions.UnsupportedChange, unique.create)

    def test_metadata_bound_by_the_script(self):
        self.metadata._legacy_bind = scripttest.FakeBind(self.connection)
        constraint.UniqueConstraint(self.table.c.code).create()
        self.assertEqual(['t_code_key'], [
            unique['name'] for unique in sa.inspect(
                self.connection).get_unique_constraints('t')])
        self.assertEqual([], context._active_binds)


class TestCopies(base.BaseTestCase):

    def test_to_metadata_keeps_the_constraints(self):
        metadata = sa.MetaData()
        sa.Table('parent', metadata, sa.Column('id', sa.Integer,
                                               primary_key=True))
        table = sa.Table(
            'toys', metadata, sa.Column('id', sa.Integer),
            sa.Column('code', sa.Integer),
            constraint.PrimaryKeyConstraint('id'),
            constraint.UniqueConstraint('code', name='uq_code'),
            constraint.ForeignKeyConstraint(['code'], ['parent.id'],
                                            name='fk_code'),
            constraint.CheckConstraint('code > 0', name='ck_code'))
        copy = table.to_metadata(sa.MetaData())
        names = sorted(str(item.name) for item in copy.constraints)
        self.assertEqual(['None', 'ck_code', 'fk_code', 'uq_code'], names)
        self.assertEqual(['id'], copy.primary_key.columns.keys())
