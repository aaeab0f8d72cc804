import os
import textwrap

import fixtures
from oslotest import base

from nova_like import exception
from nova_like.migration import placeholders
from nova_like.migration import planner
from nova_like.migration import releases
from nova_like.migration import repository
from nova_like.tests import scenario

RELEASES_CFG = """\
# Release records; keep this comment.

[releases]
# release = first-last
havana = 1-2

[placeholders]
# release = first-last: slots for backports
; an old-style comment stays too

# [backports] below is filled on stable branches
[backports]
"""

GUARDED = """\
from sqlalchemy import MetaData, Table


def upgrade(migrate_engine):
    meta = MetaData()
    meta.bind = migrate_engine
    instances = Table('instances', meta, autoload=True)
    if not hasattr(instances.c, 'cleaned'):
        migrate_engine.execute('ALTER TABLE instances ADD cleaned INTEGER')
"""


def _listing(path):
    """Every file under ``path`` with its content."""
    found = {}
    for folder, dirs, files in os.walk(path):
        # Compiled scripts come and go with other tests' runs.
        dirs[:] = [name for name in dirs if name != '__pycache__']
        for name in files:
            with open(os.path.join(folder, name), 'rb') as stream:
                found[os.path.relpath(os.path.join(folder, name),
                                      path)] = stream.read()
    return found


class PlaceholderTestCase(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())

    def load(self):
        return repository.load(self.repo.path)

    def releases_text(self):
        with open(os.path.join(self.repo.path, 'releases.cfg')) as stream:
            return stream.read()

    def reserve(self, release='juno', count=3):
        plan = placeholders.plan_reservation(self.load(), release, count)
        placeholders.write_reservation(plan)
        return plan

    def assertRefused(self, error_class, fragment, func, *args, **kwargs):
        before = _listing(self.repo.path)
        error = self.assertRaises(error_class, func, *args, **kwargs)
        self.assertIn(fragment, error.message)
        self.assertEqual(1, len(error.message.splitlines()))
        self.assertEqual(before, _listing(self.repo.path))
        return error


class TestReservation(PlaceholderTestCase):

    def setUp(self):
        super().setUp()
        self.repo.write_script(1, name='first')
        self.repo.write_script(2, name='second')
        self.repo.write_file('releases.cfg', RELEASES_CFG)

    def test_appends_placeholders_after_the_head(self):
        plan = self.reserve('juno', 3)
        self.assertEqual(releases.VersionRange('juno', 3, 5), plan.range)
        loaded = self.load()
        self.assertEqual([1, 2, 3, 4, 5], loaded.versions)
        for version in (3, 4, 5):
            script = loaded.script(version)
            self.assertEqual('%03d_placeholder.py' % version, script.name)
            self.assertTrue(script.is_placeholder)
            self.assertTrue(script.is_noop)
        self.assertEqual([releases.VersionRange('juno', 3, 5)],
                         loaded.placeholder_ranges())

    def test_placeholder_text_names_the_release(self):
        self.reserve('juno', 1)
        with open(self.load().script(3).py_path) as stream:
            text = stream.read()
        self.assertIn('placeholder for backports', text)
        self.assertIn('Do not use this number for new work', text)
        self.assertIn('backports to juno', text)

    def test_planner_batches_the_placeholders(self):
        self.reserve('juno', 4)
        steps = planner.plan(self.load(), 2)
        self.assertEqual(1, len(steps))
        self.assertEqual([3, 4, 5, 6], steps[0].versions)
        self.assertTrue(steps[0].is_noop)

    def test_releases_cfg_keeps_its_comments(self):
        self.reserve('juno', 3)
        expected = RELEASES_CFG.replace(
            '; an old-style comment stays too\n',
            '; an old-style comment stays too\njuno = 3-5\n')
        self.assertEqual(expected, self.releases_text())

    def test_entry_goes_after_the_last_one_of_the_section(self):
        self.repo.write_file('releases.cfg', textwrap.dedent("""\
            [placeholders]
            havana = 10-12

            # next: backports
            [backports]
            11 = 20"""))
        self.repo.write_script(30)
        self.reserve('juno', 2)
        self.assertEqual(textwrap.dedent("""\
            [placeholders]
            havana = 10-12
            juno = 31-32

            # next: backports
            [backports]
            11 = 20
            """), self.releases_text())

    def test_missing_section_is_appended(self):
        self.repo.write_file('releases.cfg', '[releases]\nhavana = 1-2\n')
        self.reserve('juno', 2)
        text = self.releases_text()
        self.assertTrue(text.startswith('[releases]\nhavana = 1-2\n\n'
                                        '[placeholders]\n'), text)
        self.assertTrue(text.endswith('\njuno = 3-4\n'), text)
        self.assertEqual([releases.VersionRange('juno', 3, 4)],
                         releases.load(self.repo.path).placeholders)

    def test_creates_releases_cfg_when_absent(self):
        os.unlink(os.path.join(self.repo.path, 'releases.cfg'))
        plan = self.reserve('juno', 2)
        self.assertTrue(plan.creates_releases)
        text = self.releases_text()
        self.assertTrue(text.startswith(placeholders.RELEASES_HEADER))
        self.assertEqual([releases.VersionRange('juno', 3, 4)],
                         releases.load(self.repo.path).placeholders)

    def test_adopted_repository_keeps_its_placeholder_runs(self):
        # No record of ranges: the runs of placeholder names are ranges,
        # and they must stay ranges once releases.cfg records one.
        os.unlink(os.path.join(self.repo.path, 'releases.cfg'))
        self.repo.write_placeholder(3, 4, 5)
        self.repo.write_script(6, name='sixth')
        self.repo.write_placeholder(7)
        plan = self.reserve('juno', 2)
        self.assertEqual(
            (releases.VersionRange('unnamed-3', 3, 5),
             releases.VersionRange('unnamed-7', 7, 7)), plan.adopted)
        self.assertEqual(
            [releases.VersionRange('unnamed-3', 3, 5),
             releases.VersionRange('unnamed-7', 7, 7),
             releases.VersionRange('juno', 8, 9)],
            self.load().placeholder_ranges())

    def test_plan_writes_nothing(self):
        before = _listing(self.repo.path)
        plan = placeholders.plan_reservation(self.load(), 'juno', 3)
        self.assertEqual(3, len(plan.files))
        self.assertEqual(before, _listing(self.repo.path))

    def test_same_arguments_twice_is_a_no_op(self):
        self.reserve('juno', 3)
        before = _listing(self.repo.path)
        plan = self.reserve('juno', 3)
        self.assertTrue(plan.already_done)
        self.assertEqual(releases.VersionRange('juno', 3, 5), plan.range)
        self.assertEqual(before, _listing(self.repo.path))
        self.assertEqual(1, self.releases_text().count('juno ='))

    def test_empty_repository_starts_at_one(self):
        for name in os.listdir(self.repo.versions):
            os.unlink(os.path.join(self.repo.versions, name))
        self.reserve('juno', 2)
        self.assertEqual(['001_placeholder.py', '002_placeholder.py'],
                         sorted(os.listdir(self.repo.versions)))

    def test_largest_count_is_accepted(self):
        plan = placeholders.plan_reservation(self.load(), 'juno',
                                             placeholders.MAX_COUNT)
        self.assertEqual(placeholders.MAX_COUNT + 2, plan.range.last)

    def test_refuses_a_count_below_one(self):
        for count in (0, -3):
            self.assertRefused(exception.ConfigError, 'between 1 and 1000',
                               self.reserve, 'juno', count)

    def test_refuses_an_unreasonable_count(self):
        self.assertRefused(exception.ConfigError, 'cannot reserve 1001',
                           self.reserve, 'juno', 1001)

    def test_refuses_a_bad_release_name(self):
        for name in ('Juno', 'ju no', 'juno=1', '', '#juno', 'x' * 65):
            self.assertRefused(exception.ConfigError, 'invalid release name',
                               self.reserve, name, 2)

    def test_refuses_a_second_range_for_a_release(self):
        self.reserve('juno', 3)
        self.assertRefused(exception.RepositoryError,
                           'release juno already has placeholders 3-5 '
                           '(3 slots, not 4)', self.reserve, 'juno', 4)

    def test_refuses_a_recorded_range_whose_scripts_are_gone(self):
        self.reserve('juno', 3)
        os.unlink(os.path.join(self.repo.versions, '005_placeholder.py'))
        self.assertRefused(exception.RepositoryError,
                           'versions 5 have no script', self.reserve,
                           'juno', 3)

    def test_refuses_files_that_collide(self):
        self.repo.write_file('versions/004_notes.txt', 'reserved?')
        error = self.assertRefused(exception.RepositoryError,
                                   'cannot reserve versions 3-5',
                                   self.reserve, 'juno', 3)
        self.assertIn('004_notes.txt', error.message)

    def test_refuses_a_range_recorded_over_the_new_numbers(self):
        self.repo.write_file('releases.cfg',
                             '[placeholders]\nhavana = 4-6\n')
        self.assertRefused(exception.RepositoryError, 'havana = 4-6',
                           self.reserve, 'juno', 3)

    def test_failed_write_removes_the_placeholders(self):
        os.mkdir(os.path.join(self.repo.path, 'releases.cfg.partial'))
        before = _listing(self.repo.path)
        self.assertRaises(exception.RepositoryError, self.reserve, 'juno', 3)
        self.assertEqual(before, _listing(self.repo.path))


class TestBackport(PlaceholderTestCase):

    def setUp(self):
        super().setUp()
        self.repo.write_script(1, name='first')
        self.repo.write_placeholder(2, 3, 4)
        self.repo.write_script(5, name='fifth')
        self.repo.write_file('releases.cfg', RELEASES_CFG.replace(
            '[backports]\n', '[backports]\n# slot = master\n').replace(
            '; an old-style comment stays too\n',
            'havana = 2-4\n'))
        self.master = self.useFixture(fixtures.TempDir()).path
        self.twin = self.write_master('009_add_instances_cleaned.py')

    def write_master(self, name, text=GUARDED):
        path = os.path.join(self.master, name)
        with open(path, 'w') as stream:
            stream.write(text)
        return path

    def backport(self, master=None, **kwargs):
        plan = placeholders.plan_backport(self.load(), master or self.twin,
                                          **kwargs)
        placeholders.write_backport(plan)
        return plan

    def test_fills_the_first_free_slot_with_master_content(self):
        plan = self.backport()
        self.assertEqual((2, 9), (plan.slot, plan.master_version))
        files = sorted(os.listdir(self.repo.versions))
        self.assertIn('002_add_instances_cleaned.py', files)
        self.assertNotIn('002_placeholder.py', files)
        script = self.load().script(2)
        self.assertFalse(script.is_noop)
        with open(script.py_path) as filled, open(self.twin) as master:
            self.assertEqual(master.read(), filled.read())

    def test_records_the_twin(self):
        self.backport()
        self.assertEqual({2: 9}, self.load().releases.backports)
        self.assertIn('[backports]\n# slot = master\n2 = 9\n',
                      self.releases_text())
        self.assertIn('havana = 2-4\n\n', self.releases_text())

    def test_slot_stays_in_its_range_once_filled(self):
        self.backport()
        state, = placeholders.range_states(self.load())
        self.assertEqual(releases.VersionRange('havana', 2, 4), state.range)
        self.assertEqual(((2, 9),), state.filled)
        self.assertEqual((3, 4), state.unfilled)

    def test_next_backport_takes_the_next_slot(self):
        self.backport()
        plan = self.backport(self.write_master('010_more.py'))
        self.assertEqual(3, plan.slot)
        self.assertEqual({2: 9, 3: 10}, self.load().releases.backports)

    def test_explicit_slot(self):
        self.assertEqual(4, self.backport(slot=4).slot)
        self.assertTrue(self.load().script(2).is_noop)

    def test_release_chooses_the_range(self):
        self.repo.write_placeholder(6, 7)
        self.repo.write_file('releases.cfg', '[placeholders]\n'
                             'havana = 2-4\nicehouse = 6-7\n')
        self.assertEqual(6, self.backport().slot)
        self.assertEqual(2, self.backport(self.write_master('010_x.py'),
                                          release='havana').slot)

    def test_adopted_repository_records_its_ranges_too(self):
        os.unlink(os.path.join(self.repo.path, 'releases.cfg'))
        plan = self.backport()
        self.assertTrue(plan.creates_releases)
        loaded = self.load()
        self.assertEqual({2: 9}, loaded.releases.backports)
        # The slot is no longer named placeholder, and still reserved.
        self.assertEqual([releases.VersionRange('unnamed-2', 2, 4)],
                         loaded.placeholder_ranges())

    def test_refuses_a_slot_outside_the_ranges(self):
        self.assertRefused(exception.RepositoryError,
                           'slot 5 is not in a reserved placeholder range '
                           '(reserved: havana 2-4)', self.backport, slot=5)

    def test_refuses_a_filled_slot(self):
        self.backport()
        self.assertRefused(
            exception.RepositoryError, 'slot 2 is already filled by '
            '002_add_instances_cleaned.py (twin of master version 9)',
            self.backport, self.write_master('010_x.py'), slot=2)

    def test_refuses_a_slot_with_work_but_no_twin(self):
        os.unlink(os.path.join(self.repo.versions, '003_placeholder.py'))
        self.repo.write_script(3, 'migrate_engine.execute("SELECT 1")',
                               name='by_hand')
        self.assertRefused(exception.RepositoryError,
                           'slot 3 is already filled by 003_by_hand.py',
                           self.backport, slot=3)

    def test_refuses_a_slot_recorded_as_filled(self):
        # Master's copy of the range: the placeholder file is still there,
        # but the stable branch filled the slot.
        self.repo.write_file('releases.cfg', '[placeholders]\nhavana = 2-4\n'
                             '[backports]\n2 = 8\n')
        self.assertRefused(exception.RepositoryError,
                           'slot 2 is already filled by 002_placeholder.py '
                           '(twin of master version 8)', self.backport,
                           slot=2)
        self.assertEqual(3, self.backport().slot)

    def test_refuses_a_slot_without_script(self):
        os.unlink(os.path.join(self.repo.versions, '003_placeholder.py'))
        self.assertRefused(exception.RepositoryError,
                           'slot 3 is reserved but has no script',
                           self.backport, slot=3)

    def test_refuses_a_full_range(self):
        for version in (2, 3, 4):
            self.backport(self.write_master('%03d_m.py' % (version + 10)))
        self.assertRefused(exception.RepositoryError,
                           'every slot of the range 2-4 reserved for havana '
                           'is filled', self.backport)

    def test_refuses_an_unknown_release(self):
        self.assertRefused(exception.RepositoryError,
                           'no placeholder range is reserved for release '
                           'juno', self.backport, release='juno')

    def test_refuses_a_slot_of_another_release(self):
        self.assertRefused(exception.RepositoryError,
                           'slot 3 is reserved for release havana, not juno',
                           self.backport, slot=3, release='juno')

    def test_refuses_without_any_range(self):
        os.unlink(os.path.join(self.repo.path, 'releases.cfg'))
        for version in (2, 3, 4):
            os.unlink(os.path.join(self.repo.versions,
                                   '%03d_placeholder.py' % version))
        self.assertRefused(exception.RepositoryError,
                           'no reserved placeholder range', self.backport)

    def test_refuses_a_missing_master_script(self):
        self.assertRefused(exception.RepositoryError,
                           'cannot read master script',
                           self.backport, self.twin + '.gone.py')

    def test_refuses_a_master_file_that_is_not_a_version(self):
        for name in ('add_thing.py', '09_add_thing.py', '009_thing.sql',
                     '009.py'):
            self.assertRefused(exception.RepositoryError,
                               'is not a version script', self.backport,
                               self.write_master(name))

    def test_refuses_a_master_script_that_does_not_parse(self):
        self.assertRefused(exception.RepositoryError, 'does not parse',
                           self.backport,
                           self.write_master('011_bad.py', 'def upgrade(:'))

    def test_refuses_a_master_script_without_upgrade(self):
        self.assertRefused(exception.RepositoryError, 'defines no upgrade',
                           self.backport, self.write_master(
                               '011_bad.py', 'def downgrade(e):\n    pass\n'))

    def test_refuses_a_master_placeholder(self):
        self.assertRefused(exception.RepositoryError, 'changes nothing',
                           self.backport, self.write_master(
                               '011_placeholder.py', scenario.PLACEHOLDER))

    def test_refuses_a_master_version_not_above_the_slot(self):
        self.assertRefused(exception.RepositoryError,
                           'master version 2 is not above slot 3',
                           self.backport, self.write_master('002_x.py'),
                           slot=3)

    def test_refuses_a_master_version_backported_already(self):
        self.backport()
        self.assertRefused(exception.RepositoryError,
                           'master version 9 is already backported as slot 2',
                           self.backport)

    def test_failed_write_keeps_the_placeholder(self):
        os.mkdir(os.path.join(self.repo.path, 'releases.cfg.partial'))
        before = _listing(self.repo.path)
        self.assertRaises(exception.RepositoryError, self.backport)
        self.assertEqual(before, _listing(self.repo.path))


class TestRangeStates(PlaceholderTestCase):

    def test_describe_versions(self):
        self.assertEqual('', placeholders.describe_versions([]))
        self.assertEqual('7', placeholders.describe_versions([7]))
        self.assertEqual('1-3, 5, 7-8',
                         placeholders.describe_versions([8, 1, 2, 3, 5, 7]))

    def test_filled_unfilled_and_missing_slots(self):
        self.repo.write_script(1, name='first')
        self.repo.write_placeholder(2, 4, 6)
        self.repo.write_script(3, 'migrate_engine.execute("SELECT 1")',
                               name='backported')
        self.repo.write_script(5, 'migrate_engine.execute("SELECT 1")',
                               name='by_hand')
        self.repo.write_releases("""
            [placeholders]
            havana = 2-7
            [backports]
            3 = 12
            """)
        state, = placeholders.range_states(self.load())
        self.assertEqual(6, state.size)
        self.assertEqual('3 (twin 12), 5 (twin unknown)', state.filled_text())
        self.assertEqual('2, 4, 6; no script: 7', state.unfilled_text())

    def test_inferred_ranges_have_no_release(self):
        self.repo.write_placeholder(1, 2)
        state, = placeholders.range_states(self.load())
        self.assertIsNone(state.range.release)
        self.assertEqual((1, 2), state.unfilled)
        self.assertEqual('', state.filled_text())
