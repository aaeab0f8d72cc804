"""sqlalchemy-migrate 0.13 (the reference) and nova_like, side by side.

For each test repository (the bundled ``migrate_repo``, the legacy-style
sample, generated repositories) and each backend, one database is migrated
by the reference (``version_control`` at the repository's initial version,
then ``upgrade``) and another by nova_like's ``db sync``.  Their normalized
schemas, the ``migrate_version`` table itself included, and their
``migrate_version`` rows must be equal.  The hand-over tests migrate half
the versions with one tool and the rest with the other, and must reach the
state of nova_like alone (which the first test proves equal to the
reference alone).

Names of constraints and indexes and the order of columns are compared on
every backend: a later script drops constraints by name and a dump lists
columns in order, and no documented sqlalchemy-migrate quirk makes the
reference's names or order depend on anything but the scripts.  Where the
reference has a quirk (e.g. the legacy sample's README), nova_like must
reproduce it, so nothing is relaxed.

Each reference call is a subprocess (about half a second): each test makes
at most two.
"""
import os

from oslotest import base
import sqlalchemy as sa
import testscenarios

from nova_like.migration import api
from nova_like.migration import recorder
from nova_like.migration import repository as repository_mod
from nova_like.migration import schema
from nova_like.testing import models_sync
from nova_like.tests import backends
from nova_like.tests import generated
from nova_like.tests import reference
from nova_like.tests import scenario

load_tests = backends.load_tests

# Scripts there import nova_like.tests.repos...: the reference's default
# paths (the top of the working tree) let them.
LEGACY_SAMPLE = os.path.join(os.path.dirname(os.path.abspath(
    scenario.__file__)), 'repos', 'legacy_sample')
# (seed, versions, first version).  Both seeds alter the nullability of
# columns that have an index or a unique constraint (SQLite rebuilds those
# tables); the second repository is compacted (starts above 1), so the
# initial version given to version_control is not 0.
GENERATED = ((4, 30, 1), (13, 30, 200))
REPOSITORIES = [
    ('bundled', {'fixed_path': api.bundled_repository()}),
    ('legacy_sample', {'fixed_path': LEGACY_SAMPLE}),
] + [('generated_%d' % seed, {'generator': (seed, count, first)})
     for seed, count, first in GENERATED]


# Runs differently under the two tools: the comparison must say so.
DIVERGENT = """
columns = [sa.Column('id', sa.Integer, primary_key=True)]
if sa.__version__.startswith('1.'):
    # Only the reference runs scripts on SQLAlchemy 1.x.
    columns.append(sa.Column('legacy_only', sa.Integer))
sa.Table('divergent', sa.MetaData(bind=migrate_engine), *columns).create()
"""


class DifferentialTestCase(backends.BackendTestCase):
    """Two databases of one backend and the tools to compare them."""

    fixed_path = None
    generator = None

    def setUp(self):
        super().setUp()
        self.repository = self._repository_path()
        loaded = repository_mod.load(self.repository)
        self.initial, self.head = loaded.initial_version, loaded.head
        self.repository_id = loaded.id
        self.version_table = loaded.version_table
        self.middle = self.initial + (self.head - self.initial) // 2
        self.reference = reference.reference_migrate()
        # The second database, on the same server.
        self.other = self.useFixture(models_sync.ScratchDatabase(self.url))

    def _repository_path(self):
        if self.generator is None:
            return self.fixed_path
        seed, count, first = self.generator
        return self.useFixture(generated.GeneratedRepository(
            seed, count, first)).path

    def _reference_upgrade(self, url, version=None):
        self.assertEqual(self.initial, self.reference.version_control(
            url, self.repository, self.initial))
        expected = self.head if version is None else version
        self.assertEqual(expected, self.reference.upgrade(
            url, self.repository, version))

    def _state(self, url):
        """Return the snapshot and the version rows of the database."""
        engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
        self.addCleanup(engine.dispose)
        table = recorder.version_table(self.version_table)
        with engine.connect() as connection:
            rows = connection.execute(sa.select(table)).all()
        return schema.snapshot(engine, exclude=(
            recorder.HISTORY_TABLE,)), [tuple(row) for row in rows]

    def assertSameState(self, expected_url, actual_url):
        expected, expected_rows = self._state(expected_url)
        actual, actual_rows = self._state(actual_url)
        self.assertEqual([], schema.diff(expected, actual))
        self.assertEqual(expected_rows, actual_rows)
        self.assertEqual([(self.repository_id, self.repository, self.head)],
                         actual_rows)
        # The scripts built something: the comparison is not of two voids.
        self.assertGreater(len(actual.tables), 1, actual)


class TestDifferential(DifferentialTestCase):

    scenarios = testscenarios.multiply_scenarios(
        backends.backend_scenarios(*backends.BACKENDS), REPOSITORIES)

    def test_same_schema_and_versions_as_the_reference(self):
        self._reference_upgrade(self.url)
        self.assertEqual(self.head, api.sync(
            self.other.url, self.repository).end)
        self.assertSameState(self.url, self.other.url)

    def test_hand_over_from_the_reference(self):
        self._reference_upgrade(self.url, self.middle)
        result = api.sync(self.url, self.repository)
        self.assertEqual((self.middle, self.head), (result.start, result.end))
        api.sync(self.other.url, self.repository)
        self.assertSameState(self.other.url, self.url)

    def test_hand_over_to_the_reference(self):
        api.sync(self.url, self.repository, self.middle)
        self.assertEqual(self.head, self.reference.upgrade(
            self.url, self.repository))
        api.sync(self.other.url, self.repository)
        self.assertSameState(self.other.url, self.url)


class TestDivergenceIsReported(DifferentialTestCase):
    """The comparison is not blind: a script that differs is caught."""

    scenarios = backends.backend_scenarios('sqlite')

    def _repository_path(self):
        repo = self.useFixture(scenario.RepositoryFixture())
        repo.write_script(1, DIVERGENT, header='import sqlalchemy as sa')
        return repo.path

    def test_schema_difference_fails_the_comparison(self):
        self._reference_upgrade(self.url)
        api.sync(self.other.url, self.repository)
        error = self.assertRaises(self.failureException, self.assertSameState,
                                  self.url, self.other.url)
        self.assertIn('table divergent: column legacy_only: missing '
                      '(INTEGER NULL)', str(error))


class TestGeneratedRepositories(base.BaseTestCase):
    """The generator the differential tests rely on."""

    def test_same_seed_same_scripts(self):
        self.assertEqual(generated.generate(7, 25),
                         generated.generate(7, 25))
        self.assertNotEqual(generated.generate(7, 25),
                            generated.generate(8, 25))

    def test_repositories_of_the_differential_tests_mix_every_change(self):
        sources = '\n'.join(
            version.source for seed, count, first in GENERATED
            for version in generated.generate(seed, count, first))
        for fragment in ('# This is a placeholder', 'table.create()',
                         'table.create_column(', ').create(table)',
                         'sa.Index(', 'from migrate import Unique',
                         'from migrate.changeset import Unique',
                         '.alter(nullable=False)'):
            self.assertIn(fragment, sources)

    def test_written_repository_loads_with_numbering_and_placeholders(self):
        repo = self.useFixture(generated.GeneratedRepository(13, 30, 200))
        loaded = repository_mod.load(repo.path)
        self.assertEqual(list(range(200, 230)), loaded.versions)
        self.assertEqual(199, loaded.initial_version)
        self.assertEqual('generated_13', loaded.id)
        placeholders = [version for version in loaded.versions
                        if loaded.scripts[version].is_placeholder]
        self.assertTrue(placeholders)
        self.assertTrue(all(loaded.scripts[version].is_noop
                            for version in placeholders))
