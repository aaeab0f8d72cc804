"""juno: instances.hostname is renamed host_name (expand).

Old code keeps writing hostname while new code writes host_name; the
online data migration migrate_instance_host_name copies what is left, and
119 drops hostname once nothing is.
"""

from sqlalchemy import Column, MetaData, String, Table


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)
    instances = Table('instances', meta, autoload=True)
    instances.create_column(Column('host_name', String(255)))
