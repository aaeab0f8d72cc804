"""``project-manage db ...``: walk, inspect and stamp database versions."""
import sys

import prettytable

from nova_like.cmd import common
from nova_like.cmd import online_commands
from nova_like.cmd import progress
from nova_like.cmd import sync_phases
from nova_like.migration import api


class CommandsBase(object):
    """A category of commands sharing the parsed configuration."""

    def __init__(self, conf):
        self._conf = conf

    @property
    def _url(self):
        return self._conf.database.connection

    @property
    def _repository(self):
        return self._conf.repository


class DbCommands(online_commands.OnlineMigrationCommands, CommandsBase):
    """Database version commands."""

    @common.args('version', metavar='VERSION', nargs='?', type=int,
                 help='target version (default: the head)')
    @common.args('--expand', action='store_true',
                 help='run only the steps before the first contract step '
                      '(safe while the services run)')
    @common.args('--contract', action='store_true',
                 help='run from the first contract step on, once its '
                      'conditions hold')
    @common.args('--check', action='store_true',
                 help='write nothing; exit 0 up to date, 2 expand steps, '
                      '3 data migrations, 4 contract steps pending')
    def sync(self, version=None, expand=False, contract=False, check=False):
        """Upgrade the database to VERSION or the head.

        Downgrades run only where the scripts define downgrade().  A
        contract step runs only once its conditions hold (see `db
        online_data_migrations`); the walk stops before it otherwise, with
        exit code 1.
        """
        phase = sync_phases.chosen(version, expand, contract, check)
        if check:
            return sync_phases.check(self._url, self._repository)
        display = progress.reporter()
        try:
            result = api.sync(self._url, self._repository,
                              version, progress=display, phase=phase)
        finally:
            display.close()
        print('database at version %d (was %d, %d steps)' % (
            result.end, result.start, len(result.steps)))

    @common.args('action', choices=('retry', 'mark-applied'),
                 help='retry: run the failed version again at the next '
                      'sync; mark-applied: record it as done')
    @common.args('version', metavar='VERSION', type=int,
                 help='the version whose step failed')
    def repair(self, action, version):
        """Decide about a step that failed half applied (MySQL/MariaDB).

        DDL there commits statement by statement, so `db sync` refuses to
        run a failed, non-idempotent version again until you inspect the
        schema and choose.
        """
        api.repair(self._url, self._repository, version, action)
        print('version %d: %s recorded' % (version, action))

    def version(self):
        """Print the current version of the database."""
        print(api.db_version(self._url, self._repository))

    @common.args('version', metavar='VERSION', nargs='?', type=int,
                 help='version to record (default: the repository\'s '
                      'initial version)')
    def version_control(self, version=None):
        """Put an existing database under version control (stamp)."""
        stamped = api.version_control(self._url, self._repository,
                                      version)
        print('database under version control at version %d' % stamped)

    def status(self):
        """List every version: applied or pending, placeholder, release.

        Below, each reserved placeholder range: its slots, those filled by
        a backport (with the master version of their twin), those unfilled.
        """
        report = api.status(self._url, self._repository)
        table = prettytable.PrettyTable(
            ['version', 'state', 'kind', 'release', 'reserved for', 'twin',
             'script'])
        table.align = 'l'
        for line in report.versions:
            table.add_row([
                line.version, 'applied' if line.applied else 'pending',
                line.kind, line.release or '', line.reserved_for or '',
                line.twin or '', line.name])
        print(table)
        print('current version %d, head %d' % (report.current, report.head))
        if report.lock_holder:
            print('migration in progress: lock held by %s' %
                  report.lock_holder)
        if report.ranges:
            ranges = prettytable.PrettyTable(
                ['reserved for', 'range', 'slots', 'filled (twin)',
                 'unfilled'])
            ranges.align = 'l'
            for item in report.ranges:
                ranges.add_row([
                    item.range.release or '(inferred from names)',
                    str(item.range), item.size, item.filled_text(),
                    item.unfilled_text()])
            print('placeholder ranges:')
            print(ranges)
        sys.stdout.flush()
