"""havana: operators record why a service was disabled."""

from sqlalchemy import Column, MetaData, String, Table


def upgrade(migrate_engine):
    meta = MetaData()
    meta.bind = migrate_engine
    services = Table('services', meta, autoload=True)
    if not hasattr(services.c, 'disabled_reason'):
        services.create_column(Column('disabled_reason', String(255)))
