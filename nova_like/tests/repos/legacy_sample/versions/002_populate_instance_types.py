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

import datetime

from sqlalchemy import func, MetaData, select, Table

from nova_like.tests.repos.legacy_sample import common


def upgrade(migrate_engine):
    """Insert the default flavors."""
    meta = MetaData(bind=migrate_engine)
    instance_types = Table('instance_types', meta, autoload=True)

    count = select([func.count(instance_types.c.id)]).scalar()
    if count:
        # Somebody created flavors by hand already; do not touch them.
        return

    now = datetime.datetime.utcnow()
    for flavor in common.DEFAULT_FLAVORS:
        values = dict(flavor)
        values.update(created_at=now, deleted=0, is_public=True)
        instance_types.insert().execute(values)

    if migrate_engine.name == 'postgresql':
        # The rows above were inserted with explicit ids, so the sequence
        # behind instance_types.id has not moved: make it start after them.
        migrate_engine.execute(
            "SELECT setval('instance_types_id_seq', "
            "(SELECT MAX(id) FROM instance_types))")
