"""The importable ``migrate`` modules."""
import sys

from oslotest import base

from nova_like import exception
from nova_like.migration.scripts.changeset import constraint
from nova_like.migration.scripts.changeset import exceptions
from nova_like.migration.scripts.changeset import schema
from nova_like.migration.scripts.changeset import shim

_NAMES = ('migrate', 'migrate.changeset', 'migrate.changeset.constraint',
          'migrate.changeset.schema', 'migrate.exceptions')


class TestModules(base.BaseTestCase):

    def setUp(self):
        super(TestModules, self).setUp()
        self.assertNotIn('migrate', sys.modules)
        self.modules = shim.modules()
        sys.modules.update(self.modules)
        self.addCleanup(self._remove)

    def _remove(self):
        for name in _NAMES:
            sys.modules.pop(name, None)

    def run_code(self, code):
        namespace = {}
        exec(code, namespace)
        return namespace

    def test_the_five_modules(self):
        self.assertEqual(sorted(_NAMES), sorted(self.modules))

    def test_from_migrate_import(self):
        namespace = self.run_code(
            'from migrate import UniqueConstraint, ForeignKeyConstraint\n'
            'from migrate import PrimaryKeyConstraint, CheckConstraint\n'
            'from migrate import exceptions, changeset\n')
        self.assertIs(constraint.UniqueConstraint,
                      namespace['UniqueConstraint'])
        self.assertIs(constraint.CheckConstraint,
                      namespace['CheckConstraint'])
        self.assertIs(self.modules['migrate.exceptions'],
                      namespace['exceptions'])

    def test_from_migrate_changeset_import(self):
        namespace = self.run_code(
            'from migrate.changeset import UniqueConstraint\n'
            'from migrate.changeset import constraint\n'
            'from migrate.changeset import alter_column\n')
        self.assertIs(constraint.UniqueConstraint,
                      namespace['UniqueConstraint'])
        self.assertIs(constraint.ForeignKeyConstraint,
                      namespace['constraint'].ForeignKeyConstraint)
        self.assertIs(schema.alter_column, namespace['alter_column'])

    def test_from_the_constraint_and_schema_modules(self):
        namespace = self.run_code(
            'from migrate.changeset.constraint import ForeignKeyConstraint\n'
            'from migrate.changeset.schema import rename_table\n')
        self.assertIs(constraint.ForeignKeyConstraint,
                      namespace['ForeignKeyConstraint'])
        self.assertIs(schema.rename_table, namespace['rename_table'])

    def test_import_migrate_then_attributes(self):
        namespace = self.run_code(
            'import migrate\n'
            'import migrate.changeset.constraint\n'
            'a = migrate.PrimaryKeyConstraint\n'
            'b = migrate.changeset.constraint.PrimaryKeyConstraint\n'
            'c = migrate.exceptions.NotSupportedError\n'
            'd = migrate.__version__\n')
        self.assertIs(constraint.PrimaryKeyConstraint, namespace['a'])
        self.assertIs(constraint.PrimaryKeyConstraint, namespace['b'])
        self.assertIs(exceptions.NotSupportedError, namespace['c'])
        self.assertEqual('0.13.0', namespace['d'])

    def test_star_import(self):
        namespace = self.run_code('from sqlalchemy import *\n'
                                  'from migrate import *\n')
        self.assertIs(constraint.UniqueConstraint,
                      namespace['UniqueConstraint'])
        self.assertIs(schema.create_column, namespace['create_column'])
        self.assertIs(exceptions.NotSupportedError,
                      namespace['NotSupportedError'])
        self.assertEqual('Table', namespace['Table'].__name__)

    def test_exception_names(self):
        namespace = self.run_code(
            'from migrate.exceptions import NotSupportedError\n'
            'from migrate.exceptions import MigrateDeprecationWarning\n'
            'from migrate.exceptions import InvalidConstraintError\n')
        self.assertTrue(issubclass(namespace['MigrateDeprecationWarning'],
                                   DeprecationWarning))
        for name in exceptions.NAMES:
            self.assertTrue(hasattr(self.modules['migrate.exceptions'],
                                    name), name)

    def test_fresh_modules_on_every_call(self):
        again = shim.modules()
        for name in _NAMES:
            self.assertIsNot(self.modules[name], again[name])
        self.assertIs(self.modules['migrate'].UniqueConstraint,
                      again['migrate'].UniqueConstraint)

    def test_modules_does_not_touch_sys_modules(self):
        self._remove()
        shim.modules()
        self.assertNotIn('migrate', sys.modules)


class TestExceptions(base.BaseTestCase):

    def test_unsupported_change_is_caught_both_ways(self):
        error = exceptions.UnsupportedChange('no way, password=hidden')
        for kind in (exceptions.NotSupportedError, exceptions.Error,
                     exception.UnsupportedOperation, exception.NovaLikeError):
            self.assertIsInstance(error, kind)
        self.assertEqual('no way, password=hidden', error.message)

    def test_hierarchy_of_sqlalchemy_migrate(self):
        self.assertTrue(issubclass(exceptions.KnownError,
                                   exceptions.ApiError))
        self.assertTrue(issubclass(exceptions.DatabaseNotControlledError,
                                   exceptions.ControlledSchemaError))
        self.assertTrue(issubclass(exceptions.VersionNotFoundError,
                                   KeyError))
