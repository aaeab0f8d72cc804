"""icehouse: one live service per host and topic."""

from migrate.changeset import UniqueConstraint
from sqlalchemy import MetaData, Table


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)
    services = Table('services', meta, autoload=True)
    UniqueConstraint('host', 'topic', 'deleted', table=services,
                     name='uniq_services0host0topic0deleted').create()
