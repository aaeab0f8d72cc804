"""Verified compaction on SQLite, PostgreSQL and MariaDB.

Copies of the bundled repository and a generated one are compacted, the
proof running on the test's backend (a scratch database beside the test
database); the test database then shows that the compacted copy reaches
the original's head schema, that a database between the compacted range
and the head keeps upgrading, that an older one is told which release to
upgrade through, and that sqlalchemy-migrate 0.13 runs the copy too.
"""
import os
import shutil

import fixtures
import sqlalchemy as sa

from nova_like import exception
from nova_like.migration import api
from nova_like.migration import compaction
from nova_like.migration import repository as repository_mod
from nova_like.migration import schema
from nova_like.testing import models_sync
from nova_like.tests import backends
from nova_like.tests import generated
from nova_like.tests import reference

load_tests = backends.load_tests

THROUGH = 108
RELEASE = 'havana'
# After the compacted range: depends on a row that only the original
# scripts wrote, on the backend under test.
IF_SEEDED = """\
import sqlalchemy as sa


def upgrade(migrate_engine):
    if migrate_engine.name != %r:
        return
    count = migrate_engine.execute('SELECT COUNT(*) FROM services').scalar()
    if count:
        meta = sa.MetaData(bind=migrate_engine)
        sa.Table('seeded', meta, sa.Column('id', sa.Integer)).create()
"""
SEED = """\
def upgrade(migrate_engine):
    migrate_engine.execute(
        "INSERT INTO services (id, report_count) VALUES (1, 0)")
"""


def copy_bundled(test):
    """A copy of the bundled migrate_repo in a temporary directory."""
    path = os.path.join(test.useFixture(fixtures.TempDir()).path, 'repo')
    shutil.copytree(api.bundled_repository(), path,
                    ignore=shutil.ignore_patterns('__pycache__'))
    return path


def compactable(repository, at_least):
    """The first version >= ``at_least`` not inside a placeholder run."""
    for version in repository.versions:
        if version >= at_least and not (
                repository.scripts[version].is_placeholder and
                version + 1 in repository.scripts and
                repository.scripts[version + 1].is_placeholder):
            return version
    raise AssertionError('nothing to compact in %s' % repository.path)


class CompactionTestCase(backends.BackendTestCase):

    def setUp(self):
        super().setUp()
        self.scratch = self.useFixture(models_sync.ScratchDatabase(self.url))

    def compact(self, path, through, release):
        result = compaction.compact(path, through, release, [self.scratch.url])
        self.assertIn(self.engine.dialect.name, result.backends)
        return result

    def head_schema(self, path, version=None):
        """Sync the test database to ``version``; return its schema."""
        api.sync(self.url, path, version)
        return schema.snapshot(self.engine)

    def empty_database(self):
        metadata = sa.MetaData()
        metadata.reflect(self.engine)
        metadata.drop_all(self.engine)

    def assertSameHead(self, original, compacted):
        expected = self.head_schema(original)
        self.empty_database()
        self.assertEqual([], schema.diff(expected,
                                         self.head_schema(compacted)))
        self.assertGreater(len(expected.tables), 2)


class TestCompactBundled(CompactionTestCase):

    def setUp(self):
        super().setUp()
        self.original = copy_bundled(self)
        self.compacted = copy_bundled(self)
        self.compact(self.compacted, THROUGH, RELEASE)

    def test_replaces_the_scripts_up_to_through(self):
        repository = repository_mod.load(self.compacted)
        self.assertEqual(THROUGH, min(repository.versions))
        self.assertEqual(THROUGH - 1, repository.initial_version)
        self.assertEqual('%d_%s.py' % (THROUGH, RELEASE),
                         repository.scripts[THROUGH].name)
        self.assertEqual(repository_mod.load(self.original).head,
                         repository.head)
        self.assertEqual(RELEASE, repository.releases.compacted_release(100))

    def test_same_head_schema_as_the_original(self):
        self.assertSameHead(self.original, self.compacted)

    def test_database_above_through_keeps_upgrading(self):
        expected = self.head_schema(self.original)
        self.empty_database()
        self.head_schema(self.original, THROUGH + 4)
        result = api.sync(self.url, self.compacted)
        self.assertEqual(THROUGH + 4, result.start)
        self.assertEqual([], schema.diff(expected,
                                         schema.snapshot(self.engine)))

    def test_database_below_through_is_told_the_release(self):
        self.head_schema(self.original, THROUGH - 3)
        error = self.assertRaises(exception.DatabaseError, api.sync,
                                  self.url, self.compacted)
        self.assertIn('database is at version %d' % (THROUGH - 3),
                      error.message)
        self.assertIn('upgrade through %s first' % RELEASE, error.message)
        self.assertEqual(THROUGH - 3, api.db_version(self.url,
                                                     self.original))

    def test_runs_under_sqlalchemy_migrate(self):
        expected = self.head_schema(self.compacted)
        self.empty_database()
        ref = reference.reference_migrate()
        initial = repository_mod.load(self.compacted).initial_version
        self.assertEqual(initial, ref.version_control(
            self.url, self.compacted, initial))
        self.assertEqual(repository_mod.load(self.compacted).head,
                         ref.upgrade(self.url, self.compacted))
        self.assertEqual([], schema.diff(expected,
                                         schema.snapshot(self.engine)))


class TestCompactGenerated(CompactionTestCase):

    def test_same_head_schema_as_the_original(self):
        original = self.useFixture(generated.GeneratedRepository(4, 30))
        copy = self.useFixture(generated.GeneratedRepository(4, 30))
        through = compactable(repository_mod.load(copy.path), 15)
        self.compact(copy.path, through, 'first')
        self.assertEqual(through - 1, repository_mod.load(
            copy.path).initial_version)
        self.assertSameHead(original.path, copy.path)


class TestFailedProof(CompactionTestCase):

    def test_writes_nothing(self):
        path = copy_bundled(self)
        versions = os.path.join(path, 'versions')
        placeholder = os.path.join(versions, '104_placeholder.py')
        os.remove(placeholder)
        with open(os.path.join(versions, '104_seed.py'), 'w') as stream:
            stream.write(SEED)
        head = repository_mod.load(path).head
        with open(os.path.join(versions, '%d_if_seeded.py' % (head + 1)),
                  'w') as stream:
            stream.write(IF_SEEDED % self.engine.dialect.name)
        before = sorted(os.listdir(versions)) + sorted(os.listdir(path))
        error = self.assertRaises(compaction.ProofFailed, self.compact,
                                  path, THROUGH, RELEASE)
        self.assertIn('reaches another schema at the head on %s than the '
                      'original: table seeded: missing; nothing written' %
                      self.engine.dialect.name, error.message)
        self.assertEqual(before, sorted(os.listdir(versions)) +
                         sorted(os.listdir(path)))


class TestCompactionRefusal(backends.SQLiteTestCase):

    def test_unusable_scratch_database_writes_nothing(self):
        path = copy_bundled(self)
        api.sync(self.url, path, 101)
        before = sorted(os.listdir(os.path.join(path, 'versions')))
        error = self.assertRaises(exception.DatabaseError,
                                  compaction.compact, path, THROUGH, RELEASE,
                                  [self.url])
        self.assertIn('empty scratch database', error.message)
        self.assertEqual(before,
                         sorted(os.listdir(os.path.join(path, 'versions'))))
