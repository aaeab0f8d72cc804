from oslotest import base
import sqlalchemy as sa

from nova_like import exception
from nova_like.migration import conditions
from nova_like.migration import planner
from nova_like.migration import repository
from nova_like.tests import scenario

HERE = __name__


class Holds(conditions.Condition):
    description = 'always holds'

    def check(self, connection):
        return connection.execute(sa.text('SELECT 1')).scalar() == 1


class Fails(conditions.Condition):
    description = 'never holds'

    def check(self, connection):
        return False


class Broken(conditions.Condition):

    def check(self, connection):
        raise RuntimeError('no such table: flavors')


NOT_A_CONDITION = object()


class TestConditions(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())
        self.engine = sa.create_engine('sqlite://')
        self.connection = self.engine.connect()
        self.addCleanup(self.connection.close)

    def step(self, *names):
        self.repo.write_script(1, 'pass', name='drop', header=(
            "PHASE = 'contract'\nCONDITIONS = %r" % [
                '%s:%s' % (HERE, name) for name in names]))
        return planner.plan(repository.load(self.repo.path), 0)[0]

    def test_unmet_conditions_refuse_the_step(self):
        error = self.assertRaises(exception.ConditionsUnmet,
                                  conditions.check_step, self.connection,
                                  self.step('Holds', 'Fails'))
        self.assertIn('version 1 (001_drop.py) is a contract step waiting '
                      'for: never holds; the database stays at version 0',
                      error.message)
        self.assertEqual(0, error.version)
        self.assertEqual(['never holds'], [str(c) for c in error.conditions])

    def test_conditions_that_hold(self):
        self.assertIsNone(conditions.check_step(self.connection,
                                                self.step('Holds')))

    def test_expand_steps_are_not_checked(self):
        self.repo.write_script(1, 'pass', name='add')
        step = planner.plan(repository.load(self.repo.path), 0)[0]
        self.assertIsNone(conditions.check_step(self.connection, step))

    def test_failing_check(self):
        error = self.assertRaises(exception.DatabaseError,
                                  conditions.check_step, self.connection,
                                  self.step('Broken'))
        self.assertIn('could not be checked: RuntimeError: no such table',
                      error.message)

    def test_unimportable(self):
        for name, reason in (('Missing', 'cannot be imported'),
                             ('NOT_A_CONDITION', 'has no check')):
            error = self.assertRaises(exception.ScriptError,
                                      conditions.check_step, self.connection,
                                      self.step(name))
            self.assertIn('%s:%s' % (HERE, name), error.message)
            self.assertIn(reason, error.message)
