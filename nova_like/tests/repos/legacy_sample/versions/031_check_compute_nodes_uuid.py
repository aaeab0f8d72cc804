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

from sqlalchemy import func, MetaData, select, Table

from nova_like.tests.repos.legacy_sample import common

WARNING_MSG = ('There are still %(count)i unmigrated records in the '
               'compute_nodes table. Migration cannot continue until all '
               'records have been migrated: run "project-manage db '
               'online_data_migrations" with the Bexar code first.')


def upgrade(migrate_engine):
    """Refuse to continue while compute nodes without a uuid remain.

    The next migration makes compute_nodes.uuid NOT NULL. The uuids are
    filled in by the Bexar online data migrations, not by this script.
    """
    meta = MetaData(migrate_engine)
    compute_nodes = Table('compute_nodes', meta, autoload=True)

    count = select([func.count()]).select_from(compute_nodes).where(
        compute_nodes.c.uuid == None).execute().scalar()  # noqa: E711
    if count > 0:
        msg = WARNING_MSG % {'count': count}
        raise common.ValidationError(msg)
