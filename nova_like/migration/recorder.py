"""The only code that touches ``migrate_version`` and our history table.

``migrate_version`` is kept exactly as sqlalchemy-migrate 0.13 writes it, so
either tool can continue a database the other one started.  What we know
beyond the version (checksum, timing, outcome, tool version) goes to
``nova_like_migrate_history``, a table sqlalchemy-migrate never reads.
"""
import dataclasses
import datetime
import functools

import sqlalchemy as sa

from nova_like import exception

HISTORY_TABLE = 'nova_like_migrate_history'
APPLIED = 'applied'
FAILED = 'failed'
# Repairs an operator chose after a failure (see api.repair).
RETRY = 'retry'
MARKED_APPLIED = 'marked'


def version_table(name):
    """The version table, column for column as sqlalchemy-migrate has it."""
    return sa.Table(
        name, sa.MetaData(),
        sa.Column('repository_id', sa.String(250), primary_key=True),
        sa.Column('repository_path', sa.Text),
        sa.Column('version', sa.Integer))


def history_table(dialect_name):
    """Our history table, as :class:`sa.Table`, for ``dialect_name``."""
    return _history_table(dialect_name == 'mysql')


@functools.lru_cache(maxsize=None)
def _history_table(mysql):
    # The MySQL option only where it means something: validating it loads
    # SQLAlchemy's MySQL dialect, a cost every start-up would pay.
    options = {'mysql_engine': 'InnoDB'} if mysql else {}
    return sa.Table(
        HISTORY_TABLE, sa.MetaData(),
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('repository_id', sa.String(250), nullable=False),
        sa.Column('version', sa.Integer, nullable=False),
        sa.Column('direction', sa.String(10), nullable=False),
        sa.Column('script', sa.String(255), nullable=False),
        sa.Column('checksum', sa.String(64)),
        sa.Column('started_at', sa.DateTime, nullable=False),
        sa.Column('duration', sa.Float, nullable=False),
        sa.Column('outcome', sa.String(10), nullable=False),
        sa.Column('error', sa.Text),
        sa.Column('tool_version', sa.String(64)),
        **options)


@dataclasses.dataclass(frozen=True)
class HistoryEntry(object):
    """One script run, as stored in the history table."""

    version: int
    direction: str
    script: str
    checksum: str
    started_at: datetime.datetime
    duration: float
    outcome: str = APPLIED
    error: str = None


class Recorder(object):
    """Reads and writes one repository's row in the version table.

    Methods take the connection to use: the runner decides transactions.
    """

    def __init__(self, repository_id, repository_path,
                 table_name='migrate_version', tool_version=None):
        self.repository_id = repository_id
        self.repository_path = repository_path
        self.table = version_table(table_name)
        self.tool_version = tool_version

    def is_controlled(self, connection):
        return self.current_version(connection) is not None

    def current_version(self, connection):
        """The recorded version, or None when this repository has no row."""
        if not sa.inspect(connection).has_table(self.table.name):
            return None
        return connection.execute(
            sa.select(self.table.c.version).where(
                self.table.c.repository_id == self.repository_id)
        ).scalar()

    def control(self, connection, version):
        """Put the database under version control at ``version``."""
        if self.is_controlled(connection):
            raise exception.AlreadyControlledError(
                'database is already under version control for repository '
                '%r (version %d)' % (self.repository_id,
                                     self.current_version(connection)))
        self.table.create(connection, checkfirst=True)
        connection.execute(self.table.insert().values(
            repository_id=self.repository_id,
            repository_path=self.repository_path, version=version))

    def bump(self, connection, old, new):
        """Move the version from ``old`` to ``new``, exactly like migrate.

        The row count is checked: if someone else moved the version in the
        meantime the step must fail rather than claim work twice.
        """
        table = self.table
        result = connection.execute(
            table.update().where(table.c.version == old)
            .where(table.c.repository_id == self.repository_id)
            .values(version=new))
        if result.rowcount != 1:
            raise exception.DatabaseError(
                'version table of repository %r is not at version %d any '
                'more (another process migrating?); nothing recorded for '
                'version %d' % (self.repository_id, old, new))

    def log(self, connection, entries):
        """Append ``entries`` to the history table (see prepare_history)."""
        if entries:
            history = history_table(connection.dialect.name)
            connection.execute(history.insert(), [
                dict(dataclasses.asdict(entry),
                     repository_id=self.repository_id,
                     tool_version=self.tool_version)
                for entry in entries])

    def prepare_history(self, connection):
        """Create the history table if it is missing.

        Called in the first step's transaction of a run (and again when a
        failure is recorded), not once per step: placeholders are recorded
        by the hundred.
        """
        history_table(connection.dialect.name).create(
            connection, checkfirst=True)

    def last_entry(self, connection, version):
        """The newest history row of ``version``, or None."""
        rows = self.history(connection, version)
        return rows[-1] if rows else None

    def history(self, connection, version=None):
        """Rows of the history table for this repository, oldest first."""
        if not sa.inspect(connection).has_table(HISTORY_TABLE):
            return []
        history = history_table(connection.dialect.name)
        query = sa.select(history).where(
            history.c.repository_id == self.repository_id)
        if version is not None:
            query = query.where(history.c.version == version)
        return connection.execute(query.order_by(history.c.id)).all()
