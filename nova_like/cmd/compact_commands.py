"""``repo compact``: verified compaction, for release managers.

The work and the proof are done by :mod:`nova_like.migration.compaction`;
this module parses the arguments and says what was (or would be) done.
"""
import os

from nova_like.cmd import common
from nova_like.migration import api


class CompactCommands(object):
    """Compaction of old scripts into one initial script."""

    @common.args('--through', type=int, required=True, metavar='NNN',
                 help='last version to compact; it becomes the initial '
                      'script NNN_RELEASE.py')
    @common.args('--name', dest='release', required=True, metavar='RELEASE',
                 help='release the compacted versions shipped in, named '
                      'to databases too old for the compacted repository')
    @common.args('--repository', dest='compact_repository', metavar='PATH',
                 help='migrate repository to change (default: the global '
                      '--repository, else the bundled migrate_repo)')
    @common.args('--database-connection', dest='urls', action='append',
                 default=[], metavar='URL',
                 help='an empty scratch database to prove the result on, '
                      'besides a temporary SQLite file (repeatable)')
    @common.args('--dry-run', action='store_true',
                 help='generate and prove, print the script; write nothing')
    def compact(self, through, release, compact_repository=None, urls=(),
                dry_run=False):
        """Replace the scripts up to NNN with one proven initial script.

        The schema at NNN is built on scratch databases through the
        original repository and written out as NNN_RELEASE.py; the
        candidate repository must reach the same schema at the head as
        the original on every backend before anything is written.
        releases.cfg records [compacted] RELEASE = FIRST-NNN.
        """
        # Imported here: `db version` must not pay for the generator.
        from nova_like.migration import compaction
        path = compact_repository or self._repository or \
            api.bundled_repository()
        result = compaction.compact(path, through, release, urls, dry_run)
        _report(result, dry_run)


def _report(result, dry_run):
    changes = result.changes
    verb = 'would compact' if dry_run else 'compacted'
    print('%s versions %s into %s (release %s)' % (
        verb, changes.record, changes.script, changes.record.release))
    print('  proven equal at the head on: %s' % ', '.join(result.backends))
    print('  %s %d files: %s .. %s' % (
        'would remove' if dry_run else 'removed', len(changes.removed),
        changes.removed[0], os.path.basename(changes.removed[-1])))
    for line in changes.dropped:
        print('  %s %s from releases.cfg' % (
            'would drop' if dry_run else 'dropped', line))
    print('  %s [compacted] %s = %s in releases.cfg' % (
        'would record' if dry_run else 'recorded', changes.record.release,
        changes.record))
    print('initial version now %d: databases below it must upgrade '
          'through %s first' % (changes.record.last - 1,
                                changes.record.release))
    if dry_run:
        print(result.source)
        print('dry run: nothing written')
