"""``repo reserve-placeholders`` and ``repo backport``: release managers.

The work is planned and written by :mod:`nova_like.migration.placeholders`;
this module parses the arguments and says what was (or would be) done.
"""
import os

from nova_like.cmd import common
from nova_like.migration import api
from nova_like.migration import placeholders

_PAST = {'create': 'created', 'record': 'recorded', 'remove': 'removed',
         'reserve': 'reserved', 'fill': 'filled'}


def _repository_arg(func):
    # Also accepted after the action, so `tools/reserve-placeholders` can
    # pass its arguments through unchanged.
    return common.args(
        '--repository', dest='repository_path', metavar='PATH',
        help='migrate repository to change (default: the global '
             '--repository, else the bundled migrate_repo)')(func)


def _dry_run_arg(func):
    return common.args('--dry-run', action='store_true',
                       help='print what would be done; write nothing')(func)


class PlaceholderCommands(object):
    """Reserved placeholder ranges and backports."""

    @common.args('--count', type=int, required=True, metavar='N',
                 help='number of placeholders (1-%d)' %
                      placeholders.MAX_COUNT)
    @common.args('--release', required=True, metavar='NAME',
                 help='release the slots are reserved for, e.g. icehouse')
    @_repository_arg
    @_dry_run_arg
    def reserve_placeholders(self, count, release, repository_path=None,
                             dry_run=False):
        """Append N no-op placeholders after the head for backports.

        They are named NNN_placeholder.py and the range is recorded for
        the release in releases.cfg ([placeholders]).  Running it again
        with the same arguments changes nothing.
        """
        repository = self._load_repository(repository_path)
        plan = placeholders.plan_reservation(repository, release, count)
        if plan.already_done:
            print('release %s already has placeholders %s (%d slots): '
                  'nothing to do' % (release, plan.range, count))
            return
        if not dry_run:
            placeholders.write_reservation(plan)
        _report_reservation(repository, plan, dry_run)

    @common.args('master_script', metavar='MASTER_SCRIPT',
                 help="master's version script, NNN_description.py")
    @common.args('--slot', type=int, metavar='NNN',
                 help='placeholder to fill (default: the next free one)')
    @common.args('--release', metavar='NAME',
                 help='release whose range to fill (default: the latest '
                      'range)')
    @_repository_arg
    @_dry_run_arg
    def backport(self, master_script, slot=None, release=None,
                 repository_path=None, dry_run=False):
        """Fill a placeholder slot with a migration from master.

        Use it on the stable branch.  The slot file takes master's content
        and description; releases.cfg records the twin ([backports]
        SLOT = MASTER).
        """
        repository = self._load_repository(repository_path)
        plan = placeholders.plan_backport(repository, master_script,
                                          slot=slot, release=release)
        if not dry_run:
            placeholders.write_backport(plan)
        _report_backport(repository, plan, dry_run)

    def _load_repository(self, path):
        return api.load_repository(path or self._repository)


def _did(dry_run, verb):
    return 'would ' + verb if dry_run else _PAST[verb]


def _report_reservation(repository, plan, dry_run):
    print('%s versions %s for backports to %s (%d placeholders)' % (
        _did(dry_run, 'reserve'), plan.range, plan.range.release,
        len(plan.files)))
    names = [_relative(repository, path) for path, _text in plan.files]
    print('  %s %s' % (_did(dry_run, 'create'), names[0] if len(names) == 1
                       else '%s .. %s' % (names[0], names[-1])))
    _report_record(repository, plan, dry_run, 'placeholders', '%s = %s' % (
        plan.range.release, plan.range))
    print('new work starts at version %d' % (plan.range.last + 1))
    if dry_run:
        print('dry run: nothing written')


def _report_backport(repository, plan, dry_run):
    print('%s slot %d of %s %s with master version %d' % (
        _did(dry_run, 'fill'), plan.slot, plan.range.release, plan.range,
        plan.master_version))
    print('  %s %s from %s' % (_did(dry_run, 'create'),
                               _relative(repository, plan.target_path),
                               plan.master_path))
    print('  %s %s' % (_did(dry_run, 'remove'),
                       _relative(repository, plan.placeholder_path)))
    _report_record(repository, plan, dry_run, 'backports', '%d = %d' % (
        plan.slot, plan.master_version))
    print('master version %d must stay idempotent: databases that ran slot '
          '%d run it again when they upgrade' % (plan.master_version,
                                                 plan.slot))
    if dry_run:
        print('dry run: nothing written')


def _report_record(repository, plan, dry_run, section, entry):
    where = _relative(repository, plan.releases_path)
    if plan.creates_releases:
        print('  %s %s' % (_did(dry_run, 'create'), where))
    for item in plan.adopted:
        print('  %s the placeholder run %s as %s in [placeholders] of %s '
              '(rename it to its release)' % (
                  _did(dry_run, 'record'), item, item.release, where))
    print('  %s %s in [%s] of %s' % (_did(dry_run, 'record'), entry,
                                     section, where))


def _relative(repository, path):
    return os.path.relpath(path, repository.path)
