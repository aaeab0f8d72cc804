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

import importlib

from sqlalchemy import MetaData, Table

# Reuse the definition of block_device_mapping from the migration that
# created it, so that the shadow table cannot drift from it.
bdm_005 = importlib.import_module('nova_like.tests.repos.legacy_sample.'
                                  'versions.005_add_block_device_mapping')


def upgrade(migrate_engine):
    meta = MetaData(migrate_engine)

    # Shadow tables hold archived rows: same columns, no foreign keys.
    shadow = Table('shadow_block_device_mapping', meta,
                   *bdm_005.block_device_mapping_columns(),
                   mysql_engine='InnoDB',
                   mysql_charset='utf8')
    shadow.create(checkfirst=True)
