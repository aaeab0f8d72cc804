from oslotest import base

from nova_like.migration.scripts import sql


class TestStatements(base.BaseTestCase):

    def test_drops_transaction_control(self):
        self.assertEqual(
            ['CREATE TABLE a (id INTEGER)', 'INSERT INTO a VALUES (1)'],
            sql.statements('BEGIN;\nCREATE TABLE a (id INTEGER);\n'
                           'INSERT INTO a VALUES (1);\nCOMMIT;\n'))

    def test_comments_and_blank_statements(self):
        self.assertEqual(
            ["UPDATE a SET b = 'x;y'"],
            sql.statements("-- a comment\n;\nUPDATE a SET b = 'x;y';\n"))

    def test_begin_transaction_spelling(self):
        self.assertEqual(['SELECT 1'],
                         sql.statements('BEGIN TRANSACTION;SELECT 1;END;'))
