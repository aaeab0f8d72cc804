"""havana: key/value metadata of instances."""

from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer
from sqlalchemy import MetaData, String, Table


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)
    # Loaded so the foreign key below can resolve instances.uuid.
    Table('instances', meta, autoload=True)

    instance_metadata = Table(
        'instance_metadata', meta,
        Column('created_at', DateTime),
        Column('updated_at', DateTime),
        Column('deleted_at', DateTime),
        Column('deleted', Integer),
        Column('id', Integer, primary_key=True, nullable=False),
        Column('key', String(255)),
        Column('value', String(255)),
        Column('instance_uuid', String(36),
               ForeignKey('instances.uuid',
                          name='instance_metadata_instance_uuid_fkey')),
        mysql_engine='InnoDB',
        mysql_charset='utf8')
    instance_metadata.create()

    Index('instance_metadata_instance_uuid_idx',
          instance_metadata.c.instance_uuid).create(migrate_engine)
