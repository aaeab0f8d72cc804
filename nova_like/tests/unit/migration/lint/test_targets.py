from oslotest import base

from nova_like.migration.lint import sources
from nova_like.migration.lint import targets
from nova_like.migration import repository
from nova_like.tests import scenario


class TestBackportTargets(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())

    def targets(self):
        return targets.backport_targets(repository.load(self.repo.path),
                                        sources.Sources())

    def test_filled_slots_twins_and_declared_scripts(self):
        self.repo.write_script(1)
        self.repo.write_script(2, 'create()', name='fix')
        self.repo.write_placeholder(3)
        self.repo.write_script(4, header='BACKPORTABLE = True')
        self.repo.write_script(5, header='BACKPORTABLE = False')
        self.repo.write_script(6, 'create()', name='fix')
        self.repo.write_releases("""
            [placeholders]
            havana = 2-3
            [backports]
            2 = 6
            3 = 7
            """)
        self.assertEqual({
            2: ['it fills a slot reserved for havana backports'],
            4: ['it declares BACKPORTABLE = True'],
            6: ['it is the master twin of slot 2'],
        }, self.targets())

    def test_inferred_ranges_and_recorded_slots_outside_them(self):
        self.repo.write_placeholder(1, 2)
        self.repo.write_script(3, 'create()')
        self.assertEqual({}, self.targets())
        self.repo.write_releases('[backports]\n3 = 9\n')
        self.assertEqual({3: ['it is the backport slot of 9']},
                         self.targets())
