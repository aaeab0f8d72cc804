"""sqlalchemy-migrate 0.13 as a service's manage command drives it.

Runs INSIDE the reference venv (``tools/reference/ensure-venv``)::

    python migrate_driver.py sync|version URL REPOSITORY

``sync`` is Nova's old ``db_sync``: put a database that is not under
version control just below the first version, then upgrade to the latest
version.
``version`` prints ``db_version``.  Imports nothing of nova_like.
"""
import sys


def sync(api, exceptions, url, repository):
    try:
        api.db_version(url, repository)
    except exceptions.DatabaseNotControlledError:
        # Nova's INIT_VERSION: just below a compacted repository's first.
        from migrate.versioning import repository as repository_mod
        versions = repository_mod.Repository(repository).versions.versions
        api.version_control(url, repository, int(min(versions)) - 1)
    api.upgrade(url, repository)


def main(argv):
    action, url, repository = argv
    from migrate import exceptions
    from migrate.versioning import api
    # The host program (nova-manage) has the ORM loaded before any script.
    import sqlalchemy.orm  # noqa: F401

    if action == 'sync':
        sync(api, exceptions, url, repository)
    else:
        print(api.db_version(url, repository))


if __name__ == '__main__':
    main(sys.argv[1:])
