"""Run ``project-manage`` in-process, as an operator would, for tests."""
import collections
import io
import os
from unittest import mock

import fixtures

from nova_like.cmd import manage

Result = collections.namedtuple('Result', 'code out err')


class ManageFixture(fixtures.Fixture):
    """A scratch working directory where ``project-manage`` runs."""

    def _setUp(self):
        self.path = self.useFixture(fixtures.TempDir()).path
        cwd = os.getcwd()
        os.chdir(self.path)
        self.addCleanup(os.chdir, cwd)
        self.useFixture(fixtures.EnvironmentVariable(
            'OS_DATABASE__CONNECTION'))
        self.database = os.path.join(self.path, 'nova_like.sqlite')

    def __call__(self, *argv):
        """Run ``project-manage ARGV``; return code, stdout, stderr."""
        out, err = io.StringIO(), io.StringIO()
        with mock.patch('sys.stdout', out), mock.patch('sys.stderr', err):
            code = manage.main([str(arg) for arg in argv])
        return Result(code, out.getvalue(), err.getvalue())
