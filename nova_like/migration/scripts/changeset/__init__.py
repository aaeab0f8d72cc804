"""The ``migrate`` changeset API for legacy scripts, on SQLAlchemy 2.

sqlalchemy-migrate added methods to SQLAlchemy's classes at import time.
Here they are plain functions taking ``self`` first, listed in
:data:`PATCHES`, which the script environment installs around one
script's execution and removes afterwards; nothing is patched on import.
The ``migrate`` modules scripts import come from :mod:`.shim`.
"""
import sqlalchemy as sa

from nova_like.migration.scripts.changeset import alter
from nova_like.migration.scripts.changeset import columns
from nova_like.migration.scripts.changeset import tables

#: ``(SQLAlchemy class, attribute, function)`` to install while a script runs
PATCHES = (
    (sa.Column, 'create', columns.create),
    (sa.Column, 'drop', columns.drop),
    (sa.Column, 'alter', alter.alter),
    (sa.Table, 'create_column', tables.create_column),
    (sa.Table, 'drop_column', tables.drop_column),
    (sa.Table, 'rename', tables.rename),
    (sa.Index, 'rename', tables.rename_index),
)
