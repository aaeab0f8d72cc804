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

from sqlalchemy import MetaData, Table


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)
    compute_nodes = Table('compute_nodes', meta, autoload=True)

    # 031 made sure that no row lacks a uuid any more.
    # NOTE: unique=True keeps the column in line with the model only; the
    # unique index compute_nodes_uuid_idx (016) enforces it.
    compute_nodes.c.uuid.alter(nullable=False, unique=True)
