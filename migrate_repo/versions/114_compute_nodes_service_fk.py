"""icehouse: compute nodes point at their service; name the hypervisor."""

from migrate import ForeignKeyConstraint
from sqlalchemy import Column, MetaData, String, Table


def upgrade(migrate_engine):
    meta = MetaData()
    meta.bind = migrate_engine
    services = Table('services', meta, autoload=True)
    compute_nodes = Table('compute_nodes', meta, autoload=True)

    ForeignKeyConstraint(columns=[compute_nodes.c.service_id],
                         refcolumns=[services.c.id],
                         name='fk_compute_nodes_service_id').create()

    hypervisor_hostname = Column('hypervisor_hostname', String(255))
    hypervisor_hostname.create(compute_nodes)
