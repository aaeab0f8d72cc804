from oslotest import base

from nova_like import exception
from nova_like.migration import phases
from nova_like.migration import planner
from nova_like.migration import repository
from nova_like.tests import scenario

WORK = 'migrate_engine.execute("SELECT 1")'
CONTRACT = "PHASE = 'contract'\nCONDITIONS = ['x.conditions:Done']"


class TestPhases(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())
        self.repo.write_script(1, WORK, name='expand_a', downgrade='pass')
        self.repo.write_placeholder(2)
        self.repo.write_script(3, WORK, name='contract_a', header=CONTRACT)
        self.repo.write_script(4, WORK, name='expand_b',
                               header="PHASE = 'expand'")
        self.repo.write_script(5, WORK, name='contract_b',
                               header="PHASE = 'contract'")

    def plan(self, current, target=None):
        return planner.plan(repository.load(self.repo.path), current, target)

    def ends(self, steps):
        return [step.end for step in steps]

    def test_legacy_scripts_are_expand_steps(self):
        scripts = repository.load(self.repo.path).scripts
        self.assertEqual(['expand', 'expand', 'contract', 'expand',
                          'contract'],
                         [phases.phase_of(scripts[v]) for v in range(1, 6)])
        self.assertEqual(('x.conditions:Done',),
                         phases.conditions_of(scripts[3]))
        self.assertEqual((), phases.conditions_of(scripts[5]))

    def test_everything_without_a_phase(self):
        self.assertEqual([1, 2, 3, 4, 5],
                         self.ends(phases.select(self.plan(0))))

    def test_expand_stops_before_the_first_contract_step(self):
        self.assertEqual([1, 2], self.ends(phases.select(self.plan(0),
                                                         phases.EXPAND)))
        self.assertEqual([4], self.ends(phases.select(self.plan(3),
                                                      phases.EXPAND)))
        self.assertEqual([], phases.select(self.plan(2), phases.EXPAND))

    def test_contract_runs_from_the_contract_step_on(self):
        self.assertEqual([3, 4, 5], self.ends(phases.select(
            self.plan(2), phases.CONTRACT)))

    def test_contract_refused_when_an_expand_step_comes_first(self):
        error = self.assertRaises(exception.VersionError, phases.select,
                                  self.plan(0), phases.CONTRACT)
        self.assertIn('version 1 (001_expand_a.py) is an expand step',
                      error.message)

    def test_phase_of_a_downgrade_refused(self):
        self.assertRaises(exception.VersionError, phases.select,
                          self.plan(1, 0), phases.EXPAND)
        self.assertEqual([0], self.ends(phases.select(self.plan(1, 0))))

    def test_state(self):
        self.assertEqual(phases.UP_TO_DATE, phases.state([]))
        self.assertEqual(phases.EXPAND_PENDING,
                         phases.state(self.plan(0), ['unmet']))
        self.assertEqual(phases.DATA_PENDING,
                         phases.state(self.plan(2), ['unmet']))
        self.assertEqual(phases.CONTRACT_PENDING, phases.state(self.plan(2)))


class TestInvalidDeclarations(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())

    def refused(self, header):
        self.repo.write_script(1, WORK, name='bad', header=header)
        script = repository.load(self.repo.path).scripts[1]
        return self.assertRaises(exception.ScriptError, phases.phase_of,
                                 script).message

    def test_unknown_phase(self):
        self.assertIn("PHASE must be 'expand' or 'contract', not 'migrate'",
                      self.refused("PHASE = 'migrate'"))

    def test_phase_that_is_not_a_literal(self):
        self.assertIn('PHASE must be a literal',
                      self.refused("PHASE = 'con' + 'tract'"))

    def test_conditions_need_import_paths(self):
        self.assertIn('CONDITIONS must be a list',
                      self.refused("PHASE = 'contract'\nCONDITIONS = ['x']"))

    def test_conditions_on_an_expand_step(self):
        self.assertIn("declares CONDITIONS but is an expand step: add "
                      "PHASE = 'contract'",
                      self.refused("CONDITIONS = ['a:B']"))
