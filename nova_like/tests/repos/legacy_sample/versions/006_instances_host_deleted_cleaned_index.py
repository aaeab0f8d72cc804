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
    # The old index is a prefix of the new one; keep only the new one.
    if utils.index_exists_on_columns(migrate_engine, 'instances',
                                     ['host', 'deleted']):
        if utils.index_exists(migrate_engine, 'instances',
                              'instances_host_deleted_idx'):
            utils.drop_index(migrate_engine, 'instances',
                             'instances_host_deleted_idx')

    if not utils.index_exists(migrate_engine, 'instances',
                              'instances_host_deleted_cleaned_idx'):
        utils.add_index(migrate_engine, 'instances',
                        'instances_host_deleted_cleaned_idx',
                        ('host', 'deleted', 'cleaned'))
