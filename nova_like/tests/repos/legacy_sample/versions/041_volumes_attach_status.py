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

from sqlalchemy import MetaData, select, Table


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)
    volumes = Table('volumes', meta, autoload=True)

    # attach_status used to be set on attach only: derive it for the
    # volumes that never went through an attach.
    query = select([volumes.c.id, volumes.c.instance_uuid]).where(
        volumes.c.attach_status == None)  # noqa: E711
    for volume in query.execute().fetchall():
        if volume.instance_uuid:
            status = 'attached'
        else:
            status = 'detached'
        migrate_engine.execute(volumes.update().where(
            volumes.c.id == volume.id).values(attach_status=status))

    # Volumes left 'attaching' without an instance can never finish.
    migrate_engine.execute("UPDATE volumes SET status = 'available' "
                           "WHERE status = 'attaching' "
                           "AND instance_uuid IS NULL")
