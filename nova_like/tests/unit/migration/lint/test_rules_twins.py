import os

from oslotest import base

from nova_like.migration.lint import rules_twins
from nova_like.migration.lint import sources
from nova_like.migration import repository
from nova_like.tests import scenario
from nova_like.tests.unit.migration.lint import samples


class TestTwins(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())
        self.repo.write_script(1)
        self.repo.write_placeholder(2, 3)

    def check(self, backports=''):
        self.repo.write_releases('[placeholders]\nhavana = 2-3\n'
                                 '[backports]\n' + backports)
        return rules_twins.check(repository.load(self.repo.path),
                                 sources.Sources())

    def fill(self, version, upgrade=samples.GUARDED_ADD_X, name='add_x',
             header=''):
        placeholder = os.path.join(self.repo.versions,
                                   '%03d_placeholder.py' % version)
        if os.path.exists(placeholder):
            os.unlink(placeholder)
        return self.repo.write_script(version, upgrade, name=name,
                                      header=header)

    def test_unrecorded_filled_slot(self):
        path = self.fill(2)
        found = self.check()
        self.assertEqual([(path, 'NL112')], [(f.path, f.code) for f in found])
        self.assertIn('havana', found[0].message)

    def test_recorded_slot_on_a_stable_branch(self):
        # The master twin is not in this repository yet: nothing to compare.
        self.fill(2)
        self.assertEqual([], self.check('2 = 9\n'))

    def test_master_keeps_its_placeholder(self):
        self.fill(4)
        self.assertEqual([], self.check('2 = 4\n'))

    def test_twin_equal_but_for_comments_and_docstrings(self):
        self.fill(2, header='"""havana backport."""\n# slot 2')
        self.fill(4, header='"""icehouse."""')
        self.assertEqual([], self.check('2 = 4\n'))

    def test_twin_differs_from_its_slot(self):
        path = self.fill(2)
        self.fill(4, samples.GUARDED_ADD_X.replace('Integer', 'String(3)'))
        found = self.check('2 = 4\n')
        self.assertEqual([(path, 'NL114')], [(f.path, f.code) for f in found])
        # The line of the function that differs.
        self.assertEqual(2, found[0].line)

    def test_bad_records(self):
        self.fill(4)
        self.repo.write_script(5)
        cases = {'1 = 4\n': 'not in a reserved placeholder range',
                 '3 = 2\n': 'must come after its slot',
                 '3 = 3\n': 'must come after its slot'}
        for record, problem in cases.items():
            found = self.check(record)
            self.assertEqual(['NL113'], [item.code for item in found], record)
            self.assertIn(problem, found[0].message)
            self.assertTrue(found[0].path.endswith('releases.cfg'))
            self.assertEqual(4, found[0].line)

    def test_missing_versions_in_records(self):
        self.repo.write_script(5)
        os.unlink(os.path.join(self.repo.versions, '003_placeholder.py'))
        self.repo.write_script(4)
        self.assertIn('there is no version 3',
                      self.check('3 = 5\n')[0].message)
