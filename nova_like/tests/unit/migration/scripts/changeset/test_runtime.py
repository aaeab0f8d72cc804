"""Which connection a changeset call uses, and the errors it raises."""
from oslotest import base
import sqlalchemy as sa

from nova_like import exception
from nova_like.migration.scripts.changeset import exceptions
from nova_like.migration.scripts.changeset import runtime
from nova_like.migration.scripts import context
from nova_like.migration.scripts import sa1
from nova_like.tests.unit.migration.scripts.changeset import scripttest


class TestConnectionFor(base.BaseTestCase):

    def setUp(self):
        super(TestConnectionFor, self).setUp()
        self.connection = sa.create_engine('sqlite://').connect()
        self.addCleanup(self.connection.close)
        self.table = sa.Table('t', sa.MetaData(), sa.Column('id', sa.Integer))

    def test_the_running_scripts_bind(self):
        with context.active(scripttest.FakeBind(self.connection)):
            self.assertIs(self.connection,
                          runtime.connection_for(self.table))

    def test_the_bind_of_the_tables_metadata_wins(self):
        other = sa.create_engine('sqlite://').connect()
        self.addCleanup(other.close)
        self.table.metadata._legacy_bind = sa1.LegacyEngine(other)
        with context.active(scripttest.FakeBind(self.connection)):
            self.assertIs(other, runtime.connection_for(self.table))

    def test_an_explicit_bind_wins(self):
        with context.active(scripttest.FakeBind(self.connection)):
            other = sa.create_engine('sqlite://').connect()
            self.addCleanup(other.close)
            self.assertIs(other, runtime.connection_for(self.table, other))
            self.assertIs(other, runtime.connection_for(
                self.table, sa1.LegacyEngine(other)))

    def test_no_script_running_is_refused(self):
        error = self.assertRaises(exceptions.NotSupportedError,
                                  runtime.connection_for, self.table)
        self.assertIn('running migration script', str(error))

    def test_a_plain_engine_is_refused(self):
        error = self.assertRaises(
            exceptions.UnsupportedChange, runtime.connection_for, self.table,
            sa.create_engine('sqlite://'))
        self.assertIn("step's transaction", error.message)

    def test_ddl_for_stops_the_compiled_cache(self):
        with context.active(scripttest.FakeBind(self.connection)):
            impl = runtime.ddl_for(self.table)
        self.assertIs(self.connection, impl.connection)
        self.assertIsNone(
            self.connection.get_execution_options()['compiled_cache'])


class TestTranslated(base.BaseTestCase):

    def test_unsupported_operation_becomes_catchable(self):
        def fail():
            with runtime.translated():
                raise exception.UnsupportedOperation('cannot do X')
        error = self.assertRaises(exceptions.NotSupportedError, fail)
        self.assertIsInstance(error, exception.UnsupportedOperation)
        self.assertEqual('cannot do X', error.message)

    def test_other_errors_pass_unchanged(self):
        def fail():
            with runtime.translated():
                raise ValueError('x')
        self.assertRaises(ValueError, fail)

    def test_require_table(self):
        table = sa.Table('t', sa.MetaData())
        self.assertIs(table, runtime.require_table(table, 'column x'))
        error = self.assertRaises(exceptions.UnsupportedChange,
                                  runtime.require_table, None, 'column x')
        self.assertIn('column x belongs to no Table', error.message)
