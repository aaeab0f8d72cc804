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

from sqlalchemy import Index, MetaData, Table

INDEX_NAME = 'instance_actions_instance_uuid_request_id_idx'


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)
    instance_actions = Table('instance_actions', meta, autoload=True)

    index = Index(INDEX_NAME, instance_actions.c.instance_uuid,
                  instance_actions.c.request_id)
    index.create(migrate_engine)


def downgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)
    instance_actions = Table('instance_actions', meta, autoload=True)

    for index in instance_actions.indexes:
        if index.name == INDEX_NAME:
            index.drop(migrate_engine)
