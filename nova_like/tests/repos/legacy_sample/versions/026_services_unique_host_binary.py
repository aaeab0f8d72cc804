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
    meta = MetaData()
    meta.bind = migrate_engine

    services = Table('services', meta, autoload=True)

    # Several binaries may listen on the same topic; what must be unique
    # is the binary running on a host.
    migrate.UniqueConstraint('host', 'topic', 'deleted', table=services,
                             name='uniq_services0host0topic0deleted').drop()
    migrate.changeset.constraint.UniqueConstraint(
        'host', 'binary', 'deleted', table=services,
        name='uniq_services0host0binary0deleted').create()
