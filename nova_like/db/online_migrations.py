"""The example service's online data migrations, run by
``project-manage db online_data_migrations``.

Each is ``migration(context, max_count) -> (found, done)`` (see
:mod:`nova_like.migration.online`).  They use their own lightweight table
constructs, not the models: a model no longer maps a field being migrated
away from (:class:`nova_like.migration.removed_fields.RemovedField`).
"""
import sqlalchemy as sa

INSTANCES = sa.table('instances', sa.column('id'), sa.column('hostname'),
                     sa.column('host_name'))

#: Instances whose hostname is not yet copied to host_name (version 118).
HOST_NAME_UNMIGRATED = sa.and_(INSTANCES.c.hostname.is_not(None),
                               INSTANCES.c.host_name.is_(None))


def migrate_instance_host_name(context, max_count):
    """Copy ``instances.hostname`` to ``host_name`` (renamed in juno)."""
    ids = context.connection.execute(
        sa.select(INSTANCES.c.id).where(HOST_NAME_UNMIGRATED)
        .order_by(INSTANCES.c.id).limit(max_count)).scalars().all()
    if not ids:
        return 0, 0
    # Written by old code meanwhile?  The WHERE keeps a newer host_name.
    done = context.connection.execute(
        INSTANCES.update().where(INSTANCES.c.id.in_(ids))
        .where(HOST_NAME_UNMIGRATED)
        .values(host_name=INSTANCES.c.hostname)).rowcount
    return len(ids), done


#: Run in this order by ``db online_data_migrations``.
MIGRATIONS = (
    migrate_instance_host_name,
)
