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

from migrate import ForeignKeyConstraint
from sqlalchemy import MetaData, Table


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)

    instances = Table('instances', meta, autoload=True)
    instance_metadata = Table('instance_metadata', meta, autoload=True)

    # Metadata is deleted together with its instance by the API, and the
    # foreign key made archiving deleted instances needlessly slow.
    fkey = ForeignKeyConstraint(columns=[instance_metadata.c.instance_uuid],
                                refcolumns=[instances.c.uuid],
                                name='instance_metadata_instance_uuid_fkey')
    fkey.drop()
