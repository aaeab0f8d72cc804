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

from sqlalchemy import Column, MetaData, String, Table


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)

    instances = Table('instances', meta, autoload=True)

    if not hasattr(instances.c, 'locked_by'):
        instances.create_column(Column('locked_by', String(255)))

    if hasattr(instances.c, 'locked'):
        # Every lock taken so far was taken by an administrator.
        instances.update().where(
            instances.c.locked == True  # noqa: E712
        ).values(locked_by='admin').execute()
        instances.c.locked.drop()
