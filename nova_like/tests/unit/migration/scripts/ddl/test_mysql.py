"""MySQL/MariaDB: MODIFY restates what the script does not change."""
from oslotest import base
import sqlalchemy as sa
from sqlalchemy import event

from nova_like import exception
from nova_like.migration.scripts import ddl
from nova_like.migration.scripts.ddl import mysql
from nova_like.tests import backends
from nova_like.tests.unit.migration.scripts.ddl import dbtest

load_tests = backends.load_tests


class MySQLDDLTestCase(dbtest.StepTestCase):

    scenarios = backends.backend_scenarios('mysql')

    def setUp(self):
        super(MySQLDDLTestCase, self).setUp()
        metadata = sa.MetaData()
        sa.Table('counters', metadata,
                 sa.Column('id', sa.Integer, primary_key=True,
                           autoincrement=True),
                 sa.Column('label', sa.String(10), server_default='none',
                           comment='what is counted'),
                 sa.Column('hits', sa.Integer))
        self.prepare(metadata, {'counters': [{'label': 'a', 'hits': 1}]})
        self.impl = ddl.impl_for(self.connection)

    def test_type_change_keeps_auto_increment(self):
        self.impl.alter_column('counters', 'id', type_=sa.BigInteger())
        info = self.column_info('counters', 'id')
        self.assertIsInstance(info['type'], sa.BigInteger)
        self.assertTrue(info['autoincrement'])
        self.connection.execute(sa.text(
            "INSERT INTO counters (label) VALUES ('b')"))
        self.assertEqual([(1, 'a'), (2, 'b')],
                         self.rows('counters', 'id', 'label'))

    def test_nullability_change_keeps_default_and_comment(self):
        self.impl.alter_column('counters', 'label', nullable=False)
        info = self.column_info('counters', 'label')
        self.assertFalse(info['nullable'])
        self.assertIn('none', info['default'])
        self.assertEqual('what is counted', info['comment'])
        self.assertEqual(10, info['type'].length)

    def test_rename_keeps_the_definition(self):
        self.impl.alter_column('counters', 'label', name='tag')
        info = self.column_info('counters', 'tag')
        self.assertIn('none', info['default'])
        self.assertEqual('what is counted', info['comment'])
        self.assertEqual([(1, 'a')], self.rows('counters', 'id', 'tag'))

    def test_rename_index_is_rename_index(self):
        sa.Index('ix_counters_hits', sa.Table(
            'counters', sa.MetaData(), autoload_with=self.connection).c.hits
        ).create(self.connection)
        statements = []
        event.listen(self.connection, 'before_cursor_execute',
                     lambda *args: statements.append(args[2]))
        self.impl.rename_index('counters', 'ix_counters_hits', 'ix_hits')
        self.assertEqual(
            ['ALTER TABLE counters RENAME INDEX ix_counters_hits TO ix_hits'],
            statements)
        self.assertIn('ix_hits', self.index_names('counters'))


class _Dialect(object):

    def __init__(self, version, is_mariadb):
        self.server_version_info = version
        self.is_mariadb = is_mariadb


class TestRenameIndexSupport(base.BaseTestCase):

    def test_old_servers_are_refused_with_guidance(self):
        for version, is_mariadb in (((10, 4, 30), True), ((5, 6, 51), False)):
            error = self.assertRaises(
                exception.UnsupportedOperation, mysql.check_rename_index,
                _Dialect(version, is_mariadb))
            self.assertIn('drop the index and create it again',
                          error.message)

    def test_recent_servers_pass(self):
        for version, is_mariadb in (((10, 5, 2), True), ((10, 11, 19), True),
                                    ((5, 7, 0), False), ((8, 0, 36), False)):
            mysql.check_rename_index(_Dialect(version, is_mariadb))
