#    Licensed under the Apache License, Version 2.0 (the "License"); you may
#    not use this file except in compliance with the License. You may obtain
#    a copy of the License at
#
#         http://www.apache.org/licenses/LICENSE-2.0
#
#    Unless required by applicable law or agreed to in writing, software
#    distributed under the License is distributed on an "AS IS" BASIS, WITHOUT
#    WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied. See the
#    License for the specific language governing permissions and limitations
#    under the License.

from sqlalchemy import Column, Index, MetaData, String, Table
from sqlalchemy.engine import reflection


def upgrade(migrate_engine):
    meta = MetaData()
    meta.bind = migrate_engine

    compute_nodes = Table('compute_nodes', meta, autoload=True)

    # NOTE: nullable for now. The compute service fills in the uuid of its
    # nodes (online data migration); a later release makes it NOT NULL.
    if not hasattr(compute_nodes.c, 'uuid'):
        compute_nodes.create_column(Column('uuid', String(36),
                                           nullable=True))

    insp = reflection.Inspector.from_engine(migrate_engine)
    indexes = [idx['name'] for idx in insp.get_indexes('compute_nodes')]
    if 'compute_nodes_uuid_idx' not in indexes:
        index = Index('compute_nodes_uuid_idx', compute_nodes.c.uuid,
                      unique=True)
        index.create(migrate_engine)
