from oslotest import base

from nova_like import exception
from nova_like.migration.lint import settings
from nova_like.tests import scenario


class TestSettings(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())

    def test_defaults_without_file_or_section(self):
        self.assertEqual(settings.Settings(), settings.load(self.repo.path))
        self.repo.write_releases('[releases]\nhavana = 1-2\n')
        loaded = settings.load(self.repo.path)
        self.assertFalse(loaded.require_downgrade)
        self.assertEqual(('nova_like.db.models',), loaded.models_modules)

    def test_reads_the_lint_section(self):
        self.repo.write_releases("""
            [lint]
            require_downgrade = yes
            require_downgrade_from = 120
            models_modules = nova.db.sqlalchemy.models,
                nova.db.sqlalchemy.api_models
            """)
        loaded = settings.load(self.repo.path)
        self.assertEqual((True, 120), (loaded.require_downgrade,
                                       loaded.require_downgrade_from))
        self.assertEqual(('nova.db.sqlalchemy.models',
                          'nova.db.sqlalchemy.api_models'),
                         loaded.models_modules)
        self.assertFalse(loaded.wants_downgrade(119))
        self.assertTrue(loaded.wants_downgrade(120))

    def test_bad_value_names_file_and_section(self):
        self.repo.write_releases('[lint]\nrequire_downgrade = maybe\n')
        error = self.assertRaises(exception.RepositoryError, settings.load,
                                  self.repo.path)
        self.assertIn('releases.cfg', error.message)
        self.assertIn('[lint]', error.message)

    def test_line_of(self):
        path = self.repo.write_releases(
            '[placeholders]\nhavana = 1-5\n[backports]\n# c\n3 = 9\n')
        self.assertEqual(5, settings.line_of(path, 'backports', 3))
        self.assertEqual(1, settings.line_of(path, 'backports', 4))
