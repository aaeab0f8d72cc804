"""PostgreSQL DDL for the changeset API.

Alembic already does what sqlalchemy-migrate did here: type, nullability,
default and name changes are separate ``ALTER COLUMN`` statements, in that
order, and renaming a table leaves the name of its sequence unchanged.
"""
from nova_like.migration.scripts.ddl import base


class PostgreSQLImpl(base.DDLImpl):
    """PostgreSQL: ANSI DDL plus ``ALTER INDEX .. RENAME TO``."""

    name = 'postgresql'

    def existing(self, table_name, column_name):
        # PostgreSQL restates nothing; reflecting would only cost time.
        return {}

    def rename_index(self, table_name, old_name, new_name):
        """``ALTER INDEX old RENAME TO new``."""
        self.execute('ALTER INDEX %s RENAME TO %s' % (
            self.quote(old_name), self.quote(new_name)))
