"""juno: instances.hostname is renamed host_name (contract).

nova_like runs this only once its CONDITIONS hold (checked before the
step, not here, so the script also runs under sqlalchemy-migrate).
"""

from sqlalchemy import MetaData, Table

PHASE = 'contract'
CONDITIONS = ['nova_like.db.conditions:InstanceHostNameMigrated']


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)
    instances = Table('instances', meta, autoload=True)
    instances.drop_column('hostname')
