"""SQLite: table rebuilds that keep everything, inside the transaction."""
from oslotest import base
import sqlalchemy as sa
from sqlalchemy import event

from nova_like import exception
from nova_like.migration.scripts import ddl
from nova_like.migration.scripts.ddl import sqlite
from nova_like.tests import backends
from nova_like.tests.unit.migration.scripts.ddl import dbtest

load_tests = backends.load_tests

# Every kind of constraint SQLite keeps, named and unnamed, an
# AUTOINCREMENT key, a partial index and a multi-column index.
_THINGS = '''CREATE TABLE things (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code VARCHAR(10) NOT NULL,
    label VARCHAR(20) DEFAULT 'none',
    amount INTEGER,
    owner_id INTEGER,
    CONSTRAINT uq_things_code UNIQUE (code),
    UNIQUE (label, amount),
    CONSTRAINT fk_things_owner FOREIGN KEY (owner_id)
        REFERENCES owners (id) ON DELETE CASCADE,
    CONSTRAINT ck_things_amount CHECK (amount >= 0),
    CHECK (code <> '')
)'''
_ROWS = [(1, 'a', 'x', 1, 1), (2, 'b', 'y', 2, None)]


class SQLiteDDLTestCase(dbtest.StepTestCase):

    scenarios = backends.backend_scenarios('sqlite')

    def setUp(self):
        super(SQLiteDDLTestCase, self).setUp()
        with self.connection.begin():
            self.sql('CREATE TABLE owners (id INTEGER PRIMARY KEY)')
            self.sql('INSERT INTO owners VALUES (1)')
            self.sql(_THINGS)
            self.sql('CREATE INDEX ix_things_label_amount ON things '
                     '(label, amount)')
            self.sql('CREATE INDEX ix_things_big ON things (amount) '
                     'WHERE amount > 100')
            for row in _ROWS:
                self.connection.execute(sa.text(
                    'INSERT INTO things VALUES (:a, :b, :c, :d, :e)'),
                    dict(zip('abcde', row)))
        self.connection.begin()
        self.impl = ddl.impl_for(self.connection)

    def sql(self, statement):
        return self.connection.exec_driver_sql(statement)

    def schema(self):
        """Return what reflection sees of ``things``.

        Not its SQL text, which a rebuild rewrites.
        """
        inspector = self.inspector()
        return {
            'columns': [(column['name'], str(column['type']),
                         column['nullable'], column['default'])
                        for column in inspector.get_columns('things')],
            'pk': self.primary_key('things'),
            'unique': sorted((unique['name'] or '', unique['column_names'])
                             for unique in inspector.get_unique_constraints(
                                 'things')),
            'fk': self.foreign_keys('things'),
            'check': sorted((check['name'] or '', check['sqltext'])
                            for check in inspector.get_check_constraints(
                                'things')),
            'indexes': sorted((index['name'], index['column_names'],
                               index['unique'], str(index.get(
                                   'dialect_options', {}).get('sqlite_where')))
                              for index in inspector.get_indexes('things')),
        }

    def master(self):
        return self.sql("SELECT type, name, sql FROM sqlite_master WHERE "
                        "tbl_name = 'things' ORDER BY name").fetchall()


class TestRebuild(SQLiteDDLTestCase):

    def test_keeps_constraints_indexes_and_autoincrement(self):
        before = self.schema()
        self.impl.alter_column('things', 'amount', type_=sa.BigInteger())
        after = self.schema()
        self.assertEqual(('amount', 'BIGINT', True, None),
                         after['columns'][3])
        after['columns'][3] = before['columns'][3]
        self.assertEqual(before, after)
        self.assertIn('AUTOINCREMENT', self.master()[-1][2])
        self.assertEqual(_ROWS, self.rows('things'))

    def test_rolled_back_rebuild_leaves_the_original_table(self):
        before = self.master()
        self.impl.alter_column('things', 'label', nullable=False)
        self.impl.drop_column('things', 'amount')
        self.assertNotEqual(before, self.master())
        self.connection.rollback()
        self.assertEqual(before, self.master())
        self.assertEqual(_ROWS, self.rows('things'))

    def test_type_change_converts_values(self):
        self.sql("UPDATE things SET label = '12' WHERE id = 1")
        self.sql("UPDATE things SET label = '34' WHERE id = 2")
        self.impl.alter_column('things', 'label', type_=sa.Integer())
        self.assertEqual([('integer',), ('integer',)], self.sql(
            'SELECT typeof(label) FROM things').fetchall())

    def test_rename_column_is_native(self):
        statements = []
        event.listen(self.connection, 'before_cursor_execute',
                     lambda *args: statements.append(args[2]))
        self.impl.alter_column('things', 'amount', name='quantity')
        self.assertEqual(1, len(statements))
        self.assertIn('RENAME COLUMN', statements[0])
        self.assertIn('quantity', self.master()[-1][2])
        self.assertEqual(['label', 'quantity'], self.index_columns(
            'things')['ix_things_label_amount'])

    def test_refused_for_a_table_with_triggers(self):
        self.sql('CREATE TRIGGER tr_things AFTER INSERT ON things BEGIN '
                 'UPDATE owners SET id = id; END')
        before = self.master()
        error = self.assertRaises(
            exception.UnsupportedOperation, self.impl.alter_column,
            'things', 'label', type_=sa.String(40))
        self.assertIn('tr_things', error.message)
        self.assertEqual(before, self.master())

    def test_refused_for_a_referenced_table_when_foreign_keys_are_on(self):
        self.connection.rollback()
        # The pragma does nothing inside a transaction: set it before BEGIN.
        self.connection.connection.driver_connection.execute(
            'PRAGMA foreign_keys = ON')
        self.connection.begin()
        error = self.assertRaises(
            exception.UnsupportedOperation, self.impl.alter_column,
            'owners', 'id', type_=sa.BigInteger())
        self.assertIn('things', error.message)
        self.assertEqual(_ROWS, self.rows('things'))
        # A table nothing refers to is rebuilt as usual.
        self.impl.alter_column('things', 'label', type_=sa.String(40))
        self.assertEqual(40, self.column_info('things', 'label')[
            'type'].length)


class TestDropColumn(SQLiteDDLTestCase):

    def test_indexes_shrink_and_constraints_on_it_go(self):
        self.impl.drop_column('things', 'amount')
        schema = self.schema()
        self.assertEqual(['id', 'code', 'label', 'owner_id'],
                         [column[0] for column in schema['columns']])
        self.assertEqual({'ix_things_label_amount': ['label']},
                         self.index_columns('things'))
        self.assertEqual([('uq_things_code', ['code'])], schema['unique'])
        self.assertEqual([('', "code <> ''")], schema['check'])
        self.assertEqual(['fk_things_owner'], list(schema['fk']))
        self.assertEqual([(1, 'a', 'x', 1), (2, 'b', 'y', None)],
                         self.rows('things'))


class TestConstraints(SQLiteDDLTestCase):

    def test_drop_unnamed_unique_by_its_columns(self):
        self.impl.drop_constraint('things', 'things_label_key', 'unique',
                                  ['amount', 'label'])
        self.assertEqual(['uq_things_code'], self.unique_names('things'))

    def test_drop_named_unique_keeps_the_unnamed_one(self):
        self.impl.drop_constraint('things', 'uq_things_code', 'unique')
        self.assertEqual([None], self.unique_names('things'))

    def test_unknown_constraint_is_refused(self):
        before = self.master()
        error = self.assertRaises(
            exception.UnsupportedOperation, self.impl.drop_constraint,
            'things', 'uq_nope', 'unique', ['code', 'label'])
        self.assertIn('uq_nope', error.message)
        self.assertEqual(before, self.master())

    def test_drop_primary_key_made_as_index_by_sqlalchemy_migrate(self):
        self.sql('CREATE UNIQUE INDEX owners_pkey ON owners (id)')
        self.impl.drop_constraint('owners', 'owners_pkey', 'primary')
        self.assertEqual([], self.index_names('owners'))
        self.assertEqual(['id'], self.primary_key('owners'))

    def test_primary_key_is_a_unique_index_as_migrate_made_it(self):
        before = self.schema()
        self.impl.create_primary_key('owners', 'owners_pkey', ['id'])
        self.assertEqual({'owners_pkey': ['id']},
                         self.index_columns('owners'))
        self.assertEqual(['id'], self.primary_key('owners'))
        self.assertEqual(before, self.schema())

    def test_drop_primary_key_declared_with_the_table(self):
        self.impl.drop_constraint('things', 'whatever_name', 'primary')
        self.assertEqual([], self.primary_key('things'))
        self.assertEqual(_ROWS, self.rows('things'))
        self.assertEqual(['ck_things_amount', None], [
            check['name'] for check in self.inspector().get_check_constraints(
                'things')])

    def test_named_foreign_key_dropped_and_created(self):
        self.impl.drop_constraint('things', 'fk_things_owner', 'foreignkey')
        self.assertEqual({}, self.foreign_keys('things'))
        self.impl.create_foreign_key('things', None, ['owner_id'], 'owners',
                                     ['id'])
        self.assertEqual({None: (['owner_id'], 'owners', ['id'], None)},
                         self.foreign_keys('things'))


class TestRenameIndex(SQLiteDDLTestCase):

    def test_definition_is_kept(self):
        self.impl.rename_index('things', 'ix_things_big', 'ix_things_large')
        sql = dict((row[1], row[2]) for row in self.master())
        self.assertNotIn('ix_things_big', sql)
        self.assertIn('WHERE amount > 100', sql['ix_things_large'])

    def test_index_of_a_constraint_is_refused(self):
        name = self.sql("SELECT name FROM sqlite_master WHERE type = 'index' "
                        "AND sql IS NULL").scalar()
        self.assertRaises(exception.UnsupportedOperation,
                          self.impl.rename_index, 'things', name, 'ix_new')


class TestMentions(base.BaseTestCase):

    def test_quoted_and_bare_identifiers(self):
        for sql in ('amount > 0', '"amount" > 0', '`AMOUNT` > 0',
                    '[amount] > 0', 'x + amount'):
            self.assertTrue(sqlite._mentions(sql, 'amount'), sql)

    def test_literals_and_longer_names_do_not_count(self):
        for sql in ("code <> 'amount'", 'amounts > 0', 'my_amount > 0'):
            self.assertFalse(sqlite._mentions(sql, 'amount'), sql)
