import json
import os
import re
import subprocess
import sys

from oslotest import base
import sqlalchemy as sa
import yaml

import nova_like
from nova_like.migration.lint import lockfile
from nova_like.tests import cli
from nova_like.tests import scenario
from nova_like.tests.unit.migration.lint import samples

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(
    nova_like.__file__)))
# Run in a fresh interpreter: which modules does `repo lint` import?
IMPORTS = """
import json, sys
from nova_like.cmd import manage
code = manage.main(['repo', 'lint', '--repository', sys.argv[1]])
print(json.dumps([code, sorted(sys.modules)]))
"""


class LintCommandTestCase(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())
        samples.write_base(self.repo)
        self.manage = self.useFixture(cli.ManageFixture())

    def fill_slot(self):
        samples.fill_slot(self.repo, samples.ADD_X,
                          releases='[releases]\nhavana = 1-1\n')


class TestLint(LintCommandTestCase):

    def test_clean_repository_exits_0(self):
        result = self.manage('repo', 'lint', '--repository', self.repo.path)
        self.assertEqual((0, 'no findings in 3 scripts\n', ''), result)

    def test_global_repository_option(self):
        result = self.manage('--repository', self.repo.path, 'repo', 'lint')
        self.assertEqual(0, result.code, result.err)
        self.assertIn('in 3 scripts', result.out)

    def test_findings_exit_1_with_path_line_code_and_fix(self):
        self.fill_slot()
        result = self.manage('repo', 'lint', '--repository', self.repo.path)
        self.assertEqual(1, result.code, result.err)
        lines = result.out.splitlines()
        self.assertEqual('%s:7: NL102 column \'x\' is added with no existence '
                         'guard; it runs twice: it fills a slot reserved for '
                         'havana backports' % os.path.join(
                             self.repo.versions, '002_fix.py'), lines[0])
        self.assertTrue(lines[1].startswith('    fix: '))
        self.assertEqual('1 finding in 3 scripts (NL102 column added with no '
                         'existence guard)', lines[-1])
        self.assertEqual('', result.err)

    def test_json(self):
        self.fill_slot()
        result = self.manage('repo', 'lint', '--repository', self.repo.path,
                             '--format', 'json')
        self.assertEqual(1, result.code, result.err)
        items = json.loads(result.out)
        self.assertEqual([('NL102', 7)],
                         [(item['code'], item['line']) for item in items])
        self.assertLessEqual({'path', 'line', 'code', 'message'},
                             set(items[0]))

    def test_json_when_clean(self):
        result = self.manage('repo', 'lint', '--repository', self.repo.path,
                             '--format', 'json')
        self.assertEqual((0, '[]\n', ''), result)

    def test_usage_errors_exit_2(self):
        result = self.manage('repo', 'lint', '--repository', self.repo.path,
                             '--database-connection', 'sqlite://')
        self.assertEqual(2, result.code)
        self.assertIn('--database-connection needs --verify', result.err)
        error = self.assertRaises(SystemExit, self.manage, 'repo', 'lint',
                                  '--format', 'xml')
        self.assertEqual(2, error.code)

    def test_unreadable_repository_exits_1(self):
        result = self.manage('repo', 'lint', '--repository',
                             self.repo.path + '-nope')
        self.assertEqual(1, result.code)
        self.assertIn('-nope', result.err)

    def test_verify(self):
        self.fill_slot()
        result = self.manage('repo', 'lint', '--repository', self.repo.path,
                             '--verify', '--format', 'json')
        self.assertEqual(1, result.code, result.err)
        self.assertEqual(['NL301', 'NL102'],
                         [item['code'] for item in json.loads(result.out)])

    def test_verify_refuses_a_database_in_use(self):
        path = os.path.join(self.manage.path, 'used.sqlite')
        engine = sa.create_engine('sqlite:///' + path)
        with engine.begin() as connection:
            connection.exec_driver_sql('CREATE TABLE precious (id INTEGER)')
        engine.dispose()
        result = self.manage('repo', 'lint', '--repository', self.repo.path,
                             '--verify', '--database-connection',
                             'sqlite:///' + path)
        self.assertEqual(1, result.code)
        self.assertIn('needs an empty scratch database', result.err)

    def test_imports_neither_the_script_environment_nor_alembic(self):
        output = subprocess.run(
            [sys.executable, '-c', IMPORTS, self.repo.path],
            env=dict(os.environ, PYTHONPATH=PROJECT), capture_output=True,
            text=True, check=True).stdout
        code, modules = json.loads(output.splitlines()[-1])
        self.assertEqual(0, code)
        self.assertEqual([], [name for name in modules if name.startswith((
            'alembic', 'nova_like.migration.scripts.environment',
            'nova_like.migration.scripts.changeset',
            'nova_like.migration.lint.verify'))])


class TestLock(LintCommandTestCase):

    def test_lock_then_lint_reports_structural_changes(self):
        result = self.manage('repo', 'lock', '--release', 'havana',
                             '--repository', self.repo.path)
        self.assertEqual(0, result.code, result.err)
        self.assertEqual('locked release havana: versions 1-1, 1 files, in '
                         '%s\n' % lockfile.path_of(self.repo.path),
                         result.out)
        again = self.manage('repo', 'lock', '--release', 'havana',
                            '--repository', self.repo.path)
        self.assertIn('unchanged, already locked', again.out)
        self.repo.write_script(1, samples.CREATE_T.replace("'t'", "'u'"),
                               name='create_t', header=samples.HEADER)
        result = self.manage('repo', 'lint', '--repository', self.repo.path)
        self.assertEqual(1, result.code)
        self.assertIn('NL201 001_create_t.py changed structurally',
                      result.out)

    def test_unknown_release_exits_1(self):
        result = self.manage('repo', 'lock', '--release', 'juno',
                             '--repository', self.repo.path)
        self.assertEqual(1, result.code)
        self.assertIn("release 'juno' is not in [releases]", result.err)
        self.assertFalse(os.path.exists(lockfile.path_of(self.repo.path)))

    def test_release_is_required(self):
        # argparse exits on its own, with the usage code.
        error = self.assertRaises(SystemExit, self.manage, 'repo', 'lock')
        self.assertEqual(2, error.code)


class TestPreCommitHook(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        with open(os.path.join(PROJECT, '.pre-commit-hooks.yaml')) as hooks:
            self.hook, = yaml.safe_load(hooks)

    def test_runs_repo_lint_once_per_commit(self):
        self.assertEqual('project-manage repo lint', self.hook['entry'])
        self.assertFalse(self.hook['pass_filenames'])
        self.assertEqual('project-manage', self.hook['entry'].split()[0])

    def test_runs_when_migrations_change(self):
        files = re.compile(self.hook['files'])
        for path in ('migrate_repo/versions/101_placeholder.py',
                     'migrate_repo/versions/005_a_sqlite_upgrade.sql',
                     'migrate_repo/releases.cfg', 'releases.lock',
                     'x/migrate_repo/migrate.cfg'):
            self.assertTrue(files.search(path), path)
        for path in ('nova_like/db/models.py', 'README.rst',
                     'migrate_repo/versions/sub/x.txt'):
            self.assertFalse(files.search(path), path)
