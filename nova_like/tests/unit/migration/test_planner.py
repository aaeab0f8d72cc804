from oslotest import base

from nova_like import exception
from nova_like.migration import planner
from nova_like.migration import repository
from nova_like.tests import scenario


class TestPlan(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())
        work = 'migrate_engine.execute("SELECT 1")'
        self.repo.write_script(1, work, name='first', downgrade='pass')
        self.repo.write_placeholder(2, 3, 4)
        self.repo.write_script(5, work, name='fifth')

    def _plan(self, current, target=None, **kwargs):
        return planner.plan(repository.load(self.repo.path), current, target,
                            **kwargs)

    def _shape(self, steps):
        return [(step.direction, step.start, step.end) for step in steps]

    def test_upgrade_to_head_batches_placeholders(self):
        steps = self._plan(0)
        self.assertEqual([('upgrade', 0, 1), ('upgrade', 1, 4),
                          ('upgrade', 4, 5)], self._shape(steps))
        self.assertEqual([2, 3, 4], steps[1].versions)
        self.assertTrue(steps[1].is_noop)
        self.assertFalse(steps[0].is_noop)

    def test_upgrade_without_batching(self):
        steps = self._plan(0, batch_noops=False)
        self.assertEqual(5, len(steps))

    def test_upgrade_to_target(self):
        self.assertEqual([('upgrade', 0, 1), ('upgrade', 1, 3)],
                         self._shape(self._plan(0, 3)))

    def test_at_target_nothing_to_do(self):
        self.assertEqual([], self._plan(5))

    def test_missing_target(self):
        error = self.assertRaises(exception.VersionError, self._plan, 0, 9)
        self.assertIn('version 9 does not exist', error.message)

    def test_gap_fails_before_anything(self):
        self.repo.write_script(7)
        error = self.assertRaises(exception.VersionError, self._plan, 0)
        self.assertIn('version 6 is missing', error.message)

    def test_database_newer_than_repository(self):
        error = self.assertRaises(exception.DatabaseError, self._plan, 8)
        self.assertIn('newer than the head 5', error.message)

    def test_database_older_than_compacted_repository(self):
        self.repo.write_script(0, name='zero')
        error = self.assertRaises(exception.DatabaseError, self._plan, -3)
        self.assertIn('older than the first version', error.message)

    def test_downgrade_refused_without_downgrade(self):
        error = self.assertRaises(exception.VersionError, self._plan, 5, 0)
        self.assertIn('version 5 (005_fifth.py) defines no downgrade',
                      error.message)

    def test_downgrade_through_placeholders(self):
        steps = self._plan(4, 0)
        self.assertEqual([('downgrade', 4, 3), ('downgrade', 3, 2),
                          ('downgrade', 2, 1), ('downgrade', 1, 0)],
                         self._shape(steps))
