"""``--verify --database-connection URL`` on each backend's scratch database.

Fails, not skips, where CI requires the backend (see
:mod:`nova_like.tests.backends`).
"""
import sqlalchemy as sa

from nova_like.migration.lint import verify
from nova_like.migration import repository
from nova_like.tests import backends
from nova_like.tests import scenario
from nova_like.tests.unit.migration.lint import samples

load_tests = backends.load_tests


class TestVerifyOnBackends(backends.BackendTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())
        samples.write_base(self.repo)

    def verify(self, upgrade):
        samples.fill_slot(self.repo, upgrade)
        found = verify.verify(repository.load(self.repo.path), self.url)
        # The scratch database is left as empty as it was given.
        self.assertEqual([], sa.inspect(self.engine).get_table_names())
        return [item.code for item in found]

    def test_guarded_slot(self):
        self.assertEqual([], self.verify(samples.GUARDED_ADD_X))

    def test_unguarded_slot(self):
        self.assertEqual(['NL301'], self.verify(samples.ADD_X))
