"""A locked repository still loads in sqlalchemy-migrate 0.13 itself.

Runs the real sqlalchemy-migrate in its own venv (see
:mod:`nova_like.tests.reference`), as the functional tests do.
"""
import os
import shutil

import fixtures
from oslotest import base

from nova_like.migration import api
from nova_like.migration.lint import linter
from nova_like.migration.lint import lockfile
from nova_like.tests import reference


class TestLockedRepositoryInSqlalchemyMigrate(base.BaseTestCase):

    def test_upgrade_to_head(self):
        workdir = self.useFixture(fixtures.TempDir()).path
        path = os.path.join(workdir, 'migrate_repo')
        shutil.copytree(api.bundled_repository(), path,
                        ignore=shutil.ignore_patterns('__pycache__'))
        for release in ('grizzly', 'havana', 'icehouse'):
            linter.lock(path, release)
        self.assertTrue(os.path.exists(lockfile.path_of(path)))
        url = 'sqlite:///%s' % os.path.join(workdir, 'reference.sqlite')
        ref = reference.reference_migrate()
        ref.version_control(url, path, 99)
        self.assertEqual(119, ref.upgrade(url, path))
