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

from sqlalchemy import and_, MetaData, select, Table

from nova_like.tests.repos.legacy_sample import common


def upgrade(migrate_engine):
    """Create the limits of the 'default' quota class that are missing."""
    meta = MetaData(bind=migrate_engine)
    quota_classes = Table('quota_classes', meta, autoload=True)

    rows = select([quota_classes.c.resource]).where(
        and_(quota_classes.c.class_name == 'default',
             quota_classes.c.deleted == 0)).execute().fetchall()
    existing = set(row['resource'] for row in rows)

    now = datetime.datetime.utcnow()
    new_rows = []
    for resource, limit in sorted(common.DEFAULT_QUOTAS.items()):
        if resource in existing:
            continue
        new_rows.append(dict(created_at=now, class_name='default',
                             resource=resource, hard_limit=limit,
                             deleted=0))
    if new_rows:
        quota_classes.insert().execute(new_rows)
