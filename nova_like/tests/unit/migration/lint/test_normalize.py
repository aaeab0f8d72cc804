import ast

from oslotest import base

from nova_like.migration.lint import normalize

SCRIPT = b'''"""havana: the doc."""
# A comment.
from sqlalchemy import MetaData, Table


def upgrade(migrate_engine):
    """Doc of upgrade."""
    meta = MetaData(bind=migrate_engine)
    Table('instances', meta, autoload=True).create()
'''


class TestPythonFingerprint(base.BaseTestCase):

    def test_trivial_edits_keep_it(self):
        trivial = (b'# Licensed under the Apache License.\n'
                   b'from sqlalchemy import MetaData, Table\n\n\n'
                   b'def upgrade(migrate_engine):\n'
                   b'    # other words\n'
                   b'    meta = MetaData(bind = migrate_engine)\n'
                   b'    Table("instances", meta,\n'
                   b'          autoload=True).create()  # why\n')
        self.assertEqual(normalize.python_fingerprint(SCRIPT),
                         normalize.python_fingerprint(trivial))

    def test_structural_edits_change_it(self):
        for old, new in [(b'.create()', b'.create(checkfirst=True)'),
                         (b"'instances'", b"'services'"),
                         (b'meta = ', b'metadata = ')]:
            self.assertNotEqual(
                normalize.python_fingerprint(SCRIPT),
                normalize.python_fingerprint(SCRIPT.replace(old, new)), new)

    def test_docstring_only_body_is_pass(self):
        self.assertEqual(
            normalize.python_fingerprint(b'def upgrade(e):\n    "doc"\n'),
            normalize.python_fingerprint(b'def upgrade(e):\n    pass\n'))

    def test_unparsable_source_is_hashed_as_bytes(self):
        fingerprint = normalize.python_fingerprint(b'def upgrade(:\n')
        self.assertTrue(fingerprint.startswith('raw-'))
        self.assertNotEqual(fingerprint,
                            normalize.python_fingerprint(b'def upgrade(::\n'))

    def test_canonical_leaves_out_empty_fields(self):
        # Fields newer Pythons add (type_params...) are empty in old code;
        # leaving empty fields out keeps lock files valid across versions.
        text = normalize.canonical(ast.parse('def f(x):\n    return x\n'))
        self.assertNotIn('decorator_list', text)
        self.assertNotIn('lineno', text)
        self.assertIn("FunctionDef(name='f'", text)

    def test_canonical_does_not_change_the_tree(self):
        tree = ast.parse(SCRIPT)
        normalize.canonical(tree)
        self.assertIsInstance(tree.body[0], ast.Expr)


class TestSqlFingerprint(base.BaseTestCase):

    def test_comments_and_whitespace_do_not_count(self):
        self.assertEqual(
            normalize.sql_fingerprint(b'-- doc\nALTER TABLE a\n  ADD x INT;'),
            normalize.sql_fingerprint(b'ALTER TABLE a ADD x INT; /* c */'))
        self.assertNotEqual(
            normalize.sql_fingerprint(b'ALTER TABLE a ADD x INT;'),
            normalize.sql_fingerprint(b'ALTER TABLE a ADD y INT;'))

    def test_dispatch_by_extension(self):
        self.assertEqual(normalize.sql_fingerprint(b'SELECT 1'),
                         normalize.fingerprint('1_x_sqlite_upgrade.sql',
                                               b'SELECT 1'))
        self.assertEqual(normalize.python_fingerprint(b'x = 1'),
                         normalize.fingerprint('001_x.py', b'x = 1'))
