"""Which bind a running legacy script is using.

sqlalchemy-migrate scripts rely on implicit execution: ``meta.bind`` or a
table fetched with ``oslo_db.sqlalchemy.utils.get_table`` is later used with
no engine at all.  While one script runs there is exactly one database it may
touch, so every unbound operation resolves to the bind pushed here.
"""
import contextlib

from nova_like import exception

_active_binds = []


def current_bind():
    """Return the :class:`LegacyEngine` of the script that is running."""
    if not _active_binds:
        raise exception.UnsupportedOperation(
            'implicit execution needs a running migration script; pass an '
            'engine or connection explicitly')
    return _active_binds[-1]


def resolve_bind(schema_item=None):
    """Return the bind for ``schema_item`` (MetaData, Table, Column...).

    A MetaData bound by the script (``meta.bind = engine``) wins; anything
    else belongs to the script's own engine.
    """
    metadata = getattr(schema_item, 'metadata', schema_item)
    table = getattr(schema_item, 'table', None)
    if table is not None:
        metadata = table.metadata
    bind = getattr(metadata, '_legacy_bind', None)
    return bind if bind is not None else current_bind()


@contextlib.contextmanager
def active(bind):
    """Make ``bind`` the current bind for the duration of the block."""
    _active_binds.append(bind)
    try:
        yield bind
    finally:
        _active_binds.pop()
