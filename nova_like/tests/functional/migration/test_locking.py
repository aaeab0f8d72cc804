"""The migration lock on every backend: exclusive, reported, never stale."""
import os
import signal
import subprocess
import sys
import textwrap

from nova_like import exception
from nova_like.migration import api
from nova_like.migration import engines
from nova_like.migration import locking
from nova_like.tests import backends
from nova_like.tests import scenario

load_tests = backends.load_tests

HOLD_LOCK = textwrap.dedent("""
    import sys, time
    from nova_like.migration import engines, locking
    connection = engines.connect(engines.create_engine(sys.argv[1]))
    with locking.migration_lock(connection, 'repo'):
        print('locked', flush=True)
        time.sleep(60)
""")


class TestMigrationLock(backends.BackendTestCase):

    def _connect(self):
        engine = engines.create_engine(self.url)
        connection = engines.connect(engine)
        self.addCleanup(engine.dispose)
        self.addCleanup(connection.close)
        return connection

    def test_second_holder_waits_then_times_out(self):
        first, second = self._connect(), self._connect()
        waits = []
        with locking.migration_lock(first, 'repo'):
            self.assertIsNotNone(locking.holder(second, 'repo'))
            error = self.assertRaises(
                exception.LockTimeout, self._acquire, second, 'repo', 0.3,
                waits.append)
            self.assertIn('--lock-timeout', error.message)
            self.assertEqual(1, len(waits))
        self.assertIsNone(locking.holder(second, 'repo'))
        self._acquire(second, 'repo', 0.3, waits.append)
        self.assertEqual(1, len(waits))

    def test_status_shows_the_holder(self):
        repo = self.useFixture(scenario.RepositoryFixture('repo'))
        repo.write_placeholder(1)
        api.sync(self.url, repo.path)
        self.assertIsNone(api.status(self.url, repo.path).lock_holder)
        with locking.migration_lock(self._connect(), 'repo'):
            self.assertIsNotNone(
                api.status(self.url, repo.path).lock_holder)

    def test_other_repository_is_not_blocked(self):
        first, second = self._connect(), self._connect()
        with locking.migration_lock(first, 'repo'):
            self._acquire(second, 'other repo', 0.3, self.fail)

    def test_killed_holder_leaves_no_stale_lock(self):
        env = dict(os.environ, PYTHONPATH=os.getcwd())
        holder = subprocess.Popen([sys.executable, '-c', HOLD_LOCK, self.url],
                                  stdout=subprocess.PIPE, env=env)
        self.addCleanup(holder.wait)
        self.addCleanup(holder.kill)
        self.assertEqual(b'locked\n', holder.stdout.readline())
        connection = self._connect()
        self.assertRaises(exception.LockTimeout, self._acquire, connection,
                          'repo', 0.2, None)
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
        self._acquire(connection, 'repo', 10, None)

    def _acquire(self, connection, repository_id, timeout, on_wait):
        with locking.migration_lock(connection, repository_id, timeout,
                                    on_wait):
            pass
