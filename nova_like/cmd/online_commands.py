"""``project-manage db online_data_migrations``: nova-manage's command.

Exit codes, as nova-manage's: 0 nothing left to migrate; 1 rows remain
(``--max-count`` was reached, or a migration found rows it could not
migrate): run it again; 2 a migration failed (the others ran); 127 a bad
``--max-count``.
"""
import sys

import prettytable

from nova_like.cmd import common
from nova_like.db import online_migrations
from nova_like.migration import api
from nova_like.migration import online

EXIT_DONE = 0
EXIT_MORE = 1
EXIT_FAILED = 2
EXIT_BAD_ARGUMENT = 127


class OnlineMigrationCommands(object):
    """The ``online_data_migrations`` action of the ``db`` category."""

    #: The service's migrations, in the order they run.
    _online_migrations = online_migrations.MIGRATIONS

    @common.args('--max-count', metavar='NUMBER', dest='max_count',
                 help='migrate at most NUMBER rows, then stop (default: '
                      'batches of %d rows until nothing is left)'
                      % online.BATCH_SIZE)
    def online_data_migrations(self, max_count=None):
        """Migrate data in batches; safe while the services run.

        Contract steps of `db sync` wait until nothing is left.  Exit
        codes: 0 nothing left, 1 run again (--max-count reached or rows
        left), 2 a migration failed, 127 bad --max-count.
        """
        limit = _positive(max_count)
        if max_count is not None and limit is None:
            print('ERROR: --max-count must be a positive integer, not %r'
                  % max_count, file=sys.stderr)
            return EXIT_BAD_ARGUMENT
        if limit is None:
            print('Running batches of %d until complete' % online.BATCH_SIZE)
        report = api.online_data_migrations(
            self._url, self._online_migrations, limit)
        print(_table(report))
        for tally in report.errors:
            print('ERROR: online data migration %s failed: %s' % (
                tally.name, tally.error), file=sys.stderr)
        if report.errors:
            return EXIT_FAILED
        return EXIT_MORE if report.more_to_do else EXIT_DONE


def _positive(text):
    try:
        value = int(text)
    except (TypeError, ValueError):
        return None
    return value if value > 0 else None


def _table(report):
    table = prettytable.PrettyTable(['Migration', 'Total Needed',
                                     'Completed'])
    table.align = 'l'
    for tally in report.tallies:
        table.add_row([tally.name, tally.found, tally.done])
    return table
