"""Run a test once per database backend, each test on an empty database.

Built on oslo.db's opportunistic fixtures: each backend has an admin URL
(oslo.db's ``OS_TEST_DBAPI_ADMIN_CONNECTION``, URLs separated by ``;``);
oslo.db creates a database with a random name through it and drops it when
the test process is done with it.  Between tests the tables, foreign keys
and PostgreSQL enums that a test created are dropped, so every test starts
on an empty database (views, sequences and routines a test creates it must
drop itself).  Tests of one backend share one database per process when
the module uses :data:`load_tests`, which groups them.

Where the admin URLs come from, first match wins:

* ``OS_TEST_DBAPI_ADMIN_CONNECTION``;
* ``$NOVA_LIKE_TEST_DB_DIR/admin-connection`` (default dir
  ``/tmp/nova_like-test-dbs``), written by ``tools/test-setup.sh``, so a
  developer who ran that script needs nothing else;
* oslo.db's defaults (``openstack_citest`` on localhost, default ports).

SQLite always uses a file in the temp dir, so that a subprocess given
``self.url`` sees the same database.

``NOVA_LIKE_REQUIRED_BACKENDS`` (comma separated, e.g.
``postgresql,mysql``) lists the backends that must be reachable: their tests
FAIL, naming the backend and its URL (password masked), when the server is
down.  Tests of any other unreachable backend are skipped.  CI sets it.

Example::

    from nova_like.tests import backends

    # Required in every module using these classes: it multiplies the
    # tests per backend and groups them so the database is reused.
    load_tests = backends.load_tests


    class TestRecorder(backends.BackendTestCase):
        # Runs as test_empty(sqlite), test_empty(postgresql), test_empty(mysql)

        def test_empty(self):
            inspector = sqlalchemy.inspect(self.engine)
            self.assertEqual([], inspector.get_table_names())
            subprocess.run(['project-manage', '--db', self.url, 'version'])


    class TestAdvisoryLock(backends.PostgresqlTestCase):
        # Runs only as test_lock(postgresql); also SQLiteTestCase,
        # MySQLTestCase, or scenarios = backends.backend_scenarios(...)
        ...

Run them with ``stestr run REGEX``: discovery calls ``load_tests``.  A
class loaded without it (``python -m testtools.run module.Class``) has no
scenarios applied: a single-backend class still runs, a multi-backend one
fails saying so rather than quietly testing one backend.
"""
import hashlib
import os
import tempfile

from oslo_db.sqlalchemy import provision
from oslo_db.sqlalchemy import test_fixtures
from oslo_db.sqlalchemy import utils as db_utils
from oslotest import base
import testresources

from nova_like import exception

ADMIN_CONNECTION_ENV = 'OS_TEST_DBAPI_ADMIN_CONNECTION'
DB_DIR_ENV = 'NOVA_LIKE_TEST_DB_DIR'
DEFAULT_DB_DIR = '/tmp/nova_like-test-dbs'
REQUIRED_ENV = 'NOVA_LIKE_REQUIRED_BACKENDS'
BACKENDS = ('sqlite', 'postgresql', 'mysql')

# Computed at import time: oslotest points tempfile at a per-test directory
# that is removed after each test, and this file outlives tests.
_SQLITE_ADMIN_URL = 'sqlite:///%s' % os.path.join(
    tempfile.gettempdir(), 'nova_like-sqlite-admin-%d.db' % os.getpid())

#: unittest ``load_tests`` hook: multiplies scenarios, groups by database.
load_tests = test_fixtures.optimize_module_test_loader()


def backend_scenarios(*names):
    """Return testscenarios scenarios setting ``backend`` to each name."""
    return [(name, {'backend': name}) for name in names]


def admin_connection(environ=None):
    """Return the configured ``OS_TEST_DBAPI_ADMIN_CONNECTION`` value.

    :returns: the variable, else the admin-connection file written by
        tools/test-setup.sh, else None.
    """
    environ = os.environ if environ is None else environ
    value = environ.get(ADMIN_CONNECTION_ENV, '').strip()
    if value:
        return value
    db_dir = environ.get(DB_DIR_ENV) or DEFAULT_DB_DIR
    try:
        with open(os.path.join(db_dir, 'admin-connection')) as stream:
            return stream.read().strip() or None
    except FileNotFoundError:
        return None


def admin_urls(environ=None):
    """Return ``{backend name: admin URL string}``; sqlite is always there."""
    value = admin_connection(environ)
    if value is None:
        urls = [impl.create_opportunistic_driver_url()
                for impl in provision.BackendImpl.all_impls()]
    else:
        urls = [url.strip() for url in value.split(';') if url.strip()]
    result = {db_utils.make_url(url).get_backend_name(): url for url in urls}
    result['sqlite'] = _SQLITE_ADMIN_URL
    return result


def required_backends(environ=None):
    """Return the backends named by ``NOVA_LIKE_REQUIRED_BACKENDS``.

    :raises nova_like.exception.ConfigError: for a name that is no backend,
        so that a typo cannot quietly turn failures back into skips.
    """
    environ = os.environ if environ is None else environ
    value = environ.get(REQUIRED_ENV, '')
    names = {name.strip() for name in value.split(',') if name.strip()}
    unknown = sorted(names.difference(BACKENDS))
    if unknown:
        raise exception.ConfigError(
            '%s=%s: unknown backend(s) %s; choose from %s' % (
                REQUIRED_ENV, value, ', '.join(unknown), ', '.join(BACKENDS)))
    return frozenset(names)


def _sync_registry(urls):
    """Make oslo.db's backend registry agree with ``urls``.

    oslo.db reads ``OS_TEST_DBAPI_ADMIN_CONNECTION`` once, at import, and
    its BackendResource checks that registry even for an explicit URL: a
    server URL taken from the admin-connection file must be registered, and
    SQLite must be there even when the variable names only servers.
    """
    registry = provision.Backend.backends_by_database_type
    for name, url in urls.items():
        if name == 'sqlite':
            # Any SQLite proves availability; keep oslo.db's in-memory one
            # for its other users.
            if name not in registry:
                registry[name] = provision.Backend(
                    name, db_utils.make_url('sqlite://'))
            continue
        current = registry.get(name)
        if current is None or _render(current.url) != _render(url):
            registry[name] = provision.Backend(name, db_utils.make_url(url))


def _render(url):
    return db_utils.make_url(url).render_as_string(hide_password=False)


class DatabaseFixture(test_fixtures.OpportunisticDbFixture):
    """oslo.db's opportunistic fixture for one backend and admin URL.

    Resources are shared per (backend, admin URL) within a process.
    """

    def __init__(self, test, driver, admin_url):
        digest = hashlib.sha256(admin_url.encode('utf-8')).hexdigest()[:12]
        super().__init__(test, driver=driver, ident='nl%s' % digest)
        self.admin_url = admin_url

    def _generate_database_resource(self, _enginefacade):
        return provision.DatabaseResource(
            self.driver, _enginefacade, provision_new_database=True,
            ad_hoc_url=db_utils.make_url(self.admin_url))

    def provisioned(self):
        """Return oslo.db's ProvisionedDatabase of the running test."""
        return self._get_provisioned_db()


class BackendTestCase(test_fixtures.OpportunisticDBTestMixin,
                      base.BaseTestCase):
    """Runs each test once per backend, on an empty database.

    Sets ``self.backend`` (``sqlite``, ``postgresql`` or ``mysql``),
    ``self.engine`` (a SQLAlchemy Engine on the test database) and
    ``self.url`` (its URL as a string, password included, for subprocesses).
    """

    scenarios = backend_scenarios(*BACKENDS)
    backend = None

    def admin_url(self):
        """Return the admin URL of ``self.backend``, or None.

        Tests of this module override it to point at a dead server.
        """
        return admin_urls().get(self.backend)

    def generate_fixtures(self):
        if self.backend is None:
            return []
        _sync_registry(admin_urls())
        url = self.admin_url()
        if url is None:
            return []
        return [DatabaseFixture(self, self.backend, url)]

    def setUp(self):
        # Skip the mixin's setUp: the database comes after oslotest's
        # fixtures, and an unreachable backend must be able to fail.
        super(test_fixtures.OpportunisticDBTestMixin, self).setUp()
        if self.backend is None and len(self.scenarios or ()) == 1:
            # Loaded without load_tests (e.g. by class name): a single
            # backend needs no multiplying.
            self.backend = self.scenarios[0][1]['backend']
        if self.backend is None:
            self.fail('%s has no backend scenario: its module must set '
                      '"load_tests = backends.load_tests"' % self.id())
        # Read first so that a bad setting fails even with servers up.
        self._required = required_backends()
        self._setup_database()

    def _setup_database(self):
        testresources.setUpResources(self, self.resources, None)
        self.addCleanup(
            testresources.tearDownResources, self, self.resources, None)
        found = self._instantiate_fixtures()
        if not found:
            self._unavailable(
                None, 'no admin URL in %s' % ADMIN_CONNECTION_ENV)
        fixture = self.useFixture(found[0])
        if not fixture._has_db_resource():
            self._unavailable(
                fixture.admin_url,
                fixture._get_db_resource_not_available_reason())
        self.engine = fixture.provisioned().engine
        self.url = self.engine.url.render_as_string(hide_password=False)

    def _unavailable(self, url, reason):
        where = exception.mask_url(url) if url else '(no URL)'
        message = 'backend %s unreachable at %s: %s' % (
            self.backend, where, reason)
        if self.backend in self._required:
            self.fail('required %s (it is listed in %s; start the servers '
                      'with tools/test-setup.sh)' % (message, REQUIRED_ENV))
        self.skipTest('%s (not listed in %s)' % (message, REQUIRED_ENV))


class SQLiteTestCase(BackendTestCase):
    """Tests that apply to SQLite only."""

    scenarios = backend_scenarios('sqlite')


class PostgresqlTestCase(BackendTestCase):
    """Tests that apply to PostgreSQL only."""

    scenarios = backend_scenarios('postgresql')


class MySQLTestCase(BackendTestCase):
    """Tests that apply to MySQL/MariaDB only."""

    scenarios = backend_scenarios('mysql')
