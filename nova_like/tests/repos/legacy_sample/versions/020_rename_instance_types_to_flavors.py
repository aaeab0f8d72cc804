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


def upgrade(migrate_engine):
    meta = MetaData()
    meta.bind = migrate_engine

    instance_types = Table('instance_types', meta, autoload=True)
    instance_types.rename('flavors')
    flavors = instance_types

    # NOTE: the unique constraint keeps its old name, like in every
    # deployment that already ran this migration.
    if migrate_engine.name == 'postgresql':
        for index in flavors.indexes:
            if index.name == 'instance_types_flavorid_idx':
                index.rename('flavors_flavorid_idx')
    elif migrate_engine.name == 'sqlite':
        # sqlalchemy-migrate cannot rename an index on SQLite.
        migrate_engine.execute('DROP INDEX instance_types_flavorid_idx')
        migrate_engine.execute(
            'CREATE INDEX flavors_flavorid_idx ON flavors (flavorid)')
    else:
        # MySQL cannot rename indexes either (not before 5.7).
        for index in flavors.indexes:
            if index.name == 'instance_types_flavorid_idx':
                index.drop(migrate_engine)
        Index('flavors_flavorid_idx', flavors.c.flavorid).create(
            migrate_engine)
