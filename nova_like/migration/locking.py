"""One migration at a time per database and repository.

Every lock is bound to the session that holds it, so a process that crashes
never leaves a stale lock behind: PostgreSQL session advisory locks, MySQL
``GET_LOCK``, and for SQLite an ``flock`` on a file beside the database
(SQLite's own write lock lasts one transaction only, and a run has one
transaction per step).
"""
import contextlib
import fcntl
import hashlib
import os
import time

import sqlalchemy as sa

from nova_like import exception

_POLL_INTERVAL = 0.2


def lock_name(repository_id):
    """A stable name (at most 64 characters, MySQL's limit) for the lock."""
    digest = hashlib.sha256(repository_id.encode('utf-8')).hexdigest()
    return 'nova_like-migrate-' + digest[:40]


def _pg_key(repository_id):
    digest = hashlib.sha256(repository_id.encode('utf-8')).digest()
    return int.from_bytes(digest[:8], 'big', signed=True)


@contextlib.contextmanager
def migration_lock(connection, repository_id, timeout=None, on_wait=None):
    """Hold the migration lock of ``repository_id`` for the block.

    :param timeout: seconds to wait at most; None waits for ever.
    :param on_wait: ``on_wait(holder)`` is called once when the lock is
        busy, ``holder`` describing who has it.
    :raises LockTimeout: the lock was still busy after ``timeout``.
    """
    lock = _lock_for(connection, repository_id)
    if not lock.try_acquire():
        if on_wait is not None:
            on_wait(lock.holder())
        _wait(lock, timeout, connection)
    try:
        yield
    finally:
        lock.release()


def holder(connection, repository_id):
    """Who holds the lock now, or None when it is free."""
    return _lock_for(connection, repository_id).holder()


def _lock_for(connection, repository_id):
    lock_class = _LOCKS.get(connection.dialect.name, _NoLock)
    return lock_class(connection, repository_id)


def _wait(lock, timeout, connection):
    deadline = None if timeout is None else time.monotonic() + timeout
    while not lock.try_acquire():
        if deadline is not None and time.monotonic() >= deadline:
            raise exception.LockTimeout(
                'the migration lock of %s is still held by %s after %s s '
                '(--lock-timeout)' % (
                    connection.engine.url.render_as_string(
                        hide_password=True), lock.holder(), timeout))
        time.sleep(_POLL_INTERVAL)


class _NoLock(object):
    """In-memory SQLite and unknown dialects: nobody else can connect."""

    def __init__(self, connection, repository_id):
        pass

    def try_acquire(self):
        return True

    def release(self):
        pass

    def holder(self):
        return None


class _PostgresqlLock(object):

    def __init__(self, connection, repository_id):
        self.connection = connection
        self.key = _pg_key(repository_id)

    def _scalar(self, sql):
        # Outside the steps' transactions: committed at once, so no
        # transaction stays open while we wait.
        with self.connection.begin():
            return self.connection.execute(sa.text(sql),
                                           {'key': self.key}).scalar()

    def try_acquire(self):
        return bool(self._scalar('SELECT pg_try_advisory_lock(:key)'))

    def release(self):
        self._scalar('SELECT pg_advisory_unlock(:key)')

    def holder(self):
        pid = self._scalar(
            # pg_locks lists every database of the cluster; advisory locks
            # are per database.
            "SELECT l.pid FROM pg_locks l JOIN pg_database d "
            "ON d.oid = l.database WHERE d.datname = current_database() "
            "AND l.locktype = 'advisory' AND l.granted AND "
            "((l.classid::bigint << 32) | l.objid::bigint) = :key "
            "AND l.pid <> pg_backend_pid() LIMIT 1")
        return None if pid is None else 'PostgreSQL backend pid %d' % pid


class _MySQLLock(object):

    def __init__(self, connection, repository_id):
        self.connection = connection
        # GET_LOCK names are server-wide: the database is part of the name.
        self.name = lock_name('%s/%s' % (connection.engine.url.database,
                                         repository_id))

    def _scalar(self, sql):
        with self.connection.begin():
            return self.connection.execute(sa.text(sql),
                                           {'name': self.name}).scalar()

    def try_acquire(self):
        return self._scalar('SELECT GET_LOCK(:name, 0)') == 1

    def release(self):
        self._scalar('SELECT RELEASE_LOCK(:name)')

    def holder(self):
        owner = self._scalar('SELECT IS_USED_LOCK(:name)')
        if owner is None or owner == self._scalar('SELECT CONNECTION_ID()'):
            return None
        return 'MySQL connection id %d' % owner


class _SQLiteLock(object):

    def __init__(self, connection, repository_id):
        database = connection.engine.url.database
        self.path = '%s.%s.lock' % (database, lock_name(repository_id))
        self.file = None

    def try_acquire(self):
        lock_file = open(self.path, 'a+')
        try:
            fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock_file.close()
            return False
        lock_file.seek(0)
        lock_file.truncate()
        lock_file.write('%d\n' % os.getpid())
        lock_file.flush()
        self.file = lock_file
        return True

    def release(self):
        if self.file is not None:
            self.file.close()
            self.file = None

    def holder(self):
        if self.file is not None:
            return None
        try:
            with open(self.path) as lock_file:
                fcntl.flock(lock_file, fcntl.LOCK_SH | fcntl.LOCK_NB)
                return None
        except FileNotFoundError:
            return None
        except BlockingIOError:
            with open(self.path) as lock_file:
                return 'process %s' % (lock_file.read().strip() or '?')


def _sqlite_lock(connection, repository_id):
    database = connection.engine.url.database
    if not database or database == ':memory:' or database.startswith(
            'file:'):
        return _NoLock(connection, repository_id)
    return _SQLiteLock(connection, repository_id)


_LOCKS = {
    'postgresql': _PostgresqlLock,
    'mysql': _MySQLLock,
    'sqlite': _sqlite_lock,
}
