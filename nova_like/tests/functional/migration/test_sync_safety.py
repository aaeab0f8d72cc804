"""db sync from several processes at once, and killed at random points.

Every script appends its version to an audit table in the same
transaction as its version bump, after its (guarded) DDL: on every backend
each version must be audited exactly once and the schema must equal an
uninterrupted run's.
"""
import os
import random
import signal
import subprocess
import sys
import time

import sqlalchemy as sa

from nova_like.migration import api
from nova_like.migration import schema
from nova_like.tests import backends
from nova_like.tests import scenario

load_tests = backends.load_tests

VERSIONS = 12
AUDIT = '''
migrate_engine.execute(
    "CREATE TABLE IF NOT EXISTS audit (version INTEGER NOT NULL)")
'''
STEP = '''
import time
BACKPORTABLE = True


def upgrade(migrate_engine):
    if not migrate_engine.has_table('t{v}'):
        migrate_engine.execute("CREATE TABLE t{v} (id INTEGER)")
    time.sleep(0.02)
    migrate_engine.execute("INSERT INTO audit (version) VALUES ({v})")
'''


class SyncSafetyTestCase(backends.BackendTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())
        self.repo.write_script(1, AUDIT, name='audit')
        for version in range(2, VERSIONS + 1):
            if version % 4 == 0:
                self.repo.write_placeholder(version)
            else:
                self.repo.write_file('versions/%03d_step.py' % version,
                                     STEP.format(v=version))

    def _start_sync(self):
        env = dict(os.environ, OS_DATABASE__CONNECTION=self.url,
                   PYTHONPATH=os.getcwd())
        return subprocess.Popen(
            [sys.executable, '-m', 'nova_like.cmd.manage', '--repository',
             self.repo.path, 'db', 'sync'], env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def assertEachVersionRanOnce(self):
        with self.engine.connect() as connection:
            audited = sorted(connection.execute(
                sa.text('SELECT version FROM audit')).scalars())
        expected = [v for v in range(2, VERSIONS + 1) if v % 4]
        self.assertEqual(expected, audited)
        self.assertEqual(VERSIONS, api.db_version(self.url, self.repo.path))


class TestConcurrentSync(SyncSafetyTestCase):

    def test_eight_processes(self):
        processes = [self._start_sync() for _ in range(8)]
        results = [(process.wait(120), process.stderr.read().decode())
                   for process in processes]
        for process in processes:
            process.stdout.close()
            process.stderr.close()
        self.assertEqual([0] * 8, [code for code, _err in results],
                         [err for _code, err in results])
        self.assertEachVersionRanOnce()


class TestKilledSync(SyncSafetyTestCase):

    def test_twenty_kills_lose_nothing(self):
        rng = random.Random(self.backend)
        kills = 0
        while kills < 20:
            process = self._start_sync()
            time.sleep(rng.uniform(0.3, 1.2))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                kills += 1
            _out, err = process.communicate()
            if process.returncode == 0:
                # Head reached before the kill: start over on a fresh
                # database so every kill lands somewhere.
                self._start_over()
            elif process.returncode != -signal.SIGKILL:
                self.fail('db sync after a kill failed: %s' % err.decode())
        self.assertEqual(0, self._start_sync().wait(120))
        self.assertEachVersionRanOnce()
        self.assertEqual([], schema.diff(self._uninterrupted(),
                                         schema.snapshot(self.engine)))

    def _start_over(self):
        self.assertEachVersionRanOnce()
        metadata = sa.MetaData()
        metadata.reflect(self.engine)
        metadata.drop_all(self.engine)

    def _uninterrupted(self):
        fresh = self.useFixture(scenario.fixtures.TempDir()).path
        url = 'sqlite:///%s/fresh.db' % fresh
        if self.backend != 'sqlite':
            return self._snapshot_after_rerun()
        api.sync(url, self.repo.path)
        return schema.snapshot(sa.create_engine(url))

    def _snapshot_after_rerun(self):
        # Same server, same database: drop everything, run once, compare.
        before = schema.snapshot(self.engine)
        self._start_over()
        api.sync(self.url, self.repo.path)
        after = schema.snapshot(self.engine)
        self.assertEqual([], schema.diff(after, before))
        return after
