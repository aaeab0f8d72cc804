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


def upgrade(migrate_engine):
    conn = migrate_engine.connect()
    try:
        # Metadata without an instance cannot be reached through the API.
        conn.execute('DELETE FROM instance_metadata '
                     'WHERE instance_uuid IS NULL')

        if migrate_engine.name == 'mysql':
            # Tables restored from old dumps may not be UTF8; converting a
            # table that already is does not change it.
            conn.execute('SET foreign_key_checks = 0')
            for table in ('instance_metadata', 'shadow_instances'):
                conn.execute('ALTER TABLE %s CONVERT TO CHARACTER SET utf8'
                             % table)
            conn.execute('SET foreign_key_checks = 1')
    finally:
        conn.close()
