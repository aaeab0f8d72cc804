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

from oslo_db.sqlalchemy import utils


def upgrade(migrate_engine):
    instances = utils.get_table(migrate_engine, 'instances')

    # Rows created before 004 have no value; 0 is what new rows get.
    instances.update().where(
        instances.c.cleaned == None  # noqa: E711
    ).values(cleaned=0).execute()

    instances.c.cleaned.alter(nullable=False, default=0)
