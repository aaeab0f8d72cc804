import os
import subprocess
import sys

import fixtures
from oslotest import base

from nova_like.migration import api
from nova_like.migration import releases
from nova_like.migration import repository
from nova_like.tests import cli
from nova_like.tests import scenario

TOOL = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir,
                    os.pardir, os.pardir, os.pardir, 'tools',
                    'reserve-placeholders')

TWIN = """\
def upgrade(migrate_engine):
    migrate_engine.execute('CREATE TABLE cleaned (id INTEGER)')
"""


def _listing(path):
    found = {}
    for folder, dirs, files in os.walk(path):
        # Compiled scripts come and go with other tests' runs.
        dirs[:] = [name for name in dirs if name != '__pycache__']
        for name in files:
            with open(os.path.join(folder, name), 'rb') as stream:
                found[os.path.relpath(os.path.join(folder, name),
                                      path)] = stream.read()
    return found


class CommandTestCase(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())
        self.repo.write_script(1, name='first')
        self.repo.write_placeholder(2, 3, 4)
        self.repo.write_script(5, name='fifth')
        self.repo.write_releases("""
            # keep me
            [placeholders]
            havana = 2-4
            """)
        self.manage = self.useFixture(cli.ManageFixture())

    def run_ok(self, *argv):
        result = self.manage(*argv)
        self.assertEqual(0, result.code, result.out + result.err)
        self.assertEqual('', result.err)
        return result.out

    def assertRefused(self, fragment, *argv):
        before = _listing(self.repo.path)
        result = self.manage(*argv)
        self.assertEqual(1, result.code, result.out + result.err)
        self.assertEqual(1, len(result.err.splitlines()), result.err)
        self.assertIn(fragment, result.err)
        self.assertEqual(before, _listing(self.repo.path))

    def reserve(self, *argv):
        return ('repo', 'reserve-placeholders', '--repository',
                self.repo.path) + argv

    def backport(self, *argv):
        return ('repo', 'backport', '--repository', self.repo.path) + argv

    def write_master(self, name='009_add_cleaned.py', text=TWIN):
        path = os.path.join(self.useFixture(fixtures.TempDir()).path, name)
        with open(path, 'w') as stream:
            stream.write(text)
        return path


class TestReservePlaceholders(CommandTestCase):

    def test_reserves_and_says_what_it_did(self):
        out = self.run_ok(*self.reserve('--count', 3, '--release', 'juno'))
        self.assertEqual(
            'reserved versions 6-8 for backports to juno (3 placeholders)\n'
            '  created versions/006_placeholder.py .. '
            'versions/008_placeholder.py\n'
            '  recorded juno = 6-8 in [placeholders] of releases.cfg\n'
            'new work starts at version 9\n', out)
        loaded = repository.load(self.repo.path)
        self.assertEqual(releases.VersionRange('juno', 6, 8),
                         loaded.placeholder_ranges()[-1])
        self.assertTrue(all(loaded.script(version).is_noop
                            for version in (6, 7, 8)))

    def test_underscore_spelling_and_global_repository(self):
        out = self.run_ok('--repository', self.repo.path, 'repo',
                          'reserve_placeholders', '--count', 1,
                          '--release', 'juno')
        self.assertIn('created versions/006_placeholder.py\n', out)

    def test_dry_run_writes_nothing(self):
        before = _listing(self.repo.path)
        out = self.run_ok(*self.reserve('--count', 3, '--release', 'juno',
                                        '--dry-run'))
        self.assertIn('would reserve versions 6-8', out)
        self.assertIn('would create versions/006_placeholder.py', out)
        self.assertIn('dry run: nothing written', out)
        self.assertEqual(before, _listing(self.repo.path))

    def test_second_run_does_nothing(self):
        self.run_ok(*self.reserve('--count', 3, '--release', 'juno'))
        before = _listing(self.repo.path)
        out = self.run_ok(*self.reserve('--count', 3, '--release', 'juno'))
        self.assertEqual('release juno already has placeholders 6-8 '
                         '(3 slots): nothing to do\n', out)
        self.assertEqual(before, _listing(self.repo.path))

    def test_creates_releases_cfg(self):
        os.unlink(os.path.join(self.repo.path, 'releases.cfg'))
        out = self.run_ok(*self.reserve('--count', 1, '--release', 'juno'))
        self.assertIn('  created releases.cfg\n', out)
        self.assertIn('  recorded the placeholder run 2-4 as unnamed-2 in '
                      '[placeholders] of releases.cfg', out)

    def test_default_repository_is_the_bundled_one(self):
        head = api.load_repository().head
        before = _listing(api.bundled_repository())
        out = self.run_ok('repo', 'reserve-placeholders', '--count', 2,
                          '--release', 'juno', '--dry-run')
        self.assertIn('would reserve versions %d-%d' % (head + 1, head + 2),
                      out)
        self.assertEqual(before, _listing(api.bundled_repository()))

    def test_refuses_bad_counts(self):
        for count in (0, 1001):
            self.assertRefused('cannot reserve %d placeholders' % count,
                               *self.reserve('--count', count, '--release',
                                             'juno'))

    def test_refuses_a_release_with_another_range(self):
        self.assertRefused('release havana already has placeholders 2-4',
                           *self.reserve('--count', 4, '--release', 'havana'))

    def test_refuses_colliding_files(self):
        self.repo.write_file('versions/007_old.py.orig', '')
        self.assertRefused('007_old.py.orig', *self.reserve(
            '--count', 3, '--release', 'juno'))

    def test_refuses_a_missing_repository(self):
        result = self.manage('repo', 'reserve-placeholders', '--repository',
                             self.repo.path + '-nope', '--count', 1,
                             '--release', 'juno')
        self.assertEqual(1, result.code)
        self.assertIn('no migrate repository at %s-nope' % self.repo.path,
                      result.err)


class TestTool(CommandTestCase):
    """``tools/reserve-placeholders`` is project-manage's command."""

    def tool(self, *argv):
        return subprocess.run(
            [sys.executable, TOOL] + [str(arg) for arg in argv],
            capture_output=True, text=True, check=False)

    def test_same_as_the_command(self):
        result = self.tool('--count', 2, '--release', 'juno',
                           '--repository', self.repo.path)
        self.assertEqual(0, result.returncode, result.stderr)
        self.assertIn('reserved versions 6-7 for backports to juno',
                      result.stdout)
        self.assertEqual(
            'release juno already has placeholders 6-7 (2 slots): nothing '
            'to do\n',
            self.run_ok(*self.reserve('--count', 2, '--release', 'juno')))

    def test_refusal_exit_code(self):
        result = self.tool('--count', 0, '--release', 'juno',
                           '--repository', self.repo.path)
        self.assertEqual(1, result.returncode)
        self.assertEqual('ERROR: cannot reserve 0 placeholders: the count '
                         'must be between 1 and 1000\n', result.stderr)

    def test_is_executable(self):
        self.assertTrue(os.access(TOOL, os.X_OK))


class TestBackport(CommandTestCase):

    def test_fills_a_slot_and_says_so(self):
        master = self.write_master()
        out = self.run_ok(*self.backport(master))
        self.assertEqual(
            'filled slot 2 of havana 2-4 with master version 9\n'
            '  created versions/002_add_cleaned.py from %s\n'
            '  removed versions/002_placeholder.py\n'
            '  recorded 2 = 9 in [backports] of releases.cfg\n'
            'master version 9 must stay idempotent: databases that ran slot '
            '2 run it again when they upgrade\n' % master, out)
        self.assertEqual({2: 9},
                         repository.load(self.repo.path).releases.backports)

    def test_slot_and_release_options(self):
        out = self.run_ok(*self.backport(self.write_master(), '--slot', 3,
                                         '--release', 'havana'))
        self.assertIn('filled slot 3 of havana', out)

    def test_dry_run_writes_nothing(self):
        before = _listing(self.repo.path)
        out = self.run_ok(*self.backport(self.write_master(), '--dry-run'))
        self.assertIn('would fill slot 2', out)
        self.assertEqual(before, _listing(self.repo.path))

    def test_refusals(self):
        master = self.write_master()
        self.assertRefused('slot 5 is not in a reserved placeholder range',
                           *self.backport(master, '--slot', 5))
        self.assertRefused('cannot read master script',
                           *self.backport(master + '-nope.py'))
        self.assertRefused('is not a version script',
                           *self.backport(self.write_master('cleaned.py')))
        self.run_ok(*self.backport(master))
        self.assertRefused('slot 2 is already filled',
                           *self.backport(self.write_master('010_x.py'),
                                          '--slot', 2))


class TestDbStatus(CommandTestCase):

    def test_shows_each_range(self):
        self.run_ok(*self.backport(self.write_master(), '--slot', 3))
        self.run_ok('--repository', self.repo.path, 'db', 'version_control',
                    1)
        out = self.run_ok('--repository', self.repo.path, 'db', 'status')
        table, ranges = out.split('placeholder ranges:\n')
        rows = {line.split('|')[1].strip(): line
                for line in table.splitlines() if line.startswith('| ')}
        self.assertIn('filled slot', rows['3'])
        self.assertIn('| 9 ', rows['3'])
        self.assertIn('| placeholder ', rows['2'])
        self.assertIn('| havana       | 2-4   | 3     | 3 (twin 9)    '
                      '| 2, 4     |', ranges)

    def test_inferred_ranges(self):
        os.unlink(os.path.join(self.repo.path, 'releases.cfg'))
        self.run_ok('--repository', self.repo.path, 'db', 'version_control')
        out = self.run_ok('--repository', self.repo.path, 'db', 'status')
        self.assertIn('| (inferred from names) | 2-4   | 3     |', out)

    def test_no_ranges_no_summary(self):
        self.repo.write_file('releases.cfg', '')
        for version in (2, 3, 4):
            os.unlink(os.path.join(self.repo.versions,
                                   '%03d_placeholder.py' % version))
        self.repo.write_script(2)
        self.repo.write_script(3)
        self.repo.write_script(4)
        self.run_ok('--repository', self.repo.path, 'db', 'version_control')
        out = self.run_ok('--repository', self.repo.path, 'db', 'status')
        self.assertNotIn('placeholder ranges', out)
