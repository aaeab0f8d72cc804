"""Conditions that gate the example service's contract steps.

Named by import path in a contract script's ``CONDITIONS`` and given to the
models' :class:`~nova_like.migration.removed_fields.RemovedField`.
"""
import sqlalchemy as sa

from nova_like.db import online_migrations
from nova_like.migration import conditions


class InstanceHostNameMigrated(conditions.Condition):
    """No instance has a hostname left that host_name lacks."""

    description = ('instances.hostname copied to instances.host_name '
                   '(online data migration migrate_instance_host_name)')

    def check(self, connection):
        query = sa.select(online_migrations.INSTANCES.c.id).where(
            online_migrations.HOST_NAME_UNMIGRATED).limit(1)
        return connection.execute(query).first() is None
