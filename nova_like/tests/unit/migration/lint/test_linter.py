import os
import shutil

import fixtures
from oslotest import base

from nova_like import exception
from nova_like.migration import api
from nova_like.migration.lint import linter
from nova_like.tests import scenario


class TestLint(base.BaseTestCase):

    def copy_of_bundled_repository(self):
        path = os.path.join(self.useFixture(fixtures.TempDir()).path, 'repo')
        shutil.copytree(api.bundled_repository(), path)
        return path

    def test_bundled_repository_is_clean(self):
        result = linter.lint(api.bundled_repository())
        self.assertEqual((), result.findings)
        self.assertTrue(result.complete)

    def test_backport_filled_from_master_without_guards(self):
        # The release manager's workflow on a copy of the bundled
        # repository: slot 110 takes master's 114, which has no guards.
        path = self.copy_of_bundled_repository()
        versions = os.path.join(path, 'versions')
        os.unlink(os.path.join(versions, '110_placeholder.py'))
        shutil.copy(os.path.join(versions, '114_compute_nodes_service_fk.py'),
                    os.path.join(versions, '110_compute_nodes_service_fk.py'))
        with open(os.path.join(path, 'releases.cfg'), 'a') as cfg:
            cfg.write('110 = 114\n')
        found = linter.lint(path).findings
        self.assertEqual([('110_compute_nodes_service_fk.py', 13, 'NL104'),
                          ('110_compute_nodes_service_fk.py', 18, 'NL102'),
                          ('114_compute_nodes_service_fk.py', 13, 'NL104'),
                          ('114_compute_nodes_service_fk.py', 18, 'NL102')],
                         [(os.path.basename(item.path), item.line, item.code)
                          for item in found])
        self.assertIn('it fills a slot reserved for havana backports',
                      found[0].message)
        self.assertIn('it is the master twin of slot 110', found[2].message)

    def test_unreadable_repository_is_an_error(self):
        repo = self.useFixture(scenario.RepositoryFixture())
        os.unlink(os.path.join(repo.path, 'migrate.cfg'))
        self.assertRaises(exception.RepositoryError, linter.lint, repo.path)

    def test_findings_are_sorted_and_unique(self):
        repo = self.useFixture(scenario.RepositoryFixture())
        repo.write_releases('[lint]\nrequire_downgrade = true\n')
        # A placeholder that does not parse: NL001 once, not per rule.
        repo.write_file('versions/001_placeholder.py', 'def upgrade(:\n')
        repo.write_script(3, 't.create()')
        found = linter.lint(repo.path).findings
        self.assertEqual([('001_placeholder.py', 'NL001'),
                          ('003_change.py', 'NL206'),
                          ('003_change.py', 'NL208')],
                         [(os.path.basename(item.path), item.code)
                          for item in found])
