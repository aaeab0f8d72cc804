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

from sqlalchemy import Column, Integer, MetaData, Table


def upgrade(migrate_engine):
    meta = MetaData(migrate_engine)

    instances = Table('instances', meta, autoload=True)

    if not hasattr(instances.c, 'cleaned'):
        cleaned = Column('cleaned', Integer, default=0)
        # NOTE: instances can be a huge table; rows are fixed up later by
        # the contract migration instead of one UPDATE of the whole table.
        cleaned.create(instances, populate_default=False)
