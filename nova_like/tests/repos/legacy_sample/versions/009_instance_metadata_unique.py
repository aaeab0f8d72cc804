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

from migrate.changeset import UniqueConstraint
from sqlalchemy import MetaData, Table


def upgrade(migrate_engine):
    if migrate_engine.name == 'sqlite':
        # 009_instance_metadata_unique_sqlite_upgrade.sql is the SQLite
        # version of this migration and is always preferred to this file.
        raise Exception('009_instance_metadata_unique.py must not run on '
                        'SQLite: the .sql script of version 9 does it.')

    meta = MetaData(bind=migrate_engine)
    instance_metadata = Table('instance_metadata', meta, autoload=True)

    constraint = UniqueConstraint(
        'instance_uuid', 'key', 'deleted', table=instance_metadata,
        name='uniq_instance_metadata0instance_uuid0key0deleted')
    constraint.create()
