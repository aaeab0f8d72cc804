"""icehouse: SSH key pairs of users."""

from migrate import UniqueConstraint
from sqlalchemy import Column, DateTime, Integer, MetaData, String
from sqlalchemy import Table, Text


def upgrade(migrate_engine):
    meta = MetaData()
    meta.bind = migrate_engine
    key_pairs = Table(
        'key_pairs', meta,
        Column('created_at', DateTime),
        Column('updated_at', DateTime),
        Column('deleted_at', DateTime),
        Column('deleted', Integer),
        Column('id', Integer, primary_key=True, nullable=False),
        Column('name', String(255), nullable=False),
        Column('user_id', String(255)),
        Column('fingerprint', String(255)),
        Column('public_key', Text),
        UniqueConstraint('user_id', 'name', 'deleted',
                         name='uniq_key_pairs0user_id0name0deleted'),
        mysql_engine='InnoDB',
        mysql_charset='utf8')
    key_pairs.create(checkfirst=True)
