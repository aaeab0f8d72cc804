"""``repo lint`` and ``repo lock``: the migration linter on the command line.

``repo lint`` exits 0 when there is nothing to report, 1 on findings (or a
repository that cannot be read), 2 on a usage error, so it works as a tox
env, in CI and as a pre-commit hook (``.pre-commit-hooks.yaml``).
"""
import sys

from oslo_config import cfg

from nova_like.cmd import common
from nova_like.migration import api

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
_FORMATS = ('text', 'json')

_repository_arg = common.args(
    '--repository', dest='lint_repository', metavar='PATH',
    help='migrate repository to check (default: the global --repository, '
         'else the bundled migrate_repo)')


class LintCommands(object):
    """The migration linter."""

    @_repository_arg
    @common.args('--format', dest='output_format', choices=_FORMATS,
                 default='text', help='text (default) or a JSON array')
    @common.args('--verify', action='store_true',
                 help='also run each backport script twice on a scratch '
                      'database and compare schemas')
    @common.args('--database-connection', dest='verify_url', metavar='URL',
                 help='scratch database for --verify (default: a '
                      'temporary SQLite file); it must be empty')
    def lint(self, lint_repository=None, output_format='text', verify=False,
             verify_url=None):
        """Check the migrations: idempotent backports and the guidelines.

        Scripts that run twice (filled placeholder slots, their master
        twins, scripts with BACKPORTABLE = True) must guard every change;
        everywhere: numbering, placeholders, live model imports, released
        scripts against releases.lock, and, when releases.cfg [lint] sets
        require_downgrade = true, a downgrade() undoing each change.
        Exit status: 0 no findings, 1 findings, 2 usage error.
        """
        if verify_url and not verify:
            raise cfg.Error('--database-connection needs --verify')
        # Imported here: `db version` must not pay for the linter.
        from nova_like.migration.lint import linter
        from nova_like.migration.lint import report
        result = linter.lint(self._lint_path(lint_repository))
        found = list(result.findings)
        if verify:
            found = sorted(set(found + _verify(result, verify_url)))
        if output_format == 'json':
            print(report.as_json(found))
        else:
            if found:
                print(report.as_text(found))
            print(report.summary(found, len(result.repository.scripts)))
        return EXIT_FINDINGS if found else EXIT_CLEAN

    @_repository_arg
    @common.args('--release', required=True, metavar='NAME',
                 help='release of releases.cfg [releases] to freeze')
    def lock(self, release, lint_repository=None):
        """Freeze the scripts of a release into releases.lock.

        Afterwards `repo lint` reports structural changes to them;
        comments, docstrings and formatting may still change.
        """
        from nova_like.migration.lint import linter
        result = linter.lock(self._lint_path(lint_repository), release)
        locked = result.release
        print('%s release %s: versions %d-%d, %d files, in %s' % (
            'locked' if result.written else 'unchanged, already locked:',
            locked.name, locked.first, locked.last, len(locked.files),
            result.path))

    def _lint_path(self, lint_repository):
        return lint_repository or self._repository or \
            api.bundled_repository()


def _verify(result, url):
    if not result.complete:
        print('repo lint: --verify skipped: the repository does not load '
              '(see NL205)', file=sys.stderr)
        return []
    from nova_like.migration.lint import verify
    return verify.verify(result.repository, url)
