"""MySQL and MariaDB DDL for the changeset API.

MySQL changes a column with ``MODIFY``/``CHANGE``, which restate the whole
definition: whatever the script does not change (type, nullability,
default, ``AUTO_INCREMENT``, comment) is read back from the database so
that it survives.
"""
from nova_like import exception
from nova_like.migration.scripts.ddl import base

# First releases with ALTER TABLE .. RENAME INDEX.
_MYSQL_RENAME_INDEX = (5, 7)
_MARIADB_RENAME_INDEX = (10, 5, 2)


class MySQLImpl(base.DDLImpl):
    """MySQL and MariaDB."""

    name = 'mysql'

    def existing_from(self, column):
        existing = super(MySQLImpl, self).existing_from(column)
        existing['existing_autoincrement'] = bool(column.get('autoincrement'))
        existing['existing_comment'] = column.get('comment')
        return existing

    def rename_index(self, table_name, old_name, new_name):
        """``ALTER TABLE t RENAME INDEX old TO new``."""
        check_rename_index(self.connection.dialect)
        self.execute('ALTER TABLE %s RENAME INDEX %s TO %s' % (
            self.quote(table_name), self.quote(old_name),
            self.quote(new_name)))


def check_rename_index(dialect):
    """Refuse a server too old for ``ALTER TABLE .. RENAME INDEX``."""
    version = tuple(dialect.server_version_info or ())
    wanted = _MARIADB_RENAME_INDEX if dialect.is_mariadb else \
        _MYSQL_RENAME_INDEX
    if version < wanted:
        raise exception.UnsupportedOperation(
            'this server (%s) cannot rename an index (RENAME INDEX needs '
            '%s %s); drop the index and create it again under the new '
            'name' % ('.'.join(str(part) for part in version),
                      'MariaDB' if dialect.is_mariadb else 'MySQL',
                      '.'.join(str(part) for part in wanted)))
