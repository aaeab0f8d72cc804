import os

from oslotest import base

from nova_like.migration.lint import linter
from nova_like.migration.lint import numbering
from nova_like.tests import scenario


class TestNumbering(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())

    def check(self):
        return [(os.path.basename(item.path), item.code) for item in
                numbering.check(numbering.scan(self.repo.versions))]

    def test_clean(self):
        self.repo.write_script(1)
        self.repo.write_script(2)
        self.repo.write_sql(3, 'sqlite', 'SELECT 1', name='a')
        self.repo.write_sql(3, 'postgresql', 'SELECT 1', name='b')
        self.repo.write_file('versions/__init__.py', '')
        self.assertEqual([], self.check())

    def test_every_file_of_a_duplicate_is_reported(self):
        self.repo.write_script(1, name='one')
        self.repo.write_script(1, name='other')
        self.repo.write_sql(2, 'sqlite', 'SELECT 1', name='a')
        self.repo.write_sql(2, 'sqlite', 'SELECT 2', name='b')
        self.assertEqual([('001_one.py', 'NL205'), ('001_other.py', 'NL205'),
                          ('002_a_sqlite_upgrade.sql', 'NL205'),
                          ('002_b_sqlite_upgrade.sql', 'NL205')],
                         self.check())

    def test_gaps(self):
        for version in (1, 3, 7):
            self.repo.write_script(version)
        found = numbering.check(numbering.scan(self.repo.versions))
        self.assertEqual(['version 2 is missing before 3',
                          'versions 4..6 are missing before 7'],
                         [item.message for item in found])
        self.assertEqual(['NL206', 'NL206'], [item.code for item in found])

    def test_names_sqlalchemy_migrate_ignores(self):
        self.repo.write_script(1)
        self.repo.write_file('versions/02_short.py', '')
        self.assertEqual([('02_short.py', 'NL211')], self.check())

    def test_no_versions_folder(self):
        self.assertIsNone(numbering.scan(self.repo.versions + '-nope'))


class TestLintDespiteDuplicates(base.BaseTestCase):

    def test_the_rest_is_still_linted(self):
        repo = self.useFixture(scenario.RepositoryFixture())
        repo.write_script(1, name='one')
        repo.write_script(1, name='other')
        repo.write_file('versions/002_placeholder.py',
                        'def upgrade(migrate_engine):\n    print(1)\n')
        result = linter.lint(repo.path)
        self.assertFalse(result.complete)
        self.assertEqual(['NL205', 'NL205', 'NL207'],
                         [item.code for item in result.findings])
        self.assertEqual([1, 2], result.repository.versions)
