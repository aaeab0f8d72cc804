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

from sqlalchemy import Boolean, Column, DateTime, ForeignKeyConstraint
from sqlalchemy import Index, Integer, MetaData, String, Table, Text


def block_device_mapping_columns():
    """Columns of block_device_mapping, also used for its shadow table."""
    return [
        Column('created_at', DateTime),
        Column('updated_at', DateTime),
        Column('deleted_at', DateTime),
        Column('id', Integer, primary_key=True, nullable=False),
        Column('device_name', String(length=255)),
        Column('delete_on_termination', Boolean, default=False),
        Column('snapshot_id', String(length=36)),
        Column('volume_id', String(length=36)),
        Column('volume_size', Integer),
        Column('no_device', Boolean),
        Column('connection_info', Text),
        Column('instance_uuid', String(length=36)),
        Column('deleted', Integer, default=0),
    ]


def upgrade(migrate_engine):
    meta = MetaData(migrate_engine)

    # Needed in the metadata for the foreign key below.
    Table('instances', meta, autoload=True)

    block_device_mapping = Table(
        'block_device_mapping', meta,
        *(block_device_mapping_columns() + [
            ForeignKeyConstraint(
                ['instance_uuid'], ['instances.uuid'],
                name='block_device_mapping_instance_uuid_fkey'),
            Index('block_device_mapping_instance_uuid_idx',
                  'instance_uuid'),
        ]),
        mysql_engine='InnoDB',
        mysql_charset='utf8'
    )
    block_device_mapping.create(checkfirst=True)
