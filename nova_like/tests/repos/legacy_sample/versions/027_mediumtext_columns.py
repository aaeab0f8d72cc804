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

from sqlalchemy import MetaData, Table

from nova_like.tests.repos.legacy_sample import common


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)

    key_pairs = Table('key_pairs', meta, autoload=True)
    # TEXT holds 64KiB on MySQL, too little for some x509 certificates.
    key_pairs.c.public_key.alter(type=common.MediumText())

    shadow = Table('shadow_block_device_mapping', meta, autoload=True)
    block_device_mapping = Table('block_device_mapping', meta,
                                 autoload=True)
    for table in (block_device_mapping, shadow):
        table.c.connection_info.alter(type=common.MediumText())
