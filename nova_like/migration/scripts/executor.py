"""Runs one version script inside the step's transaction."""
from nova_like.migration.scripts import sql


def execute(script, connection, direction):
    """Run ``direction`` of ``script`` with the file sqlalchemy-migrate picks.

    The dialect's ``.sql`` file wins, then the ``default`` one, then the
    ``.py`` script.
    """
    path = script.source(connection.dialect.name, direction)
    if path.endswith('.sql'):
        sql.run(path, connection)
        return
    # Imported on first use: `db version` and placeholder-only syncs never
    # pay for the legacy environment (changeset, Alembic, the ORM).
    from nova_like.migration.scripts import environment
    environment.run_python(path, connection, direction)
