"""The command lines of the three tools compared, as an operator runs them.

* nova_like: ``project-manage`` (``python -m nova_like.cmd.manage``);
* sqlalchemy-migrate 0.13: ``migrate_driver.py`` in the reference venv;
* Alembic: ``/work/venv``'s ``alembic`` with a minimal ``env.py``.
"""
import os
import sys

from benchmarks import procs
from nova_like.tests import reference

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DRIVER = os.path.join(PROJECT, 'benchmarks', 'migrate_driver.py')


class NovaLike(object):
    name = 'nova_like'

    def __init__(self, pycache):
        self.env = procs.clean_env(PYTHONPATH=PROJECT,
                                   PYTHONPYCACHEPREFIX=pycache)

    def _argv(self, case, *command):
        return [sys.executable, '-m', 'nova_like.cmd.manage',
                '--repository', case.legacy] + list(command)

    def sync(self, url, case):
        return self._argv(case, 'db', 'sync'), dict(
            self.env, OS_DATABASE__CONNECTION=url)

    def version(self, url, case):
        return self._argv(case, 'db', 'version'), dict(
            self.env, OS_DATABASE__CONNECTION=url)

    def lint(self, case):
        return self._argv(case, 'repo', 'lint'), self.env


class Migrate(object):
    name = 'migrate'

    def __init__(self, pycache):
        self.python = reference.ensure_venv(reference.venv_path())
        self.env = procs.clean_env(PYTHONPYCACHEPREFIX=pycache)

    def sync(self, url, case):
        return [self.python, DRIVER, 'sync', url, case.legacy], self.env

    def version(self, url, case):
        return [self.python, DRIVER, 'version', url, case.legacy], self.env


class Alembic(object):
    name = 'alembic'

    def __init__(self, pycache):
        self.alembic = os.path.join(os.path.dirname(sys.executable),
                                    'alembic')
        self.env = procs.clean_env(PYTHONPYCACHEPREFIX=pycache)

    def _argv(self, url, case, *command):
        return [self.alembic, '-c', case.alembic, '-x', 'url=%s' % url] + \
            list(command)

    def sync(self, url, case):
        return self._argv(url, case, 'upgrade', 'head'), self.env

    def version(self, url, case):
        return self._argv(url, case, 'current'), self.env
