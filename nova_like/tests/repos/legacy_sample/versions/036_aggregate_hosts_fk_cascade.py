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

import migrate
from sqlalchemy import MetaData, Table


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)

    aggregates = Table('aggregates', meta, autoload=True)
    aggregate_hosts = Table('aggregate_hosts', meta, autoload=True)

    params = {'columns': [aggregate_hosts.c.aggregate_id],
              'refcolumns': [aggregates.c.id],
              'name': 'aggregate_hosts_aggregate_id_fkey'}

    # Deleting an aggregate must take its hosts along.
    migrate.ForeignKeyConstraint(**params).drop()
    migrate.changeset.constraint.ForeignKeyConstraint(
        ondelete='CASCADE', onupdate='CASCADE', **params).create()
