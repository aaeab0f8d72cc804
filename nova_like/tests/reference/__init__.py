"""Drive the real sqlalchemy-migrate 0.13 (the reference) from tests.

sqlalchemy-migrate cannot be imported on SQLAlchemy 2, so it lives in its
own virtualenv, built by ``tools/reference/ensure-venv`` (default
``<repo>/.tox/reference-migrate``, or ``$NOVA_LIKE_REFERENCE_VENV``), and
each call runs ``driver.py`` there as a subprocess.

Example::

    from nova_like.tests import reference

    ref = reference.reference_migrate()
    ref.version_control(self.url, repo_dir)
    self.assertEqual(2, ref.upgrade(self.url, repo_dir))
    error = self.assertRaises(reference.ReferenceMigrateError,
                              ref.upgrade, self.url, repo_dir, 99)
    self.assertEqual('VersionNotFoundError', error.error)
"""
import functools
import json
import os
import subprocess

from nova_like import exception

VENV_ENV = 'NOVA_LIKE_REFERENCE_VENV'
PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.dirname(os.path.abspath(__file__)))))
ENSURE_VENV = os.path.join(PROJECT_ROOT, 'tools', 'reference', 'ensure-venv')
DRIVER = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'driver.py')
_STDERR_LINES = 20


class ReferenceMigrateError(Exception):
    """The reference failed.

    ``error`` is the class name of sqlalchemy-migrate's exception (e.g.
    ``VersionNotFoundError``), ``message`` its text, ``stderr`` what the
    subprocess printed there.
    """

    def __init__(self, error, message, stderr=''):
        text = '%s: %s' % (error, message)
        if stderr.strip():
            # The reference's own traceback is what explains a surprise.
            tail = '\n'.join(stderr.strip().splitlines()[-_STDERR_LINES:])
            text += '\n--- reference stderr (end) ---\n' + tail
        super().__init__(exception.mask_url(text))
        self.error = error
        self.message = message
        self.stderr = stderr


def _subprocess_env():
    # Our PYTHONPATH may lead to SQLAlchemy 2; the reference gets --path.
    env = dict(os.environ)
    env.pop('PYTHONPATH', None)
    env.pop('PYTHONHOME', None)
    return env


class ReferenceMigrate:
    """sqlalchemy-migrate's ``migrate.versioning.api``, one process a call.

    :param python: the reference venv's python.
    :param paths: directories put first on the reference's sys.path;
        default: the directory holding ``nova_like``, so that scripts can
        import ``nova_like.tests...`` modules.
    """

    def __init__(self, python, paths=None):
        self.python = python
        self.paths = [PROJECT_ROOT] if paths is None else list(paths)

    def version_control(self, url, repository, version=None):
        """Put the database under version control; return its version."""
        return self._run('version_control', url, repository, version)

    def upgrade(self, url, repository, version=None):
        """Upgrade to ``version`` (default: latest); return the version."""
        return self._run('upgrade', url, repository, version)

    def downgrade(self, url, repository, version):
        """Downgrade to ``version``; return the version."""
        return self._run('downgrade', url, repository, version)

    def db_version(self, url, repository):
        """Return the version recorded in the database."""
        return self._run('db_version', url, repository)

    def _run(self, action, url, repository, version=None):
        command = [self.python, DRIVER]
        for path in self.paths:
            command += ['--path', path]
        command += [action, url, repository]
        if version is not None:
            command.append(str(version))
        process = subprocess.run(command, capture_output=True, text=True,
                                 env=_subprocess_env(), check=False)
        return _reply(process)


def _reply(process):
    """Return the version in the driver's reply or raise its error."""
    lines = process.stdout.strip().splitlines()
    try:
        reply = json.loads(lines[-1])
    except (IndexError, ValueError):
        raise ReferenceMigrateError(
            'DriverFailed', 'no reply (exit code %s)' % process.returncode,
            process.stderr)
    if reply['ok']:
        return reply['version']
    raise ReferenceMigrateError(reply['error'], reply['message'],
                                process.stderr)


def venv_path():
    """Return where the reference venv lives."""
    return (os.environ.get(VENV_ENV) or
            os.path.join(PROJECT_ROOT, '.tox', 'reference-migrate'))


@functools.lru_cache(maxsize=None)
def ensure_venv(path):
    """Build the venv at ``path`` if needed; return its python."""
    process = subprocess.run([ENSURE_VENV, path], capture_output=True,
                             text=True, env=_subprocess_env(), check=False)
    if process.returncode != 0:
        raise ReferenceMigrateError(
            'EnsureVenvFailed', '%s %s exited %d' % (
                ENSURE_VENV, path, process.returncode), process.stderr)
    return process.stdout.strip().splitlines()[-1]


def reference_migrate(paths=None):
    """Return a ready :class:`ReferenceMigrate`, building its venv once."""
    return ReferenceMigrate(ensure_venv(venv_path()), paths)
