"""The registry of DDL implementations by dialect name."""
from oslotest import base
import sqlalchemy as sa

from nova_like import exception
from nova_like.migration.scripts import ddl
from nova_like.migration.scripts.ddl import mysql
from nova_like.migration.scripts.ddl import postgresql
from nova_like.migration.scripts.ddl import sqlite


class TestRegistry(base.BaseTestCase):

    def test_each_dialect_has_its_module(self):
        self.assertIs(sqlite.SQLiteImpl, ddl.impl_class('sqlite'))
        self.assertIs(postgresql.PostgreSQLImpl,
                      ddl.impl_class('postgresql'))
        self.assertIs(mysql.MySQLImpl, ddl.impl_class('mysql'))
        self.assertIs(mysql.MySQLImpl, ddl.impl_class('mariadb'))

    def test_unknown_dialect_is_refused_not_guessed(self):
        error = self.assertRaises(exception.UnsupportedOperation,
                                  ddl.impl_class, 'oracle')
        self.assertIn('oracle', error.message)
        self.assertIn('postgresql', error.message)

    def test_impl_for_a_connection(self):
        engine = sa.create_engine('sqlite://')
        with engine.connect() as connection:
            impl = ddl.impl_for(connection)
            self.assertIsInstance(impl, sqlite.SQLiteImpl)
            self.assertIs(connection, impl.connection)
