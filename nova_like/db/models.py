"""The example service's schema: a handful of Nova-like tables.

This is the schema ``migrate_repo`` must build at its head, and, with the
removed fields added back, after ``db sync --expand``; the tests compare
them (models against migrations).
"""
from sqlalchemy import Boolean
from sqlalchemy import Column
from sqlalchemy import DateTime
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import orm
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint

from nova_like.db import conditions
from nova_like.migration import removed_fields

BASE = orm.declarative_base()
MYSQL_ARGS = {'mysql_engine': 'InnoDB', 'mysql_charset': 'utf8'}


class SoftDeleteMixin(object):
    """Nova's timestamps and soft-delete columns."""

    created_at = Column(DateTime)
    updated_at = Column(DateTime)
    deleted_at = Column(DateTime)
    deleted = Column(Integer, default=0)


class Service(SoftDeleteMixin, BASE):
    __tablename__ = 'services'
    __table_args__ = (
        UniqueConstraint('host', 'topic', 'deleted',
                         name='uniq_services0host0topic0deleted'),
        MYSQL_ARGS)

    id = Column(Integer, primary_key=True)
    host = Column(String(255))
    binary = Column(String(255))
    topic = Column(String(255))
    report_count = Column(Integer, nullable=False, default=0)
    disabled = Column(Boolean, default=False)
    disabled_reason = Column(String(255))


class ComputeNode(SoftDeleteMixin, BASE):
    __tablename__ = 'compute_nodes'
    __table_args__ = (MYSQL_ARGS,)

    id = Column(Integer, primary_key=True)
    service_id = Column(Integer, ForeignKey(
        'services.id', name='fk_compute_nodes_service_id'))
    host = Column(String(255))
    hypervisor_hostname = Column(String(255))
    vcpus = Column(Integer, nullable=False)
    memory_mb = Column(Integer, nullable=False)
    local_gb = Column(Integer, nullable=False)
    vcpus_used = Column(Integer, nullable=False)
    memory_mb_used = Column(Integer, nullable=False)
    local_gb_used = Column(Integer, nullable=False)
    hypervisor_type = Column(String(255), nullable=False)
    cpu_info = Column(Text, nullable=False)


class Instance(SoftDeleteMixin, BASE):
    __tablename__ = 'instances'
    __table_args__ = (
        UniqueConstraint('uuid', name='uniq_instances0uuid'),
        Index('instances_host_deleted_idx', 'host', 'deleted'),
        MYSQL_ARGS)

    id = Column(Integer, primary_key=True)
    uuid = Column(String(36), nullable=False)
    # Renamed in juno: 118 adds host_name, an online data migration copies
    # the values, 119 drops hostname once nothing is left to copy.
    host_name = Column(String(255))
    hostname = removed_fields.RemovedField(
        original=String(255),
        condition=conditions.InstanceHostNameMigrated())
    host = Column(String(255))
    node = Column(String(255))
    vm_state = Column(String(255))
    task_state = Column(String(255))
    power_state = Column(Integer)
    memory_mb = Column(Integer)
    vcpus = Column(Integer)
    root_gb = Column(Integer)
    display_name = Column(String(255))
    launched_at = Column(DateTime)
    terminated_at = Column(DateTime)
    locked = Column(Boolean)


class InstanceMetadata(SoftDeleteMixin, BASE):
    __tablename__ = 'instance_metadata'
    __table_args__ = (
        Index('instance_metadata_instance_uuid_idx', 'instance_uuid'),
        MYSQL_ARGS)

    id = Column(Integer, primary_key=True)
    key = Column(String(255))
    value = Column(String(255))
    instance_uuid = Column(String(36), ForeignKey(
        'instances.uuid', name='instance_metadata_instance_uuid_fkey'))


class KeyPair(SoftDeleteMixin, BASE):
    __tablename__ = 'key_pairs'
    __table_args__ = (
        UniqueConstraint('user_id', 'name', 'deleted',
                         name='uniq_key_pairs0user_id0name0deleted'),
        MYSQL_ARGS)

    id = Column(Integer, primary_key=True)
    name = Column(String(255), nullable=False)
    user_id = Column(String(255))
    fingerprint = Column(String(255))
    public_key = Column(Text)
