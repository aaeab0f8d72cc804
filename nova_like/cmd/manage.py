"""``project-manage``: the operators' command line, nova-manage style.

Exit codes:

* 0 -- success
* 1 -- an error in the input or the database state (bad repository, missing
  version, database not under version control, newer than the code,
  unreachable...); one line on stderr names the culprit; nothing written.
  Also: `repo lint` found problems (they are printed on stdout); `db
  sync` stopped before a contract step whose conditions do not hold (the
  steps before it are done)
* 2 -- usage error (unknown command or option, bad configuration file)
* 3 -- a migration script failed: its step was rolled back (recorded as
  failed in the history table) and the version stayed where it was

`db sync --check` and `db online_data_migrations` have their own codes
(Keystone's and nova-manage's): see doc/upgrades.rst.
"""
import sys
import traceback

from oslo_config import cfg

from nova_like.cmd import common
from nova_like.cmd import db
from nova_like.cmd import repo
from nova_like import conf as conf_mod
from nova_like import exception

CATEGORIES = {
    'db': db.DbCommands,
    'repo': repo.RepoCommands,
}

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_MIGRATION_FAILED = 3


def main(argv=None):
    """Parse ``argv``, run the command, map errors to exit codes."""
    # A fresh ConfigOpts per call keeps main() re-entrant (tests, tools).
    conf = cfg.ConfigOpts()
    conf_mod.register(conf)
    conf.register_cli_opt(cfg.SubCommandOpt(
        'category', title='Command categories', help='Available categories',
        handler=lambda subparsers: common.add_command_parsers(
            subparsers, CATEGORIES, conf)))
    try:
        conf(sys.argv[1:] if argv is None else argv, project='nova_like',
             prog='project-manage', default_config_files=[])
    except cfg.Error as error:
        print('project-manage: %s' % error, file=sys.stderr)
        return EXIT_USAGE
    return _run(conf.category, conf.debug)


def _run(category, debug=False):
    kwargs = {name: getattr(category, name) for name in
              category.action_kwargs}
    try:
        # A command may return its own exit code (`repo lint`: 1 on
        # findings); returning nothing means success.
        status = category.action_fn(**kwargs)
    except exception.MigrationFailed as error:
        print('ERROR: %s' % error.message, file=sys.stderr)
        return EXIT_MIGRATION_FAILED
    except exception.NovaLikeError as error:
        print('ERROR: %s' % error.message, file=sys.stderr)
        return EXIT_ERROR
    except cfg.Error as error:
        print('ERROR: %s' % exception.mask_url(error), file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:
        # A bug of ours, not the operator's: still one masked line, with
        # the traceback only on request.
        if debug:
            traceback.print_exc()
        print('ERROR: unexpected %s: %s%s' % (
            type(error).__name__, exception.mask_url(error),
            '' if debug else ' (run with --debug for the traceback)'),
            file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK if status is None else status


if __name__ == '__main__':
    sys.exit(main())
