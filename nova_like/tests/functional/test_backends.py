"""The backend fixtures: databases per backend, and required backends."""
import os

import fixtures
from oslo_db.sqlalchemy import provision
from oslotest import base
import sqlalchemy as sa
import testresources
import testtools

from nova_like import exception
from nova_like.tests import backends

load_tests = backends.load_tests

# Nothing listens on port 1 of the loopback: the connection is refused at
# once.  The password must never show in a message.
_DEAD_URLS = {
    'sqlite': 'sqlite:////nonexistent-nova_like-dir/dead.db',
    'postgresql': 'postgresql+psycopg2://openstack_citest:s3cret@'
                  '127.0.0.1:1/',
    'mysql': 'mysql+pymysql://openstack_citest:s3cret@127.0.0.1:1/',
}


def _probe_case(backend, method, admin_url=None):
    """Return a BackendTestCase instance for ``backend`` running ``method``.

    Defined in a function so that test discovery does not collect it.
    """
    class Probe(backends.BackendTestCase):

        def admin_url(self):
            if admin_url is not None:
                return admin_url
            return super().admin_url()

        def test_probe(self):
            method(self)

    case = Probe('test_probe')
    case.backend = backend
    return case


def _run(*cases):
    result = testtools.TestResult()
    suite = testresources.OptimisingTestSuite()
    suite.addTests(cases)
    suite.run(result)
    return result


def _messages(result):
    return [text for _test, text in result.errors + result.failures]


class TestBackendDatabase(backends.BackendTestCase):
    """What a test gets from BackendTestCase, on each backend."""

    def test_database_is_empty_and_usable(self):
        self.assertEqual(self.backend, self.engine.dialect.name)
        self.assertEqual([], sa.inspect(self.engine).get_table_names())
        table = sa.Table('probe', sa.MetaData(),
                         sa.Column('id', sa.Integer, primary_key=True),
                         sa.Column('name', sa.String(32)))
        with self.engine.begin() as conn:
            table.create(conn)
            conn.execute(table.insert(), [{'id': 1, 'name': 'one'}])
        with self.engine.connect() as conn:
            self.assertEqual('one', conn.scalar(sa.select(table.c.name)))

    def test_url_reaches_the_same_database(self):
        with self.engine.begin() as conn:
            conn.execute(sa.text('CREATE TABLE seen_by_url (id INTEGER)'))
        other = sa.create_engine(self.url)
        self.addCleanup(other.dispose)
        self.assertIn('seen_by_url', sa.inspect(other).get_table_names())
        if self.backend != 'sqlite':
            self.assertNotEqual('***', sa.engine.make_url(self.url).password)

    def test_each_test_starts_empty(self):
        def leave_things_behind(case):
            meta = sa.MetaData()
            parent = sa.Table('parent', meta,
                              sa.Column('id', sa.Integer, primary_key=True))
            sa.Table('child', meta,
                     sa.Column('id', sa.Integer, primary_key=True),
                     sa.Column('parent_id', sa.ForeignKey('parent.id'),
                               index=True))
            with case.engine.begin() as conn:
                meta.create_all(conn)
                conn.execute(parent.insert(), [{'id': 1}])

        def find_nothing(case):
            case.assertEqual([], sa.inspect(case.engine).get_table_names())

        result = _run(_probe_case(self.backend, leave_things_behind),
                      _probe_case(self.backend, find_nothing))
        self.assertEqual([], _messages(result))
        self.assertEqual(2, result.testsRun)


class TestUnreachableBackend(base.BaseTestCase):
    """A dead server fails the test if required, else skips it."""

    scenarios = backends.backend_scenarios(*backends.BACKENDS)

    def _run_dead(self, required):
        self.useFixture(fixtures.EnvironmentVariable(
            backends.REQUIRED_ENV, required))
        return _run(_probe_case(self.backend, lambda case: None,
                                _DEAD_URLS[self.backend]))

    def _expected_text(self):
        return 'backend %s unreachable at %s' % (
            self.backend, exception.mask_url(_DEAD_URLS[self.backend]))

    def test_required_backend_fails(self):
        result = self._run_dead(self.backend)
        self.assertEqual({}, result.skip_reasons)
        [message] = _messages(result)
        self.assertIn('required ' + self._expected_text(), message)
        self.assertIn(backends.REQUIRED_ENV, message)
        self.assertNotIn('s3cret', message)

    def test_optional_backend_skips(self):
        others = [name for name in backends.BACKENDS if name != self.backend]
        result = self._run_dead(','.join(others))
        self.assertEqual([], _messages(result))
        [reason] = result.skip_reasons
        self.assertIn(self._expected_text(), reason)
        self.assertNotIn('s3cret', reason)


class TestMissingScenario(base.BaseTestCase):

    def test_module_without_load_tests_fails(self):
        result = _run(_probe_case(None, lambda case: None))
        [message] = _messages(result)
        self.assertIn('load_tests = backends.load_tests', message)


class TestOsloRegistry(base.BaseTestCase):
    """oslo.db's registry of backends, read once at import, is kept right."""

    def test_sqlite_works_when_the_variable_names_only_servers(self):
        registry = {name: backend for name, backend in
                    provision.Backend.backends_by_database_type.items()
                    if name != 'sqlite'}
        self.useFixture(fixtures.MockPatchObject(
            provision.Backend, 'backends_by_database_type', registry))
        self.useFixture(fixtures.EnvironmentVariable(
            backends.ADMIN_CONNECTION_ENV, _DEAD_URLS['mysql']))
        admin = 'sqlite:///%s' % os.path.join(
            self.useFixture(fixtures.TempDir()).path, 'admin.db')

        def use_database(case):
            with case.engine.connect() as conn:
                case.assertEqual(1, conn.scalar(sa.text('SELECT 1')))

        result = _run(_probe_case('sqlite', use_database, admin))
        self.assertEqual([], _messages(result))
        self.assertEqual({}, result.skip_reasons)

    def test_server_url_from_the_file_is_registered(self):
        self.useFixture(fixtures.MockPatchObject(
            provision.Backend, 'backends_by_database_type', {}))
        db_dir = self.useFixture(fixtures.TempDir()).path
        with open(os.path.join(db_dir, 'admin-connection'), 'w') as stream:
            stream.write(_DEAD_URLS['postgresql'])
        self.useFixture(fixtures.EnvironmentVariable(
            backends.ADMIN_CONNECTION_ENV))
        self.useFixture(fixtures.EnvironmentVariable(
            backends.DB_DIR_ENV, db_dir))
        _probe_case('postgresql', None).generate_fixtures()
        registered = provision.Backend.backends_by_database_type
        self.assertEqual(
            _DEAD_URLS['postgresql'],
            registered['postgresql'].url.render_as_string(
                hide_password=False))
        self.assertIn('sqlite', registered)


class TestSettings(base.BaseTestCase):
    """Where the admin URLs and the required backends come from."""

    PG = 'postgresql+psycopg2://u:p@127.0.0.1:15432/'
    MYSQL = 'mysql+pymysql://u:p@127.0.0.1:13306/'

    def _db_dir_with(self, content):
        path = self.useFixture(fixtures.TempDir()).path
        with open(os.path.join(path, 'admin-connection'), 'w') as stream:
            stream.write(content + '\n')
        return path

    def test_variable_wins_over_file(self):
        environ = {backends.ADMIN_CONNECTION_ENV: self.PG,
                   backends.DB_DIR_ENV: self._db_dir_with(self.MYSQL)}
        self.assertEqual(self.PG, backends.admin_connection(environ))

    def test_file_written_by_test_setup_is_read(self):
        environ = {backends.DB_DIR_ENV: self._db_dir_with(
            self.MYSQL + ';' + self.PG)}
        urls = backends.admin_urls(environ)
        self.assertEqual({'mysql': self.MYSQL, 'postgresql': self.PG},
                         {k: v for k, v in urls.items() if k != 'sqlite'})

    def test_oslo_defaults_without_configuration(self):
        empty_dir = self.useFixture(fixtures.TempDir()).path
        environ = {backends.DB_DIR_ENV: empty_dir}
        self.assertIsNone(backends.admin_connection(environ))
        urls = backends.admin_urls(environ)
        self.assertIn('openstack_citest@localhost', urls['postgresql'])
        self.assertIn('openstack_citest@localhost', urls['mysql'])

    def test_sqlite_is_always_a_file(self):
        urls = backends.admin_urls(
            {backends.ADMIN_CONNECTION_ENV: 'sqlite://'})
        self.assertEqual(['sqlite'], list(urls))
        self.assertTrue(sa.engine.make_url(urls['sqlite']).database)

    def test_required_backends_parsed(self):
        self.assertEqual(
            frozenset(['postgresql', 'mysql']),
            backends.required_backends(
                {backends.REQUIRED_ENV: ' postgresql, mysql,'}))
        self.assertEqual(frozenset(), backends.required_backends({}))

    def test_unknown_required_backend_is_an_error(self):
        error = self.assertRaises(
            exception.ConfigError, backends.required_backends,
            {backends.REQUIRED_ENV: 'postgres,mysql'})
        self.assertIn('unknown backend(s) postgres;', error.message)
