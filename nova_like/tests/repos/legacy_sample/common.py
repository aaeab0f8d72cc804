"""Helpers shared by the legacy_sample migration scripts.

Real projects kept such helpers beside their models (``nova.db.sqlalchemy
.types``, ``nova.exception``) and their migration scripts imported them by
package path.  This module must import on SQLAlchemy 1.4 and 2.x alike: the
same scripts run under the real sqlalchemy-migrate 0.13 and under nova_like.
"""
from sqlalchemy.dialects import mysql
from sqlalchemy.dialects import postgresql
from sqlalchemy import types


# Rows touched per statement by the batched data migrations, so that a big
# table is never locked by one huge UPDATE.
BATCH_SIZE = 50

# Flavors every deployment starts with (002).  The ids are fixed because
# other services refer to them, hence the sequence fix-up on PostgreSQL.
DEFAULT_FLAVORS = [
    dict(id=1, name='m1.tiny', memory_mb=512, vcpus=1, root_gb=1,
         flavorid='1'),
    dict(id=2, name='m1.small', memory_mb=2048, vcpus=1, root_gb=20,
         flavorid='2'),
    dict(id=3, name='m1.medium', memory_mb=4096, vcpus=2, root_gb=40,
         flavorid='3'),
    dict(id=4, name='m1.large', memory_mb=8192, vcpus=4, root_gb=80,
         flavorid='4'),
    dict(id=5, name='m1.xlarge', memory_mb=16384, vcpus=8, root_gb=160,
         flavorid='5'),
]

# Limits of the 'default' quota class (042).
DEFAULT_QUOTAS = {
    'instances': 10,
    'cores': 20,
    'ram': 51200,
    'key_pairs': 100,
    'metadata_items': 128,
}


def MediumText():
    """Text able to hold more than 64KiB on MySQL, where TEXT cannot."""
    return types.Text().with_variant(mysql.MEDIUMTEXT(), 'mysql')


class IPAddress(types.TypeDecorator):
    """An IPv4 or IPv6 address: INET on PostgreSQL, a string elsewhere."""

    impl = types.String
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == 'postgresql':
            return dialect.type_descriptor(postgresql.INET())
        # 39 characters: the longest textual IPv6 address.
        return dialect.type_descriptor(types.String(39))


class CIDR(types.TypeDecorator):
    """An IPv4 or IPv6 network: CIDR on PostgreSQL, a string elsewhere."""

    impl = types.String
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == 'postgresql':
            return dialect.type_descriptor(postgresql.CIDR())
        # An IPv6 address plus '/128'.
        return dialect.type_descriptor(types.String(43))


class ValidationError(Exception):
    """A blocker migration found data that online migrations must fix."""
