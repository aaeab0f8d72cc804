"""The execution environment of one legacy ``.py`` script.

Installed explicitly around one script's execution and removed afterwards
(Alembic's ``_install_proxy`` / ``_remove_proxy`` pattern): SQLAlchemy 1.x
idioms (:mod:`sa1`), the ``migrate`` changeset API, and importable
``migrate`` modules.  Outside a script, the process sees plain SQLAlchemy 2.
"""
import contextlib
import sys

from nova_like.migration.scripts import changeset
from nova_like.migration.scripts.changeset import shim
from nova_like.migration.scripts import context
from nova_like.migration.scripts import loader
from nova_like.migration.scripts import sa1

_MISSING = object()


@contextlib.contextmanager
def installed(connection):
    """Install the legacy environment; yield the script's ``migrate_engine``.

    :param connection: the step's SQLAlchemy 2 Connection, in a transaction.
    """
    # Scripts of the era use sqlalchemy.orm after a bare `import sqlalchemy`:
    # it worked because their host program had imported the ORM already.
    import sqlalchemy.orm  # noqa: F401
    legacy_engine = sa1.LegacyEngine(connection)
    with _attributes(sa1.patches() + list(changeset.PATCHES)), \
            _items(sa1.registrars(), sa1.inspection_registrations()), \
            _items(sys.modules, shim.modules()), \
            _compiled_cache(connection), \
            context.active(legacy_engine):
        yield legacy_engine


def run_python(path, connection, operation):
    """Load the script at ``path`` and call ``operation(migrate_engine)``."""
    with installed(connection) as legacy_engine, \
            loader.loaded(path) as module:
        loader.function(module, operation, path)(legacy_engine)


@contextlib.contextmanager
def _compiled_cache(connection):
    # The changeset API turns the statement cache off for the rest of the
    # script (its Table objects change under their cache keys); later steps
    # get it back, or every reflection query of every later script would
    # be compiled again (2 s over 200 PostgreSQL scripts).
    options = connection.get_execution_options()
    saved = options.get('compiled_cache', connection.engine._compiled_cache)
    try:
        yield
    finally:
        connection.execution_options(compiled_cache=saved)


@contextlib.contextmanager
def _attributes(patches):
    saved = []
    try:
        for owner, name, value in patches:
            saved.append((owner, name, vars(owner).get(name, _MISSING)))
            setattr(owner, name, value)
        yield
    finally:
        for owner, name, original in reversed(saved):
            if original is _MISSING:
                delattr(owner, name)
            else:
                setattr(owner, name, original)


@contextlib.contextmanager
def _items(mapping, additions):
    saved = {key: mapping.get(key, _MISSING) for key in additions}
    mapping.update(additions)
    try:
        yield
    finally:
        for key, original in saved.items():
            if original is _MISSING:
                mapping.pop(key, None)
            else:
                mapping[key] = original
