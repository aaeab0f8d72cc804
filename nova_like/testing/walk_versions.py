"""Walk a migrate repository through every version, one step at a time.

The shape of oslo.db's former ``WalkVersionsMixin``, on nova_like's
``db sync``.  Per-version hooks, looked up by the version's three-digit
number, check what each migration does to the data:

``_pre_upgrade_NNN(engine)``
    runs before upgrading to NNN; what it returns goes to the check;
``_check_NNN(engine, data)``
    runs once the database is at NNN;
``_post_downgrade_NNN(engine)``
    runs once NNN was downgraded (snake walk only).

Example::

    from nova_like.testing import walk_versions

    class TestWalkVersions(walk_versions.WalkVersionsMixin,
                           MyBackendTestCase):
        # MyBackendTestCase gives self.engine, on an empty database
        repository_path = '/path/to/my_project/db/migrate_repo'

        def test_walk_versions(self):
            self.walk_versions(snake_walk=True)

        def _pre_upgrade_117(self, engine):
            ...  # insert rows the migration must convert
            return ids

        def _check_117(self, engine, ids):
            ...  # the rows, converted
"""
from nova_like import exception
from nova_like.migration import api
from nova_like.migration import planner
from nova_like import testing


class WalkVersionsMixin(object):
    """Mixin for a test case with an ``engine`` on an empty database.

    ``self.engine`` must be a file or server database (``db sync`` opens
    its own connections).  Set ``repository_path``.
    """

    repository_path = None

    @property
    def migrate_engine(self):
        """The engine hooks receive; ``self.engine`` unless overridden."""
        return self.engine

    def walk_versions(self, snake_walk=False, downgrade=True):
        """Upgrade through every version, then downgrade where possible.

        :param snake_walk: after each upgrade, downgrade that version and
            upgrade it again, where it can be downgraded (placeholders and
            scripts defining ``downgrade``); on the way down, upgrade and
            downgrade each version again
        :param downgrade: walk down from the head, version by version, as
            far as versions can be downgraded
        """
        repository = api.load_repository(self._repository_path())
        versions = range(repository.initial_version + 1, repository.head + 1)
        for version in versions:
            self.migrate_up(version, with_data=True)
            if snake_walk and _can_downgrade(repository, version):
                self.migrate_down(version - 1, with_data=True)
                self.migrate_up(version)
        if not downgrade:
            return
        for version in reversed(versions):
            if not _can_downgrade(repository, version):
                # Nothing below can be reached without this one.
                break
            self.migrate_down(version - 1)
            if snake_walk:
                self.migrate_up(version)
                self.migrate_down(version - 1)

    def migrate_up(self, version, with_data=False):
        """Upgrade to ``version``, with its hooks when ``with_data``."""
        data = None
        if with_data:
            data = self._call_hook('_pre_upgrade_%03d', version)
        api.sync(self._url(), self._repository_path(), version)
        self._assert_version(version)
        if with_data:
            self._call_hook('_check_%03d', version, data)

    def migrate_down(self, version, with_data=False):
        """Downgrade to ``version``; the hook is the one of ``version + 1``."""
        api.sync(self._url(), self._repository_path(), version)
        self._assert_version(version)
        if with_data:
            self._call_hook('_post_downgrade_%03d', version + 1)

    def _call_hook(self, pattern, version, *args):
        hook = getattr(self, pattern % version, None)
        if hook is None:
            return None
        return hook(self.migrate_engine, *args)

    def _assert_version(self, version):
        self.assertEqual(version, api.db_version(
            self._url(), self._repository_path()))

    def _url(self):
        return testing.database_url(self.migrate_engine)

    def _repository_path(self):
        if self.repository_path is None:
            raise NotImplementedError(
                '%s must set repository_path' % type(self).__name__)
        return self.repository_path


def _can_downgrade(repository, version):
    """Tell whether ``version`` can be downgraded (the planner's rule)."""
    try:
        planner.plan(repository, version, version - 1)
    except exception.VersionError:
        return False
    return True
