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

from sqlalchemy import Boolean, Column, MetaData, String, Table


def upgrade(migrate_engine):
    meta = MetaData()
    meta.bind = migrate_engine

    services = Table('services', meta, autoload=True)

    if not hasattr(services.c, 'disabled_reason'):
        services.create_column(Column('disabled_reason', String(255)))

    if not hasattr(services.c, 'forced_down'):
        # Existing services are not forced down: fill the new column.
        forced_down = Column('forced_down', Boolean, default=False)
        services.create_column(forced_down, populate_default=True)
