"""Run one sqlalchemy-migrate 0.13 action; runs INSIDE the reference venv.

Usage::

    python driver.py [--path DIR ...] ACTION URL REPOSITORY [VERSION]

ACTION is ``version_control``, ``upgrade``, ``downgrade`` or ``db_version``
(``migrate.versioning.api``).  ``--path`` entries are put first on sys.path
so version scripts can import their own project.  Prints one JSON line,
``{"ok": true, "version": N}`` (the version after the action) or ``{"ok":
false, "error": "<exception class name>", "message": "..."}``, and exits 0
or 1.  Anything else, tracebacks included, goes to stderr.

This file imports nothing of nova_like: sqlalchemy-migrate needs SQLAlchemy
1.4 and never shares a process with us.
"""
import argparse
import contextlib
import json
import sys
import traceback

ACTIONS = ('version_control', 'upgrade', 'downgrade', 'db_version')


def parse_args(argv):
    """Return the parsed command line."""
    parser = argparse.ArgumentParser(
        description='Run one sqlalchemy-migrate action, reply in JSON.')
    parser.add_argument('--path', action='append', default=[],
                        help='directory to put first on sys.path')
    parser.add_argument('action', choices=ACTIONS)
    parser.add_argument('url')
    parser.add_argument('repository')
    parser.add_argument('version', nargs='?', type=int)
    return parser.parse_args(argv)


def run(action, url, repository, version):
    """Run ``action`` and return the database version afterwards."""
    # Imported late: --path entries must be on sys.path first.
    from migrate.versioning import api
    # Like nova-manage, the host program has the ORM loaded before any
    # script runs; some scripts use sqlalchemy.orm after "import sqlalchemy".
    import sqlalchemy.orm  # noqa: F401

    if action != 'db_version':
        options = {} if version is None else {'version': version}
        getattr(api, action)(url, repository, **options)
    return int(api.db_version(url, repository))


def main(argv=None):
    """Entry point; returns the exit code."""
    args = parse_args(argv)
    sys.path[:0] = args.path
    try:
        # migrate may print progress; stdout carries only the reply.
        with contextlib.redirect_stdout(sys.stderr):
            version = run(args.action, args.url, args.repository,
                          args.version)
    except Exception as error:
        traceback.print_exc()
        reply = {'ok': False, 'error': type(error).__name__,
                 'message': str(error)}
    else:
        reply = {'ok': True, 'version': version}
    print(json.dumps(reply))
    return 0 if reply['ok'] else 1


if __name__ == '__main__':
    sys.exit(main())
