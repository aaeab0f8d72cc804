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

import sqlalchemy
from sqlalchemy import Index, MetaData, Table

INDEX_NAME = 'migrations_by_host_and_status_idx'


def upgrade(migrate_engine):
    """Backported to Cactus in the first placeholder slot.

    It must be a no-op where the index already exists: deployments that
    created it by hand, following the bug report, run it too.
    """
    insp = sqlalchemy.inspect(migrate_engine)
    if INDEX_NAME in [idx['name'] for idx in insp.get_indexes('migrations')]:
        return

    meta = MetaData(bind=migrate_engine)
    migrations = Table('migrations', meta, autoload=True)
    index = Index(INDEX_NAME, migrations.c.deleted,
                  migrations.c.source_compute, migrations.c.status)
    index.create(migrate_engine)
