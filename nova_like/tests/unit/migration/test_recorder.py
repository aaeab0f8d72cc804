import datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects import sqlite
from sqlalchemy import schema as sa_schema

from oslotest import base

from nova_like import exception
from nova_like.migration import recorder as recorder_mod

# What sqlalchemy-migrate 0.13 creates (COMPAT-SURFACE section 4).
MIGRATE_DDL = ('CREATE TABLE migrate_version (repository_id VARCHAR(250) '
               'NOT NULL, repository_path TEXT, version INTEGER, PRIMARY KEY '
               '(repository_id))')


def _one_line(ddl):
    return ' '.join(str(ddl).split()).replace('( ', '(').replace(' )', ')')


class TestVersionTableShape(base.BaseTestCase):
    """The DDL, compiled without a database."""

    def test_same_ddl_as_migrate(self):
        table = recorder_mod.version_table('migrate_version')
        for dialect in (sqlite.dialect(), postgresql.dialect()):
            self.assertEqual(MIGRATE_DDL, _one_line(
                sa_schema.CreateTable(table).compile(dialect=dialect)))


class TestRecorder(base.BaseTestCase):
    """Reads and writes, on an in-memory SQLite database."""

    def setUp(self):
        super().setUp()
        self.engine = sa.create_engine('sqlite://')
        self.connection = self.engine.connect()
        self.addCleanup(self.connection.close)
        self.recorder = recorder_mod.Recorder('repo id', '/some/path',
                                              tool_version='1.0')

    def test_not_controlled(self):
        self.assertIsNone(self.recorder.current_version(self.connection))
        self.assertFalse(self.recorder.is_controlled(self.connection))

    def test_control_and_bump(self):
        self.recorder.control(self.connection, 0)
        self.recorder.bump(self.connection, 0, 3)
        self.assertEqual(3, self.recorder.current_version(self.connection))
        rows = self.connection.execute(sa.text(
            'SELECT repository_id, repository_path, version '
            'FROM migrate_version')).all()
        self.assertEqual([('repo id', '/some/path', 3)], rows)

    def test_control_twice(self):
        self.recorder.control(self.connection, 0)
        error = self.assertRaises(exception.AlreadyControlledError,
                                  self.recorder.control, self.connection, 0)
        self.assertIn('repo id', error.message)

    def test_bump_from_wrong_version_changes_nothing(self):
        self.recorder.control(self.connection, 5)
        self.assertRaises(exception.DatabaseError, self.recorder.bump,
                          self.connection, 4, 6)
        self.assertEqual(5, self.recorder.current_version(self.connection))

    def test_other_repository_rows_are_left_alone(self):
        other = recorder_mod.Recorder('other', '/other')
        other.control(self.connection, 10)
        self.recorder.control(self.connection, 1)
        self.recorder.bump(self.connection, 1, 2)
        self.assertEqual(10, other.current_version(self.connection))
        self.assertEqual(2, self.recorder.current_version(self.connection))

    def test_history(self):
        self.recorder.prepare_history(self.connection)
        entry = recorder_mod.HistoryEntry(
            version=1, direction='upgrade', script='001_x.py',
            checksum='ab' * 32, started_at=datetime.datetime(2026, 1, 1),
            duration=0.5)
        self.recorder.log(self.connection, [entry])
        rows = self.recorder.history(self.connection)
        self.assertEqual(1, len(rows))
        self.assertEqual(('upgrade', 'applied', '1.0'),
                         (rows[0].direction, rows[0].outcome,
                          rows[0].tool_version))
