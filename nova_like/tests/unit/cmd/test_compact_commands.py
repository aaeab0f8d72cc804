"""``project-manage repo compact`` on copies of the bundled repository."""
import os
import shutil

from oslotest import base

from nova_like.migration import api
from nova_like.migration import repository
from nova_like.tests import cli
from nova_like.tests.unit.cmd import test_placeholder_commands

# Every file of a repository with its content (what "nothing written" means).
_listing = test_placeholder_commands._listing


class TestCompactCommand(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.manage = self.useFixture(cli.ManageFixture())
        self.path = os.path.join(self.manage.path, 'repo')
        shutil.copytree(api.bundled_repository(), self.path,
                        ignore=shutil.ignore_patterns('__pycache__'))

    def compact(self, *extra):
        return self.manage('repo', 'compact', '--through', 108, '--name',
                           'havana', '--repository', self.path, *extra)

    def test_compact(self):
        result = self.compact()
        self.assertEqual(0, result.code, result.err)
        self.assertIn('compacted versions 100-108 into '
                      'versions/108_havana.py (release havana)\n'
                      '  proven equal at the head on: sqlite\n', result.out)
        self.assertIn('initial version now 107: databases below it must '
                      'upgrade through havana first', result.out)
        self.assertEqual(107, repository.load(self.path).initial_version)
        # The compacted copy migrates a new database to the head.
        self.assertEqual(0, self.manage('--repository', self.path,
                                        'db', 'sync').code)

    def test_dry_run_writes_nothing(self):
        before = _listing(self.path)
        result = self.compact('--dry-run')
        self.assertEqual(0, result.code, result.err)
        self.assertIn("def upgrade(migrate_engine):", result.out)
        self.assertIn('dry run: nothing written', result.out)
        self.assertEqual(before, _listing(self.path))

    def test_bad_input_writes_nothing(self):
        before = _listing(self.path)
        result = self.manage('repo', 'compact', '--through', 103, '--name',
                             'havana', '--repository', self.path)
        self.assertEqual(1, result.code)
        self.assertIn('--through 103 falls inside the placeholder range '
                      '101-105 reserved for grizzly', result.err)
        self.assertEqual(before, _listing(self.path))
