"""Check that the models and the migrations build the same schema.

The migrations run on an empty database (``db sync`` to the head), the
models' ``MetaData.create_all`` runs on a second, empty database of the same
backend, and the two are compared with :mod:`nova_like.migration.schema`
(tables, columns with type, nullability and server default, primary keys,
indexes, unique constraints and foreign keys).  Example::

    from nova_like.testing import models_sync

    class TestModelsSync(models_sync.ModelsMigrationsSync,
                         MyBackendTestCase):
        # MyBackendTestCase gives self.engine, on an empty database
        repository_path = '/path/to/my_project/db/migrate_repo'

        def get_metadata(self):
            return models.BASE.metadata
"""
import uuid

import fixtures
from oslo_db.sqlalchemy import provision
import sqlalchemy as sa

from nova_like.migration import api
from nova_like.migration import schema
from nova_like import testing


class ScratchDatabase(fixtures.Fixture):
    """An empty database beside the one at ``url``; dropped afterwards.

    SQLite gets a file in a temporary directory; PostgreSQL and MySQL get a
    ``CREATE DATABASE`` on the server of ``url`` (its user needs the right
    to create databases, as oslo.db's ``openstack_citest`` user has), made
    and dropped with oslo.db's provisioning code.  Once set up, ``url``
    (password included, for subprocesses) and ``engine`` point at it.

    :param url: URL (string or :class:`sqlalchemy.engine.URL`) of any
        database on the server
    """

    def __init__(self, url):
        super().__init__()
        self.base_url = sa.engine.make_url(url)

    def _setUp(self):
        if self.base_url.get_backend_name() == 'sqlite':
            url = self._sqlite_database()
        else:
            url = self._server_database()
        self.url = url.render_as_string(hide_password=False)
        self.engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
        self.addCleanup(self.engine.dispose)

    def _sqlite_database(self):
        path = self.useFixture(fixtures.TempDir()).join('scratch.sqlite')
        return sa.engine.make_url('sqlite:///' + path)

    def _server_database(self):
        impl = provision.BackendImpl.impl(self.base_url.get_backend_name())
        admin = sa.create_engine(self.base_url, poolclass=sa.pool.NullPool)
        self.addCleanup(admin.dispose)
        name = 'nl_scratch_%s' % uuid.uuid4().hex[:12]
        impl.create_named_database(admin, name)
        # Cleanups run last in, first out: our engine is disposed of
        # before the database goes.
        self.addCleanup(impl.drop_named_database, admin, name)
        return impl.provisioned_database_url(self.base_url, name)


def models_sync_diff(url, metadata, repository_path,
                     ignore_column_order=True, ignore_names=False,
                     phase=None):
    """Migrate the empty database at ``url``; compare it with the models.

    :param url: an empty database (a file or server database: ``db sync``
        opens its own connections)
    :param metadata: the models' :class:`sqlalchemy.MetaData`
    :param repository_path: the migrate repository
    :param ignore_column_order: models rarely list columns in the order
        the migrations added them; True by default
    :param ignore_names: compare constraints and indexes by content only
    :param phase: ``'expand'`` to stop before the first contract step;
        the expected schema there is the models plus their removed fields:
        pass :func:`nova_like.migration.removed_fields.expected_metadata`
    :returns: lines of :func:`nova_like.migration.schema.diff`, "expected"
        being the models and "actual" the migrated database; empty when
        they agree
    """
    api.sync(url, repository_path, phase=phase)
    exclude = schema.DEFAULT_EXCLUDE + (
        api.load_repository(repository_path).version_table,)
    migrated = _snapshot(url, exclude)
    with ScratchDatabase(url) as scratch:
        metadata.create_all(scratch.engine)
        modelled = _snapshot(scratch.url, exclude)
    return schema.diff(modelled, migrated, ignore_names=ignore_names,
                       ignore_column_order=ignore_column_order)


def _snapshot(url, exclude):
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        return schema.snapshot(engine, exclude=exclude)
    finally:
        engine.dispose()


class ModelsMigrationsSync(object):
    """Mixin adding ``test_models_sync`` to a test case with an ``engine``.

    ``self.engine`` must be on an empty file or server database (SQLite in
    memory cannot be shared with ``db sync``).  Set ``repository_path`` and
    override :meth:`get_metadata`; ``ignore_column_order`` and
    ``ignore_names`` are passed to :func:`models_sync_diff`.
    """

    repository_path = None
    ignore_column_order = True
    ignore_names = False

    def get_metadata(self):
        """Return the models' MetaData."""
        raise NotImplementedError(
            '%s must define get_metadata()' % type(self).__name__)

    def test_models_sync(self):
        if self.repository_path is None:
            raise NotImplementedError(
                '%s must set repository_path' % type(self).__name__)
        url = testing.database_url(self.engine)
        problems = models_sync_diff(
            url, self.get_metadata(), self.repository_path,
            ignore_column_order=self.ignore_column_order,
            ignore_names=self.ignore_names)
        if problems:
            self.fail('models and migrations differ (expected: the models, '
                      'actual: the database after db sync):\n%s'
                      % '\n'.join(problems))
