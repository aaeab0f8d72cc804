"""``project-manage db ...``: walk, inspect and stamp database versions."""
import sys

import prettytable

from nova_like.cmd import common
from nova_like.cmd import progress
from nova_like import conf
from nova_like.migration import api

CONF = conf.CONF


class DbCommands(object):
    """Database version commands."""

    @common.args('version', metavar='VERSION', nargs='?', type=int,
                 help='target version (default: the head)')
    def sync(self, version=None):
        """Upgrade the database to VERSION or the head.

        Downgrades run only where the scripts define downgrade().
        """
        display = progress.reporter()
        try:
            result = api.sync(CONF.database.connection, CONF.repository,
                              version, progress=display)
        finally:
            display.close()
        print('database at version %d (was %d, %d steps)' % (
            result.end, result.start, len(result.steps)))

    def version(self):
        """Print the current version of the database."""
        print(api.db_version(CONF.database.connection, CONF.repository))

    @common.args('version', metavar='VERSION', nargs='?', type=int,
                 help='version to record (default: the repository\'s '
                      'initial version)')
    def version_control(self, version=None):
        """Put an existing database under version control (stamp)."""
        stamped = api.version_control(CONF.database.connection,
                                      CONF.repository, version)
        print('database under version control at version %d' % stamped)

    def status(self):
        """List every version: applied or pending, placeholder, release."""
        report = api.status(CONF.database.connection, CONF.repository)
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
        sys.stdout.flush()
