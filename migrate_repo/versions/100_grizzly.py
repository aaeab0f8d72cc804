# Copyright 2013 nova_like developers
#
#    Licensed under the Apache License, Version 2.0 (the "License"); you may
#    not use this file except in compliance with the License.
"""Compacted initial schema: everything up to the grizzly release."""

from sqlalchemy import Boolean, Column, DateTime, Integer
from sqlalchemy import MetaData, String, Table, Text
from sqlalchemy import UniqueConstraint


def _soft_delete_columns():
    return [Column('created_at', DateTime),
            Column('updated_at', DateTime),
            Column('deleted_at', DateTime),
            Column('deleted', Integer)]


def upgrade(migrate_engine):
    meta = MetaData()
    meta.bind = migrate_engine

    services = Table('services', meta,
                     Column('id', Integer, primary_key=True, nullable=False),
                     Column('host', String(255)),
                     Column('binary', String(255)),
                     Column('topic', String(255)),
                     Column('report_count', Integer, nullable=False),
                     Column('disabled', Boolean),
                     *_soft_delete_columns(),
                     mysql_engine='InnoDB',
                     mysql_charset='utf8')

    compute_nodes = Table('compute_nodes', meta,
                          Column('id', Integer, primary_key=True,
                                 nullable=False),
                          Column('service_id', Integer),
                          Column('host', String(255)),
                          Column('vcpus', Integer, nullable=False),
                          Column('memory_mb', Integer, nullable=False),
                          Column('local_gb', Integer, nullable=False),
                          Column('vcpus_used', Integer, nullable=False),
                          Column('memory_mb_used', Integer, nullable=False),
                          Column('local_gb_used', Integer, nullable=False),
                          Column('hypervisor_type', String(255),
                                 nullable=False),
                          Column('cpu_info', Text),
                          *_soft_delete_columns(),
                          mysql_engine='InnoDB',
                          mysql_charset='utf8')

    instances = Table('instances', meta,
                      Column('id', Integer, primary_key=True, nullable=False),
                      Column('uuid', String(36), nullable=False),
                      Column('hostname', String(255)),
                      Column('host', String(255)),
                      Column('node', String(255)),
                      Column('vm_state', String(255)),
                      Column('task_state', String(255)),
                      Column('power_state', Integer),
                      Column('memory_mb', Integer),
                      Column('vcpus', Integer),
                      Column('root_gb', Integer),
                      Column('display_name', String(255)),
                      Column('launched_at', DateTime),
                      Column('terminated_at', DateTime),
                      Column('locked', Boolean),
                      *_soft_delete_columns(),
                      UniqueConstraint('uuid', name='uniq_instances0uuid'),
                      mysql_engine='InnoDB',
                      mysql_charset='utf8')

    for table in (services, compute_nodes, instances):
        table.create()
