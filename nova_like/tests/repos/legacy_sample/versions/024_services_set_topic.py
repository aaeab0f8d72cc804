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

import sqlalchemy


def upgrade(migrate_engine):
    """Give every service a topic, derived from its binary."""
    meta = sqlalchemy.MetaData(bind=migrate_engine)
    services = sqlalchemy.Table('services', meta, autoload=True)

    session = sqlalchemy.orm.sessionmaker(bind=migrate_engine)()
    try:
        rows = session.query(services.c.id, services.c.binary).filter(
            services.c.topic == None).all()  # noqa: E711
        for row in rows:
            topic = (row.binary or '').replace('nova-', '') or 'unknown'
            session.execute(services.update().where(
                services.c.id == row.id).values(topic=topic))
        session.commit()
    finally:
        session.close()
