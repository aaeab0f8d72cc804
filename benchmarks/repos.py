"""The repositories the benchmark drives, written on the fly.

Each placeholder layout is written twice with the same DDL: as a legacy
sqlalchemy-migrate repository (nova_like and sqlalchemy-migrate 0.13 run
it) and as an equivalent Alembic revision chain with a minimal ``env.py``.
"""
import os

from nova_like.tests import generated
from nova_like.tests import scenario

COLUMNS = """
        sa.Column('id', sa.Integer, primary_key=True, nullable=False),
        sa.Column('uuid', sa.String(36), nullable=False),
        sa.Column('name', sa.String(255)),
        sa.Column('created_at', sa.DateTime),
        sa.UniqueConstraint('uuid', name='uniq_%(name)s0uuid'),
        mysql_engine='InnoDB')"""

LEGACY_TABLE = '''import sqlalchemy as sa


def upgrade(migrate_engine):
    meta = sa.MetaData(bind=migrate_engine)
    table = sa.Table(
        %(name)r, meta,''' + COLUMNS + '''
    table.create()
'''

ALEMBIC_REVISION = '''"""%(doc)s"""
import sqlalchemy as sa  # noqa
from alembic import op  # noqa

revision = %(revision)r
down_revision = %(down)r
branch_labels = None
depends_on = None


def upgrade():
%(body)s
'''

ALEMBIC_TABLE = '''    op.create_table(
        %(name)r,''' + COLUMNS

ALEMBIC_INI = """[alembic]
script_location = %(here)s
path_separator = os
"""

# The smallest env.py that migrates: online, one connection, the URL from
# `alembic -x url=...`; no logging configuration, no autogenerate metadata.
ALEMBIC_ENV = """import sqlalchemy as sa
from alembic import context

url = context.get_x_argument(as_dictionary=True)['url']
engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
with engine.connect() as connection:
    context.configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as target:
        target.write(text)


def table_versions(count, tables):
    """Versions holding a create-table script, evenly spread from 1."""
    return {1 + index * (count // tables) for index in range(tables)}


def legacy_repo(path, repository_id):
    """An empty legacy repository (``migrate.cfg``, ``versions/``)."""
    write(os.path.join(path, 'migrate.cfg'), scenario.MIGRATE_CFG.format(
        repository_id=repository_id, version_table='migrate_version'))
    write(os.path.join(path, 'versions', '__init__.py'), '')
    return path


def placeholder_repo(path, count, tables):
    """``count`` versions: ``tables`` create tables, placeholders between."""
    legacy_repo(path, 'bench_%d_%d' % (count, tables))
    creates = table_versions(count, tables)
    for version in range(1, count + 1):
        if version in creates:
            write(os.path.join(path, 'versions', '%03d_create_t%04d.py' % (
                version, version)), LEGACY_TABLE % {'name': 't%04d' % (
                    version)})
        else:
            write(os.path.join(path, 'versions', '%03d_placeholder.py' % (
                version)), scenario.PLACEHOLDER)
    return path


def alembic_chain(path, count, tables):
    """The same layout as a linear Alembic chain; returns the ini path."""
    creates = table_versions(count, tables)
    write(os.path.join(path, 'alembic.ini'), ALEMBIC_INI % {'here': path})
    write(os.path.join(path, 'env.py'), ALEMBIC_ENV)
    for version in range(1, count + 1):
        table = version in creates
        body = ALEMBIC_TABLE % {'name': 't%04d' % version} if table else \
            '    pass'
        write(os.path.join(path, 'versions', '%04d_rev.py' % version),
              ALEMBIC_REVISION % {
                  'doc': 'create t%04d' % version if table else
                  'placeholder', 'revision': '%04d' % version,
                  'down': '%04d' % (version - 1) if version > 1 else None,
                  'body': body})
    return os.path.join(path, 'alembic.ini')


def ddl_repo(path, count, seed=8):
    """Real-looking legacy DDL (nova_like.tests.generated), ``count`` long."""
    legacy_repo(path, 'bench_ddl_%d' % count)
    for version in generated.generate(seed, count):
        write(os.path.join(path, version.filename), version.source)
    return path
