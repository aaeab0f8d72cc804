"""Scratch databases: a new, empty one for every timed sync.

SQLite: a file name that does not exist yet.  PostgreSQL: ``CREATE
DATABASE`` through the admin URL of the test servers (``tools/
test-setup.sh``, ``OS_TEST_DBAPI_ADMIN_CONNECTION``), dropped afterwards.
Creating and dropping is never inside a timed region.
"""
import itertools
import os

import sqlalchemy as sa

from nova_like.tests import backends


class SQLite(object):
    name = 'sqlite'

    def __init__(self, workdir):
        self.workdir = workdir
        self.counter = itertools.count()

    def create(self):
        return 'sqlite:///%s' % os.path.join(
            self.workdir, 'scratch-%d.sqlite' % next(self.counter))

    def drop(self, url):
        path = url[len('sqlite:///'):]
        for suffix in ('', '.lock', '-journal'):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)

    def close(self):
        pass


class PostgreSQL(object):
    name = 'postgresql'

    def __init__(self, admin_url):
        self.admin_url = sa.engine.make_url(admin_url)
        self.admin = sa.create_engine(self.admin_url,
                                      isolation_level='AUTOCOMMIT',
                                      poolclass=sa.pool.NullPool)
        self.counter = itertools.count()
        self.prefix = 'nl_bench_%d' % os.getpid()

    def create(self):
        name = '%s_%d' % (self.prefix, next(self.counter))
        with self.admin.connect() as connection:
            connection.exec_driver_sql('CREATE DATABASE %s' % name)
        return self.admin_url.set(database=name).render_as_string(
            hide_password=False)

    def drop(self, url):
        name = sa.engine.make_url(url).database
        with self.admin.connect() as connection:
            connection.exec_driver_sql('DROP DATABASE IF EXISTS %s' % name)

    def close(self):
        self.admin.dispose()


def open_backends(names, workdir):
    """The scratch-database makers for ``names`` (sqlite, postgresql)."""
    result = []
    for name in names:
        if name == 'sqlite':
            result.append(SQLite(workdir))
        elif name == 'postgresql':
            url = backends.admin_urls().get('postgresql')
            if url is None:
                raise SystemExit('no PostgreSQL admin URL: run '
                                 'tools/test-setup.sh first')
            result.append(PostgreSQL(url))
        else:
            raise SystemExit('unknown backend %r' % name)
    return result
