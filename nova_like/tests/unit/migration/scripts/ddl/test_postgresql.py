"""PostgreSQL: separate ALTER COLUMN statements, sequences kept."""
import sqlalchemy as sa
from sqlalchemy import event

from nova_like.migration.scripts import ddl
from nova_like.tests import backends
from nova_like.tests.unit.migration.scripts.ddl import dbtest

load_tests = backends.load_tests


class PostgreSQLDDLTestCase(dbtest.StepTestCase):

    scenarios = backends.backend_scenarios('postgresql')

    def setUp(self):
        super(PostgreSQLDDLTestCase, self).setUp()
        metadata = dbtest.sample_metadata()
        sa.Table('serials', metadata,
                 sa.Column('id', sa.Integer, primary_key=True),
                 sa.Column('name', sa.String(10)))
        self.prepare(metadata)
        self.impl = ddl.impl_for(self.connection)
        self.statements = []
        event.listen(self.connection, 'before_cursor_execute',
                     lambda *args: self.statements.append(args[2]))

    def test_type_and_nullability_are_separate_statements(self):
        self.impl.alter_column('child', 'size', type_=sa.BigInteger(),
                               nullable=False)
        self.assertEqual(2, len(self.statements))
        self.assertIn('TYPE BIGINT', self.statements[0])
        self.assertIn('SET NOT NULL', self.statements[1])

    def test_rename_table_keeps_the_sequence_name(self):
        self.impl.rename_table('serials', 'numbered')
        self.assertIn("nextval('serials_id_seq'",
                      self.column_info('numbered', 'id')['default'])
        self.connection.execute(sa.text(
            "INSERT INTO numbered (name) VALUES ('x')"))
        self.assertEqual([(1, 'x')], self.rows('numbered'))

    def test_rename_index_is_alter_index(self):
        self.impl.rename_index('child', 'ix_child_size', 'ix_child_weight')
        self.assertEqual(
            ['ALTER INDEX ix_child_size RENAME TO ix_child_weight'],
            self.statements)
