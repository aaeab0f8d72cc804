"""Options of project-manage, on oslo.config.

``[database] connection`` comes from oslo.db's option set (so the usual
``--config-file`` and ``OS_DATABASE__CONNECTION`` forms work) with
nova_like's embedded default.
"""
from oslo_config import cfg
from oslo_db import options as db_options

from nova_like.migration import api

cli_opts = [
    cfg.BoolOpt('debug', default=False,
                help='print tracebacks of unexpected errors'),
    cfg.FloatOpt('lock-timeout', min=0, metavar='SECONDS',
                 help='how long `db sync` waits for another migration to '
                      'finish (default: for ever)'),
    cfg.StrOpt('repository', metavar='PATH',
               help='migrate repository to drive (default: the bundled '
                    'migrate_repo)'),
]


def register(conf):
    conf.register_cli_opts(cli_opts)
    db_options.set_defaults(conf, connection=api.DEFAULT_CONNECTION)
