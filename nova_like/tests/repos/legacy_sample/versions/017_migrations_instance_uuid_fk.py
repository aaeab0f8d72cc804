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

from migrate.changeset import constraint
from sqlalchemy import MetaData, select, Table


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)

    instances = Table('instances', meta, autoload=True)
    migrations = Table('migrations', meta, autoload=True)

    # Migrations of instances that were purged would break the new
    # foreign key; they are useless anyway.
    orphans = migrations.delete().where(
        ~migrations.c.instance_uuid.in_(select([instances.c.uuid])))
    migrate_engine.execute(orphans)

    fkey = constraint.ForeignKeyConstraint(
        columns=[migrations.c.instance_uuid],
        refcolumns=[instances.c.uuid],
        name='fk_migrations_instance_uuid',
        ondelete='CASCADE',
        onupdate='CASCADE')
    fkey.create()
