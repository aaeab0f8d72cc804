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

import logging

from sqlalchemy import Boolean, Column, DateTime, ForeignKeyConstraint
from sqlalchemy import Index, Integer, MetaData, PrimaryKeyConstraint
from sqlalchemy import String, Table, Text, UniqueConstraint

from nova_like.tests.repos.legacy_sample import common

LOG = logging.getLogger(__name__)


def upgrade(migrate_engine):
    meta = MetaData()
    meta.bind = migrate_engine

    if migrate_engine.name == 'mysql':
        # In Folsom we explicitly converted migrate_version to UTF8.
        migrate_engine.execute(
            'ALTER DATABASE %s DEFAULT CHARACTER SET utf8' %
            migrate_engine.url.database)
        # Set default DB charset to UTF8.
        migrate_engine.execute(
            'ALTER TABLE migrate_version CONVERT TO CHARACTER SET utf8')

    services = Table(
        'services', meta,
        Column('id', Integer, primary_key=True, nullable=False),
        Column('created_at', DateTime),
        Column('updated_at', DateTime),
        Column('deleted_at', DateTime),
        Column('deleted', Integer, default=0),
        Column('host', String(length=255)),
        Column('binary', String(length=255)),
        Column('topic', String(length=255)),
        Column('report_count', Integer, nullable=False),
        Column('disabled', Boolean),
        mysql_engine='InnoDB',
        mysql_charset='utf8'
    )

    compute_nodes = Table(
        'compute_nodes', meta,
        Column('id', Integer, primary_key=True, nullable=False),
        Column('created_at', DateTime),
        Column('updated_at', DateTime),
        Column('deleted_at', DateTime),
        Column('deleted', Integer, default=0),
        Column('service_id', Integer, nullable=False),
        Column('vcpus', Integer, nullable=False),
        Column('memory_mb', Integer, nullable=False),
        Column('local_gb', Integer, nullable=False),
        Column('hypervisor_hostname', String(length=255)),
        Column('host_ip', common.IPAddress()),
        mysql_engine='InnoDB',
        mysql_charset='utf8'
    )

    instance_types = Table(
        'instance_types', meta,
        Column('id', Integer, primary_key=True, nullable=False),
        Column('created_at', DateTime),
        Column('updated_at', DateTime),
        Column('deleted_at', DateTime),
        Column('deleted', Integer, default=0),
        Column('name', String(length=255)),
        Column('memory_mb', Integer, nullable=False),
        Column('vcpus', Integer, nullable=False),
        Column('root_gb', Integer),
        Column('flavorid', String(length=255)),
        Column('is_public', Boolean),
        UniqueConstraint('name', 'deleted',
                         name='uniq_instance_types0name0deleted'),
        Index('instance_types_flavorid_idx', 'flavorid'),
        mysql_engine='InnoDB',
        mysql_charset='utf8'
    )

    instances = Table(
        'instances', meta,
        Column('id', Integer, primary_key=True, nullable=False),
        Column('created_at', DateTime),
        Column('updated_at', DateTime),
        Column('deleted_at', DateTime),
        Column('deleted', Integer, default=0),
        Column('uuid', String(length=36), nullable=False),
        Column('hostname', String(length=255)),
        Column('host', String(length=255)),
        Column('instance_type_id', Integer),
        Column('vm_state', String(length=255)),
        Column('task_state', String(length=255)),
        Column('memory_mb', Integer),
        Column('vcpus', Integer),
        Column('display_name', String(length=255)),
        Column('scheduled_at', DateTime),
        Column('locked', Boolean),
        Column('user_data', common.MediumText()),
        UniqueConstraint('uuid', name='uniq_instances0uuid'),
        Index('instances_host_deleted_idx', 'host', 'deleted'),
        mysql_engine='InnoDB',
        mysql_charset='utf8'
    )

    instance_metadata = Table(
        'instance_metadata', meta,
        Column('id', Integer, primary_key=True, nullable=False),
        Column('created_at', DateTime),
        Column('updated_at', DateTime),
        Column('deleted_at', DateTime),
        Column('deleted', Integer, default=0),
        Column('key', String(length=255)),
        Column('value', String(length=255)),
        Column('instance_uuid', String(length=36)),
        ForeignKeyConstraint(['instance_uuid'], ['instances.uuid'],
                             name='instance_metadata_instance_uuid_fkey'),
        Index('instance_metadata_instance_uuid_idx', 'instance_uuid'),
        mysql_engine='InnoDB',
        mysql_charset='utf8'
    )

    volumes = Table(
        'volumes', meta,
        Column('id', String(length=36), primary_key=True, nullable=False),
        Column('created_at', DateTime),
        Column('updated_at', DateTime),
        Column('deleted_at', DateTime),
        Column('deleted', Integer, default=0),
        Column('ec2_id', Integer),
        Column('size', Integer),
        Column('host', String(length=255)),
        Column('instance_uuid', String(length=36)),
        Column('status', String(length=255)),
        Column('attach_status', String(length=255)),
        Column('display_name', String(length=255)),
        Column('attach_time', DateTime),
        mysql_engine='InnoDB',
        mysql_charset='utf8'
    )

    key_pairs = Table(
        'key_pairs', meta,
        Column('id', Integer, primary_key=True, nullable=False),
        Column('created_at', DateTime),
        Column('updated_at', DateTime),
        Column('deleted_at', DateTime),
        Column('deleted', Integer, default=0),
        Column('name', String(length=255)),
        Column('user_id', String(length=255)),
        Column('fingerprint', String(length=255)),
        Column('public_key', Text),
        mysql_engine='InnoDB',
        mysql_charset='utf8'
    )

    quota_classes = Table(
        'quota_classes', meta,
        Column('id', Integer, primary_key=True, nullable=False),
        Column('created_at', DateTime),
        Column('updated_at', DateTime),
        Column('deleted_at', DateTime),
        Column('deleted', Integer, default=0),
        Column('class_name', String(length=255)),
        Column('resource', String(length=255)),
        Column('hard_limit', Integer),
        Index('quota_classes_class_name_idx', 'class_name'),
        mysql_engine='InnoDB',
        mysql_charset='utf8'
    )

    migrations = Table(
        'migrations', meta,
        Column('id', Integer, primary_key=True, nullable=False),
        Column('created_at', DateTime),
        Column('updated_at', DateTime),
        Column('deleted_at', DateTime),
        Column('deleted', Integer, default=0),
        Column('source_compute', String(length=255)),
        Column('dest_compute', String(length=255)),
        Column('instance_uuid', String(length=36)),
        Column('old_instance_type_id', Integer),
        Column('new_instance_type_id', Integer),
        Column('status', String(length=255)),
        mysql_engine='InnoDB',
        mysql_charset='utf8'
    )

    networks = Table(
        'networks', meta,
        Column('id', Integer, primary_key=True, nullable=False),
        Column('created_at', DateTime),
        Column('updated_at', DateTime),
        Column('deleted_at', DateTime),
        Column('deleted', Integer, default=0),
        Column('label', String(length=255)),
        Column('cidr', common.CIDR()),
        Column('gateway', common.IPAddress()),
        Column('vlan', Integer),
        Column('bridge', String(length=255)),
        mysql_engine='InnoDB',
        mysql_charset='utf8'
    )

    dns_domains = Table(
        'dns_domains', meta,
        Column('created_at', DateTime),
        Column('updated_at', DateTime),
        Column('deleted_at', DateTime),
        Column('deleted', Integer, default=0),
        Column('domain', String(length=100), primary_key=True,
               nullable=False),
        Column('scope', String(length=255)),
        Column('availability_zone', String(length=255)),
        Column('project_id', String(length=255)),
        mysql_engine='InnoDB',
        mysql_charset='utf8'
    )

    # No primary key on purpose: it was added in Bexar (025).
    host_tags = Table(
        'host_tags', meta,
        Column('created_at', DateTime),
        Column('host', String(length=64), nullable=False),
        Column('tag', String(length=64), nullable=False),
        mysql_engine='InnoDB',
        mysql_charset='utf8'
    )

    aggregates = Table(
        'aggregates', meta,
        Column('id', Integer, primary_key=True, nullable=False),
        Column('created_at', DateTime),
        Column('updated_at', DateTime),
        Column('deleted_at', DateTime),
        Column('deleted', Integer, default=0),
        Column('name', String(length=255)),
        mysql_engine='InnoDB',
        mysql_charset='utf8'
    )

    aggregate_hosts = Table(
        'aggregate_hosts', meta,
        Column('created_at', DateTime),
        Column('aggregate_id', Integer, nullable=False),
        Column('host', String(length=64), nullable=False),
        PrimaryKeyConstraint('aggregate_id', 'host',
                             name='aggregate_hosts_pkey'),
        ForeignKeyConstraint(['aggregate_id'], ['aggregates.id'],
                             name='aggregate_hosts_aggregate_id_fkey'),
        mysql_engine='InnoDB',
        mysql_charset='utf8'
    )

    auth_tokens = Table(
        'auth_tokens', meta,
        Column('created_at', DateTime),
        Column('updated_at', DateTime),
        Column('deleted_at', DateTime),
        Column('deleted', Integer, default=0),
        Column('token_hash', String(length=255), primary_key=True,
               nullable=False),
        Column('user_id', String(length=255)),
        Column('server_management_url', String(length=255)),
        mysql_engine='InnoDB',
        mysql_charset='utf8'
    )

    certificates = Table(
        'certificates', meta,
        Column('id', Integer, primary_key=True, nullable=False),
        Column('created_at', DateTime),
        Column('updated_at', DateTime),
        Column('deleted_at', DateTime),
        Column('deleted', Integer, default=0),
        Column('user_id', String(length=255)),
        Column('project_id', String(length=255)),
        Column('file_name', String(length=255)),
        mysql_engine='InnoDB',
        mysql_charset='utf8'
    )

    # Tables referenced by foreign keys come first.
    tables = [services, compute_nodes, instance_types, instances,
              instance_metadata, volumes, key_pairs, quota_classes,
              migrations, networks, dns_domains, host_tags, aggregates,
              aggregate_hosts, auth_tokens, certificates]

    for table in tables:
        try:
            table.create()
        except Exception:
            LOG.info(repr(table))
            LOG.exception('Exception while creating table.')
            raise
