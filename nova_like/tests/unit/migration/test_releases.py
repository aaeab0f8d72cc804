from oslotest import base

from nova_like import exception
from nova_like.migration import releases
from nova_like.tests import scenario


class TestReleases(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())

    def test_no_file_means_empty(self):
        info = releases.load(self.repo.path)
        self.assertFalse(info.exists)
        self.assertIsNone(info.release_of(1))

    def test_reads_all_sections(self):
        self.repo.write_releases("""
            [releases]
            grizzly = 1-10
            havana = 11-20
            [placeholders]
            grizzly = 11-15
            [backports]
            12 = 23
            """)
        info = releases.load(self.repo.path)
        self.assertEqual('havana', info.release_of(11))
        self.assertEqual('grizzly', info.release_of(10))
        self.assertIsNone(info.release_of(21))
        self.assertEqual('grizzly', info.reserved_for(15))
        self.assertIsNone(info.reserved_for(16))
        self.assertEqual({12: 23}, info.backports)

    def test_bad_range_names_file_and_key(self):
        self.repo.write_releases("""
            [placeholders]
            grizzly = 15-11
            """)
        error = self.assertRaises(exception.RepositoryError, releases.load,
                                  self.repo.path)
        self.assertIn('releases.cfg', error.message)
        self.assertIn('grizzly', error.message)

    def test_bad_backport(self):
        self.repo.write_releases("""
            [backports]
            twelve = 23
            """)
        self.assertRaises(exception.RepositoryError, releases.load,
                          self.repo.path)
