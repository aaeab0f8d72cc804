import os

from oslotest import base

from nova_like.migration.lint import linter
from nova_like.tests import scenario


class TestGuidelines(base.BaseTestCase):
    """What the corpus cannot show: settings and repository context."""

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())

    def codes(self):
        return [(os.path.basename(item.path), item.code)
                for item in linter.lint(self.repo.path).findings]

    def test_recorded_slot_keeping_its_placeholder_name(self):
        self.repo.write_placeholder(1)
        self.repo.write_file('versions/002_placeholder.py',
                             'def upgrade(migrate_engine):\n'
                             '    meta.create_all()\n')
        self.assertEqual([('002_placeholder.py', 'NL207')], self.codes())
        self.repo.write_releases('[backports]\n2 = 9\n')
        self.assertEqual([], self.codes())

    def test_downgrade_required_from_a_version_on(self):
        self.repo.write_script(1, 't.create()')
        self.repo.write_script(2, 't.create()')
        self.repo.write_script(3, 'pass')
        self.repo.write_releases('[lint]\nrequire_downgrade = true\n'
                                 'require_downgrade_from = 2\n')
        self.assertEqual([('002_change.py', 'NL208')], self.codes())

    def test_sql_scripts_need_their_downgrade(self):
        self.repo.write_sql(1, 'sqlite', 'CREATE TABLE a (id INT)')
        self.repo.write_sql(1, 'postgresql', 'CREATE TABLE a (id INT)')
        self.repo.write_sql(1, 'postgresql', 'DROP TABLE a',
                            operation='downgrade')
        self.repo.write_releases('[lint]\nrequire_downgrade = true\n')
        self.assertEqual([('001_change_sqlite_upgrade.sql', 'NL208')],
                         self.codes())

    def test_models_modules_are_configurable(self):
        self.repo.write_script(1, 'pass',
                               header='from nova_like.db import models')
        self.repo.write_script(2, 'pass', header='from nova.db import models')
        self.assertEqual([('001_change.py', 'NL209')], self.codes())
        self.repo.write_releases('[lint]\nmodels_modules = nova.db.models\n')
        self.assertEqual([('002_change.py', 'NL209')], self.codes())

    def test_missing_inverse_names_the_change(self):
        self.repo.write_script(1, "t.create_column(Column('locked_by', "
                                  "String(255)))", downgrade='t.drop()')
        self.repo.write_releases('[lint]\nrequire_downgrade = true\n')
        found = linter.lint(self.repo.path).findings
        self.assertEqual(["upgrade() adds column 'locked_by' but downgrade() "
                          "never undoes it"],
                         [item.message for item in found])
