import os

from oslotest import base

from nova_like import exception
from nova_like.migration.lint import linter
from nova_like.migration.lint import lockfile
from nova_like.migration.lint import rules_lock
from nova_like.migration.lint import sources
from nova_like.migration import repository
from nova_like.tests import scenario

CREATE = """
meta = MetaData(bind=migrate_engine)
Table('t%d', meta, Column('id', Integer, primary_key=True)).create()
"""


class LockTestCase(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())
        for version in (1, 2, 3):
            self.repo.write_script(version, CREATE % version,
                                   name='create_t%d' % version)
        self.repo.write_placeholder(4, 5)
        self.repo.write_script(6, CREATE % 6, name='create_t6')
        self.repo.write_releases("""
            [releases]
            grizzly = 1-5
            havana = 6-6
            [placeholders]
            grizzly = 4-5
            """)

    def path(self, name):
        return os.path.join(self.repo.versions, name)

    def check(self):
        return [(os.path.basename(item.path), item.code) for item in
                rules_lock.check(repository.load(self.repo.path),
                                 sources.Sources())]


class TestLock(LockTestCase):

    def test_writes_a_section_per_release(self):
        result = linter.lock(self.repo.path, 'grizzly')
        self.assertTrue(result.written)
        linter.lock(self.repo.path, 'havana')
        locked = lockfile.load(self.repo.path)
        self.assertEqual(['grizzly', 'havana'], sorted(locked))
        self.assertEqual((1, 5), (locked['grizzly'].first,
                                  locked['grizzly'].last))
        self.assertEqual(['001_create_t1.py', '002_create_t2.py',
                          '003_create_t3.py', '004_placeholder.py',
                          '005_placeholder.py'],
                         sorted(locked['grizzly'].files))
        self.assertEqual([], self.check())

    def test_the_repository_stays_as_it_was(self):
        before = sorted(os.listdir(self.repo.path))
        linter.lock(self.repo.path, 'grizzly')
        self.assertEqual(sorted(before + ['releases.lock']),
                         sorted(os.listdir(self.repo.path)))
        with open(os.path.join(self.repo.path, 'releases.lock')) as lock:
            self.assertIn('[grizzly]\nrange = 1-5\n', lock.read())

    def test_locking_again(self):
        linter.lock(self.repo.path, 'grizzly')
        self.assertFalse(linter.lock(self.repo.path, 'grizzly').written)
        self.repo.write_script(2, '# reworded\n' + CREATE % 2,
                               name='create_t2')
        self.assertTrue(linter.lock(self.repo.path, 'grizzly').written)
        self.repo.write_script(2, CREATE % 22, name='create_t2')
        error = self.assertRaises(exception.RepositoryError, linter.lock,
                                  self.repo.path, 'grizzly')
        self.assertIn('NL201 002_create_t2.py changed', error.message)

    def test_refusals(self):
        error = self.assertRaises(exception.RepositoryError, linter.lock,
                                  self.repo.path, 'juno')
        self.assertIn("release 'juno' is not in [releases]", error.message)
        self.assertIn('known: grizzly, havana', error.message)
        os.unlink(self.path('002_create_t2.py'))
        error = self.assertRaises(exception.RepositoryError, linter.lock,
                                  self.repo.path, 'grizzly')
        self.assertIn('version 2 is missing', error.message)

    def test_range_changed_since_locked(self):
        linter.lock(self.repo.path, 'havana')
        self.repo.write_releases('[releases]\nhavana = 5-6\n')
        error = self.assertRaises(exception.RepositoryError, linter.lock,
                                  self.repo.path, 'havana')
        self.assertIn('locked as 6-6', error.message)

    def test_malformed_lock_file(self):
        self.repo.write_file('releases.lock', '[grizzly]\n001_x.py = abc\n')
        error = self.assertRaises(exception.RepositoryError, lockfile.load,
                                  self.repo.path)
        self.assertIn('releases.lock', error.message)


class TestCheck(LockTestCase):

    def setUp(self):
        super().setUp()
        linter.lock(self.repo.path, 'grizzly')

    def test_trivial_edits_pass(self):
        self.repo.write_script(2, '"""Doc."""\n# why\n' + CREATE % 2,
                               name='create_t2')
        self.assertEqual([], self.check())

    def test_structural_change(self):
        self.repo.write_script(2, CREATE % 2 + 'meta.drop_all()\n',
                               name='create_t2')
        self.assertEqual([('002_create_t2.py', 'NL201')], self.check())

    def test_renamed_file_with_the_same_code_passes(self):
        os.rename(self.path('002_create_t2.py'), self.path('002_t2.py'))
        self.assertEqual([], self.check())

    def test_reordered_scripts(self):
        os.rename(self.path('002_create_t2.py'), self.path('tmp'))
        os.rename(self.path('003_create_t3.py'), self.path('002_create_t3.py'))
        os.rename(self.path('tmp'), self.path('003_create_t2.py'))
        self.assertEqual([('002_create_t3.py', 'NL202'),
                          ('003_create_t2.py', 'NL202')],
                         sorted(self.check()))

    def test_missing_script(self):
        os.unlink(self.path('003_create_t3.py'))
        found = rules_lock.check(repository.load(self.repo.path),
                                 sources.Sources())
        self.assertEqual(['NL203'], [item.code for item in found])
        self.assertTrue(found[0].path.endswith('releases.lock'))
        self.assertGreater(found[0].line, 1)

    def test_file_added_to_a_released_version(self):
        self.repo.write_sql(2, 'postgresql', 'SELECT 1', name='create_t2')
        self.assertEqual([('002_create_t2_postgresql_upgrade.sql', 'NL204')],
                         self.check())

    def test_reserved_slots_may_be_filled(self):
        os.unlink(self.path('004_placeholder.py'))
        self.repo.write_script(4, CREATE % 4, name='backport')
        self.assertEqual([], self.check())

    def test_unlocked_release_is_not_checked(self):
        self.repo.write_script(6, CREATE % 66, name='create_t6')
        self.assertEqual([], self.check())
