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
from sqlalchemy import MetaData, Table


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)

    insp = sqlalchemy.inspect(migrate_engine)
    if 'shadow_instances' in insp.get_table_names():
        return

    instances = Table('instances', meta, autoload=True)
    # The shadow table must keep matching instances column for column.
    columns = [column.copy() for column in instances.columns]
    shadow_instances = Table('shadow_instances', meta, *columns,
                             mysql_engine='InnoDB',
                             mysql_charset='utf8')
    shadow_instances.create(checkfirst=True)
