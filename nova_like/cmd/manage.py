"""``project-manage``: the operators' command line, nova-manage style.

Exit codes:

* 0 -- success
* 1 -- an error in the input or the database state (bad repository, missing
  version, database not under version control, newer than the code,
  unreachable...); one line on stderr names the culprit; nothing written
* 2 -- usage error (unknown command or option, bad configuration file)
* 3 -- a migration script failed: its step was rolled back (recorded as
  failed in the history table) and the version stayed where it was
"""
import sys

from oslo_config import cfg

from nova_like.cmd import common
from nova_like.cmd import db
from nova_like import conf
from nova_like import exception

CONF = conf.CONF

CATEGORIES = {
    'db': db.DbCommands,
}

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_MIGRATION_FAILED = 3


def _add_command_parsers(subparsers):
    common.add_command_parsers(subparsers, CATEGORIES)


category_opt = cfg.SubCommandOpt('category', title='Command categories',
                                 help='Available categories',
                                 handler=_add_command_parsers)


def main(argv=None):
    """Parse ``argv``, run the command, map errors to exit codes."""
    conf.register()
    CONF.register_cli_opt(category_opt)
    try:
        CONF(sys.argv[1:] if argv is None else argv, project='nova_like',
             default_config_files=[])
    except cfg.Error as error:
        print('project-manage: %s' % error, file=sys.stderr)
        return EXIT_USAGE
    return _run(CONF.category)


def _run(category):
    kwargs = {name: getattr(category, name) for name in
              category.action_kwargs}
    try:
        category.action_fn(**kwargs)
    except exception.MigrationFailed as error:
        print('ERROR: %s' % error.message, file=sys.stderr)
        return EXIT_MIGRATION_FAILED
    except exception.NovaLikeError as error:
        print('ERROR: %s' % error.message, file=sys.stderr)
        return EXIT_ERROR
    except cfg.Error as error:
        print('ERROR: %s' % exception.mask_url(error), file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


if __name__ == '__main__':
    sys.exit(main())
