"""Test helpers for projects that migrate their database with nova_like.

* :mod:`nova_like.testing.walk_versions`: ``WalkVersionsMixin`` walks a
  repository up one version at a time, with per-version data hooks, and
  down and up again where scripts define ``downgrade``;
* :mod:`nova_like.testing.models_sync`: ``ModelsMigrationsSync`` checks
  that the models and the migrations build the same schema;
  ``ScratchDatabase`` gives a test a second, empty database on the server
  of the one it has.

Both work on SQLite (file databases), PostgreSQL and MySQL/MariaDB; see
``doc/testing.rst``.
"""


def database_url(engine):
    """Return the URL ``db sync`` needs to reach ``engine``'s database.

    The password is included: the URL goes to nova_like's own engines.

    :raises ValueError: for SQLite in memory, which only the connection
        that made it can see.
    """
    url = engine.url
    if url.get_backend_name() == 'sqlite' and url.database in (
            None, '', ':memory:'):
        raise ValueError(
            'nova_like.testing needs a database that other connections '
            'can reach, not SQLite in memory (%s): use a file database, '
            'e.g. list sqlite:///<file> in OS_TEST_DBAPI_ADMIN_CONNECTION '
            'for oslo.db\'s fixtures' % url.render_as_string())
    return url.render_as_string(hide_password=False)
