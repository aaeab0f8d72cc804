"""havana: scheduler queries list instances by host."""

from sqlalchemy import Index, MetaData, Table


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)
    instances = Table('instances', meta, autoload=True)
    Index('instances_host_deleted_idx',
          instances.c.host, instances.c.deleted).create(migrate_engine)
