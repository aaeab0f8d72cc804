from oslotest import base

from nova_like.migration import script_source


def _source(text):
    return script_source.PythonSource('x.py', text.encode())


class TestNoop(base.BaseTestCase):

    def test_placeholder(self):
        self.assertTrue(_source(
            '# placeholder\n\ndef upgrade(migrate_engine):\n    pass\n'
        ).is_noop)

    def test_docstring_imports_return_and_downgrade(self):
        self.assertTrue(_source(
            '"""Doc."""\nimport sqlalchemy\n\n'
            'def upgrade(migrate_engine):\n    """Nothing."""\n    return\n'
            '\ndef downgrade(migrate_engine):\n    return None\n').is_noop)

    def test_work_in_upgrade(self):
        self.assertFalse(_source(
            'def upgrade(migrate_engine):\n    migrate_engine.execute("x")\n'
        ).is_noop)

    def test_module_level_code(self):
        self.assertFalse(_source(
            'print("hi")\n\ndef upgrade(migrate_engine):\n    pass\n'
        ).is_noop)

    def test_no_upgrade(self):
        self.assertFalse(_source('def downgrade(e):\n    pass\n').is_noop)

    def test_syntax_error_is_not_noop(self):
        self.assertFalse(_source('def upgrade(:\n').is_noop)

    def test_defines(self):
        source = _source('def upgrade(e):\n    pass\n')
        self.assertTrue(source.defines('upgrade'))
        self.assertFalse(source.defines('downgrade'))
