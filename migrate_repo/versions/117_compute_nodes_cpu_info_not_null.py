"""icehouse: every compute node reports its CPU information."""

from sqlalchemy import MetaData, Table


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)
    compute_nodes = Table('compute_nodes', meta, autoload=True)
    # Nodes registered before grizzly may not have reported yet.
    compute_nodes.update().where(
        compute_nodes.c.cpu_info == None).values(  # noqa: E711
            cpu_info='{}').execute()
    compute_nodes.c.cpu_info.alter(nullable=False)
