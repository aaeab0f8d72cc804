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

from migrate.changeset.constraint import PrimaryKeyConstraint
from sqlalchemy import Column, MetaData, String, Table


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)

    host_tags = Table('host_tags', meta, autoload=True)

    if not hasattr(host_tags.c, 'namespace'):
        host_tags.create_column(Column('namespace', String(64),
                                       nullable=False,
                                       server_default='default'))

    # The same tag may now exist once per namespace.
    PrimaryKeyConstraint('host', 'tag', table=host_tags,
                         name='host_tags_pkey').drop()
    PrimaryKeyConstraint('host', 'tag', 'namespace', table=host_tags,
                         name='host_tags_pkey').create()
