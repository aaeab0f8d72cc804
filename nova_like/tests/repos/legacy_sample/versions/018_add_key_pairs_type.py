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

from sqlalchemy import Column, MetaData, select, String, Table

from nova_like.tests.repos.legacy_sample import common


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)

    key_pairs = Table('key_pairs', meta, autoload=True)

    if not hasattr(key_pairs.c, 'type'):
        # NOTE: not populated by migrate: key_pairs may be large, it is
        # filled in batches below so that no statement locks it all.
        key_pairs.create_column(Column('type', String(10)),
                                populate_default=False)

    while True:
        query = select([key_pairs.c.id]).where(
            key_pairs.c.type == None)  # noqa: E711
        query = query.order_by(key_pairs.c.id).limit(common.BATCH_SIZE)
        rows = query.execute().fetchall()
        if not rows:
            break
        ids = [row['id'] for row in rows]
        key_pairs.update().where(
            key_pairs.c.id.in_(ids)).values(type='ssh').execute()

    key_pairs.c.type.alter(nullable=False, server_default='ssh')
