from oslotest import base
import testscenarios

from nova_like.migration.lint import sqltext


class TestClassify(testscenarios.WithScenarios, base.BaseTestCase):

    # sql, kind, target, guarded, unnamed
    scenarios = [(sql, {'sql': sql, 'kind': kind, 'target': target,
                        'guarded': guarded, 'unnamed': unnamed})
                 for sql, kind, target, guarded, unnamed in [
        ('CREATE TABLE foo (id INT)', 'create_table', 'foo', False, False),
        ('create table if not exists `foo` (id INT)', 'create_table', 'foo',
         True, False),
        ('CREATE TABLE foo (id INT, name VARCHAR(3) UNIQUE)', 'create_table',
         'foo', False, True),
        ('CREATE TABLE foo (id INT, CONSTRAINT fk FOREIGN KEY (id) '
         'REFERENCES bar (id))', 'create_table', 'foo', False, False),
        ('CREATE TABLE foo (id INT, UNIQUE KEY uk_id (id))', 'create_table',
         'foo', False, False),
        ('CREATE TABLE foo (id INT, UNIQUE KEY (id))', 'create_table', 'foo',
         False, True),
        ('CREATE UNIQUE INDEX ix_a ON foo (a)', 'create_index', 'ix_a',
         False, False),
        ('CREATE INDEX IF NOT EXISTS ix_a ON foo (a)', 'create_index', 'ix_a',
         True, False),
        ('CREATE INDEX ON foo (a)', 'create_index', None, False, True),
        ('DROP TABLE foo', 'drop_table', 'foo', False, False),
        ('DROP TABLE IF EXISTS foo', 'drop_table', 'foo', True, False),
        ('DROP INDEX ix_a', 'drop_index', 'ix_a', False, False),
        ('RENAME TABLE a TO b', 'rename_table', 'a', False, False),
        ('ALTER TABLE a RENAME TO b', 'rename_table', 'b', False, False),
        ('ALTER TABLE a RENAME COLUMN x TO y', 'rename_column', 'x', False,
         False),
        ('ALTER TABLE a CHANGE x y INT', 'rename_column', 'x', False, False),
        ('ALTER INDEX x RENAME TO y', 'rename_index', 'x', False, False),
        ('ALTER TABLE a RENAME INDEX x TO y', 'rename_index', 'x', False,
         False),
        ('ALTER TABLE a ALTER COLUMN x TYPE VARCHAR(10)', 'alter_type', 'x',
         False, False),
        ('ALTER TABLE a MODIFY x VARCHAR(10)', 'alter_type', 'x', False,
         False),
        ('ALTER TABLE a ALTER COLUMN x SET NOT NULL', None, None, False,
         False),
        ('ALTER TABLE a ADD CONSTRAINT uq_x UNIQUE (x)', 'create_constraint',
         'uq_x', False, False),
        ('ALTER TABLE a ADD UNIQUE (x)', 'create_constraint', None, False,
         True),
        ('ALTER TABLE a ADD UNIQUE KEY uq_x (x)', 'create_constraint', 'uq_x',
         False, False),
        ('ALTER TABLE a ADD FOREIGN KEY (x) REFERENCES b (id)',
         'create_constraint', None, False, True),
        ('ALTER TABLE a ADD INDEX ix_x (x)', 'create_index', 'ix_x', False,
         False),
        ('ALTER TABLE a ADD COLUMN x INT', 'add_column', 'x', False, False),
        ('ALTER TABLE a ADD COLUMN IF NOT EXISTS x INT', 'add_column', 'x',
         True, False),
        ('ALTER TABLE a ADD x INT', 'add_column', 'x', False, False),
        ('ALTER TABLE a DROP CONSTRAINT uq_x', 'drop_constraint', 'uq_x',
         False, False),
        ('ALTER TABLE a DROP FOREIGN KEY fk_x', 'drop_constraint', 'fk_x',
         False, False),
        ('ALTER TABLE a DROP COLUMN IF EXISTS x', 'drop_column', 'x', True,
         False),
        ('ALTER TABLE a DROP x', 'drop_column', 'x', False, False),
        ('INSERT INTO a (x) VALUES (1)', 'insert', None, False, False),
        ('INSERT IGNORE INTO a (x) VALUES (1)', 'insert', None, True, False),
        ('INSERT OR IGNORE INTO a (x) VALUES (1)', 'insert', None, True,
         False),
        ('INSERT INTO a (x) VALUES (1) ON CONFLICT DO NOTHING', 'insert',
         None, True, False),
        ('INSERT INTO a (x) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM a)',
         'insert', None, True, False),
        ('REPLACE INTO a (x) VALUES (1)', 'insert', None, True, False),
        ('UPDATE a SET x = 1', 'update', 'a', False, False),
        ('DELETE FROM a WHERE x = 1', 'delete', None, False, False),
        ('SELECT 1', None, None, False, False),
    ]]

    def test_classify(self):
        statement = sqltext.classify(self.sql)
        self.assertEqual((self.kind, self.target, self.guarded, self.unnamed),
                         (statement.kind, statement.target, statement.guarded,
                          statement.unnamed))


class TestData(base.BaseTestCase):

    def test_relative_update(self):
        for sql, relative in [
                ('UPDATE a SET x = x + 1 WHERE id = 3', ('x',)),
                ("UPDATE a SET name = CONCAT(name, '-old')", ('name',)),
                ("UPDATE a SET name = name || 'x', y = 2", ('name',)),
                ('UPDATE a SET x = COALESCE(x, 0)', ()),
                ("UPDATE a SET x = 1, y = 'x' WHERE x = 2", ()),
                ('UPDATE a SET x = y + 1', ())]:
            self.assertEqual(relative, sqltext.classify(sql).relative, sql)

    def test_nondeterministic(self):
        for sql, expected in [
                ('INSERT INTO a VALUES (1, NOW())', True),
                ('UPDATE a SET t = CURRENT_TIMESTAMP', True),
                ('INSERT INTO a VALUES (UUID())', True),
                ("INSERT INTO a VALUES (1, '2014-01-01')", False),
                ('CREATE TABLE a (t DATETIME DEFAULT CURRENT_TIMESTAMP)',
                 False)]:
            self.assertEqual(expected,
                             sqltext.classify(sql).nondeterministic, sql)


class TestSplit(base.BaseTestCase):

    def test_lines_quotes_and_comments(self):
        sql = ("-- don't split here;\n"
               "INSERT INTO a VALUES ('x;y');\n"
               "\n"
               "  /* block;\n comment */ UPDATE a\n SET x = 1;\n"
               "   ")
        self.assertEqual([(2, "INSERT INTO a VALUES ('x;y')"),
                          (5, 'UPDATE a SET x = 1')],
                         list(sqltext.split(sql)))

    def test_first_line_offsets(self):
        self.assertEqual([(10, 'SELECT 1')],
                         list(sqltext.split('SELECT 1', first_line=10)))
